"""The PPTX painter: a CardLayout as native, editable PowerPoint shapes (python-pptx).

The third painter of the same layout (after reportlab and QPainter): every text
block is a text box with one paragraph per laid-out line, each run in its real
font (the bundled face's family, or a common or theme font on request), size
and colour; boxes, bands, badges, rules, polygons and sliders are native
shapes; photos are pictures cropped as the layout chose. Nothing is a picture
of text. Coordinates are the layout's points, placed on the slide by an offset
and a scale (a card is fitted into the slide's content area).
"""

from __future__ import annotations

import io
from collections import OrderedDict
from xml.sax.saxutils import escape

from pptx.enum.shapes import MSO_SHAPE
from pptx.oxml import parse_xml

from personadesigner.core.avatar import image_key
from personadesigner.core.cardlayout import Box, CardLayout, Icon, ImageItem, Polygon, Rule, Slider, TextBlock, TextRun
from personadesigner.core.fonts import FACES
from personadesigner.core.svg_path import flatten
from personadesigner.render.painter import bind, draw_primitives
from personadesigner.render.shapes import rgba, slider_shape

EMU_PER_PT = 12700
#: Where PowerPoint puts the first baseline in a line of exact height L: about 0.8 L
#: (the bundled Noto faces' ascent over ascent plus descent).
BASELINE_SHARE = 0.785
#: --pptx-fonts common: the bundled families mapped to fonts every Office machine has.
COMMON_FONTS = {"Noto Sans": "Arial", "Noto Serif": "Georgia", "DejaVu Sans": "Arial"}
#: --pptx-fonts theme: the client template's own fonts (major for headings, minor for the rest).
THEME_MAJOR, THEME_MINOR = "+mj-lt", "+mn-lt"


def font_family(key: str, mode: str = "keep", size: float = 0.0) -> str:
    """The font name a run of the bundled face ``key`` gets in the PPTX."""
    family = FACES[key].family if key in FACES else key
    if mode == "common":
        return COMMON_FONTS.get(family, family)
    if mode == "theme" and family in ("Noto Sans", "Noto Serif"):
        return THEME_MAJOR if FACES[key].bold and size >= 18 else THEME_MINOR
    return family


_NS = (
    'xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
)
_PRESET = {"rect": "rect", "round": "roundRect", "ellipse": "ellipse"}
_ALGN = {"left": "l", "center": "ctr", "right": "r"}


def _esc(text: str) -> str:
    return escape(text, {'"': "&quot;"})


def _solid(color: str) -> str:
    """``<a:solidFill>`` of ``#rrggbb[aa]`` (alpha as DrawingML's a:alpha)."""
    r, g, b, a = rgba(color)
    hexed = f"{round(r * 255):02X}{round(g * 255):02X}{round(b * 255):02X}"
    alpha = f'<a:alpha val="{round(a * 100000)}"/>' if a < 1 else ""
    return f'<a:solidFill><a:srgbClr val="{hexed}">{alpha}</a:srgbClr></a:solidFill>'


