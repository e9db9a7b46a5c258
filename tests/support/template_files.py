"""Template JSON for the library-template tests: a copy of a built-in with a mark of its own."""

from __future__ import annotations

import copy
import json

from personadesigner.paths import resource


def builtin_data(name: str = "card") -> dict:
    """The JSON of the bundled template ``name`` (a fresh copy to change)."""
    return copy.deepcopy(json.loads(resource("templates", f"{name}.json").read_text(encoding="utf-8")))


def branded_data(title: str = "Acme card") -> dict:
    """The card template with its own title, a known negative-band text and no quote (what the tests look for)."""
    data = builtin_data("card")
    data["title"] = title
    data["negative"] = {**data.get("negative", {}), "text": "NOT FOR ACME"}
    return data


def broken_data() -> dict:
    """The card template with a style size that is not a number (styles.name.size)."""
    data = builtin_data("card")
    data["styles"]["name"]["size"] = "big"
    return data
