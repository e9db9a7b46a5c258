"""A theme as one file (``.pdtheme``): a zip of theme.json plus the logo and fonts it names.

The same bytes are what the library stores for a theme (storage.themes), so a
theme moves between a file, a library and a colleague's library unchanged.
Reading is defensive: only the members theme.json names are read, by exact
name, each with a size cap, so a hostile zip cannot write anywhere or blow up.
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from collections.abc import Mapping
from pathlib import Path

from personadesigner.core.theme_assets import MAX_ASSET_BYTES
from personadesigner.core.themes import Theme, build_theme
from personadesigner.errors import UserError

SUFFIX = ".pdtheme"
THEME_MEMBER = "theme.json"
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 _.-]{0,63}$")


def check_theme_name(name: str) -> str:
    """``name`` stripped when it can name a theme (letters, digits, space, _ . -; at most 64)."""
    name = (name or "").strip()
    if not _NAME.match(name):
        raise UserError(
            f'"{name}" cannot name a theme: use letters, digits, spaces, "-", "_" or "." '
            "(at most 64, starting with a letter or digit)."
        )
    return name


def pack(data: Mapping, assets: Mapping[str, bytes]) -> bytes:
    """The .pdtheme bytes of theme JSON ``data`` and the files it names (relative path -> bytes)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(THEME_MEMBER, json.dumps(data, indent=2, ensure_ascii=False))
        for rel in sorted(assets):
            zf.writestr(rel, assets[rel])
    return out.getvalue()


def unpack(package: bytes, source: str) -> tuple[dict, dict[str, bytes]]:
    """(theme JSON, {relative path: bytes} of the files it names) of .pdtheme bytes; UserError
    in one sentence when it is not a theme package."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(package))
    except zipfile.BadZipFile:
        raise UserError(f"{source} is not a PersonaDesigner theme (.pdtheme) file.") from None
    with zf:
        try:
            data = json.loads(_member(zf, THEME_MEMBER, source))
        except (ValueError, UnicodeDecodeError):
            raise UserError(f"{source} is not a PersonaDesigner theme: its theme.json is not JSON.") from None
        if not isinstance(data, dict):
            raise UserError(f"{source} is not a PersonaDesigner theme: its theme.json is not an object.")
        assets = {}
        for rel in named_files(data):
            try:
                assets[rel] = _member(zf, rel, source)
            except KeyError:
                pass  # build_theme says which file is missing, in its own words
        return data, assets


def _member(zf: zipfile.ZipFile, name: str, source: str) -> bytes:
    try:
        info = zf.getinfo(name)
    except KeyError:
        if name == THEME_MEMBER:
            raise UserError(f"{source} is not a PersonaDesigner theme: it has no theme.json.") from None
        raise
    if info.file_size > MAX_ASSET_BYTES:
        raise UserError(f"{source} holds {name} of {info.file_size // (1024 * 1024)} MB; at most 20 MB are read.")
    try:
        return zf.read(info)
    except (zipfile.BadZipFile, OSError, ValueError):
        raise UserError(f"{source} is damaged ({name} cannot be read).") from None


def named_files(data: Mapping) -> list[str]:
    """The relative paths theme JSON names: its logo and fonts (strings only; the schema checks types)."""
    names = [data.get("logo")]
    fonts = data.get("fonts")
    if isinstance(fonts, dict):
        names += [fonts.get("heading"), fonts.get("body")]
    return [n for n in names if isinstance(n, str) and n]


def theme_from_package(name: str, package: bytes, source: str, origin: str = "library") -> Theme:
    """The checked Theme of .pdtheme bytes."""
    data, assets = unpack(package, source)
    return build_theme(name, data, source, assets.__getitem__, origin)


def read_theme_file(path: Path) -> tuple[str, dict, dict[str, bytes]]:
    """(name, theme JSON, assets) of a theme JSON file (assets beside it) or a .pdtheme file;
    the name is the file's stem. UserError in one sentence for an unreadable file."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise UserError(f"The theme file {path} cannot be read ({exc.strerror or exc}).") from None
    if path.suffix.lower() == SUFFIX:
        data, assets = unpack(raw, str(path))
    else:
        try:
            data = json.loads(raw)
        except (ValueError, UnicodeDecodeError):
            raise UserError(f"The theme file {path} is not JSON.") from None
        if not isinstance(data, dict):
            raise UserError(f"The theme file {path} is not a theme: its JSON is not an object.")
        assets = {}
        for rel in named_files(data):
            target = path.parent / rel
            if target.is_file():
                assets[rel] = target.read_bytes()
    return path.stem, data, assets


def theme_from_file(path: Path) -> Theme:
    """The checked Theme of a theme JSON or .pdtheme file (DesignFileError/ThemeAssetError/UserError)."""
    name, data, assets = read_theme_file(path)
    return build_theme(name, data, path, assets.__getitem__, "file")
