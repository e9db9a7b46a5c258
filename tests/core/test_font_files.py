"""A font file is parsed once however many faces name it; each face keeps its own PDF name and glyph codes.

(That the variants embed as distinct subsets: tests/cli/test_cli_brand_theme.py.)
"""

from __future__ import annotations

from personadesigner.core.brand_fonts import brand_face
from personadesigner.core.text import font_file
from personadesigner.paths import resource


def test_a_brand_font_is_parsed_once_for_its_four_variants_which_keep_their_own_pdf_names():
    data = resource("fonts", "NotoSerif-Italic.ttf").read_bytes()
    key = brand_face(data, "Noto Serif")
    fonts = [font_file(key + v) for v in ("", "-bold", "-italic", "-bolditalic")]
    assert len({id(f.face._ttf_data) for f in fonts}) == 1  # one read of the file's tables
    assert len({f.fontName for f in fonts}) == 4
    assert [f.face.subfontNameX for f in fonts] == [b"", b"-bold", b"-italic", b"-bolditalic"]
    assert len({id(f.face.charToGlyph) for f in fonts}) == 4  # each face maps its own shaped glyphs
