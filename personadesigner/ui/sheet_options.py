"""How cards go on paper, as widgets: shared by the export dialog and the print options.

Paper (card size or a sheet), cards per sheet, bleed, crop marks and poster
tiling: the same choices with the same words in both dialogs, read back as
the ``ExportOptions`` fields the page plan (render.page_plan) follows, so a
print and a PDF export with the same choices are the same pages. The export
dialog adds the colour row (RGB, CMYK or PDF/X-4 for a press); printing does not.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QWidget

from personadesigner.core.units import PAGE_SIZES, Length
from personadesigner.errors import UserError
from personadesigner.ui.backs_options import BacksOptions

SHEET_SIZES = ("A4", "Letter", "A3", "A2", "A5", "Legal", "Tabloid")
PER_PAGE_CHOICES = ("auto", 1, 2, 4, 8, 10)
#: The colour row: (label, key); "pdfx" is CMYK written as PDF/X-4.
COLOR_CHOICES = (
    ("RGB (screens and office printers)", "rgb"),
    ("CMYK for a press", "cmyk"),
    ("PDF/X-4 for a press (CMYK)", "pdfx"),
)


def is_poster(template: str | None) -> bool:
    """Tiling makes sense for templates larger than a desktop printer's sheet."""
    if not template:
        return False
    from personadesigner.core.templates import load_template

    try:
        t = load_template(template)
    except UserError:
        return False
    a4w, a4h = PAGE_SIZES["A4"]
    return max(t.width, t.height) > a4h.pt + 1 or min(t.width, t.height) > a4w.pt + 1


def every_option(_option: str) -> bool:
    """The PDF's and printing's answer: every paper option applies."""
    return True


def _combo(name: str, accessible: str) -> QComboBox:
    combo = QComboBox()
    combo.setObjectName(name)
    combo.setAccessibleName(accessible)
    return combo


def _buddy(text: str, widget: QWidget) -> QLabel:
    label = QLabel(text)
    label.setBuddy(widget)
    return label


