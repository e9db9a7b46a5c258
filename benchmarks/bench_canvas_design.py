"""Template designer responsiveness: every gesture's time to a repainted canvas (issue 11, Speed).

Measured offscreen on the `card` template with a full persona, each the median of N:
- a pointer move while a section is dragged (ghost, drop line and safe area follow), and
  the drop (the edit, the draft built into a Template, the card laid out and repainted);
- a keyboard reorder (Alt+Down, then Alt+Up: edit, layout, repaint);
- a colour edited in the theme editor while designing (the draft template stays);
- switching templates on the canvas, and starting the designer on another template.
The designer's side panel is shown, as in the window (it follows every edit).
Goals: <= 16 ms (one frame at 60 Hz) for the drag, the drop and the colour; <= 50 ms to switch.
Run: python benchmarks/bench_canvas_design.py
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

from bench_canvas import PaintCounter  # noqa: E402
from bench_layout import full_persona  # noqa: E402
from PySide6.QtCore import QPoint, QPointF, Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

import personadesigner.ui  # noqa: E402,F401  (the PySide6 None guard, before Qt)

N = 40


def main_flow(data: dict) -> tuple[int, int]:
    """(region index of card.json's main flow, index of its goals): the two sections swapped."""
    region = next(i for i, r in enumerate(data["regions"]) if r.get("id") == "main")
    return region, next(k for k, it in enumerate(data["regions"][region]["items"]) if it.get("field") == "goals")


def timed(app, action) -> tuple[float, float]:
    """(wall, CPU) milliseconds of ``action`` and the repaint it causes."""
    start, cpu = time.perf_counter(), time.process_time()
    action()
    app.processEvents()  # the scene's change, then the view's paint of the dirty region
    return (time.perf_counter() - start) * 1000, (time.process_time() - cpu) * 1000


def report(name: str, times: list[tuple[float, float]], goal: float, paints: int | None = None) -> None:
    """The median and 90th percentile of the wall time, and the median CPU time: on a shared
    machine the wall time includes waiting for a core, the CPU time is the app's own work
    (offscreen, all drawing happens in this process). The goal is judged on the wall time
    when the machine is idle (load average under 1), else on the CPU time."""
    wall = sorted(t for t, _c in times)
    cpu = statistics.median(c for _t, c in times)
    p90 = wall[int(len(wall) * 0.9) - 1]
    med = statistics.median(wall)
    judged = med if os.getloadavg()[0] < 1.0 else cpu
    flag = "ok" if judged <= goal else "OVER"
    extra = f"   ({paints} paints)" if paints is not None else ""
    print(
        f"  {name:30s} median {med:6.2f} ms  p90 {p90:6.2f} ms  CPU {cpu:6.2f} ms  goal <= {goal:g} ms  {flag}{extra}"
    )


def centre(canvas, region: int, item: int) -> QPoint:
    from personadesigner.ui.template_designer_geometry import section_rect

    x, y, w, h = section_rect(canvas.current_layout(), region, item)
    return canvas.mapFromScene(QPointF(x + w / 2, y + h / 2))


def bench_drag(app, canvas, designer, counter) -> None:
    vp = canvas.viewport()
    main, goals = main_flow(designer.data)
    moves, drops = [], []
    before = counter.paints
    for i in range(N):
        src = (main, goals + i % 2)  # goals and pain points swap places, back and forth
        start = centre(canvas, *src)
        other = centre(canvas, main, goals + 1 if src[1] == goals else goals)
        target = other + QPoint(0, (other - start).y() // 2 + (8 if src[1] == goals else -8))
        QTest.mousePress(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
        for k in range(1, 6):
            at = start + (target - start) * (k / 5)
            moves.append(timed(app, lambda at=at: QTest.mouseMove(vp, at)))
        drops.append(
            timed(
                app,
                lambda t=target: QTest.mouseRelease(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, t),
            )
        )
    report("drag: pointer move (overlay)", moves, 16.0, counter.paints - before)
    report("drop: move section + relayout", drops, 16.0)
    assert designer.stack.count() >= N // 2, "the drags did not move sections"


def bench_keys(app, canvas, designer) -> None:
    designer.select(main_flow(designer.data))
    times = []
    for i in range(N):
        key = Qt.Key.Key_Down if i % 2 == 0 else Qt.Key.Key_Up
        times.append(timed(app, lambda key=key: QTest.keyClick(canvas, key, Qt.KeyboardModifier.AltModifier)))
    report("keyboard reorder (Alt+Down/Up)", times, 16.0)


def bench_colour(app, canvas, persona) -> None:
    from personadesigner.ui.theme_editor import ThemeEditor

    editor = ThemeEditor(None, canvas, "classic")
    editor.show()
    app.processEvents()
    key = f"types.{persona.type}"
    times = []
    for i in range(N):
        colour = f"#{(i * 37) % 256:02x}{(i * 91) % 256:02x}7c"
        times.append(timed(app, lambda colour=colour: editor.set_color(key, colour)))
    report("colour edit while designing", times, 16.0)
    editor.reject()


def bench_switch(app, canvas, designer) -> None:
    from personadesigner.core.templates import template_names

    names = template_names()
    theme = canvas.design()[1]
    designer.stop()
    order = [names[i % len(names)] for i in range(N)]
    times = [timed(app, lambda name=name: canvas.set_design(name, theme)) for name in order]
    report("switch template (canvas)", times, 50.0)
    designing = [timed(app, lambda name=name: designer.start(name)) for name in order]
    report("switch template (designing)", designing, 50.0)


def main() -> None:
    app = QApplication.instance() or QApplication([])
    from personadesigner.ui.canvas import CardCanvas
    from personadesigner.ui.template_designer import TemplateDesigner
    from personadesigner.ui.template_designer_panel import TemplateDesignerPanel

    canvas = CardCanvas()
    canvas.resize(900, 1000)
    canvas.show()
    persona = full_persona()
    persona.card.template = "card"
    canvas.set_persona(persona)
    designer = TemplateDesigner(canvas)
    designer.start("card")
    panel = TemplateDesignerPanel(designer)  # shown beside the canvas, as in the window: it follows every edit
    panel.show()
    app.processEvents()
    counter = PaintCounter()
    canvas.viewport().installEventFilter(counter)
    canvas.setFocus()
    print(f"template designer on `card`, a full persona, 900x1000 px view, median of {N}")
    bench_drag(app, canvas, designer, counter)
    bench_keys(app, canvas, designer)
    bench_colour(app, canvas, persona)
    bench_switch(app, canvas, designer)
    load = os.getloadavg()[0]
    print(f"load average: {load:.2f} ({'wall' if load < 1.0 else 'CPU'} time judged against the goals)")


if __name__ == "__main__":
    main()
