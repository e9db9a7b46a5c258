"""PDF content-stream operators written directly: the hot path of a 1000-card export.

reportlab's drawing calls format every number through a general-purpose
routine that dominates the time of a large export; the few operators a card
needs (colours, rectangles, ellipses, rounded rectangles, lines, text runs)
are written here with fixed precision (0.01 pt, far below any printer's
resolution). They are gathered in a list and go into the page as one chunk
(``flush``: per card, and before anything reportlab writes itself), not one
``Canvas.addLiteral`` call each: the page's text is the same, since reportlab joins
its pieces with newlines too. Transparency still goes through reportlab, which owns
the page's graphics-state resources.
"""

from __future__ import annotations

from collections.abc import Iterable

from reportlab.pdfgen.canvas import Canvas

from personadesigner.core.cardlayout import TextLine, TextRun
from personadesigner.core.fonts import SYNTHETIC_BOLD_STROKE, synthetic_bold
from personadesigner.core.text import has_rtl
from personadesigner.render.color import ColorModel, fill_operator, stroke_operator
from personadesigner.render.pdf_fonts import font_name
from personadesigner.render.pdf_forms import PathForms
from personadesigner.render.pdf_glyphs import actual_text, show_ops

#: Control-point distance of a cubic Bezier quarter circle.
KAPPA = 0.5522847498


