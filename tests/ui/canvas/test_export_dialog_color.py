"""The export dialog's colour row: PDF/X-4 for a press, read back from the written PDF; not for PNG."""

from __future__ import annotations

import pikepdf
import pytest
from PySide6.QtCore import Qt

from support.canvas import ids_by_name

pytestmark = pytest.mark.gui


@pytest.fixture
def dialog(qtbot, library):
    from personadesigner.ui.export_dialog import ExportDialog

    ids = list(ids_by_name(library).values())
    d = ExportDialog(library, {"current": ids[:1], "selected": ids[:1], "all": ids, "filtered": []})
    qtbot.addWidget(d)
    d.show()
    return d


def _choose(combo, data):
    i = combo.findData(data)
    assert i >= 0, f"{data!r} is not offered"
    combo.setCurrentIndex(i)


def test_pdfx_choice_writes_a_cmyk_pdfx_file(dialog, qtbot, tmp_path):
    out = tmp_path / "press.pdf"
    dialog.set_scope("all")
    _choose(dialog.format_combo, "pdf")
    color = dialog.sheet.color_combo
    assert color.isEnabled()
    assert [color.itemData(i) for i in range(color.count())] == ["rgb", "cmyk", "pdfx"]
    _choose(color, "pdfx")
    assert (dialog.options().color, dialog.options().pdfx) == ("cmyk", True)
    dialog.path_edit.setText(str(out))
    with qtbot.waitSignal(dialog.exportFinished, timeout=60000):
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    with pikepdf.open(out) as pdf:
        assert pdf.Root.OutputIntents[0].S == "/GTS_PDFX"
        ops = {str(op) for page in pdf.pages for _, op in pikepdf.parse_content_stream(page)}
    assert "k" in ops and not ops & {"rg", "RG"}


def test_png_has_no_colour_choice(dialog):
    _choose(dialog.sheet.color_combo, "cmyk")
    _choose(dialog.format_combo, "png")
    assert not dialog.sheet.color_combo.isEnabled()
    assert (dialog.options().color, dialog.options().pdfx) == ("rgb", False)
