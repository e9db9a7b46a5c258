"""The card area bound to the Document both ways, and the card and the form kept in step.

Document -> card: every change of the persona is mirrored on the design bar
and the canvas (with the names of its related personas, cached, since a card
repaints on every keystroke). Card -> Document: text edited on the card and a
template or theme picked on the design bar become undo steps like any form
edit. Card <-> form: a click on a card field focuses its editor in the form,
and the field being edited in the form is framed on the card.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication

from personadesigner.errors import UserError

if TYPE_CHECKING:
    from personadesigner.core.persona import Persona


class RelatedNames:
    """id -> name of the personas a card links to, read from the library once each."""

    def __init__(self, library: Callable[[], object]) -> None:
        self.library = library
        self._names: dict[str, str] = {}

    def clear(self) -> None:
        """The library changed (elsewhere, or another one is open): read names again."""
        self._names.clear()

    def for_persona(self, persona: Persona | None) -> dict[str, str] | None:
        if persona is None or not persona.related:
            return None
        out = {}
        for r in persona.related:
            if r.persona not in self._names:
                try:
                    self._names[r.persona] = self.library().get(r.persona).name
                except UserError:
                    self._names[r.persona] = r.persona  # an unresolved name shows as given
            out[r.persona] = self._names[r.persona]
        return out

    def saved(self, persona: Persona) -> bool:
        """Note a saved persona's name; True when it was renamed."""
        renamed = self._names.get(persona.id, persona.name) != persona.name
        self._names[persona.id] = persona.name
        return renamed


class CardBinding(QObject):
    """Mirrors the Document on the design bar and canvas; the card's edits become undo steps."""

    def __init__(
        self,
        document,
        design_bar,
        canvas,
        form,
        sidebar_model,
        library: Callable[[], object],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.document = document
        self.design_bar = design_bar
        self.canvas = canvas
        self.form = form
        self.sidebar_model = sidebar_model
        self.names = RelatedNames(library)
        document.personaChanged.connect(self.mirror)
        document.personaSaved.connect(self.persona_saved)
        canvas.fieldClicked.connect(form.focus_field)
        form.fieldFocused.connect(self.form_focused)
        canvas.fieldEdited.connect(self.canvas_edited)
        design_bar.designChanged.connect(self.design_changed)

    # ------------------------------------------------------------ document -> card
    def mirror(self, persona: Persona | None) -> None:
        if persona is not None:
            self.design_bar.set_design(persona.card.template, persona.card.theme)
        self.canvas.set_persona(persona, self.names.for_persona(persona))

    def persona_saved(self, persona: Persona) -> None:
        """The list row follows a save; a rename makes the related-persona pickers stale."""
        renamed = self.names.saved(persona)
        self.sidebar_model.update_persona(persona)
        if renamed:
            self.form.mark_candidates_stale()  # pickers show the new name when next used

    # ------------------------------------------------------------ card -> document
    def canvas_edited(self, field: str, item, text: str) -> None:
        """Text typed on the card: the same undo step as typing it in the form."""
        from personadesigner.core.persona import LIST_FIELDS, TEXT_FIELDS
        from personadesigner.ui.undo_commands import ListEditCommand, SetFieldCommand

        doc = self.document
        p = doc.persona
        if p is None:
            return
        if field == "name" or field in TEXT_FIELDS:
            doc.push_step(SetFieldCommand, field, getattr(p, field), text)
        elif field in LIST_FIELDS and _in_range(item, getattr(p, field)):
            doc.push_step(ListEditCommand, field, item, text)
        elif field == "custom" and _in_range(item, p.custom):
            records = [type(c)(c.label, c.value) for c in p.custom]
            records[item].value = text
            doc.push_step(SetFieldCommand, "custom", p.custom, records)
        else:
            doc.end_burst()

    def design_changed(self, template: str, theme: str) -> None:
        """A template or theme picked on the design bar: an undo step on the persona's card."""
        from personadesigner.core.persona import CardDesign
        from personadesigner.ui.undo_commands import SetFieldCommand

        doc = self.document
        p = doc.persona
        if p is None:
            self.canvas.set_design(template, theme)
            return
        new = CardDesign(template=template, theme=theme)
        if new != p.card:
            doc.push_step(SetFieldCommand, "card", p.card, new)

    # ------------------------------------------------------------ form <-> card
    def form_focused(self, field: str | None, item) -> None:
        """The card frames the text being edited in the form (kept while editing on the card)."""
        focus = QApplication.focusWidget()
        if field is None and focus is not None and (focus is self.canvas or self.canvas.isAncestorOf(focus)):
            return
        self.canvas.select_field(field, item)


def _in_range(item, values) -> bool:
    return item is not None and 0 <= item < len(values)
