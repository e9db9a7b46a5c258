"""export_personas / export_layouts: the files a user gets, their names, atomicity, errors."""

from __future__ import annotations

import pytest
from PIL import Image

from personadesigner.core.export_options import ExportOptions
from personadesigner.core.persona import Persona
from personadesigner.core.units import Length
from personadesigner.errors import PreflightFailed, UserError
from personadesigner.render.export import ExportCancelled, export_layouts, export_personas
from personadesigner.render.filenames import UniqueNames, safe_stem
from support.hand_layouts import make_layout
from support.poppler import run

MINI = dict(width=252.0, height=144.0)


def test_pdf_of_personas_with_their_own_template(tmp_path):
    personas = [Persona(name="Ada Lovelace", role="Analyst", goals=["Ship"]), Persona(name="Zoë Ångström")]
    out = tmp_path / "cards.pdf"
    seen = []
    report = export_personas(
        personas, out, ExportOptions(bleed=Length.mm(3), crop_marks=True), progress=lambda d, t: seen.append((d, t))
    )
    assert report.files == [out] and report.pages == 2
    assert seen[-1] == (2, 2)
    text = run("pdftotext", str(out), "-")
    assert "Ada Lovelace" in text and "Zoë Ångström" in text
    assert "Title:           Ada Lovelace, Zoë Ångström" in run("pdfinfo", str(out))


def test_imposed_export_counts_sheets(tmp_path):
    out = tmp_path / "sheets.pdf"
    layouts = [make_layout(name=f"P{i}", **MINI) for i in range(23)]
    report = export_layouts(layouts, out, ExportOptions(page_size="Letter", per_page=10, crop_marks=True))
    assert report.pages == 3
    assert "Pages:           3" in run("pdfinfo", str(out))


def test_tiled_export_of_a_poster(tmp_path):
    out = tmp_path / "poster.pdf"
    poster = make_layout(width=Length.mm(420).pt, height=Length.mm(594).pt)
    report = export_layouts([poster], out, ExportOptions(tile_to="A4"))
    assert report.pages == 8


@pytest.mark.gui
def test_png_export_writes_one_named_file_per_persona(qapp, tmp_path):
    layouts = [make_layout(name=n) for n in ("Ada/Lovelace", "Ελένη: <b>", "ada/lovelace", "")]
    out = tmp_path / "pngs"
    report = export_layouts(layouts, out, ExportOptions(format="png", dpi=72))
    names = sorted(p.name for p in report.files)
    assert names == sorted(["Ada_Lovelace.png", "Ελένη_ _b_.png", "ada_lovelace (2).png", "persona.png"])
    for path in report.files:
        with Image.open(path) as image:
            assert image.size == (round(105 / 25.4 * 72), round(148 / 25.4 * 72))


def test_safe_names_keep_letters_and_drop_what_file_systems_refuse():
    assert safe_stem('a/b\\c:d*e?f"g<h>i|j\x01k') == "a_b_c_d_e_f_g_h_i_j_k"
    assert safe_stem("漢字 Ελένη") == "漢字 Ελένη"
    assert safe_stem("CON") == "CON_"
    assert safe_stem("..") == "persona"
    unique = UniqueNames()
    assert [unique.take("Ada", ".png") for _ in range(3)] == ["Ada.png", "Ada (2).png", "Ada (3).png"]


def test_a_failed_export_leaves_the_previous_file_intact(tmp_path):
    out = tmp_path / "cards.pdf"
    out.write_bytes(b"the previous export")
    calls = iter(range(100))
    with pytest.raises(ExportCancelled):
        export_layouts(
            [make_layout(name=f"P{i}") for i in range(5)], out, ExportOptions(), cancel=lambda: next(calls) >= 3
        )
    assert out.read_bytes() == b"the previous export"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cards.pdf"]  # no temporary file left


def test_strict_export_with_cut_text_fails_before_writing(tmp_path):
    from personadesigner.core.cardlayout import Cut

    layout = make_layout()
    layout.preflight.append(Cut("Ada", "story", None, 10, 40))
    out = tmp_path / "cards.pdf"
    with pytest.raises(PreflightFailed, match="Ada"):
        export_layouts([layout], out, ExportOptions(strict=True))
    assert not out.exists()
    report = export_layouts([layout], out, ExportOptions())
    assert [c.field for c in report.preflight] == ["story"]


def test_unwritable_target_is_a_user_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(UserError):
        export_layouts([make_layout()], blocker / "cards.pdf", ExportOptions())
    with pytest.raises(UserError, match="folder"):
        export_layouts([make_layout()], tmp_path, ExportOptions())
    with pytest.raises(UserError, match="needs a folder"):
        export_layouts([make_layout()], blocker, ExportOptions(format="png"))


@pytest.mark.gui
def test_png_export_of_imposed_sheets_writes_one_file_per_page(qapp, tmp_path):
    layouts = [make_layout(name=f"P{i}", **MINI) for i in range(12)]
    report = export_layouts(
        layouts, tmp_path / "sheets", ExportOptions(format="png", page_size="A4", per_page="auto", dpi=30)
    )
    assert [p.name for p in report.files] == ["Page 1.png", "Page 2.png"]
    with Image.open(report.files[0]) as image:
        assert image.size == (round(210 / 25.4 * 30), round(297 / 25.4 * 30))


def test_every_card_of_a_batch_prints_its_shared_headings_and_texts(tmp_path):
    # Cards of a batch share their repeated lines (layout) and text blocks (PDF painter):
    # each card must still print them, in every page of the document.
    personas = [
        Persona(name=f"Card {k}", goals=[f"Goal number {k}"], pain_points=["The same pain on every card"])
        for k in range(12)
    ]
    out = tmp_path / "mini.pdf"
    export_personas(personas, out, ExportOptions(template="business-card", page_size="Letter", per_page=10))
    pages = [run("pdftotext", "-f", str(n), "-l", str(n), str(out), "-") for n in (1, 2)]
    assert [p.count("TOP GOAL") for p in pages] == [10, 2]
    assert [p.count("The same pain on every card") for p in pages] == [10, 2]
    assert all(f"Goal number {k}" in pages[k // 10] for k in range(12))
