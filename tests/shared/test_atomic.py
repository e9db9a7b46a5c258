"""atomic_write: the target is whole or untouched, nothing is left behind, the umask is honoured."""

from __future__ import annotations

import os
import stat

import pytest

from personadesigner import atomic
from personadesigner.atomic import atomic_write


def _open_fds() -> int:
    return len(os.listdir("/proc/self/fd"))


def test_an_unknown_encoding_leaks_no_descriptor_and_leaves_no_temporary_file(tmp_path):
    target = tmp_path / "out.csv"
    target.write_text("old")
    before = _open_fds()
    for _ in range(20):
        with pytest.raises(LookupError), atomic_write(target, "w", encoding="no-such-codec") as f:
            f.write("new")
    assert _open_fds() == before
    assert [p.name for p in tmp_path.iterdir()] == ["out.csv"] and target.read_text() == "old"


def test_permissions_follow_the_umask_without_changing_it_while_writing(tmp_path, monkeypatch):
    """The export worker thread writes files: it must never set the process umask, even for a moment."""

    def no_umask(_mask):
        raise AssertionError("os.umask called while writing")

    monkeypatch.setattr(os, "umask", no_umask)
    target = tmp_path / "cards.pdf"
    with atomic_write(target, "wb") as f:
        f.write(b"%PDF")
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~atomic._UMASK
    assert target.read_bytes() == b"%PDF"


def test_text_mode_writes_the_encoding_and_newlines_asked_for(tmp_path):
    target = tmp_path / "a.txt"
    with atomic_write(target, "w", encoding="utf-16", newline="\r\n") as f:
        f.write("Zoë\n")
    assert target.read_bytes().decode("utf-16") == "Zoë\r\n"
