"""Personality sliders: left label, a 0-100 slider, right label."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QSlider, QWidget

from personadesigner.core.persona import Trait

from .record_rows import RecordRowsEditor


class TraitEditor(RecordRowsEditor):
    headers = ("Left", "Value", "Right")
    add_text = "Add trait"
    stretch_columns = (0, 1, 2)

    def new_record(self) -> Trait:
        return Trait(left="Introvert", right="Extrovert", value=50)

    def make_row(self, index: int) -> list[QWidget]:
        left = QLineEdit(self)
        left.setAccessibleName(f"Trait {index + 1} left label")
        slider = QSlider(Qt.Orientation.Horizontal, self)
        slider.setRange(0, 100)
        slider.setPageStep(10)
        slider.setAccessibleName(f"Trait {index + 1} value")
        right = QLineEdit(self)
        right.setAccessibleName(f"Trait {index + 1} right label")
        return [left, slider, right]

    def read_row(self, widgets: list[QWidget]) -> Trait:
        return Trait(left=widgets[0].text(), right=widgets[2].text(), value=widgets[1].value())

    def write_row(self, widgets: list[QWidget], record: Trait) -> None:
        if widgets[0].text() != record.left:
            widgets[0].setText(record.left)
        widgets[1].setValue(record.value)
        widgets[1].setToolTip(f"{record.value} / 100")
        if widgets[2].text() != record.right:
            widgets[2].setText(record.right)
