"""The export dialog's "Same body type size on every card" box reaches the export options."""

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

