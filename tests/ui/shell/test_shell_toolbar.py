"""The main toolbar and the icons: every everyday action one click away, each saying its shortcut."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QIcon, QPalette
from PySide6.QtWidgets import QApplication, QMessageBox

from personadesigner.ui.help_dialogs import plain, shortcut_text
from personadesigner.ui.icons import ICON_FILES, icon, icon_path

TOOLBAR = [
    "New persona",
    "Duplicate",
    "Move to trash",
    "Undo",
    "Redo",
    "Export…",
    "Print…",
    "Zoom out",
    "Zoom in",
    "Fit card",
    "Template…",
    "Theme…",
    "Show form",
]


def _toolbar_actions(window):
    return [a for a in window.toolbar.actions() if not a.isSeparator()]


def test_the_toolbar_has_the_everyday_actions(window):
    names = [plain(a.text()) for a in _toolbar_actions(window)]
    names[3:5] = [n.split()[0] for n in names[3:5]]  # "Undo Set name" is still Undo
    assert names == TOOLBAR
    assert window.toolbar.isVisible()


def test_every_toolbar_action_has_an_icon_and_a_tooltip_naming_its_shortcut(window):
    for action in _toolbar_actions(window):
        assert not action.icon().isNull(), action.text()
        keys = shortcut_text(action)
        assert keys, f"{action.text()} has no shortcut"
        assert f"({keys.split(', ')[0]})" in action.toolTip(), (action.text(), action.toolTip())
    assert window.export_action.toolTip() == "Export (Ctrl+E)"
    assert window.undo_action.toolTip() == "Undo (Ctrl+Z)"  # not the F14 "Undo" key
    assert window.delete_action.toolTip() == "Move to trash (Del)"


def test_menu_entries_with_a_shortcut_have_icons(window):
    for top in window.menuBar().actions():
        for action in top.menu().actions():
            if not action.isSeparator() and shortcut_text(action):
                assert not action.icon().isNull(), action.text()


def test_icon_files_exist_with_their_licence():
    for name in ICON_FILES:
        assert icon_path(name).is_file(), name
    folder = icon_path("new").parent
    assert "MIT License" in (folder / "LICENSE").read_text(encoding="utf-8")
    readme = (folder / "README.md").read_text(encoding="utf-8")
    assert "@tabler/icons" in readme and "3.52.0" in readme


def _ink(qicon: QIcon, mode=QIcon.Mode.Normal) -> list[QColor]:
    image = qicon.pixmap(QSize(32, 32), mode).toImage()
    return [image.pixelColor(x, y) for x in range(32) for y in range(32) if image.pixelColor(x, y).alpha() > 200]


def test_icons_follow_the_palette_so_a_dark_theme_shows_them(qtbot):
    app = QApplication.instance()
    original = app.palette()
    try:
        dark = QPalette(original)
        dark.setColor(QPalette.ColorRole.WindowText, QColor("#f0f0f0"))
        app.setPalette(dark)
        ink = _ink(icon("print"))
        assert len(ink) > 20 and all(c.lightness() > 200 for c in ink)
        light = QPalette(original)
        light.setColor(QPalette.ColorRole.WindowText, QColor("#202020"))
        app.setPalette(light)
        assert all(c.lightness() < 60 for c in _ink(icon("print")))
    finally:
        app.setPalette(original)


def test_template_and_theme_actions_open_the_gallery(qtbot, window):
    bar = window.design_bar
    for action in (window.template_action, window.theme_action):
        action.trigger()
        qtbot.waitUntil(lambda: bar.gallery is not None and bar.gallery.isVisible())
        bar.gallery.close()


def test_backups_dialog_has_standard_buttons_and_enter_does_not_restore(qtbot, library_path, monkeypatch):
    from personadesigner.storage import backup as backups
    from personadesigner.ui.backups_dialog import BackupsDialog

    backups.make_backup(library_path, label="manual")
    dialog = BackupsDialog(library_path)
    qtbot.addWidget(dialog)
    close = dialog.buttons.button(dialog.buttons.StandardButton.Close)
    assert close is not None
    assert not dialog.restore_button.autoDefault() and not dialog.restore_button.isDefault()
    seen = {}

    def answer(box: QMessageBox) -> int:
        seen["default"] = box.defaultButton().text()
        seen["buttons"] = [b.text() for b in box.buttons()]
        return 0  # closed: as Esc or Enter on the default (Cancel) would

    monkeypatch.setattr(QMessageBox, "exec", answer)
    dialog.table.selectRow(0)
    assert not dialog.restore_selected()
    assert seen["default"].replace("&", "") == "Cancel"
    assert "Replace the library with this backup" in seen["buttons"]
    assert len(backups.list_backups(library_path)) == 1  # nothing was restored (no before-restore backup)


@pytest.mark.parametrize("attr", ["zoom_in_button", "zoom_out_button", "fit_button"])
def test_the_design_bar_leaves_zooming_to_the_toolbar(window, attr):
    assert not getattr(window.design_bar, attr).isVisible()
    assert window.design_bar.zoom_label.isVisible()  # the zoom level still shows


def test_the_zoom_level_shows_in_the_status_bar_and_follows_the_zoom(window, qtbot):
    label = window.design_bar.zoom_label
    assert label.parentWidget() is window.statusBar()  # off the design bar: it fits beside the form
    before = label.text()
    window.zoom_in_action.trigger()
    qtbot.waitUntil(lambda: label.text() != before)
    assert label.text().endswith("%")
