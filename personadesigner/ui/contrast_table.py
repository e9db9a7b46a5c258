"""The theme editor's contrast table: every text-on-background pair, its ratio, and a Fix button.

Kept apart from the editor's form so a colour edit refreshes only what changed: cell
texts are set only when they differ, and the Fix buttons are made once and reused.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QTableWidget, QTableWidgetItem, QWidget

FLAG = "  \u26a0 below 4.5:1"


def fill_contrast_table(table: QTableWidget, found, on_fix: Callable[[int], None], *, size_columns: bool) -> None:
    """Show the pairs ``found`` (core.theme_contrast.pairs); a Fix button on each unreadable row."""
    if table.rowCount() != len(found):
        table.clearContents()
        table.setRowCount(len(found))
    for row, pair in enumerate(found):
        set_text(table, row, 0, pair.label)
        set_text(table, row, 1, f"{pair.ratio:.2f}:1{'' if pair.readable else FLAG}")
        cell = table.cellWidget(row, 2)
        if cell is None:  # the view shows its cell widgets itself: the button inside is what hides
            cell = QWidget(table)
            button = QPushButton("Fix", cell)
            button.setToolTip("Darken or lighten the text colour until it reads (4.5:1)")
            button.clicked.connect(lambda _c=False, r=row: on_fix(r))
            QHBoxLayout(cell).addWidget(button)
            cell.layout().setContentsMargins(0, 0, 0, 0)
            table.setCellWidget(row, 2, cell)
        button = cell.findChild(QPushButton)
        button.setObjectName(f"fix:{pair.key}")
        button.setVisible(not pair.readable)
    if size_columns:
        table.resizeColumnToContents(0)
        table.horizontalHeader().setMinimumSectionSize(table.fontMetrics().horizontalAdvance("00.00:1" + FLAG))
        table.resizeColumnToContents(1)
        table.horizontalHeader().setStretchLastSection(True)


def set_text(table: QTableWidget, row: int, column: int, text: str) -> None:
    """A cell's text, changed only when it differs (a colour edit repaints within a frame)."""
    item = table.item(row, column)
    if item is None:
        table.setItem(row, column, QTableWidgetItem(text))
    elif item.text() != text:
        item.setText(text)
