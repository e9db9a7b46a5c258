"""A design folder answers "is there a design of this name" from its listing, read again when the
folder changes: an import asks twice per persona, and a file added or removed is still seen."""

from __future__ import annotations

import json
import os
from pathlib import Path

from personadesigner.core.design_cache import DesignFolder


def _folder(path: Path) -> DesignFolder:
    return DesignFolder("template", lambda: path, lambda name, data, where: (name, data))


def _write(path: Path, name: str) -> None:
    (path / f"{name}.json").write_text(json.dumps({"name": name}), encoding="utf-8")


def test_a_file_added_or_removed_after_the_first_question_is_seen(tmp_path):
    _write(tmp_path, "card")
    folder = _folder(tmp_path)
    assert folder.has("card") and not folder.has("poster")
    _write(tmp_path, "poster")
    assert folder.has("poster")
    (tmp_path / "card.json").unlink()
    assert not folder.has("card")


def test_only_json_files_of_the_folder_count(tmp_path):
    (tmp_path / "notes.txt").write_text("x", encoding="utf-8")
    (tmp_path / "sub.json").mkdir()
    folder = _folder(tmp_path)
    assert not folder.has("notes") and not folder.has("sub")
    assert not folder.has("../card") and not folder.has("") and not folder.has(None)


def test_a_missing_folder_has_nothing(tmp_path):
    assert not _folder(tmp_path / "gone").has("card")


def test_a_listing_kept_for_a_settled_folder_still_sees_a_removal(tmp_path):
    _write(tmp_path, "card")
    _write(tmp_path, "poster")
    os.utime(tmp_path, ns=(0, 10**18))  # unchanged since 2001: its listing is kept
    folder = _folder(tmp_path)
    assert folder.has("card") and folder.has("poster")
    (tmp_path / "card.json").unlink()
    assert not folder.has("card") and folder.has("poster")
