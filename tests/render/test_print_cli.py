"""The print options on the command line: --color cmyk, --pdfx, --printer-margin; one test per message."""

from __future__ import annotations

import pikepdf
import pytest

from personadesigner.samples import seed_samples
from personadesigner.storage.library import Library
from support.poppler import run


@pytest.fixture
def library(tmp_path):
    path = tmp_path / "team.sqlite"
    with Library.open(str(path)) as lib:
        seed_samples(lib)
    return path


def _one_line(r, text):
    assert r.code == 2, (r.code, r.err)
    lines = r.err.strip().splitlines()
    assert len(lines) == 1 and lines[0] == f"personadesigner: error: {text}", r.err


def test_color_cmyk_pdfx_writes_pdfx4_with_an_output_intent_and_no_rgb(cli, library, tmp_path):
    out = tmp_path / "press.pdf"
    r = cli(
        "export", "--library", library, "--all", "--out", out, "--color", "cmyk", "--pdfx", "--bleed", "--crop-marks"
    )
    assert r.code == 0, r.err
    with pikepdf.open(out) as pdf:
        assert pdf.Root.OutputIntents[0].S == "/GTS_PDFX"
        assert str(pdf.docinfo.GTS_PDFXVersion) == "PDF/X-4"
        assert len(pdf.pages) == 8
        for page in pdf.pages:
            assert "/TrimBox" in page.obj and "/BleedBox" in page.obj
            ops = {str(op) for _, op in pikepdf.parse_content_stream(page)}
            assert not ops & {"rg", "RG"}, ops
            assert "k" in ops
            for image in page.get_images().values():
                assert str(image.ColorSpace) in ("/DeviceCMYK", "/DeviceGray")
    assert "PDF subtype:    PDF/X-4" in run("pdfinfo", str(out))


def test_pdfx_alone_means_cmyk(cli, library, tmp_path):
    out = tmp_path / "press.pdf"
    assert cli("export", "--library", library, "--all", "--out", out, "--pdfx").code == 0
    with pikepdf.open(out) as pdf:
        ops = {str(op) for page in pdf.pages for _, op in pikepdf.parse_content_stream(page)}
    assert "k" in ops and not ops & {"rg", "RG"}


def test_press_options_do_not_apply_to_png(cli, library, tmp_path):
    r = cli("export", "--library", library, "--all", "--out", tmp_path / "cards", "--format", "png", "--color", "cmyk")
    _one_line(r, "--color applies to PDF exports, not to PNG.")
    r = cli("export", "--library", library, "--all", "--out", tmp_path / "cards", "--format", "png", "--pdfx")
    _one_line(r, "--pdfx applies to PDF exports, not to PNG.")


def test_too_many_cards_per_page_says_how_many_fit(cli, library, tmp_path):
    out = tmp_path / "sheet.pdf"
    r = cli(
        "export",
        "--library",
        library,
        "--all",
        "--out",
        out,
        "--template",
        "mini",
        "--page-size",
        "letter",
        "--per-page",
        "10",
        "--crop-marks",
    )
    _one_line(
        r,
        "Only 9 cards with crop marks fit on a Letter sheet inside the 5 mm printer margin, not 10; "
        "ask for fewer per page, a smaller --printer-margin or a larger sheet.",
    )
    assert not out.exists()


def test_business_cards_10_up_on_letter_with_marks(cli, library, tmp_path):
    out = tmp_path / "sheet.pdf"
    r = cli(
        "export",
        "--library",
        library,
        "--all",
        "--out",
        out,
        "--template",
        "business-card",
        "--page-size",
        "letter",
        "--per-page",
        "10",
        "--crop-marks",
    )
    assert r.code == 0, r.err
    assert "Pages:           1" in run("pdfinfo", str(out))


def test_printer_margin_flag(cli, library, tmp_path):
    out = tmp_path / "sheet.pdf"
    # 15 mm: printable 527 x 707 pt; with marks (39.7 pt) landscape 2 x 3 at most
    r = cli(
        "export",
        "--library",
        library,
        "--all",
        "--out",
        out,
        "--template",
        "business-card",
        "--page-size",
        "letter",
        "--per-page",
        "10",
        "--crop-marks",
        "--printer-margin",
        "15mm",
    )
    _one_line(
        r,
        "Only 6 cards with crop marks fit on a Letter sheet inside the 15 mm printer margin, not 10; "
        "ask for fewer per page, a smaller --printer-margin or a larger sheet.",
    )
    r = cli(
        "export",
        "--library",
        library,
        "--all",
        "--out",
        out,
        "--template",
        "business-card",
        "--page-size",
        "letter",
        "--per-page",
        "auto",
        "--crop-marks",
        "--printer-margin",
        "0",
    )
    assert r.code == 0, r.err
    assert "Pages:           1" in run("pdfinfo", str(out))


def test_printer_margin_bad_values(cli, library, tmp_path):
    out = tmp_path / "sheet.pdf"
    r = cli("export", "--library", library, "--all", "--out", out, "--per-page", "auto", "--printer-margin", "31mm")
    _one_line(r, "--printer-margin 31mm is more than 30 mm; office printers need 3 to 6 mm.")
    r = cli("export", "--library", library, "--all", "--out", out, "--per-page", "auto", "--printer-margin", "wide")
    _one_line(r, '"wide" is not a length (write it like 3mm, 0.125in or 9pt)')