class Ops:
    """Writes operators into the current page of ``canvas`` (coordinates as given)."""

    def __init__(self, canvas: Canvas, model: ColorModel = "rgb") -> None:
        self.canvas = canvas
        #: "rgb" or "cmyk": which colour operators are written (render.color).
        self.model = model
        #: operators written since the last ``flush``
        self._pending: list[str] = []
        self.emit = self._pending.append
        self._split: dict[tuple, str] = {}
        #: face -> {word: its TJ pieces in this document} (render/pdf_glyphs.py)
        self._words: dict[str, dict[str, tuple | bool]] = {}
        self._blocks: dict[tuple[int, ...], tuple[tuple, float, str]] = {}
        self._paths: dict[tuple, str] = {}
        #: (x, y, w, h[, r], paint) -> the path: cards of a batch draw the same shapes at the same places
        self._ellipses: dict[tuple, str] = {}
        self._round_rects: dict[tuple, str] = {}
        #: long paths met again: drawn through form XObjects (render/pdf_forms.py)
        self.forms = PathForms(canvas)
        self.fill_alpha = 1.0
        self.stroke_alpha = 1.0
        #: the fill colour operator ``fill`` wrote last, while nothing else may have changed it
        self._fill_op: str | None = None

    def flush(self) -> None:
        """Hand the operators written so far to the page, as one piece. Call before
        reportlab writes to the page itself (graphics state, images, ``showPage``)."""
        pending = self._pending
        if pending:
            self.canvas._code.append("\n".join(pending))
            pending.clear()

    def set_fill_alpha(self, alpha: float) -> None:
        """The fill transparency, through reportlab (its /ExtGState resource), in order."""
        self.flush()
        self.canvas.setFillAlpha(alpha)
        self.fill_alpha = alpha

    def set_stroke_alpha(self, alpha: float) -> None:
        self.flush()
        self.canvas.setStrokeAlpha(alpha)
        self.stroke_alpha = alpha

    def reset_state(self) -> None:
        """Call at the start of every page (and card: its q/Q gives back the colours): a new
        page starts with opaque colours, and no fill colour is known to be set."""
        self.fill_alpha = self.stroke_alpha = 1.0
        self._fill_op = None

    # ----------------------------------------------------------------- colours
    def fill(self, color: str) -> None:
        """Sets the fill colour; not again when ``fill`` has just set it (a card's band and
        the shape drawn on it are often one colour)."""
        op, a = fill_operator(color, self.model)
        if a != self.fill_alpha:
            self.set_fill_alpha(a)
        if op != self._fill_op:
            self.emit(op)
            self._fill_op = op

    def stroke(self, color: str, width: float) -> None:
        op, a = stroke_operator(color, self.model)
        if a != self.stroke_alpha:
            self.set_stroke_alpha(a)
        self.emit(f"{op} {width:.2f} w")

    # ----------------------------------------------------------------- paths
    @staticmethod
    def paint(fill: bool, stroke: bool) -> str:
        return "B" if fill and stroke else ("f" if fill else "S")

    def rect(self, x: float, y: float, w: float, h: float, paint: str) -> None:
        self.emit(f"{x:.2f} {y:.2f} {w:.2f} {h:.2f} re {paint}")

    def ellipse(self, x: float, y: float, w: float, h: float, paint: str) -> None:
        key = (x, y, w, h, paint)
        found = self._ellipses.get(key)
        if found is None:
            if len(self._ellipses) >= 4_000:  # a huge export: keep memory flat
                self._ellipses.clear()
            found = self._ellipses[key] = _ellipse(x, y, w, h, paint)
        self.emit(self.forms.operator(found, (x, y, w, h)))

    def round_rect(self, x: float, y: float, w: float, h: float, r: float, paint: str) -> None:
        key = (x, y, w, h, r, paint)
        found = self._round_rects.get(key)
        if found is None:
            if len(self._round_rects) >= 4_000:  # a huge export: keep memory flat
                self._round_rects.clear()
            found = self._round_rects[key] = _round_rect(x, y, w, h, r, paint)
        self.emit(self.forms.operator(found, (x, y, w, h)))

    def polygon(self, points) -> None:
        """A filled closed path through ``points`` (x, y)."""
        (x0, y0), *rest = points
        self.emit(f"{x0:.2f} {y0:.2f} m " + " ".join(f"{x:.2f} {y:.2f} l" for x, y in rest) + " h f")

    def subpaths(self, subpaths, paint: str, key=None, box=None) -> None:
        """Icon outlines (``subpaths()``: core.svg_path.Subpath in page units) as one path; a stroke gets
        round caps and joins (an icon's dots are zero-length round-capped lines), then
        the default butt caps and mitre joins again for what follows. ``key`` (the Icon and
        what is painted): cards of a batch repeat the same icons at the same places, so a
        path met before in this document is its stored literal (and, with ``box``, where the
        icon lies (x, y, w, h), drawn through a form XObject once met often: render/pdf_forms.py)."""
        found = self._paths.get(key) if key is not None else None
        if found is None:
            out = []
            for sub in subpaths():
                out.append(f"{sub.start[0]:.3f} {sub.start[1]:.3f} m")
                for seg in sub.segments:
                    out.append(" ".join(f"{v:.3f}" for v in seg) + (" l" if len(seg) == 2 else " c"))
                if sub.closed:
                    out.append("h")
            body = " ".join(out)
            found = "" if not body else (f"1 J 1 j {body} S 0 J 0 j" if paint == "S" else f"{body} {paint}")
            if key is not None:
                if len(self._paths) >= 20_000:  # a huge export: keep memory flat
                    self._paths.clear()
                self._paths[key] = found
        if found:
            self.emit(self.forms.operator(found, box) if box is not None else found)

    def line(self, x1: float, y1: float, x2: float, y2: float) -> None:
        self.emit(f"{x1:.2f} {y1:.2f} m {x2:.2f} {y2:.2f} l S")

    # ----------------------------------------------------------------- text
    def text(self, runs: Iterable[TextRun]) -> None:
        """Runs in one text object; the -1 in each text matrix turns glyphs upright
        again under the page's y-down transform. Each run draws its shaped glyph
        ids (render/pdf_glyphs.py); reportlab embeds them as subsets.

        The operators of one text object are joined into one literal (the page
        joins literals with newlines anyway): a card has dozens of runs.
        """
        self._text(runs)

    def text_lines(self, lines: tuple[TextLine, ...]) -> None:
        """A text block's lines. Layouts of a batch share TextLine objects (the same
        heading at the same place on every card), so a block met before in this
        document is one stored literal. The entry keeps its lines alive: equal ids
        are the same objects."""
        self._fill_op = None  # text sets its own fill colours
        key = tuple(map(id, lines))
        found = self._blocks.get(key)
        if found is not None and found[1] == self.fill_alpha:
            self.emit(found[2])
            return
        alpha = self.fill_alpha
        literal = self._text(_line_items(lines))
        if literal is not None:
            if len(self._blocks) >= 500:  # a huge export: keep memory flat
                self._blocks.clear()
            self._blocks[key] = (lines, alpha, literal)

    def _text(self, runs: Iterable[TextRun | _Bare | str]) -> str | None:
        """Writes the text object; returns it when it went out as one literal (no
        transparency change inside), so it can be written again as it is. ``runs`` may hold
        operators (a line's span, see ``_line_items``) and runs drawn without their own span."""
        self._fill_op = None  # text sets its own fill colours
        whole = True
        out = ["BT"]
        add = out.append
        current_color = None
        for run in runs:
            if isinstance(run, str):
                add(run)
                continue
            bare = isinstance(run, _Bare)
            if bare:
                run = run.run
            text = run.text
            if not text:
                continue
            if run.color != current_color:
                op, a = fill_operator(run.color, self.model)
                if a != self.fill_alpha:
                    self.emit("\n".join(out))  # reportlab writes the gs operator itself: keep the order
                    out.clear()
                    whole = False
                    self.set_fill_alpha(a)  # gs is allowed inside a text object
                add(op)
                current_color = run.color
            if synthetic_bold(run.font):
                whole = self._emboldened(run, out) and whole
                continue
            add(f"1 0 0 -1 {run.x:.2f} {run.y:.2f} Tm")
            add(_without_span(self._show(run)) if bare else self._show(run))
        add("ET")
        literal = "\n".join(out)
        self.emit(literal)
        return literal if whole else None

    def _emboldened(self, run: TextRun, out: list[str]) -> bool:
        """A run in a face without a bold file, filled and stroked (text render mode 2) in its
        colour, in a text object of its own inside q/Q so the stroke colour, width and
        render mode end with it. False when a transparency change was written outside ``out``."""
        op, a = stroke_operator(run.color, self.model)
        whole = True
        if a != self.stroke_alpha:
            self.emit("\n".join(out))  # reportlab writes the gs operator itself: keep the order
            out.clear()
            whole = False
            self.set_stroke_alpha(a)  # outside q/Q: self.stroke_alpha stays true
        out.append(f"ET q {op} {SYNTHETIC_BOLD_STROKE * run.size:.3f} w 1 j 2 Tr BT")
        out.append(f"1 0 0 -1 {run.x:.2f} {run.y:.2f} Tm")
        out.append(self._show(run))
        out.append("ET Q BT")
        return whole

    def lines(self, segments) -> None:
        """Straight segments (x1, y1, x2, y2) stroked as one path (crop marks)."""
        self.emit("n\n" + "\n".join(f"{x1:.2f} {y1:.2f} m {x2:.2f} {y2:.2f} l" for x1, y1, x2, y2 in segments) + "\nS")

    def _show(self, run: TextRun) -> str:
        """The marked-content span of one run: its glyphs placed as shaped, its logical text
        as /ActualText. Remembered per document: cards of one export repeat the same
        headings and phrases again and again."""
        key = (run.font, run.size, run.text, run.rtl, run.tracking)
        found = self._split.get(key)
        if found is None:
            font_name(run.font)  # registered with reportlab before its first use in this document
            found = show_ops(run, self.canvas._doc, self._words)
            if len(self._split) >= 2_000:  # a huge export: keep memory flat
                self._split.clear()
            self._split[key] = found
        return found


