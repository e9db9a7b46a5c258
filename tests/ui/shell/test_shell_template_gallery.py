"""The template gallery: the shown persona in every template and theme, picked by click or keys."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from test_shell_editing import select

RESOURCES = Path(__file__).resolve().parents[3] / "resources"


def reread(library_path, name: str = "Anna Berg"):
    """The persona as another process sees it: a fresh connection to the same file."""
    from personadesigner.storage.library import Library

    other = Library.open(str(library_path))
    try:
        return other.find(name)
    finally:
        other.close()


def _names(gallery, tiles) -> list[str]:
    return [item.data(Qt.ItemDataRole.UserRole) for item in gallery.items(tiles)]


def _item(gallery, tiles, name):
    return next(item for item in gallery.items(tiles) if item.data(Qt.ItemDataRole.UserRole) == name)


def test_gallery_lists_every_template_and_theme_with_sizes_and_marks_the_current(window):
    select(window, "Anna Berg")
    gallery = window.design_bar.open_gallery()
    assert sorted(_names(gallery, gallery.templates)) == sorted(
        p.stem for p in (RESOURCES / "templates").glob("*.json")
    )
    assert sorted(_names(gallery, gallery.themes)) == sorted(p.stem for p in (RESOURCES / "themes").glob("*.json"))
    card = _item(gallery, gallery.templates, "card")
    assert "Card (A6)" in card.text() and "105 × 148 mm" in card.text()
    assert gallery.templates.currentItem() is card and card.font().bold() and card.text().startswith("✓")
    assert gallery.themes.currentItem() is _item(gallery, gallery.themes, "classic")
    gallery.close()


def test_clicking_a_template_changes_the_card_design_in_the_library_and_undo_restores_it(qtbot, window, library_path):
    select(window, "Anna Berg")
    gallery = window.design_bar.open_gallery()
    qtbot.waitExposed(gallery)
    tiles = gallery.templates
    profile = _item(gallery, tiles, "profile")
    tiles.scrollToItem(profile)
    qtbot.mouseClick(tiles.viewport(), Qt.MouseButton.LeftButton, pos=tiles.visualItemRect(profile).center())
    assert reread(library_path, "Anna Berg").card.template == "profile"
    assert window.canvas.design() == ("profile", "classic")
    assert window.design_bar.design() == ("profile", "classic")
    assert tiles.currentItem() is profile and profile.font().bold(), "the gallery marks the new current one"
    # The theme row, by keyboard: Right then Enter picks the next theme.
    themes = gallery.themes
    themes.setFocus()
    qtbot.keyClick(themes, Qt.Key.Key_Right)
    qtbot.keyClick(themes, Qt.Key.Key_Return)
    second = _names(gallery, themes)[1]
    assert reread(library_path, "Anna Berg").card.theme == second
    window.undo_action.trigger()
    window.undo_action.trigger()
    assert reread(library_path, "Anna Berg").card.template == "card"
    assert reread(library_path, "Anna Berg").card.theme == "classic"
    gallery.close()


def test_thumbnails_show_the_persona_card_not_a_blank_tile(window):
    select(window, "Anna Berg")
    gallery = window.design_bar.open_gallery()
    gallery.paint_all()
    images = {}
    for tiles in (gallery.templates, gallery.themes):
        for name in _names(gallery, tiles):
            image = gallery.thumbnail(tiles, name)
            assert image is not None, name
            corner = image.pixelColor(0, 0)
            inked = sum(
                1
                for x in range(0, image.width(), 3)
                for y in range(0, image.height(), 3)
                if image.pixelColor(x, y) != corner and image.pixelColor(x, y) != QColor("white")
            )
            assert inked > 200, f"{name}: only {inked} inked pixels"
            images[(tiles.objectName(), name)] = image
    # Each template looks different (they are real layouts, not one picture).
    templates = [images[k] for k in images if k[0] == "galleryTemplates"]
    assert len({img.cacheKey() for img in templates}) == len(templates)
    assert len({bytes(img.constBits()) for img in templates}) == len(templates)
    gallery.close()


def _share_of(image, color: str) -> float:
    """The share of the thumbnail's sampled pixels close to ``color``."""
    want = QColor(color)
    hits = total = 0
    for x in range(0, image.width(), 2):
        for y in range(0, image.height(), 2):
            c = image.pixelColor(x, y)
            total += 1
            hits += abs(c.red() - want.red()) + abs(c.green() - want.green()) + abs(c.blue() - want.blue()) < 30
    return hits / total


def test_a_library_theme_saved_again_under_its_name_gets_a_new_thumbnail(window):
    from personadesigner.core.themes import use_themes
    from personadesigner.ui.brand_themes import adopt_library_themes
    from support.brand_files import ACCENT, brand_data

    try:
        select(window, "Anna Berg")
        window.library.save_theme("acme", brand_data(logo=None), {})
        adopt_library_themes(window, window.library)
        gallery = window.design_bar.open_gallery()
        gallery.paint_all()
        assert _share_of(gallery.thumbnail(gallery.themes, "acme"), ACCENT) > 0.01
        gallery.close()
        green = brand_data(logo=None)
        green["colors"]["accent"] = "#0a8f3c"
        green["types"] = dict.fromkeys(green["types"], "#0a8f3c")
        window.library.save_theme("acme", green, {})  # the brand changed: same name, new colours
        adopt_library_themes(window, window.library)
        gallery = window.design_bar.open_gallery()
        gallery.paint_all()
        thumb = gallery.thumbnail(gallery.themes, "acme")
        assert _share_of(thumb, ACCENT) == 0, "the old magenta thumbnail is still shown"
        assert _share_of(thumb, "#0a8f3c") > 0.01
        gallery.close()
    finally:
        use_themes([])
