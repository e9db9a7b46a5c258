"""CMYK and PDF/X-4 for presses: read back from the written PDF with pikepdf, operator by operator."""

from __future__ import annotations

import pikepdf
import pytest

from personadesigner.render.color import cmyk, fill_operator, is_black_only, stroke_operator
from personadesigner.render.imposition import impose, plan_grid
from personadesigner.render.pdf import write_pdf
from personadesigner.render.sheet import card_sheet
from support.hand_layouts import make_layout
from support.poppler import run

RGB_OPERATORS = {"rg", "RG"}
#: Colour spaces that are RGB in disguise.
RGB_SPACES = {"/DeviceRGB", "/CalRGB"}


def _space_is_rgb(space) -> bool:
    """Whether a colour space object (name or array) paints in RGB."""
    if isinstance(space, pikepdf.Name):
        return str(space) in RGB_SPACES
    if isinstance(space, pikepdf.Array) and len(space):
        kind = str(space[0])
        if kind in RGB_SPACES:
            return True
        if kind == "/ICCBased":
            return int(space[1].get("/N")) == 3
        if kind == "/Indexed":
            return _space_is_rgb(space[1])
        if kind in ("/Separation", "/DeviceN"):
            return _space_is_rgb(space[2])
    return False


def _value(operand):
    """A number operand as a float, a name as its text."""
    try:
        return float(operand)
    except (TypeError, ValueError):
        return str(operand)


def _colour_report(path):
    """Every colour operator (with its operands) of every page, and every image's colour space."""
    ops, spaces, images = [], [], []
    with pikepdf.open(path) as pdf:
        for page in pdf.pages:
            in_text = False
            for operands, op in pikepdf.parse_content_stream(page):
                name = str(op)
                in_text = (in_text or name == "BT") and name != "ET"
                if name in ("rg", "RG", "k", "K", "g", "G", "sc", "SC", "scn", "SCN", "cs", "CS"):
                    ops.append((name, [_value(o) for o in operands], in_text))
            resources = page.obj.get("/Resources", {})
            for space in resources.get("/ColorSpace", {}).values():
                spaces.append(space)
            for xobject in resources.get("/XObject", {}).values():
                if xobject.get("/Subtype") == "/Image":
                    images.append(xobject.get("/ColorSpace"))
                    if "/SMask" in xobject:
                        images.append(xobject.SMask.get("/ColorSpace"))
    return ops, spaces, images


def _write(tmp_path, name, sheets, **kw):
    out = tmp_path / name
    write_pdf(sheets, out, title="Ada Lovelace", **kw)
    return out


def test_rgb_is_still_the_default(tmp_path):
    out = _write(tmp_path, "rgb.pdf", [card_sheet(make_layout(), with_marks=True)])
    ops, _, images = _colour_report(out)
    assert any(op in RGB_OPERATORS for op, _, _ in ops)
    assert "/DeviceRGB" in [str(s) for s in images]


def test_cmyk_pdfx_has_an_output_intent_and_no_rgb_colour(tmp_path):
    out = _write(tmp_path, "x4.pdf", [card_sheet(make_layout(bleed=8.5), with_marks=True)], pdfx=True)
    ops, spaces, images = _colour_report(out)
    assert ops, "the card paints in colour"
    assert not [o for o in ops if o[0] in RGB_OPERATORS]
    assert not [s for s in spaces if _space_is_rgb(s)]
    assert images and not [s for s in images if _space_is_rgb(s)]
    assert "/DeviceCMYK" in [str(s) for s in images]  # the photo went through the press profile
    with pikepdf.open(out) as pdf:
        (intent,) = pdf.Root.OutputIntents
        assert intent.S == "/GTS_PDFX"
        assert str(intent.OutputConditionIdentifier) == "FOGRA39"
        profile = intent.DestOutputProfile
        assert int(profile.N) == 4
        assert profile.read_bytes()[16:20] == b"CMYK"  # the ICC header's data colour space
        assert str(pdf.docinfo.GTS_PDFXVersion) == "PDF/X-4"
        assert pdf.docinfo.Trapped == "/False"
        assert pdf.pdf_version == "1.6"
        assert b"<pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>" in pdf.Root.Metadata.read_bytes()
        assert "/ID" in pdf.trailer
        for page in pdf.pages:
            assert "/TrimBox" in page.obj and "/BleedBox" in page.obj
    fonts = run("pdffonts", str(out)).splitlines()[2:]
    assert fonts and all(line.split()[-5] == "yes" for line in fonts)  # every font embedded


