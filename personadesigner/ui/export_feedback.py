"""After an export: a status-bar note with "Open" and "Show in folder", and the export's defaults.

The app never opens a file manager or a viewer by itself; the user asks for
it with these buttons (QDesktopServices). The defaults live here too: the
file is named after the persona (one persona) or the library (several), in
the folder and format of the last export (ui.settings); the format's suffix
(one file) or none (a folder) is the registry's (render.formats).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QHBoxLayout, QLabel, QStatusBar, QToolButton, QWidget

from personadesigner.core.export_options import ExportReport
from personadesigner.render import formats
from personadesigner.render.filenames import safe_stem
from personadesigner.ui.settings import EXPORT_FOLDER, EXPORT_FORMAT, Settings

#: The note goes away by itself after this long (its buttons stay usable until then).
NOTE_MS = 60_000


# ----------------------------------------------------------------- defaults
def default_stem(persona_names: list[str], total: int, library_name: str) -> str:
    """The persona's name for one persona, else the library's name (safe on every file system)."""
    if total == 1 and persona_names:
        return safe_stem(persona_names[0])
    return safe_stem(library_name or "", fallback="personas")


def default_folder(settings: Settings) -> Path:
    """The folder of the last export while it still exists, else the home folder."""
    last = settings.get(EXPORT_FOLDER)
    if not last:  # before EXPORT_FOLDER: the dialog kept the last path under another key
        old = str(settings.qsettings.value("export/last_path", "") or "")
        last = str(Path(old).parent) if old else ""
    folder = Path(last).expanduser() if last else None
    return folder if folder is not None and folder.is_dir() else Path.home()


def default_format(settings: Settings) -> str:
    """The last export's card format while it is still registered (render.formats), else PDF."""
    fmt = settings.get(EXPORT_FORMAT)
    return fmt if fmt in {f.key for f in formats.card_formats()} else "pdf"


def remember(settings: Settings, out: Path, fmt: str) -> None:
    """Keep the folder and format of a finished export for the next one."""
    settings.set(EXPORT_FOLDER, str(out.parent))
    settings.set(EXPORT_FORMAT, fmt)
    settings.sync()


# ------------------------------------------------------------------ the note
def targets(report: ExportReport) -> tuple[Path, Path]:
    """(what "Open" opens, what "Show in folder" shows): the PDF or first image, and its folder."""
    first = Path(report.files[0])
    return first, first.parent


class ExportResultNote(QWidget):
    """ "Exported 3 personas to team.pdf  [Open] [Show in folder] [×]" in the status bar."""

    def __init__(self, report: ExportReport, count: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exportResult")
        self.open_target, self.folder = targets(report)
        what = self.open_target.name if len(report.files) == 1 else f"{len(report.files)} images in {self.folder.name}"
        no_back = f" No back printed: {', '.join(report.without_back)} has none." if report.without_back else ""
        self.label = QLabel(f"Exported {count} persona{'' if count == 1 else 's'} to {what}.{no_back}")
        self.label.setObjectName("exportResultText")
        self.open_button = self._button("Open", "exportOpenButton", f"Open {self.open_target}")
        self.folder_button = self._button("Show in folder", "exportShowFolderButton", f"Show {self.folder}")
        self.close_button = self._button("×", "exportResultClose", "Dismiss")
        self.close_button.setAccessibleName("Dismiss the export note")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.label)
        row.addWidget(self.open_button)
        row.addWidget(self.folder_button)
        row.addWidget(self.close_button)
        row.addStretch(1)
        self.open_button.clicked.connect(lambda: self._open(self.open_target))
        self.folder_button.clicked.connect(lambda: self._open(self.folder))
        self.close_button.clicked.connect(self.dismiss)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.dismiss)
        self.timer.start(NOTE_MS)

    def _button(self, text: str, name: str, tip: str) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setObjectName(name)
        button.setToolTip(tip)
        button.setAutoRaise(True)
        if name != "exportResultClose":  # read as links: actions, not labels (no mnemonic: Alt+F is the File menu)
            button.setStyleSheet("QToolButton { color: palette(link); }")
        return button

    def _open(self, path: Path) -> None:
        if not path.exists():
            self.label.setText(f"{path} is no longer there.")
            return
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            self.label.setText(f"No application could open {path.name}.")

    def dismiss(self) -> None:
        bar = self.parentWidget()
        if isinstance(bar, QStatusBar):
            bar.removeWidget(self)
        self.deleteLater()


def show_export_result(bar: QStatusBar, report: ExportReport, count: int) -> ExportResultNote | None:
    """Replace any earlier note with one for this export (nothing is opened)."""
    for old in bar.findChildren(ExportResultNote):
        old.dismiss()
    if not report.files:
        return None
    bar.clearMessage()
    note = ExportResultNote(report, count, bar)
    bar.addWidget(note, 1)
    note.show()
    return note
