"""Help: every keyboard shortcut (F1, Ctrl+/), the offline user guide, About with licences and credits."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence

from personadesigner import __version__


def _press(qtbot, window, key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, key, modifiers)


def test_f1_opens_the_shortcuts_with_every_shortcut_of_the_window(qtbot, window):
    qtbot.keyClicks(window.form.editors["role"], "!")  # something to undo and redo
    window.undo_action.trigger()
    assert window.redo_action.text() != "&Redo"
    _press(qtbot, window, Qt.Key.Key_F1)
    dialog = window.shortcuts_dialog
    qtbot.waitUntil(dialog.isVisible)
    rows = dialog.rows()
    keys = {k for _name, shortcut, _where in rows for k in shortcut.split(", ")}
    for expected in (
        "Ctrl+N",
        "Ctrl+E",
        "Ctrl+P",
        "Ctrl+Z",
        "Ctrl+Shift+Z",
        "Ctrl+D",
        "Del",
        "Ctrl+F",
        "Ctrl+0",
        "Ctrl+Shift+F",
        "F1",
        "Ctrl+/",
        "Ctrl+T",
    ):
        assert expected in keys, expected
    by_key = {shortcut.split(", ")[0]: (name, where) for name, shortcut, where in rows}
    assert by_key["Ctrl+Shift+Z"] == ("Redo", "Edit")  # not "Redo <the last step>"
    assert by_key["Ctrl+E"] == ("Export", "File")
    assert by_key["Del"][1] == "Persona (in the Personas list)"
    # Generated from the actions: every action with a shortcut is there, once.
    with_keys = [a for a in window.findChildren(QAction) if any(not s.isEmpty() for s in a.shortcuts())]
    assert len(rows) == len(with_keys)


def test_ctrl_slash_opens_it_too_and_a_new_shortcut_shows_up(qtbot, window):
    extra = QAction("Make coffee", window)
    extra.setShortcut(QKeySequence("Ctrl+Alt+K"))
    window.addAction(extra)
    _press(qtbot, window, Qt.Key.Key_Slash, Qt.KeyboardModifier.ControlModifier)
    dialog = window.shortcuts_dialog
    qtbot.waitUntil(dialog.isVisible)
    assert ("Make coffee", "Ctrl+Alt+K", "Other") in dialog.rows()
    dialog.filter.setText("coffee")
    shown = [r for r in range(dialog.table.rowCount()) if not dialog.table.isRowHidden(r)]
    assert [dialog.table.item(r, 0).text() for r in shown] == ["Make coffee"]


def test_the_user_guide_is_offline_and_has_its_sections(qtbot, window):
    window.guide_action.trigger()
    guide = window.guide_dialog
    qtbot.waitUntil(guide.isVisible)
    assert guide.section_titles() == [
        "Your first persona",
        "Templates and themes",
        "Export for a print shop",
        "Team libraries on PostgreSQL",
        "Importing survey data from CSV or JSON",
    ]
    text = guide.browser.toPlainText()
    for words in ("Bleed", "Crop marks", "Cards per page", "Tiling", "postgresql+psycopg://", "CSV"):
        assert words in text, words
    assert "http" not in guide.browser.toHtml().replace("http://www.w3.org", "")  # nothing to fetch


def test_about_names_the_version_licence_fonts_and_icons(qtbot, window):
    window.about_action.trigger()
    about = window.about_dialog
    qtbot.waitUntil(about.isVisible)
    text = about.text()
    assert f"PersonaDesigner {__version__}" in text
    assert "GPL-3.0-or-later" in text
    for font in ("Noto Sans", "Noto Serif", "WenQuanYi Micro Hei", "DejaVu Sans", "Noto Emoji"):
        assert font in text, font
    assert "SIL OFL 1.1" in text and "Apache-2.0" in text
    assert "Tabler Icons" in text and "MIT" in text


def test_help_menu_offers_all_three(window):
    help_menu = window.menuBar().actions()[-1].menu()
    texts = [a.text().replace("&", "") for a in help_menu.actions() if not a.isSeparator()]
    assert texts == ["Keyboard shortcuts", "User guide", "About PersonaDesigner"]
