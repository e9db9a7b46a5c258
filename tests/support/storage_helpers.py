"""Test data for the storage tests: real images made with Pillow, a persona with every field."""

from __future__ import annotations

import io

from PIL import Image

from personadesigner.core.persona import CardDesign, CustomSection, Persona, Relation, Source, Trait


def image_bytes(fmt: str = "JPEG", size=(64, 48), color=(200, 30, 30), mode: str = "RGB", **save) -> bytes:
    out = io.BytesIO()
    Image.new(mode, size, color).save(out, format=fmt, **save)
    return out.getvalue()


def rich_persona(name: str = 'Zoë 山田 <&> "دانة"') -> Persona:
    """A persona with EVERY field set, in scripts and characters that break naive code."""
    return Persona(
        name=name,
        type="decision_maker",
        role="CFO & <b>not bold</b>",
        age="45-50",
        gender="non-binary 🌈",
        location="Zürich / 東京",
        income="€120k",
        education="MBA, Universität St. Gallen",
        household="2 kids 👨‍👩‍👧‍👦",
        company='ACME "Global" & Co.',
        company_size="1001-5000",
        industry="Fintech",
        quote="«Show me the numbers» — ‏שלום‏",
        story="Line one\nLine two\n\nAfter an empty line\ttab",
        day_in_the_life="06:00 email; 09:00 board 📈",
        goals=["Cut costs 10 %", "Grow_fast"],
        pain_points=["Slow reports", "مشكلة في البيانات"],
        jobs_to_be_done=["When the quarter closes, I want one report, so I can brief the board"],
        motivations=["Recognition"],
        behaviors=["Reads on mobile"],
        values=["Honesty"],
        channels=["LinkedIn", "Events"],
        tools=["Excel", "SAP"],
        objections=["Too expensive"],
        buying_criteria=["ROI < 12 months"],
        budget="$50k/yr",
        decision_process="CFO signs > $10k; 3 months",
        traits=[Trait("Introvert", "Extrovert", 30), Trait("Cautious", "Bold", 0)],
        segment="Enterprise — DACH",
        tags=["b2b", "Finance", "日本"],
        sources=[Source("interview", "Call with ☎ CFO", "2026-03-01", "n=1 <note>")],
        confidence="medium",
        last_validated="2026-10-01",
        related=[Relation("some-other-id", "approves_for")],
        custom=[CustomSection("Quote bank", "«A» & <B>")],
        photo=image_bytes(),
        notes="internal only & secret",
        card=CardDesign(template="profile", theme="dark"),
    )


def downgrade_file(path, revision: str, *, wal: bool = True) -> None:
    """Take the library file at ``path`` back to schema ``revision`` (alembic's own downgrade):
    a file an older PersonaDesigner wrote, for tests of upgrades and of who reads what."""
    from alembic import command

    from personadesigner.storage import migrate
    from personadesigner.storage.engine import make_engine, writer

    engine, _ = make_engine(str(path), wal=wal)
    try:
        with writer(engine).begin() as conn:
            command.downgrade(migrate.alembic_config(conn), revision)
    finally:
        engine.dispose()
