"""Research sources behind a persona: kind, title, date and a note per row."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from personadesigner.core.persona import SOURCE_KIND_LABELS, SOURCE_KINDS, Source

from .record_rows import RecordRowsEditor, date_text, make_optional_date_edit, set_date_text


class SourcesEditor(RecordRowsEditor):
    """Two lines per source (kind and title, then date and note) to fit a narrow form."""

    headers = ()
    add_text = "Add source"
    stretch_columns = (1,)
    lines_per_record = 2

    def positions(self, count: int) -> list[tuple[int, int, int]]:
        # kind, title / date, note; Remove beside the title.
        return [(0, 0, 1), (0, 1, 1), (1, 0, 1), (1, 1, 2), (0, 2, 1)]

    def new_record(self) -> Source:
        return Source(kind="interview")

    def make_row(self, index: int) -> list[QWidget]:
        kind = QComboBox(self)
        for k in SOURCE_KINDS:
            kind.addItem(SOURCE_KIND_LABELS.get(k, k), k)  # the card's words too
        kind.setAccessibleName(f"Source {index + 1} kind")
        title = QLineEdit(self)
        title.setAccessibleName(f"Source {index + 1} title")
        title.setPlaceholderText("Title")
        date = make_optional_date_edit(self, "No date")
        date.setAccessibleName(f"Source {index + 1} date")
        note = QLineEdit(self)
        note.setAccessibleName(f"Source {index + 1} note")
        note.setPlaceholderText("Note")
        return [kind, title, date, note]

    def read_row(self, widgets: list[QWidget]) -> Source:
        kind, title, date, note = widgets[:4]
        return Source(kind=kind.currentData() or "other", title=title.text(), date=date_text(date), note=note.text())

    def write_row(self, widgets: list[QWidget], record: Source) -> None:
        kind, title, date, note = widgets[:4]
        i = kind.findData(record.kind)
        kind.setCurrentIndex(i if i >= 0 else kind.findData("other"))
        if title.text() != record.title:
            title.setText(record.title)
        set_date_text(date, record.date)
        if note.text() != record.note:
            note.setText(record.note)
