"""Card backs as widgets: "Print backs" and the duplex edge, beside the paper choices.

The same two choices as ``export --backs --duplex long|short`` (core.export_options):
the sheet widgets (ui.sheet_options) own one of these, so the export dialog and the
print options offer them with the same words. The duplex edge applies only to
N-up sheets (single cards print front, back, front, back) and only with backs.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout

#: (label, key) of the duplex edge: which edge the printer turns the sheet over.
DUPLEX_CHOICES = (
    ("Long edge (like a book)", "long"),
    ("Short edge (like a notepad)", "short"),
)


class BacksOptions:
    """The "Print backs" check box and the duplex combo; ``values()`` gives the ExportOptions fields."""

    def __init__(self) -> None:
        self.backs_check = QCheckBox("Print backs (story, evidence, lists continued)")
        self.backs_check.setObjectName("backsCheck")
        self.backs_check.setToolTip(
            "Each card's back after its front; lists the front had to stop continue on the back"
        )
        self.duplex_combo = QComboBox()
        self.duplex_combo.setObjectName("duplexCombo")
        self.duplex_combo.setAccessibleName("Duplex")
        for label, key in DUPLEX_CHOICES:
            self.duplex_combo.addItem(label, key)
        self.duplex_combo.setToolTip("How your printer turns the sheet: each back lands behind its front")
        self._honours: Callable[[str], bool] = lambda _option: True
        self._sheet = False

    def add_rows(self, form: QFormLayout) -> None:
        form.addRow("", self.backs_check)
        form.addRow("&Duplex:", self.duplex_combo)

    def on_change(self, slot: Callable[..., Any]) -> None:
        self.backs_check.toggled.connect(slot)
        self.duplex_combo.currentIndexChanged.connect(slot)

    def sync(self, honours: Callable[[str], bool], sheet: bool) -> None:
        """Enable what applies: backs when the format prints them, the edge for backs on N-up ``sheet``s."""
        self._honours, self._sheet = honours, sheet
        self.backs_check.setEnabled(honours("backs"))
        self.duplex_combo.setEnabled(honours("duplex") and sheet and self.backs_check.isChecked())

    def values(self) -> dict[str, Any]:
        backs = self.backs_check.isChecked() and self._honours("backs")
        duplex = self.duplex_combo.currentData() if backs and self._sheet and self._honours("duplex") else None
        return {"backs": backs, "duplex": duplex}

    def choose(self, *, backs: bool = False, duplex: str | None = None) -> None:
        self.backs_check.setChecked(backs)
        if duplex is not None:
            self.duplex_combo.setCurrentIndex(self.duplex_combo.findData(duplex))
