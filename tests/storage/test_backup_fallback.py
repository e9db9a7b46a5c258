"""When the folder beside the library cannot take a backup, the user data folder does."""

from __future__ import annotations

import datetime as _dt

from personadesigner.core.persona import Persona
from personadesigner.paths import user_data_dir
from personadesigner.storage.backup import backup_dirs, list_backups, make_backup
from personadesigner.storage.integrity import quick_check
from personadesigner.storage.library import Library

NOW = _dt.datetime(2026, 11, 23, 10, 15, tzinfo=_dt.UTC)


def _library(library_path):
    with Library.open(str(library_path)) as lib:
        lib.add(Persona(name="Anna"))
    return library_path


def test_a_file_where_the_backup_folder_should_be_falls_back_to_user_data(library_path):
    library = _library(library_path)
    beside, fallback = backup_dirs(library)
    beside.write_text("not a folder")  # mkdir fails with FileExistsError, not PermissionError
    made = make_backup(library, now=NOW)
    assert made.parent == fallback
    assert str(made).startswith(str(user_data_dir()))
    assert quick_check(made) == []
    assert beside.read_text() == "not a folder"


def test_an_unusable_existing_backup_folder_falls_back_to_user_data(library_path):
    library = _library(library_path)
    beside, fallback = backup_dirs(library)
    beside.mkdir()
    # Something the copy cannot replace sits where its temporary file goes.
    (beside / f".{library.stem}-20261123T101500Z.sqlite.tmp").mkdir()
    made = make_backup(library, now=NOW)
    assert made.parent == fallback
    assert [b.path for b in list_backups(library)] == [made]
