"""The export dialog's preview column: page 1 as it will be written, or why it cannot be.

Only showing; drawing page 1 is ui.export_preview (the export's own page plan).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QLabel, QVBoxLayout

PREVIEW_SIZE = 300


class PreviewPane:
    """``image`` (a grey square holding the page or the problem) and ``caption`` in ``column``."""

    def __init__(self) -> None:
        self.image = QLabel()
        self.image.setObjectName("exportPreview")
        self.image.setAccessibleName("Preview of the first page")
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.image.setFixedSize(PREVIEW_SIZE, PREVIEW_SIZE)
        self.image.setWordWrap(True)
        self.image.setMargin(12)
        self.image.setStyleSheet("background: #8a8d91; border-radius: 4px;")
        self.caption = QLabel()
        self.caption.setObjectName("previewCaption")
        self.caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.caption.setWordWrap(True)
        self.caption.setMaximumWidth(PREVIEW_SIZE)
        self.column = QVBoxLayout()
        self.column.addWidget(self.image)
        self.column.addWidget(self.caption)
        self.column.addStretch(1)

    def show_page(self, pixmap: QPixmap, caption: str) -> None:
        self.image.setPixmap(pixmap)
        self.caption.setText(caption)

    def show_problem(self, message: str) -> None:
        """These choices cannot be exported (e.g. 8 cards do not fit on A4): say why."""
        self.image.setPixmap(QPixmap())
        self.image.setText(message)
        self.caption.setText("")
