"""Faults only a real environment shows: a non-root user (root ignores permissions) and a tiny disk.

``unprivileged_prefix()`` is the command prefix that runs a process as ``nobody``
(setpriv from util-linux), or None with the reason it cannot be done here.
When the Python interpreter sits in a folder ``nobody`` cannot enter (a pyenv
under /root), the process keeps CAP_DAC_READ_SEARCH only: it may read
anything, but writing is checked exactly as for any user, which is what the
tests are about. ``small_disk()`` mounts a tmpfs of a given size (root only).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from functools import cache
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
NOBODY = 65534
_BASE = ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups"]
_READ_ANYWHERE = ["--inh-caps=+dac_read_search", "--ambient-caps=+dac_read_search"]


@cache
def unprivileged_prefix() -> tuple[list[str] | None, str]:
    """(prefix, "") or (None, why not). Empty prefix: we already are not root."""
    if os.geteuid() != 0:
        return [], ""
    if shutil.which("setpriv") is None:
        return None, "setpriv (util-linux) is not installed"
    # What the commands import from the environment too: a virtual environment in a
    # folder nobody cannot enter (CI's mktemp -d is 0700) starts Python without its packages.
    probe = [sys.executable, "-c", "import personadesigner, platformdirs, sqlalchemy"]
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    reasons = []
    for prefix in (_BASE, _BASE + _READ_ANYWHERE):
        try:
            done = subprocess.run(prefix + probe, capture_output=True, text=True, env=env, cwd="/", timeout=60)
        except (OSError, subprocess.TimeoutExpired) as exc:
            reasons.append(str(exc))
            continue
        if done.returncode == 0:
            return prefix, ""
        reasons.append((done.stderr.strip().splitlines() or ["?"])[-1])
    return None, "cannot run Python as nobody here: " + "; ".join(reasons)


def open_folder(prefix: str = "pd-faults-") -> Path:
    """A new folder every user can enter (tmp_path is private to root)."""
    folder = Path(tempfile.mkdtemp(prefix=prefix))
    folder.chmod(0o755)
    return folder


@cache
def can_mount() -> tuple[bool, str]:
    if os.geteuid() != 0 or shutil.which("mount") is None:
        return False, "mounting a tmpfs needs root and mount(8)"
    target = Path(tempfile.mkdtemp(prefix="pd-mount-probe-"))
    try:
        done = subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(target)], capture_output=True, text=True
        )
        if done.returncode != 0:
            return False, f"mount is not allowed here: {done.stderr.strip()}"
        subprocess.run(["umount", str(target)], check=False)
        return True, ""
    finally:
        with contextlib.suppress(OSError):
            target.rmdir()


@contextlib.contextmanager
def small_disk(size: str = "1m") -> Iterator[Path]:
    """A fresh tmpfs of ``size`` (caller checked can_mount); unmounted afterwards."""
    target = open_folder("pd-disk-")
    subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size},mode=0755", "tmpfs", str(target)], check=True)
    try:
        yield target
    finally:
        subprocess.run(["umount", "-l", str(target)], check=False)
        with contextlib.suppress(OSError):
            target.rmdir()


def make_read_only(mountpoint: Path) -> None:
    """Remount a small_disk read-only (root too is refused writes there: EROFS)."""
    subprocess.run(["mount", "-o", "remount,ro", str(mountpoint)], check=True)


def fill(folder: Path) -> None:
    """Take every free byte of ``folder``'s disk."""
    fd = os.open(folder / "filler", os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
    try:
        for size in (65536, 4096, 1):
            with contextlib.suppress(OSError):
                while True:
                    os.write(fd, b"\0" * size)
    finally:
        os.close(fd)
