"""What a fresh interpreter runs for tests/render/test_parallel_layout.py: a batch laid out by one
process and by two, compared card by card."""

from __future__ import annotations

import dataclasses
import os

from personadesigner.core.export_options import ExportOptions, ExportReport
from personadesigner.render import card_stream
from personadesigner.render.parallel_layout import CHUNK, can_fork, in_parallel
from personadesigner.samples import sample_personas
from support.layout_dump import canonical


def varied_personas(count: int):
    """The samples again and again, each copy with its own name and a goal of its own length."""
    samples = sample_personas()
    out = []
    for i in range(count):
        base = samples[i % len(samples)]
        goals = [*base.goals[:2], f"Plan {i}: " + "fewer spreadsheets, " * (i % 7)]
        out.append(dataclasses.replace(base, id=f"p{i}", name=f"{base.name} {i}", goals=goals))
    return out


def same_cards_both_ways(count: int) -> None:
    assert can_fork()
    personas = varied_personas(count)
    for template in ("business-card", "card"):
        options = ExportOptions(template=template)
        alone = [canonical(lay) for lay in card_stream.laid_out(personas, options, None, None, ExportReport(), _go)]
        shared = list(card_stream.laid_out(personas, options, None, None, ExportReport(), _go, parallel=True))
        assert [canonical(lay) for lay in shared] == alone, template
        assert [lay.persona_name for lay in shared] == [p.name for p in personas]


def _go() -> None:
    """Never cancelled."""


def helper_fails(count: int) -> None:
    """The helper breaks down after its first chunk: this process makes the rest, nothing is lost."""
    assert can_fork()
    here = os.getpid()

    def lay_out(i, item):
        if os.getpid() != here and i >= 3 * CHUNK:
            raise RuntimeError("the helper breaks down")
        return item * 2, os.getpid()

    made = list(in_parallel(list(range(count)), lay_out))
    assert [m[0] for m in made] == [i * 2 for i in range(count)]
    assert any(pid != here for _m, pid in made)  # it did make some before breaking down


def card_fails(count: int) -> None:
    """A card that cannot be laid out (in the helper's chunk) raises its error in this process."""
    assert can_fork()

    def lay_out(i, item):
        if i == 2 * CHUNK + 3:  # a helper's chunk
            raise ValueError(f"card {i} cannot be laid out")
        return item

    try:
        list(in_parallel(list(range(count)), lay_out))
    except ValueError as exc:
        assert f"card {2 * CHUNK + 3}" in str(exc)
    else:
        raise AssertionError("the card's error was lost")
