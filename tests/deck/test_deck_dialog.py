"""File › Export deck…: a checklist of pages, a preview of each, and the deck written as asked."""

from __future__ import annotations

import pytest
from pptx import Presentation
from PySide6.QtCore import Qt

from personadesigner.storage.library import Library

pytestmark = pytest.mark.gui


@pytest.fixture
def dialog(qtbot, sample_library):
    from personadesigner.ui.deck_dialog import DeckDialog

    library = Library.open(str(sample_library))
    dlg = DeckDialog(library)
    qtbot.addWidget(dlg)
    yield dlg
    library.close()


def _check(dialog, kind: str, on: bool) -> None:
    for i in range(dialog.pages.count()):
        item = dialog.pages.item(i)
        if item.data(Qt.ItemDataRole.UserRole) == kind:
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)


def test_the_preview_shows_the_page_clicked(dialog):
    dialog.pages.setCurrentRow(3)  # the buying-committee map
    layout = dialog.preview_layout()
    assert layout.template == "deck:committee"
    assert any("Approves for" in b.text for b in layout.text_blocks())
    pixmap = dialog.preview.pixmap()
    assert not pixmap.isNull() and pixmap.width() > pixmap.height()  # a 16:9 slide


def test_export_writes_only_the_checked_pages(dialog, tmp_path):
    _check(dialog, "personas", False)
    _check(dialog, "sources", False)
    dialog.title.setText("Acme personas")
    out = tmp_path / "deck.pptx"
    assert dialog.export_to(out)
    prs = Presentation(out)
    texts = [" ".join(sh.text_frame.text for sh in s.shapes if sh.has_text_frame) for s in prs.slides]
    assert len(texts) == 1 + 1 + 2 + 1  # cover, overview, two grid pages, committee
    assert "Acme personas" in texts[0] and "Appendix" not in " ".join(texts)


def test_the_file_menu_offers_export_deck(qtbot, sample_library, tmp_path):
    from personadesigner.ui.main_window import MainWindow
    from personadesigner.ui.settings import Settings

    settings = Settings.from_file(str(tmp_path / "settings.ini"))
    library = Library.open(str(sample_library))
    window = MainWindow(library, settings)
    qtbot.addWidget(window)
    window.refresh_timer.stop()
    file_menu = window.menuBar().actions()[0].menu()
    texts = [a.text() for a in file_menu.actions()]
    assert "Export &deck…" in texts and texts.index("Export &deck…") == texts.index("&Export…") + 1
