"""The JSON interchange format: ``{"format": "personadesigner.personas/1", "personas": [...]}``.

Export then import gives every field back character for character, so the
file is written as UTF-8 without escapes. Import is read-only: it parses and
validates every persona and returns them with warnings (unknown keys are named,
never dropped unseen); storing them, all or nothing, is the caller's one step.
``iter_json`` hands them over one at a time (json_stream reads the file in
pieces), so an import of any size stores them in bounded memory.

What JSON allows but a personas file refuses (rather than store it changed):
NaN and Infinity, a key given twice in one object, numbers of more than 100
characters, and created_at/updated_at that are not ISO 8601 dates.
"""

from __future__ import annotations

import io
import json
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, TextIO

from personadesigner.atomic import atomic_write
from personadesigner.core.persona import (
    ALL_FIELDS,
    Persona,
    persona_from_dict,
    persona_to_dict,
)
from personadesigner.errors import InterchangeError, PhotoError, UserError, ValidationError, quoted
from personadesigner.interchange.checks import Warnings, check_imported
from personadesigner.interchange.json_stream import JsonReader
from personadesigner.interchange.photo_refs import image_kind, read_photo_ref, to_data_url
from personadesigner.interchange.textfile import open_text

FORMAT = "personadesigner.personas/1"
_FORMAT_PREFIX = "personadesigner.personas/"
_FIELD_ORDER = {name: i for i, name in enumerate(ALL_FIELDS)}

PhotoMode = Literal["inline", "files"]


@dataclass
class ImportResult:
    """Validated personas ready to store, and what the user should be told."""

    personas: list[Persona] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


# ------------------------------------------------------------------ export
def persona_document(persona: Persona, photo_ref: str | None = None) -> dict[str, Any]:
    """The persona as a contract-ordered JSON object, ``photo`` set to ``photo_ref``."""
    data = persona_to_dict(persona)
    if photo_ref is not None:
        data["photo"] = photo_ref
        data = dict(sorted(data.items(), key=lambda kv: _FIELD_ORDER[kv[0]]))
    return data


