"""A card's page stream says each thing once: plain text spans in their own letters, a line's
words in one hex string, a fill colour not set again while it is set. The text poppler gives
back is as typed, and the export's file is smaller for it."""

from __future__ import annotations

import re
import zlib

from personadesigner.core.export_options import ExportOptions
from personadesigner.core.persona import Persona
from personadesigner.render.export import export_personas
from support.poppler import pdf_text

OPTIONS = dict(template="business-card", page_size="Letter", per_page=10, crop_marks=True)
NAME = r"Ada (Lead) \ Ops"


def _page_streams(path) -> list[str]:
    out = []
    for m in re.finditer(rb"stream\r?\n(.*?)endstream", path.read_bytes(), re.S):
        try:
            text = zlib.decompress(m.group(1)).decode("latin-1")
        except zlib.error:
            continue
        if " BDC" in text:
            out.append(text)
    return out


def _export(tmp_path):
    out = tmp_path / "cards.pdf"
    personas = [Persona(name=NAME, goals=["Finish the plan and share it with the team"], pain_points=["Slow"])] * 3
    export_personas(personas, out, ExportOptions(**OPTIONS))
    return out


def test_plain_text_spans_are_literal_strings_and_extract_as_typed(tmp_path):
    out = _export(tmp_path)
    content = "".join(_page_streams(out))
    assert r"/ActualText (Ada \(Lead\) \\ Ops)" in content
    assert "/ActualText <FEFF" not in content  # no plain text spelled out as UTF-16 in hex
    assert NAME in pdf_text(out)
    assert "Finish the plan and share it" in " ".join(pdf_text(out).split())


def test_a_lines_words_are_one_hex_string(tmp_path):
    content = "".join(_page_streams(_export(tmp_path)))
    arrays = re.findall(r"\[(.*?)\] TJ", content)
    assert arrays and not any("> <" in array for array in arrays)


def test_a_fill_colour_is_not_set_again_while_it_is_set(tmp_path):
    """Between two fill colour operators with only paths between them, the colour changes."""
    for stream in _page_streams(_export(tmp_path)):
        current = None
        for line in stream.splitlines():
            if line.endswith(" rg") and not line.startswith(("BT", "q")):
                assert line != current, "the same fill colour set twice in a row"
                current = line
            elif line in ("BT", "ET", "Q") or line.startswith(("q ", "BT", "ET")) or " BDC" in line:
                current = None
