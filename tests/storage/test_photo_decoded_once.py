"""An imported photo is decoded once (by the importer); the library does not decode it again."""

from __future__ import annotations

import io

import PIL.Image

from personadesigner.core.persona import Persona
from personadesigner.interchange.json_io import read_json, write_json
from personadesigner.storage.library import Library
from support.storage_helpers import image_bytes


def test_importing_a_photo_decodes_it_once(tmp_path, library_path, monkeypatch):
    source = tmp_path / "in.json"
    write_json([Persona(name="Anna", photo=image_bytes("PNG", size=(1600, 900)))], source)
    result = read_json(source)
    (imported,) = result.personas
    opened = []
    real_open = PIL.Image.open
    monkeypatch.setattr(PIL.Image, "open", lambda *a, **k: opened.append(1) or real_open(*a, **k))
    with Library.open(str(library_path)) as lib:
        (stored,) = lib.add_many(result.personas)
        assert opened == []  # Pillow never opened the photo again
        assert lib.get(stored.id).photo == imported.photo
    monkeypatch.undo()
    with PIL.Image.open(io.BytesIO(imported.photo)) as img:
        assert max(img.size) == 1200  # the importer's normalisation is what was stored
