"""User-defined sections: a label and its text, printed like built-in ones."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget

from personadesigner.core.persona import CustomSection

from .record_rows import RecordRowsEditor


class CustomEditor(RecordRowsEditor):
    headers = ("Label", "Text")
    add_text = "Add section"
    stretch_columns = (1,)

    def new_record(self) -> CustomSection:
        return CustomSection(label="New section", value="")

    def make_row(self, index: int) -> list[QWidget]:
        label = QLineEdit(self)
        label.setAccessibleName(f"Custom section {index + 1} label")
        value = QPlainTextEdit(self)
        value.setAccessibleName(f"Custom section {index + 1} text")
        value.setTabChangesFocus(True)
        value.setFixedHeight(value.fontMetrics().lineSpacing() * 3 + 12)
        return [label, value]

    def read_row(self, widgets: list[QWidget]) -> CustomSection:
        return CustomSection(label=widgets[0].text(), value=widgets[1].toPlainText())

    def write_row(self, widgets: list[QWidget], record: CustomSection) -> None:
        if widgets[0].text() != record.label:
            widgets[0].setText(record.label)
        if widgets[1].toPlainText() != record.value:
            widgets[1].setPlainText(record.value)
