"""A damaged library is never written to: one clear message, a copy kept aside."""

from __future__ import annotations

import hashlib

import pytest

from personadesigner.core.persona import Persona
from personadesigner.errors import LibraryError
from personadesigner.storage import integrity
from personadesigner.storage.library import Library
from support.damage import garbage_in_the_middle, truncate


def _digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_healthy_library_passes_both_checks(filled_library):
    assert integrity.quick_check(filled_library) == []
    assert integrity.integrity_check(filled_library) == []
    with Library.open(str(filled_library)) as lib:
        assert lib.check() == []


def test_garbage_pages_in_the_middle_are_refused_and_kept_aside_untouched(filled_library):
    garbage_in_the_middle(filled_library, size=6 * 4096, pattern=bytes((i * 7 + 13) % 256 for i in range(256)))
    before = _digest(filled_library)

    with pytest.raises(LibraryError) as err:
        Library.open(str(filled_library))
    message = str(err.value)
    assert "is damaged" in message and "personadesigner restore" in message
    assert _digest(filled_library) == before  # never written to
    copies = list(filled_library.parent.glob("team.sqlite.damaged-*"))
    assert len(copies) == 1 and _digest(copies[0]) == before
    assert str(copies[0]) in message


def test_truncated_library_is_refused_with_the_same_clear_message(filled_library):
    truncate(filled_library, keep=1 / 3)
    with pytest.raises(LibraryError, match="is damaged; a copy was kept at"):
        Library.open(str(filled_library))
    assert integrity.integrity_check(filled_library) != []


def test_a_text_file_is_not_called_damaged_and_gets_no_copy(tmp_path):
    notes = tmp_path / "notes.sqlite"
    notes.write_text("my thesis, not a database\n" * 100)
    with pytest.raises(LibraryError, match="not a PersonaDesigner library"):
        Library.open(str(notes))
    assert list(tmp_path.glob("*.damaged-*")) == []


def test_a_crash_mid_transaction_in_rollback_journal_mode_is_recovered_not_called_damaged(tmp_path):
    import os
    import subprocess
    import sys

    folder = tmp_path / "Dropbox"  # rollback journal here
    folder.mkdir()
    path = folder / "lib.sqlite"
    with Library.open(str(path)) as lib:
        lib.add(Persona(name="Kept"))
    # A writer dies (os._exit: no cleanup) in the middle of a big transaction: a hot journal is left.
    script = (
        "import sqlite3, os\n"
        f"c = sqlite3.connect({str(path)!r}, isolation_level=None)\n"
        "c.execute('PRAGMA cache_size = 1')\n"
        "c.execute('BEGIN IMMEDIATE')\n"
        'c.execute("UPDATE personas SET story = hex(randomblob(20000))")\n'
        "c.executemany('INSERT INTO library_info VALUES (?, ?)', [(f'k{i}', 'x' * 3000) for i in range(400)])\n"
        "os._exit(9)\n"
    )
    subprocess.run([sys.executable, "-c", script], check=False)
    assert os.path.getsize(str(path) + "-journal") > 0
    assert integrity.quick_check(path) == []
    with Library.open(str(path)) as lib:
        assert [s.name for s in lib.list()] == ["Kept"] and lib.get(lib.list()[0].id).story == ""
    assert list(folder.glob("*.damaged-*")) == []
