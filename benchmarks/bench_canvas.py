"""Canvas responsiveness: keystroke-to-repaint time of the live card canvas.

A keystroke in the form changes the persona; the canvas lays the card out once
and repaints. Target: median <= 16 ms (one frame at 60 Hz) for the `card`
template. Prints the median and 90th percentile per template; offscreen, so
the figures are the app's own work without a compositor.
Run: python benchmarks/bench_canvas.py
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_layout import full_persona  # noqa: E402
from PySide6.QtCore import QEvent, QObject  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

import personadesigner.ui  # noqa: E402,F401  (the PySide6 None guard, before Qt)
from personadesigner.core.templates import template_names  # noqa: E402

KEYSTROKES = 60


class PaintCounter(QObject):
    """Counts the viewport's paint events, to check each keystroke really repainted."""

    def __init__(self) -> None:
        super().__init__()
        self.paints = 0

    def eventFilter(self, obj, event) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Paint:
            self.paints += 1
        return False


def measure(canvas, app, template: str) -> list[float]:
    persona = full_persona()
    persona.card.template = template
    canvas.set_persona(persona)
    app.processEvents()
    times = []
    base = persona.quote
    for i in range(KEYSTROKES):
        persona.quote = base + " " + "x" * (i % 12)  # typing and deleting at the end of the quote
        start = time.perf_counter()
        canvas.set_persona(persona)
        app.processEvents()  # the scene's change, then the view's paint of the dirty region
        times.append((time.perf_counter() - start) * 1000)
    return times


def main() -> None:
    app = QApplication.instance() or QApplication([])
    from personadesigner.ui.canvas import CardCanvas

    canvas = CardCanvas()
    canvas.resize(900, 1000)
    canvas.show()
    app.processEvents()
    counter = PaintCounter()
    canvas.viewport().installEventFilter(counter)
    print(f"keystroke -> layout + repaint, {KEYSTROKES} keystrokes, 900x1000 px view")
    for name in template_names():
        before = counter.paints
        times = sorted(measure(canvas, app, name))
        p90 = times[int(len(times) * 0.9) - 1]
        print(
            f"  {name:8s} median {statistics.median(times):6.1f} ms   p90 {p90:6.1f} ms"
            f"   ({counter.paints - before} paints)"
        )


if __name__ == "__main__":
    main()
