"""The library's templates in the window: known to the layout when a library opens (or changes
elsewhere), listed after the built-ins, and duplicated, imported, exported or deleted from the
Templates menu and the gallery's buttons.

The gestures act on the shown template (the design bar's). A duplicated or imported
template becomes the shown persona's template through the design bar's designChanged,
so it is one undo step like picking any template. Built-in templates stay read-only:
a copy gets its own name, and Delete is off for them.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QMenu, QMessageBox, QWidget

from personadesigner.core import templates as TP
from personadesigner.errors import UserError

_FILTER = "Template files (*.json)"


def adopt_library_templates(window, library, *, force: bool = True) -> bool:  # noqa: ANN001 - MainWindow, Library
    """Make ``library``'s templates loadable by name and list them (``force``: even when unchanged);
    True when they changed since this window last read them. Unchanged templates keep their
    objects, so the layout caches keyed on them stay valid."""
    fresh, _problems = library.templates() if library is not None else ([], [])
    seen = {t.name: t.data for t in fresh}
    changed = seen != getattr(window, "library_templates_seen", None)
    if changed:
        known = {t.name: t for t in TP.templates_and_problems()[0] if t.origin == "library"}
        TP.use_templates([known[t.name] if _same(known.get(t.name), t) else t for t in fresh])
        window.library_templates_seen = seen
    if changed or force:
        window.design_bar.refresh_templates()
    return changed


def _same(old, new) -> bool:  # noqa: ANN001 - Template | None
    return old is not None and old.data == new.data


def refresh_from_library(window) -> None:  # noqa: ANN001 - MainWindow
    """The library changed (elsewhere, or by a gesture here): when its themes or templates did
    (one cheap query), they are read again and the card, the design bar and an open gallery show them."""
    from personadesigner.ui.brand_themes import adopt_library_themes

    library = window.library
    if library is None:
        return
    try:
        stamp = library.design_stamp()
    except UserError:  # the library went away for a moment: the next tick tries again
        return
    if stamp == getattr(window, "design_stamp_seen", None):
        return
    window.design_stamp_seen = stamp
    adopt_library_themes(window, library)
    adopt_library_templates(window, library, force=False)
    canvas = window.canvas
    canvas.set_persona(canvas.persona(), getattr(canvas, "_names", None))  # re-lays out with the new designs
    gallery = window.design_bar.gallery
    if gallery is not None and gallery.isVisible():
        gallery.refresh_designs()
    update_template_actions(window)


# ------------------------------------------------------------ gestures
def current_template(window) -> str:  # noqa: ANN001 - MainWindow
    return window.design_bar.design()[0] or TP.DEFAULT_TEMPLATE


def duplicate_template(window, name: str | None = None) -> str | None:  # noqa: ANN001 - MainWindow
    """Copy the shown template into the library under ``name`` (asked when None) and use it."""
    source = current_template(window)
    try:
        data = TP.template_data(TP.load_template(source))
    except UserError as exc:
        return _refused(window, exc)
    if name is None:
        label = f"Name of the copy of \u201c{source}\u201d:"
        name = ask_template_name(window, window.library, "Duplicate template", label, copy_name(source))
        if name is None:
            return None
    data["title"] = name.strip()
    return save_and_use(window, name, data)


def import_template(window, path: str | Path | None = None, name: str | None = None) -> str | None:  # noqa: ANN001
    """Store a template JSON file in the library (its name asked when taken) and use it."""
    from personadesigner.core.template_file import template_from_file

    if path is None:
        path, _ = QFileDialog.getOpenFileName(window, "Import template", "", _FILTER)
        if not path:
            return None
    path = Path(path)
    try:
        data = TP.template_data(template_from_file(path))  # refused naming the file and the key, nothing stored
    except UserError as exc:
        return _refused(window, exc)
    if name is None:
        name = path.stem
        if TP.is_template(name):
            label = f"\u201c{name}\u201d is taken. Name in the library:"
            name = ask_template_name(window, window.library, "Import template", label, copy_name(name))
            if name is None:
                return None
    return save_and_use(window, name, data)


def export_template(window, path: str | Path | None = None) -> Path | None:  # noqa: ANN001 - MainWindow
    """Write the shown template as a JSON file (built-in or the library's)."""
    from personadesigner.core.template_file import write_template_file

    name = current_template(window)
    if path is None:
        path, _ = QFileDialog.getSaveFileName(window, "Export template", f"{name}.json", _FILTER)
        if not path:
            return None
    path = Path(path)
    if path.suffix.lower() != ".json":
        path = path.with_name(path.name + ".json")
    try:
        write_template_file(path, TP.template_data(TP.load_template(name)))
    except UserError as exc:
        _refused(window, exc)
        return None
    window.statusBar().showMessage(f"Template \u201c{name}\u201d exported to {path}.", 8000)
    return path


def delete_template(window, *, confirm: bool = True) -> bool:  # noqa: ANN001 - MainWindow
    """Remove the shown library template; cards naming it print on the default template."""
    name = current_template(window)
    if TP.is_builtin_template(name):
        _refused(window, f"\u201c{name}\u201d is a built-in template, which stays read-only.")
        return False
    if confirm:
        answer = QMessageBox.question(
            window,
            "Delete template",
            f"Delete the template \u201c{name}\u201d from the library? Cards that use it print on the "
            f"\u201c{TP.DEFAULT_TEMPLATE}\u201d template until another is chosen.",
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
    try:
        window.library.delete_template(name)
    except UserError as exc:
        _refused(window, exc)
        return False
    refresh_from_library(window)
    window.statusBar().showMessage(f"Template \u201c{name}\u201d deleted from the library.", 8000)
    return True


def save_and_use(window, name: str, data: dict) -> str | None:  # noqa: ANN001 - MainWindow
    """Store template JSON ``data`` in the library as ``name`` and make it the shown persona's template
    (one undo step); the window, gallery and card show it. A refusal is a dialog (None). The template
    designer saves through this too."""
    try:
        template = window.library.save_template(name, data)
    except UserError as exc:
        return _refused(window, exc)
    refresh_from_library(window)
    bar = window.design_bar
    theme = bar.design()[1]
    bar.set_design(template.name, theme)
    bar.designChanged.emit(template.name, theme)  # the persona uses it: one undo step
    gallery = bar.gallery
    if gallery is not None and gallery.isVisible():
        gallery.show_current(template.name, theme)
    update_template_actions(window)
    return template.name


def copy_name(name: str) -> str:
    """The first free name of ``name``'s copy: "name copy", then "name copy 2", ..."""
    base, n = f"{name} copy", 2
    candidate = base
    while TP.is_template(candidate):
        candidate, n = f"{base} {n}", n + 1
    return candidate


def ask_template_name(window: QWidget, library, title: str, label: str, default: str) -> str | None:  # noqa: ANN001
    """The name a new library template is saved under (None: cancelled). A name the library
    already holds is only taken when the user agrees to replace that template (default No):
    saving replaces a library template of the same name without a word."""
    text, ok = QInputDialog.getText(window, title, label, QLineEdit.EchoMode.Normal, default)
    name = text.strip()
    if not ok or not name:
        return None
    if library is not None and library.template_data(name) is not None:
        answer = QMessageBox.question(
            window,
            title,
            f"The library already has a template \u201c{name}\u201d. Replace it?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return None
    return name


def _refused(window, error) -> None:  # noqa: ANN001 - MainWindow, UserError | str
    from personadesigner.ui.errors import show_user_error

    show_user_error(window, error, title="Template")
    return None


# ------------------------------------------------------------ actions and menu
def make_template_actions(window) -> None:  # noqa: ANN001 - MainWindow
    """The Templates menu's actions, as attributes of the window (the gallery shows them as buttons)."""
    from personadesigner.ui.window_actions import make_action

    w = window
    w.duplicate_template_action = make_action(
        w, "&Duplicate template…", lambda: duplicate_template(w), tip="Copy the shown template into the library"
    )
    w.import_template_action = make_action(
        w, "&Import template…", lambda: import_template(w), tip="Add a template JSON file to the library"
    )
    w.export_template_action = make_action(
        w, "&Export template…", lambda: export_template(w), tip="Save the shown template as a JSON file"
    )
    w.delete_template_action = make_action(
        w, "De&lete template", lambda: delete_template(w), tip="Remove the shown template from the library"
    )
    for action, short in zip(template_actions(w), ("Duplicate…", "Import…", "Export…", "Delete")):
        action.setIconText(short)  # the gallery's buttons, under the templates
    w.design_bar.designChanged.connect(lambda *_design: update_template_actions(w))


def template_actions(window) -> list[QAction]:  # noqa: ANN001 - MainWindow
    return [
        window.duplicate_template_action,
        window.import_template_action,
        window.export_template_action,
        window.delete_template_action,
    ]


def gallery_actions(window) -> list[QAction]:  # noqa: ANN001 - MainWindow (or any widget)
    """The actions the template gallery shows as buttons (none outside a main window), brought up to date."""
    if not hasattr(window, "duplicate_template_action"):
        return []
    update_template_actions(window)
    return template_actions(window)


def add_menu(window, before: QAction | None = None) -> QMenu:  # noqa: ANN001 - MainWindow
    """Templates › Template gallery…, Duplicate, Import…, Export…, Delete (before ``before``'s menu)."""
    menu = QMenu("&Templates", window)
    menu.setObjectName("templatesMenu")
    gallery = QAction("Template &gallery…", menu)
    gallery.triggered.connect(lambda _c=False: window.design_bar.open_gallery())
    menu.addAction(gallery)
    menu.addSeparator()
    for action in template_actions(window):
        menu.addAction(action)
    menu.aboutToShow.connect(lambda: update_template_actions(window))
    bar = window.menuBar()
    if before is not None:
        bar.insertMenu(before, menu)
    else:
        bar.addMenu(menu)
    window.templates_menu = menu
    return menu


def update_template_actions(window) -> None:  # noqa: ANN001 - MainWindow
    """Writing needs a writable library; Delete only a library template (built-ins are greyed)."""
    if not hasattr(window, "duplicate_template_action"):
        return
    library = window.library
    writable = library is not None and not getattr(library, "read_only", None)
    for action in (window.duplicate_template_action, window.import_template_action):
        action.setEnabled(writable)
    window.delete_template_action.setEnabled(writable and not TP.is_builtin_template(current_template(window)))
