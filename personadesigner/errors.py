"""Known errors: problems the user or the environment caused, told in one sentence.

Anything raised as a ``UserError`` is shown as one clear line (CLI: stderr and
exit code 2; app: a dialog). Every other exception is a bug and keeps its
traceback in the log.
"""

from __future__ import annotations


def quoted(value: object, limit: int = 60) -> str:
    """A user's value for a one-line message: in quotes, line breaks shown as ⏎,
    other control characters as spaces, long values shortened with an ellipsis.

    Messages are printed as one line on stderr and shown in dialogs; a raw value
    with line breaks would split them, a 10,000-character one would bury them.
    """
    text = str(value).replace("\r\n", "\n")
    text = "".join("⏎" if ch in "\r\n" else (" " if ord(ch) < 32 or ord(ch) == 127 else ch) for ch in text)
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return f'"{text}"'


class UserError(Exception):
    """A problem with the user's input or environment; ``str()`` is the message."""

    exit_code = 2


class UsageError(UserError):
    """The command was given something that is not even the right kind of value (a malformed
    database URL): a usage error, exit code 1 like argparse's own."""

    exit_code = 1


class ValidationError(UserError):
    """A persona breaks a rule of the model; names the persona and the field."""

    def __init__(self, message: str, *, persona: str = "", field: str = "") -> None:
        super().__init__(message)
        self.persona = persona
        self.field = field

    @property
    def detail(self) -> str:
        """The message without its ``Persona "X": `` lead, for callers that name the persona their own way."""
        message = str(self)
        prefix = f"Persona {quoted(self.persona)}: "
        return message[len(prefix) :] if message.startswith(prefix) else message


class LibraryError(UserError):
    """The library cannot be opened or used (missing folder, not a library, damaged)."""


class ConflictError(UserError):
    """Someone else saved the persona since it was loaded (optimistic locking)."""

    def __init__(self, message: str, *, persona_id: str = "", theirs=None) -> None:
        super().__init__(message)
        self.persona_id = persona_id
        self.theirs = theirs


class InterchangeError(UserError):
    """An import file is unreadable or invalid (truncated JSON, not UTF-8...)."""


class PhotoError(UserError):
    """An image was refused (format, size, truncated)."""


class PreflightFailed(UserError):
    """``--strict`` export and the preflight found cut text."""

    exit_code = 3

    def __init__(self, message: str, cuts: list | None = None) -> None:
        super().__init__(message)
        #: Every cut the preflight found (core.cardlayout.Cut), so a caller can list them all.
        self.cuts = list(cuts or [])
