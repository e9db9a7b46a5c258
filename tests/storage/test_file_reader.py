"""`personadesigner export` reads a library file without SQLAlchemy (storage.file_reader): it must see
exactly what the Library sees (personas, order, photos, trash, themes, templates, find's choice and
sentences) and leave every other case to the Library, or refuse in the Library's words."""

from __future__ import annotations

import sqlite3

import pytest

from personadesigner.core.persona import Persona, Relation
from personadesigner.core.templates import use_templates
from personadesigner.core.themes import use_themes
from personadesigner.errors import LibraryError, UserError
from personadesigner.related_names import related_names
from personadesigner.storage import integrity
from personadesigner.storage.file_reader import LibraryFileReader, open_file_reader
from personadesigner.storage.library import Library
from support.brand_files import brand_data, logo_png
from support.damage import garbage_in_the_middle
from support.images import jpeg, png
from support.storage_helpers import downgrade_file
from support.template_files import branded_data

#: References a user may type: ids, exact names, other case, other spacing, Unicode folding, typos.
REFS = (
    "twin-1",
    "Anna berg",
    "anna berg",  # two personas fold to it: the ambiguity sentence
    "  ANNA BERG ",
    "Bob",
    "bob",
    "BOB ",
    "Straße",
    "STRASSE",  # casefold: ß is ss
    "zoë 山田",
    "ZOË 山田",
    "Trashed Bob",  # only in the trash: not found
    "trashed-id",
    "Nobody",
    "",
    "%",
)


@pytest.fixture(autouse=True)
def _no_leftover_designs():
    """Library themes and templates are process-wide (core.themes / core.templates): start and end without."""
    use_themes([])
    use_templates([])
    yield
    use_themes([])
    use_templates([])


@pytest.fixture
def filled(lib):
    """Twins by name, shared and single photos, a link into the trash, a library theme and template,
    and a template whose stored JSON was damaged."""
    shared = png(color=(10, 200, 30))
    lib.add_many(
        [
            Persona(id="twin-2", name="anna Berg", type="end_user", photo=shared, tags=["b2b"]),
            Persona(id="twin-1", name="Anna berg", type="buyer", photo=shared, goals=["One", "Two"]),
            Persona(name="Bob", company="ACME 100% Corp", photo=jpeg()),
            Persona(name="Straße", quote="ß ist ss"),
            Persona(name="Zoë 山田", type="influencer", related=[Relation("trashed-id", "influences")]),
            Persona(name="Ëve", related=[Relation("twin-1", "buys_for")]),
        ]
    )
    lib.add(Persona(id="trashed-id", name="Trashed Bob", photo=png()))
    lib.delete("trashed-id")
    lib.save_theme("Acme brand", brand_data(), {"logo.png": logo_png()})
    lib.save_template("Acme card", branded_data())
    lib.save_template("Old card", branded_data("Old card"))
    conn = sqlite3.connect(lib.location)
    conn.execute("UPDATE templates SET data = '{not json' WHERE name = 'Old card'")
    conn.commit()
    conn.close()
    return lib


@pytest.fixture
def reader(filled, library_path):
    found = open_file_reader(str(library_path))
    assert isinstance(found, LibraryFileReader)
    yield found
    found.close()


def _outcome(call):
    try:
        return call().id
    except UserError as exc:
        return f"refused: {exc}"


def test_personas_order_photos_and_trash_are_the_librarys(filled, reader):
    direct = list(reader.iter_personas())
    assert direct == list(filled.iter_personas())  # every field, photo bytes included
    assert [p.name for p in direct] == ["Anna berg", "anna Berg", "Bob", "Straße", "Zoë 山田", "Ëve"]
    assert direct[0].photo is not None and direct[0].photo == direct[1].photo  # one stored photo, twice
    assert reader.list() == filled.list()
    assert reader.get("trashed-id") == filled.get("trashed-id")  # get reaches into the trash
    with pytest.raises(UserError) as direct_refusal:
        reader.get("no-such-id")
    with pytest.raises(UserError) as library_refusal:
        filled.get("no-such-id")
    assert str(direct_refusal.value) == str(library_refusal.value)


def test_find_picks_the_same_persona_or_refuses_in_the_same_sentence(filled, reader):
    ids = [p.id for p in filled.iter_personas()]
    for ref in (*REFS, *ids):
        outcome = _outcome(lambda: reader.find(ref))
        assert outcome == _outcome(lambda: filled.find(ref)), ref
        if not outcome.startswith("refused"):
            assert reader.find(ref) == filled.find(ref)  # the whole persona, photo included
    assert _outcome(lambda: reader.find("anna berg")).startswith('refused: 2 personas are named "anna berg"')
    assert _outcome(lambda: reader.find("STRASSE")) == _outcome(lambda: reader.find("Straße")) != "refused"


