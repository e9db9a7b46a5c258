"""Zero-byte files, read-only libraries and damaged copies, through Library.open itself (issue 15)."""

from __future__ import annotations

import pytest

from personadesigner.core.persona import Persona
from personadesigner.errors import LibraryError
from personadesigner.storage.library import Library
from support import privileges
from support.damage import garbage_in_the_middle


def test_a_zero_byte_file_is_not_a_library_and_stays_empty(tmp_path):
    empty = tmp_path / "placeholder.sqlite"
    empty.touch()
    with pytest.raises(LibraryError, match="an empty file, not a PersonaDesigner library"):
        Library.open(str(empty))
    assert empty.stat().st_size == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["placeholder.sqlite"]


def test_new_library_may_take_over_a_zero_byte_file(tmp_path):
    empty = tmp_path / "chosen.sqlite"
    empty.touch()
    with Library.open(str(empty), new_file=True) as lib:
        assert lib.is_new and lib.read_only is None
        lib.add(Persona(name="First"))
        assert lib.info()["name"] == "chosen"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["chosen.sqlite"]  # no temporary file left


def test_a_damaged_library_is_copied_aside_once_however_often_it_is_opened(tmp_path):
    path = tmp_path / "lib.sqlite"
    with Library.open(str(path)) as lib:
        lib.add_many([Persona(name=f"P{i}", story="Long story. " * 40) for i in range(200)])
    garbage_in_the_middle(path)
    messages = set()
    for _ in range(3):
        with pytest.raises(LibraryError, match="is damaged") as err:
            Library.open(str(path))
        messages.add(str(err.value))
    copies = list(tmp_path.glob("lib.sqlite.damaged-*"))
    assert len(copies) == 1 and len(messages) == 1 and str(copies[0]) in messages.pop()


@pytest.fixture
def read_only_disk():
    ok, why = privileges.can_mount()
    if not ok:
        pytest.skip(why)
    with privileges.small_disk("4m") as disk:
        with Library.open(str(disk / "lib.sqlite")) as lib:
            lib.add(Persona(name="Anna", role="Buyer"))
        privileges.make_read_only(disk)
        yield disk / "lib.sqlite"


def test_a_library_on_a_read_only_disk_reads_and_refuses_writes_naming_the_cause(read_only_disk):
    with Library.open(str(read_only_disk)) as lib:
        assert "read-only disk" in lib.read_only
        assert lib.find("Anna").role == "Buyer" and lib.check() == []
        with pytest.raises(LibraryError, match="open read-only .*read-only disk.*changes cannot be saved"):
            lib.add(Persona(name="Bert"))
    with pytest.raises(LibraryError, match="cannot be created: it is on a read-only disk"):
        Library.open(str(read_only_disk.with_name("new.sqlite")))
