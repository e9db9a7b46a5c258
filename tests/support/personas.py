"""Personas that exercise every field with characters that break naive code."""

from __future__ import annotations

from personadesigner.core.persona import CardDesign, CustomSection, Persona, Relation, Source, Trait
from support.images import jpeg


def every_field(name: str = "Åsa 李 <&> ‏רות‏", photo_color=(30, 120, 200)) -> Persona:
    return Persona(
        name=name, type="buyer", role="Head of <i>Ops</i> & IT", age="41", gender="woman",
        location="Malmö / 北京", income="SEK 60k", education="KTH", household="3 👶",
        company="Nordic \"Rail\" AB", company_size="501-1000", industry="Transport",
        quote="«Fast» — ‎مرحبا", story="Line 1\nLine 2\ttab", day_in_the_life="07:00 ☕",
        goals=["Fewer delays", "=SUM(A1)"], pain_points=["Manual work"], motivations=["Safety"],
        jobs_to_be_done=["When the line stops, I want to see why, so I can tell riders"],
        behaviors=["Mobile first"], values=["Trust"], channels=["Email"], tools=["Jira"],
        objections=["Price"], buying_criteria=["Uptime"], budget="€1M", decision_process="Board",
        traits=[Trait("Calm", "Bold", 70)], segment="Public sector", tags=["rail", "b2g"],
        sources=[Source("survey", "Q3 survey", "2026-09-30", "n=400")], confidence="high",
        last_validated="2026-10-15", related=[Relation("Someone Else", "buys_for")],
        custom=[CustomSection("Extra", "value <b>")], photo=jpeg(color=photo_color), notes="secret",
        card=CardDesign(template="profile", theme="classic"),
    )  # fmt: skip
