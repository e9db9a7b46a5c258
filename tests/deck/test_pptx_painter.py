"""The PPTX painter: photos as cropped pictures, right-to-left text in reading order, every primitive native."""

from __future__ import annotations

import io

from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE

from personadesigner.core.export_options import ExportOptions
from personadesigner.core.persona import Persona
from personadesigner.render.export import export_personas


def _photo() -> bytes:
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (300, 200), "#3366aa").save(buf, "PNG")
    return buf.getvalue()


def _texts(prs) -> list[str]:
    return [p.text for s in prs.slides for sh in s.shapes if sh.has_text_frame for p in sh.text_frame.paragraphs]


def test_a_photo_is_a_picture_beside_editable_text(tmp_path):
    persona = Persona(name="Photo Phil", goals=["See the whole team at once"], photo=_photo())
    out = tmp_path / "phil.pptx"
    export_personas([persona], out, ExportOptions(format="pptx", template="slide"))
    prs = Presentation(out)
    slide = prs.slides[0]
    pictures = [sh for sh in slide.shapes if sh.shape_type == MSO_SHAPE_TYPE.PICTURE]
    assert len(pictures) == 1
    assert pictures[0].width * pictures[0].height < 0.2 * prs.slide_width * prs.slide_height
    assert "Photo Phil" in _texts(prs) and "See the whole team at once" in " ".join(_texts(prs))
    shapes = [sh for sh in slide.shapes if sh.shape_type == MSO_SHAPE_TYPE.AUTO_SHAPE]
    assert shapes, "bands and badges are native shapes"


def test_right_to_left_text_is_stored_in_reading_order(tmp_path):
    name = "נועה כהן"
    out = tmp_path / "noa.pptx"
    export_personas([Persona(name=name, role="מנהלת משרד")], out, ExportOptions(format="pptx", template="slide"))
    texts = _texts(Presentation(out))
    assert name in texts and "מנהלת משרד" in texts  # logical order, not the layout's visual order
