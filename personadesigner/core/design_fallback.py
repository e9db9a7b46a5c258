"""Cards whose design names a template or theme this installation does not have.

A persona imported from another library (or made by a newer version) keeps the
names it came with, so moving it back loses nothing; an export lays its card
out on the default template and theme (render.page_plan via ``template_or_default``;
the canvas shows why it has no card instead).
The user is told once per persona, never refused: one such persona must not
stop ``export --all`` or an import of the rest.
"""

from __future__ import annotations

from personadesigner.core.persona import Persona
from personadesigner.core.templates import DEFAULT_TEMPLATE, is_template
from personadesigner.core.themes import DEFAULT_THEME, is_theme
from personadesigner.errors import quoted


def missing_design(persona: Persona, *, template: str | None = None, theme: str | None = None) -> str | None:
    """What of the persona's card design is missing here and what stands in for it, or None.

    ``template``/``theme``: the export's own choice, which replaces the persona's
    (and so cannot be missing for it). Example: 'template "brochure" is not
    installed here, so "card" is used'.
    """
    missing: list[tuple[str, str, str]] = []
    if template is None and not is_template(persona.card.template):
        missing.append(("template", persona.card.template, DEFAULT_TEMPLATE))
    if theme is None and not is_theme(persona.card.theme):
        missing.append(("theme", persona.card.theme, DEFAULT_THEME))
    if not missing:
        return None
    names = " and ".join(f"{kind} {quoted(name)}" for kind, name, _ in missing)
    verb = "is" if len(missing) == 1 else "are"
    stand_ins = " and ".join(quoted(default) for _, _, default in missing)
    return f"{names} {verb} not installed here, so {stand_ins} {verb} used"


def fallback_lines(personas: list[Persona], *, template: str | None = None, theme: str | None = None) -> list[str]:
    """One line per persona printed on a stand-in design: '"Name": template "x" is not installed here, ...'."""
    lines = []
    notes: dict[tuple[str, str], str | None] = {}  # a batch has few designs: each is looked up once
    for persona in personas:
        design = (persona.card.template, persona.card.theme)
        if design not in notes:
            notes[design] = missing_design(persona, template=template, theme=theme)
        note = notes[design]
        if note is not None:
            lines.append(f"{quoted(persona.name)}: {note}")
    return lines
