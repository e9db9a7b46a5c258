"""File › Discover personas from data…: the `discover` command's steps in one dialog.

Choose a .csv/.xlsx export, check (and correct) the kind guessed for each column,
pick a number of segments or auto, Run: the report appears as text. "Import
drafts" stores the drafted personas in one transaction. All the work is the
Qt-free personadesigner.discovery package; this module only shows it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from personadesigner.discovery.columns import KINDS
from personadesigner.errors import UserError
from personadesigner.ui.errors import show_user_error

FILE_FILTER = "Survey or CRM exports (*.csv *.tsv *.txt *.xlsx);;All files (*)"


class DiscoverDialog(QDialog):
    """Reads the file when chosen, runs discovery on Run, imports on Import drafts."""

    def __init__(self, library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Discover personas from data")
        self.library = library
        self.table = None
        self.result = None
        self.imported = 0
        self.guessed: dict[str, str] = {}

        self.path_edit = QLineEdit()
        self.path_edit.setPlaceholderText("A survey or CRM export, one row per respondent (.csv or .xlsx)")
        self.path_edit.editingFinished.connect(lambda: self.load(self.path_edit.text()))
        browse = QPushButton("Choose…")
        browse.clicked.connect(self.choose_file)
        top = QHBoxLayout()
        top.addWidget(self.path_edit, 1)
        top.addWidget(browse)

        self.columns_view = QTableWidget(0, 3)
        self.columns_view.setHorizontalHeaderLabels(["Column", "Kind", "Why"])
        self.columns_view.horizontalHeader().setStretchLastSection(True)
        self.columns_view.verticalHeader().setVisible(False)

        self.segments = QComboBox()
        self.segments.addItems(["auto", *[str(k) for k in range(2, 9)]])
        self.run_button = QPushButton("Run")
        self.run_button.setEnabled(False)
        self.run_button.clicked.connect(self.run)
        self.import_button = QPushButton("Import drafts")
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.import_drafts)
        close = QPushButton("Close")
        close.clicked.connect(self.accept)
        row = QHBoxLayout()
        row.addWidget(QLabel("Segments:"))
        row.addWidget(self.segments)
        row.addStretch(1)
        row.addWidget(self.run_button)
        row.addWidget(self.import_button)
        row.addWidget(close)

        self.report = QPlainTextEdit()
        self.report.setReadOnly(True)
        self.report.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.report.setPlaceholderText("The report appears here after Run.")

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(QLabel("Column kinds (correct a guess before running):"))
        layout.addWidget(self.columns_view, 1)
        layout.addLayout(row)
        layout.addWidget(self.report, 2)
        self.resize(820, 640)

    # ------------------------------------------------------------------ steps
    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Discover personas from data", str(Path.home()), FILE_FILTER)
        if path:
            self.path_edit.setText(path)
            self.load(path)

    def load(self, path: str) -> bool:
        """Read the file and show the guessed column kinds (each a combo the user can change)."""
        from personadesigner.discovery import run

        if not path.strip():
            return False
        try:
            self.table = run.load(path)
            columns = run.plan_columns(self.table)
        except UserError as exc:
            self.table = None
            self.run_button.setEnabled(False)
            show_user_error(self, exc)
            return False
        self.guessed = {col.name: col.kind for col in columns}
        self.columns_view.setRowCount(len(columns))
        for r, col in enumerate(columns):
            name = QTableWidgetItem(col.name)
            name.setFlags(name.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.columns_view.setItem(r, 0, name)
            combo = QComboBox()
            combo.addItems(list(KINDS))
            combo.setCurrentText(col.kind)
            self.columns_view.setCellWidget(r, 1, combo)
            why = QTableWidgetItem(col.reason)
            why.setFlags(why.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.columns_view.setItem(r, 2, why)
        self.columns_view.resizeColumnsToContents()
        self.run_button.setEnabled(True)
        self.result = None
        self.import_button.setEnabled(False)
        self.report.setPlainText(
            f"{len(self.table.rows)} respondents, {len(columns)} columns. Check the kinds, then Run."
        )
        return True

    def kinds(self) -> dict[str, str]:
        """The kinds as shown now (the user's corrections included)."""
        return {
            self.columns_view.item(r, 0).text(): self.columns_view.cellWidget(r, 1).currentText()
            for r in range(self.columns_view.rowCount())
        }

    def run(self) -> bool:
        from personadesigner.discovery import run
        from personadesigner.discovery.report import report_text

        if self.table is None:
            return False
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            corrected = {name: kind for name, kind in self.kinds().items() if self.guessed.get(name) != kind}
            columns = run.plan_columns(self.table, corrected)
            self.result = run.discover(self.table, columns, run.segments_arg(self.segments.currentText()))
        except UserError as exc:
            self.result = None
            QApplication.restoreOverrideCursor()
            show_user_error(self, exc)
            self.import_button.setEnabled(False)
            return False
        QApplication.restoreOverrideCursor()
        self.report.setPlainText(report_text(self.result))
        self.import_button.setEnabled(self.library is not None)
        return True

    def import_drafts(self) -> int:
        """Store the drafts in one transaction; nothing is stored if one fails."""
        if self.result is None or self.library is None:
            return 0
        try:
            self.library.add_many([p.copy() for p in self.result.drafts])
        except UserError as exc:
            show_user_error(self, exc)
            return 0
        self.imported += len(self.result.drafts)
        self.import_button.setEnabled(False)
        self.report.appendPlainText(f'\nImported {len(self.result.drafts)} draft personas (tagged "draft").')
        return len(self.result.drafts)


def open_dialog(window) -> None:  # noqa: ANN001 - the MainWindow
    dialog = DiscoverDialog(window.library, window)
    dialog.exec()
    window.persona_actions.added(dialog.imported, "Imported draft")
    dialog.deleteLater()


def add_to_menu(window, menu) -> None:  # noqa: ANN001 - the MainWindow and its File menu
    """File › Discover personas from data… (placed after Import…)."""
    from personadesigner.ui.window_actions import make_action

    window.discover_action = make_action(
        window,
        "&Discover personas from data…",
        lambda: open_dialog(window),
        tip="Segment a survey or CRM export into draft personas",
    )
    menu.insertAction(window.export_action, window.discover_action)
