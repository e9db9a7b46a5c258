"""`personadesigner list` reads a library file without SQLAlchemy (storage.direct_read): it must find
exactly the personas Library.list finds, in the same order, and leave every other case to the Library."""

from __future__ import annotations

import itertools
import sqlite3

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from personadesigner.core.persona import PERSONA_TYPES, Persona
from personadesigner.errors import LibraryError, UserError
from personadesigner.storage.direct_read import list_file
from personadesigner.storage.library import Library
from personadesigner.storage.listing import SORTS
from support.damage import garbage_in_the_middle
from support.storage_helpers import downgrade_file

#: What a persona's text can hold (control characters and lone surrogates are refused on save).
TEXT = st.characters(exclude_categories=("Cc", "Cs"))
SEARCHES = (None, "", "  ", "ärztin", "ÄRZTIN", "acme", "100%", "%", "_", "\\", "b2b", "slow_rep", "nobody has this")


@pytest.fixture
def filled(lib):
    lib.add_many(
        [
            Persona(id="twin-2", name="anna Berg", type="end_user", role="Ärztin", tags=["health", "B2C"]),
            Persona(id="twin-1", name="Anna berg", type="buyer", role="twin by name, other case", tags=["b2b"]),
            Persona(name="Bob", type="buyer", company="ACME 100% Corp", tags=["b2b"]),
            Persona(name="Cora", type="decision_maker", pain_points=["Slow_reports"], tags=["B2B"]),
            Persona(name="Dan", type="negative", goals=["free stuff"], notes="ärztin only in notes"),
            Persona(name="Ëve", type="influencer", role="back\\slash", updated_at="2001-01-01T00:00:00Z"),
            Persona(name="Zoë 山田", type="customer", quote="ÄRZTIN in capitals"),
        ]
    )
    gone = lib.add(Persona(name="Trashed Bob", company="ACME", tags=["b2b"]))
    lib.delete(gone.id)
    return lib


def test_every_filter_and_sort_finds_what_library_list_finds_in_its_order(filled, library_path):
    for search, persona_type, tag, sort in itertools.product(SEARCHES, (None, "buyer"), (None, "b2b"), SORTS):
        expected = filled.list(search=search, type=persona_type, tag=tag, sort=sort)
        got = list_file(str(library_path), search=search, type=persona_type, tag=tag, sort=sort)
        assert got is not None
        assert got.summaries == expected, (search, persona_type, tag, sort)
        assert got.warnings == []


def test_what_the_list_shows(filled, library_path):
    def names(**kw):
        return [s.name for s in list_file(str(library_path), **kw).summaries]

    # Names equal ignoring case are in id order; no trash.
    assert names() == ["Anna berg", "anna Berg", "Bob", "Cora", "Dan", "Zoë 山田", "Ëve"]
    assert names(search="ÄRZTIN") == ["anna Berg", "Zoë 山田"]  # the role, the quote; never the notes
    assert names(search="100%") == ["Bob"] and names(search="_") == ["Cora"] and names(search="\\") == ["Ëve"]
    assert names(tag="B2B", type="buyer") == ["Anna berg", "Bob"]
    assert names(sort="updated")[-1] == "Ëve"
    with pytest.raises(UserError, match="sort"):
        list_file(str(library_path), sort="age")


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    names=st.lists(st.text(TEXT, min_size=1, max_size=12).filter(str.strip), min_size=1, max_size=8),
    needle=st.text(TEXT, max_size=4),
    kind=st.sampled_from(PERSONA_TYPES),
)
def test_any_names_and_any_search_give_the_same_list(tmp_path_factory, names, needle, kind):
    path = tmp_path_factory.mktemp("lib") / "library.sqlite"
    with Library.open(str(path)) as lib:
        lib.add_many([Persona(name=n, type=kind, role=n[::-1]) for n in names])
        for search in (needle, names[0][:3]):
            assert list_file(str(path), search=search).summaries == lib.list(search=search)


def test_leaves_urls_and_missing_files_to_the_library(tmp_path):
    assert list_file(f"sqlite:///{tmp_path / 'x.sqlite'}") is None
    assert list_file(str(tmp_path / "missing.sqlite")) is None
    assert list_file(str(tmp_path / "no" / "folder" / "lib.sqlite")) is None
    assert list(tmp_path.iterdir()) == []


def test_a_zero_byte_file_is_refused_untouched_as_library_open_does(tmp_path):
    empty = tmp_path / "empty.sqlite"
    empty.touch()
    with pytest.raises(LibraryError, match="empty file") as direct:
        list_file(str(empty))
    with pytest.raises(LibraryError) as opened:
        Library.open(str(empty), for_reading=True)
    assert str(direct.value) == str(opened.value)
    assert empty.stat().st_size == 0


def test_an_older_schema_is_left_to_the_library_which_upgrades_it(tmp_path):
    path = tmp_path / "old.sqlite"
    with Library.open(str(path)) as lib:
        lib.add(Persona(name="Kept"))
    downgrade_file(path, "0003")
    assert list_file(str(path)) is None
    with Library.open(str(path), for_reading=True) as lib:
        assert [s.name for s in lib.list()] == ["Kept"]
    assert [s.name for s in list_file(str(path)).summaries] == ["Kept"]  # upgraded: read directly again


def test_a_newer_schema_is_left_to_the_library_which_refuses_it(lib, library_path):
    lib.add(Persona(name="Future"))
    conn = sqlite3.connect(library_path)
    conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.commit()
    conn.close()
    assert list_file(str(library_path)) is None
    with pytest.raises(LibraryError, match="newer PersonaDesigner"):
        Library.open(str(library_path), for_reading=True)


def test_a_damaged_file_is_refused_and_kept_aside_as_library_open_does(tmp_path):
    path = tmp_path / "lib.sqlite"
    with Library.open(str(path)) as lib:
        lib.add_many([Persona(name=f"P{i}", story="Long story. " * 40) for i in range(200)])
    garbage_in_the_middle(path)
    with pytest.raises(LibraryError, match="is damaged"):
        list_file(str(path))
    assert len(list(tmp_path.glob("lib.sqlite.damaged-*"))) == 1


def test_another_programs_database_is_refused_untouched(tmp_path):
    path = tmp_path / "theirs.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (text TEXT)")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(LibraryError, match="another program's database"):
        list_file(str(path))
    assert path.read_bytes() == before
