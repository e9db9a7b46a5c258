"""The export format as widgets: the card formats of the registry, and the resolution.

The list is the registry's (render.formats.card_formats), so a new card format
appears in the export dialog without a change here; ``honours`` tells the
dialog which options apply to the chosen format (the others are disabled).
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QSpinBox

from personadesigner.render import formats
from personadesigner.render.formats import ExportFormat


class FormatOptions:
    """``combo`` (one item per card format, its key as data) and ``dpi_spin``."""

    def __init__(self, default: str) -> None:
        self.combo = QComboBox()
        self.combo.setObjectName("formatCombo")
        self.combo.setAccessibleName("Format")
        for fmt in formats.card_formats():
            self.combo.addItem(fmt.label, fmt.key)
        self.combo.setCurrentIndex(max(0, self.combo.findData(default)))
        self.dpi_spin = QSpinBox()
        self.dpi_spin.setObjectName("dpiSpin")
        self.dpi_spin.setAccessibleName("Resolution in dots per inch")
        self.dpi_spin.setRange(72, 1200)
        self.dpi_spin.setSingleStep(50)
        self.dpi_spin.setValue(300)
        self.dpi_spin.setSuffix(" dpi")

    def add_format_row(self, form: QFormLayout) -> None:
        form.addRow("&Format:", self.combo)

    def add_dpi_row(self, form: QFormLayout) -> None:
        form.addRow("&Resolution:", self.dpi_spin)

    def current(self) -> ExportFormat:
        return formats.get(self.combo.currentData())

    def sync(self) -> None:
        self.dpi_spin.setEnabled(self.current().honours("dpi"))
