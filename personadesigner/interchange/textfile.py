"""Reading import files as text, with errors that tell the user where to look.

Both JSON and CSV imports need the same things: a clear message for a missing
file, UTF-8 with or without a BOM, and a non-UTF-8 file reported by line
(spreadsheets on Windows often save cp1252) unless the user names the encoding.
"""

from __future__ import annotations

import codecs
import io
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

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
    try:
        kind = path.stat().st_mode
        if not stat.S_ISREG(kind) and not stat.S_ISDIR(kind):
            # Opening a pipe waits for a writer; a device such as /dev/zero never ends.
            raise InterchangeError(
                f"{path}: is not a regular file (a device, pipe or socket); imports read files only."
            )
        raw = path.open("rb")
    except FileNotFoundError:
        raise InterchangeError(f"{path}: the file does not exist.") from None
    except IsADirectoryError:
        raise InterchangeError(f"{path}: is a folder, not a file.") from None
    except OSError as exc:
        raise InterchangeError(f"{path}: cannot be read ({exc.strerror}).") from None
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
