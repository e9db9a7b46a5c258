"""Save conflicts in the window: the banner on the form and the way to settle them.

The Document detects a conflict when it saves (after the undo step, never
inside it) and reports it on ``conflictChanged``; this controller shows the
ConflictBanner, opens the field-by-field ConflictDialog from its "Resolve…"
button (window-modal but not blocking: ``open``, no nested event loop) and
hands the answer back to ``Document.resolve``. Cancelling the dialog leaves
the banner, and the unsaved edits, as they were.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt

from personadesigner.ui.conflict_banner import ConflictBanner, attach_above
from personadesigner.ui.conflict_dialog import ConflictDialog
from personadesigner.ui.document import DISCARD_MINE, KEEP_MINE, TAKE_THEIRS


class ConflictController(QObject):
    """Shows the current persona's save conflict over ``form`` and resolves it."""

    def __init__(self, document, form, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.form = form
        self.banner = ConflictBanner(form)
        attach_above(form, self.banner)
        #: The open ConflictDialog, while the user decides.
        self.dialog: ConflictDialog | None = None
        self.banner.resolveClicked.connect(self.open_dialog)
        self.banner.keepClicked.connect(lambda: document.resolve(KEEP_MINE))
        self.banner.discardClicked.connect(lambda: document.resolve(DISCARD_MINE))
        document.conflictChanged.connect(self._conflict_changed)
        self.banner.set_conflict(document.conflict)

    def _conflict_changed(self, conflict) -> None:
        self.banner.set_conflict(conflict)
        if conflict is None and self.dialog is not None:
            self.dialog.reject()  # settled another way (another persona, a reload): nothing to ask

    def open_dialog(self) -> ConflictDialog | None:
        """ "Resolve…": both versions side by side; keep mine, take theirs or merge."""
        conflict = self.document.conflict
        if conflict is None or conflict.theirs is None or self.dialog is not None:
            return self.dialog
        dialog = ConflictDialog(conflict.mine.copy(), conflict.theirs, self.form.window())
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.finished.connect(lambda _result: self._answered(dialog, conflict))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _answered(self, dialog: ConflictDialog, conflict) -> None:
        self.dialog = None
        dialog.deleteLater()
        if dialog.decision is None or self.document.conflict is not conflict:
            return  # cancelled (the banner stays), or no longer this conflict
        if dialog.decision == "mine":
            self.document.resolve(KEEP_MINE)
        elif dialog.decision == "theirs":
            self.document.resolve(TAKE_THEIRS)
        else:
            self.document.resolve(dialog.result_persona())
