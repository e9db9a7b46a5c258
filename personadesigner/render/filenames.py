"""File names made from persona names: readable, legal on every system, never clashing."""

from __future__ import annotations

import unicodedata

_FORBIDDEN = set('/\\:*?"<>|')
#: Format characters legal in file names on every system that belong to how a name is spelt.
_JOINERS = frozenset("\u200c\u200d")
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}
MAX_STEM = 120


def safe_stem(name: str, fallback: str = "persona") -> str:
    """``name`` with path separators, wildcards and control characters replaced by "_".

    Unicode letters stay (a Greek or Chinese name stays readable); trailing dots
    and spaces go (Windows drops them), and Windows device names get a suffix.
    """
    chars = []
    for ch in unicodedata.normalize("NFC", name):
        if ch in _JOINERS:
            chars.append(ch)  # part of the name's spelling (a Persian ZWNJ, an emoji ZWJ sequence)
        elif ch in _FORBIDDEN or unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp"):
            chars.append("_")
        else:
            chars.append(ch)
    stem = "".join(chars).strip().rstrip(". ")[:MAX_STEM].rstrip(". ")
    if not stem or set(stem) <= {"_", " ", "."}:
        stem = fallback
    if stem.split(".")[0].upper() in _RESERVED:
        stem += "_"
    return stem


class UniqueNames:
    """Hands out "Name.png", "Name (2).png"... without repeating one (case-insensitively)."""

    def __init__(self) -> None:
        self._taken: set[str] = set()

    def take(self, stem: str, suffix: str) -> str:
        n = 1
        candidate = f"{stem}{suffix}"
        while candidate.casefold() in self._taken:
            n += 1
            candidate = f"{stem} ({n}){suffix}"
        self._taken.add(candidate.casefold())
        return candidate
