"""The PDF painter: draws planned sheets of CardLayouts with reportlab.

Thin on purpose: every primitive is drawn as the layout engine placed it (text
runs at their baseline with the bundled font file, no line breaking, no
shaping, no markup). Fonts are the same files the layout measured with and are
embedded as subsets. No Qt in this module: the command line exports PDFs
without loading Qt at all.
"""

from __future__ import annotations

import hashlib
import io
import os
from collections import OrderedDict
from functools import cache
from typing import BinaryIO, Iterable

from reportlab.lib.colors import CMYKColorSep
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from personadesigner import APP_NAME, __version__
from personadesigner.atomic import atomic_write
from personadesigner.core.cardlayout import (
    Box,
    CardLayout,
    ImageItem,
    Rule,
    Slider,
    TextBlock,
    TextRun,
)
from personadesigner.core.fonts import FACES
from personadesigner.render.shapes import Rect, rgba, slider_shape
from personadesigner.render.sheet import MARK_WIDTH, Sheet, card_sheet

#: Registration colour: printed on every separation, so marks show on every plate.
REGISTRATION = CMYKColorSep(1, 1, 1, 1, spotName="All", density=1)


@cache
def register_fonts() -> dict[str, str]:
    """Register every bundled face with reportlab once; font key -> reportlab name."""
    names = {}
    for key, face in FACES.items():
        name = f"PD-{key}"
        pdfmetrics.registerFont(TTFont(name, str(face.path), subfontIndex=face.subfont))
        names[key] = name
    return names


class _ImageCache:
    """Cropped photos as reportlab readers, keyed by (image bytes hash, crop).

    A batch of cards shows the same few photos again and again; decoding and
    cropping each once keeps a 1000-card export fast.
    """

    def __init__(self, size: int = 64) -> None:
        self._size = size
        self._items: OrderedDict[tuple[str, tuple], ImageReader] = OrderedDict()

    def get(self, data: bytes, src: tuple[float, float, float, float]) -> ImageReader:
        key = (hashlib.sha1(data).hexdigest(), tuple(src))
        reader = self._items.get(key)
        if reader is None:
            reader = ImageReader(_crop(data, src))
            self._items[key] = reader
            if len(self._items) > self._size:
                self._items.popitem(last=False)
        else:
            self._items.move_to_end(key)
        return reader


def _crop(data: bytes, src: tuple[float, float, float, float]):
    from PIL import Image

    image = Image.open(io.BytesIO(data))
    image.load()
    if image.mode not in ("RGB", "RGBA", "L"):
        image = image.convert("RGBA" if "A" in image.getbands() else "RGB")
    x, y, w, h = src
    box = (round(x), round(y), round(x + w), round(y + h))
    if box != (0, 0, image.width, image.height):
        image = image.crop(box)
    return image


