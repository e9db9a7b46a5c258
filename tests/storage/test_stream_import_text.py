"""A streamed JSON import stores every character as given and refuses what no database holds.

Guards the import's fast paths (one quick validation pass, the row's JSON written by
msgspec, SQLite rows handed straight to executemany): text must come back exactly,
and a lone surrogate in a list or record (or a NUL in a text field), even in the last chunk,
still refuses the whole file naming the persona and the field.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from personadesigner.core.persona import Relation, Source, Trait
from personadesigner.errors import InterchangeError, ValidationError
from personadesigner.interchange.checks import Warnings
from personadesigner.interchange.json_io import FORMAT, iter_json

#: Text that JSON writers escape differently (control characters, line and paragraph separators).
ODD_TEXT = 'tab\t "quote" back\\slash \x01\x1f\x7f \u2028\u2029 é 😀 </script>'


def _write(path: Path, docs: list[dict]) -> Path:
    path.write_text(json.dumps({"format": FORMAT, "personas": docs}, ensure_ascii=True), encoding="utf-8")
    return path


def _persona(i: int) -> dict:
    return {
        "name": f"Persona {i}",
        "goals": [f"Goal {i}", ODD_TEXT],
        "tags": ["bench", ODD_TEXT],
        "traits": [{"left": "Calm", "right": ODD_TEXT, "value": i % 101}],
        "sources": [{"kind": "survey", "title": ODD_TEXT, "date": "2026-03-12", "note": ""}],
        "related": [{"persona": "Persona 0", "relation": "influences"}],
        "custom": [{"label": ODD_TEXT, "value": "v"}],
    }


def _import(lib, path: Path) -> int:
    return lib.add_stream(lambda: iter_json(path, Warnings()))


def test_streamed_import_reads_back_every_character(lib, tmp_path):
    path = _write(tmp_path / "p.json", [_persona(i) for i in range(1200)])  # three chunks of 500
    assert _import(lib, path) == 1200
    first_id = next(s.id for s in lib.list() if s.name == "Persona 0")
    got = lib.get(next(s.id for s in lib.list() if s.name == "Persona 1100"))
    assert got.goals == ["Goal 1100", ODD_TEXT]
    assert got.tags == ["bench", ODD_TEXT]
    assert got.traits == [Trait("Calm", ODD_TEXT, 1100 % 101)]
    assert got.sources == [Source("survey", ODD_TEXT, "2026-03-12", "")]
    assert got.related == [Relation(first_id, "influences")]
    assert got.custom[0].label == ODD_TEXT
    assert lib.list(search="goal 1100") and lib.list(search="😀")


@pytest.mark.parametrize(
    ("where", "field"),
    [
        (lambda d: d["goals"].append("broken \ud800"), "goals"),
        (lambda d: d["tags"].append("broken \udbff"), "tags"),
        (lambda d: d.update(story="nul \x00 here"), "story"),  # a NUL in a list is stored escaped (\u0000)
        (lambda d: d["sources"][0].update(note="broken \udc00"), "sources"),
    ],
)
def test_a_lone_surrogate_or_nul_in_the_last_chunk_refuses_the_whole_file(lib, tmp_path, where, field):
    docs = [_persona(i) for i in range(1100)]
    where(docs[-1])
    path = _write(tmp_path / "p.json", docs)
    with pytest.raises((ValidationError, InterchangeError)) as caught:
        _import(lib, path)
    assert f'Persona "Persona 1099": {field}: ' in str(caught.value)
    assert lib.list() == []  # all or nothing
