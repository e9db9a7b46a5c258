"""Template edits as pure functions on a template's JSON: what the canvas designer does.

Each edit takes the template's data (the dict a template file holds) and returns
a new dict that still validates (core.template_schema); the input is never
changed, so an undo step only has to keep the dict from before. A change that
would break the template raises DesignFileError (one line naming the key)
instead of returning a broken dict. Sections are addressed as (region index,
item index) in ``regions``, the provenance the layout records
(CardLayout.sections); lengths written by an edit are points, rounded to half
a point, in the template's own page (scale 1).
"""

from __future__ import annotations

import copy
from typing import Any

import msgspec

from personadesigner.core.persona import FIELD_LABELS
from personadesigner.core.section_kinds import SECTION_KINDS
from personadesigner.core.template_schema import length, parse_template
from personadesigner.core.units import PAGE_SIZES, page_size_name

#: A flow's gutter when its template names none (core.template_schema.FlowRegion).
_GUTTER = 16

__all__ = [
    "flow_regions",
    "hidden_sections",
    "hide_section",
    "move_section",
    "resize_region",
    "section_label",
    "set_flow",
    "set_page_size",
    "set_section_style",
    "show_section",
]

#: What a designed template is called in error messages.
SOURCE = "the template being designed"
#: Kinds a list field can be shown as (the panel's "bullets or chips"); chips only when registered.
LIST_KINDS = ("list", "inline", "chips")
_STYLE_KEYS = ("heading", "label", "max_items", "icon", "bullets", "optional")


def checked(data: dict) -> dict:
    """``data`` when it is a valid template; DesignFileError naming the key otherwise."""
    parse_template(data, SOURCE)
    return data


def _copy(data: dict) -> dict:
    return copy.deepcopy(data)


def _item(data: dict, region: int, item: int) -> dict:
    regions = data.get("regions") or []
    if not 0 <= region < len(regions) or regions[region].get("kind") != "flow":
        raise IndexError(f"regions[{region}] is not a flow")
    items = regions[region].get("items") or []
    if not 0 <= item < len(items):
        raise IndexError(f"regions[{region}].items[{item}] does not exist")
    return items[item]


def flow_regions(data: dict) -> list[int]:
    """The indices of the flow regions, in drawing order."""
    return [i for i, r in enumerate(data.get("regions") or []) if r.get("kind") == "flow"]


def section_label(data: dict, region: int, item: int) -> str:
    """What the user calls the section: its heading's words, else its field's label, else its kind."""
    spec = _item(data, region, item)
    if spec.get("label"):
        return str(spec["label"])
    field = spec.get("field")
    if field:
        return FIELD_LABELS.get(field, field.replace("_", " ").capitalize())
    kind = spec.get("kind", "list")
    return {"badge": "Type badge", "evidence_line": "Evidence line", "segment_or_tags": "Segment or tags"}.get(
        kind, kind.replace("_", " ").capitalize()
    )


# ------------------------------------------------------------------ sections
def move_section(data: dict, source: tuple[int, int], region: int, index: int) -> dict:
    """Move the item ``source`` to position ``index`` of flow ``region`` (its index once moved).

    Moving within one flow reorders it; an index past the end appends.
    """
    out = _copy(data)
    src_region, src_item = source
    spec = _item(out, src_region, src_item)
    if region not in flow_regions(out):
        raise IndexError(f"regions[{region}] is not a flow")
    del out["regions"][src_region]["items"][src_item]
    items = out["regions"][region].setdefault("items", [])
    items.insert(max(0, min(index, len(items))), spec)
    return checked(out)


def hide_section(data: dict, region: int, item: int) -> dict:
    """The section kept in its place but not laid out (``"hidden": true``)."""
    out = _copy(data)
    _item(out, region, item)["hidden"] = True
    return checked(out)


def show_section(data: dict, region: int, item: int) -> dict:
    """A hidden section laid out again where it was."""
    out = _copy(data)
    _item(out, region, item).pop("hidden", None)
    return checked(out)


