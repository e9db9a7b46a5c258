"""Read a JSON personas document one persona at a time, in bounded memory, refusing what JSON should not carry.

An import file can be 200 MB; parsing it whole held it three times over (the
bytes, the text, the objects). Here only the outer object and its
``"personas"`` array are walked by hand; each persona (and each other top-level
value) is decoded by the standard library's C scanner from a window of text
read in pieces, and the window is dropped as soon as the persona is handed on.

The stdlib scanner rather than a streaming tokenizer such as ijson: ijson's
fast C backend (yajl2_c) crashes the interpreter (SIGSEGV) on an integer of
more than 4300 digits, one of the hostile inputs an import must refuse, and its
pure-Python backend is several times slower than this. The scanner's hooks also
give the refusals the stored data needs:

- ``NaN``, ``Infinity`` and numbers too large for a float are refused (they would be stored as "nan");
- a key given twice in one object is refused, naming it (the parser would keep one silently);
- integers longer than ``MAX_NUMBER_CHARS`` are refused before Python converts them
  (Python raises ValueError past 4300 digits, and converting is quadratic below that).
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterator
from typing import Any, TextIO

from personadesigner.errors import InterchangeError, quoted

#: Text read from the file at a time; a value that needs more gets a window twice as large.
CHUNK_CHARS = 1 << 20
#: The largest single value (a persona with an inline photo) the reader holds at once.
MAX_VALUE_CHARS = 128 << 20
#: Longer numbers are refused: no persona field needs one, and converting them costs quadratic time.
MAX_NUMBER_CHARS = 100
#: A truncated buffer shows as an error this close to its end (or an unterminated string).
_NEAR_END = 16
_WHITESPACE = re.compile(r"[ \t\n\r]*")


class Refused(ValueError):
    """A value JSON allows but a personas file must not carry; str() is the reason."""


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out = dict(pairs)
    if len(out) == len(pairs):  # no key given twice: the common case, built in C
        return out
    out = {}
    for key, value in pairs:
        if key in out:
            raise Refused(f"the key {quoted(key)} appears twice in one object; which one is meant cannot be told")
        out[key] = value
    return out


def _constant(name: str) -> float:
    raise Refused(f"{name} is not a number a personas file can hold (JSON has no NaN or Infinity)")


def _integer(text: str) -> int:
    if len(text) > MAX_NUMBER_CHARS:
        raise Refused(f"a number of {len(text.lstrip('-'))} digits is too long (at most {MAX_NUMBER_CHARS})")
    return int(text)


def _float(text: str) -> float:
    if len(text) > MAX_NUMBER_CHARS:
        raise Refused(f"a number of {len(text)} characters is too long (at most {MAX_NUMBER_CHARS})")
    value = float(text)
    if not math.isfinite(value):
        raise Refused(f"the number {text} is too large")
    return value


_DECODER = json.JSONDecoder(
    object_pairs_hook=_object, parse_constant=_constant, parse_int=_integer, parse_float=_float, strict=True
)


class JsonReader:
    """A cursor over JSON text read from ``stream`` a window at a time, with line/column positions."""

    def __init__(self, stream: TextIO, source: str) -> None:
        self._stream = stream
        self.source = source
        self._buf = ""
        self._pos = 0
        self._eof = False
        self._line = 1  # line and 0-based column of _buf[0]
        self._col = 0

    # ------------------------------------------------------------ positions
    def where(self, pos: int | None = None) -> tuple[int, int]:
        """(line, column), both from 1, of ``pos`` in the window (default: the cursor)."""
        pos = self._pos if pos is None else pos
        breaks = self._buf.count("\n", 0, pos)
        if breaks:
            return self._line + breaks, pos - self._buf.rfind("\n", 0, pos)
        return self._line, self._col + pos + 1

    def error(self, message: str, pos: int | None = None) -> InterchangeError:
        line, column = self.where(pos)
        return InterchangeError(f"{self.source}: invalid JSON at line {line}, column {column}: {message}.")

    def truncated(self) -> InterchangeError:
        end = len(self._buf.rstrip())
        line, column = self.where(end)
        return InterchangeError(
            f"{self.source}: the JSON ends too early at line {line}, column {column}; the file looks truncated."
        )

    # ------------------------------------------------------------ window
    def _fill(self, at_least: int = CHUNK_CHARS) -> bool:
        """Drop what was read, add more text; False at the end of the file."""
        if self._eof:
            return False
        if self._pos:
            consumed = self._pos
            breaks = self._buf.count("\n", 0, consumed)
            if breaks:
                self._line += breaks
                self._col = consumed - self._buf.rfind("\n", 0, consumed) - 1
            else:
                self._col += consumed
            self._buf = self._buf[consumed:]
            self._pos = 0
        more = self._stream.read(max(at_least, CHUNK_CHARS))
        if not more:
            self._eof = True
            return False
        self._buf += more
        return True

    def peek(self) -> str:
        """The next character that is not whitespace ("" at the end of the file)."""
        while True:
            self._pos = _WHITESPACE.match(self._buf, self._pos).end()
            if self._pos < len(self._buf):
                return self._buf[self._pos]
            if not self._fill():
                return ""

    def take(self, char: str, expected: str) -> None:
        found = self.peek()
        if found != char:
            if not found:
                raise self.truncated()
            raise self.error(f"Expecting {expected}")
        self._pos += 1

    def value(self, what: str | None = None) -> Any:
        """The next JSON value, decoded whole; its text is released once it is returned.

        ``what`` names the value in a refusal ("persona #3"); default: where it starts.
        """
        if not self.peek():
            raise self.truncated()
        while True:  # the cursor stays at the value's start until it is decoded
            try:
                value, end = _DECODER.raw_decode(self._buf, self._pos)
            except json.JSONDecodeError as exc:
                unterminated = exc.msg.startswith("Unterminated string")
                if self._eof:
                    if unterminated or exc.pos >= len(self._buf.rstrip()):
                        raise self.truncated() from None
                    raise self.error(exc.msg, exc.pos) from None
                if not (unterminated or exc.pos >= len(self._buf) - _NEAR_END):
                    raise self.error(exc.msg, exc.pos) from None  # more text cannot mend what is already here
                held = len(self._buf) - self._pos
                if held > MAX_VALUE_CHARS:
                    line, _ = self.where()
                    raise InterchangeError(
                        f"{self.source}: the value starting at line {line} is larger than "
                        f"{MAX_VALUE_CHARS >> 20} MB of text; a persona is never that large."
                    ) from None
                self._fill(held)  # twice the window: a large value is re-read a few times, not once per chunk
                continue
            except Refused as exc:
                line, _ = self.where()
                raise InterchangeError(f"{self.source}: {what or 'a value'} (line {line}): {exc}.") from None
            except RecursionError:
                raise InterchangeError(f"{self.source}: the JSON is nested too deeply to be a personas file.") from None
            self._pos = end
            return value

    def at_end(self) -> bool:
        return self.peek() == ""

    def members(self) -> Iterator[str]:
        """The keys of the object at the cursor, one at a time; the caller reads each value."""
        self.take("{", "'{'")
        if self.peek() == "}":
            self._pos += 1
            return
        while True:
            if self.peek() != '"':
                if not self.peek():
                    raise self.truncated()
                raise self.error("Expecting property name enclosed in double quotes")
            key = self.value()
            self.take(":", "':' delimiter")
            yield key
            found = self.peek()
            if found == ",":
                self._pos += 1
                continue
            if found == "}":
                self._pos += 1
                return
            if not found:
                raise self.truncated()
            raise self.error("Expecting ',' delimiter")

    def items(self, what: str = "item") -> Iterator[Any]:
        """Each element of the array at the cursor; ``what`` names them in refusals ("persona #3")."""
        self.take("[", "'['")
        if self.peek() == "]":
            self._pos += 1
            return
        index = 0
        while True:
            index += 1
            yield self.value(f"{what} #{index}")
            found = self.peek()
            if found == ",":
                self._pos += 1
                continue
            if found == "]":
                self._pos += 1
                return
            if not found:
                raise self.truncated()
            raise self.error("Expecting ',' delimiter")
