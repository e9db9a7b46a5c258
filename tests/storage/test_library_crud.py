"""Adding, reading, changing and deleting personas, as the app and the CLI do."""

from __future__ import annotations

import dataclasses
import sqlite3

import pytest

from personadesigner.core.persona import ALL_FIELDS, Persona, Relation, persona_to_dict
from personadesigner.errors import ConflictError, UserError, ValidationError
from personadesigner.storage.library import Library
from support.storage_helpers import rich_persona


def test_every_field_survives_a_round_trip_through_the_file(library_path):
    original = rich_persona()
    # The fixture must really exercise every field of the contract.
    filled = persona_to_dict(original)
    missing = [f for f in ALL_FIELDS if f not in filled and f not in ("id", "photo", "created_at", "updated_at")]
    assert missing == []

    with Library.open(str(library_path)) as lib:
        added = lib.add(original)
    assert added.id and added.version == 1 and added.created_at and added.updated_at
    with Library.open(str(library_path)) as lib:  # a fresh process would see the same
        stored = lib.get(added.id)
    assert dataclasses.asdict(stored) == dataclasses.asdict(added)
    for field in ALL_FIELDS:
        if field not in ("id", "photo", "created_at", "updated_at"):
            assert getattr(stored, field) == getattr(original, field), field
    assert stored.photo is not None


def test_add_keeps_a_given_id_and_timestamps(lib):
    p = Persona(name="Anna", id="anna-1", created_at="2020-01-01T00:00:00Z", updated_at="2020-02-01T00:00:00Z")
    added = lib.add(p)
    assert (added.id, added.created_at, added.updated_at) == ("anna-1", "2020-01-01T00:00:00Z", "2020-02-01T00:00:00Z")
    with pytest.raises(UserError, match="already in the library"):
        lib.add(Persona(name="Other", id="anna-1"))
    assert lib.count() == 1


def test_invalid_persona_is_refused(lib):
    with pytest.raises(ValidationError, match="type"):
        lib.add(Persona(name="Anna", type="alien"))
    assert lib.count() == 0


def test_update_bumps_version_and_keeps_created_at(lib):
    p = lib.add(Persona(name="Anna", created_at="2020-01-01T00:00:00Z"))
    p.role = "Designer"
    saved = lib.update(p)
    assert saved.version == 2 and saved.role == "Designer"
    assert saved.created_at == "2020-01-01T00:00:00Z"
    assert lib.get(p.id).role == "Designer"


def test_second_writer_with_a_stale_copy_gets_a_conflict_with_their_version(library_path):
    with Library.open(str(library_path)) as mine, Library.open(str(library_path)) as theirs_lib:
        anna = mine.add(Persona(name="Anna", role="Marketer"))
        their_copy = theirs_lib.get(anna.id)
        their_copy.role = "Head of marketing"
        theirs_lib.update(their_copy)

        anna.quote = "My stale edit"
        with pytest.raises(ConflictError) as caught:
            mine.update(anna)
        assert caught.value.persona_id == anna.id
        assert caught.value.theirs.role == "Head of marketing"
        assert caught.value.theirs.version == 2
        # Nothing of the stale edit was written.
        assert mine.get(anna.id).quote == ""


def test_trash_delete_restore_purge(lib):
    anna = lib.add(Persona(name="Anna", photo=None))
    bob = lib.add(Persona(name="Bob"))
    lib.delete(anna.id)
    assert [s.name for s in lib.list()] == ["Bob"]
    assert [s.name for s in lib.list(deleted=True)] == ["Anna"]
    assert lib.count() == 1 and lib.count(include_deleted=True) == 2
    with pytest.raises(UserError):
        lib.find("Anna")  # the trash is out of reach of the CLI's name lookup
    lib.restore(anna.id)
    assert [s.name for s in lib.list()] == ["Anna", "Bob"]
    lib.delete(bob.id)
    lib.purge(bob.id)
    assert lib.count(include_deleted=True) == 1
    with pytest.raises(UserError, match="No persona"):
        lib.get(bob.id)
    with pytest.raises(UserError):
        lib.delete("no-such-id")


