"""Reading the design data files (templates, themes) by name, with one kind of error."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from personadesigner.errors import UserError


def read_design_file(kind: str, name: str, folder: Path, names: list[str]) -> dict[str, Any]:
    """The parsed ``folder/<name>.json``; a UserError naming the choices or the bad file."""
    if not isinstance(name, str) or name not in names:
        raise UserError(f'"{name}" is not a {kind} (use one of: {", ".join(names)})')
    path = folder / f"{name}.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise UserError(f"The {kind} file {path} cannot be read ({exc})") from exc
