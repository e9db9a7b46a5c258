"""The first card of an export opens only the font files its text needs (core.shaping, core.text).

The fallback chain lists a face for every script; a card in Latin, Greek or
Cyrillic once opened all 23 bundled files (30 MB, ~0.1 s before the first card)
because a look-up for U+20E3 or a line end walked the whole chain. Checked in a
fresh interpreter: the faces are opened once per process.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import personadesigner

CODE = """
import sys
from personadesigner.core import shaping
from personadesigner.core.layout import layout
from personadesigner.core.persona import Persona
persona = Persona(name=sys.argv[1], role="Head of research", type="customer",
                  goals=["Ship the 2027 plan: two pages\\nthen a summary"], pain_points=["Δύσκολες αναφορές, медленно"])
lay = layout(persona, sys.argv[2], "classic")
assert not lay.preflight, lay.preflight
print(",".join(shaping.opened_files()))
"""


def _opened(name: str, template: str = "business-card") -> list[str]:
    env = {**os.environ, "PYTHONPATH": str(Path(personadesigner.__file__).resolve().parents[1])}
    out = subprocess.run(
        [sys.executable, "-c", CODE, name, template], capture_output=True, text=True, env=env, check=True
    )
    return out.stdout.strip().split(",")


def test_a_latin_greek_cyrillic_card_opens_only_noto_sans():
    assert _opened("Zoë Παπαδοπούλου-Иванова") == ["NotoSans-Bold.ttf", "NotoSans-Regular.ttf"]


def test_a_script_face_is_opened_when_a_name_needs_it():
    opened = _opened("अनन्या Zoë", "card")
    assert "NotoSansDevanagari-Bold.ttf" in opened
    assert not [f for f in opened if "CJK" in f or "wqy" in f or "Emoji" in f]
