"""GUI speed figures against the targets of the shell brief.

Prints "name: value (target)" for:
  (a) process start to the first painted main window, vs a bare PySide6 QMainWindow
      (both whole subprocesses, same run; target <= 2x),
  (b) the same on a 10,000-persona library, and that process's peak RSS (< 300 MB),
  (c) search as you type in the sidebar over 10,000 personas, per keystroke (<= 30 ms),
  (d) keystroke in the form to the repainted `card` canvas, including the save (<= 16 ms).
Runs offscreen (QT_QPA_PLATFORM=offscreen) unless a display is set with --display.
Run: python benchmarks/bench_gui.py [--count N] [--runs R]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CHILD_BARE = r"""
import os, sys, time, resource
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QMainWindow, QLabel
start = float(os.environ["BENCH_START"])
app = QApplication(sys.argv)
class Painted(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            print(time.time() - start, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, flush=True)
            os._exit(0)
        return False
w = QMainWindow(); w.setCentralWidget(QLabel("Hello")); w.resize(1400, 900)
f = Painted(); w.installEventFilter(f)
w.show()
app.exec()
"""

CHILD_APP = r"""
import os, sys, time, resource
start = float(os.environ["BENCH_START"])
sys.path.insert(0, os.environ["BENCH_ROOT"])
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication
from personadesigner.ui.app import make_application, run_app
app = make_application(sys.argv)
class Painted(QObject):
    first = None
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            now = time.time() - start
            if self.first is None:
                self.first = now  # the window is on screen
            window = QApplication.activeWindow() or next(iter(QApplication.topLevelWidgets()), None)
            canvas = getattr(window, "canvas", None)
            if canvas is not None and canvas.current_layout() is not None and obj is canvas.viewport():
                rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
                print(self.first, now, rss, flush=True)
                os._exit(0)
        return False
f = Painted()
app.installEventFilter(f)
run_app(os.environ["BENCH_LIBRARY"], sys.argv)  # the real start path
"""


def make_library(path: Path, count: int) -> None:
    from personadesigner.core.persona import PERSONA_TYPES, Persona, Trait
    from personadesigner.storage.library import Library

    lib = Library.open(str(path))
    people = []
    for i in range(count):
        people.append(
            Persona(
                name=f"Persona {i:05d} {['Berg', 'Diaz', 'Ek', 'Fox', 'Lind'][i % 5]}",
                type=PERSONA_TYPES[i % len(PERSONA_TYPES)],
                role=f"Role {i % 97} at company {i % 13}",
                quote="I want tools that simply work, every day.",
                story="A longer background narrative. " * 8,
                goals=[f"Goal {j} of persona {i}" for j in range(4)],
                pain_points=["Too many tools", "Slow reports"],
                tags=[f"tag{i % 7}", "bench"],
                traits=[Trait("Introvert", "Extrovert", i % 101)],
            )
        )
    lib.add_many(people)
    lib.close()


def child_run(code: str, env_extra: dict[str, str]) -> list[float]:
    """Runs a child; returns the numbers it printed (seconds..., peak RSS in kB last)."""
    env = dict(os.environ)
    # An installed app has compiled bytecode; without it every start compiles our modules
    # again (PYTHONDONTWRITEBYTECODE), which a bare Qt script barely pays. Cache it in tmp.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = os.environ.get("BENCH_PYCACHE", tempfile.gettempdir())
    env.update(env_extra)
    env["BENCH_ROOT"] = str(ROOT)
    env["BENCH_START"] = repr(time.time())
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120)
    line = [x for x in out.stdout.splitlines() if x.strip()]
    if out.returncode != 0 or not line:
        raise SystemExit(f"child failed: {out.stderr[-2000:]}")
    return [float(x) for x in line[-1].split()]


def startup_figures(tmp: Path, small: Path, big: Path, runs: int) -> None:
    os.environ["BENCH_PYCACHE"] = str(tmp / "pycache")
    child_run(CHILD_BARE, {})  # warm-up: bytecode cache and OS file cache, not counted
    child_run(CHILD_APP, {"BENCH_LIBRARY": str(small)})
    bare = [child_run(CHILD_BARE, {})[0] for _ in range(runs)]
    small_runs = [child_run(CHILD_APP, {"BENCH_LIBRARY": str(small)}) for _ in range(runs)]
    big_runs = [child_run(CHILD_APP, {"BENCH_LIBRARY": str(big)}) for _ in range(runs)]
    b = statistics.median(bare)
    for label, rs in (("8 samples", small_runs), ("10,000 personas", big_runs)):
        first = statistics.median(r[0] for r in rs)
        card = statistics.median(r[1] for r in rs)
        print(
            f"start to first painted window, PersonaDesigner ({label}): {first * 1000:.0f} ms = {first / b:.2f}x bare (<= 2x)"
        )
        print(
            f"start to card painted, PersonaDesigner ({label}): {card * 1000:.0f} ms = {card / b:.2f}x bare (list and card filled in)"
        )
    print(f"start to first paint, bare QMainWindow: {b * 1000:.0f} ms (reference)")
    print(f"peak RSS with 10,000 personas: {max(r[2] for r in big_runs) / 1024:.0f} MB (< 300 MB)")


def in_process_figures(tmp: Path, big: Path) -> None:
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from personadesigner.storage.library import Library
    from personadesigner.ui.app import make_application
    from personadesigner.ui.main_window import MainWindow
    from personadesigner.ui.settings import Settings

    app = make_application([])
    library = Library.open(str(big), create=False)
    window = MainWindow(library, Settings.from_file(str(tmp / "inproc.ini")))
    window.resize(1500, 950)
    window.show()
    for _ in range(5):
        app.processEvents()

    search = window.sidebar.search
    window.sidebar.deep_search_timer.blockSignals(True)  # timed separately below
    per_key = []
    deep = []
    for word in ("persona 01", "berg", "company 1", "zzz"):
        search.clear()
        app.processEvents()
        for ch in word:
            t0 = time.perf_counter()
            QTest.keyClick(search, ch)
            window.sidebar.view.viewport().repaint()
            per_key.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        window.sidebar.run_deep_search()
        window.sidebar.view.viewport().repaint()
        deep.append(time.perf_counter() - t0)
    search.clear()
    window.sidebar.deep_search_timer.blockSignals(False)
    per_key.sort()
    print(
        f"search as you type over 10,000: median {statistics.median(per_key) * 1000:.1f} ms, "
        f"worst {per_key[-1] * 1000:.1f} ms per keystroke (<= 30 ms)"
    )
    print(
        f"full-text search when typing pauses (library, {len(deep)} words): median "
        f"{statistics.median(deep) * 1000:.0f} ms, worst {max(deep) * 1000:.0f} ms (runs {window.sidebar.deep_search_timer.interval()} ms after the last key)"
    )

    class PaintSeen(QObject):
        painted = False

        def eventFilter(self, obj, event):
            if event.type() == QEvent.Type.Paint:
                self.painted = True
            return False

    window.sidebar.select(window.sidebar.model.summary(0).id)
    persona = window.document.persona
    if persona.card.template != "card":
        window.card.design_changed("card", persona.card.theme)
    seen = PaintSeen()
    viewport = window.canvas.viewport()
    viewport.installEventFilter(seen)
    role = window.form.editors["role"]
    role.setFocus()
    times = []
    missed = 0
    for ch in "Marketinglead":
        seen.painted = False
        t0 = time.perf_counter()
        QTest.keyClick(role, ch)
        while not seen.painted and time.perf_counter() - t0 < 2:
            app.processEvents()
        if seen.painted:
            times.append(time.perf_counter() - t0)
        else:
            missed += 1
    times.sort()
    print(
        f"keystroke to card repaint (incl. save to the library): median {statistics.median(times) * 1000:.1f} ms, "
        f"worst {times[-1] * 1000:.1f} ms over {len(times)} keys, {missed} without repaint (<= 16 ms)"
    )
    switch = []
    model = window.sidebar.model
    for row in range(1, model.rowCount(), max(1, model.rowCount() // 10)):
        seen.painted = False
        t0 = time.perf_counter()
        window.sidebar.select(model.summary(row).id)
        while not seen.painted and time.perf_counter() - t0 < 5:
            app.processEvents()
        switch.append(time.perf_counter() - t0)
    print(
        f"pick another persona in the sidebar to its card painted (10,000): median "
        f"{statistics.median(switch) * 1000:.0f} ms, worst {max(switch) * 1000:.0f} ms (no target)"
    )
    window.close()
    library.close()
    QApplication.processEvents()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--display", action="store_true", help="use $DISPLAY (e.g. under xvfb-run) instead of offscreen"
    )
    args = parser.parse_args()
    if not args.display:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        for var in (
            "XDG_CONFIG_HOME",
            "XDG_STATE_HOME",
            "XDG_DATA_HOME",
        ):  # keep the user's settings and logs untouched
            os.environ[var] = str(tmp / var.lower())
        small, big = tmp / "samples.sqlite", tmp / "big.sqlite"
        from personadesigner.samples import seed_samples
        from personadesigner.storage.library import Library

        lib = Library.open(str(small))
        seed_samples(lib)
        lib.close()
        t0 = time.perf_counter()
        make_library(big, args.count)
        print(f"(built a {args.count}-persona library in {time.perf_counter() - t0:.1f} s)")
        startup_figures(tmp, small, big, args.runs)
        in_process_figures(tmp, big)


if __name__ == "__main__":
    main()
