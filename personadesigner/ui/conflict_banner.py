"""The banner over the form when a save met someone else's newer version.

A save conflict is a state, not a question: the banner says what happened and
that the edits on screen are kept but not saved, and offers the way out
("Resolve…" opens the field-by-field ConflictDialog; when the persona was
deleted for good elsewhere, "Add mine back" keeps my version and "Discard my changes"
lets it go). The user may go on typing (or look at other personas) first.
The banner sits above the form's scrolled fields, so it stays in view.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QAbstractScrollArea, QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

CHANGED_TEXT = (
    "Someone else changed this persona. Your edits are kept here but not saved until you resolve the conflict."
)
DELETED_TEXT = "Someone else deleted this persona for good. Your edits are kept here but not saved."


class ConflictBanner(QFrame):
    """What happened, and the buttons that settle it (the controller connects them)."""

    resolveClicked = Signal()
    keepClicked = Signal()
    discardClicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conflictBanner")
        self.setAccessibleName("Save conflict")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            "#conflictBanner { background: #fff3e0; border: 1px solid #ef6c00; border-radius: 4px; }"
            " #conflictBanner QLabel { color: #5d2a00; }"
        )
        self.message = QLabel(self)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.resolve_button = QPushButton("Resolve\u2026", self)
        self.resolve_button.setToolTip("See both versions field by field: keep mine, take theirs or merge")
        self.keep_button = QPushButton("Add mine back", self)
        self.keep_button.setToolTip("Add your version to the library again")
        self.discard_button = QPushButton("Discard my changes", self)
        self.discard_button.setToolTip("Your edits are dropped and the persona is closed; it stays deleted")
        self.resolve_button.clicked.connect(self.resolveClicked)
        self.keep_button.clicked.connect(self.keepClicked)
        self.discard_button.clicked.connect(self.discardClicked)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.discard_button, self.keep_button, self.resolve_button):
            button.setAutoDefault(False)
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        em = self.fontMetrics().height()
        layout.setContentsMargins(em // 2, em // 3, em // 2, em // 3)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.hide()

    def set_conflict(self, conflict) -> None:
        """Show the banner for a ``Conflict`` (document.py), or hide it for None."""
        if conflict is None:
            self.hide()
            return
        deleted = conflict.theirs is None
        self.message.setText(DELETED_TEXT if deleted else CHANGED_TEXT)
        self.resolve_button.setVisible(not deleted)
        self.keep_button.setVisible(deleted)
        self.discard_button.setVisible(deleted)
        self.show()


class _TopSlot(QObject):
    """Keeps a banner above a scroll area's viewport: the viewport gives it room."""

    def __init__(self, area: QAbstractScrollArea, banner: QWidget) -> None:
        super().__init__(area)
        self.area, self.banner = area, banner
        area.installEventFilter(self)
        banner.installEventFilter(self)
        area.verticalScrollBar().installEventFilter(self)  # it comes and goes with the content

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Show, QEvent.Type.Hide, QEvent.Type.LayoutRequest):
            if obj is not self.banner or event.type() != QEvent.Type.Resize:
                self.place()
        return False

    def place(self) -> None:
        area, banner = self.area, self.banner
        frame = area.frameWidth()
        bar = area.verticalScrollBar()
        # Beside the scroll bar (which runs the full height), never under it.
        room = bar.width() if bar.isVisible() else 0
        width = max(0, area.width() - 2 * frame - room)
        height = 0
        if not banner.isHidden():
            height = banner.heightForWidth(width) if banner.hasHeightForWidth() else banner.sizeHint().height()
            banner.setGeometry(frame, frame, width, height)
            banner.raise_()
        if area.viewportMargins().top() != height:
            area.setViewportMargins(0, height, 0, 0)


def attach_above(area: QAbstractScrollArea, banner: QWidget) -> None:
    """Put ``banner`` at the top of ``area``, above its scrolled content (never over it)."""
    banner.setParent(area)
    area._top_slot = _TopSlot(area, banner)  # kept alive with the area
    area._top_slot.place()
