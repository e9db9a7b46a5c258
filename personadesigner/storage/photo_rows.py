"""Photos on their way into the library: which bytes are new, and the hash each persona row names.

One copy for both writers: ``Library`` (add, add_many, update) and the streaming
import (storage/stream_import.py, on its transaction's own connection). Bytes
already stored are not re-encoded, so a photo never loses quality with each save.
"""

from __future__ import annotations

from collections.abc import Iterable

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from personadesigner.images import PhotoInfo, normalize, photo_hash
from personadesigner.storage.schema import photos

#: Hashes per IN (...) query: far below every database's limit of bound parameters.
CHUNK = 500


def raw_photos(datas: Iterable[bytes | None]) -> dict[str, bytes]:
    """Raw-bytes hash -> bytes of every photo given (each once)."""
    return {photo_hash(d): d for d in datas if d is not None}


def prepare_photos(conn: Connection, raw: dict[str, bytes]) -> dict[str, PhotoInfo | str]:
    """Raw-bytes hash -> the photo to insert (normalised), or the hash of one already stored."""
    if not raw:
        return {}
    hashes = list(raw)
    stored: set[str] = set()
    for start in range(0, len(hashes), CHUNK):
        part = hashes[start : start + CHUNK]
        stored.update(conn.execute(sa.select(photos.c.hash).where(photos.c.hash.in_(part))).scalars())
    return {h: (h if h in stored else normalize(d)) for h, d in raw.items()}


def hash_of(prepared: dict[str, PhotoInfo | str], data: bytes | None) -> str | None:
    """The photo hash a persona row stores for its photo bytes ``data`` (None: no photo)."""
    if data is None:
        return None
    entry = prepared[photo_hash(data)]
    return entry if isinstance(entry, str) else entry.hash
