"""The SVG reader behind card icons: what a painter draws must be where the SVG puts it."""

from __future__ import annotations

import math

import pytest

from personadesigner.core.icons import load_icon
from personadesigner.core.svg_path import SvgPathError, bounds, flatten, parse_path, parse_svg


def _svg(body: str) -> str:
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" fill="none" stroke="currentColor">'
        f'<path stroke="none" d="M0 0h24v24H0z" fill="none"/>{body}</svg>'
    )


def _close(a, b, tol=1e-6):
    return all(abs(x - y) <= tol for x, y in zip(a, b, strict=True))


def test_a_bundled_icon_has_the_bounds_its_svg_draws():
    """Tabler's target: three circles around (12, 12), the largest of radius 9 (arcs, relative)."""
    target = load_icon("target")
    assert target.box == 24 and not target.fills
    assert len(target.strokes) == 3  # the invisible 24 x 24 frame is not drawn
    assert _close(bounds(target.strokes), (3, 3, 21, 21), 1e-3)
    assert _close(bounds(target.strokes[:1]), (11, 11, 13, 13), 1e-3)


def test_every_point_of_an_arc_circle_lies_on_the_circle():
    (circle,) = parse_path("M3 12a9 9 0 1 0 18 0a9 9 0 1 0 -18 0")
    assert all(len(seg) == 6 for seg in circle.segments)  # arcs become cubics
    for x, y in flatten(circle, 0.001):
        assert math.hypot(x - 12, y - 12) == pytest.approx(9, abs=0.01)


def test_relative_commands_are_made_absolute():
    (sub,) = parse_path("m2 3l4 0h2v5l-1 -1H1V2z")
    assert sub.start == (2, 3) and sub.closed
    assert sub.segments == ((6, 3), (8, 3), (8, 8), (7, 7), (1, 7), (1, 2))


def test_numbers_after_a_move_are_lines_and_after_close_the_pen_restarts_at_the_start():
    a, b = parse_path("M1 1 5 1 5 5zl2 0")
    assert a.segments == ((5, 1), (5, 5)) and a.closed
    assert b.start == (1, 1) and b.segments == ((3, 1),)


def test_smooth_curves_reflect_the_previous_control_point():
    (sub,) = parse_path("M0 0C1 2 3 2 4 0S7 -2 8 0")
    assert sub.segments[1][:2] == (5, -2)  # 4 0 mirrored about (4, 0) from (3, 2)
    (quad,) = parse_path("M0 0Q2 4 4 0T8 0")
    # T mirrors (2, 4) to (6, -4); as a cubic its first control is 2/3 of the way there
    assert _close(quad.segments[1][:2], (4 + 2 / 3 * 2, -8 / 3))


def test_quadratics_become_the_same_curve_as_cubics():
    (sub,) = parse_path("M0 0Q5 10 10 0")
    mid = flatten(sub, 0.0001)
    top = min(mid, key=lambda p: abs(p[0] - 5))
    assert top[1] == pytest.approx(5, abs=0.01)  # a quadratic's midpoint: (p0 + 2q + p2) / 4


def test_arc_flags_may_be_written_without_separators():
    (sub,) = parse_path("M0 0a1 1 0 012 0")
    assert sub.segments[-1][-2:] == (2, 0)
    top = min(flatten(sub, 0.001), key=lambda p: p[1])
    assert top[1] == pytest.approx(-1, abs=0.01)  # sweep 1 in y-down: over the top


def test_a_rotated_elliptic_arc_ends_where_it_says_and_too_small_radii_grow():
    (sub,) = parse_path("M0 0A4 2 30 0 1 6 3")
    assert _close(sub.segments[-1][-2:], (6, 3))
    (half,) = parse_path("M0 0A1 1 0 0 1 10 0")  # radius 1 cannot reach: a half circle of radius 5
    assert min(p[1] for p in flatten(half, 0.001)) == pytest.approx(-5, abs=0.01)


def test_basic_shapes_are_read_like_their_paths():
    shape = parse_svg(
        _svg(
            '<circle cx="12" cy="12" r="4"/><rect x="2" y="3" width="6" height="4" rx="1"/>'
            '<line x1="1" y1="1" x2="5" y2="2"/><polyline points="1,20 4,22 8,20"/>'
            '<ellipse cx="18" cy="6" rx="3" ry="2"/><polygon points="10 20 12 23 14 20"/>'
        )
    )
    circle, rect, line, poly, ellipse, triangle = shape.strokes
    assert _close(bounds([circle]), (8, 8, 16, 16), 1e-3)
    assert _close(bounds([rect]), (2, 3, 8, 7), 1e-3) and rect.closed
    assert line.start == (1, 1) and line.segments == ((5, 2),)
    assert not poly.closed and poly.segments == ((4, 22), (8, 20))
    assert _close(bounds([ellipse]), (15, 4, 21, 8), 1e-3)
    assert triangle.closed


def test_filled_parts_are_filled_and_unpainted_ones_left_out():
    reddit = load_icon("brand-reddit")
    assert len(reddit.fills) == 2  # its eyes: stroked and filled
    assert all(bounds([f])[2] - bounds([f])[0] == pytest.approx(1, abs=1e-3) for f in reddit.fills)


@pytest.mark.parametrize("bad", ["M0 0 B4 4", "L4 4", "M0 0a1 1 0 2 1 4 4"])
def test_path_data_outside_the_subset_is_refused(bad):
    with pytest.raises(SvgPathError):
        parse_path(bad)


def test_a_viewbox_that_is_not_a_square_from_zero_is_refused():
    with pytest.raises(SvgPathError, match="viewBox"):
        parse_svg('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 12"><path d="M0 0h1"/></svg>')


def test_flattening_keeps_within_its_tolerance():
    (sub,) = parse_path("M0 0C0 10 10 10 10 0")
    coarse, fine = flatten(sub, 0.5), flatten(sub, 0.01)
    assert len(coarse) < len(fine)
    assert max(p[1] for p in fine) == pytest.approx(7.5, abs=0.01)
    assert max(p[1] for p in coarse) == pytest.approx(7.5, abs=0.5)
