"""How the window shows the card: zoom, where the keyboard is, and image files dropped as the photo.

(View › Show form, the form pane's toggle, lives with the toolbar in ui/main_toolbar.py.)

An image file dropped on the card (or anywhere on the window) becomes the
persona's photo through the form, which checks it like a file picked in the
photo editor; a refused file changes nothing.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication


class WindowView(QObject):
    """Zoom in/out/fit, the search field, where the user types, and photo drops on the card and the window."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.canvas = window.canvas
        self.form = window.form
        viewport = self.canvas.viewport()
        viewport.installEventFilter(self)
        self.canvas.setAcceptDrops(True)
        viewport.setAcceptDrops(True)
        window.setAcceptDrops(True)

    # ------------------------------------------------------------ zoom and focus
    def zoom_in(self) -> None:
        self.canvas.zoom_in()

    def zoom_out(self) -> None:
        self.canvas.zoom_out()

    def zoom_fit(self) -> None:
        self.canvas.zoom_fit()

    def focus_search(self) -> None:
        """Edit > Find… (Ctrl+F): type in the library's search field."""
        search = self.window.sidebar.search
        search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        search.selectAll()

    def editing(self) -> bool:
        """The user is typing in the form or on the card (the keyboard focus is there)."""
        focus = QApplication.focusWidget()
        return focus is not None and (self.form.isAncestorOf(focus) or self.canvas.isAncestorOf(focus))

    # ------------------------------------------------------------ photo drops
    def set_photo_from_file(self, path: str) -> bool:
        """Set the current persona's photo from an image file (checked; refused files change nothing)."""
        return self.form.set_photo_from_file(path)

    def accept_drag(self, event) -> bool:
        """A drag over the window: accepted when it carries an image and a persona is shown."""
        from personadesigner.ui.editors.photo_editor import dropped_image_path

        if dropped_image_path(event) and self.window.document.persona is not None:
            event.acceptProposedAction()
            return True
        return False

    def drop(self, event) -> bool:
        """A drop: its first image file becomes the photo."""
        from personadesigner.ui.editors.photo_editor import dropped_image_path

        path = dropped_image_path(event)
        if not path:
            return False
        event.acceptProposedAction()
        self.set_photo_from_file(path)
        return True

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        """Image files dragged over the card are accepted; dropped, they become the photo."""
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            from personadesigner.ui.editors.photo_editor import dropped_image_path

            if dropped_image_path(event):
                event.acceptProposedAction()
                return True
        elif kind == QEvent.Type.Drop and self.drop(event):
            return True
        return super().eventFilter(obj, event)
