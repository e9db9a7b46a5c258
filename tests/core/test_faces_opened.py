"""Laying out a card opens only the faces its text needs: the script and CJK faces are
about 30 MB of font files (some 70 MiB of memory once opened), and a Latin export
must not pay for them. Each case runs in a fresh process: faces stay open for good."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

_LAY_OUT = """
import sys
from personadesigner.core import shaping
from personadesigner.core.export_options import ExportOptions
from personadesigner.core.persona import Persona
from personadesigner.render.page_plan import lay_out_for_export

story = "A story.\\nIts second paragraph, after a line break."
persona = Persona(name=sys.argv[1], role="Buyer", goals=["Faster reports,\\nevery week (1 or 2)"], story=story)
for template in ("card", "business-card", "profile"):
    lay_out_for_export(persona, ExportOptions(template=template))
print(shaping._file_face.cache_info().currsize)
"""


def faces_opened(name: str) -> int:
    done = subprocess.run(
        [sys.executable, "-c", _LAY_OUT, name], capture_output=True, text=True, cwd=ROOT, timeout=120, check=True
    )
    return int(done.stdout.split()[-1])


def test_a_latin_card_opens_only_the_sans_faces_it_is_set_in():
    # regular and bold; not the 21 fallback faces (looked up for the keycap mark and the line break)
    assert faces_opened("Zoë Müller") == 2


def test_a_name_in_another_script_still_opens_that_scripts_face():
    assert faces_opened("Zoë 山田") > 2
