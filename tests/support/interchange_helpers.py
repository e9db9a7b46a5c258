"""Interchange test helpers: a persona with every field filled in hard text, real photos."""

from __future__ import annotations

import io

from PIL import Image

from personadesigner.core.persona import (
    LIST_FIELDS,
    CardDesign,
    CustomSection,
    Persona,
    Relation,
    Source,
    Trait,
)

#: Text that breaks naive exporters: emoji, CJK, Arabic (RTL), markup-like text, ampersands.
HARD = "Zoë 😀 日本語テキスト مرحبا بالعالم <b>R&D</b> & \"quotes\" 'single'"


def png_bytes(color=(200, 30, 60), size=(48, 32)) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", size, color).save(buf, "PNG")
    return buf.getvalue()


def full_persona(name: str = "Anna Berg 🌍") -> Persona:
    """A persona whose every contract field holds a value (photo included)."""
    p = Persona(name=name, type="end_user")
    for field in (
        "role",
        "age",
        "gender",
        "location",
        "income",
        "education",
        "household",
        "company",
        "company_size",
        "industry",
        "quote",
        "budget",
        "segment",
    ):
        setattr(p, field, f"{field}: {HARD}")
    p.story = f"Line one {HARD}\nLine two\n\nA paragraph after a blank line."
    p.day_in_the_life = "Morning\r\nEvening"
    p.decision_process = "CFO signs; legal reviews"
    p.notes = "=not a formula in JSON"
    for field in LIST_FIELDS:  # every list field of the registry, new ones included
        setattr(p, field, [f"{field} 1 {HARD}", f"{field} 2; with semicolon", "-leading dash"])
    p.traits = [Trait("Introvert", "Extrovert", 70), Trait("Tech-shy", "Tech-savvy", 0), Trait("Ruhig", "لطيف", 100)]
    p.sources = [Source("interview", f"Interviews {HARD}", "2026-03-12", "7 of 9"), Source("survey", "Survey", "", "")]
    p.confidence = "high"
    p.last_validated = "2026-03-20"
    p.related = [Relation("Ben Buyer", "uses_what_is_bought_by")]
    p.custom = [CustomSection("Favourite café", f"{HARD}")]
    p.card = CardDesign(template="mini", theme="warm")
    p.photo = png_bytes()
    return p
