"""What JSON allows but a personas file must refuse, rather than store it changed or crash on it."""

from __future__ import annotations

import json

import pytest

from personadesigner.errors import InterchangeError
from personadesigner.interchange.json_io import FORMAT, loads, read_json

HEAD = '{"format": "personadesigner.personas/1", "personas": [\n'


def _doc(persona_text: str) -> str:
    return HEAD + '{"name": "Fine"},\n' + persona_text + "\n]}"


@pytest.mark.parametrize("number", ["NaN", "Infinity", "-Infinity", "1e999", "-1e400"])
def test_nan_and_infinity_are_refused_not_stored_as_text(number):
    with pytest.raises(InterchangeError) as err:
        loads(_doc('{"name": "Odd", "age": %s}' % number), source="p.json")
    message = str(err.value)
    assert message.startswith("p.json: persona #2 (line 3):")
    assert "NaN" in message or "too large" in message


def test_a_key_given_twice_is_refused_naming_the_key():
    with pytest.raises(InterchangeError, match=r'persona #2 \(line 3\): the key "role" appears twice'):
        loads(_doc('{"name": "Twice", "role": "Buyer", "role": "Seller"}'), source="p.json")


def test_a_key_given_twice_inside_a_record_is_refused_too():
    with pytest.raises(InterchangeError, match=r'the key "value" appears twice'):
        loads(_doc('{"name": "T", "traits": [{"left": "a", "right": "b", "value": 1, "value": 99}]}'))


def test_a_top_level_key_given_twice_is_refused():
    text = '{"format": "personadesigner.personas/1", "personas": [], "personas": [{"name": "A"}]}'
    with pytest.raises(InterchangeError, match=r'top-level key "personas" appears twice'):
        loads(text, source="p.json")


@pytest.mark.parametrize("digits", [101, 4301, 50_000])
def test_integers_of_thousands_of_digits_are_refused(digits):
    with pytest.raises(InterchangeError, match=f"a number of {digits} digits is too long"):
        loads(_doc('{"name": "Big", "age": %s}' % ("9" * digits)), source="p.json")


def test_ordinary_numbers_still_become_text_and_trait_values():
    result = loads(
        _doc('{"name": "N", "age": 41, "income": 52000.5, "traits": [{"left": "a", "right": "b", "value": 70.0}]}')
    )
    persona = result.personas[1]
    assert (persona.age, persona.income, persona.traits[0].value) == ("41", "52000.5", 70)


@pytest.mark.parametrize("field", ["created_at", "updated_at"])
@pytest.mark.parametrize("value", ["yesterday", "23.11.2026", "2026-13-01", "nan", "12"])
def test_timestamps_must_be_iso_dates(field, value):
    with pytest.raises(InterchangeError) as err:
        loads(_doc(json.dumps({"name": "When", field: value})), source="p.json")
    assert f'persona "When": {field}: "{value}" is not an ISO date and time' in str(err.value)


@pytest.mark.parametrize(
    "value", ["2026-11-23", "2026-11-23T10:15:00Z", "2026-11-23T10:15:00+01:00", "2026-11-23T10:15:00.123456"]
)
def test_iso_timestamps_are_kept_as_written(value):
    persona = loads(_doc(json.dumps({"name": "When", "created_at": value, "updated_at": value}))).personas[1]
    assert persona.created_at == persona.updated_at == value


def test_the_cli_refuses_a_huge_integer_with_exit_2_and_one_line(cli, tmp_path):
    path = tmp_path / "big.json"
    path.write_text(_doc('{"name": "Big", "age": %s}' % ("9" * 5000)), encoding="utf-8")
    library = tmp_path / "lib.sqlite"
    r = cli("import", "--library", library, path)
    assert r.code == 2, r.err
    assert r.err.count("\n") == 1 and "5000 digits" in r.err and "Traceback" not in r.err
    assert "Big" not in cli("list", "--library", library).out


def test_a_file_read_in_pieces_gives_the_same_personas_and_positions(tmp_path, monkeypatch):
    from personadesigner.interchange import json_stream

    monkeypatch.setattr(json_stream, "CHUNK_CHARS", 7)  # every value spans several reads
    doc = {
        "format": FORMAT,
        "extra": {"a": [1, 2]},
        "personas": [{"name": f"P{i} 😀", "story": "x\n" * i, "goals": ["a", "b"]} for i in range(30)],
    }
    path = tmp_path / "p.json"
    path.write_text(json.dumps(doc, indent=1, ensure_ascii=False), encoding="utf-8")
    result = read_json(path)
    assert [p.name for p in result.personas] == [f"P{i} 😀" for i in range(30)]
    assert result.personas[29].story == "x\n" * 29
    assert any('"extra"' in w for w in result.warnings)
    broken = path.read_text(encoding="utf-8").replace('"P17 😀"', '"P17 😀",,')
    path.write_text(broken, encoding="utf-8")
    line = next(n for n, text in enumerate(broken.splitlines(), 1) if "P17" in text)
    with pytest.raises(InterchangeError, match=f"invalid JSON at line {line}, column "):
        read_json(path)
