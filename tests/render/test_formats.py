"""The export formats' registry (render.formats): what the page plan, file names and the export read."""

from __future__ import annotations

from pathlib import Path

import pytest

from personadesigner.core.export_options import ExportOptions
from personadesigner.core.persona import Persona
from personadesigner.render import formats
from personadesigner.render.export import export_personas
from personadesigner.render.page_plan import lay_out_for_export, plan_pages
from support.text_format import TEXT, text_format_registered


def test_the_built_in_formats_and_what_they_honour():
    assert formats.keys() == ["pdf", "png", "pptx", "json", "csv"]
    pdf, png = formats.get("pdf"), formats.get("png")
    assert not pdf.honours("dpi") and png.honours("dpi") and png.honours("crop_marks")
    assert not formats.get("json").honours("bleed") and formats.get("json").honours("photos")
    assert (pdf.folder, png.folder) == (False, True)
    assert formats.by_suffix(".PDF") is pdf and formats.by_suffix(".doc") is None


def test_file_names_follow_the_format():
    pdf, png = formats.get("pdf"), formats.get("png")
    folder = Path("/exports")
    assert pdf.output_path(folder, "Team") == folder / "Team.pdf"
    assert png.output_path(folder, "Team") == folder / "Team"
    assert png.retarget(folder / "Team.pdf") == folder / "Team"
    assert pdf.retarget(folder / "Team") == folder / "Team.pdf"
    assert pdf.retarget(folder / "Dr. Who") == folder / "Dr. Who.pdf"  # a dot in a name is no suffix


def test_the_page_plan_asks_the_format_how_a_lone_card_is_drawn():
    """A format that prints (like PDF) gets a page with room for marks; the others the bare trim."""
    trimmed = formats.ExportFormat(
        key="trimmed",
        name="T",
        label="T",
        suffix=".t",
        folder=True,
        kind="cards",
        options=TEXT.options,
        writer=TEXT.writer,
        painter=TEXT.painter,
        trim_pages=True,
    )
    with text_format_registered():
        formats.register(trimmed)
        try:
            lay = lay_out_for_export(Persona(name="Ana"), ExportOptions(template="card"))
            [printed] = plan_pages([lay], ExportOptions(format=TEXT.key, crop_marks=True))
            [bare] = plan_pages([lay], ExportOptions(format="trimmed", crop_marks=True))
        finally:
            formats.unregister("trimmed")
    assert printed.sheet.marks and printed.sheet.width > lay.width
    assert not bare.sheet.marks and bare.sheet.width == pytest.approx(lay.width)


def test_the_export_hands_the_pages_to_the_formats_writer(tmp_path):
    with text_format_registered():
        report = export_personas(
            [Persona(name="Ana Lima"), Persona(name="Bo Chen")],
            tmp_path / "cards.txt",
            ExportOptions(format=TEXT.key, template="mini"),
        )
    assert report.pages == 2 and report.files == [tmp_path / "cards.txt"]
    text = report.files[0].read_text(encoding="utf-8")
    assert "Ana Lima" in text and "Bo Chen" in text
