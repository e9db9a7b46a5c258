"""Is a library on a network share or in a cloud-sync folder?

SQLite's WAL mode needs shared memory between the processes that open the file,
which network filesystems do not provide, and sync clients (Dropbox, OneDrive...)
copy the main file without its -wal/-shm companions, so a library there can be
silently torn. Such a library gets a warning and the rollback journal
(journal_mode=DELETE) instead of WAL. Detection is by filesystem type (Linux
/proc/mounts) and by the well-known folder names of sync clients.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path, PurePath

#: Filesystem types of network mounts (as /proc/mounts names them).
NETWORK_FS_TYPES: frozenset[str] = frozenset({
    "nfs", "nfs4", "cifs", "smb", "smb2", "smb3", "smbfs", "ncpfs", "afs", "coda", "9p",
    "ceph", "glusterfs", "lustre", "gpfs", "ocfs2", "gfs2", "davfs", "webdav",
    "fuse.sshfs", "sshfs", "fuse.rclone", "fuse.glusterfs", "fuse.davfs2", "fuse.s3fs",
    "fuse.gcsfuse", "fuse.cephfs", "fuse.gvfsd-fuse", "fuse.smbnetfs", "fuse.curlftpfs",
})  # fmt: skip

#: Folder names (compared case-insensitively) that sync clients keep in the cloud.
_CLOUD_FOLDERS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^dropbox( \(.+\))?$", re.I), "Dropbox"),
    (re.compile(r"^onedrive( - .+)?$", re.I), "OneDrive"),
    (re.compile(r"^(google ?drive|my drive|googledrive-\d+)$", re.I), "Google Drive"),
    (re.compile(r"^icloud ?drive$|^mobile documents$|^com~apple~clouddocs$", re.I), "iCloud Drive"),
    (re.compile(r"^box sync$", re.I), "Box"),
    (re.compile(r"^pcloud ?drive$", re.I), "pCloud"),
    (re.compile(r"^nextcloud$", re.I), "Nextcloud"),
    (re.compile(r"^megasync$", re.I), "MEGA"),
)
#: Names common enough to be ordinary folders ("vagrant/box", "games/mega"): they mean a sync
#: client only where the client puts them, directly in the user's home folder.
_HOME_CLOUD_FOLDERS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^box$", re.I), "Box"),
    (re.compile(r"^mega$", re.I), "MEGA"),
)
#: macOS puts every File Provider sync client under ~/Library/CloudStorage/<Provider-account>.
_MAC_CLOUDSTORAGE = "cloudstorage"


@dataclass(frozen=True)
class FolderKind:
    """Where a file lives: ``kind`` is "local", "network" or "cloud"; ``detail`` says which."""

    kind: str
    detail: str = ""

    @property
    def is_shared(self) -> bool:
        return self.kind != "local"


def _unescape_mount_field(text: str) -> str:
    # /proc/mounts writes space, tab, newline and backslash as octal escapes (\040...).
    return re.sub(r"\\([0-7]{3})", lambda m: chr(int(m.group(1), 8)), text)


def parse_mounts(table: str) -> list[tuple[str, str]]:
    """(mount point, filesystem type) pairs of a /proc/mounts-format table."""
    out = []
    for line in table.splitlines():
        parts = line.split()
        if len(parts) >= 3:
            out.append((_unescape_mount_field(parts[1]), parts[2]))
    return out


def _read_mounts() -> str:
    try:
        with open("/proc/mounts", encoding="utf-8", errors="replace") as fh:
            return fh.read()
    except OSError:
        return ""  # not Linux (or no /proc): folder names still apply


def filesystem_type(path: str | os.PathLike[str], mounts: str | None = None) -> str:
    """The type of the filesystem holding ``path`` (longest matching mount point), or ""."""
    target = Path(os.path.realpath(path))  # a symlink into a network mount is on that mount
    table = parse_mounts(_read_mounts() if mounts is None else mounts)
    best, best_len = "", -1
    for mount_point, fstype in table:
        mp = PurePath(mount_point)
        if (target == mp or mp in target.parents) and len(mp.parts) > best_len:
            best, best_len = fstype, len(mp.parts)
    return best


def cloud_service(path: str | os.PathLike[str]) -> str:
    """The sync service whose folder holds ``path`` ("Dropbox"...), or ""."""
    real = PurePath(os.path.realpath(path))
    parts = real.parts
    home = PurePath(os.path.realpath(Path.home()))
    for i, part in enumerate(parts):
        for pattern, service in _CLOUD_FOLDERS:
            if pattern.match(part):
                return service
        if PurePath(*parts[:i]) == home:
            for pattern, service in _HOME_CLOUD_FOLDERS:
                if pattern.match(part):
                    return service
        if part.lower() == _MAC_CLOUDSTORAGE and i > 0 and parts[i - 1].lower() == "library" and i + 1 < len(parts):
            return parts[i + 1].split("-", 1)[0] or "a cloud service"
    return ""


def classify_folder(path: str | os.PathLike[str], mounts: str | None = None) -> FolderKind:
    """Local disk, network share or cloud-sync folder. ``mounts``: a /proc/mounts text (tests)."""
    text = str(path)
    if text.startswith(("\\\\", "//")):
        return FolderKind("network", "a Windows network share")
    fstype = filesystem_type(path, mounts)
    if fstype.lower() in NETWORK_FS_TYPES:
        return FolderKind("network", f"a network filesystem ({fstype})")
    service = cloud_service(path)
    if service:
        return FolderKind("cloud", f"a folder synced by {service}")
    return FolderKind("local")


def location_warning(
    path: str | os.PathLike[str], mounts: str | None = None, *, kind: FolderKind | None = None
) -> str | None:
    """One sentence for the user when the library file is in a risky place, else None.
    ``kind``: the folder already classified (opening classifies once for WAL and this)."""
    kind = kind or classify_folder(path, mounts)
    if not kind.is_shared:
        return None
    return (
        f"The library {Path(path).name} is in {kind.detail}; "
        "if two computers open it at the same time it can be damaged, "
        "so keep a library there for one user at a time (WAL is turned off) or use a PostgreSQL team library."
    )


def wal_allowed(path: str | os.PathLike[str], mounts: str | None = None) -> bool:
    """WAL needs shared memory between processes: only on a local disk."""
    return not classify_folder(path, mounts).is_shared
