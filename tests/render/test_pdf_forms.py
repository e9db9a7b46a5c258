"""A long batch draws the shapes every card repeats once, as form XObjects: a smaller file
whose pages look exactly as before; a short export is written as it always was."""

from __future__ import annotations

import re

from PIL import ImageChops

from personadesigner.core.export_options import ExportOptions
from personadesigner.core.persona import Persona
from personadesigner.render import pdf_forms
from personadesigner.render.export import export_personas
from support.poppler import pdf_text, rasterize

OPTIONS = dict(template="business-card", page_size="Letter", per_page=10, crop_marks=True)


def _personas(count: int) -> list[Persona]:
    return [
        Persona(name=f"Ada Dubois #{i}", goals=[f"Finish plan {i} and share it"], pain_points=["Exports look ugly"])
        for i in range(count)
    ]


def _forms(path) -> int:
    return len(re.findall(rb"/Subtype /Form", path.read_bytes()))


def test_a_long_batch_draws_repeated_shapes_once_and_looks_the_same(tmp_path, monkeypatch):
    batch = tmp_path / "batch.pdf"
    export_personas(_personas(120), batch, ExportOptions(**OPTIONS))
    monkeypatch.setattr(pdf_forms, "INLINE", 10**9)  # every shape written into every page
    inline = tmp_path / "inline.pdf"
    export_personas(_personas(120), inline, ExportOptions(**OPTIONS))

    assert _forms(batch) > 0 and _forms(inline) == 0
    assert batch.stat().st_size < 0.98 * inline.stat().st_size
    assert pdf_text(batch) == pdf_text(inline)
    for page in (1, 12):  # the first sheets write their shapes inline, the last draws the forms
        ours = rasterize(batch, tmp_path, dpi=100, page=page, name=f"b{page}")
        theirs = rasterize(inline, tmp_path, dpi=100, page=page, name=f"i{page}")
        assert ImageChops.difference(ours, theirs).getbbox() is None


def test_a_short_export_has_no_forms(tmp_path):
    out = tmp_path / "short.pdf"
    export_personas(_personas(pdf_forms.INLINE), out, ExportOptions(**OPTIONS))
    assert _forms(out) == 0
