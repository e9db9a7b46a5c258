"""Undo steps of the template designer: one QUndoCommand per change of the template being designed.

An edit (core.template_edit) returns a new dict and never changes the old one,
so a step only keeps both: undo puts the template back exactly as it was, redo
puts the edit back. The steps go on the designer's stack, weighed by the window's
history (ui/history.py), so Ctrl+Z undoes a template change or a persona edit,
whichever came last; they are dropped when the design is left.
"""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

Selection = tuple[int, int] | tuple[int, None] | None


class TemplateEditCommand(QUndoCommand):
    """Swap the designer's template between ``before`` and ``after`` (with the selection of each)."""

    def __init__(
        self,
        designer,
        before: dict,
        after: dict,
        text: str,
        selected_before: Selection = None,
        selected_after: Selection = None,
    ) -> None:
        super().__init__(text)
        self.designer = designer
        #: The designing session the step belongs to: after another template was opened it does nothing.
        self.session = designer.session
        self.before, self.after = before, after
        self.selected_before, self.selected_after = selected_before, selected_after

    def redo(self) -> None:
        self.designer.apply(self.after, self.selected_after, self.session)

    def undo(self) -> None:
        self.designer.apply(self.before, self.selected_before, self.session)
