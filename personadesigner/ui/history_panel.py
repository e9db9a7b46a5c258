"""Persona › History… (Ctrl+H): the shown persona's revisions as a field-by-field diff, and restoring them.

The list on the left holds the revisions (newest first: date, author, what
changed); the table on the right the selected revision's fields, old → new.
"Restore old value" puts the selected field back to its value before that
change; "Restore this version" makes the persona what it was right after that
revision. Both are ONE undoable step pushed through the Document (which saves
it, and the save becomes a revision of its own), so Ctrl+Z takes a restore back.

The revisions come from the library (storage.api: Revision, values_after);
this module only shows them and turns stored JSON values into model values.
The author name the history records is a preference set here too.
"""

from __future__ import annotations

import copy
import datetime as _dt
import json
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from personadesigner.core.persona import Persona, field_label, persona_from_dict
from personadesigner.ui.undo_commands import PersonaCommand, SetFieldCommand

RevisionRole = Qt.ItemDataRole.UserRole + 1


# ----------------------------------------------------------------- values
def model_value(field: str, stored: Any, library=None) -> Any:  # noqa: ANN001 - storage Library
    """A revision's JSON value as the Persona attribute holds it (records as objects, the photo as bytes)."""
    if field == "photo":
        return library.photo(stored) if (stored and library is not None) else None
    data: dict[str, Any] = {"name": stored if field == "name" else "x"}
    if field != "name":
        data[field] = stored
    return getattr(persona_from_dict(data)[0], field)


def stored_values(persona: Persona, library=None) -> dict[str, Any]:  # noqa: ANN001
    """The persona's fields in the form revisions hold them (storage.history.field_values)."""
    from personadesigner.storage.api import revision_values

    return revision_values(persona, library)


def local_time(stamp: str) -> str:
    """A stored UTC stamp in the user's time zone, to the minute ("2026-11-28 10:09")."""
    try:
        moment = _dt.datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    except ValueError:
        return stamp
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def describe(value: Any) -> str:
    """One cell of the diff: text as is, lists one item per line, records as short JSON."""
    if value in (None, "", []):
        return "—"
    if isinstance(value, str):
        return value
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return "\n".join(value)
    if isinstance(value, list):
        return "\n".join(", ".join(str(v) for v in item.values() if v) for item in value)
    if isinstance(value, dict):
        return ", ".join(f"{k}: {v}" for k, v in value.items())
    return json.dumps(value, ensure_ascii=False)


class ReplaceFieldsCommand(PersonaCommand):
    """Set several fields at once (a whole earlier version); one undo step."""

    def __init__(self, document, values: dict[str, Any], text: str) -> None:  # noqa: ANN001
        super().__init__(document, text)
        persona = document.persona
        self.new = {name: copy.deepcopy(value) for name, value in values.items()}
        self.old = {name: copy.deepcopy(getattr(persona, name)) for name in values}

    def forward(self, persona: Persona) -> None:
        for name, value in self.new.items():
            setattr(persona, name, copy.deepcopy(value))

    def backward(self, persona: Persona) -> None:
        for name, value in self.old.items():
            setattr(persona, name, copy.deepcopy(value))


