"""Theme editor responsiveness: a colour picked -> the canvas laid out again and repainted.

Each edit re-colours the draft theme (no file read), updates the colour buttons
and the contrast table, lays the card out once and repaints the canvas. Target:
median <= 16 ms (one frame at 60 Hz) for the `card` template, with a logo.
Offscreen, like bench_canvas.py. Run: python benchmarks/bench_theme_editor.py
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_canvas import PaintCounter  # noqa: E402
from bench_layout import full_persona  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

import personadesigner.ui  # noqa: E402,F401  (the PySide6 None guard, before Qt)

EDITS = 60


def main() -> None:
    app = QApplication.instance() or QApplication([])
    from PIL import Image

    from personadesigner.ui.canvas import CardCanvas
    from personadesigner.ui.theme_editor import ThemeEditor

    canvas = CardCanvas()
    canvas.resize(900, 1000)
    canvas.show()
    persona = full_persona()
    persona.card.template = "card"
    canvas.set_persona(persona)
    editor = ThemeEditor(None, canvas, "classic")
    editor.show()
    with tempfile.TemporaryDirectory() as folder:
        logo = Path(folder) / "logo.png"
        Image.new("RGB", (600, 200), "#ff6a00").save(logo)
        editor.set_logo(logo)
    app.processEvents()
    counter = PaintCounter()
    canvas.viewport().installEventFilter(counter)
    key = f"types.{persona.type}"
    times = []
    for i in range(EDITS):
        colour = f"#{(i * 37) % 256:02x}{(i * 91) % 256:02x}7c"
        start = time.perf_counter()
        editor.set_color(key, colour)
        app.processEvents()
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    p90 = times[int(len(times) * 0.9) - 1]
    print(f"colour edit -> preview on the canvas (card, with a logo), {EDITS} edits, 900x1000 px view")
    print(f"  card     median {statistics.median(times):6.1f} ms   p90 {p90:6.1f} ms   ({counter.paints} paints)")
    editor.reject()


if __name__ == "__main__":
    main()
