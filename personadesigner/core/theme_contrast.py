"""Is every text of a theme readable on what it is printed on? The theme editor's contrast check.

Each pair is a text colour role on the colour it sits on in the built-in
templates (body text on the background and on the surface, headings in each
persona type's colour, white on the accent band...), with its WCAG 2 contrast
ratio. Below 4.5:1 (AA for body text) the pair is flagged, not refused: a
brand may insist on a pale colour, but the user is told. ``fix`` moves the
text colour toward black or white just until it passes.
"""

from __future__ import annotations

from dataclasses import dataclass

from personadesigner.core.colors import READABLE, contrast, mix
from personadesigner.core.persona import PERSONA_TYPES
from personadesigner.core.themes import Theme

#: (label, text role, background role, the JSON key the fix changes).
_PAIRS = (
    ("Body text on the background", "text", "background", "colors.text"),
    ("Muted text on the background", "muted", "background", "colors.muted"),
    ("Body text on the surface", "text", "surface", "colors.text"),
    ("Muted text on the surface", "muted", "surface", "colors.muted"),
    ("Quotes on the background", "quote", "background", "colors.quote"),
    ("Text on the accent", "on_accent", "accent", "colors.on_accent"),
    ("Warning text on the negative band", "negative_text", "negative_band", "colors.negative_text"),
)


@dataclass(frozen=True)
class Pair:
    label: str
    text: str
    background: str
    ratio: float
    #: The theme JSON key ("colors.text", "types.buyer") whose colour ``fix`` changes.
    key: str

    @property
    def readable(self) -> bool:
        return self.ratio >= READABLE


def pairs(theme: Theme) -> list[Pair]:
    """Every text-on-background pair of ``theme`` with its contrast ratio (rounded to 2 places)."""
    out = []
    for label, fg, bg, key in _PAIRS:
        text, back = theme.color(fg), theme.color(bg)
        out.append(Pair(label, text, back, round(contrast(text, back), 2), key))
    if "heading" in theme.colors:  # one heading colour for every type
        text, back = theme.color("heading"), theme.color("background")
        out.append(Pair("Headings on the background", text, back, round(contrast(text, back), 2), "colors.heading"))
        return out
    for ptype in PERSONA_TYPES:  # headings and bullets take the type's colour on the background
        text, back = theme.color("heading", ptype), theme.color("background")
        out.append(
            Pair(
                f"Headings of {ptype.replace('_', ' ')} personas",
                text,
                back,
                round(contrast(text, back), 2),
                f"types.{ptype}",
            )
        )
    return out


def fix(text: str, background: str, minimum: float = READABLE) -> str:
    """``text`` darkened (on a light background) or lightened (on a dark one) by the smallest
    step that reaches ``minimum`` contrast; the other direction when that one cannot."""
    text = text[:7]
    if contrast(text, background) >= minimum:
        return text
    light_bg = contrast("#000000", background) >= contrast("#ffffff", background)
    for target in ("#000000", "#ffffff") if light_bg else ("#ffffff", "#000000"):
        if contrast(target, background) < minimum:
            continue
        lo, hi = 0.0, 1.0  # share of ``target`` mixed in: find the least that passes
        for _ in range(20):
            mid = (lo + hi) / 2
            if contrast(mix(target, text, mid), background) >= minimum:
                hi = mid
            else:
                lo = mid
        fixed = mix(target, text, hi)
        if contrast(fixed, background) >= minimum:
            return fixed
    return "#000000" if light_bg else "#ffffff"
