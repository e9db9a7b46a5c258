"""Personas the fill measure is checked on: the samples, the layout tests' personas and
generated sparse ones (four to six short sections), each under a stable key."""

from __future__ import annotations

import random

from personadesigner.core.persona import Persona, Trait

_WORDS = (
    "budget",
    "report",
    "team",
    "quarterly",
    "launch",
    "customers",
    "tools",
    "data",
    "faster",
    "simple",
    "review",
    "approval",
    "pricing",
    "onboarding",
    "support",
    "trial",
    "renewal",
    "dashboard",
)


def _phrase(rnd: random.Random, lo: int, hi: int) -> str:
    return " ".join(rnd.choice(_WORDS) for _ in range(rnd.randint(lo, hi))).capitalize()


def sparse(seed: int) -> Persona:
    """A thin persona: a quote, two or three short goals and pain points, maybe a channel or a trait."""
    rnd = random.Random(seed)
    p = Persona(
        name=f"Sparse {seed}",
        type=rnd.choice(("customer", "buyer", "end_user", "negative")),
        role=_phrase(rnd, 2, 4),
        quote=_phrase(rnd, 5, 10) + ".",
        goals=[_phrase(rnd, 3, 6) for _ in range(rnd.randint(2, 3))],
        pain_points=[_phrase(rnd, 3, 6) for _ in range(rnd.randint(1, 3))],
        age=str(rnd.randint(25, 60)),
        location="Lyon",
    )
    if seed % 2:
        p.channels = ["LinkedIn", "Newsletters"]
        p.motivations = [_phrase(rnd, 3, 5)]
    if seed % 3 == 0:
        p.traits = [Trait("Cautious", "Bold", rnd.randint(10, 90))]
    return p


def fill_personas() -> dict[str, Persona]:
    from personadesigner.samples import sample_personas
    from support.layout_samples import SAMPLES

    found: dict[str, Persona] = {}
    for k, p in enumerate(sample_personas()):
        found[f"sample{k} {p.name}"] = p
    for key, make in sorted(SAMPLES.items()):
        found[key] = make()
    for seed in range(6):
        found[f"sparse{seed}"] = sparse(seed)
    return found
