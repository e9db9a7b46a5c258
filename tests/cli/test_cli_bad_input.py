"""Bad input: exit 2, exactly one line on stderr, no traceback, and the library untouched."""

from __future__ import annotations

import json

import pytest

from support.cli_helpers import count

FORMAT = "personadesigner.personas/1"


def _json(personas) -> bytes:
    return json.dumps({"format": FORMAT, "personas": personas}).encode()


BAD_FILES = {
    "truncated.json": (_json([{"name": "Anna"}, {"name": "Ben"}])[:-12], "truncated"),
    "invalid.json": (b'{"format": "personadesigner.personas/1", "personas": [{"name": "A"}}', "line 1, column"),
    "not-utf8.csv": ("Name,Role\nAnna,Chef\nRené,Café\n".encode("cp1252"), "line 3 is not UTF-8"),
    "no-name.json": (_json([{"name": "Ok"}, {"role": "nameless"}]), "persona #2 (no name): name"),
    "unknown-type.csv": (b"Name,Type\nAnna,alien\n", 'type: "alien" is not a persona type'),
    "trait-140.json": (
        _json([{"name": "Anna", "traits": [{"left": "a", "right": "b", "value": 140}]}]),
        "traits[0].value: 140 is outside 0-100",
    ),
    "photo-url.json": (_json([{"name": "Anna", "photo": "https://example.com/me.jpg"}]), "never fetch"),
}


def _assert_one_clean_line(r, words):
    assert r.code == 2, r.err
    assert r.err.count("\n") == 1, r.err
    assert r.err.startswith("personadesigner: error: ")
    assert "Traceback" not in r.err
    assert words in r.err


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_bad_import_file_exits_2_and_leaves_the_library_unchanged(cli, sample_library, tmp_path, name):
    data, words = BAD_FILES[name]
    bad = tmp_path / name
    bad.write_bytes(data)
    before = count(sample_library)
    r = cli("import", "--library", sample_library, bad)
    _assert_one_clean_line(r, words)
    assert r.out == ""
    assert count(sample_library) == before


def test_import_is_all_or_nothing_across_files(cli, sample_library, tmp_path):
    good = tmp_path / "good.json"
    good.write_bytes(_json([{"name": "Good One"}]))
    bad = tmp_path / "bad.json"
    bad.write_bytes(_json([{"name": "Bad", "confidence": "certain"}]))
    r = cli("import", "--library", sample_library, good, bad)
    _assert_one_clean_line(r, 'persona "Bad": confidence')
    assert count(sample_library) == 8
    assert cli("show", "--library", sample_library, "Good One").code == 2


def test_import_of_ids_already_in_the_library_stores_nothing(cli, sample_library, tmp_path):
    out = tmp_path / "all.json"
    cli("export", "--library", sample_library, "--all", "--out", out)
    before = sample_library.read_bytes()
    r = cli("import", "--library", sample_library, out)
    _assert_one_clean_line(r, "already in the library")
    assert count(sample_library) == 8
    assert len(sample_library.read_bytes()) == len(before)


def test_library_in_a_missing_folder_exits_2_and_creates_nothing(cli, tmp_path):
    missing = tmp_path / "no" / "such" / "folder"
    r = cli("list", "--library", missing / "lib.sqlite")
    _assert_one_clean_line(r, "does not exist")
    assert not (tmp_path / "no").exists()


def test_a_file_that_is_not_a_library_exits_2_and_is_not_changed(cli, tmp_path):
    notes = tmp_path / "notes.sqlite"
    notes.write_bytes(b"These are my meeting notes, not a database.\n" * 20)
    before = notes.read_bytes()
    r = cli("list", "--library", notes)
    assert r.code == 2 and r.err.count("\n") == 1 and "Traceback" not in r.err
    assert notes.read_bytes() == before


def test_import_of_a_missing_file_or_unknown_kind(cli, sample_library, tmp_path):
    _assert_one_clean_line(cli("import", "--library", sample_library, tmp_path / "gone.json"), "does not exist")
    odd = tmp_path / "people.xlsx"
    odd.write_bytes(b"PK")
    _assert_one_clean_line(cli("import", "--library", sample_library, odd), "use .json or .csv")


@pytest.mark.parametrize(
    ("flags", "words"),
    [
        (["--bleed", "lots"], '"lots" is not a length'),
        (["--page-size", "B7"], '"B7" is not a page size'),
        (["--per-page", "0"], "--per-page"),
        (["--template", "nope"], '"nope" is not a template (use one of:'),
        (["--theme", "nope"], '"nope" is not a theme (use one of:'),
        (["--tile-to", "card"], '--tile-to "card" is not a page size (use one of: A0,'),
        (["--page-size", "b7"], "(use one of: card, A0,"),
    ],
)
def test_bad_export_flags_exit_2_before_writing(cli, sample_library, tmp_path, flags, words):
    out = tmp_path / "cards.pdf"
    _assert_one_clean_line(cli("export", "--library", sample_library, "--all", "--out", out, *flags), words)
    assert not out.exists()


def test_two_files_with_the_same_persona_id_store_nothing(cli, sample_library, tmp_path):
    same = "5f0c8a52-7d1e-4a55-9a7e-000000000042"
    for name in ("a.json", "b.json"):
        (tmp_path / name).write_bytes(_json([{"id": same, "name": f"From {name}"}]))
    r = cli("import", "--library", sample_library, tmp_path / "a.json", tmp_path / "b.json")
    _assert_one_clean_line(r, "same id")
    assert count(sample_library) == 8


@pytest.mark.parametrize("suffix", ["json", "csv", "pdf"])
def test_export_into_a_missing_folder_exits_2(cli, sample_library, tmp_path, suffix):
    extra = ["--photos", "files"] if suffix == "json" else []
    r = cli("export", "--library", sample_library, "--all", "--out", tmp_path / "gone" / f"x.{suffix}", *extra)
    _assert_one_clean_line(r, "does not exist")
    assert not (tmp_path / "gone").exists()
