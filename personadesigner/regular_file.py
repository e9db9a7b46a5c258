"""Only regular files are read or replaced: never a device, a pipe, a socket or a folder.

Reading a FIFO blocks forever and /dev/zero never ends; replacing /dev/null or
a named pipe with a file (an atomic write renames over its target) breaks the
system or another program. So a path is looked at first (without following a
pipe: O_NONBLOCK), and anything but a regular file is refused in one sentence.
A symbolic link is followed: its target is what is read or written.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import BinaryIO

from personadesigner.errors import UserError


def kind_of(mode: int) -> str:
    """ "a folder", "a named pipe (FIFO)"... for a stat mode that is not a regular file."""
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


def open_regular(path: str | os.PathLike[str], error: type[UserError] = UserError) -> BinaryIO:
    """``path`` opened for reading, refused (``error``) unless it is a regular file.

    Opened non-blocking so a FIFO without a writer cannot hang us; a missing or
    unreadable file raises OSError as ``open`` would.
    """
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise error(f'"{path}" is {kind_of(mode)}, not a file; it was not read.')
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_regular(
    path: str | os.PathLike[str], limit: int, error: type[UserError] = UserError, what: str = "file"
) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes (larger: refused, never read whole)."""
    with open_regular(path, error) as fh:
        data = fh.read(limit + 1)
    if len(data) > limit:
        raise error(f'The {what} "{path}" is larger than {limit // (1024 * 1024)} MB; it was not read.')
    return data


def writable_target(path: str | os.PathLike[str]) -> Path:
    """Where a file written "at ``path``" really goes: a symlink's target (resolved), and only
    when that is a regular file or does not exist yet. Anything else is refused."""
    given = Path(path)
    target = Path(os.path.realpath(given)) if given.is_symlink() else given
    try:
        mode = os.stat(target).st_mode
    except FileNotFoundError:
        if given.is_symlink() and not target.parent.is_dir():
            raise UserError(
                f'"{given}" is a link to "{target}", whose folder does not exist; nothing was written.'
            ) from None
        return target
    except OSError:
        return target  # permission problems are reported by the write itself
    if not stat.S_ISREG(mode):
        shown = f'"{given}"' if target == given else f'"{given}" (a link to "{target}")'
        raise UserError(f"{shown} is {kind_of(mode)}, not a file; it was not replaced.")
    return target
