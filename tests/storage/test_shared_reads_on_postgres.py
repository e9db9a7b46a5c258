"""``Library.find``, ``themes`` and ``templates`` run the SQL texts storage.file_reader runs on a file
(storage.persona_ref, storage.design_rows): on a team library they must choose and refuse the same."""

from __future__ import annotations

import pytest

from personadesigner.core.persona import Persona
from personadesigner.errors import UserError
from personadesigner.storage.library import Library
from support.brand_files import brand_data, logo_png
from support.images import png
from support.template_files import branded_data

pytestmark = pytest.mark.postgres


def test_find_themes_and_templates_on_a_server_answer_as_on_a_file(pg_url, tmp_path):
    people = [
        Persona(id="twin-1", name="Anna berg", photo=png()),
        Persona(id="twin-2", name="anna Berg"),
        Persona(name="Straße"),
    ]
    with Library.open(pg_url) as server, Library.open(str(tmp_path / "lib.sqlite")) as file:
        for lib in (server, file):
            lib.add_many([p.copy() for p in people])
            lib.add(Persona(id="gone", name="Gone"))
            lib.delete("gone")
            lib.save_theme("Acme brand", brand_data(), {"logo.png": logo_png()})
            lib.save_template("Acme card", branded_data())
        for ref in ("twin-1", "Anna berg", " STRASSE ", "anna berg", "Gone", "gone", "Nobody"):
            outcomes = []
            for lib in (server, file):
                try:
                    found = lib.find(ref)
                    outcomes.append((found.name, found.photo))  # ids differ where none was given
                except UserError as exc:
                    outcomes.append(str(exc))
            assert outcomes[0] == outcomes[1], ref
        assert server.find("twin-1").photo == file.find("twin-1").photo is not None
        for read in (Library.themes, Library.templates):
            (server_good, server_bad), (file_good, file_bad) = read(server), read(file)
            assert [t.name for t in server_good] == [t.name for t in file_good] and server_bad == file_bad == []
        assert server.themes()[0][0] == file.themes()[0][0]  # the logo's bytes, not a memoryview
