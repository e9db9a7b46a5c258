"""The export dialog: the "Same body type size on every card" box reaches the export options,
and the preview says when a photo has too few pixels for its printed size."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.gui


@pytest.fixture
def dialog(qtbot, library):
    from personadesigner.ui.export_dialog import ExportDialog

    d = ExportDialog(library, {"all": [p.id for p in library.list()]})
    qtbot.addWidget(d)
    d.show()
    return d


def test_the_uniform_type_box_sets_the_export_option(dialog):
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("pdf"))
    assert dialog.options().uniform_type is False
    dialog.uniform_check.setChecked(True)
    assert dialog.uniform_check.isEnabled()
    assert dialog.options().uniform_type is True


def test_the_preview_says_when_a_photo_is_too_small_for_its_print(qtbot, tmp_path):
    from personadesigner.core.persona import Persona
    from personadesigner.storage.library import Library
    from personadesigner.ui.export_dialog import ExportDialog
    from support.images import png

    lib = Library.open(str(tmp_path / "photos.sqlite"), create=True)
    pia = Persona(name="Pia Pixel", photo=png((60, 60)))
    pia.card.template = "poster"
    lib.add(pia)
    d = ExportDialog(lib, {"all": [p.id for p in lib.list()]})
    qtbot.addWidget(d)
    d.show()
    d.set_scope("all")
    d.update_preview()
    assert "1 photo under 150 ppi (lowest 17 ppi)" in d.preview_caption.text()
    d.close()
    lib.close()
