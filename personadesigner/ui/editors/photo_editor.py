"""The photo field: a preview, Choose…, Crop… and Remove; image files can be dropped on it."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QImage, QPixmap
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from .crop_dialog import CropDialog
from .focus import ForwardsFocus

IMAGE_FILTER = "Images (*.png *.jpg *.jpeg *.webp)"
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".webp")


def dropped_image_path(event: QDragEnterEvent | QDropEvent) -> str | None:
    """The first local image file of a drag, if any."""
    mime = event.mimeData()
    if not mime.hasUrls():
        return None
    for url in mime.urls():
        path = url.toLocalFile()
        if path and path.lower().endswith(IMAGE_SUFFIXES):
            return path
    return None


class PhotoEditor(ForwardsFocus, QWidget):
    """Reports a chosen file, a cropped image, or a removal; the form does the rest."""

    fileChosen = Signal(str)
    cropped = Signal(bytes)
    removed = Signal()

    def __init__(self, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._photo: bytes | None = None
        self.setAcceptDrops(True)
        em = self.fontMetrics().height()
        self.preview = QLabel(self)
        self.preview.setFixedSize(em * 6, em * 6)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setFrameShape(QLabel.Shape.StyledPanel)
        self.preview.setAccessibleName(f"{label} preview")
        self.preview.setTextFormat(Qt.TextFormat.PlainText)
        self.choose_button = QPushButton("Choose…", self)
        self.choose_button.setAccessibleName(f"Choose a {label.lower()} file")
        self.choose_button.clicked.connect(self._choose)
        self.crop_button = QPushButton("Crop…", self)
        self.crop_button.setAccessibleName(f"Crop the {label.lower()}")
        self.crop_button.clicked.connect(self.crop)
        self.remove_button = QPushButton("Remove", self)
        self.remove_button.setAccessibleName(f"Remove the {label.lower()}")
        self.remove_button.clicked.connect(self.removed)
        buttons = QVBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        for b in (self.choose_button, self.crop_button, self.remove_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.preview)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.set_value(None)

    def value(self) -> bytes | None:
        return self._photo

    def set_value(self, photo: bytes | None) -> None:
        if photo is self._photo and (photo is not None or self.preview.text()):
            return  # decoding the image again on every keystroke elsewhere would be wasted
        self._photo = photo
        pixmap = QPixmap()
        if photo and pixmap.loadFromData(QByteArray(photo)):
            side = self.preview.width() - 4
            self.preview.setPixmap(
                pixmap.scaled(
                    side, side, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
                )
            )
        else:
            self.preview.setPixmap(QPixmap())
            self.preview.setText("No photo\n(drop one here)")
        self.crop_button.setEnabled(photo is not None)
        self.remove_button.setEnabled(photo is not None)

    def focus_item(self, _index=None) -> None:
        self.choose_button.setFocus()

    def focus_chain(self) -> list[QWidget]:
        return [self.choose_button, self.crop_button, self.remove_button]

    def _choose(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Choose a photo", "", IMAGE_FILTER)
        if path:
            self.fileChosen.emit(path)

    def crop(self) -> None:
        if not self._photo:
            return
        image = QImage.fromData(QByteArray(self._photo))
        if image.isNull():
            return
        dialog = CropDialog(image, self)
        if dialog.exec() == CropDialog.DialogCode.Accepted:
            self.cropped.emit(dialog.cropped_png())

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if dropped_image_path(event):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        path = dropped_image_path(event)
        if path:
            event.acceptProposedAction()
            self.fileChosen.emit(path)
