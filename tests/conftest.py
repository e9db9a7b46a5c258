"""Suite-wide isolation: no test touches the real user's library, settings or screen."""

from __future__ import annotations

import os

import pytest

# The suite's own PostgreSQL server (tests/support/pgserver.py), for every folder:
# nothing starts until a test asks for pg_server or pg_url.
from support.fixtures import pg_server, pg_url  # noqa: E402,F401

# cli(*argv) -> Run(code, out, err): the command in-process (tests/support/cli.py), for every folder.
from support.cli import cli  # noqa: E402,F401

# GUI tests draw offscreen; set before any Qt import.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path_factory, monkeypatch):
    """Point HOME, XDG dirs and the default library at a fresh temporary folder."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))
    monkeypatch.delenv("PERSONADESIGNER_LIBRARY", raising=False)
    yield home
