"""Templates stored in the library: shared by every Library on the same file or server, refused
whole when broken (one sentence naming the key, nothing written), built-in names read-only, and a
library of the previous schema upgraded with its data."""

from __future__ import annotations

import sqlite3

import pytest

from personadesigner.core.persona import Persona
from personadesigner.errors import UserError
from personadesigner.storage import migrate
from personadesigner.storage.library import Library
from support.storage_helpers import downgrade_file
from support.template_files import branded_data, broken_data, builtin_data


def _save_and_see(first: Library, second: Library) -> None:
    saved = first.save_template("Acme card", branded_data())
    assert saved.name == "Acme card" and saved.origin == "library"
    templates, problems = second.templates()
    assert problems == []
    assert [(t.name, t.title, t.origin) for t in templates] == [("Acme card", "Acme card", "library")]
    assert templates[0].negative.text == "NOT FOR ACME"
    changed = branded_data()
    changed["negative"]["text"] = "NOT OURS"
    second.save_template("Acme card", changed)
    assert first.templates()[0][0].negative.text == "NOT OURS"
    assert first.template_data("Acme card")["negative"]["text"] == "NOT OURS"
    first.delete_template("Acme card")
    assert second.templates() == ([], [])
    assert second.template_data("Acme card") is None


def test_two_libraries_on_one_sqlite_file_share_templates(tmp_path):
    path = str(tmp_path / "team.sqlite")
    with Library.open(path) as first, Library.open(path) as second:
        _save_and_see(first, second)


def test_two_libraries_on_postgresql_share_templates(pg_url):
    with Library.open(pg_url) as first, Library.open(pg_url) as second:
        _save_and_see(first, second)


def _refused(lib: Library, name: str, data, words: str) -> None:
    with pytest.raises(UserError) as err:
        lib.save_template(name, data)
    message = str(err.value)
    assert words in message and "\n" not in message
    assert lib.templates() == ([], [])


def test_bad_templates_are_refused_in_one_sentence_and_nothing_is_stored(tmp_path):
    with Library.open(str(tmp_path / "a.sqlite")) as lib:
        _refused(lib, "Acme", broken_data(), 'The library template "Acme" is refused at styles.name.size')
        _refused(lib, "Acme", {**branded_data(), "version": 2}, "made by a newer PersonaDesigner")
        _refused(lib, "Acme", {**branded_data(), "colour": "red"}, "at colour: unknown key")
        _refused(lib, "Acme", ["not", "a", "template"], "is not a template")
        _refused(lib, "../evil", branded_data(), "cannot name a template")
        _refused(lib, "card", builtin_data("card"), "built-in template")
        with pytest.raises(UserError, match="built-in template"):
            lib.delete_template("card")
        with pytest.raises(UserError, match='no template "Nope"'):
            lib.delete_template("Nope")


def test_the_stored_template_carries_the_format_version(tmp_path):
    with Library.open(str(tmp_path / "a.sqlite")) as lib:
        lib.save_template("Acme", branded_data())
        assert lib.template_data("Acme")["version"] == 1


def test_a_library_before_templates_is_upgraded_with_its_data(tmp_path):
    """A library of revision 0004 (themes, no templates) opens with its personas and themes kept."""
    path = tmp_path / "old.sqlite"
    with Library.open(str(path)) as lib:
        lib.add(Persona(name="Written before templates"))
    downgrade_file(path, "0004")
    conn = sqlite3.connect(path)
    assert "templates" not in {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    conn.close()
    with Library.open(str(path)) as lib:
        assert lib.schema_revision() == migrate.HEAD_REVISION == "0005"
        assert [s.name for s in lib.list()] == ["Written before templates"]
        lib.save_template("Acme", branded_data())
        assert [t.name for t in lib.templates()[0]] == ["Acme"]
        assert lib.check() == []


def test_the_design_stamp_moves_with_every_template_or_theme_change(tmp_path):
    """The app re-reads the library's designs only when this one query says they changed."""
    from support.brand_files import brand_data

    path = str(tmp_path / "a.sqlite")
    with Library.open(path) as lib, Library.open(path) as other:
        stamps = [lib.design_stamp()]
        lib.add(Persona(name="Not a design"))
        assert other.design_stamp() == stamps[-1]
        lib.save_template("Acme", branded_data())
        stamps.append(other.design_stamp())
        changed = branded_data()
        changed["negative"]["text"] = "NOT FOR ACMX"  # same name, same length, likely the same second
        lib.save_template("Acme", changed)
        stamps.append(other.design_stamp())
        lib.save_theme("Brand", brand_data(logo=None), {})
        stamps.append(other.design_stamp())
        lib.delete_template("Acme")
        stamps.append(other.design_stamp())
        assert len(set(stamps)) == len(stamps)


@pytest.mark.parametrize("to_server", [False, True], ids=["sqlite", "postgresql"])
def test_copying_a_library_takes_its_templates_and_themes_along(tmp_path, request, to_server):
    """`personadesigner copy` moves a team to a server: their own designs must not stay behind."""
    from personadesigner.storage.copy import copy_library
    from support.brand_files import brand_data

    source = str(tmp_path / "mine.sqlite")
    with Library.open(source) as lib:
        lib.add(Persona(name="Uses the brand"))
        lib.save_template("Acme", branded_data())
        lib.save_theme("Brand", brand_data(logo=None), {})
    target = request.getfixturevalue("pg_url") if to_server else str(tmp_path / "copy.sqlite")
    copy_library(source, target)
    with Library.open(target) as copied:
        assert [t.name for t in copied.templates()[0]] == ["Acme"]
        assert copied.template_data("Acme")["negative"]["text"] == "NOT FOR ACME"
        assert [t.name for t in copied.themes()[0]] == ["Brand"]
