"""The few print-shop choices asked before printing: sheet, cards per sheet, bleed, marks, tiles.

Printing follows the PDF export's page plan (render.page_plan), so these are
the export dialog's own paper widgets (ui.sheet_options: same choices, same
words) and produce the same ``ExportOptions``; what prints is the page the PDF
export would write.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from personadesigner.core.export_options import ExportOptions
from personadesigner.core.persona import Persona
from personadesigner.errors import UserError
from personadesigner.ui.sheet_options import SheetOptions, is_poster


class PrintOptionsDialog(QDialog):
    """Choose how the cards go on paper; ``options()`` is what print and the PDF export share."""

    def __init__(
        self,
        first: Persona,
        total: int,
        *,
        template: str | None = None,
        theme: str | None = None,
        names: dict[str, str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("printOptionsDialog")
        self.setWindowTitle("Print persona cards")
        self.setMinimumWidth(400)
        self._first = first
        self._total = total
        self._template, self._theme, self._names = template, theme, names
        form = QFormLayout()
        self.sheet = SheetOptions()  # the export dialog's paper widgets, the same words
        self.sheet.add_rows(form)
        self.sheet.add_tile_row(form)
        self._poster = is_poster(template or first.card.template)
        self.page_combo, self.per_page_combo = self.sheet.page_combo, self.sheet.per_page_combo
        self.bleed_combo, self.marks_check, self.tile_combo = (
            self.sheet.bleed_combo,
            self.sheet.marks_check,
            self.sheet.tile_combo,
        )

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
        self.sheet.on_change(self._changed)
        self._changed()

    def options(self) -> ExportOptions:
        """The choices as the PDF export's options (format pdf: printing is the PDF's twin);
        UserError for a bad custom bleed."""
        return ExportOptions(format="pdf", template=self._template, theme=self._theme, **self.sheet.values())

    def _changed(self, *_args) -> None:
        """Say how many pages these choices print, or why they cannot be printed."""
        from personadesigner.render.page_plan import lay_out_for_export, page_count

        self.sheet.sync(self._poster)
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

    def choose(
        self,
        *,
        page: str | None = None,
        per_page=None,
        bleed: bool | str = False,
        crop_marks: bool = False,
        tile: str | None = None,
    ) -> None:
        """Set the choices as a user would pick them (``bleed``: True for 3 mm, or a length)."""
        self.sheet.choose(
            page=page,
            per_page=per_page,
            bleed="3mm" if bleed is True else (bleed or None),
            crop_marks=crop_marks,
            tile=tile,
        )
