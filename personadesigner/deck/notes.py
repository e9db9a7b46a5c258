"""Speaker notes for a persona's slide: the evidence behind it (sources, confidence, validation).

A presenter asked "where does this come from?" reads the answer under the slide.
"""

from __future__ import annotations

import datetime as _dt

from personadesigner.core.evidence_notes import share_line, validated_note
from personadesigner.core.persona import Persona


def evidence_notes(p: Persona, today: _dt.date | None = None) -> str:
    today = today or _dt.date.today()
    lines = [f"Evidence for {p.name}"]
    lines.append(f"Confidence: {p.confidence or 'not rated'}")
    when = p.last_validated or "never"
    note = validated_note(p.last_validated, today) if p.last_validated else ""
    lines.append(f"Last validated: {when}" + (f" ({note})" if note and note != when else ""))
    share = share_line(p)
    if share:
        lines.append(f"Share: {share}")
    lines.append("Sources:" if p.sources else "Sources: none recorded")
    for s in p.sources:
        bits = " — ".join(b for b in (s.kind.capitalize(), s.title, s.date) if b)
        lines.append(f"- {bits}" + (f": {s.note}" if s.note else ""))
    return "\n".join(lines)
