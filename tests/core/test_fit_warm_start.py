"""The shrink-to-fit search starts from the previous card's result (core.layout_flow):
a batch gets the very cards a search from scratch gives, with fewer fit tests."""

from __future__ import annotations

import pytest

from personadesigner.core import layout_flow
from personadesigner.core.layout import layout
from personadesigner.core.persona import Persona
from support.fill_personas import sparse
from support.layout_caches import clear_layout_caches
from support.layout_dump import canonical

WORDS = ["research", "onboarding", "budget", "workshop", "pricing", "roadmap", "dashboard", "interview"]


def batch() -> list[Persona]:
    """Sparse personas and ones whose story and lists need more and more room."""
    out = [sparse(i) for i in range(12)]
    for i in range(40):
        story = " ".join(WORDS[(i + k) % len(WORDS)] for k in range(10 + (i * 37) % 300))
        goals = [f"Goal {k}: {WORDS[(i + k) % len(WORDS)]} every week" for k in range(1 + i % 9)]
        out.append(Persona(name=f"Persona {i}", role="Analyst", story=story, goals=goals, quote="q " * (i % 30)))
    return out


@pytest.mark.parametrize("template", ["card", "profile", "business-card", "mini"])
def test_a_batch_laid_out_in_turn_equals_each_card_laid_out_alone(template):
    """Also the layout's other caches (lines, text blocks, backgrounds, initials, rectangles kept
    for the next card): a card never shows what the card before it left in them."""
    personas = batch()
    for k, p in enumerate(personas):
        p.type = ("customer", "negative", "buyer")[k % 3]  # the negative band moves what is not pinned
    in_turn = [canonical(layout(p, template, theme)) for p in personas for theme in ("classic", "mono")]
    alone = []
    for p in personas:
        for theme in ("classic", "mono"):
            clear_layout_caches()
            alone.append(canonical(layout(p, template, theme)))
    assert in_turn == alone


def test_the_next_card_of_a_batch_needs_fewer_fit_tests(monkeypatch):
    goals = [f"Goal {k}: reach every target on time and on budget" for k in range(12)]
    pains = ["Slow reports every week"] * 6
    heavy = [Persona(name=f"P{i}", goals=goals, pain_points=pains, quote="We need it yesterday.") for i in range(2)]
    layout_flow._LAST_SHRINK.clear()
    calls = []
    real = layout_flow.Flow.fits
    monkeypatch.setattr(layout_flow.Flow, "fits", lambda self, s: calls.append(s) or real(self, s))
    assert layout(heavy[0], "card", "classic").type_step > 0  # it shrinks: the search runs
    first, calls[:] = len(calls), []
    layout(heavy[1], "card", "classic")
    assert 0 < len(calls) <= first - 4  # two fit tests where the bisection took six


def test_the_next_card_that_shrinks_alike_is_never_laid_out_at_its_preferred_size(monkeypatch):
    """When the previous card's answer settles the search (the step below it does not fit,
    so neither do the preferred sizes), the flow's text is not broken at those sizes first."""
    goals = [f"Goal {k}: reach every target on time and on budget" for k in range(12)]
    pains = ["Slow reports every week"] * 6
    heavy = [Persona(name=f"P{i}", goals=goals, pain_points=pains, quote="We need it yesterday.") for i in range(2)]
    layout_flow._LAST_SHRINK.clear()
    first = layout(heavy[0], "card", "classic")
    tried: dict[int, list[float]] = {}
    shrunk = []
    real_sized, real_run = layout_flow.Flow._sized, layout_flow.Flow.run

    def sized(self, s):
        tried.setdefault(id(self), []).append(s)
        return real_sized(self, s)

    def run(self, at_least=None):
        out = real_run(self, at_least)
        if self.s > 0:
            shrunk.append(id(self))
        return out

    monkeypatch.setattr(layout_flow.Flow, "_sized", sized)
    monkeypatch.setattr(layout_flow.Flow, "run", run)
    second = layout(heavy[1], "card", "classic")
    assert second.type_step == first.type_step > 0
    assert shrunk and all(0.0 not in tried[f] for f in shrunk)