# ----------------------------------------------------------------- the dialog
class HistoryPanel(QDialog):
    """The revisions of the document's current persona, with restore buttons."""

    def __init__(self, document, settings=None, parent: QWidget | None = None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.document = document
        self.settings = settings
        self.revisions: list = []
        self.setWindowTitle("History")
        self.resize(820, 480)
        self.heading = QLabel()
        self.list = QListWidget()
        self.list.currentRowChanged.connect(lambda _row: self._show_revision())
        self.diff = QTableWidget(0, 3)
        self.diff.setHorizontalHeaderLabels(["Field", "Old", "New"])
        self.diff.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.diff.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.diff.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.diff.verticalHeader().setVisible(False)
        self.diff.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.diff.itemSelectionChanged.connect(self._update_buttons)
        splitter = QSplitter()
        splitter.addWidget(self.list)
        splitter.addWidget(self.diff)
        splitter.setSizes([300, 520])
        self.restore_field_button = QPushButton("Restore &old value")
        self.restore_field_button.setToolTip(
            "Put the selected field back to its value before this change (Ctrl+Z undoes it)"
        )
        self.restore_field_button.clicked.connect(self.restore_field)
        self.restore_version_button = QPushButton("Restore this &version")
        self.restore_version_button.setToolTip(
            "Make the persona what it was right after this revision (Ctrl+Z undoes it)"
        )
        self.restore_version_button.clicked.connect(self.restore_version)
        close = QPushButton("Close")
        close.clicked.connect(self.accept)
        self.author_edit = QLineEdit()
        self.author_edit.setPlaceholderText(self._library().author if self._library() is not None else "")
        self.author_edit.setText(author_preference(settings))
        self.author_edit.editingFinished.connect(self._author_changed)
        buttons = QHBoxLayout()
        buttons.addWidget(QLabel("Your name in the history:"))
        buttons.addWidget(self.author_edit)
        buttons.addStretch(1)
        for b in (self.restore_field_button, self.restore_version_button, close):
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)
        # Closing hides the panel (it is kept for the next Ctrl+H): a hidden one reads nothing
        # on each keystroke's save; open_panel refreshes it before showing it again.
        document.personaSaved.connect(lambda _p: self.isVisible() and self.refresh())
        document.currentChanged.connect(lambda _p: self.isVisible() and self.refresh())
        self.refresh()

    def _library(self):  # noqa: ANN202
        return getattr(self.document, "library", None)

    # ------------------------------------------------------------ showing
    def refresh(self) -> None:
        """Read the current persona's revisions again, keeping the selected one when it is still there."""
        persona, library = self.document.persona, self._library()
        kept = self.selected_revision().id if self.selected_revision() is not None else None
        self.revisions = library.history(persona.id) if (persona is not None and library is not None) else []
        self.heading.setText(
            f"Revisions of \u201c{persona.name}\u201d, newest first" if persona else "No persona shown"
        )
        self.list.blockSignals(True)
        self.list.clear()
        row = 0
        for i, r in enumerate(self.revisions):
            what = ", ".join(field_label(f) for f in r.fields) if r.fields else r.action.capitalize()
            item = QListWidgetItem(f"{local_time(r.at)}  {r.author}\n{what}")
            item.setData(RevisionRole, r.id)
            self.list.addItem(item)
            if r.id == kept:
                row = i
        self.list.blockSignals(False)
        if self.revisions:
            self.list.setCurrentRow(row)
        self._show_revision()

    def selected_revision(self):  # noqa: ANN201 - storage Revision or None
        row = self.list.currentRow() if hasattr(self, "list") else -1
        return self.revisions[row] if 0 <= row < len(self.revisions) else None

    def _show_revision(self) -> None:
        revision = self.selected_revision()
        changes = list(revision.changes.items()) if revision is not None else []
        self.diff.setRowCount(len(changes))
        for row, (name, (old, new)) in enumerate(changes):
            cells = [field_label(name), describe(old), describe(new)]
            if name == "photo":
                cells[1:] = ["(a photo)" if old else "—", "(a photo)" if new else "—"]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, name)
                self.diff.setItem(row, col, item)
        self.diff.resizeRowsToContents()
        if changes:
            self.diff.selectRow(0)
        self._update_buttons()

    def selected_field(self) -> str | None:
        rows = self.diff.selectionModel().selectedRows() if self.diff.selectionModel() else []
        if not rows:
            return None
        return self.diff.item(rows[0].row(), 0).data(Qt.ItemDataRole.UserRole)

    def _update_buttons(self) -> None:
        revision = self.selected_revision()
        writable = self._library() is not None and not getattr(self._library(), "read_only", None)
        self.restore_field_button.setEnabled(writable and self.selected_field() is not None)
        self.restore_version_button.setEnabled(writable and revision is not None and revision.action != "trashed")

    # ------------------------------------------------------------ restoring
    def restore_field(self) -> None:
        """The selected field back to its old value in the selected revision: one undoable step."""
        revision, name = self.selected_revision(), self.selected_field()
        persona = self.document.persona
        if revision is None or name is None or persona is None:
            return
        value = model_value(name, revision.changes[name][0], self._library())
        if name == "photo" and value is None and revision.changes[name][0]:
            return  # that photo is no longer stored (nothing uses it any more): nothing to bring back
        if name == "photo":
            self.document.push(ReplaceFieldsCommand(self.document, {"photo": value}, "Restore photo"))
        else:
            restore = f"Restore {field_label(name).lower()}"
            self.document.push_step(SetFieldCommand, name, getattr(persona, name), value, text=restore)

    def restore_version(self) -> None:
        """The persona as it was right after the selected revision: one undoable step."""
        from personadesigner.storage.api import values_after

        revision, persona = self.selected_revision(), self.document.persona
        if revision is None or persona is None:
            return
        library = self._library()
        current = stored_values(persona, library)
        target = values_after(current, self.revisions, revision.id)
        values = {
            name: model_value(name, value, library) for name, value in target.items() if value != current.get(name)
        }
        if values.get("photo", b"") is None and target.get("photo"):
            del values["photo"]  # that photo is no longer stored: keep the one on screen
        if values:
            self.document.push(ReplaceFieldsCommand(self.document, values, f"Restore version of {revision.at[:10]}"))

    def _author_changed(self) -> None:
        set_author_preference(self.settings, self.author_edit.text().strip())
        apply_author(self._library(), self.settings)


