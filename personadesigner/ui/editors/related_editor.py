"""Related personas: another persona of the library and how they relate."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QWidget

from personadesigner.core.persona import RELATION_LABELS, RELATIONS, Relation

from .record_rows import RecordRowsEditor


class RelatedEditor(RecordRowsEditor):
    headers = ("Relation", "Persona")
    add_text = "Add related persona"
    stretch_columns = (1,)

    def __init__(self, label: str, parent: QWidget | None = None) -> None:
        self._candidates: list[tuple[str, str]] = []  # (id, name)
        super().__init__(label, parent)

    def set_candidates(self, candidates: list[tuple[str, str]]) -> None:
        """The personas one can link to: (id, name), the current one left out."""
        self._candidates = list(candidates)
        records = self.value()
        for widgets in self._rows:
            self._fill(widgets[1])
        self._mirroring = True
        for widgets, record in zip(self._rows, records):
            self.write_row(widgets, record)
        self._mirroring = False

    def _fill(self, combo: QComboBox) -> None:
        combo.blockSignals(True)
        combo.clear()
        for pid, name in self._candidates:
            combo.addItem(name, pid)
        combo.blockSignals(False)

    def new_record(self) -> Relation:
        return Relation(persona=self._candidates[0][0] if self._candidates else "?", relation="influences")

    def make_row(self, index: int) -> list[QWidget]:
        relation = QComboBox(self)
        for r in RELATIONS:
            relation.addItem(RELATION_LABELS[r], r)
        relation.setAccessibleName(f"Relation {index + 1}")
        persona = QComboBox(self)
        persona.setAccessibleName(f"Related persona {index + 1}")
        self._fill(persona)
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
            persona.addItem(record.persona, record.persona)
            i = persona.count() - 1
        persona.setCurrentIndex(i)
        relation.blockSignals(False)
        persona.blockSignals(False)
