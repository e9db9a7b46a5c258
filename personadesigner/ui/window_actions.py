"""The window's actions (with their shortcuts), its menus, and when each action is enabled.

The actions stay attributes of the window (``window.export_action``...): the
toolbar (ui/main_toolbar.py), the read-only state, the help's shortcut list
and the tests find them there. Each one calls the controller that owns the
gesture (library, persona, output, view); this module only builds and
enables them.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from personadesigner.ui.read_only import restrict_writing_actions


def make_action(window: QMainWindow, text: str, slot, shortcut=None, *, tip: str = "") -> QAction:
    """A window-wide action that calls ``slot()`` when triggered."""
    action = QAction(text, window)
    if shortcut is not None:
        action.setShortcuts(shortcut if isinstance(shortcut, list) else [QKeySequence(shortcut)])
    if tip:
        action.setStatusTip(tip)
    action.triggered.connect(lambda _checked=False: slot())
    window.addAction(action)
    return action


def make_actions(window: QMainWindow) -> None:
    """Every action of the menus and the toolbar, as attributes of the window."""
    from personadesigner.ui import brand_themes, help_dialogs, main_toolbar, template_library

    K = QKeySequence.StandardKey
    w, libraries, output, view = window, window.libraries, window.output, window.view
    w.new_action = make_action(w, "&New persona", w.new_persona, K.New, tip="Create a persona")
    w.import_action = make_action(
        w, "&Import…", libraries.import_personas, tip="Import personas from JSON or CSV files"
    )
    w.export_action = make_action(w, "&Export…", output.export, "Ctrl+E", tip="Export cards as PDF or PNG")
    w.print_action = make_action(w, "&Print…", output.print_cards, K.Print, tip="Print the selected cards")
    w.new_library_action = make_action(w, "New &library…", libraries.new_library)
    w.open_library_action = make_action(w, "&Open library…", libraries.open_library_file, K.Open)
    w.open_url_action = make_action(w, "Open &database URL…", libraries.open_library_url)
    w.backups_action = make_action(
        w, "&Backups…", libraries.show_backups, tip="Back up the library now or restore a backup"
    )
    w.quit_action = make_action(w, "&Quit", w.close, K.Quit)
    w.quit_action.setMenuRole(QAction.MenuRole.QuitRole)

    # Ctrl+Z: the persona's last edit or the library's last step, whichever is newer.
    w.undo_action, w.redo_action = w.document.history.make_actions(w)
    w.addAction(w.undo_action)
    w.addAction(w.redo_action)
    w.copy_image_action = make_action(w, "Copy card &image", output.copy_card_image, "Ctrl+Shift+C")
    w.find_action = make_action(w, "&Find…", view.focus_search, K.Find, tip="Search the library")
    w.trash_action = make_action(w, "&Trash…", libraries.show_trash, tip="Restore or delete trashed personas")

    w.duplicate_action = make_action(w, "D&uplicate", w.persona_actions.duplicate, "Ctrl+D")
    _make_list_actions(w)

    w.zoom_in_action = make_action(w, "Zoom &in", view.zoom_in, [QKeySequence("Ctrl++"), QKeySequence("Ctrl+=")])
    w.zoom_out_action = make_action(w, "Zoom &out", view.zoom_out, "Ctrl+-")
    w.zoom_fit_action = make_action(w, "&Fit card", view.zoom_fit, "Ctrl+0")
    w.theme_editor_action = make_action(
        w,
        "T&heme editor…",
        lambda: brand_themes.open_theme_editor(w),
        tip="Make a brand theme: colours, fonts and logo, saved in the library",
    )
    w.about_action = make_action(w, "&About PersonaDesigner", lambda: help_dialogs.show_about(w))
    w.about_action.setMenuRole(QAction.MenuRole.AboutRole)
    w.shortcuts_action, w.guide_action = help_dialogs.make_help_actions(w)
    main_toolbar.make_view_actions(w)
    template_library.make_template_actions(w)  # Templates › Duplicate, Import…, Export…, Delete


def _make_list_actions(window: QMainWindow) -> None:
    """Move to trash (Delete, in the list only) and the list's right-click menu."""
    view = window.sidebar.view
    window.delete_action = QAction("Move to &trash", window)
    window.delete_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
    # Only in the list: Delete in a text field or a list editor edits that instead.
    window.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    window.delete_action.triggered.connect(lambda _c=False: window.delete_personas())
    view.addAction(window.delete_action)
    # Right-click on the list offers what applies to the personas there.
    separator = QAction(window)
    separator.setSeparator(True)
    view.insertActions(window.delete_action, [window.new_action, window.duplicate_action, separator])
    view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)


def _add(menu: QMenu, *items) -> None:
    """Actions in order; None is a separator."""
    for item in items:
        if item is None:
            menu.addSeparator()
        elif isinstance(item, QMenu):
            menu.addMenu(item)
        else:
            menu.addAction(item)


def make_menus(window: QMainWindow) -> None:
    """File, Edit, View, Templates, Persona and Help (the View menu also gets the toolbar and its toggles)."""
    from personadesigner.ui import (
        deck_dialog,
        discover_dialog,
        history_panel,
        main_toolbar,
        template_designer_window,
        template_library,
    )

    w = window
    bar = w.menuBar()
    file_menu = bar.addMenu("&File")
    _add(file_menu, w.new_action, None, w.new_library_action, w.open_library_action, w.open_url_action)
    w.recent_menu = QMenu("Open &recent", w)
    w.recent_menu.aboutToShow.connect(lambda: w.libraries.fill_recent_menu(w.recent_menu))
    _add(
        file_menu,
        w.recent_menu,
        w.backups_action,
        None,
        w.import_action,
        w.export_action,
        w.print_action,
        None,
        w.quit_action,
    )
    discover_dialog.add_to_menu(w, file_menu)  # File › Discover personas from data… (after Import…)
    deck_dialog.add_to_menu(w, file_menu)  # File › Export deck… (after Export…)
    _add(
        bar.addMenu("&Edit"),
        w.undo_action,
        w.redo_action,
        None,
        w.copy_image_action,
        None,
        w.find_action,
        w.trash_action,
    )
    view_menu = bar.addMenu("&View")
    _add(view_menu, w.zoom_in_action, w.zoom_out_action, w.zoom_fit_action, None, w.theme_editor_action)
    template_designer_window.add_to_menu(w, view_menu)  # View › Design template (Ctrl+Shift+D)
    main_toolbar.install(w, view_menu)
    template_library.add_menu(w)  # Templates › gallery, duplicate, import, export, delete
    persona_menu = bar.addMenu("&Persona")
    _add(persona_menu, w.new_action, w.duplicate_action, w.delete_action)
    history_panel.add_to_menu(w, persona_menu)  # Persona › History… (Ctrl+H)
    _add(bar.addMenu("&Help"), w.shortcuts_action, w.guide_action, None, w.about_action)


def update_actions(window: QMainWindow) -> None:
    """Enable what applies: a library open, a persona shown, the library writable."""
    has = window.document.persona is not None
    has_library = window.library is not None
    for a in (window.new_action, window.import_action, window.export_action, window.trash_action):
        a.setEnabled(has_library)
    window.backups_action.setEnabled(window.libraries.can_back_up())
    for a in (window.duplicate_action, window.delete_action, window.copy_image_action, window.print_action):
        a.setEnabled(has)
    from personadesigner.ui.template_library import update_template_actions

    update_template_actions(window)
    restrict_writing_actions(window)
