"""File › Export deck…: the whole set as a client deck (PDF or PowerPoint) with chosen pages.

A checklist of the deck's pages (cover, overview, comparison grid, committee
map, persona pages, sources), its title and subtitle, PDF or PPTX and the slide
shape; clicking a page shows it in the preview (drawn by the PNG painter from the
same CardLayout the export writes). The export itself is render.export's, the
command line's ``export --all --deck``.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
)

from personadesigner.deck.spec import PAGE_KINDS, PAGE_LABELS, DeckSpec
from personadesigner.errors import UserError

PREVIEW_DPI = 40


class DeckDialog(QDialog):
    def __init__(self, library, parent=None) -> None:  # noqa: ANN001 - a storage Library
        super().__init__(parent)
        self.setWindowTitle("Export deck")
        self.library = library
        self.personas = list(library.iter_personas()) if library is not None else []
        self.written: Path | None = None
        self.title = QLineEdit("Our personas")
        self.subtitle = QLineEdit()
        self.format = QComboBox()
        self.format.addItem("PowerPoint (editable slides)", "pptx")
        self.format.addItem("PDF", "pdf")
        self.aspect = QComboBox()
        self.aspect.addItems(["16:9", "4:3"])
        form = QFormLayout()
        form.addRow("Title", self.title)
        form.addRow("Subtitle", self.subtitle)
        form.addRow("Format", self.format)
        form.addRow("Slides", self.aspect)
        self.pages = QListWidget()
        for kind in PAGE_KINDS:
            item = QListWidgetItem(PAGE_LABELS[kind])
            item.setData(Qt.ItemDataRole.UserRole, kind)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.pages.addItem(item)
        self.pages.currentItemChanged.connect(lambda *_: self.show_preview())
        self.aspect.currentIndexChanged.connect(lambda *_: self.show_preview())
        self.title.editingFinished.connect(self.show_preview)
        self.preview = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        self.preview.setMinimumSize(400, 230)
        left = QVBoxLayout()
        left.addLayout(form)
        left.addWidget(QLabel(f"Pages ({len(self.personas)} personas)"))
        left.addWidget(self.pages)
        row = QHBoxLayout()
        row.addLayout(left)
        row.addWidget(self.preview, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.export_button = buttons.addButton("Export…", QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.setEnabled(bool(self.personas))
        buttons.accepted.connect(self.choose_and_export)
        buttons.rejected.connect(self.reject)
        outer = QVBoxLayout(self)
        outer.addLayout(row)
        outer.addWidget(buttons)
        self.pages.setCurrentRow(0)

    # ----------------------------------------------------------------- what is asked
    def chosen_pages(self) -> tuple[str, ...]:
        items = (self.pages.item(i) for i in range(self.pages.count()))
        return tuple(it.data(Qt.ItemDataRole.UserRole) for it in items if it.checkState() == Qt.CheckState.Checked)

    def spec(self, pages: tuple[str, ...] | None = None) -> DeckSpec:
        return DeckSpec(
            title=self.title.text().strip() or "Our personas",
            subtitle=self.subtitle.text().strip(),
            pages=self.chosen_pages() if pages is None else pages,
            aspect=self.aspect.currentText(),
        )

    def options(self):
        from personadesigner.core.export_options import ExportOptions

        return ExportOptions(
            format=self.format.currentData(), template="slide", deck=self.spec(), aspect=self.aspect.currentText()
        )

    # ----------------------------------------------------------------- preview
    def preview_layout(self):
        """The first page of the selected kind, laid out as the export lays it out."""
        item = self.pages.currentItem()
        if item is None or not self.personas:
            return None
        kind = item.data(Qt.ItemDataRole.UserRole)
        from personadesigner.deck.pages import build_deck
        from personadesigner.render.page_plan import lay_out_for_export

        cards = [lay_out_for_export(self.personas[0], self.options())] if kind == "personas" else []
        pages = build_deck(self.personas, cards, self.spec((kind,)))
        return pages[0] if pages else None

    def show_preview(self) -> None:
        from personadesigner.render.png import render_png

        layout = self.preview_layout()
        if layout is None:
            self.preview.clear()
            return
        image = render_png(layout, dpi=PREVIEW_DPI * self.devicePixelRatioF())
        pixmap = QPixmap.fromImage(image)
        pixmap.setDevicePixelRatio(self.devicePixelRatioF())
        self.preview.setPixmap(pixmap)

    # ----------------------------------------------------------------- export
    def choose_and_export(self) -> None:
        fmt = self.format.currentData()
        path, _ = QFileDialog.getSaveFileName(
            self, "Export deck", f"personas-deck.{fmt}", "PowerPoint (*.pptx)" if fmt == "pptx" else "PDF (*.pdf)"
        )
        if path and self.export_to(Path(path)):
            self.accept()

    def export_to(self, out: Path) -> bool:
        """Write the deck to ``out``; a problem is one sentence in a dialog."""
        from personadesigner.related_names import related_names
        from personadesigner.render.export import export_personas
        from personadesigner.ui.errors import show_user_error

        if not self.chosen_pages():
            show_user_error(self, UserError("Choose at least one page for the deck."))
            return False
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            export_personas(self.personas, out, self.options(), names=related_names(self.library, self.personas))
        except UserError as exc:
            QApplication.restoreOverrideCursor()
            show_user_error(self, exc)
            return False
        QApplication.restoreOverrideCursor()
        self.written = out
        return True


def open_dialog(window) -> None:  # noqa: ANN001 - the MainWindow
    if window.library is None:
        return
    dialog = DeckDialog(window.library, window)
    if dialog.exec() and dialog.written is not None:
        window.statusBar().showMessage(f"Deck exported to {dialog.written}", 6000)
    dialog.deleteLater()


def add_to_menu(window, menu) -> None:  # noqa: ANN001 - the MainWindow and its File menu
    """File › Export deck… (placed after Export…)."""
    from personadesigner.ui.window_actions import make_action

    window.export_deck_action = make_action(
        window, "Export &deck…", lambda: open_dialog(window), tip="The whole set as a client deck: PowerPoint or PDF"
    )
    menu.insertAction(window.print_action, window.export_deck_action)


__all__ = ["DeckDialog", "add_to_menu", "open_dialog"]
