"""`personadesigner export --theme` with a brand theme: the PDF carries the logo and the theme's colours."""

from __future__ import annotations

import subprocess

import pytest

from personadesigner.core.theme_package import pack
from personadesigner.core.themes import use_themes
from support.brand_files import ACCENT, LOGO_ORANGE, brand_data, logo_png, write_brand


@pytest.fixture(autouse=True)
def _no_leftover_themes():
    """Library and file themes are process-wide (core.themes.use_themes): each test starts without them."""
    use_themes([])
    yield
    use_themes([])


def _images(pdf) -> list[tuple[int, int]]:
    """(width, height) of every image pdfimages lists."""
    lines = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True, check=True).stdout
    return [(int(cols[3]), int(cols[4])) for cols in (line.split() for line in lines.splitlines()[2:])]


def _pixels(pdf, tmp_path):
    from PIL import Image

    subprocess.run(["pdftoppm", "-r", "40", "-png", "-singlefile", str(pdf), str(tmp_path / "page")], check=True)
    return Image.open(tmp_path / "page.png").convert("RGB")


def _has_colour(img, rgb, tolerance: int = 6) -> bool:
    return any(all(abs(a - b) <= tolerance for a, b in zip(px, rgb)) for _n, px in img.getcolors(1 << 24))


def _rgb(hex_: str) -> tuple[int, int, int]:
    return tuple(int(hex_[i : i + 2], 16) for i in (1, 3, 5))


def test_theme_json_with_a_logo_puts_the_logo_and_accent_in_the_pdf(cli, sample_library, tmp_path):
    theme = write_brand(tmp_path)
    out = tmp_path / "rosa.pdf"
    r = cli("export", "--library", sample_library, "Rosa Delgado", "--theme", theme, "--out", out)
    assert r.code == 0, r.err
    assert (400, 140) in _images(out)
    page = _pixels(out, tmp_path)
    assert _has_colour(page, _rgb(ACCENT)) and _has_colour(page, LOGO_ORANGE)


def test_pdtheme_file_works_like_the_json(cli, sample_library, tmp_path):
    path = tmp_path / "brand.pdtheme"
    path.write_bytes(pack(brand_data(), {"logo.png": logo_png(300, 90)}))
    out = tmp_path / "rosa.pdf"
    r = cli(
        "export", "--library", sample_library, "Rosa Delgado", "--theme", path, "--out", out, "--template", "profile"
    )
    assert r.code == 0, r.err
    assert (300, 90) in _images(out)
    assert _has_colour(_pixels(out, tmp_path), _rgb(ACCENT))


def test_a_built_in_theme_draws_no_logo(cli, sample_library, tmp_path):
    out = tmp_path / "rosa.pdf"
    r = cli("export", "--library", sample_library, "Rosa Delgado", "--theme", "classic", "--out", out)
    assert r.code == 0, r.err
    assert _images(out) == []


def test_a_library_theme_is_found_by_name(cli, sample_library, tmp_path):
    from personadesigner.storage.library import Library

    with Library.open(str(sample_library)) as lib:
        lib.save_theme("Acme brand", brand_data(), {"logo.png": logo_png()})
    r = cli("themes", "--library", sample_library)
    assert r.code == 0, r.err
    assert "Acme brand" in r.out and "classic" in r.out
    out = tmp_path / "rosa.pdf"
    r = cli("export", "--library", sample_library, "Rosa Delgado", "--theme", "Acme brand", "--out", out)
    assert r.code == 0, r.err
    assert (400, 140) in _images(out)


def test_a_broken_logo_is_one_sentence(cli, sample_library, tmp_path):
    theme = write_brand(tmp_path, logo=b"this is not an image")
    r = cli("export", "--library", sample_library, "Rosa Delgado", "--theme", theme, "--out", tmp_path / "x.pdf")
    assert r.code == 2
    assert 'logo "logo.png" is not a PNG or JPEG image' in r.err and len(r.err.strip().splitlines()) == 1
    assert not (tmp_path / "x.pdf").exists()


def test_the_theme_font_sets_the_text(cli, sample_library, tmp_path):
    import json

    from personadesigner.paths import resource

    theme = write_brand(tmp_path)
    (tmp_path / "Brand.ttf").write_bytes(resource("fonts", "DejaVuSans.ttf").read_bytes())
    data = json.loads(theme.read_text())
    data["fonts"] = {"heading": "Brand.ttf", "body": "Brand.ttf"}
    theme.write_text(json.dumps(data))
    out = tmp_path / "rosa.pdf"
    r = cli("export", "--library", sample_library, "Rosa Delgado", "--theme", theme, "--out", out)
    assert r.code == 0, r.err
    fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True, check=True).stdout
    assert "+DejaVuSans " in fonts and "+DejaVuSans-bold " in fonts  # the body and the bold headings
    assert "NotoSans" not in fonts
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert "Rosa Delgado" in text


def test_a_footer_logo_sits_in_the_bottom_of_the_card(cli, sample_library, tmp_path):
    import json

    theme = write_brand(tmp_path)
    data = json.loads(theme.read_text())
    data["logo_place"] = "footer"
    theme.write_text(json.dumps(data))
    out = tmp_path / "rosa.pdf"
    r = cli("export", "--library", sample_library, "Rosa Delgado", "--theme", theme, "--out", out)
    assert r.code == 0, r.err
    assert len(_images(out)) == 1  # drawn once: in the footer, not the header too
    page = _pixels(out, tmp_path)
    w, h = page.size
    top, bottom = page.crop((0, 0, w, h // 2)), page.crop((0, h // 2, w, h))
    assert _has_colour(bottom, LOGO_ORANGE) and not _has_colour(top, LOGO_ORANGE)
