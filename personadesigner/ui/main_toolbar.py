"""The main toolbar, the icons of the window's actions and the View › Show form toggle.

Why here and not in main_window.py: the window only calls ``install`` once its
actions exist; which actions the toolbar shows, their icons and tooltips
(each naming its shortcut, so the toolbar teaches the keyboard) live in one
place. Hiding the form gives the canvas the room on a small screen; the
choice is kept in the settings.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QToolBar

from personadesigner.ui import settings as opts
from personadesigner.ui.help_dialogs import HELP_NAME, plain, shortcut_text
from personadesigner.ui.icons import icon

#: The window's action attributes on the toolbar, in order; None is a separator.
TOOLBAR_ACTIONS: tuple[str | None, ...] = (
    "new_action",
    "duplicate_action",
    "delete_action",
    None,
    "undo_action",
    "redo_action",
    None,
    "export_action",
    "print_action",
    None,
    "zoom_out_action",
    "zoom_in_action",
    "zoom_fit_action",
    None,
    "template_action",
    "theme_action",
    None,
    "show_form_action",
)

#: The window's action attributes -> icon names (ui/icons.py); menus show them too.
ACTION_ICONS: dict[str, str] = {
    "new_action": "new",
    "duplicate_action": "duplicate",
    "delete_action": "delete",
    "trash_action": "trash",
    "undo_action": "undo",
    "redo_action": "redo",
    "export_action": "export",
    "import_action": "import",
    "print_action": "print",
    "zoom_in_action": "zoom_in",
    "zoom_out_action": "zoom_out",
    "zoom_fit_action": "zoom_fit",
    "template_action": "template",
    "design_template_action": "design",
    "theme_action": "theme",
    "show_form_action": "show_form",
    "new_library_action": "new_library",
    "open_library_action": "open_library",
    "open_url_action": "open_url",
    "backups_action": "backups",
    "quit_action": "quit",
    "copy_image_action": "copy_image",
    "find_action": "find",
    "shortcuts_action": "shortcuts",
    "guide_action": "guide",
    "about_action": "about",
}

#: Short labels beside the icon for the few actions a newcomer looks for by name.
LABELLED = {
    "new_action": "New",
    "export_action": "Export",
    "print_action": "Print",
    "template_action": "Template",
    "theme_action": "Theme",
    "show_form_action": "Form",
}

SHOW_FORM_SHORTCUT = "Ctrl+Shift+F"
TEMPLATE_SHORTCUT = "Ctrl+T"
THEME_SHORTCUT = "Ctrl+Shift+T"


def tooltip(action: QAction) -> str:
    """ "Export (Ctrl+E)": the action's name and its main shortcut (Help › Keyboard shortcuts lists them all)."""
    keys = shortcut_text(action).split(", ")[0]
    name = plain(action.text()).rstrip("…").strip()
    return f"{name} ({keys})" if keys else name


def make_view_actions(window: QMainWindow) -> None:
    """Template…, Theme… (they open the design bar's pickers) and the checkable Show form."""
    window.template_action = QAction("&Template…", window)
    window.template_action.setShortcut(QKeySequence(TEMPLATE_SHORTCUT))
    window.template_action.setStatusTip("Choose the card's template: its size and sections")
    window.template_action.triggered.connect(lambda _c=False: open_picker(window, "template"))
    window.theme_action = QAction("T&heme…", window)
    window.theme_action.setShortcut(QKeySequence(THEME_SHORTCUT))
    window.theme_action.setStatusTip("Choose the card's colours and fonts")
    window.theme_action.triggered.connect(lambda _c=False: open_picker(window, "theme"))
    window.show_form_action = QAction("Show &form", window)
    window.show_form_action.setCheckable(True)
    window.show_form_action.setChecked(True)
    window.show_form_action.setIconVisibleInMenu(False)  # the menu shows its check mark instead
    window.show_form_action.setShortcut(QKeySequence(SHOW_FORM_SHORTCUT))
    window.show_form_action.setStatusTip("Show or hide the form, to give the card more room")
    window.show_form_action.toggled.connect(lambda on: set_form_visible(window, on))
    for action in (window.template_action, window.theme_action, window.show_form_action):
        window.addAction(action)


def open_picker(window: QMainWindow, which: str) -> None:
    """Open the design bar's template gallery (templates and themes), or its picker drop-down."""
    bar = window.design_bar
    for name in (f"{which}_gallery_button", "gallery_button", f"{which}_button"):
        button = getattr(bar, name, None)
        if button is not None and hasattr(button, "click"):
            button.click()
            return
    combo = getattr(bar, f"{which}_combo", None)
    if combo is not None:
        window.design_scroller.ensureWidgetVisible(combo)
        combo.setFocus(Qt.FocusReason.ShortcutFocusReason)
        combo.showPopup()


