"""Folder classification follows symlinks and does not mistake ordinary "box" folders for Box."""

from __future__ import annotations

from pathlib import Path

from personadesigner.storage.netfs import classify_folder, cloud_service, wal_allowed


def test_a_symlink_into_a_network_mount_counts_as_the_network(tmp_path):
    share = tmp_path / "share"
    share.mkdir()
    link = tmp_path / "link"
    link.symlink_to(share)
    mounts = f"server:/export {share} nfs4 rw 0 0\n"
    assert classify_folder(link / "library.sqlite", mounts).kind == "network"
    assert not wal_allowed(link / "library.sqlite", mounts)


def test_box_and_mega_count_only_directly_in_the_home_folder():
    home = Path.home()
    assert cloud_service(home / "Box" / "library.sqlite") == "Box"
    assert cloud_service(home / "MEGA" / "team" / "library.sqlite") == "MEGA"
    assert cloud_service(home / "vagrant" / "box" / "library.sqlite") == ""
    assert cloud_service(home / "games" / "mega" / "library.sqlite") == ""
    assert cloud_service(home / "work" / "Box Sync" / "library.sqlite") == "Box"
