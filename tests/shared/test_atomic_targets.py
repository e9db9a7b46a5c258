"""atomic_write never replaces what is not a regular file, follows links, and cleans up after killed writes."""

from __future__ import annotations

import os
import socket
import subprocess
import sys

import pytest

from personadesigner.atomic import atomic_write
from personadesigner.errors import UserError


def _write(target, text="new"):
    with atomic_write(target, "w") as fh:
        fh.write(text)


def test_a_link_to_a_file_is_followed_and_stays_a_link(tmp_path):
    real = tmp_path / "real.csv"
    real.write_text("old")
    link = tmp_path / "export.csv"
    link.symlink_to(real)
    _write(link)
    assert link.is_symlink() and real.read_text() == "new"


@pytest.mark.parametrize("kind", ["fifo", "folder", "socket", "link to a fifo"])
def test_special_files_are_refused_and_left_as_they_are(tmp_path, kind):
    target = tmp_path / "out.json"
    if kind == "fifo":
        os.mkfifo(target)
    elif kind == "folder":
        target.mkdir()
    elif kind == "socket":
        sock = socket.socket(socket.AF_UNIX)
        sock.bind(str(target))
    else:
        os.mkfifo(tmp_path / "pipe")
        target.symlink_to(tmp_path / "pipe")
    before = os.lstat(target).st_mode
    with pytest.raises(UserError, match="not a file; it was not replaced"):
        _write(target)
    assert os.lstat(target).st_mode == before
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_temporary_files_of_a_killed_writer_are_removed_by_the_next_write(tmp_path):
    gone = int(
        subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True).stdout
    )
    stale = tmp_path / f".out.json.{gone}.abc123.tmp"
    stale.write_text("half")
    alive = tmp_path / f".out.json.{os.getppid()}.def456.tmp"  # a writer that still runs: kept
    alive.write_text("in progress")
    other = tmp_path / f".other.json.{gone}.abc123.tmp"  # another target's: not ours to judge now
    other.write_text("x")
    _write(tmp_path / "out.json")
    assert not stale.exists() and alive.exists() and other.exists()