class SheetOptions:
    """The paper widgets of a dialog; ``add_rows`` and ``add_tile_row`` put them in its form."""

    def __init__(self) -> None:
        #: What the chosen format honours (an ExportFormat's ``honours``), set by ``sync``.
        self._honours: Callable[[str], bool] = every_option
        self.page_combo = _combo("pageSizeCombo", "Page size")
        self.page_combo.addItem("Card size (one card per page)", None)
        for name in SHEET_SIZES:
            self.page_combo.addItem(f"{name} sheet", name)
        self.per_page_combo = _combo("perPageCombo", "Cards per page")
        for value in PER_PAGE_CHOICES:
            self.per_page_combo.addItem("As many as fit" if value == "auto" else str(value), value)
        self.bleed_combo = _combo("bleedCombo", "Bleed")
        self.bleed_combo.addItem("Off", "off")
        self.bleed_combo.addItem("3 mm", "3mm")
        self.bleed_combo.addItem("Custom", "custom")
        self.bleed_edit = QLineEdit("3mm")
        self.bleed_edit.setObjectName("bleedEdit")
        self.bleed_edit.setAccessibleName("Custom bleed")
        self.bleed_edit.setToolTip("A length such as 3mm, 0.125in or 9pt")
        self.bleed_edit.setMaximumWidth(90)
        self.marks_check = QCheckBox("Crop marks (where to cut)")
        self.marks_check.setObjectName("cropMarksCheck")
        self.tile_combo = _combo("tileCombo", "Tiling")
        self.tile_combo.addItem("Off", None)
        self.tile_combo.addItem("Tile on A4 sheets", "A4")
        self.tile_combo.addItem("Tile on Letter sheets", "Letter")
        self.tile_combo.setToolTip("Print a poster on several office sheets to tape together")
        self.color_combo = _combo("colorCombo", "Colour")
        for label, key in COLOR_CHOICES:
            self.color_combo.addItem(label, key)
        self.color_combo.setToolTip(
            "CMYK: colours and photos through a coated-offset press profile; black text on black ink only"
        )
        self._color_row = False
        #: "Print backs" and the duplex edge (ui.backs_options).
        self.backs = BacksOptions()

    def add_rows(self, form: QFormLayout) -> None:
        """Paper, cards per sheet, bleed and crop marks, in this order."""
        form.addRow("Page si&ze:", self.page_combo)
        form.addRow("Cards per pa&ge:", self.per_page_combo)
        bleed_row = QHBoxLayout()
        bleed_row.addWidget(self.bleed_combo, 1)  # as wide as the other controls
        bleed_row.addWidget(self.bleed_edit)
        form.addRow(_buddy("&Bleed:", self.bleed_combo), bleed_row)
        form.addRow("", self.marks_check)
        self.backs.add_rows(form)

    def add_tile_row(self, form: QFormLayout) -> None:
        form.addRow("T&iling:", self.tile_combo)

    def add_color_row(self, form: QFormLayout) -> None:
        """The colour choice (exports only: a printer is driven in RGB)."""
        form.addRow("Co&lour:", self.color_combo)
        self._color_row = True

    def on_change(self, slot: Callable[..., Any]) -> None:
        """Call ``slot`` whenever any choice changes."""
        # (not the colour: it changes no page of the plan, and the preview is drawn on screen in RGB)
        for combo in (self.page_combo, self.per_page_combo, self.bleed_combo, self.tile_combo):
            combo.currentIndexChanged.connect(slot)
        self.marks_check.toggled.connect(slot)
        self.bleed_edit.textChanged.connect(slot)
        self.backs.on_change(slot)

    def sync(self, poster: bool, honours: Callable[[str], bool] = every_option) -> None:
        """Enable what applies: what the format honours (render.formats), cards per sheet on a
        sheet (not tiles), the custom bleed, tiling for posters."""
        self._honours = honours
        tiling = poster and honours("tile_to") and self.tile_combo.currentData() is not None
        self.page_combo.setEnabled(honours("page_size"))
        self.per_page_combo.setEnabled(
            honours("per_page") and honours("page_size") and self.page_combo.currentData() is not None and not tiling
        )
        self.bleed_combo.setEnabled(honours("bleed"))
        self.bleed_edit.setEnabled(honours("bleed"))
        self.bleed_edit.setVisible(self.bleed_combo.currentData() == "custom")
        self.marks_check.setEnabled(honours("crop_marks"))
        self.tile_combo.setEnabled(poster and honours("tile_to"))
        self.color_combo.setEnabled(honours("color"))
        if not poster:
            self.tile_combo.setCurrentIndex(0)
        nup = honours("page_size") and self.page_combo.currentData() is not None and not tiling
        self.backs.sync(honours, nup)

    def values(self) -> dict[str, Any]:
        """The ExportOptions fields these widgets describe (an option the format does not
        honour keeps its default); UserError for a bad custom bleed."""
        honours = self._honours
        choice = self.bleed_combo.currentData() if honours("bleed") else "off"
        bleed = None
        if choice == "3mm":
            bleed = Length.mm(3)
        elif choice == "custom":
            bleed = Length.parse(self.bleed_edit.text(), default_unit="mm")
        tile = self.tile_combo.currentData() if self.tile_combo.isEnabled() else None
        page = self.page_combo.currentData() if honours("page_size") else None  # a tiled poster's own size (A3..A0)
        press = {}
        if self._color_row and honours("color"):
            choice = self.color_combo.currentData()
            press = {"color": "rgb" if choice == "rgb" else "cmyk", "pdfx": choice == "pdfx"}
        return {
            **press,
            "page_size": page,
            "per_page": self.per_page_combo.currentData() if page and not tile and honours("per_page") else None,
            "bleed": bleed,
            "crop_marks": self.marks_check.isChecked() and honours("crop_marks"),
            "tile_to": tile,
            **self.backs.values(),
        }

    def choose(
        self,
        *,
        page: str | None = None,
        per_page=None,
        bleed: str | None = None,
        crop_marks: bool = False,
        tile: str | None = None,
    ) -> None:
        """Set the choices as a user would pick them."""
        self.page_combo.setCurrentIndex(self.page_combo.findData(page) if page else 0)
        if per_page is not None:
            self.per_page_combo.setCurrentIndex(self.per_page_combo.findData(per_page))
        if bleed in (None, "off", "3mm"):
            self.bleed_combo.setCurrentIndex(self.bleed_combo.findData(bleed or "off"))
        else:
            self.bleed_combo.setCurrentIndex(self.bleed_combo.findData("custom"))
            self.bleed_edit.setText(bleed)
        self.marks_check.setChecked(crop_marks)
        if tile:
            self.tile_combo.setCurrentIndex(self.tile_combo.findData(tile))