def hidden_sections(data: dict) -> list[tuple[int, int, str]]:
    """(region, item, label) of every hidden section, in template order."""
    return [
        (r, k, section_label(data, r, k))
        for r in flow_regions(data)
        for k, spec in enumerate(data["regions"][r].get("items") or [])
        if spec.get("hidden")
    ]


def section_kinds_for(spec: dict) -> tuple[str, ...]:
    """The kinds the panel offers for a section: the list kinds for a list field, else its own."""
    kind = spec.get("kind", "list")
    if kind in LIST_KINDS:
        return tuple(k for k in LIST_KINDS if k in SECTION_KINDS)
    return (kind,)


def set_section_style(data: dict, region: int, item: int, **changes: Any) -> dict:
    """The section with new style keys: ``heading`` (bool), ``label`` (str, "" or None: the
    field's words), ``max_items`` (None: all), ``icon``, ``bullets``, ``optional``, or ``kind``
    (list, inline, chips: the keys the new kind has are kept).

    A key set to its default is left out of the file, so the template stays as short as a
    hand-written one.
    """
    out = _copy(data)
    spec = _item(out, region, item)
    kind = changes.pop("kind", None)
    if kind is not None and kind != spec.get("kind", "list"):
        spec = _switch_kind(out, region, item, spec, kind)
    for key, value in changes.items():
        if key not in _STYLE_KEYS:
            raise KeyError(f"{key} is not a section style key")
        if value is None or value == "" or value == _kind_default(spec.get("kind", "list"), key):
            spec.pop(key, None)
        else:
            spec[key] = value
    return checked(out)


def _kind_default(kind: str, key: str) -> Any:
    """The value ``key`` has in a ``kind`` section that leaves it out (NODEFAULT: none)."""
    spec_type = SECTION_KINDS[kind][0] if kind in SECTION_KINDS else None
    for f in msgspec.structs.fields(spec_type) if spec_type is not None else ():
        if f.name == key:
            return f.default
    return msgspec.NODEFAULT


def _switch_kind(out: dict, region: int, item: int, spec: dict, kind: str) -> dict:
    if kind not in SECTION_KINDS:
        raise KeyError(f"{kind} is not a section kind")
    allowed = set(SECTION_KINDS[kind][0].__struct_fields__)
    new = {"kind": kind, **{k: v for k, v in spec.items() if k != "kind" and k in allowed}}
    styles = out.get("styles") or {}
    if kind in ("list", "chips"):
        new.pop("style", None)  # bullets in the body style; pills in the kind's own "chip" style
    elif "chips" in styles and "style" in allowed:
        new["style"] = "chips"  # one line of items in the template's style for them
    out["regions"][region]["items"][item] = new
    return new


# ------------------------------------------------------------------ regions
def set_flow(data: dict, region: int, *, columns: int | None = None, gutter: float | None = None) -> dict:
    """The flow with ``columns`` columns ``gutter`` points apart."""
    out = _copy(data)
    if region not in flow_regions(out):
        raise IndexError(f"regions[{region}] is not a flow")
    flow = out["regions"][region]
    if columns is not None:
        if columns == 1:
            flow.pop("columns", None)
        else:
            flow["columns"] = int(columns)
    if gutter is not None and abs(_pt(gutter) - length(flow.get("gutter", _GUTTER))) >= 0.25:
        flow["gutter"] = _pt(gutter)  # only a real change: leaving the field unchanged is no step
    return checked(out)


def _pt(value: float) -> float | int:
    """A length in points, rounded to half a point (a whole number when it is one)."""
    v = round(float(value) * 2) / 2
    return int(v) if v == int(v) else v


