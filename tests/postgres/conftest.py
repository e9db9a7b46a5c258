"""Fixtures: the suite's own PostgreSQL server (tests/support/pgserver.py)."""

from __future__ import annotations

import sys
from pathlib import Path

_TESTS = str(Path(__file__).resolve().parent.parent)
if _TESTS not in sys.path:
    sys.path.insert(0, _TESTS)

from support.fixtures import pg_server, pg_url  # noqa: E402,F401