# ----------------------------------------------------------------- the author preference
def author_preference(settings) -> str:  # noqa: ANN001 - ui.settings.Settings or None
    from personadesigner.ui.settings import HISTORY_AUTHOR

    return settings.get(HISTORY_AUTHOR) if settings is not None else ""


def set_author_preference(settings, name: str) -> None:  # noqa: ANN001
    from personadesigner.ui.settings import HISTORY_AUTHOR

    if settings is not None:
        settings.set(HISTORY_AUTHOR, name)


def apply_author(library, settings) -> None:  # noqa: ANN001
    """Revisions written through ``library`` name the preference, or the OS user when it is empty."""
    if library is None:
        return
    from personadesigner.storage.api import default_author

    library.author = author_preference(settings) or default_author()


# ----------------------------------------------------------------- the window's action
def open_panel(window) -> HistoryPanel | None:  # noqa: ANN001 - the MainWindow
    if window.document.persona is None:
        return None
    panel = getattr(window, "history_panel", None)
    if panel is None:
        panel = window.history_panel = HistoryPanel(window.document, getattr(window, "settings", None), window)
    panel.refresh()
    panel.show()
    panel.raise_()
    return panel


def add_to_menu(window, menu) -> None:  # noqa: ANN001 - the MainWindow and its Persona menu
    """Persona › History… (Ctrl+H); the library's author follows the preference whenever a persona is shown."""
    from personadesigner.ui.window_actions import make_action

    window.history_action = make_action(
        window,
        "&History…",
        lambda: open_panel(window),
        "Ctrl+H",
        tip="The persona's saved changes; restore a field or a version",
    )
    from personadesigner.ui.icons import set_icon

    set_icon(window.history_action, "recent")  # a clock: the persona's changes over time
    menu.addSeparator()
    menu.addAction(window.history_action)

    def follow(persona) -> None:  # noqa: ANN001
        window.history_action.setEnabled(persona is not None)
        apply_author(window.document.library, getattr(window, "settings", None))

    window.document.currentChanged.connect(follow)
    follow(window.document.persona)


__all__ = ["HistoryPanel", "ReplaceFieldsCommand", "add_to_menu", "apply_author", "model_value", "open_panel"]
