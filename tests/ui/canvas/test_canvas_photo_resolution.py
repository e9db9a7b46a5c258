"""The canvas outlines a photo too small for its printed size, like cut text, and says why."""

from __future__ import annotations

import pytest

from personadesigner.core.cardlayout import ImageItem
from support.canvas import make_persona
from support.images import png

pytestmark = pytest.mark.gui


def test_a_60_pixel_photo_on_the_poster_is_outlined_with_its_resolution(canvas):
    persona = make_persona(photo=png((60, 60)))
    persona.card.template = "poster"
    canvas.set_persona(persona)
    photo = next(it for it in canvas.current_layout().items if isinstance(it, ImageItem))
    markers = [m for m in canvas.cut_markers() if m.block is photo]
    assert len(markers) == 1
    assert markers[0].rect().contains(photo.x + photo.w / 2, photo.y + photo.h / 2)
    assert markers[0].toolTip().startswith("Photo: 17 ppi at this size prints blurred")


def test_a_sharp_photo_has_no_outline(canvas):
    persona = make_persona(photo=png((1200, 1200)))
    canvas.set_persona(persona)
    assert any(isinstance(it, ImageItem) for it in canvas.current_layout().items)
    assert canvas.cut_markers() == []
