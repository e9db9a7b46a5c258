"""Every connection is configured for a shared desktop library: WAL, busy timeout, foreign keys."""

from __future__ import annotations

import sqlite3

import pytest
import sqlalchemy as sa

from personadesigner.storage.engine import is_url, make_engine


def test_wal_busy_timeout_and_foreign_keys_are_active(lib, library_path):
    engine, url = make_engine(str(library_path))
    try:
        with engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 10_000
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        # Foreign keys really enforced: a persona cannot point at a photo that is not there.
        with pytest.raises(sa.exc.IntegrityError), engine.begin() as conn:
            conn.exec_driver_sql(
                "INSERT INTO personas (id, name, type, role, age, gender, location, income, education, household,"
                " company, company_size, industry, quote, story, day_in_the_life, budget, decision_process,"
                " segment, notes, confidence, last_validated, template, theme, created_at, updated_at, version,"
                " photo_hash, tags, search_text, lists) VALUES ('x', 'X', 'customer', '', '', '', '', '', '', '',"
                " '', '', '', '', '', '', '', '', '', '', '', '', 'card', 'classic', 't', 't', 1, 'nope', '[]', '',"
                " '{}')"
            )
    finally:
        engine.dispose()
    # WAL is a property of the file: any other program sees it too.
    conn = sqlite3.connect(library_path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()
    assert url.get_backend_name() == "sqlite"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("postgresql+psycopg://user:pw@host/db", True),
        ("sqlite:///tmp/x.sqlite", True),
        ("/home/anna/library.sqlite", False),
        ("C:\\Users\\anna\\library.sqlite", False),
        ("library.sqlite", False),
    ],
)
def test_paths_and_urls_are_told_apart(text, expected):
    assert is_url(text) is expected
