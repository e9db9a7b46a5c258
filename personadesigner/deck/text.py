"""Paragraphs for deck pages: text broken and shaped by the card's own text engine.

Deck pages are CardLayouts too, so their text is TextBlocks of TextLines of
TextRuns measured with the bundled fonts, exactly like a card's: the PDF, the
PNG and the PPTX show the same line breaks. A paragraph that does not fit its
``max_lines`` ends in an ellipsis and reports a preflight Cut, as a card does.
"""

from __future__ import annotations

from personadesigner.core.cardlayout import Cut, TextBlock, TextLine, TextRun
from personadesigner.core.line_breaks import break_lines, ellipsize
from personadesigner.core.text import TextStyle, clean, line_width, paragraph_direction, shape_line

#: Baseline distance as a multiple of the size, and where the first baseline sits.
LEADING = 1.25
ASCENT = 0.95


def paragraph(
    x: float,
    y: float,
    w: float,
    text: str,
    font: str,
    size: float,
    color: str,
    *,
    max_lines: int | None = None,
    align: str = "left",
    leading: float = LEADING,
    field: str | None = None,
    persona: str = "",
) -> tuple[TextBlock | None, float]:
    """``text`` in the frame from (x, y), ``w`` wide: the block (None when empty) and its height."""
    text = clean(text or "").strip()
    if not text or w <= 0:
        return None, 0.0
    lines = break_lines(text, font, size, w)
    cut = None
    if max_lines is not None and len(lines) > max_lines:
        shown = lines[:max_lines]
        shown[-1] = ellipsize(shown[-1], font, size, w)
        kept = sum(len(s) for s in shown)
        cut = Cut(persona, field or "deck", None, min(kept, len(text)), len(text))
        lines = shown
    step = size * leading
    direction = paragraph_direction(text)
    style = TextStyle(font, size)
    out = []
    for i, line in enumerate(lines):
        pieces = shape_line(line, style, direction)
        width = line_width(pieces)
        room = w - width
        side = align if align != "left" or direction == "L" else "right"
        cx = x + (room if side == "right" else room / 2 if side == "center" else 0.0)
        baseline = y + ASCENT * size + i * step
        runs = []
        for p in pieces:
            runs.append(TextRun(cx, baseline, p.text, p.font, size, color, p.width))
            cx += p.width
        out.append(TextLine(tuple(runs), line))
    height = (len(lines) - 1) * step + size * (ASCENT + 0.3)
    return TextBlock(x, y, w, height, tuple(out), field=field, cut=cut, align=align), height  # type: ignore[arg-type]
