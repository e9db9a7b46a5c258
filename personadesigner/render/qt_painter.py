"""The Qt painter: draws a CardLayout (or a planned Sheet) with a QPainter.

Used by the app's canvas and the PNG writer. Drawing is in points with the
trim's top-left at the origin; the caller sets the transform (scale dpi/72, a
translate for the bleed). Text goes through QRawFont loaded from the bundled
file and ``drawGlyphRun``: the glyphs and advances of the very file the layout
shaped with: HarfBuzz's glyph ids at HarfBuzz's positions, no hinting, no Qt
shaping and no bidi reordering (runs arrive already in visual order).
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QByteArray, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontDatabase,
    QGlyphRun,
    QImage,
    QPainter,
    QPainterPath,
    QPen,
    QPolygonF,
    QRawFont,
)

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
    TextRun,
)
from personadesigner.core.fonts import FACES
from personadesigner.core.text import run_glyphs
from personadesigner.lru import LruCache
from personadesigner.render.painter import draw_primitives
from personadesigner.render.shapes import rgba, slider_shape
from personadesigner.render.sheet import MARK_COLOR, MARK_WIDTH, Sheet

_families: dict[str, str] = {}
_font_data: dict[str, QByteArray] = {}
#: Raw fonts and decoded photos per thread: the canvas paints in the GUI thread
#: while an export renders PNGs in a worker, and neither class is thread-safe.
_per_thread = threading.local()
#: Qt caches glyphs up to 64 device pixels; larger QRawFont runs are filled as paths.
_MAX_GLYPH_RUN_PX = 60.0


def register_fonts() -> dict[str, str]:
    """Add every bundled face to Qt's font database once; font key -> family name.

    Needs a QGuiApplication. Widgets that show text in the bundled fonts
    (editors, previews) use the returned family names.
    """
    if not _families:
        for key, face in FACES.items():
            font_id = QFontDatabase.addApplicationFont(str(face.path))
            found = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
            _families[key] = found[0] if found else face.family
    return dict(_families)


def qfont(key: str, size_pt: float) -> QFont:
    """A QFont of a bundled face, for widgets (the card itself uses raw glyph runs)."""
    face = FACES[key]
    font = QFont(register_fonts()[key])
    font.setBold(face.bold)
    font.setItalic(face.italic)
    font.setPointSizeF(size_pt)
    return font


def _cache(name: str) -> LruCache:
    cache = getattr(_per_thread, name, None)
    if cache is None:
        cache = LruCache(_CACHE_LIMIT)
        setattr(_per_thread, name, cache)
    return cache


#: Raw fonts and decoded photos kept per thread: a shrinking card asks for a new size
#: at almost every keystroke, so the caches are capped instead of growing for ever.
_CACHE_LIMIT = 64


def _font_bytes(key: str) -> QByteArray:
    """The file of ``key``.

    QRawFont always loads a collection's first face, so a bundled .ttc face must be
    its file's first (subfont 0); the PDF painter, which can pick any, agrees then.
    """
    data = _font_data.get(key)
    if data is None:
        face = FACES[key]
        if face.subfont != 0:
            raise ValueError(f"{face.filename}: the Qt painter draws only the first face of a collection")
        data = _font_data[key] = QByteArray(face.path.read_bytes())
    return data


def raw_font(key: str, size: float) -> QRawFont:
    """The bundled file of ``key`` at ``size`` painter units (points on a card)."""
    return _cache("raw_fonts").get_or_make(
        (key, size), lambda: QRawFont(_font_bytes(key), size, QFont.HintingPreference.PreferNoHinting)
    )


def _color(color: str) -> QColor:
    r, g, b, a = rgba(color)
    return QColor.fromRgbF(r, g, b, a)


class QtCardPainter:
    """Draws primitives with a QPainter (the canvas, PNG export, printing); a ``render.painter.Painter``."""

    def __init__(self, painter: QPainter) -> None:
        self.painter = painter

    def text_block(self, item: TextBlock) -> None:
        for line in item.lines:
            for run in line.runs:
                draw_run(self.painter, run)

    def box(self, item: Box) -> None:
        _draw_box(self.painter, item)

    def rule(self, item: Rule) -> None:
        self.painter.setPen(QPen(_color(item.color), item.width))
        self.painter.drawLine(QPointF(item.x1, item.y1), QPointF(item.x2, item.y2))

    def polygon(self, item: Polygon) -> None:
        painter = self.painter
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(_color(item.fill)))
        painter.drawPolygon(QPolygonF([QPointF(x, y) for x, y in item.points]))
        painter.setBrush(Qt.BrushStyle.NoBrush)

    def image_item(self, item: ImageItem) -> None:
        _draw_image(self.painter, item)

    def slider(self, item: Slider) -> None:
        _draw_slider(self.painter, item)

    def icon(self, item: Icon) -> None:
        _draw_icon(self.painter, item)


def paint_layout(painter: QPainter, layout: CardLayout) -> None:
    """Draw every primitive of ``layout`` as it is, in points, trim top-left at (0, 0)."""
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
    draw_primitives(layout, QtCardPainter(painter))


def paint_sheet(painter: QPainter, sheet: Sheet) -> None:
    """Draw a planned page (one card, an imposed sheet, a poster tile) in points."""
    for p in sheet.placements:
        painter.save()
        painter.setClipRect(QRectF(*p.clip), Qt.ClipOperation.IntersectClip)
        painter.translate(p.x, p.y)
        paint_layout(painter, p.layout)
        painter.restore()
    if sheet.marks:
        painter.setPen(QPen(_color(MARK_COLOR), MARK_WIDTH))
        for x1, y1, x2, y2 in sheet.marks:
            painter.drawLine(QPointF(x1, y1), QPointF(x2, y2))
    for run in sheet.labels:
        draw_run(painter, run)


def draw_run(painter: QPainter, run: TextRun) -> None:
    """One run at its baseline: the glyph ids and positions the layout engine shaped,
    from the very file it shaped them with (the PDF draws the same glyphs)."""
    glyphs, xs, ys, _clusters, _rtl = run_glyphs(run)
    if not glyphs:
        return
    font = raw_font(run.font, run.size)
    positions = [QPointF(x, y) for x, y in zip(xs, ys)]
    t = painter.deviceTransform()  # includes the device pixel ratio (200 % screens)
    if run.size * abs(t.m11() * t.m22() - t.m12() * t.m21()) ** 0.5 >= _MAX_GLYPH_RUN_PX:
        # Qt's raster engine draws glyphs this large as outlines, which it skips for
        # QRawFont: nothing would appear (initials on a 200 % screen, big PNG text).
        path = QPainterPath()
        for glyph, pos in zip(glyphs, positions):
            path.addPath(font.pathForGlyph(glyph).translated(pos))
        painter.fillPath(path.translated(run.x, run.y), _color(run.color))
        return
    glyph_run = QGlyphRun()
    glyph_run.setRawFont(font)
    glyph_run.setGlyphIndexes(list(glyphs))
    glyph_run.setPositions(positions)
    painter.setPen(_color(run.color))
    painter.drawGlyphRun(QPointF(run.x, run.y), glyph_run)


def _draw_box(painter: QPainter, box: Box) -> None:
    stroke = bool(box.stroke) and box.stroke_width > 0
    if not box.fill and not stroke:
        return
    painter.setPen(QPen(_color(box.stroke), box.stroke_width) if stroke else Qt.PenStyle.NoPen)
    painter.setBrush(QBrush(_color(box.fill)) if box.fill else Qt.BrushStyle.NoBrush)
    rect = QRectF(box.x, box.y, box.w, box.h)
    if box.shape == "ellipse":
        painter.drawEllipse(rect)
    elif box.radius > 0:
        painter.drawRoundedRect(rect, box.radius, box.radius)
    else:
        painter.drawRect(rect)
    painter.setBrush(Qt.BrushStyle.NoBrush)


def _image(item: ImageItem) -> QImage:
    return _cache("images").get_or_make(image_key(item), lambda: QImage.fromData(item.data))


def _draw_image(painter: QPainter, item: ImageItem) -> None:
    rect = QRectF(item.x, item.y, item.w, item.h)
    path = QPainterPath()
    if item.clip == "ellipse":
        path.addEllipse(rect)
    elif item.clip == "rounded" and item.radius > 0:
        path.addRoundedRect(rect, item.radius, item.radius)
    else:
        path.addRect(rect)
    painter.save()
    painter.setClipPath(path, Qt.ClipOperation.IntersectClip)
    painter.drawImage(rect, _image(item), QRectF(*item.src))
    painter.restore()


def _draw_slider(painter: QPainter, s: Slider) -> None:
    shape = slider_shape(s)
    painter.setPen(Qt.PenStyle.NoPen)
    r = shape.track_radius
    painter.setBrush(_color(s.track))
    painter.drawRoundedRect(QRectF(*shape.track), r, r)
    if shape.filled[2] > 0:
        painter.setBrush(_color(s.fill))
        fr = min(r, shape.filled[2] / 2)
        painter.drawRoundedRect(QRectF(*shape.filled), fr, fr)
    painter.setBrush(_color(s.marker))
    m = shape.marker_r
    painter.drawEllipse(QPointF(shape.marker_cx, shape.marker_cy), m, m)
    painter.setBrush(Qt.BrushStyle.NoBrush)


def _icon_path(subpaths) -> QPainterPath:
    path = QPainterPath()
    path.setFillRule(Qt.FillRule.WindingFill)  # the PDF's nonzero rule
    for sub in subpaths:
        path.moveTo(*sub.start)
        for seg in sub.segments:
            if len(seg) == 2:
                path.lineTo(*seg)
            else:
                path.cubicTo(*seg)
        if sub.closed:
            path.closeSubpath()
    return path


def _draw_icon(painter: QPainter, item: Icon) -> None:
    """The icon's outlines with a round-capped, round-joined pen (its filled parts filled)."""
    color = _color(item.color)
    if item.shape.fills:
        painter.fillPath(_icon_path(item.outlines(filled=True)), QBrush(color))
    if item.shape.strokes:
        pen = QPen(color, item.stroke_width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
        painter.strokePath(_icon_path(item.outlines()), pen)
