"""Fixtures for the PostgreSQL server; imported by the conftest.py files that need it."""

from __future__ import annotations

import pytest

from support import pgserver


@pytest.fixture(scope="session")
def pg_server():
    """The suite's own PostgreSQL server; skip (or fail under CI) when it cannot start."""
    try:
        server = pgserver.get_server()
    except pgserver.ServerUnavailable as exc:
        message = f"PostgreSQL server unavailable: {exc}"
        if pgserver.required():
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    yield server
    pgserver.stop_server()


@pytest.fixture
def pg_url(pg_server) -> str:
    """A fresh, empty database on the suite's server."""
    return pg_server.new_database()
