"""What the form shows: its sections and fields in reading order, and one editor per field.

Each editor turns the user's gestures into the form's undo commands (through
``PersonaForm._set`` and ``_list_command``); which widget a field gets follows
its kind (a list, records, a long or wrapping text, a choice, a date, the photo).
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QWidget

from personadesigner.core.fields import form_sections
from personadesigner.core.persona import (
    CONFIDENCE_LEVELS,
    FIELD_LABELS,
    LIST_FIELDS,
    LONG_TEXT_FIELDS,
    NAME_MAX,
    PERSONA_TYPES,
    TYPE_LABELS,
)
from personadesigner.ui.editors.custom_editor import CustomEditor
from personadesigner.ui.editors.date_editor import OptionalDateEditor
from personadesigner.ui.editors.growing_text import GrowingTextEdit
from personadesigner.ui.editors.list_editor import ListEditor
from personadesigner.ui.editors.photo_editor import PhotoEditor
from personadesigner.ui.editors.record_rows import RecordRowsEditor
from personadesigner.ui.editors.related_editor import RelatedEditor
from personadesigner.ui.editors.sources_editor import SourcesEditor
from personadesigner.ui.editors.trait_editor import TraitEditor
from personadesigner.ui.undo_commands import (
    ListEditCommand,
    ListInsertCommand,
    ListMoveCommand,
    ListRemoveCommand,
)

#: The form's sections and their fields, in reading order: what the card shows
#: first (name, type, role, quote, goals, pain points) comes first.
#: The form's sections and their fields, in reading order: each field's ``form_section``
#: in the field registry (core/fields.py) places it.
SECTIONS: tuple[tuple[str, tuple[str, ...]], ...] = form_sections()
#: Short texts that wrap in a field growing with them (never scrolling sideways).
WRAPPING_FIELDS = ("role", "quote")
CONFIDENCE_LABELS = {"": "Not rated", "low": "Low", "medium": "Medium", "high": "High"}
RECORD_EDITORS: dict[str, type[RecordRowsEditor]] = {
    "traits": TraitEditor,
    "sources": SourcesEditor,
    "related": RelatedEditor,
    "custom": CustomEditor,
}


def make_editor(form, name: str, parent: QWidget) -> QWidget:
    """The editor of field ``name``, wired to ``form`` (a PersonaForm)."""
    label = FIELD_LABELS[name]
    if name == "type":
        w = QComboBox(parent)
        for t in PERSONA_TYPES:
            w.addItem(TYPE_LABELS[t], t)
        w.activated.connect(lambda _i, combo=w: form._set("type", combo.currentData(), end=True))
    elif name == "confidence":
        w = QComboBox(parent)
        for level in ("", *CONFIDENCE_LEVELS):
            w.addItem(CONFIDENCE_LABELS[level], level)
        w.activated.connect(lambda _i, combo=w: form._set("confidence", combo.currentData(), end=True))
    elif name == "last_validated":
        w = OptionalDateEditor(label, "Not validated", parent)
        w.edited.connect(lambda text: form._set("last_validated", text))
        w.finished.connect(form.document.end_burst)
    elif name == "photo":
        w = PhotoEditor(label, parent)
        w.fileChosen.connect(form.set_photo_from_file)
        w.cropped.connect(form._set_photo_bytes)
        w.removed.connect(form._remove_photo)
    elif name in LIST_FIELDS:
        w = ListEditor(label, parent)
        w.itemInserted.connect(lambda i, text, f=name: form._list_command(ListInsertCommand, f, i, text))
        w.itemRemoved.connect(lambda i, f=name: form._list_command(ListRemoveCommand, f, i))
        w.itemMoved.connect(lambda a, b, f=name: form._list_command(ListMoveCommand, f, a, b))
        w.itemEdited.connect(lambda i, text, f=name: form._list_command(ListEditCommand, f, i, text))
        w.finished.connect(form.document.end_burst)
    elif name in RECORD_EDITORS:
        w = RECORD_EDITORS[name](label, parent)
        w.edited.connect(lambda records, f=name: form._set(f, records))
        w.finished.connect(form.document.end_burst)
    elif name in LONG_TEXT_FIELDS:
        w = QPlainTextEdit(parent)
        w.setTabChangesFocus(True)
        w.setMinimumHeight(w.fontMetrics().lineSpacing() * 4 + 12)
        w.setUndoRedoEnabled(False)
        w.textChanged.connect(lambda f=name, edit=w: form._set(f, edit.toPlainText()))
        w.installEventFilter(form)
    elif name in WRAPPING_FIELDS:
        w = GrowingTextEdit(parent)
        w.edited.connect(lambda text, f=name: form._set(f, text))
        w.returnPressed.connect(form.document.end_burst)
        w.finished.connect(form.document.end_burst)
    else:
        w = QLineEdit(parent)
        if name == "name":
            w.setMaxLength(NAME_MAX)
        w.textEdited.connect(lambda text, f=name: form._set(f, text))
        w.editingFinished.connect(form.document.end_burst)
        w.installEventFilter(form)
    w.setAccessibleName(label)
    w.setObjectName(f"field_{name}")
    return w