def test_pdfx_shared_sheets_get_trim_and_bleed_boxes_on_every_page(tmp_path):
    grid = plan_grid(252.0, 144.0, 0.0, "Letter", 10)
    sheets = impose([make_layout(width=252.0, height=144.0) for _ in range(12)], grid, with_marks=True)
    out = _write(tmp_path, "sheets.pdf", sheets, pdfx=True)
    with pikepdf.open(out) as pdf:
        assert len(pdf.pages) == 2
        for page in pdf.pages:
            assert [float(v) for v in page.obj.TrimBox] == [0, 0, 612, 792]
            assert [float(v) for v in page.obj.BleedBox] == [0, 0, 612, 792]
    ops, spaces, _ = _colour_report(out)
    assert not [o for o in ops if o[0] in RGB_OPERATORS]
    assert not [s for s in spaces if _space_is_rgb(s)]


def test_black_text_is_black_ink_only_never_rich_black(tmp_path):
    layout = make_layout(texts=[("sans", "Body in near-black"), ("sans-bold", "A black heading")])
    out = _write(tmp_path, "k.pdf", [card_sheet(layout)], color="cmyk")
    ops, _, _ = _colour_report(out)
    text_fills = [values for op, values, in_text in ops if in_text and op == "k"]
    # make_layout's body text is #202020 (a near-black grey), its name is white
    assert [0.0, 0.0, 0.0, 0.875] in text_fills
    for c, m, y, k in text_fills:
        assert c == m == y == 0.0, (c, m, y, k)
    # the black stroke of the orange disc too
    assert ("K", [0.0, 0.0, 0.0, 1.0], False) in ops


@pytest.mark.parametrize(
    ("color", "expected"),
    [
        ("#000000", (0.0, 0.0, 0.0, 1.0)),
        ("#ffffff", (0.0, 0.0, 0.0, 0.0)),
        ("#808080", (0.0, 0.0, 0.0, 0.498)),
        ("#1a1a2e", (0.0, 0.0, 0.0, 0.8196)),  # near-black navy: K only, not 4 inks
    ],
)
def test_neutral_and_near_black_colours_go_on_the_black_plate(color, expected):
    assert cmyk(color) == pytest.approx(expected, abs=1e-3)


def test_a_real_colour_goes_through_the_profile_within_the_ink_limit():
    c, m, y, k = cmyk("#c81e1e")  # a strong red: magenta and yellow, no cyan to speak of
    assert m > 0.8 and y > 0.8 and c < 0.1
    c, m, y, k = cmyk("#1f4e79")  # the theme's dark blue
    assert c > 0.8 and c + m + y + k <= 3.2  # the profile's 320 % limit


def test_grey_and_near_black_detection_and_operators():
    assert is_black_only(0.1, 0.1, 0.1) and is_black_only(0.2, 0.05, 0.0) and is_black_only(0.5, 0.52, 0.51)
    assert not is_black_only(0.21, 0.05, 0.0) and not is_black_only(0.5, 0.6, 0.5)
    assert fill_operator("#000000", "cmyk") == ("0.000 0.000 0.000 1.000 k", 1.0)
    assert stroke_operator("#00000080", "cmyk") == ("0.000 0.000 0.000 1.000 K", pytest.approx(0.502, abs=1e-3))
    assert fill_operator("#ff0000") == ("1.000 0.000 0.000 rg", 1.0)
    assert stroke_operator("#ff0000") == ("1.000 0.000 0.000 RG", 1.0)


def test_mono_theme_prints_black_ink_only(tmp_path):
    from personadesigner.core.layout import layout
    from personadesigner.core.templates import load_template
    from personadesigner.core.themes import load_theme
    from personadesigner.samples import sample_personas

    persona = sample_personas()[0]
    lay = layout(persona, load_template("card"), load_theme("mono"))
    out = _write(tmp_path, "mono.pdf", [card_sheet(lay, with_marks=True)], color="cmyk")
    ops, _, _ = _colour_report(out)
    colour_ops = [(op, v) for op, v, _ in ops if op in ("k", "K")]
    assert colour_ops
    assert all(v[:3] == [0.0, 0.0, 0.0] for _, v in colour_ops), colour_ops


def test_subset_fonts_have_distinct_tags(tmp_path):
    layout = make_layout(texts=[("sans", "Regular"), ("sans-bold", "Bold"), ("serif-italic", "Italic")])
    out = _write(tmp_path, "fonts.pdf", [card_sheet(layout)])
    names = [line.split()[0] for line in run("pdffonts", str(out)).splitlines()[2:]]
    tags = [n.split("+")[0] for n in names]
    assert len(names) >= 3 and len(set(tags)) == len(tags), names
