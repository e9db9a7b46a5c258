"""Reading import files as text, with errors that tell the user where to look.

Both JSON and CSV imports need the same things: a clear message for a missing
file, UTF-8 with or without a BOM, and a non-UTF-8 file reported by line
(spreadsheets on Windows often save cp1252) unless the user names the encoding.
"""

from __future__ import annotations

import codecs
from pathlib import Path

from personadesigner.errors import InterchangeError
from personadesigner.regular_file import open_regular


def read_bytes(path: Path) -> bytes:
    """The file's bytes, or an InterchangeError saying why it cannot be read."""
    try:
        with open_regular(path, InterchangeError) as fh:  # a pipe or device is refused, never read
            return fh.read()
    except FileNotFoundError:
        raise InterchangeError(f"{path}: the file does not exist.") from None
    except IsADirectoryError:
        raise InterchangeError(f"{path}: is a folder, not a file.") from None
    except OSError as exc:
        raise InterchangeError(f"{path}: cannot be read ({exc.strerror}).") from None


def decode_text(data: bytes, source: str, encoding: str | None = None) -> str:
    """Decode ``data`` as UTF-8 (a BOM is dropped) or as the named ``encoding``."""
    if encoding:
        try:
            codec = codecs.lookup(encoding)
        except LookupError:
            raise InterchangeError(f'"{encoding}" is not a text encoding Python knows.') from None
        name = "utf-8-sig" if codec.name == "utf-8" else codec.name
    else:
        name = "utf-8-sig"
    try:
        return data.decode(name)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        if encoding:
            raise InterchangeError(
                f"{source}: line {line} is not valid {encoding} text."
            ) from None
        raise InterchangeError(
            f"{source}: line {line} is not UTF-8 text; name the file's encoding (e.g. --encoding cp1252)."
        ) from None
