"""A template as one JSON file, and the names library templates may have.

The same JSON is what a library stores for a template (storage.templates), so a
template moves between a file, a library and a colleague's library unchanged;
exported files carry the format's ``version`` so a newer PersonaDesigner's file
is refused in one line instead of being misread.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from personadesigner.core.template_schema import TEMPLATE_VERSION
from personadesigner.core.templates import Template
from personadesigner.errors import UserError

SUFFIX = ".json"
#: A template file bigger than this is not a template (the bundled ones are ~10 kB).
MAX_FILE_BYTES = 2 * 1024 * 1024
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 _.-]{0,63}$")


def check_template_name(name: str) -> str:
    """``name`` stripped when it can name a template (letters, digits, space, _ . -; at most 64)."""
    name = (name or "").strip()
    if not _NAME.match(name):
        raise UserError(
            f'"{name}" cannot name a template: use letters, digits, spaces, "-", "_" or "." '
            "(at most 64, starting with a letter or digit)."
        )
    return name


def library_label(name: str) -> str:
    """How a refusal names a library template (core.design_schema capitalises it)."""
    return f'the library template "{name}"'


def template_from_data(name: str, data: Any, source: str, origin: str) -> Template:
    """The Template ``data`` describes; one sentence naming ``source`` and the key when it is broken."""
    if not isinstance(data, dict):
        raise UserError(f"{source[0].upper()}{source[1:]} is not a template: its JSON is not an object.")
    return Template.from_data(name, data, source, origin=origin)


def read_template_file(path: Path) -> dict[str, Any]:
    """The JSON of the template file ``path``; one sentence naming the file when it cannot be one."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise UserError(f"The template file {path} is {size // 1024} kB; a template file is at most 2 MB.")
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise UserError(f"The template file {path} is not text (UTF-8 JSON).") from None
    except OSError as exc:
        raise UserError(f"The template file {path} cannot be read ({exc.strerror or exc}).") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise UserError(f"The template file {path} is not JSON (line {exc.lineno}: {exc.msg}).") from None
    if not isinstance(data, dict):
        raise UserError(f"The template file {path} is not a template: its JSON is not an object.")
    return data


def template_from_file(path: Path) -> Template:
    """The template in the JSON file ``path``, named after the file; refused in one line (file, key)."""
    data = read_template_file(path)
    return Template.from_data(path.stem, data, path, origin="file")


def file_text(data: dict[str, Any]) -> str:
    """The JSON text a template file holds: ``version`` first, then the template's keys in their order."""
    body = {k: v for k, v in data.items() if k != "version"}
    return json.dumps({"version": TEMPLATE_VERSION, **body}, indent=2, ensure_ascii=False) + "\n"


def write_template_file(path: Path, data: dict[str, Any]) -> None:
    """Write ``data`` as the template file ``path``, whole or not at all (the app's and the CLI's export)."""
    from personadesigner.atomic import atomic_write

    with atomic_write(path, "w", encoding="utf-8") as fh:
        fh.write(file_text(data))
