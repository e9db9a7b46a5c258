"""Atomic file writes: a reader (or a crash) never sees a half-written file.

Exports and interchange files are written to a temporary file in the same
folder and moved over the target with ``os.replace`` only once complete, so an
interrupted export leaves the previous file (or none) instead of a torn one.
"""

from __future__ import annotations

import contextlib
import io
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from personadesigner.errors import UserError
from personadesigner.write_errors import missing_folder_message, write_error_message


def _read_umask() -> int:
    # os.umask can only be read by setting it, which changes it for every thread for a
    # moment: done once, at import (on the importing thread), never from the export worker.
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


_UMASK = _read_umask()


@contextlib.contextmanager
def atomic_write(path: str | os.PathLike[str], mode: str = "w", *, encoding: str | None = "utf-8",
                 newline: str | None = None) -> Iterator[IO[Any]]:
    """Open a temporary file beside ``path``; on success it replaces ``path``.

    ``mode`` is ``"w"`` (text, ``encoding``/``newline`` apply) or ``"wb"``. On an
    exception the temporary file is removed and ``path`` is left untouched.
    """
    if mode not in ("w", "wb"):
        raise ValueError(f"atomic_write mode must be 'w' or 'wb', not {mode!r}")
    target = Path(path)
    folder = target.parent  # "." for a bare file name
    if not folder.is_dir():
        raise UserError(missing_folder_message(folder))
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise UserError(write_error_message(exc, target)) from exc
    tmp = Path(tmp_name)
    try:
        handle: IO[Any] = os.fdopen(fd, "wb")  # cannot fail for a valid descriptor and mode: fd is owned now
        if "b" not in mode:
            try:
                handle = io.TextIOWrapper(handle, encoding=encoding, newline=newline)
            except BaseException:  # an unknown encoding or newline: the descriptor must not leak
                handle.close()
                raise
        with handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        # mkstemp creates 0600; give the file the permissions a plain open() would.
        os.chmod(tmp, 0o666 & ~_UMASK)
        try:
            os.replace(tmp, target)
        except OSError as exc:
            raise UserError(write_error_message(exc, target)) from exc
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
