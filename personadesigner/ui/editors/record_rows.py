"""Base for editors of record lists (traits, sources, related, custom sections).

Records are shown as rows of widgets under column headers, with a Remove
button per row and an Add button below. Subclasses say how a row is built,
read and written; this base reports the whole new list on each edit
(``edited``) and the end of an edit burst (``finished``), and mirrors the
model without stealing focus when the row count is unchanged.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QDate, QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSlider,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from .focus import ForwardsFocus


class RecordRowsEditor(ForwardsFocus, QWidget):
    """Rows of widgets, one row per record."""

    edited = Signal(object)
    finished = Signal()

    #: Column headers; subclasses set them.
    headers: tuple[str, ...] = ()
    #: Text of the Add button.
    add_text = "Add"
    #: Which columns stretch.
    stretch_columns: tuple[int, ...] = ()

    def __init__(self, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = label
        self._records: list[Any] = []
        self._rows: list[list[QWidget]] = []
        self._mirroring = False
        self.grid = QGridLayout()
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(self.fontMetrics().horizontalAdvance("M") // 2)
        for col, text in enumerate(self.headers):
            header = QLabel(text, self)
            header.setEnabled(False)  # muted, like a table header
            self.grid.addWidget(header, 0, col)
        for col in self.stretch_columns:
            self.grid.setColumnStretch(col, 1)
        self._headers_visible(False)
        self.add_button = QPushButton(self.add_text, self)
        self.add_button.setAccessibleName(f"{self.add_text} ({label.lower()})")
        self.add_button.clicked.connect(self._add)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.grid)
        layout.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)

    #: Grid lines one record takes (see ``positions``).
    lines_per_record = 1

    # ------------------------------------------------------------ subclass hooks
    def positions(self, count: int) -> list[tuple[int, int, int]]:
        """(line within the record, column, column span) of each widget, Remove last."""
        return [(0, col, 1) for col in range(count)]

    def new_record(self) -> Any:  # pragma: no cover - abstract
        raise NotImplementedError

    def make_row(self, index: int) -> list[QWidget]:  # pragma: no cover - abstract
        raise NotImplementedError

    def read_row(self, widgets: list[QWidget]) -> Any:  # pragma: no cover - abstract
        raise NotImplementedError

    def write_row(self, widgets: list[QWidget], record: Any) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    # ------------------------------------------------------------ model -> view
    def value(self) -> list[Any]:
        return [self.read_row(w) for w in self._rows]

    def set_value(self, records: list[Any]) -> None:
        if records == self.value() and len(records) == len(self._rows):
            self._records = list(records)
            return
        self._mirroring = True
        try:
            if len(records) != len(self._rows):
                self._rebuild(len(records))
            for widgets, record in zip(self._rows, records):
                for w in widgets:
                    w.blockSignals(True)
                self.write_row(widgets, record)
                for w in widgets:
                    w.blockSignals(False)
        finally:
            self._mirroring = False
        self._records = list(records)

    def _rebuild(self, count: int) -> None:
        for widgets in self._rows:
            for w in widgets:
                self.grid.removeWidget(w)
                w.deleteLater()
        self._rows = []
        for i in range(count):
            widgets = self.make_row(i)
            remove = QToolButton(self)
            remove.setText("Remove")
            remove.setAccessibleName(f"Remove {self.label.lower()} row {i + 1}")
            remove.clicked.connect(lambda _=False, row=i: self._remove(row))
            widgets.append(remove)
            for w, (line, col, cols) in zip(widgets, self.positions(len(widgets))):
                self.grid.addWidget(w, 1 + i * self.lines_per_record + line, col, 1, cols)
                self._watch(w)
            self._rows.append(widgets)
        self._headers_visible(count > 0)

    def _headers_visible(self, visible: bool) -> None:
        for col in range(len(self.headers)):
            item = self.grid.itemAtPosition(0, col)
            if item and item.widget():
                item.widget().setVisible(visible)

    def focus_item(self, index: int | None) -> None:
        if index is not None and 0 <= index < len(self._rows):
            self._rows[index][0].setFocus(Qt.FocusReason.OtherFocusReason)
        elif self._rows:
            self._rows[0][0].setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.add_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def focus_chain(self) -> list[QWidget]:
        return [w for widgets in self._rows for w in widgets] + [self.add_button]

    def row_widgets(self, index: int) -> list[QWidget]:
        return self._rows[index]

    # ------------------------------------------------------------ view -> signals
    def _watch(self, w: QWidget) -> None:
        if isinstance(w, QLineEdit):
            w.textEdited.connect(self._changed)
            w.editingFinished.connect(self.finished)
        elif isinstance(w, QComboBox):
            w.activated.connect(self._changed_and_finished)
            if w.isEditable():
                w.lineEdit().textEdited.connect(self._changed)
                w.lineEdit().editingFinished.connect(self.finished)
        elif isinstance(w, QSlider):
            w.valueChanged.connect(self._changed)
            w.sliderReleased.connect(self.finished)
        elif isinstance(w, QDateEdit):
            w.dateChanged.connect(self._changed)
            w.editingFinished.connect(self.finished)
        elif isinstance(w, QPlainTextEdit):
            w.textChanged.connect(self._changed)
            w.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut:
            self.finished.emit()
        return super().eventFilter(obj, event)

    def _changed(self, *_args) -> None:
        if self._mirroring:
            return
        records = self.value()
        if records != self._records:
            self._records = records
            self.edited.emit(records)

    def _changed_and_finished(self, *_args) -> None:
        self.finished.emit()
        self._changed()
        self.finished.emit()

    def _add(self) -> None:
        records = self.value() + [self.new_record()]
        self.finished.emit()
        self.edited.emit(records)
        self.finished.emit()
        self.focus_item(len(records) - 1)

    def _remove(self, row: int) -> None:
        records = self.value()
        if 0 <= row < len(records):
            del records[row]
            self.finished.emit()
            self.edited.emit(records)
            self.finished.emit()


# ---------------------------------------------------------------- date helper
#: QDateEdit cannot be empty; its minimum date stands for "no date".
NO_DATE = QDate(1900, 1, 1)


def make_optional_date_edit(parent: QWidget, empty_text: str) -> QDateEdit:
    """A date edit whose minimum shows ``empty_text`` and means "no date"."""
    edit = QDateEdit(parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setMinimumDate(NO_DATE)
    edit.setSpecialValueText(empty_text)
    edit.setDate(NO_DATE)
    edit.setCorrectionMode(QAbstractSpinBox.CorrectionMode.CorrectToNearestValue)
    return edit


def date_text(edit: QDateEdit) -> str:
    return "" if edit.date() == NO_DATE else edit.date().toString("yyyy-MM-dd")


def set_date_text(edit: QDateEdit, text: str) -> None:
    date = QDate.fromString(text, "yyyy-MM-dd") if text else NO_DATE
    edit.setDate(date if date.isValid() else NO_DATE)
