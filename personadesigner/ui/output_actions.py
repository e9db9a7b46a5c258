"""What leaves the app: File > Export…, File > Print…, Edit > Copy card image.

Each works on the personas CurrentPersona names (the one on screen, with the
rows selected along with it) or on the lists the export dialog offers; the
export dialog, the print support and the clipboard do the work, and the
result is told in the status bar (ui/export_feedback.py after an export).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject


class OutputActions(QObject):
    """Export, print and copy the card image for the window."""

    def __init__(self, window, current, canvas, library: Callable[[], object], settings) -> None:
        super().__init__(window)
        self.window = window  # the dialogs' parent and its status bar
        self.current = current
        self.canvas = canvas
        self.library = library  # the open library changes with File > Open
        self.settings = settings

    def export_scopes(self) -> dict[str, list[str]]:
        """The persona ids of each choice the export dialog offers."""
        shown = self.current.id()
        model = self.current.sidebar.model
        return {
            "current": [shown] if shown is not None else [],
            "selected": self.current.targets(),
            "all": [s.id for s in model.all_summaries()],  # already loaded, in name order
            "filtered": model.ids(),
        }

    def export(self) -> None:
        """File > Export…: the export dialog; a finished export leaves a note with Open / Show in folder."""
        from personadesigner.ui.export_dialog import ExportDialog
        from personadesigner.ui.export_feedback import show_export_result

        window = self.window
        dialog = ExportDialog(self.library(), self.export_scopes(), window, settings=self.settings)
        dialog.exportFinished.connect(
            lambda report: show_export_result(window.statusBar(), report, dialog.exported_count)
        )
        dialog.exec()
        dialog.deleteLater()

    def print_cards(self) -> None:
        """File > Print…: the persona on screen (its design) or the selected ones (each its own)."""
        from personadesigner.related_names import related_names
        from personadesigner.ui.print_support import print_personas

        ids = self.current.targets()
        if not ids:
            return
        library = self.library()
        personas = list(library.iter_personas(ids))
        template, theme = self.canvas.design()
        one = len(personas) == 1
        names = related_names(library, personas)
        print_personas(self.window, personas, template if one else None, theme if one else None, names)

    def copy_card_image(self) -> None:
        """Edit > Copy card image: the card as shown, as an image on the clipboard."""
        from personadesigner.ui.clipboard import copy_card_image

        if copy_card_image(self.canvas.current_layout()) is not None:
            self.window.statusBar().showMessage("Card image copied.", 4000)