def write_json(personas: Iterable[Persona], path: str | os.PathLike[str], *, photos: PhotoMode = "inline") -> int:
    """Write ``personas`` to ``path`` atomically; returns how many were written.

    ``photos="files"`` writes each photo to ``<stem>-photos/<id><suffix>`` beside
    the JSON and refers to it by relative path (smaller, diff-friendly files).
    """
    if photos not in ("inline", "files"):
        raise ValueError(f"photos must be 'inline' or 'files', not {photos!r}")
    target = Path(path)
    if not target.parent.is_dir():
        raise UserError(f"The folder {target.parent} does not exist.")
    photo_dir = target.parent / f"{target.stem}-photos"
    docs = []
    used_names: set[str] = set()
    for index, p in enumerate(personas):
        ref = None
        if p.photo and photos == "inline":
            ref = to_data_url(p.photo)
        elif p.photo:
            name = _photo_file_name(p, index, used_names)
            try:
                photo_dir.mkdir(exist_ok=True)
            except OSError as exc:
                raise UserError(f"Cannot create the photo folder {photo_dir}: {exc.strerror}.") from None
            with atomic_write(photo_dir / name, "wb") as fh:
                fh.write(p.photo)
            ref = f"{photo_dir.name}/{name}"
        docs.append(persona_document(p, ref))
    with atomic_write(target, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(_dump_document(docs))
    return len(docs)


def _dump_document(docs: list[dict[str, Any]]) -> str:
    return json.dumps({"format": FORMAT, "personas": docs}, ensure_ascii=False, indent=2) + "\n"


def _photo_file_name(p: Persona, index: int, used: set[str]) -> str:
    stem = re.sub(r"[^A-Za-z0-9._-]+", "-", p.id).strip(".-") if p.id else ""
    stem = stem or f"persona-{index + 1}"
    suffix = image_kind(p.photo or b"")[1]
    name, n = stem + suffix, 2
    while name in used:
        name, n = f"{stem}-{n}{suffix}", n + 1
    used.add(name)
    return name


# ------------------------------------------------------------------ import
def read_json(path: str | os.PathLike[str]) -> ImportResult:
    """Parse and validate a JSON personas file; photo paths are relative to it."""
    warnings = Warnings()
    personas = list(iter_json(path, warnings))
    return ImportResult(personas=personas, warnings=warnings.lines())


def iter_json(path: str | os.PathLike[str], warnings: Warnings) -> Iterator[Persona]:
    """The file's personas, parsed and validated one at a time (memory does not grow with the file).

    Raises InterchangeError on the first problem; a caller storing the personas as
    they come must do so in one transaction, so a refusal stores nothing.
    """
    source = Path(path)
    with open_text(source) as stream:
        yield from _iter_document(stream, str(source), source.parent, warnings)


def loads(text: str, *, source: str = "<json>", base_dir: Path | None = None) -> ImportResult:
    """Parse and validate a JSON personas document; raises on the first problem."""
    warnings = Warnings()
    personas = list(_iter_document(io.StringIO(text), source, base_dir, warnings))
    return ImportResult(personas=personas, warnings=warnings.lines())


def _iter_document(stream: TextIO, source: str, base_dir: Path | None, warnings: Warnings) -> Iterator[Persona]:
    reader = JsonReader(stream, source)
    first = reader.peek()
    if first != "{":
        if not first:
            raise reader.truncated()
        if first in '["-0123456789tfn':
            raise _not_personas_file(source)
        raise reader.error("Expecting value")
    seen: set[str] = set()
    for key in reader.members():
        if key in seen:
            raise InterchangeError(
                f"{source}: the top-level key {quoted(key)} appears twice; which one is meant cannot be told."
            )
        seen.add(key)
        if key == "format":
            _check_format(reader.value("format"), source)
        elif key == "personas":
            if reader.peek() != "[":
                reader.value("personas")
                raise InterchangeError(f'{source}: "personas" must be a list of persona objects.')
            for index, data in enumerate(reader.items("persona")):
                yield _load_persona(data, index, source, base_dir, warnings)
        else:
            reader.value(quoted(key))
            warnings.append(f'{source}: unknown top-level key "{key}" was not imported.')
    if not reader.at_end():
        raise reader.error("Extra data")
    if "format" not in seen:
        raise _not_personas_file(source)
    if "personas" not in seen:
        raise InterchangeError(f'{source}: "personas" must be a list of persona objects.')


def _not_personas_file(source: str) -> InterchangeError:
    return InterchangeError(
        f'{source}: not a PersonaDesigner personas file (expected an object with "format": "{FORMAT}").'
    )


def _check_format(fmt: Any, source: str) -> None:
    if fmt != FORMAT:
        if isinstance(fmt, str) and fmt.startswith(_FORMAT_PREFIX):
            raise InterchangeError(
                f'{source}: format "{fmt}" comes from another version of PersonaDesigner; this one reads "{FORMAT}".'
            )
        raise InterchangeError(f'{source}: format {json.dumps(fmt, ensure_ascii=False)} is not "{FORMAT}".')


def _load_persona(data: Any, index: int, source: str, base_dir: Path | None, warnings: Warnings) -> Persona:
    # The label is made only when something is said: a 100,000-persona import says nothing for most.
    if not isinstance(data, dict):
        raise InterchangeError(f"{source}: {_label(data, index)} is not a JSON object.")
    try:
        persona, unknown = persona_from_dict(data)
        if data.get("photo") is not None:
            persona.photo = _load_photo(data["photo"], base_dir, f"{source}: {_label(data, index)}")
        persona.validate()
        note = check_imported(persona)
    except ValidationError as exc:
        raise InterchangeError(f"{source}: {_label(data, index)}: {exc.detail}") from None
    if note is not None:
        warnings.append(f"{source}: {_label(data, index)}: {note}")
    for key in unknown:
        warnings.append(f'{source}: {_label(data, index)}: unknown field "{key}" was not imported.')
    return persona


def _load_photo(ref: Any, base_dir: Path | None, where: str) -> bytes:
    raw = read_photo_ref(ref, base_dir, where)
    from personadesigner.images import normalize_photo  # Pillow: only when a photo comes

    try:
        return normalize_photo(raw)
    except PhotoError as exc:
        raise InterchangeError(f"{where}: photo: {exc}") from None


def _label(data: Any, index: int) -> str:
    name = data.get("name") if isinstance(data, dict) else None
    if isinstance(name, str) and name.strip():
        return f"persona {quoted(name.strip())}"
    return f"persona #{index + 1} (no name)"
