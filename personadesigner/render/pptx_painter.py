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

from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_CONNECTOR, MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.oxml.ns import qn
from pptx.util import Emu, Pt

from personadesigner.core.avatar import image_key
from personadesigner.core.cardlayout import Box, CardLayout, ImageItem, Polygon, Rule, Slider, TextBlock, TextRun
from personadesigner.core.fonts import FACES
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
ALIGN = {"left": PP_ALIGN.LEFT, "center": PP_ALIGN.CENTER, "right": PP_ALIGN.RIGHT}


def font_family(key: str, mode: str = "keep", size: float = 0.0) -> str:
    """The font name a run of the bundled face ``key`` gets in the PPTX."""
    family = FACES[key].family if key in FACES else key
    if mode == "common":
        return COMMON_FONTS.get(family, family)
    if mode == "theme" and family in ("Noto Sans", "Noto Serif"):
        return THEME_MAJOR if FACES[key].bold and size >= 18 else THEME_MINOR
    return family


def _rgb(color: str) -> tuple[RGBColor, float]:
    r, g, b, a = rgba(color)
    return RGBColor(round(r * 255), round(g * 255), round(b * 255)), a


def _no_style(shape) -> None:
    """Drop python-pptx's default shape style (theme line and shadow): the layout sets every colour."""
    style = shape._element.find(qn("p:style"))
    if style is not None:
        shape._element.remove(style)


def _alpha(fill_parent, alpha: float) -> None:
    if alpha >= 1:
        return
    solid = fill_parent.find(qn("a:solidFill"))
    if solid is not None and len(solid):
        el = solid[0].makeelement(qn("a:alpha"), {"val": str(round(alpha * 100000))})
        solid[0].append(el)


