"""The PDF painter: draws planned sheets of CardLayouts with reportlab.

Thin on purpose: every primitive is drawn as the layout engine placed it (text
runs at their baseline with the bundled font file, no line breaking, no
shaping, no markup). Fonts are the same files the layout measured with and are
embedded as subsets. No Qt in this module: the command line exports PDFs
without loading Qt at all.
"""

from __future__ import annotations

import io
import os
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import BinaryIO

from reportlab import rl_config
from reportlab.lib.colors import CMYKColorSep
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from personadesigner import APP_NAME, __version__
from personadesigner.atomic import atomic_write
from personadesigner.core.avatar import image_key
from personadesigner.core.cardlayout import (
    Box,
    CardLayout,
    Icon,
    ImageItem,
    Polygon,
    Rule,
    Slider,
    TextBlock,
)
from personadesigner.lru import LruCache
from personadesigner.render import pdf_tounicode  # noqa: F401  (emoji & co. extract as themselves)
from personadesigner.render.color import ColorModel, image_for
from personadesigner.render.painter import bind, draw_primitives
from personadesigner.render.pdf_fonts import font_name
from personadesigner.render.pdf_ops import Ops
from personadesigner.render.pdf_pages import compress_last_page
from personadesigner.render.pdf_stream import PageStreamer
from personadesigner.render.shapes import Rect, slider_shape
from personadesigner.render.sheet import MARK_WIDTH, Sheet, card_sheet

#: Registration colour: printed on every separation, so marks show on every plate.
REGISTRATION = CMYKColorSep(1, 1, 1, 1, spotName="All", density=1)


class _ImageCache:
    """Cropped photos as reportlab readers, keyed by (the layout's photo digest, crop).

    A batch of cards shows the same few photos again and again; decoding and
    cropping each once keeps a 1000-card export fast.
    """

    def __init__(self, size: int = 64, model: ColorModel = "rgb") -> None:
        self._model = model
        self._items: LruCache[tuple[str, tuple], ImageReader] = LruCache(size)

    def get(self, item: ImageItem) -> ImageReader:
        key = (image_key(item), tuple(item.src))
        return self._items.get_or_make(key, lambda: ImageReader(image_for(_crop(item.data, item.src), self._model)))


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
    """Draws sheets on a reportlab canvas (one page per sheet); a ``render.painter.Painter``."""

    def __init__(self, canvas: Canvas, model: ColorModel = "rgb", *, page_boxes: bool = False) -> None:
        self.canvas = canvas
        self.ops = Ops(canvas, model)
        self.images = _ImageCache(model=model)
        #: True (PDF/X): every page gets a TrimBox and BleedBox, the whole sheet on shared sheets.
        self.page_boxes = page_boxes

    # ----------------------------------------------------------------- pages
    def draw_sheet(self, sheet: Sheet) -> None:
        c, ops = self.canvas, self.ops
        c.setPageSize((sheet.width, sheet.height))
        whole = (0.0, 0.0, sheet.width, sheet.height) if self.page_boxes else None
        c.setTrimBox(self._box(sheet, sheet.trim_box or whole))
        c.setBleedBox(self._box(sheet, sheet.bleed_box or whole))
        ops.reset_state()
        ops.emit(f"1 0 0 -1 0 {sheet.height:.3f} cm")  # from here on: y down, like the layout
        methods = bind(self)  # not kept on self: a cycle would hold the document until a collection
        for p in sheet.placements:
            x, y, w, h = p.clip
            ops.emit(f"q {x:.2f} {y:.2f} {w:.2f} {h:.2f} re W n 1 0 0 1 {p.x:.3f} {p.y:.3f} cm")
            draw_primitives(p.layout, self, methods)
            ops.emit("Q")
            ops.flush()  # the card's operators into the page as one piece
            ops.reset_state()
        if sheet.marks:
            c.saveState()
            c.setStrokeColor(REGISTRATION)
            c.setLineWidth(MARK_WIDTH)
            ops.lines(sheet.marks)  # fixed precision: reportlab formats each number the slow way
            ops.flush()
            c.restoreState()
        if sheet.labels:
            ops.text(sheet.labels)
        ops.flush()
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
        draw_primitives(layout, self)
        self.ops.flush()

    def text_block(self, item: TextBlock) -> None:
        self.ops.text_lines(item.lines)

    def rule(self, item: Rule) -> None:
        self.ops.stroke(item.color, item.width)
        self.ops.line(item.x1, item.y1, item.x2, item.y2)

    def polygon(self, item: Polygon) -> None:
        self.ops.fill(item.fill)
        self.ops.polygon(item.points)

    def box(self, box: Box) -> None:
        ops = self.ops
        stroke = bool(box.stroke) and box.stroke_width > 0
        if not box.fill and not stroke:
            return
        if box.fill:
            ops.fill(box.fill)
        if stroke:
            ops.stroke(box.stroke, box.stroke_width)
        paint = ops.paint(bool(box.fill), stroke)
        if box.shape == "ellipse":
            ops.ellipse(box.x, box.y, box.w, box.h, paint)
        elif box.radius > 0:
            ops.round_rect(box.x, box.y, box.w, box.h, box.radius, paint)
        else:
            ops.rect(box.x, box.y, box.w, box.h, paint)

    def image_item(self, item: ImageItem) -> None:
        self.ops.flush()  # reportlab writes the image's operators itself
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
        c.drawImage(self.images.get(item), 0, 0, item.w, item.h, mask="auto")
        c.restoreState()

    def icon(self, item: Icon) -> None:
        ops = self.ops
        box = (item.x, item.y, item.size, item.size)
        if item.shape.fills:
            ops.fill(item.color)
            ops.subpaths(lambda: item.outlines(filled=True), "f", (item, "f"), box)
        if item.shape.strokes:
            ops.stroke(item.color, item.stroke_width)
            ops.subpaths(item.outlines, "S", (item, "S"), box)

    def slider(self, s: Slider) -> None:
        ops = self.ops
        shape = slider_shape(s)
        ops.fill(s.track)
        ops.round_rect(*shape.track, shape.track_radius, "f")
        if shape.filled[2] > 0:
            ops.fill(s.fill)
            ops.round_rect(*shape.filled, shape.track_radius, "f")
        ops.fill(s.marker)
        m = shape.marker_r
        ops.ellipse(shape.marker_cx - m, shape.marker_cy - m, 2 * m, 2 * m, "f")


