"""samples.open_library: the one way the CLI and the app open the user's library."""

from __future__ import annotations

import pytest

from personadesigner.errors import LibraryError
from personadesigner.paths import user_data_dir
from personadesigner.samples import open_library, sample_personas


def test_first_start_creates_the_data_folder_and_seeds_the_samples():
    assert not user_data_dir().exists()
    with open_library() as lib:
        assert lib.is_new
        assert len(lib.list()) == len(sample_personas())
    with open_library() as lib:  # the second start neither seeds again nor loses anything
        assert not lib.is_new
        assert len(lib.list()) == len(sample_personas())


def test_a_named_library_is_not_seeded_and_its_missing_folder_is_not_created(tmp_path):
    with open_library(str(tmp_path / "mine.sqlite")) as lib:
        assert lib.list() == []
    with pytest.raises(LibraryError, match="does not exist"):
        open_library(str(tmp_path / "typo" / "mine.sqlite"))
    assert not (tmp_path / "typo").exists()


def test_create_false_refuses_a_missing_library(tmp_path):
    with pytest.raises(LibraryError, match="There is no library"):
        open_library(str(tmp_path / "missing.sqlite"), create=False)
    assert not (tmp_path / "missing.sqlite").exists()
    with pytest.raises(LibraryError, match="There is no library"):
        open_library(create=False)


def test_the_env_variable_names_the_default_library_and_its_folder_is_not_created(tmp_path, monkeypatch):
    monkeypatch.setenv("PERSONADESIGNER_LIBRARY", str(tmp_path / "team.sqlite"))
    with open_library() as lib:
        assert lib.location == str(tmp_path / "team.sqlite")
        assert len(lib.list()) == len(sample_personas())
    assert not user_data_dir().exists()