def set_form_visible(window: QMainWindow, visible: bool) -> None:
    """Show or hide the form pane; the choice is remembered."""
    form = window.form
    if visible and form.isHidden():
        form.setVisible(True)
        sizes = window.splitter.sizes()
        if sizes[2] <= 0:  # it was collapsed by dragging: give it its width back
            width = max(form.minimumSizeHint().width(), form.minimumWidth(), window.fontMetrics().height() * 24)
            window.splitter.setSizes([sizes[0], max(sizes[1] - width, 0), width])
    elif not visible and not form.isHidden():
        if form.isAncestorOf(window.focusWidget()):
            window.canvas.setFocus(Qt.FocusReason.OtherFocusReason)
        form.setVisible(False)
    if window.show_form_action.isChecked() != visible:
        window.show_form_action.setChecked(visible)
    window.settings.set(opts.FORM_VISIBLE, bool(visible))


def _splitter_moved(window: QMainWindow) -> None:
    """Dragging the form's edge all the way closes it: the toggle follows."""
    if not window.form.isHidden() and window.splitter.sizes()[2] == 0:
        set_form_visible(window, False)


def decorate_actions(window: QMainWindow) -> None:
    """Icons and shortcut-naming tooltips on every action the window has."""
    for attr, name in ACTION_ICONS.items():
        action = getattr(window, attr, None)
        if isinstance(action, QAction):
            action.setIcon(icon(name))
    for action in window.findChildren(QAction):
        if action.text() and not action.isSeparator():
            action.setToolTip(tooltip(action))
    for attr, text in LABELLED.items():
        action = getattr(window, attr, None)
        if isinstance(action, QAction):
            action.setIconText(text)
    # Undo/Redo rename themselves ("Undo Set name"): keep their tooltips naming the keys.
    for attr, name in (("undo_action", "Undo"), ("redo_action", "Redo")):
        action = getattr(window, attr)
        action.setProperty(HELP_NAME, name)
        action.changed.connect(lambda a=action: a.toolTip() == tooltip(a) or a.setToolTip(tooltip(a)))


def build_toolbar(window: QMainWindow) -> QToolBar:
    """The main toolbar: icons for everything, short labels for the few named ones."""
    bar = QToolBar("Main toolbar", window)
    bar.setObjectName("mainToolbar")  # saveState/restoreState find it by name
    bar.setMovable(False)
    bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    side = round(window.fontMetrics().height() * 1.15)
    bar.setIconSize(QSize(side, side))
    for attr in TOOLBAR_ACTIONS:
        if attr is None:
            bar.addSeparator()
            continue
        action = getattr(window, attr)
        if attr not in LABELLED:
            action.setPriority(QAction.Priority.LowPriority)  # icon only beside-icon style
        bar.addAction(action)
    window.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
    return bar


def install(window: QMainWindow, view_menu: QMenu) -> QToolBar:
    """Toolbar, icons, tooltips and the View menu's toggles; the form's visibility as last time."""
    view_menu.addSeparator()
    view_menu.addAction(window.template_action)
    view_menu.addAction(window.theme_action)
    view_menu.addSeparator()
    view_menu.addAction(window.show_form_action)
    window.toolbar = build_toolbar(window)
    toggle = window.toolbar.toggleViewAction()
    toggle.setText("Show &toolbar")
    view_menu.addAction(toggle)
    decorate_actions(window)
    recent = getattr(window, "recent_menu", None)
    if recent is not None:
        recent.setIcon(icon("recent"))
    window.splitter.splitterMoved.connect(lambda _pos, _index: _splitter_moved(window))
    return window.toolbar


def default_pane_widths(window_width: int) -> list[int]:
    """Sidebar | card | form widths on first start: shares of the window, so 1280 px fits all three."""
    sidebar, form = round(window_width * 0.18), round(window_width * 0.29)
    return [sidebar, max(window_width - sidebar - form, 0), form]


def hide_duplicate_buttons(design_bar) -> None:
    """The toolbar has zoom in/out/fit and Template/Theme (the gallery, Ctrl+T): the design bar keeps
    its pickers, guides, zoom level and Design button, so with the form shown it fits a 1280 px window
    without scrolling (its Templates… button still opens the gallery for Template/Theme)."""
    for name in ("zoom_out_button", "zoom_in_button", "fit_button", "gallery_button"):
        button = getattr(design_bar, name, None)
        if button is not None:
            button.hide()


def zoom_level_in_status_bar(window: QMainWindow) -> None:
    """The zoom level sits at the right of the status bar, beside the toolbar's zoom buttons'
    effect, where it takes no room from the design bar (which then fits beside the form)."""
    label = getattr(window.design_bar, "zoom_label", None)
    if label is not None:
        window.statusBar().addPermanentWidget(label)


def restore_form_visibility(window: QMainWindow) -> None:
    """At start: the form shown or hidden as the user left it."""
    visible = window.settings.get(opts.FORM_VISIBLE)
    window.form.setVisible(visible)
    window.show_form_action.setChecked(visible)
