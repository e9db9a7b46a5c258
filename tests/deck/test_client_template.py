"""--pptx-template: the deck is built on the client's master, layouts, theme fonts and logo; bad files exit 2."""

from __future__ import annotations

import io
import zipfile

import pytest
from pptx import Presentation
from pptx.util import Inches

from personadesigner.samples import sample_personas

TEMPLATE_TYPE = "application/vnd.openxmlformats-officedocument.presentationml.template.main+xml"
PRESENTATION_TYPE = "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"


def _drop_layouts(prs, names: set[str]) -> None:
    for master in prs.slide_masters:
        ids = master._element.get_or_add_sldLayoutIdLst()
        for entry in list(ids):
            layout = master.part.related_part(entry.rId).slide_layout
            if layout.name in names:
                master.part.drop_rel(entry.rId)
                ids.remove(entry)


def make_template(path, *, rename: bool = True, drop: set[str] = frozenset(), example_slide: bool = True) -> None:
    """python-pptx's default template made a client's: renamed layouts, a theme font "Acme Sans", a logo."""
    prs = Presentation()
    for layout in prs.slide_layouts:
        if rename:
            layout.name = f"Acme {layout.name}"
    _drop_layouts(prs, set(drop))
    # The client's logo on the master: a named shape (MasterShapes cannot add pictures) moved from a slide.
    scratch = prs.slides.add_slide(prs.slide_layouts[-1])
    logo = scratch.shapes.add_textbox(Inches(8.6), Inches(0.1), Inches(1.2), Inches(0.4))
    logo.text_frame.text = "ACME"
    logo.name = "Acme logo"
    prs.slide_masters[0].shapes._spTree.append(logo._element)
    scratch_id = prs.slides._sldIdLst[-1]
    prs.part.drop_rel(scratch_id.rId)
    prs.slides._sldIdLst.remove(scratch_id)
    if example_slide:
        prs.slides.add_slide(prs.slide_layouts[0]).shapes.title.text = "Example slide of the template"
    buf = io.BytesIO()
    prs.save(buf)
    with zipfile.ZipFile(io.BytesIO(buf.getvalue())) as src, zipfile.ZipFile(path, "w") as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename.startswith("ppt/theme/theme"):
                text = body.decode()
                text = text.replace('<a:latin typeface="Calibri"/>', '<a:latin typeface="Acme Sans"/>')
                body = text.encode()
            if info.filename == "[Content_Types].xml" and str(path).endswith(".potx"):
                body = body.replace(PRESENTATION_TYPE.encode(), TEMPLATE_TYPE.encode())
            dst.writestr(info, body)


def _theme_xml(path) -> str:
    with zipfile.ZipFile(path) as z:
        return "".join(z.read(n).decode() for n in z.namelist() if n.startswith("ppt/theme/theme"))


@pytest.mark.parametrize("suffix", [".pptx", ".potx"])
def test_the_deck_uses_the_clients_master_layout_theme_fonts_and_logo(tmp_path, cli, sample_library, suffix):
    template = tmp_path / f"client{suffix}"
    make_template(template)
    out = tmp_path / "deck.pptx"
    run = cli(
        "export",
        "--library",
        sample_library,
        "--all",
        "--deck",
        "--out",
        out,
        "--pptx-template",
        template,
        "--pptx-fonts",
        "theme",
    )
    assert run.code == 0, run.err
    prs = Presentation(out)
    cover, *rest = prs.slides
    assert cover.slide_layout.name == "Acme Title Slide" and cover.shapes.title.text == "Our personas"
    assert "8 personas" in " ".join(sh.text_frame.text for sh in cover.placeholders)
    assert {s.slide_layout.name for s in rest} == {"Acme Title Only"}
    assert "Acme Sans" in _theme_xml(out)
    titles = [s.shapes.title.text for s in prs.slides]
    assert "Example slide of the template" not in titles
    assert "The buying committee" in titles and all(p.name in titles for p in sample_personas())
    assert any(sh.name == "Acme logo" for sh in prs.slide_masters[0].shapes)  # the logo on the master
    fonts = {
        r.font.name
        for s in prs.slides
        for sh in s.shapes
        if sh.has_text_frame
        for p in sh.text_frame.paragraphs
        for r in p.runs
    }
    assert "+mn-lt" in fonts and "Noto Sans" not in fonts


def test_a_template_without_a_suitable_layout_falls_back_to_a_blank_one_and_says_so(tmp_path, cli, sample_library):
    template = tmp_path / "client.pptx"
    make_template(template, drop={"Acme Title Only", "Acme Blank"})
    out = tmp_path / "deck.pptx"
    run = cli("export", "--library", sample_library, "--all", "--out", out, "--pptx-template", template)
    assert run.code == 0, run.err
    notes = [line for line in run.err.splitlines() if line.startswith("note:")]
    assert len(notes) == 1 and 'no "Title Only" or "Blank" layout' in notes[0]
    prs = Presentation(out)
    for slide in prs.slides:
        assert not list(slide.placeholders)  # no empty "Click to add text" boxes


def _no_layouts(path) -> None:
    make_template(path, rename=False, example_slide=False)
    prs = Presentation(path)
    _drop_layouts(prs, {lay.name for lay in prs.slide_layouts})
    prs.save(path)


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: p.write_text("just some text"), "is not a .pptx or .potx file"),
        (lambda p: p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600), "is password-protected"),
        (lambda p: (make_template(p), p.write_bytes(p.read_bytes()[:3000])), "is damaged"),
        (_no_layouts, "has no slide layouts"),
    ],
    ids=["text", "encrypted", "truncated", "no-layouts"],
)
def test_a_bad_template_is_one_line_exit_2_and_nothing_written(tmp_path, cli, sample_library, make, message):
    template = tmp_path / "client.pptx"
    make(template)
    out = tmp_path / "deck.pptx"
    run = cli("export", "--library", sample_library, "--all", "--out", out, "--pptx-template", template)
    assert run.code == 2
    assert message in run.err and len(run.err.strip().splitlines()) == 1
    assert not out.exists()


def test_libreoffice_opens_a_deck_built_on_a_client_template(tmp_path, cli, sample_library):
    from support.soffice import convert_to_pdf, pdf_pages, pdf_text

    template = tmp_path / "client.potx"
    make_template(template)
    out = tmp_path / "deck.pptx"
    run = cli("export", "--library", sample_library, "--all", "--deck", "--out", out, "--pptx-template", template)
    assert run.code == 0, run.err
    pdf = convert_to_pdf(out, tmp_path)
    assert pdf_pages(pdf) == len(Presentation(out).slides)
    text = pdf_text(pdf)
    assert "Our personas" in text and "ACME" in text and "Tomasz" in text  # the master's logo on the slides
