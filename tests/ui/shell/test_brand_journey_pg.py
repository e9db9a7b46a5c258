"""Issue 11's journey end to end on a team library on PostgreSQL, driven through the app's own
menus, buttons and dialogs: app A makes a brand theme from a built-in one (brand colour, a logo, a
heading font from a TTF file), designs a template with the pain points moved above the goals, and
exports the persona with both through File › Export; app B, a second window on the same database,
lists both after its refresh and its export of the same choices prints the same page."""

from __future__ import annotations

import shutil

import pytest
from PIL import ImageChops
from PySide6.QtCore import QPointF, Qt, QTimer
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QColorDialog, QDialogButtonBox, QFileDialog, QInputDialog, QPushButton
from test_shell_editing import select

from personadesigner.core.templates import use_templates
from personadesigner.core.themes import use_themes
from personadesigner.paths import resource
from personadesigner.storage.library import Library
from personadesigner.ui.export_dialog import ExportDialog
from personadesigner.ui.template_designer_geometry import section_rect
from support.brand_files import LOGO_ORANGE, logo_png
from support.card_template import GOALS
from support.poppler import pdf_fonts, pdf_text, rasterize, run
from support.shell import sample_personas

pytestmark = pytest.mark.postgres
BRAND = "#e4007c"  # the brand's magenta: absent from every built-in theme
THEME, TEMPLATE = "Acme brand", "Acme card"
#: A bundled face no built-in theme uses for a Latin card, so finding it in the PDF proves the theme brought it.
HEADING_FONT = "DejaVuSans.ttf"


@pytest.fixture
def team(pg_url):
    setup = Library.open(pg_url)
    people = sample_personas()
    people[0].pain_points = ["Reports take a day", "Too many tools"]
    setup.add_many(people)
    setup.close()
    first, second = Library.open(pg_url), Library.open(pg_url)
    use_templates([])
    use_themes([])
    yield first, second
    use_templates([])
    use_themes([])
    first.close()
    second.close()


def _pick(combo, name: str) -> None:
    """Choose the entry ``name`` in a combo box as a user does (index, then activated)."""
    index = combo.findData(name)
    assert index >= 0, f"{name!r} is not offered"
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


def _button(parent, text: str) -> QPushButton:
    return next(b for b in parent.findChildren(QPushButton) if b.text() == text)


def _make_brand_theme(window, monkeypatch, tmp_path, qtbot) -> None:
    """View › Theme editor…: a copy of Classic, brand colours, a logo and a heading font, saved."""
    logo = tmp_path / "acme-logo.png"
    logo.write_bytes(logo_png())
    font = tmp_path / "AcmeHeading.ttf"
    shutil.copy(resource("fonts", HEADING_FONT), font)
    window.theme_editor_action.trigger()
    editor = window.theme_editor
    qtbot.waitExposed(editor)
    monkeypatch.setattr(QColorDialog, "getColor", staticmethod(lambda *a, **k: QColor(BRAND)))
    kind = window.document.persona.type
    for key in ("colors.accent", f"types.{kind}"):  # the built-in names every type's colour: the brand sets both
        qtbot.mouseClick(editor.buttons[key], Qt.MouseButton.LeftButton)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(logo), "")))
    qtbot.mouseClick(_button(editor, "Choose logo…"), Qt.MouseButton.LeftButton)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(font), "")))
    heading_add = [b for b in editor.findChildren(QPushButton) if b.text() == "Add font file…"][0]
    qtbot.mouseClick(heading_add, Qt.MouseButton.LeftButton)
    assert editor.font_labels["heading"].text() == "DejaVu Sans"
    assert editor.logo_label.text().startswith("logo.png (400 × 140 px)")
    editor.name_edit.selectAll()
    QTest.keyClicks(editor.name_edit, THEME)
    qtbot.mouseClick(editor.button_box.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    assert not editor.isVisible()


def _design_template(window, monkeypatch) -> None:
    """View › Design template on `card`: the goals go below the pain points (Alt+Down), saved by name."""
    window.design_template_action.trigger()
    canvas = window.canvas
    x, y, w, h = section_rect(canvas.current_layout(), *GOALS)
    point = canvas.mapFromScene(QPointF(x + w / 2, y + h / 2))
    QTest.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)
    QTest.keyClick(canvas, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: (TEMPLATE, True)))
    window.template_designer_panel.save_button.click()
    window.template_designer_panel.done_button.click()


