"""Read an up-to-date library file with Python's sqlite3 module: ``personadesigner export`` without SQLAlchemy.

Why: importing SQLAlchemy costs a 1000-card export about a sixth of its time,
and an export only reads. ``LibraryFileReader`` offers what an export needs of
a Library (``ReadableLibrary``): its warnings, the whole personas outside the
trash in the list's order (photos included), ``find``, ``get``, the summaries,
and the library's themes and templates. The SQL and the conversions are the
Library's own (storage.listing, storage.rows, storage.persona_ref,
storage.design_rows), so both routes give the same answers in the same words.

The file is judged as ``Library.open`` judges it for a read-only command
(storage.direct_read: a damaged file is kept aside and refused, a newer schema
or an upgrade goes to the Library). ``open_file_reader`` returns None for
anything it does not handle, and the caller opens the Library as before. A
read that finds the file changed under it (another version's schema) is answered
by the Library, opened then; busy, damaged or failing is the Library's sentence.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from personadesigner.core.persona import Persona, fold
from personadesigner.storage import file_peek
from personadesigner.storage.design_rows import TEMPLATES_SQL, THEMES_SQL, templates_from_rows, themes_from_rows
from personadesigner.storage.direct_read import connect, folder_warnings, read_current, up_to_date_file
from personadesigner.storage.fault_verdict import action_error
from personadesigner.storage.integrity import BUSY_TIMEOUT_S
from personadesigner.storage.listing import PersonaSummary, arrange, summary_query
from personadesigner.storage.persona_ref import find_id, not_found
from personadesigner.storage.rows import ROW_COLUMNS, from_row

if TYPE_CHECKING:
    from personadesigner.core.templates import Template
    from personadesigner.core.themes import Theme
    from personadesigner.storage.library import Library

T = TypeVar("T")

#: Whole persona rows with their photo's bytes (``Library._fetch`` selects these and the rest).
_WHOLE_SQL = (
    f"SELECT {', '.join(f'personas.{name}' for name in ROW_COLUMNS)}, photos.data AS photo_data FROM personas "
    "LEFT OUTER JOIN photos ON personas.photo_hash = photos.hash WHERE "
)


class ReadableLibrary(Protocol):
    """What a read-only command needs of a library; ``Library`` and ``LibraryFileReader`` both offer it."""

    warnings: list[str]

    def iter_personas(self) -> Iterator[Persona]: ...

    def find(self, ref: str) -> Persona: ...

    def get(self, persona_id: str) -> Persona: ...

    def list(self) -> list[PersonaSummary]: ...

    def themes(self) -> tuple[list[Theme], list[str]]: ...

    def templates(self) -> tuple[list[Template], list[str]]: ...


def open_file_reader(location: str) -> LibraryFileReader | None:
    """A reader of the library file at ``location``, or None when only the Library can open it
    (a URL, a missing or zero-byte file, an older or newer schema...). Damaged and foreign files
    and a busy or unreadable file raise the Library's LibraryError."""
    path = up_to_date_file(location)
    if path is None:
        return None
    conn = connect(path)
    if conn is None:
        return None
    try:
        current = read_current(conn, path, lambda c: True)
    except BaseException:  # busy or unreadable: refused, with nothing left open
        conn.close()
        file_peek.release(path)
        raise
    if current is None:
        conn.close()
        return None
    return LibraryFileReader(location, path, conn)


def _action_error(path: Path, exc: sqlite3.Error) -> Exception | None:
    """What the Library says when SQLite fails in the middle of a read (busy, damaged...); None: the
    Library answers (it is opened then, and raises in its own words)."""
    return action_error(str(exc), path, BUSY_TIMEOUT_S)


class LibraryFileReader:
    """A read-only view of one up-to-date library file over one sqlite3 connection (see the module)."""

    def __init__(self, location: str, path: Path, conn: sqlite3.Connection) -> None:
        self.location = location
        self.path = path
        self._conn: sqlite3.Connection | None = conn
        self._library: Library | None = None
        #: Sentences the user should see on opening (as ``Library.warnings``).
        self.warnings: list[str] = folder_warnings(path)

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None
        if self._library is not None:
            self._library.close()  # releases the file's descriptor too
            self._library = None
        else:
            file_peek.release(self.path)  # the descriptor the probe's look at the file kept

    def __enter__(self) -> LibraryFileReader:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # ------------------------------------------------------------ reading
    def iter_personas(self) -> Iterator[Persona]:
        """Whole personas outside the trash, by name ignoring case then id (``Library.iter_personas``)."""
        found = self._read(
            lambda c: self._whole(c, "personas.deleted_at IS NULL", {}),
            lambda lib: list(lib.iter_personas()),
        )
        found.sort(key=lambda p: (fold(p.name), p.id))  # storage.listing.arrange's order
        return iter(found)

    def get(self, persona_id: str) -> Persona:
        """The whole persona (also from the trash), photo bytes included."""
        found = self._read(
            lambda c: self._whole(c, "personas.id = :id", {"id": persona_id}), lambda lib: [lib.get(persona_id)]
        )
        if not found:
            raise not_found(persona_id)
        return found[0]

    def find(self, ref: str) -> Persona:
        """A persona outside the trash by id, exact name, or name ignoring case (storage.persona_ref)."""

        def work(conn: sqlite3.Connection) -> Persona:
            persona_id = find_id(ref, lambda sql, params: conn.execute(sql, params).fetchall())
            return self._whole(conn, "personas.id = :id", {"id": persona_id})[0]

        return self._read(work, lambda lib: lib.find(ref))

    def list(self) -> list[PersonaSummary]:
        """The summaries of the personas outside the trash, in the list's order."""
        sql, params = summary_query()
        return self._read(lambda c: arrange(c.execute(sql, params).fetchall()), lambda lib: lib.list())

    def themes(self) -> tuple[list[Theme], list[str]]:
        """The library's own themes and one sentence per theme that cannot be used."""
        return self._read(lambda c: themes_from_rows(c.execute(THEMES_SQL).fetchall()), lambda lib: lib.themes())

    def templates(self) -> tuple[list[Template], list[str]]:
        """The library's own templates and one sentence per template that cannot be used."""
        return self._read(
            lambda c: templates_from_rows(c.execute(TEMPLATES_SQL).fetchall()), lambda lib: lib.templates()
        )

    # ------------------------------------------------------------ helpers
    @staticmethod
    def _whole(conn: sqlite3.Connection, where: str, params: dict[str, Any]) -> list[Persona]:
        # Plain tuples made into dicts: a sqlite3.Row finds a column by name by comparing it with
        # each column's name in turn, a third of reading 1000 personas.
        cursor = conn.cursor()
        cursor.row_factory = None
        cursor.execute(_WHOLE_SQL + where, params)
        names = [column[0] for column in cursor.description]
        found = []
        for values in cursor:
            row = dict(zip(names, values))
            found.append(from_row(row, row["photo_data"]))
        return found

    def _read(self, work: Callable[[sqlite3.Connection], T], through_library: Callable[[Library], Any]) -> T:
        """``work`` over the file in one snapshot; when the file changed under us (see the module),
        the Library opened now answers through ``through_library`` from then on."""
        if self._conn is not None:
            result = read_current(self._conn, self.path, work, _action_error)
            if result is not None:
                return result
            self._conn.close()
            self._conn = None
        if self._library is None:
            from personadesigner.storage.library import Library

            self._library = Library.open(self.location, for_reading=True)
        return through_library(self._library)
