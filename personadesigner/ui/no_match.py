"""What the sidebar shows instead of an empty list: why it is empty, and the way out.

"No persona matches “zebra”." with a Clear search button when the search or a
filter hides every persona; "No personas yet." for an empty library (the card
area then offers the first steps, see ui/empty_library.py).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget


def no_match_text(search: str, *, empty_library: bool) -> str:
    if empty_library:
        return "No personas yet."
    needle = search.strip()
    return f"No persona matches \u201c{needle}\u201d." if needle else "No persona matches these filters."


class NoMatchPanel(QWidget):
    """A centred sentence and a "Clear search" button (shown only when there is a search to clear)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noMatch")
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.clear_button = QPushButton("&Clear search", self)
        self.clear_button.setAccessibleName("Clear the search and the filters")
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.label)
        layout.addWidget(self.clear_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        self.hide()

    def say(self, text: str, *, can_clear: bool) -> None:
        self.label.setText(text)
        self.clear_button.setVisible(can_clear)
