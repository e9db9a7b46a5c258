"""Import personas from JSON or CSV files into the library, all or nothing.

JSON goes straight through ``interchange.json_io``. A CSV from a survey tool or
CRM rarely names every column the way the model does, so unmatched columns are
shown in ``CsvMappingDialog`` (each with a combo of persona fields or "Ignore",
above a preview of the first rows) and the file is then read by
``interchange.csv_io`` with that mapping. Every file is parsed and validated
before anything is stored; then one ``add_many`` stores all of them or none.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QInputDialog,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from personadesigner.core.persona import field_label
from personadesigner.errors import InterchangeError, UserError
from personadesigner.interchange import csv_io
from personadesigner.interchange.csv_fields import CSV_FIELDS, field_for_header, header_key
from personadesigner.interchange.json_io import ImportResult, read_json
from personadesigner.interchange.textfile import decode_text, read_bytes
from personadesigner.ui.errors import show_notice, show_user_error

PREVIEW_ROWS = 5
#: Encodings offered when a CSV is not UTF-8 (spreadsheets on Windows save cp1252).
ENCODINGS = (
    ("Windows Western (cp1252)", "cp1252"),
    ("Latin-1 (ISO-8859-1)", "latin-1"),
    ("Central European (cp1250)", "cp1250"),
    ("UTF-16", "utf-16"),
    ("Mac Roman", "mac_roman"),
)
FILE_FILTER = "Persona files (*.json *.csv);;JSON (*.json);;CSV spreadsheets (*.csv)"


def show_message(parent: QWidget | None, title: str, text: str, *, warning: bool = True) -> None:
    """One plain-text dialog (file names and cells are user text); see ui.errors."""
    if warning:
        show_user_error(parent, text, title=title)
    else:
        show_notice(parent, text, title=title)


def ask_item(parent: QWidget | None, title: str, text: str, items: list[str]) -> str | None:
    """QInputDialog.getItem with its label in plain text (the text quotes the file); None if cancelled."""
    dialog = QInputDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setLabelText(text)
    dialog.setComboBoxItems(items)
    dialog.setComboBoxEditable(False)
    for label in dialog.findChildren(QLabel):
        label.setTextFormat(Qt.TextFormat.PlainText)
    try:
        return dialog.textValue() if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()


class CsvMappingDialog(QDialog):
    """Map the CSV columns the importer did not recognise to persona fields (or ignore them)."""

    def __init__(
        self,
        header: list[str],
        rows: list[list[str]],
        unmatched: list[str],
        source: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("csvMappingDialog")
        self.setWindowTitle("Import CSV: match the columns")
        self._header = list(header)
        self._combos: dict[str, QComboBox] = {}
        layout = QVBoxLayout(self)

        intro = QLabel(
            f"{len(unmatched)} column{'s' if len(unmatched) != 1 else ''} of {Path(source).name or 'the file'} "
            "match no persona field. Choose a field for each, or ignore it."
        )
        intro.setTextFormat(Qt.TextFormat.PlainText)
        intro.setWordWrap(True)
        layout.addWidget(intro)

        form = QFormLayout()
        for column in unmatched:
            combo = QComboBox()
            combo.setObjectName(f"map:{column}")
            combo.setAccessibleName(f"Field for column {column}")
            combo.addItem("Ignore this column", "")
            for name in CSV_FIELDS:
                if name in ("id", "created_at", "updated_at"):
                    continue
                combo.addItem(field_label(name), name)
            combo.currentIndexChanged.connect(self._update)
            self._combos[column] = combo
            label = QLabel(column)
            label.setTextFormat(Qt.TextFormat.PlainText)
            form.addRow(label, combo)
        layout.addLayout(form)

        self.table = QTableWidget(len(rows), len(header))
        self.table.setObjectName("csvPreview")
        self.table.setAccessibleName("First rows of the file")
        self.table.setHorizontalHeaderLabels(header)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        for r, cells in enumerate(rows):
            for c, cell in enumerate(cells[: len(header)]):
                self.table.setItem(r, c, QTableWidgetItem(cell.replace("\n", " ⏎ ")))
        self.table.resizeColumnsToContents()
        layout.addWidget(QLabel("First rows:"))
        layout.addWidget(self.table, 1)

        self.hint = QLabel()
        self.hint.setObjectName("mappingHint")
        self.hint.setStyleSheet("color: #b71c1c;")
        layout.addWidget(self.hint)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("&Import")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.resize(720, 480)
        self._update()

    def set_field(self, column: str, field: str) -> None:
        """Choose ``field`` ("" to ignore) for ``column``, as the user would."""
        combo = self._combos[column]
        combo.setCurrentIndex(combo.findData(field))

    def combo(self, column: str) -> QComboBox:
        return self._combos[column]

    def mapping(self) -> dict[str, str]:
        """{column: field} for every unmatched column; "" means ignore it."""
        return {column: combo.currentData() or "" for column, combo in self._combos.items()}

    def has_name(self) -> bool:
        mapped = set(self.mapping().values())
        known = {field_for_header(h) for h in self._header if h not in self._combos}
        return "name" in mapped or "name" in known

    def _update(self, *_args) -> None:
        # Each column's header says where it goes: "Job title → Role", "Notes → (ignored)".
        mapping = self.mapping()
        for c, title in enumerate(self._header):
            target = mapping[title] if title in mapping else field_for_header(title)
            where = field_label(target) if target else "(ignored)"
            self.table.setHorizontalHeaderItem(c, QTableWidgetItem(f"{title}\n→ {where}"))
        ok = self.has_name()
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)
        self.hint.setText("" if ok else "No column holds the persona's name: map one to “Name”.")


def _decode_csv(parent: QWidget | None, path: Path) -> str | None:
    """The file as text: UTF-8, or the encoding the user picks when it is not."""
    data = read_bytes(path)
    try:
        return decode_text(data, str(path))
    except InterchangeError as first:
        labels = [label for label, _ in ENCODINGS]
        choice = ask_item(parent, "Import CSV", f"{first}\n\nRead the file as:", labels)
        if choice is None:
            return None
        return decode_text(data, str(path), dict(ENCODINGS)[choice])


def read_csv_interactive(parent: QWidget | None, path: Path) -> csv_io.CsvImportResult | None:
    """Parse a CSV, asking the user to map unmatched columns; None if they cancel."""
    text = _decode_csv(parent, path)
    if text is None:
        return None
    rows = [cells for _line, cells in csv_io.csv_rows(text, str(path))]  # the importer's own parsing (public)
    if not rows:
        raise InterchangeError(f"{path}: the file is empty; the first row must name the columns.")
    header = rows[0]
    unmatched = [h for h in header if header_key(h) and field_for_header(h) is None]
    mapping: dict[str, str] = {}
    if unmatched:
        dialog = CsvMappingDialog(header, rows[1 : 1 + PREVIEW_ROWS], unmatched, str(path), parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        mapping = dialog.mapping()
    return csv_io.loads_csv(text, source=str(path), mapping=mapping)


def read_file(parent: QWidget | None, path: Path) -> ImportResult | None:
    suffix = path.suffix.lower()
    if suffix == ".json":
        return read_json(path)
    if suffix in (".csv", ".tsv", ".txt"):
        return read_csv_interactive(parent, path)
    raise UserError(f"{path.name} is not a JSON or CSV file; export personas as .json or .csv first.")


def import_files(parent: QWidget | None, library, paths: list[str]) -> int:
    """Import every file, all or nothing; returns how many personas were stored (0 on error/cancel)."""
    personas, warnings = [], []
    try:
        for name in paths:
            result = read_file(parent, Path(name))
            if result is None:
                return 0
            personas.extend(result.personas)
            warnings.extend(result.warnings)
        if not personas:
            show_message(parent, "Import", "The files hold no personas; nothing was imported.", warning=False)
            return 0
        library.add_many(personas)
    except UserError as exc:
        show_message(parent, "Import failed", f"{exc}\n\nNothing was imported.")
        return 0
    if warnings:
        shown = "\n".join(f"• {w}" for w in warnings[:10])
        more = f"\n… and {len(warnings) - 10} more" if len(warnings) > 10 else ""
        show_message(
            parent,
            "Import",
            f"Imported {len(personas)} persona{'s' if len(personas) != 1 else ''}. Please note:\n{shown}{more}",
            warning=False,
        )
    return len(personas)


def choose_and_import(parent: QWidget | None, library) -> int:
    """File > Import…: pick files, then import them."""
    paths, _ = QFileDialog.getOpenFileNames(parent, "Import personas", str(Path.home()), FILE_FILTER)
    if not paths:
        return 0
    return import_files(parent, library, paths)
