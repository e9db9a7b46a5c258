"""One cheap fingerprint of the library's own designs (themes and templates).

The app re-reads the library's themes and templates when another app changed
them; building them (logos, fonts, schemas) costs more than this one query over
names, sizes and the templates' JSON, so the window asks for the stamp on each
change made elsewhere and rebuilds only when it moved.
"""

from __future__ import annotations

import hashlib

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from personadesigner.storage.schema import templates, themes


def design_stamp(conn: Connection) -> str:
    """A digest that changes whenever a library theme or template is saved, replaced or deleted."""
    digest = hashlib.sha1()
    inspector = sa.inspect(conn)
    if inspector.has_table(themes.name):
        rows = conn.execute(
            sa.select(themes.c.name, themes.c.updated_at, sa.func.length(themes.c.package)).order_by(themes.c.name)
        )
        for row in rows:
            digest.update(repr(tuple(row)).encode("utf-8"))
    digest.update(b"|")
    if inspector.has_table(templates.name):
        for name, data in conn.execute(sa.select(templates.c.name, templates.c.data).order_by(templates.c.name)):
            digest.update(repr((name, data)).encode("utf-8"))
    return digest.hexdigest()