def test_duplicate_gets_a_new_id_and_copy_name(lib):
    original = lib.add(rich_persona("Anna"))
    copy = lib.duplicate(original.id)
    assert copy.id != original.id and copy.name == "Anna (copy)" and copy.version == 1
    stored = lib.get(copy.id)
    assert stored.goals == original.goals and stored.photo == original.photo
    long = lib.add(Persona(name="x" * 120))
    assert len(lib.duplicate(long.id).name) == 120


def test_add_many_is_all_or_nothing(lib, library_path):
    good = [Persona(name=f"P{i}") for i in range(50)]
    bad = Persona(name="Broken", confidence="certain")
    with pytest.raises(ValidationError, match="Broken"):
        lib.add_many([*good, bad])
    assert lib.count() == 0
    # A failure inside the transaction (id already taken) also leaves nothing behind.
    lib.add(Persona(name="Taken", id="taken"))
    with pytest.raises(UserError, match="taken"):
        lib.add_many([*good, Persona(name="Again", id="taken")])
    assert lib.count() == 1
    conn = sqlite3.connect(library_path)
    assert conn.execute("SELECT count(*) FROM personas").fetchone()[0] == 1
    conn.close()


def test_add_many_resolves_related_names_to_ids(lib):
    boss = lib.add(Persona(name="Cora CFO"))
    batch = lib.add_many(
        [
            Persona(name="Ben Buyer", related=[Relation("Ulla User", "buys_for"), Relation("Cora CFO", "influences")]),
            Persona(
                name="Ulla User", related=[Relation("Nobody Known", "influences"), Relation(boss.id, "influences")]
            ),
        ]
    )
    ben, ulla = (lib.get(p.id) for p in batch)
    assert [r.persona for r in ben.related] == [ulla.id, boss.id]
    assert [r.persona for r in ulla.related] == ["Nobody Known", boss.id]


def test_find_by_id_exact_name_or_name_ignoring_case(lib):
    anna = lib.add(Persona(name="Änna Berg"))
    lib.add(Persona(name="Twin"))
    lib.add(Persona(name="Twin"))
    assert lib.find(anna.id).id == anna.id
    assert lib.find("Änna Berg").id == anna.id
    assert lib.find("änna berg").id == anna.id
    with pytest.raises(UserError, match="2 personas are named"):
        lib.find("Twin")
    with pytest.raises(UserError, match="No persona"):
        lib.find("Nobody")


def test_iter_personas_follows_the_given_order_and_skips_the_trash(lib):
    made = lib.add_many([Persona(name=f"P{i:02d}") for i in range(12)])
    lib.delete(made[3].id)
    wanted = [made[5].id, made[3].id, made[0].id, made[11].id]
    assert [p.name for p in lib.iter_personas(wanted, batch=2)] == ["P05", "P00", "P11"]
    assert len(list(lib.iter_personas(batch=5))) == 11


def test_text_no_database_can_hold_is_refused_with_the_field_named(lib):
    # json.loads('"\\ud800"') gives such a lone surrogate: it must not become a traceback.
    with pytest.raises(ValidationError, match="Anna.*goals.*surrogate"):
        lib.add_many([Persona(name="Bob"), Persona(name="Anna", goals=["ok", "broken \ud800"])])
    with pytest.raises(ValidationError, match="role.*NUL"):
        lib.add(Persona(name="Anna", role="a\x00b"))
    assert lib.count() == 0


def test_update_also_resolves_a_related_name(lib):
    cora = lib.add(Persona(name="Cora CFO"))
    ben = lib.add(Persona(name="Ben"))
    ben.related = [Relation("Cora CFO", "approves_for")]
    assert [r.persona for r in lib.update(ben).related] == [cora.id]


def test_add_many_leaves_the_callers_personas_untouched(lib):
    lib.add(Persona(name="Cora"))
    mine = Persona(name="Ben", goals=["g"], related=[Relation("Cora", "influences")])
    stored = lib.add_many([mine])[0]
    assert (mine.id, mine.version, mine.created_at, mine.related[0].persona) == ("", 0, "", "Cora")
    stored.goals.append("changed later")
    assert mine.goals == ["g"]
