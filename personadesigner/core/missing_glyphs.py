"""No silent boxes: every character no bundled font has becomes a preflight line and a mark on its block.

The text engine draws such a character as its face's .notdef box (a visible
box, never a look-alike "□" character); this pass, run once per laid-out card,
names the persona, the field and the characters (``U+10330``), so ``--strict``
fails and the canvas outlines the block.
"""

from __future__ import annotations

from dataclasses import replace

from personadesigner.core.cardlayout import CardLayout, MissingGlyphs, TextBlock
from personadesigner.core.text import missing_chars


def report_missing(layout: CardLayout) -> CardLayout:
    """Mark the text blocks of ``layout`` that show characters no font has, and list them in its preflight."""
    found: dict[tuple[str, int | None], str] = {}
    for k, item in enumerate(layout.items):
        if not isinstance(item, TextBlock):
            continue
        lines = item.lines  # item.text without the generator: one line is its own text
        if len(lines) == 1:
            chars = missing_chars(lines[0].text)
        elif any([missing_chars(line.text) for line in lines]):  # lines repeat across cards, blocks less
            chars = missing_chars("\n".join([line.text for line in lines]))
        else:
            chars = ""
        if not chars:
            continue
        layout.items[k] = replace(item, missing=chars)
        key = (item.field or "", item.item)
        have = found.get(key, "")
        found[key] = have + "".join(ch for ch in chars if ch not in have)
    for (field, item), chars in found.items():
        layout.preflight.append(MissingGlyphs(layout.persona_name, field, item, chars))
    return layout
