"""Photos in interchange files: inline ``data:`` URLs or files beside the JSON.

An import must never fetch anything or read outside the folder the user chose,
so a photo reference is either a ``data:image/...;base64,`` URL or a relative
path that stays inside the JSON file's folder; anything else is refused.
"""

from __future__ import annotations

import base64
import binascii
import re
from pathlib import Path, PurePosixPath, PureWindowsPath

from personadesigner.errors import InterchangeError, quoted
from personadesigner.regular_file import open_regular

#: Refuse to read more than this from a photo file (the photo check refuses far less).
MAX_PHOTO_FILE_BYTES = 64 * 1024 * 1024

_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:")
_DATA_URL = re.compile(r"^data:(image/[A-Za-z0-9.+\-]+)?((?:;[^;,]*)*?);base64,(.*)$", re.DOTALL)


def image_kind(data: bytes) -> tuple[str, str]:
    """(mime type, file suffix) of encoded image bytes; JPEG unless it is a PNG."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png", ".png"
    return "image/jpeg", ".jpg"


def to_data_url(data: bytes) -> str:
    mime, _ = image_kind(data)
    return f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"


def read_photo_ref(ref: str, base_dir: Path | None, where: str) -> bytes:
    """The raw image bytes a reference names; ``where`` prefixes every error."""
    if not isinstance(ref, str) or not ref.strip():
        raise InterchangeError(f"{where}: photo must be a data: URL or a relative file path.")
    ref = ref.strip()
    if ref[:5].lower() == "data:":
        return _decode_data_url(ref, where)
    if _SCHEME.match(ref) and not PureWindowsPath(ref).drive:
        scheme = ref.split(":", 1)[0]
        raise InterchangeError(
            f"{where}: photo {quoted(ref)} is a {scheme}: URL; imports never fetch anything "
            "(use a data: URL or a file beside the JSON)."
        )
    posix, windows = PurePosixPath(ref), PureWindowsPath(ref)
    if posix.is_absolute() or windows.is_absolute() or windows.drive or ref.startswith(("/", "\\")):
        raise InterchangeError(
            f"{where}: photo {quoted(ref)} is an absolute path; only paths relative to the JSON file are read."
        )
    if ".." in windows.parts:
        raise InterchangeError(f"{where}: photo {quoted(ref)} points outside the JSON file's folder.")
    if base_dir is None:
        raise InterchangeError(f"{where}: photo {quoted(ref)} is a file path, but the JSON was not read from a file.")
    root = base_dir.resolve()
    target = (root / windows.as_posix()).resolve()
    if not target.is_relative_to(root):
        raise InterchangeError(f"{where}: photo {quoted(ref)} points outside the JSON file's folder.")
    try:
        with open_regular(target, InterchangeError) as fh:  # a pipe or device is refused, never read
            data = fh.read(MAX_PHOTO_FILE_BYTES + 1)
    except FileNotFoundError:
        raise InterchangeError(f"{where}: photo file {quoted(ref)} does not exist.") from None
    except OSError as exc:
        raise InterchangeError(f"{where}: photo file {quoted(ref)} cannot be read ({exc.strerror}).") from None
    if len(data) > MAX_PHOTO_FILE_BYTES:
        raise InterchangeError(f"{where}: photo file {quoted(ref)} is too large.")
    return data


def _decode_data_url(ref: str, where: str) -> bytes:
    m = _DATA_URL.match(ref)
    if not m or not m.group(1):
        raise InterchangeError(f"{where}: photo is a data: URL but not a base64 image (data:image/...;base64,...).")
    try:
        return base64.b64decode(re.sub(r"\s+", "", m.group(3)), validate=True)
    except (binascii.Error, ValueError):
        raise InterchangeError(f"{where}: photo data: URL holds damaged base64 data.") from None