def write_pdf(
    sheets: Iterable[Sheet],
    target: str | os.PathLike | BinaryIO,
    *,
    title: str = "",
    author: str = "",
    subject: str = "Persona cards",
    lang: str = "en",
    color: ColorModel = "rgb",
    pdfx: bool = False,
) -> int:
    """Write one page per sheet into ``target`` (a path or a binary file); the page count.

    A path is written atomically: the file appears only once it is complete.
    ``color`` "cmyk" writes press CMYK (render.color); ``pdfx`` a PDF/X-4 file
    (render.pdfx), always CMYK.
    """
    if isinstance(target, (str, os.PathLike)):
        with atomic_write(target, "wb") as f:
            return write_pdf(sheets, f, title=title, author=author, subject=subject, lang=lang, color=color, pdfx=pdfx)
    with _streams_without_a85():
        return _write(
            sheets,
            target,
            title=title,
            author=author,
            subject=subject,
            lang=lang,
            color="cmyk" if pdfx else color,
            pdfx=pdfx,
        )


#: reportlab reads ``rl_config.useA85`` (a process-wide setting, no Canvas option) while a
#: PDF is drawn and saved. It is switched off only while at least one PDF is being
#: written and given back when the last one ends, so overlapping exports (the export
#: worker and a print) neither see the other's value nor leave it changed.
_A85_LOCK = threading.Lock()
_a85_writers = 0
_a85_before: int = 1


@contextmanager
def _streams_without_a85() -> Iterator[None]:
    """Streams only compressed, not also ASCII85-encoded: a quarter smaller, and
    reportlab's pure-Python encoder is the slowest step of a large export."""
    global _a85_writers, _a85_before
    with _A85_LOCK:
        if _a85_writers == 0:
            _a85_before = rl_config.useA85
            rl_config.useA85 = 0
        _a85_writers += 1
    try:
        yield
    finally:
        with _A85_LOCK:
            _a85_writers -= 1
            if _a85_writers == 0:
                rl_config.useA85 = _a85_before


def _write(
    sheets: Iterable[Sheet],
    target: BinaryIO,
    *,
    title: str,
    author: str,
    subject: str,
    lang: str,
    color: ColorModel,
    pdfx: bool,
) -> int:
    if pdfx:  # only then: its XML escaping imports urllib and email (some 20 ms of every export)
        from personadesigner.render import pdfx as x

    # The initial font is ours: otherwise reportlab names Helvetica, a font we never embed.
    canvas = Canvas(
        target,
        pageCompression=1,
        initialFontName=font_name("sans"),
        initialFontSize=10,
        pdfVersion=x.PDF_VERSION if pdfx else None,
    )
    canvas.setTitle(title)
    canvas.setAuthor(author)
    canvas.setSubject(subject)
    canvas.setCreator(f"{APP_NAME} {__version__}")
    canvas.setProducer(f"{APP_NAME} {__version__} (reportlab)")
    _document_language(canvas, lang)
    if pdfx:
        x.make_pdfx(canvas)
    painter = PdfPainter(canvas, color, page_boxes=pdfx)
    # each finished page goes into the file at once (render/pdf_stream.py); a pipe gets reportlab's save
    streamer = PageStreamer(canvas, target) if _seekable(target) else None
    pages = 0
    for sheet in sheets:
        painter.draw_sheet(sheet)
        compress_last_page(canvas)
        if streamer is not None:
            streamer.page_done()
        pages += 1
    if pdfx:
        x.add_metadata(
            canvas, title=title, producer=f"{APP_NAME} {__version__} (reportlab)", creator=f"{APP_NAME} {__version__}"
        )
    if streamer is not None:
        streamer.finish()
    else:
        canvas.save()
    return pages


def _seekable(target: BinaryIO) -> bool:
    try:
        return bool(target.seekable())
    except (AttributeError, OSError, ValueError):
        return False


def _document_language(canvas: Canvas, lang: str) -> None:
    """/Lang in the catalog (screen readers, search), the title shown in the viewer's
    title bar, and /MarkInfo: text runs are marked-content spans with /ActualText
    (and their own /Lang where the script says it: render/pdf_glyphs.py)."""
    from reportlab.pdfbase.pdfdoc import PDFDictionary, PDFString

    catalog = canvas._doc.Catalog
    catalog.Lang = PDFString(lang or "en")
    catalog.MarkInfo = PDFDictionary({"Marked": "true"})
    canvas.setViewerPreference("DisplayDocTitle", "true")


def write_cards_pdf(
    layouts: Iterable[CardLayout], target: str | os.PathLike | BinaryIO, *, crop_marks: bool = False, **meta
) -> int:
    """One card per page, with TrimBox/BleedBox and optional crop marks."""
    return write_pdf((card_sheet(lay, with_marks=crop_marks) for lay in layouts), target, **meta)
