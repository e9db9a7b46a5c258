"""Personas the layout tests use: plain, full, multilingual, negative, with a photo.

A module of its own (not conftest) so test files of several folders can run in one pytest call."""

from __future__ import annotations

import io

from personadesigner.core.persona import CustomSection, Persona, Relation, Source, Trait


def photo_png(w: int = 300, h: int = 200) -> bytes:
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (w, h), (180, 120, 90)).save(buf, "PNG")
    return buf.getvalue()


def plain() -> Persona:
    return Persona(
        name="Anna Berg",
        type="end_user",
        role="Marketing lead at a startup",
        quote="I need numbers I can show my boss.",
        goals=["Prove campaign ROI", "Automate weekly reporting"],
        pain_points=["Data scattered across five tools"],
    )


def full() -> Persona:
    return Persona(
        name="Maximilian Okonkwo",
        type="decision_maker",
        id="p-max",
        role="CFO, Northwind Logistics",
        age="48",
        gender="Male",
        location="Rotterdam",
        income="€180k",
        education="MBA",
        household="Married",
        company="Northwind",
        company_size="1001-5000",
        industry="Logistics",
        segment="Enterprise",
        quote="Show me payback in under 12 months.",
        story="Joined as controller fifteen years ago.\nRuns marathons.",
        day_in_the_life="Cash reports at seven, budget reviews until lunch.",
        goals=["Cut operating costs by 8%", "Consolidate vendors", "Real-time cash visibility"],
        pain_points=["Shadow IT purchases", "Monthly close takes 12 days"],
        motivations=["Predictability"],
        behaviors=["Trusts peer references"],
        values=["Prudence", "Transparency"],
        channels=["LinkedIn", "Events"],
        tools=["SAP", "Excel"],
        objections=["Another integration project"],
        buying_criteria=["Payback < 12 months"],
        budget="€250k per year",
        decision_process="Controllers shortlist, the CFO approves.",
        traits=[Trait("Introvert", "Extrovert", 30), Trait("Analytical", "Intuitive", 15)],
        sources=[Source("interview", "CFO interviews", "2026-03-12", "8 interviews")],
        confidence="high",
        last_validated="2026-04-01",
        related=[Relation("p-anna", "approves_for")],
        custom=[CustomSection("Favourite saying", "Cash is king.")],
        notes="INTERNAL-ONLY-NOTE",
        tags=["finance"],
    )


def multilingual() -> Persona:
    return Persona(
        name="李小龙 سارة",
        type="influencer",
        role="Blogger — مدونة · 技术博主",
        quote="I write about <b>R&D</b> tools 🧑‍💻 every week.",
        goals=["漢字とかなの混じった長い目標を書きます。", "الوصول إلى مليون قارئ", "Bell\x07 and tab\tend"],
        pain_points=["Emoji 🎉 everywhere"],
    )


def negative() -> Persona:
    return Persona(
        name="Bargain Bob",
        type="negative",
        role="Wants everything for free",
        quote="Why would I pay?",
        goals=["Free tools only"],
    )


SAMPLES = {"plain": plain, "full": full, "multilingual": multilingual, "negative": negative}
