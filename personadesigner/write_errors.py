"""What went wrong when a file could not be written, in one sentence a user can act on.

An export once answered every failure with "choose another place or free some
space", so a missing folder read like a full disk. Each ``errno`` gets its own
sentence here; only a full disk (ENOSPC) or a used-up quota (EDQUOT) talks
about space. The command line, the app and atomic writes all share it.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

#: Errors whose only remedy is room on the disk.
SPACE_ERRNOS = frozenset(e for e in (errno.ENOSPC, getattr(errno, "EDQUOT", None)) if e is not None)


def _folder(target: Path) -> Path:
    return target.parent if str(target.parent) else Path(".")


def missing_folder_message(folder: Path) -> str:
    """A folder that is not there, or a file standing where a folder should be: say which."""
    for part in (folder, *folder.parents):
        if part.exists():
            if not part.is_dir():
                return f"{part} is a file, not a folder; choose a folder to save in."
            break
    return f"The folder {folder} does not exist; create it or choose another folder."


def write_error_message(exc: OSError, target: str | os.PathLike[str]) -> str:
    """The one-sentence reason ``target`` could not be written, from ``exc.errno``."""
    target = Path(target)
    folder = _folder(target)
    code = exc.errno
    if code in (errno.ENOENT, errno.ENOTDIR):
        return missing_folder_message(folder)
    if code in (errno.EACCES, errno.EPERM):
        if target.exists() and not os.access(target, os.W_OK):
            return f"The file {target} is read-only; choose another name or folder."
        return f"The folder {folder} is not writable; choose another folder."
    if code == errno.EROFS:
        return f"The folder {folder} is not writable: it is on a read-only disk; choose another folder."
    if code == errno.ENOSPC:
        return f"No space left on the disk for {target} (the disk is full); free some space and try again."
    if code == getattr(errno, "EDQUOT", None):
        return f"Your disk quota is used up, so {target} could not be written; free some space and try again."
    if code == errno.ENAMETOOLONG:
        return f"The file name {target.name} is too long; choose a shorter one."
    if code == errno.EISDIR:
        return f"{target} is a folder; type a file name."
    if code == errno.EEXIST:
        return f"{target} already exists and cannot be replaced; choose another name."
    if code == errno.EFBIG:
        return f"{target} is larger than the disk's file system allows; choose another disk."
    if code == errno.EIO:
        return f"The disk reported an error while writing {target}; check the disk or choose another folder."
    if code in (errno.ENOMEM, errno.ENOBUFS):
        return f"The system ran short of memory while writing {target}; close other programs and try again."
    if code == errno.EINVAL:
        return f"The name {target.name} is not allowed on this disk; choose another name."
    reason = exc.strerror or str(exc) or type(exc).__name__
    return f"Cannot write {target}: {reason}."


__all__ = ["SPACE_ERRNOS", "missing_folder_message", "write_error_message"]
