"""An optional date (last validated): a date edit plus a Clear button."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from .focus import ForwardsFocus
from .record_rows import date_text, make_optional_date_edit, set_date_text


class OptionalDateEditor(ForwardsFocus, QWidget):
    """Reports ISO dates, or "" once cleared (shown as ``empty_text``)."""

    edited = Signal(str)
    finished = Signal()

    def __init__(self, label: str, empty_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = make_optional_date_edit(self, empty_text)
        self.edit.setAccessibleName(label)
        self.clear_button = QPushButton("Clear", self)
        self.clear_button.setAccessibleName(f"Clear {label.lower()}")
        self.clear_button.clicked.connect(self._clear)
        self.edit.dateChanged.connect(lambda _d: self.edited.emit(self.value()))
        self.edit.editingFinished.connect(self.finished)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.clear_button)

    def value(self) -> str:
        return date_text(self.edit)

    def set_value(self, text: str) -> None:
        if text != self.value():
            self.edit.blockSignals(True)
            set_date_text(self.edit, text)
            self.edit.blockSignals(False)
        self.clear_button.setEnabled(bool(text))

    def _clear(self) -> None:
        self.finished.emit()
        set_date_text(self.edit, "")  # emits edited("")
        self.finished.emit()

    def focus_item(self, _index=None) -> None:
        self.edit.setFocus()

    def focus_chain(self) -> list[QWidget]:
        return [self.edit, self.clear_button]
