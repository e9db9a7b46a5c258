"""The form: an editor for every field of the persona, in collapsible sections.

The form never changes the model itself: each user gesture becomes an undo
command pushed on the document; the document's ``personaChanged`` is then
mirrored back into the widgets with their signals blocked (and a widget that
already shows the value is left alone, so the caret never jumps while typing).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QKeyCombination, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QDragEnterEvent, QDropEvent, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QLabel,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from personadesigner.core.persona import (
    FIELD_LABELS,
    LIST_FIELDS,
    Persona,
)
from personadesigner.errors import UserError
from personadesigner.ui.editors.list_editor import ListEditor
from personadesigner.ui.editors.photo_editor import dropped_image_path
from personadesigner.ui.editors.record_rows import RecordRowsEditor
from personadesigner.ui.editors.section import CollapsibleSection
from personadesigner.ui.errors import show_user_error
from personadesigner.ui.form_mirror import show_value
from personadesigner.ui.form_sections import RECORD_EDITORS, SECTIONS, make_editor
from personadesigner.ui.undo_commands import ListEditCommand, SetFieldCommand, SetPhotoCommand


class PersonaForm(QScrollArea):
    """Edits the document's current persona; ``focus_field`` jumps to a field."""

    #: The field (and list item) that has the keyboard focus; (None, None) when focus left the form.
    fieldFocused = Signal(object, object)

    def __init__(self, document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.editors: dict[str, QWidget] = {}
        self._candidates_generation = 0
        self.sections: dict[str, CollapsibleSection] = {}
        self._section_of: dict[str, CollapsibleSection] = {}
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setAcceptDrops(True)
        self.setAccessibleName("Persona form")
        inner = QWidget(self)
        layout = QVBoxLayout(inner)
        em = self.fontMetrics().horizontalAdvance("M")
        layout.setContentsMargins(em // 2, em // 2, em, em)
        labels: list[QLabel] = []
        for title, fields in SECTIONS:
            section = CollapsibleSection(title, inner)
            self.sections[title] = section
            for name in fields:
                editor = make_editor(self, name, section.body)
                self.editors[name] = editor
                self._section_of[name] = section
                if len(fields) == 1:
                    # The section's title already names its one field.
                    section.form.addRow(editor)
                    continue
                label = QLabel(FIELD_LABELS[name], section.body)
                label.setBuddy(editor)  # composite editors pass the focus on to their first control
                if name in RECORD_EDITORS:
                    # Tables of rows need the full width: their label goes above them.
                    section.form.addRow(label)
                    section.form.addRow(editor)
                else:
                    labels.append(label)
                    section.form.addRow(label, editor)
                if name == "name":
                    # Says why the name is not saved yet (empty); the status bar is easy to miss.
                    self.name_problem = QLabel(section.body)
                    self.name_problem.setTextFormat(Qt.TextFormat.PlainText)
                    self.name_problem.setWordWrap(True)
                    self.name_problem.setAccessibleName("Name problem")
                    palette = self.name_problem.palette()
                    palette.setColor(QPalette.ColorRole.WindowText, QColor("#b3261e"))
                    self.name_problem.setPalette(palette)
                    self.name_problem.hide()
                    section.form.addRow("", self.name_problem)
            layout.addWidget(section)
        self.editors["related"].before_use = self._candidates_before_use
        # One label column for all sections, so every field starts at the same edge.
        label_width = max(lab.sizeHint().width() for lab in labels)
        for lab in labels:
            lab.setMinimumWidth(label_width)
            lab.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        layout.addStretch(1)
        self.setWidget(inner)
        # Never narrower than the widest row: nothing is clipped, no sideways scrolling.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._update_min_width()
        self.document.personaChanged.connect(self.mirror)
        self.document.invalid.connect(self._show_problem)
        self.document.personaSaved.connect(lambda _p: self.name_problem.hide())
        self.document.currentChanged.connect(lambda _p: self.name_problem.hide())
        self.mirror(self.document.persona)
        self._focused: tuple[str | None, int | None] = (None, None)
        QApplication.instance().focusChanged.connect(self._focus_moved)

    # ------------------------------------------------------------ focus -> card selection
    def field_at(self, widget: QWidget | None) -> tuple[str | None, int | None]:
        """The field (and item) a focused widget edits; (None, None) outside the editors."""
        editor_of = {id(w): name for name, w in self.editors.items()}
        w = widget
        while w is not None and w is not self:
            name = editor_of.get(id(w))
            if name is not None:
                return name, self._item_in(w, widget)
            w = w.parentWidget()
        return None, None

    @staticmethod
    def _item_in(editor: QWidget, focus: QWidget) -> int | None:
        if isinstance(editor, ListEditor):
            return editor.row_of(focus)
        if isinstance(editor, RecordRowsEditor):
            for index, widgets in enumerate(editor._rows):
                if any(w is focus or w.isAncestorOf(focus) for w in widgets):
                    return index
        return None

    def _focus_moved(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is not None and self.isAncestorOf(new):
            focused = self.field_at(new)
        elif new is not None and self.window() is not new.window():
            return  # a dialog or another window: the card keeps its frame
        else:
            focused = (None, None)
        if focused != self._focused:
            self._focused = focused
            self.fieldFocused.emit(*focused)

    # ------------------------------------------------------------ building

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut and isinstance(obj, QPlainTextEdit):
            self.document.end_burst()
        elif event.type() == QEvent.Type.ShortcutOverride and (
            event.matches(QKeySequence.StandardKey.Undo)
            or event.matches(QKeySequence.StandardKey.Redo)
            or event.keyCombination()
            == QKeyCombination(Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier, Qt.Key.Key_Z)
        ):
            # The document's undo, not the widget's own: one history, always in the library.
            event.ignore()
            return True
        return super().eventFilter(obj, event)

    # ------------------------------------------------------------ model -> widgets
    def mirror(self, persona: Persona | None) -> None:
        """Show the persona; widgets that already show a value are not touched."""
        self.widget().setEnabled(persona is not None)
        p = persona if persona is not None else Persona(name="")
        shown = getattr(self, "_candidates_key", (None, None))[1]
        if persona is not None and persona.id != shown:  # a different persona: its own list
            self._refresh_related_candidates(persona)
        if (persona.id if persona is not None else None) != getattr(self, "_shown_id", None):
            self._shown_id = persona.id if persona is not None else None
            for w in self.editors.values():
                if isinstance(w, ListEditor):
                    w.discard_typing()
        for name, w in self.editors.items():
            value = getattr(p, name)
            w.blockSignals(True)
            try:
                show_value(w, value)
            finally:
                w.blockSignals(False)
        shape = tuple(len(getattr(p, f)) for f in (*LIST_FIELDS, *RECORD_EDITORS))
        if shape != getattr(self, "_shape", None):
            self._shape = shape
            self.fix_tab_order()
            QTimer.singleShot(0, self._update_min_width)  # once the new rows are polished

    def set_candidates_source(self, source) -> None:
        """Where related-persona choices come from: a callable returning (id, name) pairs.

        The window passes the sidebar's already loaded summaries, so opening a
        persona never lists the whole library again.
        """
        self._candidates_source = source
        self.refresh_candidates()

    def _candidates(self) -> list[tuple[str, str]]:
        source = getattr(self, "_candidates_source", None)
        if source is not None:
            return source()
        library = self.document.library
        return [(s.id, s.name) for s in library.list(sort="name")] if library is not None else []

    def _refresh_related_candidates(self, persona: Persona) -> None:
        key = (self._candidates_generation, persona.id)
        if getattr(self, "_candidates_key", None) == key:
            return
        self._candidates_key = key
        candidates = [(pid, name) for pid, name in self._candidates() if pid != persona.id]
        self.editors["related"].set_candidates(candidates)

    def _show_problem(self, _message: str, field: str) -> None:
        if field == "name":
            self.name_problem.setText("A name is required; the changes are saved as soon as it has one.")
            self.name_problem.show()

    def refresh_candidates(self) -> None:
        """The library's persona list changed (add, rename, delete): rebuild the pickers now."""
        self.mark_candidates_stale()
        if self.document.persona is not None:
            self._refresh_related_candidates(self.document.persona)

    def mark_candidates_stale(self) -> None:
        """A name changed: the pickers are rebuilt when another persona is shown or a
        picker is opened, not on every keystroke in the Name field."""
        self._candidates_generation += 1

    def _candidates_before_use(self) -> None:
        if self.document.persona is not None:
            self._refresh_related_candidates(self.document.persona)

    # ------------------------------------------------------------ widgets -> commands
    def _set(self, field: str, value, *, end: bool = False) -> None:
        doc = self.document
        p = doc.persona
        if p is None:
            return
        old = getattr(p, field)
        if old == value:
            return
        if end:
            doc.push_step(SetFieldCommand, field, old, value)
        else:
            doc.push(SetFieldCommand(doc, field, old, value))

    def _list_command(self, command_type, field: str, *args) -> None:
        doc = self.document
        if doc.persona is None:
            return
        if command_type is ListEditCommand:
            doc.push(command_type(doc, field, *args))
        else:
            doc.push_step(command_type, field, *args)

    # ------------------------------------------------------------ photo
    def set_photo_from_file(self, path: str) -> bool:
        """Read, check and set a photo file; a refused image leaves everything as it was."""
        if self.document.persona is None:
            return False
        from personadesigner.interchange.photo_refs import MAX_PHOTO_FILE_BYTES
        from personadesigner.regular_file import read_regular

        try:
            data = read_regular(path, MAX_PHOTO_FILE_BYTES, what="image file")  # never a pipe or device
        except UserError as err:
            show_user_error(self, err, "Choose another image file.")
            return False
        except OSError as err:
            show_user_error(
                self, f"The file {Path(path).name} could not be read ({err.strerror}).", "Choose another image file."
            )
            return False
        return self._set_photo_bytes(data, Path(path).name)

    def _set_photo_bytes(self, data: bytes, name: str = "The image") -> bool:
        from personadesigner.images import normalize_photo

        try:
            photo = normalize_photo(data)
        except UserError as err:
            show_user_error(
                self, err, "Choose a PNG, JPEG or WebP photo of a normal size; the persona was not changed."
            )
            return False
        doc = self.document
        doc.push_step(SetPhotoCommand, photo)
        return True

    def _remove_photo(self) -> None:
        doc = self.document
        if doc.persona is not None and doc.persona.photo is not None:
            doc.push_step(SetPhotoCommand, None)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.document.persona is not None and dropped_image_path(event):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        path = dropped_image_path(event)
        if path:
            event.acceptProposedAction()
            self.set_photo_from_file(path)

    def _update_min_width(self) -> None:
        inner = self.widget()
        inner.layout().activate()
        width = inner.minimumSizeHint().width() + self.verticalScrollBar().sizeHint().width() + 2 * self.frameWidth()
        self.setMinimumWidth(width)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        QTimer.singleShot(0, self._update_min_width)

    # ------------------------------------------------------------ navigation
    def focus_field(self, field: str, item: int | None = None) -> None:
        """Open the field's section, scroll to it and put the cursor in it (and its item)."""
        w = self.editors.get(field)
        if w is None:
            return
        section = self._section_of[field]
        section.set_expanded(True)
        self.widget().layout().activate()
        self.ensureWidgetVisible(w, 0, self.fontMetrics().height() * 2)
        if hasattr(w, "focus_item"):
            w.focus_item(item)
        else:
            w.setFocus(Qt.FocusReason.OtherFocusReason)

    def focus_name(self) -> None:
        """Ctrl+N: the cursor in the name, its text selected so typing replaces it."""
        w = self.editors["name"]
        self.focus_field("name")
        w.selectAll()

    def fix_tab_order(self) -> None:
        """Tab follows the form top to bottom, through rows that were added later."""
        chain: list[QWidget] = []
        for _title, fields in SECTIONS:
            chain.append(self.sections[_title].header)
            for name in fields:
                w = self.editors[name]
                chain.extend(w.focus_chain() if hasattr(w, "focus_chain") else [w])
        for a, b in zip(chain, chain[1:]):
            QWidget.setTabOrder(a, b)
