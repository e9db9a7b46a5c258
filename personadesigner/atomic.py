"""Atomic file writes: a reader (or a crash) never sees a half-written file.

Exports and interchange files are written to a temporary file in the same
folder and moved over the target with ``os.replace`` only once complete, so an
interrupted export leaves the previous file (or none) instead of a torn one.
Only a regular file is ever replaced (a device, pipe or folder is refused; a
link is followed to its file), a full disk is one sentence with the target left
as it was, and temporary files a killed export left are removed next time.
"""

from __future__ import annotations

import contextlib
import io
import os
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from personadesigner.errors import UserError
from personadesigner.regular_file import writable_target
from personadesigner.write_errors import missing_folder_message, write_error_message

#: A temporary file whose writer cannot be identified is stale after this long.
STALE_AFTER_S = 3600


def _read_umask() -> int:
    # os.umask can only be read by setting it, which changes it for every thread for a
    # moment: done once, at import (on the importing thread), never from the export worker.
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


_UMASK = _read_umask()


@contextlib.contextmanager
def atomic_write(
    path: str | os.PathLike[str], mode: str = "w", *, encoding: str | None = "utf-8", newline: str | None = None
) -> Iterator[IO[Any]]:
    """Open a temporary file beside ``path``; on success it replaces ``path``.

    ``mode`` is ``"w"`` (text, ``encoding``/``newline`` apply) or ``"wb"``. On an
    exception the temporary file is removed and ``path`` is left untouched.
    """
    if mode not in ("w", "wb"):
        raise ValueError(f"atomic_write mode must be 'w' or 'wb', not {mode!r}")
    target = writable_target(path)  # a link is followed; a device, pipe or folder is refused
    folder = target.parent  # "." for a bare file name
    if not folder.is_dir():
        raise UserError(missing_folder_message(folder))
    remove_stale_temporaries(target)
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.{os.getpid()}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise UserError(_cannot_write(target, exc)) from exc
    tmp = Path(tmp_name)
    try:
        handle: IO[Any] = os.fdopen(fd, "wb")  # cannot fail for a valid descriptor and mode: fd is owned now
        if "b" not in mode:
            try:
                handle = io.TextIOWrapper(handle, encoding=encoding, newline=newline)
            except BaseException:  # an unknown encoding or newline: the descriptor must not leak
                handle.close()
                raise
        try:
            with handle:
                yield handle
                handle.flush()
                os.fsync(handle.fileno())
            # mkstemp creates 0600; give the file the permissions a plain open() would.
            os.chmod(tmp, 0o666 & ~_UMASK)
            os.replace(tmp, target)
        except OSError as exc:  # full disk, quota, I/O error: the target was not touched
            raise UserError(_cannot_write(target, exc)) from exc
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


def _cannot_write(target: Path, exc: OSError) -> str:
    """The cause (write_errors' sentence for the errno) and what became of the target."""
    kept = "the previous file was left as it was" if target.exists() else "nothing was written"
    return f"{write_error_message(exc, target).rstrip('.')}; {kept}."


def remove_stale_temporaries(target: Path) -> list[Path]:
    """Delete the temporary files of earlier writes to ``target`` that were killed.

    A temporary file names its writer's process id: it is stale once that process
    is gone (or, for one whose writer cannot be told, after STALE_AFTER_S).
    """
    removed = []
    prefix = f".{target.name}."
    try:
        entries = list(os.scandir(target.parent))
    except OSError:
        return removed
    now = time.time()
    for entry in entries:
        if not (entry.name.startswith(prefix) and entry.name.endswith(".tmp")):
            continue
        pid_text = entry.name[len(prefix) :].split(".", 1)[0]
        try:
            if not entry.is_file(follow_symlinks=False):
                continue
            stale = not _alive(int(pid_text)) if pid_text.isdecimal() else now - entry.stat().st_mtime > STALE_AFTER_S
            if stale:
                os.unlink(entry.path)
                removed.append(Path(entry.path))
        except OSError:
            continue
    return removed


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, ValueError):
        return True
    return True
