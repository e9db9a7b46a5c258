"""Looking at a library file never takes away the locks of the library this process has open.

SQLite's locks on Unix are POSIX record locks, which belong to the process: closing ANY
descriptor of the file releases all of them, also the shared lock an open WAL library keeps.
When a second look at the file (a second window opening it, "is it damaged?", a read-only
command's check) did that, the next program to close its connection believed it was the
last one and deleted the -wal and -shm under the open library: its next change went into a
deleted file that no other program could see, and the next open in the process failed with
"disk I/O error".
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from personadesigner.core.persona import Persona
from personadesigner.storage import api, check_cache, integrity
from personadesigner.storage.backup import make_backup, restore_backup, validate_backup
from personadesigner.storage.copy import copy_library
from personadesigner.storage.library import Library
from support.cli import run_process

_NAMES_ELSEWHERE = (
    "import json, sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
    "print(json.dumps(sorted(r[0] for r in c.execute('SELECT name FROM personas')))); c.close()"
)
_RENAME_ELSEWHERE = (
    "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
    "c.execute('UPDATE personas SET name = ?', (sys.argv[2],)); c.commit(); c.close()"
)


def _names_seen_by_another_program(path: Path) -> list[str]:
    """What a different process reads (and it closes its connection, as every program does)."""
    done = subprocess.run(
        [sys.executable, "-c", _NAMES_ELSEWHERE, str(path)], capture_output=True, text=True, timeout=60, check=True
    )
    return json.loads(done.stdout)


def _renamed_by_another_program(path: Path, name: str) -> None:
    subprocess.run([sys.executable, "-c", _RENAME_ELSEWHERE, str(path), name], timeout=60, check=True)


def _rename(lib: Library, persona_id: str, name: str) -> None:
    lib.update(dataclasses.replace(lib.get(persona_id), name=name))


def test_the_reported_sequence_keeps_the_library_readable_and_the_change_visible(library_path):
    """Library A open; a second Library opened and closed; the CLI reads; A writes; open again."""
    a = Library.open(str(library_path))
    try:
        ada = a.add(Persona(name="Ada"))
        Library.open(str(library_path)).close()
        listed = run_process("export", "--library", library_path, "--all", "--out", library_path.parent / "x.pdf")
        assert listed.returncode == 0, listed.stderr
        _rename(a, ada.id, "Ada Lovelace")
        assert _names_seen_by_another_program(library_path) == ["Ada Lovelace"]  # not hidden in a deleted -wal
        with Library.open(str(library_path)) as again:  # was: "disk I/O error"
            assert [s.name for s in again.list()] == ["Ada Lovelace"]
        _rename(a, ada.id, "Ada King")
        assert _names_seen_by_another_program(library_path) == ["Ada King"]
    finally:
        a.close()
    with Library.open(str(library_path)) as after:
        assert [s.name for s in after.list()] == ["Ada King"]
    assert not list(library_path.parent.glob("*.damaged-*"))


#: Every way this process looks at a library file while it may have the library open.
LOOKS = {
    "second window opens and closes it": lambda p: Library.open(str(p)).close(),
    "a read-only command opens it": lambda p: Library.open(str(p), for_reading=True).close(),
    "is it damaged? (the app's question)": lambda p: api.is_damaged(str(p)),
    "health check before opening": integrity.ensure_healthy,
    "check command": integrity.integrity_check,
    "fingerprint for the check cache": check_cache.file_state,
    "backup": make_backup,
    "restore a backup (the Backups dialog)": lambda p: restore_backup(p, make_backup(p)),
    "a copy kept aside, then found again": lambda p: [integrity.keep_damaged_copy(p) for _ in range(2)],
    "checked as a backup (the Backups dialog)": validate_backup,
    "copied to another library": lambda p: copy_library(str(p), str(p.parent / "copy.sqlite")),
}


@pytest.mark.parametrize("look", LOOKS.values(), ids=LOOKS.keys())
def test_a_look_at_the_file_leaves_the_open_library_s_changes_where_others_see_them(library_path, look):
    with Library.open(str(library_path)) as a:
        ada = a.add(Persona(name="Ada"))
        look(library_path)
        assert _names_seen_by_another_program(library_path) == ["Ada"]
        _rename(a, ada.id, "Ada Lovelace")
        assert _names_seen_by_another_program(library_path) == ["Ada Lovelace"]
        assert Path(f"{library_path}-wal").exists()  # the open library's log is still the one on disk
        seen = a.data_version()
        _renamed_by_another_program(library_path, "Ada King")
        assert a.data_version() != seen  # the app's 2 s refresh notices the other program's change
        assert a.get(ada.id).name == "Ada King"
    assert not _descriptors_of(library_path)  # closed: nothing keeps its disk busy (it can be ejected)


def _descriptors_of(path: Path) -> list[int]:
    """This process's open descriptors of ``path`` (Linux)."""
    key = (path.stat().st_dev, path.stat().st_ino)
    found = []
    for name in os.listdir("/proc/self/fd"):
        with contextlib.suppress(OSError):
            st = os.stat(f"/proc/self/fd/{name}")
            if (st.st_dev, st.st_ino) == key:
                found.append(int(name))
    return found
