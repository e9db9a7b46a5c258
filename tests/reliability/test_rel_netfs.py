"""Network shares and cloud-sync folders are recognised (fake mount tables) and get no WAL."""

from __future__ import annotations

import pytest

from personadesigner.storage import netfs
from personadesigner.storage.library import Library

MOUNTS = r"""proc /proc proc rw,nosuid 0 0
/dev/sda1 / ext4 rw,relatime 0 0
/dev/sda2 /home ext4 rw,relatime 0 0
server:/export/team /mnt/team nfs4 rw,relatime,vers=4.2 0 0
//nas/share /mnt/my\040share cifs rw,relatime 0 0
me@host:/srv /home/me/remote fuse.sshfs rw,nosuid 0 0
tmpfs /home/me/remote/cache tmpfs rw 0 0
"""


@pytest.mark.parametrize(
    ("path", "kind"),
    [
        ("/home/me/library.sqlite", "local"),
        ("/mnt/team/personas/library.sqlite", "network"),
        ("/mnt/my share/library.sqlite", "network"),  # octal-escaped space in /proc/mounts
        ("/mnt/teamwork/library.sqlite", "local"),  # a prefix of a mount point is not inside it
        ("/home/me/remote/library.sqlite", "network"),
        ("/home/me/remote/cache/library.sqlite", "local"),  # the deepest mount point decides
        ("/home/me/Dropbox/Marketing/library.sqlite", "cloud"),
        ("/home/me/Dropbox (Acme)/library.sqlite", "cloud"),
        ("/home/me/OneDrive - Contoso/library.sqlite", "cloud"),
        ("/home/me/Google Drive/My Drive/library.sqlite", "cloud"),
        ("/Users/me/Library/Mobile Documents/com~apple~CloudDocs/library.sqlite", "cloud"),
        ("/Users/me/Library/CloudStorage/GoogleDrive-me@example.com/library.sqlite", "cloud"),
        ("/home/me/dropboxes-are-fine/library.sqlite", "local"),
    ],
)
def test_folder_kind_from_mount_table_and_folder_names(path, kind):
    assert netfs.classify_folder(path, MOUNTS).kind == kind
    assert netfs.wal_allowed(path, MOUNTS) is (kind == "local")


def test_windows_share_is_network_and_warning_names_the_risk():
    assert netfs.classify_folder(r"\\server\share\library.sqlite", "").kind == "network"
    warning = netfs.location_warning("/mnt/team/library.sqlite", MOUNTS)
    assert "network" in warning and "library.sqlite" in warning
    assert netfs.location_warning("/home/me/library.sqlite", MOUNTS) is None


def test_library_in_a_sync_folder_warns_and_uses_the_rollback_journal(tmp_path):
    folder = tmp_path / "Dropbox"
    folder.mkdir()
    with Library.open(str(folder / "team.sqlite")) as lib:
        assert lib.warnings and "Dropbox" in lib.warnings[0]
        assert lib.info()["journal_mode"] == "delete"
        assert lib.info()["warnings"] == lib.warnings
    with Library.open(str(tmp_path / "local.sqlite")) as lib:
        assert lib.warnings == []
        assert lib.info()["journal_mode"] == "wal"
