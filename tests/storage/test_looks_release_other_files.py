"""A file this process only looked at (a backup to restore, a library to copy from) keeps no
descriptor open: the app runs for days, and every restore dialog or copy used to leave one
behind until it exited (the disk could not be ejected, and the process ran out of them)."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from personadesigner.core.persona import Persona
from personadesigner.storage.backup import make_backup, restore_backup, validate_backup
from personadesigner.storage.copy import copy_library
from personadesigner.storage.library import Library


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


def _library_with_ada(path: Path) -> None:
    with Library.open(str(path)) as lib:
        lib.add(Persona(name="Ada"))


def test_a_checked_backup_is_not_kept_open(library_path):
    _library_with_ada(library_path)
    backup = make_backup(library_path)
    validate_backup(backup)
    assert not _descriptors_of(backup)


def test_a_restored_backup_is_not_kept_open_while_the_library_is(library_path):
    _library_with_ada(library_path)
    backup = make_backup(library_path)
    with Library.open(str(library_path)) as lib:
        lib.add(Persona(name="Grace"))
    restore_backup(library_path, backup)
    assert not _descriptors_of(backup)
    with Library.open(str(library_path)) as lib:
        assert [s.name for s in lib.list()] == ["Ada"]


def test_a_copied_library_is_not_kept_open(library_path, tmp_path):
    _library_with_ada(library_path)
    target = tmp_path / "copy.sqlite"
    copy_library(str(library_path), str(target))
    assert not _descriptors_of(library_path)
    with Library.open(str(target)) as lib:
        assert [s.name for s in lib.list()] == ["Ada"]
