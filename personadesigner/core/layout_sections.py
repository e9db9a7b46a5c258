"""Sections: what each template flow item shows of a persona, as flow blocks.

A template names items ("list" of goals, "facts" of demographics, "sliders"
of traits...); this module turns them into core.layout_flow.Block lists,
leaving out empty sections entirely (no heading without content). Notes are
internal and never become a block.
"""

from __future__ import annotations

from personadesigner.core.evidence_notes import share_line
from personadesigner.core.layout_flow import Block
from personadesigner.core.persona import FIELD_LABELS, RELATION_LABELS, SOURCE_KIND_LABELS, TYPE_LABELS, Persona
from personadesigner.core.text import clean

DEMOGRAPHICS = ("age", "gender", "location", "income", "education", "household",
                "company", "company_size", "industry", "segment")
NEVER_PRINTED = frozenset({"notes"})
#: Confidence as three dots (filled = how sure the research is), legible in black and white.
_CONFIDENCE_DOTS = {"high": "\u25cf\u25cf\u25cf", "medium": "\u25cf\u25cf\u25cb", "low": "\u25cf\u25cb\u25cb"}
_OPEN_QUOTES = "\"'\u201c\u201e\u00ab\u2018\u300c"


def _heading(spec: dict, default: str) -> list[Block]:
    if spec.get("heading") is False:
        return []
    label = spec.get("label") or default
    return [Block("heading", field=spec.get("field"), text=clean(label), style=spec.get("heading_style", "heading"),
                  keep_with_next=True, counts=False)]


def _items(values, spec: dict) -> list[tuple[int, str]]:
    out = [(i, clean(v).strip()) for i, v in enumerate(values)]
    out = [(i, v) for i, v in out if v]
    limit = spec.get("max_items")
    return out[:limit] if limit else out


