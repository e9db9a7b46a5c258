"""Which persona a user's reference means: an id, an exact name, or a name ignoring case.

Why: ``Library.find`` (SQLAlchemy, files and servers) and storage.file_reader
(sqlite3 alone, ``personadesigner export`` of a library file) must pick the same
persona and refuse in the same sentence, so the SQL texts, the order of the
steps and the messages live here once. Nothing here imports SQLAlchemy.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from personadesigner.core.persona import fold
from personadesigner.errors import UserError

#: Named parameter ``:ref``, which both SQLAlchemy's ``text`` and sqlite3 take.
LIVE_ID_SQL = "SELECT id FROM personas WHERE id = :ref AND deleted_at IS NULL"
LIVE_NAMED_SQL = "SELECT id FROM personas WHERE name = :ref AND deleted_at IS NULL"
LIVE_NAMES_SQL = "SELECT id, name FROM personas WHERE deleted_at IS NULL"

#: Runs one of the texts above with its parameters and gives back its rows.
Query = Callable[[str, dict[str, str]], Iterable[tuple]]


def find_id(ref: str, query: Query) -> str:
    """The id of the persona outside the trash that ``ref`` names: its id, else its exact name, else its
    name ignoring case (casefolded, surrounding spaces ignored). UserError when none or several match."""
    if any(True for _ in query(LIVE_ID_SQL, {"ref": ref})):
        return ref
    matches = [row[0] for row in query(LIVE_NAMED_SQL, {"ref": ref})]
    if not matches:
        wanted = fold(ref.strip())
        matches = [row[0] for row in query(LIVE_NAMES_SQL, {}) if fold(row[1].strip()) == wanted]
    if len(matches) == 1:
        return matches[0]
    if not matches:
        raise UserError(f'No persona with the id or name "{ref}" in the library.')
    shown = ", ".join(matches[:5]) + (", ..." if len(matches) > 5 else "")
    raise UserError(f'{len(matches)} personas are named "{ref}"; use an id instead ({shown}).')


def not_found(persona_id: str) -> UserError:
    """The refusal of an id no persona has (in the trash or not)."""
    return UserError(f'No persona with id "{persona_id}" in the library.')