def _ellipse(x: float, y: float, w: float, h: float, paint: str) -> str:
    """The ellipse in (x, y, w, h) as four Bezier quarters."""
    rx, ry = w / 2, h / 2
    cx, cy = x + rx, y + ry
    kx, ky = rx * KAPPA, ry * KAPPA
    return (
        f"{cx + rx:.2f} {cy:.2f} m "
        f"{cx + rx:.2f} {cy + ky:.2f} {cx + kx:.2f} {cy + ry:.2f} {cx:.2f} {cy + ry:.2f} c "
        f"{cx - kx:.2f} {cy + ry:.2f} {cx - rx:.2f} {cy + ky:.2f} {cx - rx:.2f} {cy:.2f} c "
        f"{cx - rx:.2f} {cy - ky:.2f} {cx - kx:.2f} {cy - ry:.2f} {cx:.2f} {cy - ry:.2f} c "
        f"{cx + kx:.2f} {cy - ry:.2f} {cx + rx:.2f} {cy - ky:.2f} {cx + rx:.2f} {cy:.2f} c h {paint}"
    )


def _round_rect(x: float, y: float, w: float, h: float, r: float, paint: str) -> str:
    """The rectangle with corners of radius ``r`` (at most half a side; none: a plain rectangle)."""
    r = min(r, w / 2, h / 2)
    if r <= 0:
        return f"{x:.2f} {y:.2f} {w:.2f} {h:.2f} re {paint}"
    k = r * (1 - KAPPA)
    x2, y2 = x + w, y + h
    return (
        f"{x + r:.2f} {y:.2f} m {x2 - r:.2f} {y:.2f} l "
        f"{x2 - k:.2f} {y:.2f} {x2:.2f} {y + k:.2f} {x2:.2f} {y + r:.2f} c {x2:.2f} {y2 - r:.2f} l "
        f"{x2:.2f} {y2 - k:.2f} {x2 - k:.2f} {y2:.2f} {x2 - r:.2f} {y2:.2f} c {x + r:.2f} {y2:.2f} l "
        f"{x + k:.2f} {y2:.2f} {x:.2f} {y2 - k:.2f} {x:.2f} {y2 - r:.2f} c {x:.2f} {y + r:.2f} l "
        f"{x:.2f} {y + k:.2f} {x + k:.2f} {y:.2f} {x + r:.2f} {y:.2f} c h {paint}"
    )


class _Bare:
    """A run drawn without its own marked-content span (it is inside its line's)."""

    __slots__ = ("run",)

    def __init__(self, run: TextRun) -> None:
        self.run = run


def _line_items(lines: Iterable[TextLine]):
    """Every line's runs. A line drawn out of logical order that has no right-to-left letter
    (digits and punctuation wrapped off a Hebrew or Arabic paragraph: "0<" drawn as "<0") is
    one span whose /ActualText is the line as typed: extractors order such a line by position
    alone. Spans do not nest for poppler, so its runs go without their own."""
    for line in lines:
        if _out_of_order_without_rtl_letters(line):
            yield actual_text(line.text, None)
            yield from map(_Bare, line.runs)
            yield "EMC"
        else:
            yield from line.runs


def _out_of_order_without_rtl_letters(line: TextLine) -> bool:
    return (
        bool(line.text)
        and any(run.rtl for run in line.runs)
        and not has_rtl(line.text)
        and not any(synthetic_bold(run.font) for run in line.runs)  # those close the text object
    )


def _without_span(show: str) -> str:
    """A run's operators without the marked-content span ``show_ops`` wraps them in."""
    return "\n".join(show.split("\n")[1:-1])
