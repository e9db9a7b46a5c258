"""An export prints cards: it lays them out without the template designer's provenance
(CardLayout.flows and .sections: where each flow region and item landed), which only the
designer's canvas reads, and the printed card is the very card the designer shows."""

from __future__ import annotations

from personadesigner.core.export_options import ExportOptions
from personadesigner.core.layout import layout
from personadesigner.core.persona import Persona
from personadesigner.render.page_plan import lay_out_for_export


def test_an_export_lays_the_designers_card_out_without_its_provenance():
    persona = Persona(name="Ada Lovelace", role="Analyst", goals=["Ship the plan"], pain_points=["Slow reports"])
    options = ExportOptions(template="business-card", page_size="Letter", per_page=10, crop_marks=True)
    exported = lay_out_for_export(persona, options)
    designed = layout(persona, "business-card", persona.card.theme, page_size="Letter")
    assert designed.flows and designed.sections
    assert exported.flows == [] and exported.sections == []
    assert exported == designed  # provenance is no part of the printed card (compare=False)
    assert exported.items == designed.items