class PptxPainter:
    """Draws layouts on python-pptx slides; a ``render.painter.Painter``.

    Shapes are written as DrawingML and parsed once per slide (python-pptx's
    property setters cost a 50-persona deck seconds); pictures, which need a
    relationship to their image part, go through python-pptx, after the shapes
    before them so the stacking order is the layout's.
    """

    def __init__(self, fonts: str = "keep") -> None:
        self.fonts = fonts
        self.slide = None
        self.ox = self.oy = 0.0
        self.scale = 1.0
        self._crops: OrderedDict[tuple, bytes] = OrderedDict()
        self._pending: list[str] = []
        self._next_id = 1

    # ----------------------------------------------------------------- placement
    def draw_layout(
        self, slide, layout: CardLayout, x: float, y: float, scale: float, skip: set[str] | frozenset[str] = frozenset()
    ) -> None:
        """Draw ``layout`` on ``slide`` with its top-left at (x, y) points, scaled; ``skip``: fields left out."""
        self.slide, self.ox, self.oy, self.scale = slide, x, y, scale
        tree = slide.shapes._spTree
        self._next_id = max([int(i) for i in tree.xpath("//p:cNvPr/@id")] + [1]) + 1
        methods = bind(self)
        if skip:
            for item in layout.items:
                if getattr(item, "field", None) not in skip:
                    methods[type(item)](item)
        else:
            draw_primitives(layout, self, methods)
        self._flush()

    def _flush(self) -> None:
        if not self._pending:
            return
        parsed = parse_xml(f"<p:spTree {_NS}>{''.join(self._pending)}</p:spTree>")
        tree = self.slide.shapes._spTree
        for child in list(parsed):
            tree.insert_element_before(child, "p:extLst")
        self._pending.clear()

    def _id(self) -> int:
        self._next_id += 1
        return self._next_id - 1

    def _x(self, v: float) -> int:
        return round((self.ox + v * self.scale) * EMU_PER_PT)

    def _y(self, v: float) -> int:
        return round((self.oy + v * self.scale) * EMU_PER_PT)

    def _d(self, v: float) -> int:
        return max(0, round(v * self.scale * EMU_PER_PT))

    def _xfrm(self, x: float, y: float, w: float, h: float, flips: str = "") -> str:
        return (
            f'<a:xfrm{flips}><a:off x="{self._x(x)}" y="{self._y(y)}"/>'
            f'<a:ext cx="{self._d(w)}" cy="{self._d(h)}"/></a:xfrm>'
        )

    # ----------------------------------------------------------------- shapes
    def _shape(
        self,
        kind: str,
        x: float,
        y: float,
        w: float,
        h: float,
        fill: str | None,
        stroke: str | None = None,
        stroke_width: float = 0.0,
        radius: float = 0.0,
        name: str = "",
    ) -> None:
        sid = self._id()
        adj = ""
        if kind == "round":
            adj = f'<a:gd name="adj" fmla="val {round(min(0.5, radius / max(0.01, min(w, h))) * 100000)}"/>'
        paint = _solid(fill) if fill else "<a:noFill/>"
        if stroke and stroke_width > 0:
            line = f'<a:ln w="{max(1, self._d(stroke_width))}">{_solid(stroke)}</a:ln>'
        else:
            line = "<a:ln><a:noFill/></a:ln>"
        self._pending.append(
            f'<p:sp><p:nvSpPr><p:cNvPr id="{sid}" name="{_esc(name or "Shape")} {sid}"/><p:cNvSpPr/><p:nvPr/>'
            f'</p:nvSpPr><p:spPr>{self._xfrm(x, y, w, h)}<a:prstGeom prst="{_PRESET[kind]}"><a:avLst>{adj}'
            f"</a:avLst></a:prstGeom>{paint}{line}</p:spPr></p:sp>"
        )

    def box(self, item: Box) -> None:
        if not item.fill and not (item.stroke and item.stroke_width > 0):
            return
        kind = "ellipse" if item.shape == "ellipse" else "round" if item.radius > 0 else "rect"
        self._shape(
            kind,
            item.x,
            item.y,
            item.w,
            item.h,
            item.fill,
            item.stroke,
            item.stroke_width,
            item.radius,
            item.field or "",
        )

    def rule(self, item: Rule) -> None:
        sid = self._id()
        flips = (' flipH="1"' if item.x2 < item.x1 else "") + (' flipV="1"' if item.y2 < item.y1 else "")
        x, y = min(item.x1, item.x2), min(item.y1, item.y2)
        xfrm = self._xfrm(x, y, abs(item.x2 - item.x1), abs(item.y2 - item.y1), flips)
        self._pending.append(
            f'<p:cxnSp><p:nvCxnSpPr><p:cNvPr id="{sid}" name="Line {sid}"/><p:cNvCxnSpPr/><p:nvPr/></p:nvCxnSpPr>'
            f'<p:spPr>{xfrm}<a:prstGeom prst="line"><a:avLst/></a:prstGeom>'
            f'<a:ln w="{max(1, self._d(item.width))}">{_solid(item.color)}</a:ln></p:spPr></p:cxnSp>'
        )

    def polygon(self, item: Polygon) -> None:
        sid = self._id()
        x0, y0 = self._x(item.x), self._y(item.y)
        cx, cy = max(1, self._d(item.w)), max(1, self._d(item.h))
        pts = [(self._x(x) - x0, self._y(y) - y0) for x, y in item.points]
        path = f'<a:moveTo><a:pt x="{pts[0][0]}" y="{pts[0][1]}"/></a:moveTo>' + "".join(
            f'<a:lnTo><a:pt x="{px}" y="{py}"/></a:lnTo>' for px, py in pts[1:]
        )
        self._pending.append(
            f'<p:sp><p:nvSpPr><p:cNvPr id="{sid}" name="Freeform {sid}"/><p:cNvSpPr/><p:nvPr/></p:nvSpPr>'
            f'<p:spPr><a:xfrm><a:off x="{x0}" y="{y0}"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm><a:custGeom>'
            f'<a:avLst/><a:gdLst/><a:ahLst/><a:cxnLst/><a:rect l="0" t="0" r="r" b="b"/><a:pathLst>'
            f'<a:path w="{cx}" h="{cy}">{path}<a:close/></a:path></a:pathLst></a:custGeom>{_solid(item.fill)}'
            f"<a:ln><a:noFill/></a:ln></p:spPr></p:sp>"
        )

    def slider(self, item: Slider) -> None:
        s = slider_shape(item)
        r = s.track_radius
        self._shape("round", *s.track, item.track, radius=r, name="Slider")
        if s.filled[2] > 0:
            self._shape("round", *s.filled, item.fill, radius=r, name="Slider")
        m = s.marker_r
        self._shape("ellipse", s.marker_cx - m, s.marker_cy - m, 2 * m, 2 * m, item.marker, name="Slider")

    def icon(self, item: Icon) -> None:
        """A freeform of the icon's outlines flattened to lines (core.svg_path.flatten):
        stroked paths with round caps and joins, filled paths without a line."""
        sid = self._id()
        x0, y0 = self._x(item.x), self._y(item.y)
        side = max(1, self._d(item.size))
        tolerance = 0.02 / max(self.scale, 1e-6)  # 0.02 pt on the slide

        def path(sub, attrs: str) -> str:
            pts = [(self._x(x) - x0, self._y(y) - y0) for x, y in flatten(sub, tolerance)]
            body = f'<a:moveTo><a:pt x="{pts[0][0]}" y="{pts[0][1]}"/></a:moveTo>' + "".join(
                f'<a:lnTo><a:pt x="{px}" y="{py}"/></a:lnTo>' for px, py in pts[1:]
            )
            close = "<a:close/>" if sub.closed else ""
            return f'<a:path w="{side}" h="{side}" {attrs}>{body}{close}</a:path>'

        paths = [path(sub, 'fill="none"') for sub in item.outlines()]
        paths += [path(sub, 'stroke="0"') for sub in item.outlines(filled=True)]
        line = f'<a:ln w="{max(1, self._d(item.stroke_width))}" cap="rnd">{_solid(item.color)}<a:round/></a:ln>'
        self._pending.append(
            f'<p:sp><p:nvSpPr><p:cNvPr id="{sid}" name="Icon {_esc(item.name)} {sid}"/><p:cNvSpPr/><p:nvPr/></p:nvSpPr>'
            f'<p:spPr><a:xfrm><a:off x="{x0}" y="{y0}"/><a:ext cx="{side}" cy="{side}"/></a:xfrm><a:custGeom>'
            f'<a:avLst/><a:gdLst/><a:ahLst/><a:cxnLst/><a:rect l="0" t="0" r="r" b="b"/><a:pathLst>'
            f"{''.join(paths)}</a:pathLst></a:custGeom>{_solid(item.color)}{line}</p:spPr></p:sp>"
        )

    def image_item(self, item: ImageItem) -> None:
        self._flush()  # the shapes drawn before the photo stay under it
        data = self._crop(item)
        pic = self.slide.shapes.add_picture(
            io.BytesIO(data), self._x(item.x), self._y(item.y), self._d(item.w), self._d(item.h)
        )
        if item.clip == "ellipse":
            pic.auto_shape_type = MSO_SHAPE.OVAL
        elif item.clip == "rounded" and item.radius > 0:
            pic.auto_shape_type = MSO_SHAPE.ROUNDED_RECTANGLE
        self._next_id = max(self._next_id, pic.shape_id + 1)

    def _crop(self, item: ImageItem) -> bytes:
        key = (image_key(item), tuple(item.src))
        found = self._crops.get(key)
        if found is None:
            from PIL import Image

            image = Image.open(io.BytesIO(item.data))
            image.load()
            x, y, w, h = item.src
            box = (round(x), round(y), round(x + w), round(y + h))
            if box != (0, 0, image.width, image.height):
                image = image.crop(box)
            if image.mode not in ("RGB", "RGBA", "L"):
                image = image.convert("RGBA" if "A" in image.getbands() else "RGB")
            buf = io.BytesIO()
            image.save(buf, "PNG")
            found = self._crops[key] = buf.getvalue()
            if len(self._crops) > 64:
                self._crops.popitem(last=False)
        return found

    # ----------------------------------------------------------------- text
    def text_block(self, item: TextBlock) -> None:
        lines = [line for line in item.lines if line.runs]
        if not lines:
            return
        runs = [r for line in lines for r in line.runs]
        size = max(r.size for r in lines[0].runs)
        baselines = [line.runs[0].y for line in lines]
        step = (baselines[-1] - baselines[0]) / (len(lines) - 1) if len(lines) > 1 else size * 1.25
        step = max(step, size)
        left = min(r.x for r in runs)
        right = max(r.x + r.width for r in runs)
        if item.align == "left":
            x, w = left, max(right, item.x + item.w) - left
        else:
            x = min(item.x, left)
            w = max(item.x + item.w, right) - x
        top = baselines[0] - BASELINE_SHARE * step
        spacing = round(step * self.scale * 100)
        algn = _ALGN.get(item.align, "l")
        paras = []
        for line in lines:
            body = "".join(self._run_xml(text, run) for text, run in self._runs(line))
            paras.append(
                f'<a:p><a:pPr algn="{algn}"><a:lnSpc><a:spcPts val="{spacing}"/></a:lnSpc>'
                f'<a:spcBef><a:spcPts val="0"/></a:spcBef><a:spcAft><a:spcPts val="0"/></a:spcAft>'
                f"</a:pPr>{body}</a:p>"
            )
        sid = self._id()
        name = (item.field or "Text") + (f" {item.item + 1}" if item.item is not None else "")
        self._pending.append(
            f'<p:sp><p:nvSpPr><p:cNvPr id="{sid}" name="{_esc(name)}"/><p:cNvSpPr txBox="1"/><p:nvPr/></p:nvSpPr>'
            f'<p:spPr>{self._xfrm(x, top, w, step * len(lines))}<a:prstGeom prst="rect"><a:avLst/></a:prstGeom>'
            f'<a:noFill/></p:spPr><p:txBody><a:bodyPr wrap="none" lIns="0" tIns="0" rIns="0" bIns="0" anchor="t">'
            f"<a:noAutofit/></a:bodyPr><a:lstStyle/>{''.join(paras)}</p:txBody></p:sp>"
        )

    def _run_xml(self, text: str, run: TextRun) -> str:
        face = FACES.get(run.font)
        name = _esc(font_family(run.font, self.fonts, run.size))
        ea, cs = (name.replace("-lt", "-ea"), name.replace("-lt", "-cs")) if name.startswith("+") else (name, name)
        bold = ' b="1"' if face and face.bold else ' b="0"'
        italic = ' i="1"' if face and face.italic else ' i="0"'
        return (
            f'<a:r><a:rPr lang="en-US" sz="{round(run.size * self.scale * 100)}"{bold}{italic} dirty="0">'
            f'{_solid(run.color)}<a:latin typeface="{name}"/><a:ea typeface="{ea}"/><a:cs typeface="{cs}"/>'
            f"</a:rPr><a:t>{_esc(text)}</a:t></a:r>"
        )

    @staticmethod
    def _runs(line) -> list[tuple[str, TextRun]]:
        """The line's text in reading order with the run whose format it takes.

        Runs of one format are joined (letter-spaced headings come one letter a run);
        a line whose runs do not spell its logical text (right-to-left, shaped) is one
        run of the logical text, so PowerPoint gets editable text in reading order.
        """
        joined = "".join(r.text for r in line.runs)
        if line.text and joined != line.text:
            return [(line.text, line.runs[0])]
        out: list[tuple[str, TextRun]] = []
        for r in line.runs:
            if out and (out[-1][1].font, out[-1][1].size, out[-1][1].color) == (r.font, r.size, r.color):
                out[-1] = (out[-1][0] + r.text, out[-1][1])
            else:
                out.append((r.text, r))
        return out


def fonts_used(layouts, mode: str = "keep") -> list[str]:
    """The font names a deck of ``layouts`` names (what a client machine needs installed)."""
    seen: dict[str, None] = {}
    for lay in layouts:
        for run in lay.runs():
            seen[font_family(run.font, mode, run.size)] = None
    return sorted(seen)


__all__ = ["COMMON_FONTS", "PptxPainter", "font_family", "fonts_used"]
