"""The bundled `card` template's JSON and where its flows and sections are, looked up by flow id and
field (so the designer's tests do not hard-code region indices the template's authors may change)."""

from __future__ import annotations

import json

from personadesigner.paths import resource


def card_json() -> dict:
    return json.loads((resource("templates") / "card.json").read_text(encoding="utf-8"))


def flow_index(data: dict, flow_id: str) -> int:
    return next(i for i, r in enumerate(data["regions"]) if r.get("kind") == "flow" and r.get("id") == flow_id)


def item_index(data: dict, region: int, field: str) -> int:
    return next(k for k, it in enumerate(data["regions"][region]["items"]) if it.get("field") == field)


_CARD = card_json()
#: card.json's main flow and footer flow (region indices).
MAIN, FOOTER = flow_index(_CARD, "main"), flow_index(_CARD, "footer")
#: The goals and pain points sections of the main flow (region, item); the goals come first.
GOALS, PAINS = (MAIN, item_index(_CARD, MAIN, "goals")), (MAIN, item_index(_CARD, MAIN, "pain_points"))
