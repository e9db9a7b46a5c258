"""Which personas an export takes: the scopes the main window offers, with their counts.

The export dialog's first choice. The whole personas its preview and options
look at are read once per scope here (not on every option change or keystroke).
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox

from personadesigner.errors import UserError

SCOPE_LABELS = {
    "current": "Current persona",
    "selected": "Selected personas",
    "filtered": "Personas in the filtered list",
    "all": "All personas in the library",
}


class ScopeChoice:
    """A combo of the scopes (``current``, ``selected``, ``filtered``, ``all``) -> persona ids;
    empty scopes are shown but disabled, and the first one with personas is chosen."""

    def __init__(self, library, scopes: dict[str, list[str]]) -> None:
        self._library = library
        self._scopes = {k: list(v) for k, v in scopes.items()}
        self._personas: dict[str, object] = {}
        self.combo = QComboBox()
        self.combo.setObjectName("scopeCombo")
        self.combo.setAccessibleName("Which personas")
        for key, label in SCOPE_LABELS.items():
            if key not in self._scopes:
                continue
            n = len(self._scopes[key])
            self.combo.addItem(f"{label} ({n})", key)
            if n == 0:
                self.combo.model().item(self.combo.count() - 1).setEnabled(False)
        for i in range(self.combo.count()):  # first scope that has personas
            if self._scopes[self.combo.itemData(i)]:
                self.combo.setCurrentIndex(i)
                break

    def key(self) -> str:
        return self.combo.currentData() or ""

    def set_key(self, key: str) -> None:
        self.combo.setCurrentIndex(self.combo.findData(key))

    def ids(self) -> list[str]:
        return list(self._scopes.get(self.key(), []))

    def personas(self, ids: list[str]) -> list:
        """The personas of ``ids`` that still exist, each read from the library once."""
        out = []
        for pid in ids:
            if pid not in self._personas:
                try:
                    self._personas[pid] = self._library.get(pid)
                except UserError:  # deleted meanwhile: nothing to show or offer
                    self._personas[pid] = None
            if self._personas[pid] is not None:
                out.append(self._personas[pid])
        return out

    def first_templates(self) -> set[str]:
        """The template of the scope's first persona (what "each persona's own" shows)."""
        return {p.card.template for p in self.personas(self.ids()[:1])}
