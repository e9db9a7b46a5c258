"""Every template x theme x sample persona laid out, as canonical JSON: proof that a
refactor of the layout engine or the template reader changes no layout.

Each case (template, theme, persona, page size, bleed) becomes one canonical JSON
text of its CardLayout (floats exact, photo bytes as their digest) and a SHA-256 of
it. tests/core/test_layout_identical.py compares the digests with the stored ones
in tests/core/data/layout_digests.json.

    python tests/support/layout_dump.py --write-digests   # after an intended layout change
    python tests/support/layout_dump.py --dump FILE.json  # every case in full, to diff two versions
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import sys
from pathlib import Path

if __name__ == "__main__":  # run as a script: import the work tree and tests/support
    sys.path[:0] = [str(Path(__file__).resolve().parents[2]), str(Path(__file__).resolve().parents[1])]

from personadesigner.core.persona import Persona

DIGESTS = Path(__file__).resolve().parents[1] / "core" / "data" / "layout_digests.json"


def personas() -> dict[str, Persona]:
    """The sample personas, the hostile ones of the test suite and two extremes, with fixed ids."""
    from personadesigner.core.persona import CustomSection, Relation, Source, Trait
    from personadesigner.samples import sample_personas
    from support.layout_samples import SAMPLES
    from support.personas import every_field

    found: dict[str, Persona] = {}
    for k, p in enumerate(sample_personas()):
        found[f"sample{k}"] = p
    for key, make in sorted(SAMPLES.items()):
        found[key] = make()
    found["every_field"] = every_field()
    found["every_field_rtl"] = every_field(name="רות כהן")
    long_text = "A sentence that goes on and on so that no card has room for all of it. " * 6
    found["overflowing"] = Persona(
        name="Overflowing Olga " * 4, type="customer", role=long_text, quote=long_text, story=long_text * 3,
        goals=[f"Goal {i}: {long_text}" for i in range(15)], pain_points=[long_text] * 8,
        motivations=["m"] * 20, behaviors=[long_text] * 5, values=[f"value {i}" for i in range(30)],
        channels=["LinkedIn"] * 12, tools=["SAP"] * 12, objections=[long_text] * 4,
        buying_criteria=[long_text] * 4, budget=long_text, decision_process=long_text, segment=long_text,
        day_in_the_life=long_text * 2, tags=[f"tag{i}" for i in range(20)],
        traits=[Trait(f"Left {i}", f"Right {i}", i * 7) for i in range(12)],
        sources=[Source("interview", long_text, "2026-01-01", long_text)] * 5,
        related=[Relation("sample0", "influences"), Relation("unknown-id", "buys_for")],
        custom=[CustomSection(f"Custom {i}", long_text) for i in range(4)], confidence="low",
        last_validated="2025-12-31",
    )  # fmt: skip
    found["name_only"] = Persona(name="N", type="negative")
    found["right_to_left"] = Persona(
        name="שרה לוי", type="buyer", role="מנהלת רכש", quote="אני צריכה מספרים", goals=["להוריד עלויות", "Latin goal"],
        pain_points=["عملية بطيئة"], channels=["לינקדאין"], story="סיפור ארוך\nעוד פסקה",
        custom=[CustomSection("הערה", "ערך בעברית"), CustomSection("Latin label", "ערך")],
        sources=[Source("survey", "סקר", "2026-01-01", "")], related=[Relation("sample1", "buys_for")],
    )  # fmt: skip
    for key, p in found.items():
        p.id = key
    return found


def cases():
    """(case key, persona, template, theme, page size, bleed) of every case, in a fixed order."""
    from personadesigner.core.templates import load_template, template_names
    from personadesigner.core.themes import theme_names

    people = personas()
    for tname in template_names():
        sizes = [None, *load_template(tname).sizes]
        for theme in theme_names():
            for pkey, persona in people.items():
                for size in sizes:
                    for bleed in (0.0, 8.5) if theme == "classic" and size is None else (0.0,):
                        yield f"{tname}/{theme}/{pkey}/{size or '-'}/{bleed:g}", persona, tname, theme, size, bleed


def _plain(value):
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        out = {"@": type(value).__name__}
        for f in dataclasses.fields(value):
            if f.compare:  # compare=False: provenance for the canvas (CardLayout.sections), not the print
                out[f.name] = _plain(getattr(value, f.name))
        return out
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, bytes):
        return "sha256:" + hashlib.sha256(value).hexdigest()
    return value


def canonical(card) -> str:
    """The CardLayout as canonical JSON (sorted keys; floats printed exactly by repr)."""
    return json.dumps(_plain(card), sort_keys=True, ensure_ascii=True, separators=(",", ":"))


def layouts():
    """(case key, canonical JSON) of every case."""
    from personadesigner.core.layout import layout

    names = {p.id: p.name for p in personas().values()}
    for key, persona, tname, theme, size, bleed in cases():
        yield key, canonical(layout(persona, tname, theme, bleed=bleed, page_size=size, names=names))


def digests() -> dict[str, str]:
    return {key: hashlib.sha256(text.encode()).hexdigest() for key, text in layouts()}


def main(argv: list[str]) -> int:
    if argv[:1] == ["--write-digests"]:
        found = digests()
        DIGESTS.parent.mkdir(parents=True, exist_ok=True)
        DIGESTS.write_text(json.dumps(found, indent=0, sort_keys=True) + "\n", encoding="utf-8")
        print(f"{len(found)} layout digests written to {DIGESTS}")
        return 0
    if argv[:1] == ["--dump"] and len(argv) == 2:
        found = dict(layouts())
        Path(argv[1]).write_text(
            json.dumps({k: json.loads(v) for k, v in found.items()}, sort_keys=True, indent=1), encoding="utf-8"
        )
        print(f"{len(found)} layouts dumped to {argv[1]}")
        return 0
    if argv[:1] == ["--compare"]:
        stored = json.loads(DIGESTS.read_text(encoding="utf-8"))
        found = digests()
        differ = sorted(k for k in stored.keys() | found.keys() if stored.get(k) != found.get(k))
        print(f"{len(found) - len(differ)} of {len(found)} layouts identical")
        for key in differ[:20]:
            print("differs:", key)
        return 1 if differ else 0
    print(__doc__, file=sys.stderr)
    return 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
