"""The Qt painter's raw fonts: the face the layout measured (also inside a .ttc), and a bounded cache."""

from __future__ import annotations

import pytest

from personadesigner.core.fonts import FACES, FontFace
from personadesigner.render import qt_painter

pytestmark = pytest.mark.gui


def test_a_face_inside_a_font_collection_is_the_one_drawn(qapp, monkeypatch):
    monkeypatch.setitem(FACES, "cjk-mono", FontFace("cjk-mono", "wqy-microhei.ttc", "WenQuanYi Micro Hei Mono",
                                                    subfont=1))
    monkeypatch.delitem(qt_painter._font_data, "cjk-mono", raising=False)
    assert qt_painter.raw_font("cjk", 12).familyName() == "WenQuanYi Micro Hei"
    assert qt_painter.raw_font("cjk-mono", 12).familyName() == "WenQuanYi Micro Hei Mono"
    qt_painter._font_data.pop("cjk-mono", None)


def test_shrinking_through_many_sizes_keeps_the_font_cache_bounded(qapp):
    for i in range(300):  # every shrink step of a long text asks for a new size
        assert qt_painter.raw_font("sans", 6 + i * 0.013).isValid()
    assert len(qt_painter._cache("raw_fonts")) <= qt_painter._CACHE_LIMIT