def resize_region(
    data: dict,
    region: int,
    old: tuple[float, float, float, float],
    new: tuple[float, float, float, float],
    page: tuple[float, float],
    offset: float = 0.0,
) -> dict:
    """The region moved or resized from rectangle ``old`` to ``new`` (x, y, w, h in points, as
    laid out) on a page of ``page`` (width, height). ``offset``: how far the negative band
    had moved it down.

    Each edge that moved is written the way the region already placed it (``left`` +
    ``width``, ``left`` + ``right``, ``right`` + ``width``...), so a region measured from the
    right stays so; an edge that did not move keeps its key, references ("after:main")
    included.
    """
    out = _copy(data)
    regions = out.get("regions") or []
    if not 0 <= region < len(regions):
        raise IndexError(f"regions[{region}] does not exist")
    spec = regions[region]
    (ox, oy, ow, oh), (nx, ny, nw, nh) = old, new
    W, H = page
    _axis(spec, ("left", "right", "width"), (ox, ox + ow), (nx, nx + nw), W, 0.0)
    _axis(spec, ("top", "bottom", "height"), (oy, oy + oh), (ny, ny + nh), H, offset)
    return checked(out)


def _axis(spec: dict, keys: tuple[str, str, str], old: tuple, new: tuple, whole: float, offset: float) -> None:
    """Write one axis: ``keys`` are (start, end, size); ``old``/``new`` the (start, end) edges."""
    lo_key, hi_key, size_key = keys
    lo_moved, hi_moved = abs(new[0] - old[0]) > 0.01, abs(new[1] - old[1]) > 0.01
    if not (lo_moved or hi_moved):
        return
    start, end = new
    has_lo, has_hi, has_size = (
        spec.get(lo_key) is not None,
        spec.get(hi_key) is not None,
        spec.get(size_key) is not None,
    )
    if has_size and has_hi and not has_lo:  # placed from the far edge
        spec[hi_key] = _pt(whole - end)
        spec[size_key] = _pt(end - start)
        return
    if has_size or not has_hi:  # start + size
        spec[lo_key] = _pt(start - offset)
        spec[size_key] = _pt(end - start)
        spec.pop(hi_key, None)
        return
    if lo_moved or not has_lo:  # start + end
        spec[lo_key] = _pt(start - offset)
    if hi_moved:
        spec[hi_key] = _pt(whole - end)


# ------------------------------------------------------------------ the page
def page_choices() -> tuple[str, ...]:
    """The named page sizes a template can take."""
    return tuple(PAGE_SIZES)


def set_page_size(data: dict, size: str | tuple | list | None = None, orientation: str | None = None) -> dict:
    """The template on another page: ``size`` a page name ("A5") or [width, height] lengths (None:
    keep it); ``orientation`` "portrait" or "landscape" (None: keep it; [w, h] sizes are swapped).

    A sheet-sized template (one with ``sizes``) gets the new name added to its offered sizes.
    """
    out = _copy(data)
    if size is not None and orientation is None:
        orientation = orientation_of(data)  # a new size keeps the way the page is turned
    if size is not None:
        if isinstance(size, str):
            name = page_size_name(size)
            if name is None:
                raise KeyError(f"{size} is not a page size")
            out["size"] = name
            if out.get("sizes") and name not in out["sizes"]:
                out["sizes"] = [*out["sizes"], name]
        else:
            out["size"] = list(size)
    if orientation is not None:
        _orient(out, orientation)
    return checked(out)


def _orient(out: dict, orientation: str) -> None:
    if orientation not in ("portrait", "landscape"):
        raise KeyError(f"{orientation} is not an orientation")
    size = out.get("size")
    if isinstance(size, list):
        w, h = length(size[0]), length(size[1])
        if (w > h) != (orientation == "landscape"):
            out["size"] = [size[1], size[0]]
        out.pop("orientation", None)
    elif orientation == "landscape":
        out["orientation"] = "landscape"
    else:
        out.pop("orientation", None)


def orientation_of(data: dict) -> str:
    """ "landscape" or "portrait", as the template's page is."""
    size = data.get("size")
    if isinstance(size, list):
        return "landscape" if length(size[0]) > length(size[1]) else "portrait"
    return data.get("orientation") or "portrait"
