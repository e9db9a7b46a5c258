"""Start-up: the window's skeleton paints before the heavy parts exist.

What loads before the first paint decides how fast the window appears (the
figure is in benchmarks/bench_gui.py); this checks the cause, not the time:
at the first paint of the real start path the layout engine, storage,
reportlab and the form editors are not imported yet, and afterwards the
window fills in and opens the library.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]

CHILD = r"""
import json, os, sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication
from personadesigner.ui.app import make_application, run_app
app = make_application(sys.argv)
HEAVY = ["personadesigner.core.layout", "personadesigner.storage.library", "reportlab",
         "personadesigner.ui.persona_form", "personadesigner.ui.canvas", "sqlalchemy"]
report = {}
class Watch(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and "first" not in report:
            report["first"] = [m for m in HEAVY if m in sys.modules]
        return False
watch = Watch(); app.installEventFilter(watch)
def poll():
    w = next((w for w in QApplication.topLevelWidgets() if hasattr(w, "parts_ready") and w.isVisible()), None)
    if w is not None and w.library is not None and w.parts_ready and w.document.persona is not None:
        report["later"] = {"persona": w.document.persona.name, "title": w.windowTitle()}
        w.close()
    else:
        QTimer.singleShot(20, poll)
QTimer.singleShot(0, poll)
code = run_app(sys.argv[1], [])
print(json.dumps(report))
"""


def test_first_paint_comes_before_layout_storage_and_form(library_path, tmp_path):
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    for var in ("XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_DATA_HOME"):
        env[var] = str(tmp_path / var.lower())
    out = subprocess.run(
        [sys.executable, "-c", CHILD, str(library_path)], env=env, capture_output=True, text=True, timeout=120
    )
    assert out.returncode == 0, out.stderr[-2000:]
    report = json.loads(out.stdout.strip().splitlines()[-1])
    assert report["first"] == []  # nothing heavy was needed to paint the window
    assert report["later"] == {"persona": "Anna Berg", "title": "team — PersonaDesigner"}
