"""The theme editor in the window: a copy of a built-in theme, a colour changed and previewed,
a logo added, saved into the library, shown on the card, used by the export; Cancel restores."""

from __future__ import annotations

import subprocess

from PySide6.QtWidgets import QPushButton

from personadesigner.core.cardlayout import Box, ImageItem
from personadesigner.core.themes import use_themes
from personadesigner.storage.library import Library
from personadesigner.ui.brand_themes import open_theme_editor
from support.brand_files import logo_png
from support.cli import run_process

NEW = "#e4007c"


def _fills(canvas) -> set[str]:
    return {item.fill for item in canvas.current_layout().items if isinstance(item, Box) and item.fill}


def _open(window, qtbot):
    editor = open_theme_editor(window)
    qtbot.waitExposed(editor)
    return editor


def test_make_a_theme_change_its_colour_save_and_export_it(window, qtbot, library_path, tmp_path):
    try:
        persona = window.document.persona
        editor = _open(window, qtbot)
        key = f"types.{persona.type}"
        assert NEW not in _fills(window.canvas)
        editor.set_color(key, NEW)
        assert NEW in _fills(window.canvas)  # previewed on the canvas at once
        logo = tmp_path / "acme.png"
        logo.write_bytes(logo_png())
        editor.set_logo(logo)
        header = [i for i in window.canvas.current_layout().items if isinstance(i, ImageItem) and i.field is None]
        editor.place_combo.setCurrentIndex(editor.place_combo.findData("footer"))
        editor.place_combo.activated.emit(editor.place_combo.currentIndex())
        footer = [i for i in window.canvas.current_layout().items if isinstance(i, ImageItem) and i.field is None]
        assert len(header) == len(footer) == 1 and footer[0].y > header[0].y + 200  # moved down the card
        editor.name_edit.setText("Acme")
        editor.save()
        assert window.design_bar.design()[1] == "Acme"
        assert window.design_bar.theme_combo.findData("Acme") >= 0
        assert NEW in _fills(window.canvas)
        with Library.open(str(library_path)) as other:  # another app on the same library sees it
            themes, _ = other.themes()
            assert [t.name for t in themes] == ["Acme"] and themes[0].type_colors[persona.type] == NEW
            assert other.get(persona.id).card.theme == "Acme"
        out = tmp_path / "card.pdf"
        r = run_process("export", "--library", library_path, persona.id, "--out", out)  # its own card design
        assert r.returncode == 0, r.stderr
        images = subprocess.run(["pdfimages", "-list", str(out)], capture_output=True, text=True).stdout
        assert [line.split()[3:5] for line in images.splitlines()[2:]] == [["400", "140"]]
        subprocess.run(["pdftoppm", "-r", "30", "-png", "-singlefile", str(out), str(tmp_path / "p")], check=True)
        from PIL import Image

        colours = {c for _n, c in Image.open(tmp_path / "p.png").convert("RGB").getcolors(1 << 24)}
        assert (0xE4, 0x00, 0x7C) in colours
    finally:
        use_themes([])


def test_cancel_puts_the_canvas_back_and_stores_nothing(window, qtbot, library):
    try:
        before = window.canvas.design()
        fills = _fills(window.canvas)
        editor = _open(window, qtbot)
        editor.set_color("colors.surface", "#00ff00")
        editor.set_color(f"types.{window.document.persona.type}", NEW)
        editor.reject()
        assert window.canvas.design() == before and _fills(window.canvas) == fills
        assert library.themes() == ([], [])
    finally:
        use_themes([])


def test_unreadable_text_is_flagged_and_fixed(window, qtbot):
    try:
        editor = _open(window, qtbot)
        editor.set_color("colors.text", "#777777")
        assert "Body text on the background" in editor.unreadable()
        assert "4.48:1  ⚠ below 4.5:1" in [editor.contrast.item(r, 1).text() for r in range(editor.contrast.rowCount())]
        fix = editor.findChild(QPushButton, "fix:colors.text")
        assert fix.isVisibleTo(editor)
        assert not editor.findChild(QPushButton, "fix:colors.muted").isVisibleTo(editor)
        fix.click()
        assert not fix.isVisibleTo(editor)
        assert "Body text on the background" not in editor.unreadable()
        editor.reject()
    finally:
        use_themes([])


def test_a_bad_logo_is_one_sentence_and_changes_nothing(window, qtbot, messages, tmp_path, library):
    try:
        editor = _open(window, qtbot)
        bad = tmp_path / "logo.png"
        bad.write_bytes(b"not an image at all")
        assert not editor._try(lambda: editor.set_logo(bad))
        assert messages.messages and "is not a PNG or JPEG image" in messages.messages[-1]
        assert "logo" not in editor.data and editor.theme.logo is None
        editor.reject()
        assert library.themes() == ([], [])
    finally:
        use_themes([])


def test_an_svg_logo_is_drawn_into_a_png(window, qtbot, tmp_path):
    try:
        editor = _open(window, qtbot)
        svg = tmp_path / "mark.svg"
        svg.write_text(
            '<svg xmlns="http://www.w3.org/2000/svg" width="300" height="100">'
            '<rect width="300" height="100" fill="#ff6a00"/></svg>'
        )
        editor.set_logo(svg)
        assert editor.data["logo"] == "logo.png" and editor.theme.logo_size == (1200, 400)
        assert editor.assets["logo.png"][:8] == b"\x89PNG\r\n\x1a\n"
        editor.reject()
    finally:
        use_themes([])


def test_a_file_that_is_not_a_font_is_refused_in_the_editor(window, qtbot, messages, tmp_path):
    try:
        editor = _open(window, qtbot)
        fake = tmp_path / "Brand.ttf"
        fake.write_bytes(b"\x00\x01\x00\x00" + b"nope" * 100)
        assert not editor._try(lambda: editor.set_font("body", fake))
        assert "is not a TrueType or OpenType font" in messages.messages[-1]
        assert "fonts" not in editor.data and editor.theme.body_family == "sans"
        editor.reject()
    finally:
        use_themes([])


def test_the_accent_changes_the_types_that_wore_it(make_window, library, qtbot, monkeypatch):
    """Every built-in theme gives its customers the accent: a new accent must show on their cards
    (it used to change nothing on any card), while the types with colours of their own keep them."""
    from PySide6.QtGui import QColor
    from PySide6.QtWidgets import QColorDialog
    from test_shell_editing import select

    from personadesigner.core.persona import Persona

    library.add(Persona(name="Cleo Customer", type="customer"))
    window = make_window()
    select(window, "Cleo Customer")
    try:
        editor = _open(window, qtbot)
        own = editor.buttons["types.end_user"].text()
        monkeypatch.setattr(QColorDialog, "getColor", staticmethod(lambda *a, **k: QColor(NEW)))
        editor.buttons["colors.accent"].click()
        assert editor.buttons["types.customer"].text() == NEW and editor.buttons["types.end_user"].text() == own
        assert NEW in _fills(window.canvas)  # the customer's header band
        editor.name_edit.setText("Acme")
        editor.save()
        themes, _ = library.themes()
        assert themes[0].colors["accent"] == NEW and themes[0].type_colors["customer"] == NEW
        assert themes[0].type_colors["end_user"] == own
    finally:
        use_themes([])
