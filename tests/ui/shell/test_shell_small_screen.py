"""The window fits a laptop: 1280 x 720, 1366 x 768, and 200 % on a 2560 x 1440 screen.

Each screen runs the real window in its own process (small_screen_probe.py),
since the screen's size and scale are fixed when Qt starts. In-process tests
check the form toggle and the sidebar rows.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QStyleOptionViewItem

from personadesigner.ui import settings as opts
from personadesigner.ui.settings import Settings

ROOT = Path(__file__).resolve().parents[3]
PROBE = Path(__file__).with_name("small_screen_probe.py")
MAX_MIN_WIDTH = 1000


def _probe(tmp_path: Path, width: int, height: int, scale: int) -> dict:
    config = tmp_path / "screen.json"
    screen = {
        "name": "laptop",
        "x": 0,
        "y": 0,
        "width": width,
        "height": height,
        "logicalDpi": 96,
        "logicalBaseDpi": 96,
        "dpr": 1,
    }
    config.write_text(json.dumps({"screens": [screen]}), encoding="utf-8")
    env = dict(
        os.environ,
        QT_QPA_PLATFORM=f"offscreen:configfile={config}",
        QT_SCALE_FACTOR=str(scale),
        PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""),
    )
    done = subprocess.run(
        [sys.executable, str(PROBE), str(tmp_path)], env=env, capture_output=True, text=True, timeout=120, cwd=ROOT
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize(
    ("width", "height", "scale"),
    [(1280, 720, 1), (1366, 768, 1), (2560, 1440, 2)],
    ids=["1280x720", "1366x768", "200%"],
)
def test_the_window_fits_a_laptop_screen(tmp_path, width, height, scale):
    seen = _probe(tmp_path, width, height, scale)
    assert seen["scale"] == scale
    assert seen["screen"] == [width // scale, height // scale]  # logical pixels
    assert seen["min_hint_width"] <= MAX_MIN_WIDTH and seen["min_width"] <= MAX_MIN_WIDTH
    assert seen["window"][0] <= seen["screen"][0] and seen["window"][1] <= seen["screen"][1]
    sidebar, card, form = seen["panes"]
    assert sidebar > 0 and form > 0 and card >= 480  # all three panes show, the card has room
    # The sidebar's rows keep the name: the badge sits below it, not beside it.
    assert seen["badge_below_name"]
    assert seen["name_text"].split()[0] == "Grace", seen["name_text"]
    # The design bar above the card (the form shown) fits: no scroll bar, the Design button in view.
    assert not seen["bar_scrolls"] and seen["design_button_shown"], seen


def test_a_long_name_keeps_its_first_word_in_a_narrow_sidebar(qtbot):
    from personadesigner.ui.persona_delegate import PersonaDelegate

    delegate = PersonaDelegate()
    option = QStyleOptionViewItem()
    em = option.fontMetrics.height()
    for width in (em * 11, em * 13, em * 16):  # narrower than the default sidebar, and the default
        option.rect = QRect(0, 0, width, delegate.sizeHint(option, None).height())
        row = delegate.row_layout(option, "Grace Okafor-Whitfield", "decision_maker", "Chief operating officer")
        assert row.name_text.startswith("Grace "), (width, row.name_text)
        assert row.badge_rect.top() >= row.name_rect.bottom() - 1  # the badge is on the second line
        assert row.badge_text  # and still says something


def test_the_form_can_be_hidden_and_stays_hidden(qtbot, make_window, settings_path):
    window = make_window(st=Settings.from_file(str(settings_path)))
    assert window.form.isVisible() and window.show_form_action.isChecked()
    card_before = window.canvas.width()
    window.activateWindow()
    qtbot.waitUntil(lambda: window.isActiveWindow())
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert not window.form.isVisible() and not window.show_form_action.isChecked()
    qtbot.waitUntil(lambda: window.canvas.width() > card_before)  # the card got the room
    window.close()

    again = make_window(st=Settings.from_file(str(settings_path)))
    assert Settings.from_file(str(settings_path)).get(opts.FORM_VISIBLE) is False
    assert not again.form.isVisible() and not again.show_form_action.isChecked()
    again.show_form_action.trigger()  # View > Show form
    assert again.form.isVisible() and again.form.width() > 0


def test_dragging_the_form_shut_unchecks_show_form(qtbot, window):
    sizes = window.splitter.sizes()
    assert window.splitter.isCollapsible(2) and not window.splitter.isCollapsible(1)
    handle = window.splitter.handle(2)
    window.splitter.moveSplitter(sum(sizes) + handle.width(), 2)  # all the way to the right edge
    qtbot.waitUntil(lambda: not window.show_form_action.isChecked())
    window.show_form_action.trigger()
    assert window.splitter.sizes()[2] > 0
