"""A PNG page too large for memory is refused before rendering, naming the limit and a dpi that fits."""

from __future__ import annotations

import re

import pytest

from personadesigner.errors import UserError
from personadesigner.render.png import MAX_IMAGE_BYTES, check_image_size, pixel_size


def test_a_poster_at_2400_dpi_is_refused_with_the_limit_and_a_dpi_that_fits():
    width_pt, height_pt = 1190.55, 1683.78  # A1 poster
    with pytest.raises(UserError) as err:
        check_image_size(width_pt, height_pt, 2400)
    message = str(err.value)
    assert "1 GiB limit" in message and "GiB of memory" in message
    fit = int(re.search(r"export at (\d+) dpi or less", message).group(1))
    w, h = pixel_size(width_pt, height_pt, fit)
    assert w * h * 4 <= MAX_IMAGE_BYTES
    w, h = pixel_size(width_pt, height_pt, fit + 1)
    assert w * h * 4 > MAX_IMAGE_BYTES
    check_image_size(width_pt, height_pt, fit)  # the dpi it names is accepted
