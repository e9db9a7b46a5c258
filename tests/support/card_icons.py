"""A test-only copy of a bundled template with icons turned on (the bundled files belong to
the templates' owners): every heading ``"icon": "auto"``, channels and tools with ``item_icons``."""

from __future__ import annotations

import json

from personadesigner.core import templates
from personadesigner.paths import resource


def template_data(name: str = "card") -> dict:
    return json.loads(resource("templates", f"{name}.json").read_text(encoding="utf-8"))


def with_icons(data: dict) -> dict:
    """``data`` with every heading-bearing flow item's icon on, and item icons on channel/tool lines."""
    for region in data["regions"]:
        for item in region.get("items", []):
            if item.get("kind", "list") in (
                "list",
                "inline",
                "paragraph",
                "sliders",
                "facts",
                "evidence",
                "sources",
                "related",
                "chips",
            ):
                item["icon"] = "auto"
            if item.get("field") in ("channels", "tools"):
                item["item_icons"] = True
    return data


def without_icons(data: dict) -> dict:
    """``data`` with every icon off (the built-in templates turn them on): the plain design."""
    for region in data["regions"]:
        for item in region.get("items", []):
            if "icon" in item:
                item["icon"] = False
            if "item_icons" in item:
                item["item_icons"] = False
    return data


def with_inline(data: dict, fields=("channels", "tools")) -> dict:
    """``data`` with those lists as one wrapped ``inline`` line each (the built-ins show them as chips):
    for tests of inline lines (separators, right-to-left order, item icons)."""
    for region in data["regions"]:
        for k, item in enumerate(region.get("items", [])):
            if item.get("field") in fields and item.get("kind") == "chips":
                keep = {key: item[key] for key in ("field", "icon", "item_icons", "optional") if key in item}
                region["items"][k] = {"kind": "inline", "separator": "  \u00b7  ", **keep}
    return data


def icon_template(name: str = "card", data: dict | None = None, tmp_path=None):
    """A Template object built from ``data`` (default: ``name``'s bundled file with icons on)."""
    data = with_icons(template_data(name)) if data is None else data
    path = resource("templates", f"{name}.json") if tmp_path is None else tmp_path / f"{name}-icons.json"
    if tmp_path is not None:
        path.write_text(json.dumps(data), encoding="utf-8")
    return templates._build(f"{name}-icons", data, path)
