"""The command line on damaged, busy or broken libraries: one clear line, exit code 2, never a traceback."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from personadesigner.core.persona import Persona
from personadesigner.storage.library import Library
from support.cli import run_process as _cli
from support.damage import garbage_in_the_middle


def test_damaged_library_gives_one_line_and_a_way_out_then_restore_repairs_it(filled_library, tmp_path):
    assert _cli("backup", "--library", str(filled_library)).returncode == 0
    garbage_in_the_middle(filled_library)
    listed = _cli("list", "--library", str(filled_library))
    assert listed.returncode == 2
    assert "Traceback" not in listed.stderr and len(listed.stderr.strip().splitlines()) == 1
    assert "is damaged" in listed.stderr and "personadesigner restore" in listed.stderr
    backups = _cli("backup", "--library", str(filled_library), "--list")
    newest = backups.stdout.splitlines()[0].split("\t")[-1]
    restored = _cli("restore", "--library", str(filled_library), "--from", newest)
    assert restored.returncode == 0, restored.stderr
    checked = _cli("check", "--library", str(filled_library))
    assert checked.returncode == 0, checked.stderr
    assert len(_cli("list", "--library", str(filled_library)).stdout.strip().splitlines()) >= 298


def test_check_reports_a_broken_reference(tmp_path):
    path = tmp_path / "lib.sqlite"
    with Library.open(str(path)) as lib:
        lib.add(Persona(name="Anna"))
    conn = sqlite3.connect(path)  # another program, with foreign keys off, breaks a reference
    conn.execute("UPDATE personas SET photo_hash = 'deadbeef'")
    conn.commit()
    conn.close()
    checked = _cli("check", "--library", str(path))
    assert checked.returncode != 0
    assert "photos" in (checked.stdout + checked.stderr)


def test_copy_command_refuses_a_non_empty_target_in_one_line(filled_library, tmp_path):
    target = tmp_path / "target.sqlite"
    assert _cli("copy", "--from", str(filled_library), "--to", str(target)).returncode == 0
    again = _cli("copy", "--from", str(filled_library), "--to", str(target))
    assert again.returncode == 2 and "already holds" in again.stderr and "Traceback" not in again.stderr


def test_library_in_a_sync_folder_works_and_warns_on_stderr(tmp_path):
    folder = tmp_path / "OneDrive - Acme"
    folder.mkdir()
    path = folder / "lib.sqlite"
    with Library.open(str(path)) as lib:
        lib.add(Persona(name="Anna"))
    listed = _cli("list", "--library", str(path))
    assert listed.returncode == 0 and "Anna" in listed.stdout
    assert "OneDrive" in listed.stderr and "WAL" in listed.stderr
    assert not Path(str(path) + "-wal").exists()  # rollback journal: nothing left beside the file
