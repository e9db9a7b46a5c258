"""The JSON interchange format: ``{"format": "personadesigner.personas/1", "personas": [...]}``.

Export then import gives every field back character for character, so the
file is written as UTF-8 without escapes. Import is read-only: it parses and
validates every persona and returns them with warnings (unknown keys are named,
never dropped unseen); storing them, all or nothing, is the caller's one step.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from personadesigner.atomic import atomic_write
from personadesigner.core.persona import (
    ALL_FIELDS,
    Persona,
    persona_from_dict,
    persona_to_dict,
)
from personadesigner.errors import InterchangeError, PhotoError, UserError, ValidationError, quoted
from personadesigner.interchange.photo_refs import image_kind, read_photo_ref, to_data_url
from personadesigner.interchange.textfile import decode_text, read_bytes

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
    source = Path(path)
    text = decode_text(read_bytes(source), str(source))
    return loads(text, source=str(source), base_dir=source.parent)


def loads(text: str, *, source: str = "<json>", base_dir: Path | None = None) -> ImportResult:
    """Parse and validate a JSON personas document; raises on the first problem."""
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InterchangeError(_describe_json_error(exc, source)) from None
    except RecursionError:
        raise InterchangeError(f"{source}: the JSON is nested too deeply to be a personas file.") from None
    personas_data = _personas_list(document, source)
    result = ImportResult()
    for key in document:
        if key not in ("format", "personas"):
            result.warnings.append(f'{source}: unknown top-level key "{key}" was not imported.')
    for index, data in enumerate(personas_data):
        result.personas.append(_load_persona(data, index, source, base_dir, result.warnings))
    return result


def _describe_json_error(exc: json.JSONDecodeError, source: str) -> str:
    end = len(exc.doc.rstrip())
    if exc.pos >= end or exc.msg.startswith("Unterminated string"):
        # The parser ran out of text (inside a string it says where the string began).
        line = exc.doc.count("\n", 0, end) + 1
        column = end - exc.doc.rfind("\n", 0, end)
        return f"{source}: the JSON ends too early at line {line}, column {column}; the file looks truncated."
    where = f"line {exc.lineno}, column {exc.colno}"
    return f"{source}: invalid JSON at {where}: {exc.msg}."


def _personas_list(document: Any, source: str) -> list[Any]:
    if not isinstance(document, dict) or "format" not in document:
        raise InterchangeError(
            f'{source}: not a PersonaDesigner personas file (expected an object with "format": "{FORMAT}").'
        )
    fmt = document["format"]
    if fmt != FORMAT:
        if isinstance(fmt, str) and fmt.startswith(_FORMAT_PREFIX):
            raise InterchangeError(f'{source}: format "{fmt}" comes from another version of PersonaDesigner; this one reads "{FORMAT}".')
        raise InterchangeError(f'{source}: format {json.dumps(fmt, ensure_ascii=False)} is not "{FORMAT}".')
    personas = document.get("personas")
    if not isinstance(personas, list):
        raise InterchangeError(f'{source}: "personas" must be a list of persona objects.')
    return personas


def _load_persona(data: Any, index: int, source: str, base_dir: Path | None, warnings: list[str]) -> Persona:
    label = _label(data, index)
    if not isinstance(data, dict):
        raise InterchangeError(f"{source}: {label} is not a JSON object.")
    try:
        persona, unknown = persona_from_dict(data)
        if data.get("photo") is not None:
            persona.photo = _load_photo(data["photo"], base_dir, f"{source}: {label}")
        persona.validate()
    except ValidationError as exc:
        raise InterchangeError(f"{source}: {label}: {exc.detail}") from None
    for key in unknown:
        warnings.append(f'{source}: {label}: unknown field "{key}" was not imported.')
    return persona


def _load_photo(ref: Any, base_dir: Path | None, where: str) -> bytes:
    raw = read_photo_ref(ref, base_dir, where)
    from personadesigner.storage.photos import normalize_photo  # Pillow: only when a photo comes

    try:
        return normalize_photo(raw)
    except PhotoError as exc:
        raise InterchangeError(f"{where}: photo: {exc}") from None


def _label(data: Any, index: int) -> str:
    name = data.get("name") if isinstance(data, dict) else None
    if isinstance(name, str) and name.strip():
        return f"persona {quoted(name.strip())}"
    return f"persona #{index + 1} (no name)"
