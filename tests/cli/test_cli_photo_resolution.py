"""Photo resolution preflight from the command line: a photo too small for its printed size is said
before it prints blurred, and fails ``--strict`` (exit 3) when it is under 100 ppi."""

from __future__ import annotations

from personadesigner.core.persona import Persona
from personadesigner.storage.library import Library
from support.images import png


def _library(tmp_path, pixels: int):
    path = tmp_path / f"photo{pixels}.sqlite"
    with Library.open(str(path)) as lib:
        lib.add(Persona(name="Pia Pixel", role="Buyer", photo=png((pixels, pixels))))
    return path


def test_a_60_pixel_photo_on_a_poster_fails_strict_with_its_resolution(cli, tmp_path):
    lib = _library(tmp_path, 60)
    out = tmp_path / "poster.pdf"
    r = cli("export", "--library", lib, "Pia Pixel", "--out", out, "--template", "poster", "--strict")
    assert r.code == 3, r.err
    # the poster's 260 pt disc is 3.6 in wide: 60 pixels give 17 ppi
    assert 'preflight: "Pia Pixel": photo: 17 ppi' in r.err and "Traceback" not in r.err
    assert not out.exists()


def test_without_strict_the_low_photo_is_listed_and_the_file_written(cli, tmp_path):
    lib = _library(tmp_path, 60)
    out = tmp_path / "poster.pdf"
    r = cli("export", "--library", lib, "Pia Pixel", "--out", out, "--template", "poster")
    assert r.code == 0, r.err
    assert 'preflight: "Pia Pixel": photo: 17 ppi' in r.err
    assert out.exists()


def test_a_1200_pixel_photo_on_a_card_is_no_problem(cli, tmp_path):
    lib = _library(tmp_path, 1200)
    out = tmp_path / "card.pdf"
    r = cli("export", "--library", lib, "Pia Pixel", "--out", out, "--template", "card", "--strict")
    assert r.code == 0, r.err
    assert "photo" not in r.err


def test_a_soft_photo_is_a_warning_that_strict_lets_through(cli, tmp_path):
    # the card's 64 pt disc is 0.89 in: 120 pixels are 135 ppi (under 150, not under 100)
    lib = _library(tmp_path, 120)
    out = tmp_path / "card.pdf"
    r = cli("export", "--library", lib, "Pia Pixel", "--out", out, "--template", "card", "--strict")
    assert r.code == 0, r.err
    assert 'preflight warning: "Pia Pixel": photo: 135 ppi' in r.err
    assert out.exists()