def _export(window, out, template: str | None = TEMPLATE, theme: str | None = THEME) -> None:
    """File › Export…: the shown persona, with ``template`` and ``theme`` chosen (None: its own design)."""

    missing: list[str] = []

    def drive():
        dialog = window.findChild(ExportDialog)
        dialog.set_scope("current")
        for combo, name in ((dialog.template_combo, template), (dialog.theme_combo, theme)):
            combo.setCurrentIndex(combo.findData(name))
            if combo.currentData() != name:
                missing.append(str(name))
        if missing:  # a failed check here would leave the modal dialog open: close it, fail below
            dialog.reject()
            return
        dialog.path_edit.setText(str(out))
        dialog.export_button.click()

    QTimer.singleShot(0, drive)
    window.export_action.trigger()  # returns once the export has finished and the dialog closed
    assert not missing, f"the export dialog does not offer {missing}"
    assert out.exists()


def _images(pdf) -> list[list[str]]:
    """pdfimages' width and height of every image XObject."""
    return [line.split()[3:5] for line in run("pdfimages", "-list", str(pdf)).splitlines()[2:]]


def test_a_brand_theme_and_a_template_made_in_one_app_export_and_reach_a_second_app(
    team, make_window, monkeypatch, tmp_path, qtbot
):
    first, second = team
    mine, theirs = make_window(first), make_window(second)
    for window in (mine, theirs):
        select(window, "Anna Berg")
        if window.design_bar.design()[0] != "card":
            _pick(window.design_bar.template_combo, "card")
    plain = tmp_path / "plain.pdf"  # before the journey: Classic on card
    _export(mine, plain, None, None)

    _make_brand_theme(mine, monkeypatch, tmp_path, qtbot)
    assert mine.design_bar.design() == ("card", THEME)
    _design_template(mine, monkeypatch)
    assert mine.design_bar.design() == (TEMPLATE, THEME)

    ours = tmp_path / "ours.pdf"
    _export(mine, ours)
    text = pdf_text(ours)
    assert "Anna Berg" in text and text.index("PAIN POINTS") < text.index("GOALS")
    plain_text = pdf_text(plain)
    assert plain_text.index("GOALS") < plain_text.index("PAIN POINTS")
    assert _images(ours) == [["400", "140"]] and _images(plain) == []  # the logo, as an image XObject
    fonts = [row.split()[0] for row in pdf_fonts(ours)]
    assert any("DejaVuSans" in f for f in fonts), fonts  # the heading face, embedded (subset)
    assert all(row.split()[-5] == "yes" for row in pdf_fonts(ours))
    assert not any("DejaVuSans" in row for row in pdf_fonts(plain))
    page = rasterize(ours, tmp_path, dpi=50, name="ours")
    colours = {c for _n, c in page.getcolors(1 << 24)}
    assert (0xE4, 0x00, 0x7C) in colours  # the brand colour printed
    assert any(max(abs(a - b) for a, b in zip(c, LOGO_ORANGE)) <= 3 for c in colours)  # the logo drawn

    use_templates([])  # the second app is another process: it knows only what it reads from the database
    use_themes([])
    theirs.refresh_from_library()  # its 2 s tick
    assert theirs.design_bar.theme_combo.findData(THEME) >= 0
    assert theirs.design_bar.template_combo.findData(TEMPLATE) >= 0
    assert theirs.document.persona.card.template == TEMPLATE and theirs.document.persona.card.theme == THEME
    theirs_pdf = tmp_path / "theirs.pdf"
    _export(theirs, theirs_pdf)
    assert pdf_text(theirs_pdf) == text
    assert _images(theirs_pdf) == _images(ours)
    other = rasterize(theirs_pdf, tmp_path, dpi=50, name="theirs")
    assert ImageChops.difference(page, other).getbbox() is None  # the same page, pixel for pixel
