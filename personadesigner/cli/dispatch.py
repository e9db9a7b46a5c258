"""Which words open the app and which are mistyped commands.

``personadesigner exprot`` once created a library called ``exprot`` and opened
the app. Only an existing library file, a path ending in ``.sqlite`` or a
database URL opens the app (design/architecture.md, "Command line contract");
any other word is a usage error that names the closest command.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

#: A database URL: "postgresql+psycopg://...", "sqlite:///...".
_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*://")
LIBRARY_SUFFIX = ".sqlite"


def opens_app(word: str) -> bool:
    """Whether ``word`` names a library the app can open (or create, for a .sqlite path)."""
    if _URL.match(word) or word.lower().endswith(LIBRARY_SUFFIX):
        return True
    try:
        return Path(word).expanduser().is_file()
    except (OSError, ValueError):  # a name the file system cannot even look up
        return False


def closest(word: str, commands: Iterable[str]) -> str | None:
    """The command ``word`` was most likely meant to be, or None when nothing is close."""
    import difflib  # only for a mistyped word: not on every start

    choices = list(commands)
    found = difflib.get_close_matches(word.lower(), choices, n=1, cutoff=0.6)
    if found:
        return found[0]
    prefixed = [c for c in choices if len(word) >= 2 and c.startswith(word.lower())]
    return prefixed[0] if len(prefixed) == 1 else None


def unknown_word_message(word: str, commands: Iterable[str]) -> str:
    """The one-sentence usage error for a word that is neither a command nor a library."""
    commands = list(commands)
    guess = closest(word, commands)
    if guess is not None:
        return f"unknown command '{word}' — did you mean '{guess}'?"
    if "/" in word or "\\" in word or Path(word).suffix:
        return (
            f"'{word}' is neither a command nor an existing library file "
            f"(a new library's file name ends in {LIBRARY_SUFFIX})"
        )
    return f"unknown command '{word}' (choose from: {', '.join(commands)})"