class PptxPainter:
    """Draws layouts on python-pptx slides; a ``render.painter.Painter``."""

    def __init__(self, fonts: str = "keep") -> None:
        self.fonts = fonts
        self.shapes = None
        self.ox = self.oy = 0.0
        self.scale = 1.0
        self._crops: OrderedDict[tuple, bytes] = OrderedDict()
        self.skip: set[str] = set()

    # ----------------------------------------------------------------- placement
    def draw_layout(self, slide, layout: CardLayout, x: float, y: float, scale: float,
                    skip: set[str] | frozenset[str] = frozenset()) -> None:
        """Draw ``layout`` on ``slide`` with its top-left at (x, y) points, scaled; ``skip``: fields left out."""
        self.shapes, self.ox, self.oy, self.scale = slide.shapes, x, y, scale
        self.skip = set(skip)
        methods = bind(self)
        if self.skip:
            for item in layout.items:
                if getattr(item, "field", None) not in self.skip:
                    methods[type(item)](item)
        else:
            draw_primitives(layout, self, methods)

    def _x(self, v: float) -> int:
        return round((self.ox + v * self.scale) * EMU_PER_PT)

    def _y(self, v: float) -> int:
        return round((self.oy + v * self.scale) * EMU_PER_PT)

    def _d(self, v: float) -> int:
        return max(0, round(v * self.scale * EMU_PER_PT))

    # ----------------------------------------------------------------- shapes
    def _shape(self, kind, x: float, y: float, w: float, h: float, fill: str | None,
               stroke: str | None = None, stroke_width: float = 0.0, radius: float = 0.0):
        shape = self.shapes.add_shape(kind, self._x(x), self._y(y), self._d(w), self._d(h))
        _no_style(shape)
        if kind == MSO_SHAPE.ROUNDED_RECTANGLE:
            shape.adjustments[0] = min(0.5, radius / max(0.01, min(w, h)))
        if fill:
            color, a = _rgb(fill)
            shape.fill.solid()
            shape.fill.fore_color.rgb = color
            _alpha(shape._element.spPr, a)
        else:
            shape.fill.background()
        if stroke and stroke_width > 0:
            color, _ = _rgb(stroke)
            shape.line.color.rgb = color
            shape.line.width = Emu(self._d(stroke_width))
        else:
            shape.line.fill.background()
        return shape

    def box(self, item: Box) -> None:
        if not item.fill and not (item.stroke and item.stroke_width > 0):
            return
        if item.shape == "ellipse":
            kind = MSO_SHAPE.OVAL
        elif item.radius > 0:
            kind = MSO_SHAPE.ROUNDED_RECTANGLE
        else:
            kind = MSO_SHAPE.RECTANGLE
        self._shape(kind, item.x, item.y, item.w, item.h, item.fill, item.stroke, item.stroke_width, item.radius)

    def rule(self, item: Rule) -> None:
        line = self.shapes.add_connector(MSO_CONNECTOR.STRAIGHT, self._x(item.x1), self._y(item.y1),
                                         self._x(item.x2), self._y(item.y2))
        _no_style(line)
        color, _ = _rgb(item.color)
        line.line.color.rgb = color
        line.line.width = Emu(max(1, self._d(item.width)))

    def polygon(self, item: Polygon) -> None:
        (x0, y0), *rest = item.points
        builder = self.shapes.build_freeform(self._x(x0), self._y(y0), scale=1.0)
        builder.add_line_segments([(self._x(x), self._y(y)) for x, y in rest], close=True)
        shape = builder.convert_to_shape()
        _no_style(shape)
        color, a = _rgb(item.fill)
        shape.fill.solid()
        shape.fill.fore_color.rgb = color
        _alpha(shape._element.spPr, a)
        shape.line.fill.background()

    def slider(self, item: Slider) -> None:
        s = slider_shape(item)
        r = s.track_radius
        self._shape(MSO_SHAPE.ROUNDED_RECTANGLE, *s.track, item.track, radius=r)
        if s.filled[2] > 0:
            self._shape(MSO_SHAPE.ROUNDED_RECTANGLE, *s.filled, item.fill, radius=r)
        m = s.marker_r
        self._shape(MSO_SHAPE.OVAL, s.marker_cx - m, s.marker_cy - m, 2 * m, 2 * m, item.marker)

    def image_item(self, item: ImageItem) -> None:
        data = self._crop(item)
        pic = self.shapes.add_picture(io.BytesIO(data), self._x(item.x), self._y(item.y), self._d(item.w),
                                      self._d(item.h))
        if item.clip == "ellipse":
            pic.auto_shape_type = MSO_SHAPE.OVAL
        elif item.clip == "rounded" and item.radius > 0:
            pic.auto_shape_type = MSO_SHAPE.ROUNDED_RECTANGLE

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
        box = self.shapes.add_textbox(self._x(x), self._y(top), self._d(w), self._d(step * len(lines)))
        frame = box.text_frame
        frame.word_wrap = False  # the layout broke the lines: no second breaking with other metrics
        frame.auto_size = MSO_AUTO_SIZE.NONE
        frame.margin_left = frame.margin_right = frame.margin_top = frame.margin_bottom = 0
        frame.vertical_anchor = MSO_ANCHOR.TOP
        align = ALIGN.get(item.align, PP_ALIGN.LEFT)
        spacing = Pt(step * self.scale)
        for i, line in enumerate(lines):
            para = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
            para.alignment = align
            para.line_spacing = spacing
            para.space_before = para.space_after = Pt(0)
            for text, run in self._runs(line):
                r = para.add_run()
                r.text = text
                self._font(r.font, run)
        if item.field:
            box.name = f"{item.field}" + (f" {item.item + 1}" if item.item is not None else "")

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

    def _font(self, font, run: TextRun) -> None:
        face = FACES.get(run.font)
        font.name = font_family(run.font, self.fonts, run.size)
        font.size = Pt(round(run.size * self.scale * 100) / 100)
        font.bold = bool(face and face.bold)
        font.italic = bool(face and face.italic)
        color, _ = _rgb(run.color)
        font.color.rgb = color


def fonts_used(layouts, mode: str = "keep") -> list[str]:
    """The font names a deck of ``layouts`` names (what a client machine needs installed)."""
    seen: dict[str, None] = {}
    for lay in layouts:
        for run in lay.runs():
            seen[font_family(run.font, mode, run.size)] = None
    return sorted(seen)


__all__ = ["COMMON_FONTS", "PptxPainter", "font_family", "fonts_used"]
