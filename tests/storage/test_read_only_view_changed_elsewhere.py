"""A library read where it cannot be written, while someone who can write changes it, is never called damaged.

Where the -shm index cannot be made (a read-only folder or mount) SQLite reads a WAL library
"immutable": no locks, and a connection keeps its page cache. Once another program changed
the file, a kept connection mixed old and new pages and every read said "database disk
image is malformed", which the app turned into "the library file is damaged; restore it
from a backup" for a healthy library.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
import sqlalchemy as sa

from personadesigner.core.persona import Persona
from personadesigner.storage.library import Library, _environment_error
from support import privileges
from support.damage import garbage_in_the_middle

_WRITER = """
import sys
from personadesigner.core.persona import Persona
from personadesigner.storage.library import Library
with Library.open(sys.argv[1]) as lib:
    for s in lib.list()[::2]:
        lib.delete(s.id)
        lib.purge(s.id)
    lib.add_many([Persona(name=f"Later {i}", role="r" * 300) for i in range(300)])
"""


@pytest.fixture
def writable_and_read_only_view():
    """(the library on a small disk, the same file seen through a read-only bind mount)."""
    ok, why = privileges.can_mount()
    if not ok:
        pytest.skip(why)
    with privileges.small_disk("16m") as disk:
        view = Path(tempfile.mkdtemp(prefix="pd-ro-view-"))
        subprocess.run(["mount", "--bind", str(disk), str(view)], check=True)
        try:
            subprocess.run(["mount", "-o", "remount,bind,ro", str(view)], check=True)
            with Library.open(str(disk / "lib.sqlite")) as lib:
                lib.add_many([Persona(name=f"First {i:03}", role="r" * 300) for i in range(300)])
            yield disk / "lib.sqlite", view / "lib.sqlite"
        finally:
            subprocess.run(["umount", "-l", str(view)], check=False)
            with contextlib.suppress(OSError):
                view.rmdir()


def test_a_read_only_view_shows_another_program_s_changes_instead_of_calling_them_damage(
    writable_and_read_only_view,
):
    writable, read_only = writable_and_read_only_view
    with Library.open(str(read_only)) as reader:
        assert reader.read_only and reader.count() == 300
        env = {**os.environ, "PYTHONPATH": str(privileges.REPO)}
        subprocess.run([sys.executable, "-c", _WRITER, str(writable)], check=True, timeout=120, env=env)
        names = [s.name for s in reader.list()]  # was: "The library file is damaged; restore it from a backup."
        assert len(names) == 450 and names[0] == "First 001" and "Later 299" in names
        assert reader.check() == []
    assert not list(writable.parent.glob("*.damaged-*"))


def _stale_immutable_error(path: Path) -> sa.exc.DBAPIError:
    """The real error a kept immutable connection gives once another connection rewrote the file."""
    import sqlite3

    engine = sa.create_engine(
        "sqlite://", creator=lambda: sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True)
    )
    try:
        with engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT count(*) FROM personas").scalar() == 300
            with Library.open(str(path)) as writer:
                for s in writer.list()[::2]:
                    writer.delete(s.id)
                    writer.purge(s.id)
                writer.add_many([Persona(name=f"Later {i}", role="r" * 300) for i in range(300)])
            with pytest.raises(sa.exc.DBAPIError) as caught:
                conn.exec_driver_sql("SELECT name, role FROM personas ORDER BY name").fetchall()
        return caught.value
    finally:
        engine.dispose()


def test_malformed_said_of_a_healthy_library_is_not_called_damage(library_path):
    with Library.open(str(library_path)) as lib:
        lib.add_many([Persona(name=f"First {i:03}", role="r" * 300) for i in range(300)])
    error = _stale_immutable_error(library_path)
    assert "malformed" in str(error.orig)
    message = str(_environment_error(error, library_path))
    assert "damaged" not in message and "backup" not in message
    assert "checks as healthy" in message and "try again" in message


def test_malformed_said_of_a_really_damaged_library_is_still_called_damage(library_path):
    with Library.open(str(library_path)) as lib:
        lib.add_many([Persona(name=f"First {i:03}", role="r" * 300) for i in range(300)])
    error = _stale_immutable_error(library_path)
    garbage_in_the_middle(library_path)
    message = str(_environment_error(error, library_path))
    assert "is damaged" in message and "personadesigner restore" in message