class PdfPainter:
    """Draws sheets on a reportlab canvas (one page per sheet)."""

    def __init__(self, canvas: Canvas) -> None:
        self.canvas = canvas
        self.fonts = register_fonts()
        self.images = _ImageCache()

    # ----------------------------------------------------------------- pages
    def draw_sheet(self, sheet: Sheet) -> None:
        c = self.canvas
        c.setPageSize((sheet.width, sheet.height))
        c.setTrimBox(self._box(sheet, sheet.trim_box))
        c.setBleedBox(self._box(sheet, sheet.bleed_box))
        c.saveState()
        c.translate(0, sheet.height)
        c.scale(1, -1)  # from here on: y down, like the layout
        for p in sheet.placements:
            c.saveState()
            path = c.beginPath()
            path.rect(*p.clip)
            c.clipPath(path, stroke=0, fill=0)
            c.translate(p.x, p.y)
            self.draw_layout(p.layout)
            c.restoreState()
        if sheet.marks:
            c.setStrokeColor(REGISTRATION)
            c.setLineWidth(MARK_WIDTH)
            c.lines(sheet.marks)
        if sheet.labels:
            self._draw_runs(sheet.labels)
        c.restoreState()
        c.showPage()

    @staticmethod
    def _box(sheet: Sheet, rect: Rect | None):
        """A y-down (x, y, w, h) rectangle as a PDF box [x0 y0 x1 y1] (y up)."""
        if rect is None:
            return None
        x, y, w, h = rect
        return [round(v, 3) for v in (x, sheet.height - y - h, x + w, sheet.height - y)]

    # ----------------------------------------------------------------- cards
    def draw_layout(self, layout: CardLayout) -> None:
        """Draw one card, trim top-left at the current origin, y down."""
        for item in layout.items:
            if isinstance(item, TextBlock):
                self._draw_runs([run for line in item.lines for run in line.runs])
            elif isinstance(item, Box):
                self._draw_box(item)
            elif isinstance(item, Rule):
                self._stroke(item.color, item.width)
                self.canvas.line(item.x1, item.y1, item.x2, item.y2)
            elif isinstance(item, ImageItem):
                self._draw_image(item)
            elif isinstance(item, Slider):
                self._draw_slider(item)

    def _fill(self, color: str) -> None:
        r, g, b, a = rgba(color)
        self.canvas.setFillColorRGB(r, g, b, alpha=a)

    def _stroke(self, color: str, width: float) -> None:
        r, g, b, a = rgba(color)
        self.canvas.setStrokeColorRGB(r, g, b, alpha=a)
        self.canvas.setLineWidth(width)

    def _draw_box(self, box: Box) -> None:
        stroke = bool(box.stroke) and box.stroke_width > 0
        if not box.fill and not stroke:
            return
        if box.fill:
            self._fill(box.fill)
        if stroke:
            self._stroke(box.stroke, box.stroke_width)
        c, fill = self.canvas, int(bool(box.fill))
        if box.shape == "ellipse":
            c.ellipse(box.x, box.y, box.x + box.w, box.y + box.h, stroke=int(stroke), fill=fill)
        elif box.radius > 0:
            c.roundRect(box.x, box.y, box.w, box.h, box.radius, stroke=int(stroke), fill=fill)
        else:
            c.rect(box.x, box.y, box.w, box.h, stroke=int(stroke), fill=fill)

    def _draw_runs(self, runs: Iterable[TextRun]) -> None:
        """Each run at its own baseline; the text matrix flips glyphs upright again."""
        c = self.canvas
        text = c.beginText()
        alpha = None
        for run in runs:
            if not run.text:
                continue
            r, g, b, a = rgba(run.color)
            if a != alpha:  # transparency lives in the graphics state, outside BT/ET
                if alpha is not None:
                    c.drawText(text)
                    text = c.beginText()
                c.setFillAlpha(a)
                alpha = a
            text.setFont(self.fonts[run.font], run.size)
            text.setFillColorRGB(r, g, b)
            text.setTextTransform(1, 0, 0, -1, run.x, run.y)
            text.textOut(run.text)
        c.drawText(text)
        if alpha not in (None, 1.0):
            c.setFillAlpha(1.0)

    def _draw_image(self, item: ImageItem) -> None:
        c = self.canvas
        c.saveState()
        path = c.beginPath()
        if item.clip == "ellipse":
            path.ellipse(item.x, item.y, item.w, item.h)
        elif item.clip == "rounded" and item.radius > 0:
            path.roundRect(item.x, item.y, item.w, item.h, item.radius)
        else:
            path.rect(item.x, item.y, item.w, item.h)
        c.clipPath(path, stroke=0, fill=0)
        c.translate(item.x, item.y + item.h)
        c.scale(1, -1)  # images are stored top row first: draw them upright
        c.drawImage(self.images.get(item.data, item.src), 0, 0, item.w, item.h, mask="auto")
        c.restoreState()

    def _draw_slider(self, s: Slider) -> None:
        c = self.canvas
        shape = slider_shape(s)
        self._fill(s.track)
        c.roundRect(*shape.track, shape.track_radius, stroke=0, fill=1)
        if shape.filled[2] > 0:
            self._fill(s.fill)
            c.roundRect(*shape.filled, min(shape.track_radius, shape.filled[2] / 2), stroke=0, fill=1)
        self._fill(s.marker)
        c.circle(shape.marker_cx, shape.marker_cy, shape.marker_r, stroke=0, fill=1)


def write_pdf(
    sheets: Iterable[Sheet],
    target: str | os.PathLike | BinaryIO,
    *,
    title: str = "",
    author: str = "",
    subject: str = "Persona cards",
) -> int:
    """Write one page per sheet into ``target`` (a path or a binary file); the page count.

    A path is written atomically: the file appears only once it is complete.
    """
    if isinstance(target, (str, os.PathLike)):
        with atomic_write(target, "wb") as f:
            return write_pdf(sheets, f, title=title, author=author, subject=subject)
    fonts = register_fonts()
    # The initial font is ours: otherwise reportlab names Helvetica, a font we never embed.
    canvas = Canvas(target, pageCompression=1, initialFontName=fonts["sans"], initialFontSize=10)
    canvas.setTitle(title)
    canvas.setAuthor(author)
    canvas.setSubject(subject)
    canvas.setCreator(f"{APP_NAME} {__version__}")
    canvas.setProducer(f"{APP_NAME} {__version__} (reportlab)")
    painter = PdfPainter(canvas)
    pages = 0
    for sheet in sheets:
        painter.draw_sheet(sheet)
        pages += 1
    canvas.save()
    return pages


def write_cards_pdf(
    layouts: Iterable[CardLayout], target: str | os.PathLike | BinaryIO, *, crop_marks: bool = False, **meta
) -> int:
    """One card per page, with TrimBox/BleedBox and optional crop marks."""
    return write_pdf((card_sheet(lay, with_marks=crop_marks) for lay in layouts), target, **meta)
