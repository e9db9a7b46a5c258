"""The export dialog's formats and their options come from the registry (render.formats)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from personadesigner.render import formats
from support.canvas import ids_by_name
from support.text_format import KEY, text_format_registered

pytestmark = pytest.mark.gui


def _dialog(qtbot, library):
    from personadesigner.ui.export_dialog import ExportDialog

    ids = ids_by_name(library)
    d = ExportDialog(library, {"current": [ids["Anna Berg"]], "all": list(ids.values())})
    qtbot.addWidget(d)
    d.show()
    return d


def _offered(dialog) -> list[tuple[str, str]]:
    combo = dialog.format_combo
    return [(combo.itemData(i), combo.itemText(i)) for i in range(combo.count())]


def _choose(combo, data) -> None:
    combo.setCurrentIndex(combo.findData(data))


def test_the_format_list_is_the_registrys_card_formats(qtbot, library):
    dialog = _dialog(qtbot, library)
    assert _offered(dialog) == [(f.key, f.label) for f in formats.card_formats()]
    assert [key for key, _ in _offered(dialog)] == ["pdf", "png", "pptx"]


def test_an_option_the_format_does_not_honour_is_disabled(qtbot, library):
    dialog = _dialog(qtbot, library)
    _choose(dialog.format_combo, "pdf")  # a PDF has no resolution
    assert not dialog.dpi_spin.isEnabled() and dialog.marks_check.isEnabled()
    _choose(dialog.format_combo, "png")
    assert dialog.dpi_spin.isEnabled()


def test_a_registered_format_appears_disables_what_it_ignores_and_exports(qtbot, library, tmp_path):
    with text_format_registered():
        dialog = _dialog(qtbot, library)
        assert KEY in [key for key, _ in _offered(dialog)]
        dialog.marks_check.setChecked(True)
        _choose(dialog.bleed_combo, "3mm")
        dialog.set_scope("all")
        dialog.path_edit.setText(str(tmp_path / "team.pdf"))
        _choose(dialog.format_combo, KEY)
        # Only template and theme apply to plain text: the paper options are off, and left out.
        assert dialog.template_combo.isEnabled() and dialog.theme_combo.isEnabled()
        for widget in (
            dialog.page_combo,
            dialog.bleed_combo,
            dialog.marks_check,
            dialog.dpi_spin,
            dialog.per_page_combo,
            dialog.tile_combo,
        ):
            assert not widget.isEnabled(), widget.objectName()
        options = dialog.options()
        assert options.format == KEY and options.bleed is None and not options.crop_marks
        # One file with the format's own suffix, in place of the PDF's.
        assert dialog.path_edit.text() == str(tmp_path / "team.txt")
        with qtbot.waitSignal(dialog.exportFinished, timeout=60000) as done:
            qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
        assert done.args[0].files == [tmp_path / "team.txt"]
        text = (tmp_path / "team.txt").read_text(encoding="utf-8")
        assert all(name in text for name in ids_by_name(library))
        dialog.close()  # before the format leaves the registry: its preview timer must not fire after
        dialog.deleteLater()
    dialog = _dialog(qtbot, library)  # gone from the registry: gone from the next dialog
    assert KEY not in [key for key, _ in _offered(dialog)]
