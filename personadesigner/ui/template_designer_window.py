"""The template designer in the window: View › Design template (Ctrl+Shift+D), its side panel, saving.

Design mode designs the template the card shows; picking another template
while designing designs that one. Steps go on the designer's stack, a side stack
of the window's history (Ctrl+Z undoes the last template change or persona edit,
whichever is newer); leaving design mode drops them (saved or discarded, they
could change nothing on screen), so Ctrl+Z then undoes the step before.
A saved template becomes the persona's template through the design bar, like
picking any template (one more undo step), and the library's lists show it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu, QMessageBox, QScrollArea, QToolButton

DESIGN_SHORTCUT = "Ctrl+Shift+D"


def add_to_menu(window: QMainWindow, menu: QMenu) -> QAction:
    """View › Design template (checkable), plus a Design button on the design bar."""
    action = QAction("&Design template", window)
    action.setObjectName("designTemplateAction")
    action.setCheckable(True)
    action.setShortcut(QKeySequence(DESIGN_SHORTCUT))
    action.setStatusTip("Move, hide and style the sections of the card's template on the card itself")
    action.toggled.connect(lambda on: set_designing(window, on))
    window.addAction(action)
    menu.addAction(action)
    window.design_template_action = action
    button = QToolButton(window.design_bar)
    button.setObjectName("designTemplateButton")
    action.setIconText("Design")
    button.setDefaultAction(action)
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    bar_layout = window.design_bar.layout()
    bar_layout.insertWidget(bar_layout.indexOf(window.design_bar.gallery_button) + 1, button)
    window.design_bar.designChanged.connect(lambda template, _theme: _follow(window, template))
    window.document.personaChanged.connect(lambda persona: _follow_card(window, persona))
    return action


def designer_of(window: QMainWindow):  # noqa: ANN201 - TemplateDesigner
    """The window's designer and its dock (made on first use)."""
    designer = getattr(window, "template_designer", None)
    if designer is not None:
        return designer
    from personadesigner.ui import template_library
    from personadesigner.ui.template_designer import TemplateDesigner
    from personadesigner.ui.template_designer_panel import TemplateDesignerPanel

    designer = TemplateDesigner(window.canvas, window.document.history, window.library, window)
    panel = TemplateDesignerPanel(designer)
    panel.done_button.clicked.connect(lambda _c=False: window.design_template_action.setChecked(False))
    scroller = QScrollArea()
    scroller.setWidget(panel)
    scroller.setWidgetResizable(True)
    dock = QDockWidget("Template designer", window)
    dock.setObjectName("templateDesignerDock")
    dock.setWidget(scroller)
    dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    dock.hide()
    designer.problem.connect(lambda text: window.statusBar().showMessage(text, 8000))
    # stored, listed and made the persona's template (one undo step) like a duplicated template
    designer.store = lambda name, data: template_library.save_and_use(window, name, data)
    designer.saved.connect(lambda name: _use_saved(window, name))
    window.template_designer, window.template_designer_panel, window.template_designer_dock = designer, panel, dock
    return designer


def set_designing(window: QMainWindow, on: bool) -> None:
    """Start or stop designing the card's template (leaving with unsaved changes asks first)."""
    designer = designer_of(window)
    if getattr(window, "_design_toggling", False):
        return
    if on:
        designer.library = window.library
        if not designer.start(window.canvas.design()[0]):
            _set_checked(window, False)
            return
        window.template_designer_dock.show()
        window.canvas.setFocus(Qt.FocusReason.OtherFocusReason)
    elif designer.unsaved and not _may_leave(window, designer):
        _set_checked(window, True)  # still designing
    else:
        designer.stop()
        window.template_designer_dock.hide()


def _set_checked(window: QMainWindow, on: bool) -> None:
    """Show the mode without starting or stopping it again."""
    window._design_toggling = True
    try:
        window.design_template_action.setChecked(on)
    finally:
        window._design_toggling = False


def _may_leave(window: QMainWindow, designer) -> bool:  # noqa: ANN001 - TemplateDesigner
    """Unsaved changes: save them, discard them, or keep designing (also when the box is closed)."""
    box = QMessageBox(window)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle("Template designer")
    what = f"“{designer.name}”" if designer.name else f"the copy of “{designer.base}”"
    box.setText(f"Save the changes to {what} in the library?")
    box.setInformativeText("Built-in templates are never changed: the first save asks a name for the copy.")
    save = box.addButton("Save…", QMessageBox.ButtonRole.AcceptRole)
    discard = box.addButton("Discard changes", QMessageBox.ButtonRole.DestructiveRole)
    box.addButton("Keep designing", QMessageBox.ButtonRole.RejectRole)
    box.exec()
    clicked = box.clickedButton()
    if clicked is save:
        return designer.save() is not None
    return clicked is discard


def _follow(window: QMainWindow, template: str) -> None:
    """Another template picked while designing: design that one (unsaved changes ask first)."""
    designer = getattr(window, "template_designer", None)
    if designer is None or not designer.active or template in (designer.base, designer.name):
        return
    if designer.unsaved and not _may_leave(window, designer):
        return  # the draft stays on the card; the persona's choice is an undo step like any other
    designer.start(template)


def _follow_card(window: QMainWindow, persona) -> None:  # noqa: ANN001 - Persona | None
    """The card's template changed without a pick (Ctrl+Z of a pick, another persona shown):
    design that one when no unsaved change would be lost (else the draft stays, as after
    "Keep designing"), so undoing a pick is seen on the card too."""
    designer = getattr(window, "template_designer", None)
    if persona is None or designer is None or not designer.active or designer.unsaved:
        return
    if persona.card.template not in (designer.base, designer.name):
        designer.start(persona.card.template)


def _use_saved(window: QMainWindow, name: str) -> None:
    window.statusBar().showMessage(f"Template \u201c{name}\u201d saved in the library.", 8000)
