"""The Qt painter's raw fonts: the face the layout measured (also inside a .ttc), and a bounded cache."""

from __future__ import annotations

import pytest

from personadesigner.core.fonts import FACES
from personadesigner.render import qt_painter

pytestmark = pytest.mark.gui


@pytest.mark.parametrize("key", sorted(FACES))
def test_qt_draws_every_bundled_face_from_its_own_family(qapp, key):
    """The canvas and PNG must use the very face the PDF embeds (a .ttc's first face included)."""
    face = FACES[key]
    raw = qt_painter.raw_font(key, 12)
    assert raw.familyName() == face.family
    # a synthetic bold face is its regular file, emboldened when drawn (tests/render/test_chinese_bold.py)
    assert raw.weight() >= 600 if face.bold and not face.synthetic else raw.weight() < 600


def test_shrinking_through_many_sizes_keeps_the_font_cache_bounded(qapp):
    for i in range(300):  # every shrink step of a long text asks for a new size
        assert qt_painter.raw_font("sans", 6 + i * 0.013).isValid()
    assert len(qt_painter._cache("raw_fonts")) <= qt_painter._CACHE_LIMIT
