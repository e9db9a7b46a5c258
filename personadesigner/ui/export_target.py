"""Where an export goes: the path field and its file chooser, following scope and format.

A format writes one file (PDF: the name ends in its suffix) or a folder of
files (PNG: the name has no suffix), as the registry (render.formats) says.
The name the dialog chose (the persona's or the library's) follows the scope
until the user types one of their own.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLineEdit, QPushButton, QWidget

from personadesigner.errors import UserError
from personadesigner.render.formats import ExportFormat
from personadesigner.ui import export_feedback as feedback
from personadesigner.ui.settings import Settings


class OutputTarget:
    """The "Save to" row: ``edit`` and ``browse_button`` in ``row``."""

    def __init__(self, parent: QWidget, settings: Settings, default_stem: Callable[[], str]) -> None:
        self._parent = parent
        self._settings = settings
        self._default_stem = default_stem
        #: The file name the dialog chose (not the user).
        self._auto_stem = ""
        self.edit = QLineEdit()
        self.edit.setObjectName("outputPathEdit")
        self.edit.setAccessibleName("Output file or folder")
        self.browse_button = QPushButton("C&hoose…")
        self.browse_button.setObjectName("browseButton")
        self.row = QHBoxLayout()
        self.row.addWidget(self.edit, 1)
        self.row.addWidget(self.browse_button)

    def default_path(self, fmt: ExportFormat) -> Path:
        """The persona's or the library's name, in the last export's folder."""
        self._auto_stem = self._default_stem()
        return fmt.output_path(feedback.default_folder(self._settings), self._auto_stem)

    def restore(self, fmt: ExportFormat) -> None:
        self.edit.setText(str(self.default_path(fmt)))

    def scope_changed(self, fmt: ExportFormat) -> None:
        """One persona is named after itself, several after the library, unless the user typed a name."""
        current = Path(self.edit.text().strip())
        named = not fmt.folder and current.suffix.lower() == fmt.suffix
        stem = current.stem if named else current.name
        if not self._auto_stem or stem != self._auto_stem:
            return
        self._auto_stem = self._default_stem()
        self.edit.setText(str(fmt.output_path(current.parent, self._auto_stem)))

    def format_changed(self, fmt: ExportFormat) -> None:
        """One file or a folder of files: keep the name, switch the suffix."""
        text = self.edit.text().strip()
        self.edit.setText(str(fmt.retarget(Path(text)) if text else self.default_path(fmt)))

    def choose(self, fmt: ExportFormat) -> None:
        current = self.edit.text().strip()
        if fmt.folder:
            path = QFileDialog.getExistingDirectory(self._parent, f"Export {fmt.name} images to folder", current)
        else:
            path, _ = QFileDialog.getSaveFileName(self._parent, f"Export to {fmt.name}", current, fmt.file_filter)
            if path and not path.lower().endswith(fmt.suffix):
                path += fmt.suffix
        if path:
            self.edit.setText(path)

    def path(self, fmt: ExportFormat) -> Path:
        """The chosen path; UserError when it is empty, or a folder where the format writes a file."""
        text = self.edit.text().strip()
        if not text:
            raise UserError("Choose where to save the export first.")
        out = Path(text).expanduser()
        if not fmt.folder and out.is_dir():
            raise UserError(f"{out} is a folder; type a file name ending in {fmt.suffix}.")
        return out
