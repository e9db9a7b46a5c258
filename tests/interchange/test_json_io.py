"""JSON interchange: character-exact round trips through real libraries, photos, refusals, errors."""

from __future__ import annotations

import dataclasses
import json

import pytest

from personadesigner.core.persona import ALL_FIELDS, Persona
from personadesigner.errors import InterchangeError
from personadesigner.images import normalize_photo
from personadesigner.interchange.json_io import FORMAT, loads, read_json, write_json
from support.interchange_helpers import HARD, full_persona, png_bytes


def _fields(p: Persona) -> dict:
    data = dataclasses.asdict(p)
    data.pop("version")
    return data


def test_round_trip_through_real_libraries_gives_every_field_back(library, other_library, tmp_path):
    anna, ben = full_persona(), Persona(name="Ben Buyer", type="buyer", related=[])
    stored = library.add_many([anna, ben])
    out = tmp_path / "export.json"
    write_json(library.iter_personas(), out)
    imported = read_json(out)
    assert imported.warnings == []
    other_library.add_many(imported.personas)
    for original in stored:
        again = other_library.get(original.id)
        assert _fields(again) == _fields(original)
    # the persona with everything really had everything: no contract field was empty
    data = json.loads(out.read_text(encoding="utf-8"))["personas"]
    anna_doc = next(d for d in data if d["name"] == anna.name)
    assert set(anna_doc) == set(ALL_FIELDS)
    # related names were resolved to ids in the first library and kept on the way through
    assert other_library.get(stored[0].id).related[0].persona == stored[1].id


def test_file_is_plain_utf8_without_escapes(tmp_path):
    out = tmp_path / "p.json"
    write_json([full_persona()], out)
    text = out.read_bytes().decode("utf-8")
    assert HARD.replace('"', '\\"') in text
    assert "\\u" not in text
    assert json.loads(text)["format"] == FORMAT


def test_photos_inline_as_data_url(tmp_path):
    out = tmp_path / "p.json"
    write_json([full_persona()], out)
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["personas"][0]["photo"].startswith("data:image/png;base64,")
    assert read_json(out).personas[0].photo == normalize_photo(full_persona().photo)


def test_photos_as_files_beside_the_json(tmp_path):
    p = full_persona()
    p.id = "0b7a7d6c-0000-4000-8000-000000000001"
    out = tmp_path / "team.json"
    write_json([p], out, photos="files")
    ref = json.loads(out.read_text(encoding="utf-8"))["personas"][0]["photo"]
    assert ref == f"team-photos/{p.id}.png"
    assert (tmp_path / "team-photos" / f"{p.id}.png").read_bytes() == p.photo
    assert read_json(out).personas[0].photo == normalize_photo(p.photo)


@pytest.mark.parametrize(
    ("ref", "words"),
    [
        ("/etc/passwd", "absolute path"),
        ("../secret.png", "outside"),
        ("photos/../../secret.png", "outside"),
        ("https://example.com/a.png", "https: URL"),
        ("file:///etc/passwd", "file: URL"),
        ("C:\\Users\\a.png", "absolute path"),
        ("data:text/plain;base64,aGk=", "not a base64 image"),
    ],
)
def test_photo_references_that_could_leak_or_fetch_are_refused(tmp_path, ref, words):
    (tmp_path / "secret.png").write_bytes(png_bytes())
    folder = tmp_path / "in"
    folder.mkdir()
    doc = {"format": FORMAT, "personas": [{"name": "Eve", "photo": ref}]}
    path = folder / "p.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(InterchangeError) as err:
        read_json(path)
    assert words in str(err.value)
    assert 'persona "Eve"' in str(err.value)


def test_symlink_out_of_the_folder_is_refused(tmp_path):
    (tmp_path / "secret.png").write_bytes(png_bytes())
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "link.png").symlink_to(tmp_path / "secret.png")
    path = folder / "p.json"
    path.write_text(
        json.dumps({"format": FORMAT, "personas": [{"name": "Eve", "photo": "link.png"}]}), encoding="utf-8"
    )
    with pytest.raises(InterchangeError, match="outside"):
        read_json(path)


def test_unknown_keys_are_reported_by_name():
    text = json.dumps(
        {
            "format": FORMAT,
            "exported_by": "x",
            "personas": [{"name": "Anna", "favourite_colour": "teal", "goals": ["a"]}],
        }
    )
    result = loads(text, source="p.json")
    assert result.personas[0].goals == ["a"]
    assert any('"favourite_colour"' in w and 'persona "Anna"' in w for w in result.warnings)
    assert any('"exported_by"' in w for w in result.warnings)


def test_truncated_json_names_line_and_column():
    text = json.dumps({"format": FORMAT, "personas": [{"name": "Anna"}]}, indent=2)[:-9]
    with pytest.raises(InterchangeError) as err:
        loads(text, source="p.json")
    message = str(err.value)
    assert "truncated" in message and "line 5, column 21" in message


def test_invalid_json_names_line_and_column():
    text = '{\n  "format": "personadesigner.personas/1",\n  "personas": [ {"name": "A",, } ]\n}'
    with pytest.raises(InterchangeError, match=r"line 3, column 30"):
        loads(text, source="p.json")


@pytest.mark.parametrize(
    ("doc", "words"),
    [
        ({"personas": []}, "not a PersonaDesigner personas file"),
        ({"format": "personadesigner.personas/2", "personas": []}, "another version"),
        ({"format": "something-else", "personas": []}, '"something-else"'),
        ([1, 2], "not a PersonaDesigner personas file"),
        ({"format": FORMAT, "personas": {"name": "A"}}, "must be a list"),
    ],
)
def test_wrong_format_is_a_clear_error(doc, words):
    with pytest.raises(InterchangeError, match=words):
        loads(json.dumps(doc), source="p.json")


@pytest.mark.parametrize(
    ("persona", "words"),
    [
        (
            {"name": "Anna", "traits": [{"left": "a", "right": "b", "value": 140}]},
            'persona "Anna": traits[0].value: 140 is outside 0-100',
        ),
        ({"role": "no name"}, "persona #2 (no name): name: a name is required"),
        ({"name": "Anna", "type": "vip"}, 'persona "Anna": type: "vip" is not a persona type'),
        ({"name": "Anna", "role": ["a"]}, 'persona "Anna": role: must be text'),
        ({"name": "Anna", "sources": [{"kind": "rumour"}]}, 'persona "Anna": sources[0].kind'),
        (
            {"name": "Anna", "sources": [{"kind": {"a": 1}, "title": "t"}]},
            'persona "Anna": sources[0].kind: must be text, not an object',
        ),
        ({"name": "Anna", "card": {"theme": ["x"]}}, 'persona "Anna": card.theme: must be text, not a list'),
    ],
)
def test_first_error_names_the_persona_and_the_field(persona, words):
    doc = {"format": FORMAT, "personas": [{"name": "Fine"}, persona]}
    with pytest.raises(InterchangeError) as err:
        loads(json.dumps(doc), source="p.json")
    assert words in str(err.value)
    assert str(err.value).startswith("p.json: ")


def test_not_utf8_json_names_the_line(tmp_path):
    path = tmp_path / "p.json"
    path.write_bytes(b'{"format": "personadesigner.personas/1",\n"personas": [{"name": "Ren\xe9"}]}')
    with pytest.raises(InterchangeError, match="line 2 is not UTF-8"):
        read_json(path)


def test_bom_is_accepted(tmp_path):
    path = tmp_path / "p.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps({"format": FORMAT, "personas": [{"name": "Anna"}]}).encode())
    assert read_json(path).personas[0].name == "Anna"
