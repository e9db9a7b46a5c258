"""Related personas: another persona of the library and how they relate.

All persona pickers share one item model, so a library of thousands of
personas is listed once, not once per row.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QComboBox, QWidget

from personadesigner.core.persona import RELATION_LABELS, RELATIONS, Relation

from .record_rows import RecordRowsEditor

_ID = Qt.ItemDataRole.UserRole


class _PersonaPicker(QComboBox):
    """A persona combo that brings the shared list up to date just before it opens."""

    def __init__(self, editor: RelatedEditor) -> None:
        super().__init__(editor)
        self._editor = editor

    def showPopup(self) -> None:  # noqa: N802 - Qt override
        self._editor.bring_candidates_up_to_date()
        super().showPopup()


class RelatedEditor(RecordRowsEditor):
    headers = ("Relation", "Persona")
    add_text = "Add related persona"
    stretch_columns = (1,)

    def __init__(self, label: str, parent: QWidget | None = None) -> None:
        self.personas = QStandardItemModel()
        #: Called before the list is used (a picker opens, a row is added): the form
        #: rebuilds a stale list then, not on every change of the library's names.
        self.before_use: Callable[[], None] | None = None
        super().__init__(label, parent)
        self.personas.setParent(self)

    def bring_candidates_up_to_date(self) -> None:
        if self.before_use is not None:
            self.before_use()

    def set_candidates(self, candidates: list[tuple[str, str]]) -> None:
        """The personas one can link to: (id, name), the current one left out."""
        records = self.value()
        combos = [widgets[1] for widgets in self._rows]
        for combo in combos:
            combo.blockSignals(True)
        self.personas.clear()
        for pid, name in candidates:
            item = QStandardItem(name)
            item.setData(pid, _ID)
            self.personas.appendRow(item)
        self._mirroring = True
        for widgets, record in zip(self._rows, records):
            self.write_row(widgets, record)
        self._mirroring = False
        for combo in combos:
            combo.blockSignals(False)

    def new_record(self) -> Relation:
        self.bring_candidates_up_to_date()
        first = self.personas.item(0)
        return Relation(persona=first.data(_ID) if first is not None else "?", relation="influences")

    def make_row(self, index: int) -> list[QWidget]:
        relation = QComboBox(self)
        for r in RELATIONS:
            relation.addItem(RELATION_LABELS[r], r)
        relation.setAccessibleName(f"Relation {index + 1}")
        persona = _PersonaPicker(self)
        persona.setModel(self.personas)
        persona.setAccessibleName(f"Related persona {index + 1}")
        return [relation, persona]

    def read_row(self, widgets: list[QWidget]) -> Relation:
        relation, persona = widgets[:2]
        return Relation(persona=persona.currentData() or persona.currentText(), relation=relation.currentData())

    def write_row(self, widgets: list[QWidget], record: Relation) -> None:
        relation, persona = widgets[:2]
        relation.blockSignals(True)
        persona.blockSignals(True)
        relation.setCurrentIndex(max(relation.findData(record.relation), 0))
        i = persona.findData(record.persona)
        if i < 0:  # an unresolved name or a persona in the trash: keep it visible
            item = QStandardItem(record.persona)
            item.setData(record.persona, _ID)
            self.personas.appendRow(item)
            i = self.personas.rowCount() - 1
        persona.setCurrentIndex(i)
        relation.blockSignals(False)
        persona.blockSignals(False)
