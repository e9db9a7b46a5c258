"""Reading import files as text, with errors that tell the user where to look.

Both JSON and CSV imports need the same things: a clear message for a missing
file, UTF-8 with or without a BOM, and a non-UTF-8 file reported by line
(spreadsheets on Windows often save cp1252) unless the user names the encoding.
"""

from __future__ import annotations

import codecs
import io
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO, TextIO

from personadesigner.errors import InterchangeError
from personadesigner.regular_file import open_regular


class _Refused(InterchangeError):
    """open_regular's refusal of a pipe, device, socket or folder, said the way imports say it."""


def _open(path: Path) -> BinaryIO:
    """``path`` opened for reading, or an InterchangeError saying why not.

    One opener for both reads: regular_file.open_regular opens without blocking and
    refuses anything but a regular file (a FIFO would block an import forever,
    /dev/zero would never end), with no gap between looking and opening.
    """
    try:
        return open_regular(path, _Refused)
    except _Refused:
        if os.path.isdir(path):
            raise InterchangeError(f"{path}: is a folder, not a file.") from None
        raise InterchangeError(
            f"{path}: is not a regular file (a device, pipe or socket); imports read files only."
        ) from None
    except FileNotFoundError:
        raise InterchangeError(f"{path}: the file does not exist.") from None
    except IsADirectoryError:
        raise InterchangeError(f"{path}: is a folder, not a file.") from None
    except OSError as exc:
        raise InterchangeError(f"{path}: cannot be read ({exc.strerror}).") from None


def read_bytes(path: Path) -> bytes:
    """The file's bytes, or an InterchangeError saying why it cannot be read."""
    with _open(path) as fh:
        try:
            return fh.read()
        except OSError as exc:
            raise InterchangeError(f"{path}: cannot be read ({exc.strerror or exc}).") from None


def _codec_name(encoding: str | None) -> str:
    """The codec to read with: UTF-8 dropping a BOM, or the named encoding."""
    if not encoding:
        return "utf-8-sig"
    try:
        codec = codecs.lookup(encoding)
    except LookupError:
        raise InterchangeError(f'"{encoding}" is not a text encoding Python knows.') from None
    return "utf-8-sig" if codec.name == "utf-8" else codec.name


def _not_text(source: str, line: int, encoding: str | None) -> InterchangeError:
    if encoding:
        return InterchangeError(f"{source}: line {line} is not valid {encoding} text.")
    return InterchangeError(
        f"{source}: line {line} is not UTF-8 text; name the file's encoding (e.g. --encoding cp1252)."
    )


def decode_text(data: bytes, source: str, encoding: str | None = None) -> str:
    """Decode ``data`` as UTF-8 (a BOM is dropped) or as the named ``encoding``."""
    name = _codec_name(encoding)
    try:
        return data.decode(name)
    except UnicodeDecodeError as exc:
        raise _not_text(source, data[: exc.start].count(b"\n") + 1, encoding) from None


@contextmanager
def open_text(path: Path, encoding: str | None = None) -> Iterator[TextIO]:
    """The file as text read a piece at a time (an import must not hold a 200 MB file in memory).

    Line ends are kept as they are (``newline=""``, what the csv module wants).
    Text that does not decode ends the read with the line it is on, found by a
    second look at the bytes (only then, so the everyday read costs nothing extra).
    """
    name = _codec_name(encoding)
    raw = _open(path)
    with raw, io.TextIOWrapper(raw, encoding=name, newline="") as text:
        try:
            yield text
        except UnicodeDecodeError:
            raise _not_text(str(path), _bad_line(path, name), encoding) from None
        except IsADirectoryError:
            raise InterchangeError(f"{path}: is a folder, not a file.") from None
        except OSError as exc:
            raise InterchangeError(f"{path}: cannot be read ({exc.strerror or exc}).") from None


def _bad_line(path: Path, codec: str) -> int:
    """The line of the first byte sequence ``codec`` cannot decode (1 when none is found)."""
    decoder = codecs.getincrementaldecoder(codec)()
    line = 1
    with path.open("rb") as fh:
        while True:
            block = fh.read(1 << 20)
            try:
                decoder.decode(block, final=not block)
            except UnicodeDecodeError as exc:
                return line + block[: max(exc.start, 0)].count(b"\n")
            if not block:
                return line
            line += block.count(b"\n")
