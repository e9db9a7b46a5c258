"""Avatar initials on high-resolution screens (issue: missing at 200 % scale).

Qt draws glyphs larger than 64 device pixels as outlines and skips that for
the raw fonts we paint with, so the avatar's big initials vanished whenever
zoom x screen scale pushed them past that size. Checked in-process with a
high zoom (same device pixels) and, for the reported case, in a child process
with QT_SCALE_FACTOR=2.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QRectF

from personadesigner.core.cardlayout import TextBlock

ROOT = Path(__file__).resolve().parents[3]


def light_pixels_in_avatar(view) -> tuple[int, int]:
    """(pixels of the initials' ink, all pixels) in the middle of the initials avatar, as grabbed
    from the screen: ink is whatever stands out from the disc's own colour (light or dark letters)."""
    from PySide6.QtGui import QColor

    from personadesigner.core.cardlayout import Box

    layout = view.current_layout()
    block = next(it for it in layout.items if isinstance(it, TextBlock) and it.field == "photo")
    disc = QColor(next(it for it in layout.items if isinstance(it, Box) and it.field == "photo").fill)
    inner = QRectF(block.x + block.w * 0.25, block.y + block.h * 0.3, block.w * 0.5, block.h * 0.4)
    image = view.viewport().grab().toImage()
    dpr = image.devicePixelRatio()
    area = view.mapFromScene(inner).boundingRect()
    light = total = 0
    for y in range(int(area.top() * dpr), int(area.bottom() * dpr)):
        for x in range(int(area.left() * dpr), int(area.right() * dpr)):
            total += 1
            light += abs(image.pixelColor(x, y).lightness() - disc.lightness()) > 80
    return light, total


def test_initials_show_when_zoomed_past_the_glyph_cache_size(qtbot, canvas, persona):
    canvas.set_persona(persona)
    canvas.set_zoom(4.0)  # the initials are ~90 device pixels high
    block = next(it for it in canvas.current_layout().items if isinstance(it, TextBlock) and it.field == "photo")
    canvas.centerOn(block.x + block.w / 2, block.y + block.h / 2)
    qtbot.wait(10)
    light, total = light_pixels_in_avatar(canvas)
    assert light > total * 0.08  # letters that stand out from the coloured circle


CHILD = r"""
import json, sys
from PySide6.QtWidgets import QApplication
from personadesigner.ui.app import make_application
from personadesigner.render.qt_painter import register_fonts
from personadesigner.core.persona import Persona
app = make_application([])
register_fonts()
from personadesigner.ui.canvas import CardCanvas
sys.path.insert(0, sys.argv[1])
from test_canvas_hidpi import light_pixels_in_avatar
view = CardCanvas(); view.resize(900, 700); view.show()
for _ in range(5): app.processEvents()
view.set_persona(Persona(name="Anna Berg", role="Marketer"))
for _ in range(5): app.processEvents()
light, total = light_pixels_in_avatar(view)
print(json.dumps({"dpr": view.devicePixelRatioF(), "light": light, "total": total}))
"""


def test_initials_show_at_200_percent_scale(tmp_path):
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen", "QT_SCALE_FACTOR": "2"}
    out = subprocess.run(
        [sys.executable, "-c", CHILD, str(Path(__file__).parent)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
    )
    assert out.returncode == 0, out.stderr[-2000:]
    report = json.loads(out.stdout.strip().splitlines()[-1])
    assert report["dpr"] == 2.0
    assert report["light"] > report["total"] * 0.08, report