def test_themes_templates_and_related_names_are_the_librarys(filled, reader):
    def named(found):
        good, bad = found
        return [item.name for item in good], bad

    assert named(reader.themes()) == named(filled.themes()) == (["Acme brand"], [])
    direct_templates = named(reader.templates())
    assert direct_templates == named(filled.templates())
    assert direct_templates[0] == ["Acme card"]
    assert len(direct_templates[1]) == 1 and '"Old card" is damaged' in direct_templates[1][0]
    assert reader.themes()[0][0] == filled.themes()[0][0]  # the same colours, fonts and logo
    batch = [p for p in filled.iter_personas() if p.related]
    names = related_names(reader, batch)
    assert names == related_names(filled, batch)
    assert names["trashed-id"] == "Trashed Bob" and names["twin-1"] == "Anna berg"


def test_no_library_theme_or_template_is_the_same_empty_answer(lib, library_path):
    lib.add(Persona(name="Plain"))
    with open_file_reader(str(library_path)) as reader:
        assert reader.themes() == lib.themes() == ([], [])
        assert reader.templates() == lib.templates() == ([], [])


def test_leaves_urls_missing_files_and_other_schemas_to_the_library(tmp_path, lib, library_path):
    assert open_file_reader(f"sqlite:///{library_path}") is None
    assert open_file_reader(str(tmp_path / "missing.sqlite")) is None
    assert open_file_reader(str(tmp_path / "no" / "folder" / "lib.sqlite")) is None
    lib.add(Persona(name="Future"))
    conn = sqlite3.connect(library_path)
    conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.commit()
    conn.close()
    assert open_file_reader(str(library_path)) is None  # the Library refuses it in its own words


def test_an_older_schema_is_left_to_the_library_which_upgrades_it(tmp_path):
    path = tmp_path / "old.sqlite"
    with Library.open(str(path)) as lib:
        lib.add(Persona(name="Kept"))
    downgrade_file(path, "0003")
    assert open_file_reader(str(path)) is None
    with Library.open(str(path), for_reading=True):
        pass
    with open_file_reader(str(path)) as reader:  # upgraded: read directly again
        assert [p.name for p in reader.iter_personas()] == ["Kept"]


def test_damaged_empty_and_foreign_files_are_refused_as_library_open_does(tmp_path):
    damaged = tmp_path / "lib.sqlite"
    with Library.open(str(damaged)) as lib:
        lib.add_many([Persona(name=f"P{i}", story="Long story. " * 40) for i in range(200)])
    garbage_in_the_middle(damaged)
    with pytest.raises(LibraryError, match="is damaged"):
        open_file_reader(str(damaged))
    assert len(list(tmp_path.glob("lib.sqlite.damaged-*"))) == 1
    empty = tmp_path / "empty.sqlite"
    empty.touch()
    theirs = tmp_path / "theirs.sqlite"
    conn = sqlite3.connect(theirs)
    conn.execute("CREATE TABLE notes (text TEXT)")
    conn.commit()
    conn.close()
    for path in (empty, theirs):
        with pytest.raises(LibraryError) as direct:
            open_file_reader(str(path))
        with pytest.raises(LibraryError) as opened:
            Library.open(str(path), for_reading=True)
        assert str(direct.value) == str(opened.value)
    assert empty.stat().st_size == 0


def test_a_schema_changed_under_an_open_reader_is_answered_by_the_library(filled, library_path):
    reader = open_file_reader(str(library_path))
    try:
        assert len(reader.list()) == 6
        conn = sqlite3.connect(library_path)
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
        conn.commit()
        conn.close()
        with pytest.raises(LibraryError, match="made by a newer PersonaDesigner"):
            list(reader.iter_personas())
    finally:
        reader.close()


def test_a_lock_taken_after_opening_is_the_librarys_busy_sentence(filled, library_path, monkeypatch):
    filled.close()
    conn = sqlite3.connect(library_path)
    conn.execute("PRAGMA journal_mode=DELETE")  # rollback journal: a reader waits on EXCLUSIVE
    conn.close()
    monkeypatch.setattr(integrity, "BUSY_TIMEOUT_S", 0.2)  # the real wait is 10 s; the outcome is the same
    reader = open_file_reader(str(library_path))
    holder = sqlite3.connect(library_path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(LibraryError) as caught:
            list(reader.iter_personas())
    finally:
        holder.execute("ROLLBACK")
        holder.close()
        reader.close()
    assert str(caught.value) == "The library is busy: another program kept it locked for more than 10 seconds."
    assert not list(library_path.parent.glob("*.damaged-*"))
