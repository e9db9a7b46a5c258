"""Library templates in the window: duplicate a built-in from the gallery's button, it is listed after
the built-ins and becomes the persona's template, the export prints with it; import, export and delete
(built-ins greyed); a broken file is one sentence and changes nothing; another app's template appears."""

from __future__ import annotations

import json
import subprocess

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QFileDialog, QInputDialog
from test_shell_editing import select

from personadesigner.core.templates import use_templates
from personadesigner.core.themes import use_themes
from personadesigner.storage.library import Library
from personadesigner.ui.export_dialog import ExportDialog
from personadesigner.ui.template_library import delete_template, export_template, import_template
from support.brand_files import brand_data
from support.cli import run_process
from support.template_files import branded_data, broken_data

MINI_PT = (241, 156)  # 85 x 55 mm in points, as pdfinfo rounds them


@pytest.fixture(autouse=True)
def _no_leftover_templates():
    """Library templates and themes are known process-wide (core.templates.use_templates): each test
    starts without them."""
    use_templates([])
    yield
    use_templates([])
    use_themes([])


def _gallery_names(gallery) -> list[str]:
    return [item.data(Qt.ItemDataRole.UserRole) for item in gallery.items(gallery.templates)]


def _button(gallery, text: str):
    return next(b for b in gallery.template_buttons if b.text().replace("&", "").startswith(text))


def _page_size(pdf) -> tuple[int, int]:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    line = next(x for x in info.splitlines() if x.startswith("Page size:"))
    w, _x, h = line.split()[2:5]
    return round(float(w)), round(float(h))


def _library_templates(path) -> list[str]:
    with Library.open(str(path)) as other:
        return [t.name for t in other.templates()[0]]


def test_duplicate_a_built_in_from_the_gallery_and_export_with_it(window, qtbot, monkeypatch, library_path, tmp_path):
    select(window, "Anna Berg")
    persona_id = window.document.persona.id
    bar = window.design_bar
    bar.set_design("mini", bar.design()[1])
    bar.designChanged.emit(*bar.design())  # the user picks the mini: the shown template is the one copied
    gallery = bar.open_gallery()
    qtbot.waitExposed(gallery)
    assert not _button(gallery, "Delete").isEnabled()  # built-in templates stay read-only
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("Workshop mini", True)))
    qtbot.mouseClick(_button(gallery, "Duplicate"), Qt.MouseButton.LeftButton)

    assert _library_templates(library_path) == ["Workshop mini"]
    names = _gallery_names(gallery)
    assert names[-1] == "Workshop mini" and names[0] == "card"  # after the built-ins
    assert gallery.templates.currentItem().data(Qt.ItemDataRole.UserRole) == "Workshop mini"
    assert bar.template_combo.itemData(bar.template_combo.count() - 1) == "Workshop mini"
    assert bar.design()[0] == "Workshop mini" and window.canvas.design()[0] == "Workshop mini"
    assert _button(gallery, "Delete").isEnabled()  # a library template can go
    with Library.open(str(library_path)) as other:
        assert other.get(persona_id).card.template == "Workshop mini"
    gallery.close()

    out = tmp_path / "anna.pdf"

    def drive(dialog):
        dialog.set_scope("current")
        dialog.path_edit.setText(str(out))
        dialog.export_button.click()

    QTimer.singleShot(0, lambda: drive(window.findChild(ExportDialog)))
    window.export()  # File › Export…: the persona's own design
    assert _page_size(out) == MINI_PT
    r = run_process("export", "--library", library_path, persona_id, "--out", tmp_path / "cli.pdf")
    assert r.returncode == 0, r.stderr
    assert _page_size(tmp_path / "cli.pdf") == MINI_PT
    assert "Anna Berg" in subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout

    window.undo_action.trigger()  # choosing the copy was one undo step
    assert window.document.persona.card.template == "mini" and bar.design()[0] == "mini"


def test_import_export_and_delete_a_template_file(window, monkeypatch, library_path, tmp_path, messages):
    select(window, "Björk Ek")
    source = tmp_path / "acme.json"
    source.write_text(json.dumps(branded_data()), encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(source), "")))
    window.import_template_action.trigger()
    assert _library_templates(library_path) == ["acme"]
    assert window.design_bar.design()[0] == "acme"
    texts = [getattr(i, "text", "") for i in window.canvas.current_layout().items]
    assert "NOT FOR ACME" in texts  # the imported template's negative band on the card

    out = tmp_path / "exported.json"
    assert export_template(window, out) == out
    exported = json.loads(out.read_text(encoding="utf-8"))
    assert exported["version"] == 1 and exported["negative"]["text"] == "NOT FOR ACME"

    assert window.delete_template_action.isEnabled()
    messages.answer = "Yes"
    assert delete_template(window)
    assert _library_templates(library_path) == []
    assert window.design_bar.template_combo.findData("acme") == window.design_bar.template_combo.count() - 1
    assert "(missing)" in window.design_bar.template_combo.currentText()  # the persona still names it


def test_a_broken_template_file_is_one_sentence_and_changes_nothing(window, library_path, tmp_path, messages):
    select(window, "Anna Berg")
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps(broken_data()), encoding="utf-8")
    assert import_template(window, broken) is None
    assert len(messages.messages) == 1
    assert "broken.json" in messages.messages[0] and "styles.name.size" in messages.messages[0]
    newer = tmp_path / "newer.json"
    newer.write_text(json.dumps({**branded_data(), "version": 2}), encoding="utf-8")
    assert import_template(window, newer) is None
    assert "made by a newer PersonaDesigner" in messages.messages[1]
    assert _library_templates(library_path) == []
    assert window.design_bar.design()[0] == "card"


def test_a_template_saved_by_another_app_appears_after_the_refresh(window, library_path):
    select(window, "Anna Berg")
    bar = window.design_bar
    gallery = bar.open_gallery()
    with Library.open(str(library_path)) as colleague:
        colleague.save_template("Team card", branded_data("Team card"))
        colleague.save_theme("Team brand", brand_data(logo=None), {})
    assert bar.template_combo.findData("Team card") < 0
    window.refresh_from_library()  # the 2 s tick
    assert bar.template_combo.findData("Team card") >= 0
    assert _gallery_names(gallery)[-1] == "Team card"
    assert bar.theme_combo.findData("Team brand") >= 0  # a brand theme made elsewhere too
    assert "Team brand" in [i.data(Qt.ItemDataRole.UserRole) for i in gallery.items(gallery.themes)]
    with Library.open(str(library_path)) as colleague:
        colleague.delete_template("Team card")
    window.refresh_from_library()
    assert bar.template_combo.findData("Team card") < 0
    assert "Team card" not in _gallery_names(gallery)
    gallery.close()
