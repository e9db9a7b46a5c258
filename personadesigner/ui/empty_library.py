"""What an empty library shows in the card area: what to do first.

A library without personas would otherwise show a blank canvas and a greyed
form. This panel lies over the canvas (it follows its size) and offers the
three first steps: a new persona, importing CSV/JSON files, or the sample
personas to see what a good one looks like. The window decides when it shows.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QVBoxLayout, QWidget


class EmptyLibraryPanel(QWidget):
    """ "This library has no personas yet", with New persona / Import / Add the samples."""

    newPersona = Signal()
    importFiles = Signal()
    addSamples = Signal()

    def __init__(self, over: QWidget) -> None:
        super().__init__(over)
        self.setObjectName("emptyLibrary")
        self.setAccessibleName("Empty library")
        # The panel itself is see-through, so the card area under it still paints
        # (its first paint starts the window's deferred work).
        box = QFrame(self)
        box.setObjectName("emptyLibraryBox")
        box.setFrameShape(QFrame.Shape.StyledPanel)
        box.setAutoFillBackground(True)
        title = QLabel("This library has no personas yet", box)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        title.setFont(font)
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text = QLabel(
            "Create your first persona, import personas from a survey or another tool "
            "(CSV or JSON), or add the sample personas to see what a complete one looks like.",
            box,
        )
        text.setWordWrap(True)
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.new_button = QPushButton("&New persona", box)
        self.import_button = QPushButton("&Import CSV/JSON\u2026", box)
        self.samples_button = QPushButton("Add the &sample personas", box)
        self.new_button.clicked.connect(self.newPersona.emit)
        self.import_button.clicked.connect(self.importFiles.emit)
        self.samples_button.clicked.connect(self.addSamples.emit)
        inner = QVBoxLayout(box)
        em = self.fontMetrics().height()
        inner.setContentsMargins(em * 2, em * 2, em * 2, em * 2)
        inner.setSpacing(em // 2)
        inner.addWidget(title)
        inner.addWidget(text)
        inner.addSpacing(em // 2)
        for button in (self.new_button, self.import_button, self.samples_button):
            inner.addWidget(button)
        box.setFixedWidth(em * 26)
        # A centred box is sized by its hint, which knows nothing of wrapping: give the text its height.
        text.setMinimumHeight(text.heightForWidth(em * 26 - em * 4 - 2 * box.frameWidth()))
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(box, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(2)
        over.installEventFilter(self)
        self.setGeometry(over.rect())
        self.hide()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self.parent() and event.type() == QEvent.Type.Resize:
            self.setGeometry(obj.rect())
        return False

    def set_shown(self, shown: bool) -> None:
        if shown:
            self.setGeometry(self.parentWidget().rect())
            self.raise_()
        self.setVisible(shown)
