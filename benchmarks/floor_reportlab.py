"""The floor for batch PDF export: a plain reportlab script drawing the same `mini` cards.

85 x 55 mm cards, 10-up on Letter (2 x 5, centred) with crop marks, from the same
records as the gLabels peer (glabels_records.py): type stripe, round avatar with
initials, type badge, name, rule, "Top goal" and "Top pain point" with their
wrapped text, in embedded Noto Sans subsets. No library, no layout engine, no
fitting: what any export of these cards must at least cost, timed as a whole process.
Run: python benchmarks/floor_reportlab.py [N] [OUT.pdf]
"""

from __future__ import annotations

import sys
from pathlib import Path

from reportlab.lib.pagesizes import letter
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

sys.path.insert(0, str(Path(__file__).resolve().parent))
from glabels_records import rows  # noqa: E402

FONTS = Path(__file__).resolve().parent.parent / "resources" / "fonts"
W, H, COLS, ROWS, MARK = 85 * mm, 55 * mm, 2, 5, 9.0
NAVY, PAPER, TEXT, MUTED = (0.13, 0.22, 0.38), (1, 1, 1), (0.13, 0.13, 0.13), (0.45, 0.45, 0.5)


def card(c: Canvas, x: float, y: float, name: str, goal: str, pain: str) -> None:
    c.setFillColorRGB(*PAPER)
    c.rect(x, y, W, H, stroke=0, fill=1)  # noqa: E702
    c.setFillColorRGB(*NAVY)
    c.rect(x, y, 6, H, stroke=0, fill=1)  # noqa: E702
    c.circle(x + 41, y + H - 35, 23, stroke=0, fill=1)
    c.setFillColorRGB(*PAPER)
    c.setFont("Bold", 10)  # noqa: E702
    c.drawCentredString(x + 41, y + H - 38.5, "".join(w[0] for w in name.split()[:2]).upper())
    c.setFillColorRGB(*NAVY)
    c.roundRect(x + 76, y + H - 27, 34, 9, 4.5, stroke=0, fill=1)  # noqa: E702
    c.setFillColorRGB(*PAPER)
    c.setFont("Bold", 6)
    c.drawString(x + 80, y + H - 24.8, "Customer")  # noqa: E702
    c.setFillColorRGB(*TEXT)
    c.setFont("Bold", 12)
    c.drawString(x + 76, y + H - 41, name)  # noqa: E702
    c.setStrokeColorRGB(*MUTED)
    c.setLineWidth(0.5)
    c.line(x + 18, y + H - 70, x + W - 12, y + H - 70)  # noqa: E702
    t = c.beginText()  # the lists: one text object for both, as a careful hand would write it
    top = y + H - 82
    for label, text in (("TOP GOAL", goal), ("TOP PAIN POINT", pain)):
        t.setFillColorRGB(*NAVY)
        t.setFont("Bold", 5.5)
        t.setTextOrigin(x + 18, top)
        t.textOut(label)  # noqa: E702
        t.setFillColorRGB(*TEXT)
        t.setFont("Regular", 7.5, 9.75)  # noqa: E702
        t.setTextOrigin(x + 19, top - 9.5)
        t.textOut("\u2022")  # noqa: E702
        lines = simpleSplit(text, "Regular", 7.5, W - 37)
        t.setTextOrigin(x + 25, top - 9.5)
        for line in lines:
            t.textLine(line)
        top -= 9.5 + 9.75 * len(lines) + 5
    c.drawText(t)


def main(count: int, out: str) -> None:
    pdfmetrics.registerFont(TTFont("Regular", str(FONTS / "NotoSans-Regular.ttf")))
    pdfmetrics.registerFont(TTFont("Bold", str(FONTS / "NotoSans-Bold.ttf")))
    c = Canvas(out, pagesize=letter, initialFontName="Regular", initialFontSize=7.5)
    x0, y0 = (letter[0] - COLS * W) / 2, (letter[1] - ROWS * H) / 2
    for i, (name, goal, pain) in enumerate(rows(count)):
        slot = i % (COLS * ROWS)
        if slot == 0 and i:
            c.showPage()
        if slot == 0:  # crop marks at every cut line, outside the cards
            c.setStrokeColorRGB(0, 0, 0)
            c.setLineWidth(0.25)  # noqa: E702
            for k in range(COLS + 1):
                c.line(x0 + k * W, y0 - 3 - MARK, x0 + k * W, y0 - 3)
                c.line(x0 + k * W, y0 + ROWS * H + 3, x0 + k * W, y0 + ROWS * H + 3 + MARK)
            for k in range(ROWS + 1):
                c.line(x0 - 3 - MARK, y0 + k * H, x0 - 3, y0 + k * H)
                c.line(x0 + COLS * W + 3, y0 + k * H, x0 + COLS * W + 3 + MARK, y0 + k * H)
        col, row = slot % COLS, slot // COLS
        card(c, x0 + col * W, y0 + (ROWS - 1 - row) * H, name, goal, pain)
    c.save()


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000, sys.argv[2] if len(sys.argv) > 2 else "floor.pdf")
