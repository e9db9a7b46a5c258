"""The few print-shop choices asked before printing: sheet, cards per sheet, bleed, marks, tiles.

Printing follows the PDF export's page plan (render.page_plan), so these are
the export dialog's sheet options (same choices, same words) and produce the
same ``ExportOptions``; what prints is the page the PDF export would write.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from personadesigner.core.export_options import ExportOptions
from personadesigner.core.persona import Persona
from personadesigner.core.units import Length
from personadesigner.errors import UserError
from personadesigner.ui.export_dialog import PER_PAGE_CHOICES, SHEET_SIZES, _is_poster


class PrintOptionsDialog(QDialog):
    """Choose how the cards go on paper; ``options()`` is what print and the PDF export share."""

    def __init__(self, first: Persona, total: int, *, template: str | None = None, theme: str | None = None,
                 names: dict[str, str] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("printOptionsDialog")
        self.setWindowTitle("Print persona cards")
        self._first = first
        self._total = total
        self._template, self._theme, self._names = template, theme, names
        form = QFormLayout()

        self.page_combo = self._combo("printPageCombo", "Paper")
        self.page_combo.addItem("Card size (one card per page)", None)
        for name in SHEET_SIZES:
            self.page_combo.addItem(f"{name} sheet", name)
        form.addRow("&Paper:", self.page_combo)

        self.per_page_combo = self._combo("printPerPageCombo", "Cards per sheet")
        for value in PER_PAGE_CHOICES:
            self.per_page_combo.addItem("As many as fit" if value == "auto" else str(value), value)
        form.addRow("Cards per &sheet:", self.per_page_combo)

        self.bleed_combo = self._combo("printBleedCombo", "Bleed")
        self.bleed_combo.addItem("Off", None)
        self.bleed_combo.addItem("3 mm", "3mm")
        form.addRow("&Bleed:", self.bleed_combo)

        self.marks_check = QCheckBox("Crop marks (where to cut)")
        self.marks_check.setObjectName("printCropMarksCheck")
        form.addRow("", self.marks_check)

        self.tile_combo = self._combo("printTileCombo", "Tiling")
        self.tile_combo.addItem("Off", None)
        self.tile_combo.addItem("Tile on A4 sheets", "A4")
        self.tile_combo.addItem("Tile on Letter sheets", "Letter")
        self.tile_combo.setToolTip("Print a poster on several office sheets to tape together")
        self.tile_combo.setEnabled(_is_poster(template or first.card.template))
        form.addRow("&Tiling:", self.tile_combo)

        self.summary = QLabel()
        self.summary.setObjectName("printSummary")
        self.summary.setWordWrap(True)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.print_button = self.buttons.addButton("&Print…", QDialogButtonBox.ButtonRole.AcceptRole)
        self.print_button.setObjectName("printButton")
        self.print_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        outer = QVBoxLayout(self)
        outer.addLayout(form)
        outer.addWidget(self.summary)
        outer.addWidget(self.buttons)
        for combo in (self.page_combo, self.per_page_combo, self.bleed_combo, self.tile_combo):
            combo.currentIndexChanged.connect(self._changed)
        self.marks_check.toggled.connect(self._changed)
        self._changed()

    def _combo(self, name: str, accessible: str) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.setAccessibleName(accessible)
        return combo

    def options(self) -> ExportOptions:
        """The choices as the PDF export's options (format pdf: printing is the PDF's twin)."""
        page = self.page_combo.currentData()
        tile = self.tile_combo.currentData() if self.tile_combo.isEnabled() else None
        return ExportOptions(
            format="pdf",
            template=self._template,
            theme=self._theme,
            page_size=page,
            per_page=self.per_page_combo.currentData() if page and not tile else None,
            bleed=Length.mm(3) if self.bleed_combo.currentData() else None,
            crop_marks=self.marks_check.isChecked(),
            tile_to=tile,
        )

    def _changed(self, *_args) -> None:
        """Say how many pages these choices print, or why they cannot be printed."""
        from personadesigner.render.page_plan import lay_out_for_export, page_count

        tile = self.tile_combo.isEnabled() and self.tile_combo.currentData() is not None
        self.page_combo.setEnabled(not tile)
        self.per_page_combo.setEnabled(self.page_combo.currentData() is not None and not tile)
        try:
            options = self.options()
            pages = page_count(lay_out_for_export(self._first, options, self._names), options, self._total)
        except UserError as exc:
            self.summary.setText(str(exc))
            self.print_button.setEnabled(False)
            return
        cards = f"{self._total} card{'' if self._total == 1 else 's'}"
        self.summary.setText(f"{cards} on {pages} page{'' if pages == 1 else 's'}.")
        self.print_button.setEnabled(True)

    def choose(self, *, page: str | None = None, per_page=None, bleed: bool = False, crop_marks: bool = False,
               tile: str | None = None) -> None:
        """Set the choices as a user would pick them (tests, remembered choices)."""
        self.page_combo.setCurrentIndex(self.page_combo.findData(page) if page else 0)
        if per_page is not None:
            self.per_page_combo.setCurrentIndex(self.per_page_combo.findData(per_page))
        self.bleed_combo.setCurrentIndex(1 if bleed else 0)
        self.marks_check.setChecked(crop_marks)
        if tile:
            self.tile_combo.setCurrentIndex(self.tile_combo.findData(tile))