def section_blocks(spec: dict, p: Persona, names: dict[str, str] | None = None) -> list[Block]:
    """Blocks of one flow item for ``p``; [] when the persona has nothing for it."""
    kind = spec.get("kind", "list")
    field = spec.get("field")
    style = spec.get("style", "body")
    align = spec.get("align")
    if field in NEVER_PRINTED:
        return []
    if kind == "text":
        value = clean(getattr(p, field) if field != "type_label" else TYPE_LABELS[p.type]).strip()
        if not value:
            return []
        return [Block("text", field=field, text=value, style=style, align=align)]
    if kind == "badge":
        return [Block("badge", field="type", text=TYPE_LABELS.get(p.type, p.type), style=spec.get("style", "badge"),
                      counts=False, align=align)]
    if kind == "quote":
        value = clean(p.quote).strip()
        if not value:
            return []
        if value[0] not in _OPEN_QUOTES:
            value = f"\u201c{value}\u201d"
        heads = _heading(spec, FIELD_LABELS["quote"]) if spec.get("heading") else []
        return heads + [Block("text", field="quote", text=value, style=spec.get("style", "quote"),
                              bar=spec.get("bar", True), align=align)]
    if kind == "list":
        items = _items(getattr(p, field), spec)
        if not items:
            return []
        return _heading(spec, FIELD_LABELS[field]) + [
            Block("text", field=field, item=i, text=v, style=style, bullet=spec.get("bullets", True), align=align)
            for i, v in items
        ]
    if kind == "inline":
        items = _items(getattr(p, field), spec)
        if not items:
            return []
        joined = spec.get("separator", " \u00b7 ").join(v.replace("\n", " ") for _i, v in items)
        return _heading(spec, FIELD_LABELS[field]) + [Block("text", field=field, text=joined, style=style, align=align)]
    if kind == "paragraph":
        value = clean(getattr(p, field)).strip()
        if not value:
            return []
        blocks = _heading(spec, FIELD_LABELS[field])
        paras = [para.strip() for para in value.split("\n") if para.strip()]
        for k, para in enumerate(paras):
            if k:
                blocks.append(Block("gap", space=spec.get("paragraph_gap", 4.0)))
            blocks.append(Block("text", field=field, text=para, style=style, align=align))
        return blocks
    if kind == "facts":
        rows = []
        for f in spec.get("fields", DEMOGRAPHICS):
            value = clean(getattr(p, f)).strip().replace("\n", " ")
            if value:
                rows.append(Block("fact", field=f, text=value, label=FIELD_LABELS[f], style=style))
        if not rows:
            return []
        return _heading(spec, spec.get("label", "Demographics")) + rows
    if kind == "evidence":
        rows = []
        if p.confidence:
            rows.append(Block("fact", field="confidence", text=p.confidence.capitalize(),
                              label=FIELD_LABELS["confidence"], style=style))
        if p.last_validated:
            rows.append(Block("fact", field="last_validated", text=clean(p.last_validated),
                              label=FIELD_LABELS["last_validated"], style=style))
        if not rows:
            return []
        return _heading(spec, spec.get("label", "Evidence")) + rows
    if kind == "evidence_line":
        # One quiet line of how far to trust the persona: dots, date, research behind it.
        parts = []
        level = _CONFIDENCE_DOTS.get(p.confidence.strip().lower())
        if level:
            parts.append(f"{level} {p.confidence.strip().capitalize()} confidence")
        if clean(p.last_validated).strip():
            parts.append(f"Validated {clean(p.last_validated).strip()}")
        n = len(p.sources)
        if n:
            parts.append(f"{n} research source{'s' if n != 1 else ''}")
        share = share_line(p)  # a data-built persona: "represents 34 % of 600 respondents"
        lines = [spec.get("separator", "  \u00b7  ").join(parts)] if parts else []
        return [Block("text", field="confidence", text=t, style=style, align=align) for t in lines] + (
            [Block("text", field="sources", text=share[:1].upper() + share[1:], style=style, align=align)] if share else [])
    if kind == "segment_or_tags":
        segment = clean(p.segment).strip().replace("\n", " ")
        if segment:
            return [Block("text", field="segment", text=segment, style=style, align=align)]
        tags = [v for _i, v in _items(p.tags, spec)]
        if not tags:
            return []
        return [Block("text", field="tags", text=" \u00b7 ".join(t.replace("\n", " ") for t in tags),
                      style=style, align=align)]
    if kind == "sliders":
        rows = [
            Block("slider", field="traits", item=i, label=clean(t.left).strip(), label2=clean(t.right).strip(),
                  text=f"{clean(t.left).strip()} \u2013 {clean(t.right).strip()}",
                  value=t.value, style=spec.get("style", "slider"))
            for i, t in enumerate(p.traits)
            if clean(t.left).strip() or clean(t.right).strip()
        ][: spec.get("max_items") or None]
        if not rows:
            return []
        return _heading(spec, FIELD_LABELS["traits"]) + rows
    if kind == "sources":
        blocks = []
        for i, s in enumerate(p.sources):
            parts = [SOURCE_KIND_LABELS.get(s.kind, s.kind.capitalize())]  # the words the editor shows
            title = clean(s.title).strip()
            if title:
                parts.append(title)
            if s.date:
                parts.append(s.date)
            line = " \u00b7 ".join(parts)
            note = clean(s.note).strip()
            if note:
                line += f" \u2014 {note}"
            blocks.append(Block("text", field="sources", item=i, text=line, style=style, bullet=True))
        return (_heading(spec, FIELD_LABELS["sources"]) + blocks) if blocks else []
    if kind == "related":
        blocks = []
        for i, r in enumerate(p.related):
            other = (names or {}).get(r.persona, r.persona)
            label = RELATION_LABELS.get(r.relation, r.relation)
            blocks.append(Block("text", field="related", item=i, text=clean(f"{label}: {other}").strip(),
                                style=style, bullet=True))
        return (_heading(spec, FIELD_LABELS["related"]) + blocks) if blocks else []
    if kind == "custom":
        blocks = []
        for i, c in enumerate(p.custom):
            value = clean(c.value).strip()
            if not value:
                continue
            if blocks:
                blocks.append(Block("gap", space=spec.get("gap", 8.0)))
            label = clean(c.label).strip() or FIELD_LABELS["custom"]
            blocks.append(Block("heading", field="custom", item=i, text=label,
                                style=spec.get("heading_style", "heading"), keep_with_next=True, counts=False))
            for k, para in enumerate(x for x in value.split("\n") if x.strip()):
                if k:
                    blocks.append(Block("gap", space=spec.get("paragraph_gap", 4.0)))
                blocks.append(Block("text", field="custom", item=i, text=para.strip(), style=style))
        return blocks
    raise ValueError(f"unknown flow item kind {kind!r}")
