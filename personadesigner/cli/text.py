"""Plain-text views for the terminal: aligned columns and a persona's filled fields.

Columns are aligned by display width (a CJK character takes two cells), so a
list of personas with names in any script still lines up. User text is shown,
never obeyed: control characters (terminal escape sequences) are replaced.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from personadesigner.core.persona import Persona

#: The command's name, as users type it and as messages start.
PROG = "personadesigner"


def one_line(text: str) -> str:
    """Messages and cells quote user text: one line, and no terminal control characters."""
    return terminal_safe(" ".join(text.split()), keep="")


def terminal_safe(text: str, keep: str = "\n") -> str:
    """User text with control characters (ESC sequences...) shown as U+FFFD, never obeyed."""
    if text.isascii() and text.isprintable():  # most cells: nothing to replace, no per-character work
        return text
    return "".join(ch if ch in keep or unicodedata.category(ch) != "Cc" else "\ufffd" for ch in text)


def display_width(text: str) -> int:
    if text.isascii():  # one cell per character (control characters are replaced before this)
        return len(text)
    width = 0
    for ch in text:
        if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
            continue
        width += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return width


def columns(rows: Sequence[Sequence[str]], gap: str = "  ") -> list[str]:
    """Rows of cells as lines, every column but the last padded to its widest cell."""
    if not rows:
        return []
    rows = [[one_line(cell) for cell in row] for row in rows]  # one line per row
    widths = [max(display_width(row[i]) for row in rows) for i in range(len(rows[0]) - 1)]
    lines = []
    for row in rows:
        cells = [cell + " " * (widths[i] - display_width(cell)) for i, cell in enumerate(row[:-1])]
        lines.append(gap.join([*cells, row[-1]]).rstrip())
    return lines


def persona_text(p: Persona, name_of: Callable[[str], str] = lambda ref: ref) -> str:
    """Every filled field under its label; ``name_of`` turns related ids into names."""
    # Here, not at the top: cli/__init__ (so every command) imports this module; only `show` needs the model.
    from personadesigner.core.persona import (
        FIELD_LABELS,
        LIST_FIELDS,
        LONG_TEXT_FIELDS,
        RELATION_LABELS,
        TEXT_FIELDS,
        TYPE_LABELS,
        CardDesign,
    )

    out = [p.name, "=" * max(display_width(p.name), 1)]

    def line(field: str, value: str) -> None:
        out.append(f"{FIELD_LABELS.get(field, field)}: {value}")

    def block(field: str, items: list[str]) -> None:
        if items:
            out.append(f"{FIELD_LABELS.get(field, field)}:")
            out.extend(f"  - {item}" for item in items)

    line("type", TYPE_LABELS.get(p.type, p.type))
    for field in TEXT_FIELDS:
        value = getattr(p, field)
        if not value or field in LONG_TEXT_FIELDS:
            continue
        line(field, value)
    for field in LIST_FIELDS:
        block(field, getattr(p, field))
    block("traits", [f"{t.left} <- {t.value} -> {t.right}" for t in p.traits])
    block("sources", [_source_text(s.kind, s.title, s.date, s.note) for s in p.sources])
    if p.confidence:
        line("confidence", p.confidence)
    if p.last_validated:
        line("last_validated", p.last_validated)
    block("related", [f"{RELATION_LABELS.get(r.relation, r.relation)}: {name_of(r.persona)}" for r in p.related])
    block("custom", [f"{c.label}: {c.value}" for c in p.custom])
    if p.photo:
        line("photo", f"yes ({len(p.photo) // 1024 + 1} KB)")
    if p.card != CardDesign():
        line("card", f"template {p.card.template}, theme {p.card.theme}")
    for field in LONG_TEXT_FIELDS:
        value = getattr(p, field)
        if value:
            out.append("")
            out.append(f"{FIELD_LABELS.get(field, field)}:")
            out.extend(f"  {text_line}" for text_line in value.splitlines())
    out.append("")
    out.append(f"Id: {p.id}")
    if p.updated_at:
        out.append(f"Updated: {p.updated_at}")
    return terminal_safe("\n".join(out))


def _source_text(kind: str, title: str, date: str, note: str) -> str:
    text = f"{kind}: {title}" if title else kind
    if date:
        text += f" ({date})"
    if note:
        text += f" - {note}"
    return text
