"""What the desktop bundle relies on in the package itself.

The bundle is built and smoke-tested by packaging/smoke_test.sh in .ci/run; these
tests keep the two contracts it depends on true in every test run: the smoke-quit
start (used by the smoke test and benchmarks/bench_bundle.py) and the MIME magic
that makes a double-clicked library.sqlite open in PersonaDesigner.
"""

from __future__ import annotations

import sqlite3
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from support.cli import run_process

ROOT = Path(__file__).resolve().parents[2]
MIME_XML = ROOT / "packaging" / "linux" / "io.github.personadesigner.PersonaDesigner.mime.xml"
NS = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}


@pytest.mark.gui
@pytest.mark.slow
def test_smoke_quit_start_paints_the_window_opens_the_library_and_exits_0(tmp_path):
    library = tmp_path / "new.sqlite"
    env = {
        "QT_QPA_PLATFORM": "offscreen",
        "PERSONADESIGNER_SMOKE_QUIT": "1",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_STATE_HOME": str(tmp_path / "state"),
        "PERSONADESIGNER_LIBRARY": str(library),
    }
    done = run_process(env=env)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[0] == "first paint"
    assert "Traceback" not in done.stderr
    with sqlite3.connect(library) as conn:  # the app got as far as opening (creating) the library
        assert conn.execute("SELECT count(*) FROM personas").fetchone()[0] == 8


def _magic_rule() -> tuple[bytes, bytes, int, int]:
    """(header, schema text, first offset, last offset) of the library's magic rule."""
    root = ET.parse(MIME_XML).getroot()
    (mime,) = root.findall("m:mime-type", NS)
    assert mime.get("type") == "application/x-personadesigner-library"
    outer = mime.find("m:magic/m:match", NS)
    inner = outer.find("m:match", NS)
    start, end = (int(x) for x in inner.get("offset").split(":"))
    header = outer.get("value").replace("\\000", "\0").encode()
    return header, inner.get("value").encode(), start, end


def _matches(data: bytes) -> bool:
    header, text, start, end = _magic_rule()
    return data.startswith(header) and text in data[start : end + len(text)]


def test_a_new_library_file_matches_the_mime_magic(tmp_path):
    # The rule looks for our schema on the file's first page: a schema change that
    # pushed it off the page would silently stop double-click opening.
    from personadesigner.storage.library import Library

    path = tmp_path / "library.sqlite"
    Library.open(str(path)).close()
    assert _matches(path.read_bytes()[:8192])


def test_other_sqlite_files_do_not_match_the_mime_magic(tmp_path):
    path = tmp_path / "browser-history.sqlite"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE urls (id INTEGER PRIMARY KEY, url TEXT, library_info TEXT)")
        conn.execute("CREATE TABLE info (key TEXT, value TEXT)")
    data = path.read_bytes()
    assert data.startswith(b"SQLite format 3\0")
    assert not _matches(data[:8192])
