"""Themes stored in the library: shared by every Library on the same file or server, .pdtheme round trip,
and bad input refused in one sentence with nothing changed."""

from __future__ import annotations

import pytest

from personadesigner.core.theme_package import pack, theme_from_file, unpack
from personadesigner.errors import UserError
from personadesigner.paths import resource
from personadesigner.storage.library import Library
from support.brand_files import ACCENT, brand_data, logo_png


def _save_and_see(first: Library, second: Library) -> None:
    first.save_theme("Acme", brand_data(), {"logo.png": logo_png()})
    themes, problems = second.themes()
    assert problems == []
    assert [t.name for t in themes] == ["Acme"]
    acme = themes[0]
    assert acme.colors["accent"] == ACCENT and acme.logo_size == (400, 140) and acme.source == "library"
    changed = brand_data()
    changed["colors"]["accent"] = "#123456"
    second.save_theme("Acme", changed, {"logo.png": logo_png()})
    assert first.themes()[0][0].colors["accent"] == "#123456"
    first.delete_theme("Acme")
    assert second.themes() == ([], [])


def test_two_libraries_on_one_sqlite_file_share_themes(tmp_path):
    path = str(tmp_path / "team.sqlite")
    with Library.open(path) as first, Library.open(path) as second:
        _save_and_see(first, second)


def test_two_libraries_on_postgresql_share_themes(pg_url):
    with Library.open(pg_url) as first, Library.open(pg_url) as second:
        _save_and_see(first, second)


def test_pdtheme_round_trip_keeps_colours_logo_and_fonts(tmp_path):
    font = resource("fonts", "NotoSerif-Regular.ttf").read_bytes()
    data = brand_data()
    data["fonts"] = {"heading": "fonts/Brand.ttf"}
    package = pack(data, {"logo.png": logo_png(), "fonts/Brand.ttf": font})
    with Library.open(str(tmp_path / "a.sqlite")) as lib:
        lib.save_theme("Acme", *unpack(package, "acme.pdtheme"))
        stored = lib.theme_package("Acme")
    path = tmp_path / "Acme.pdtheme"
    path.write_bytes(stored)
    again = theme_from_file(path)
    assert again.colors["accent"] == ACCENT
    assert again.logo == logo_png()
    assert again.fonts["heading"] == (font, "Noto Serif")


def _refused(lib: Library, data: dict, assets: dict, words: str) -> None:
    with pytest.raises(UserError) as err:
        lib.save_theme("Acme", data, assets)
    message = str(err.value)
    assert words in message and "\n" not in message
    assert lib.themes() == ([], [])


def test_bad_themes_are_refused_and_nothing_is_stored(tmp_path):
    with Library.open(str(tmp_path / "a.sqlite")) as lib:
        _refused(lib, brand_data(), {"logo.png": b"GIF89a not really"}, "is not a PNG or JPEG image")
        _refused(
            lib,
            brand_data(),
            {"logo.png": logo_png(20000, 10)},
            "is 20000 x 10 pixels; a logo may be at most 8000 pixels on a side",
        )
        _refused(lib, brand_data(), {}, 'names the logo "logo.png", which is not there')
        newer = {**brand_data(), "version": 2}
        _refused(lib, newer, {"logo.png": logo_png()}, "made by a newer PersonaDesigner")
        wrong = brand_data()
        wrong["colors"]["accent"] = 12
        _refused(lib, wrong, {"logo.png": logo_png()}, "colors.accent")
        with_font = {**brand_data(), "fonts": {"body": "x.ttf"}}
        _refused(
            lib,
            with_font,
            {"logo.png": logo_png(), "x.ttf": b"\0\1\0\0 not a font"},
            "is not a TrueType or OpenType font",
        )
        arabic = resource("fonts", "NotoSansArabic-Regular.ttf").read_bytes()
        _refused(lib, with_font, {"logo.png": logo_png(), "x.ttf": arabic}, "lacks Latin letters")
        with pytest.raises(UserError, match="built-in theme"):
            lib.save_theme("classic", brand_data(logo=None), {})
        assert lib.themes() == ([], [])


def test_a_built_in_theme_is_not_shadowed_by_a_library_theme():
    from personadesigner.core.themes import load_theme, renamed, use_themes

    classic = load_theme("classic")
    try:
        use_themes([renamed(load_theme("warm"), "classic", "library")])
        assert load_theme("classic") is classic
    finally:
        use_themes([])
