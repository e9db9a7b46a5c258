"""What the command line does with a bug: keep the traceback, tell the user one line.

A traceback helps the developer but not the user; it goes to a log file in
the user log dir, and the terminal says it is a bug and where the log is.
"""

from __future__ import annotations

import datetime as _dt
import sys
import traceback
from pathlib import Path

from personadesigner import __version__

LOG_NAME = "personadesigner.log"


def log_dir() -> Path:
    from platformdirs import user_log_dir

    return Path(user_log_dir("personadesigner", appauthor=False))


def report_bug(exc: BaseException) -> Path | None:
    """Append the traceback to the log and print one line on stderr; returns the log path."""
    text = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    stamp = _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds")
    entry = f"--- {stamp} personadesigner {__version__}: {' '.join(sys.argv)}\n{text}\n"
    path = log_dir() / LOG_NAME
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as fh:
            fh.write(entry)
    except OSError:
        sys.stderr.write(entry)
        print(
            f"personadesigner: internal error (a bug): {type(exc).__name__}; the details are above, please report them.",
            file=sys.stderr,
        )
        return None
    print(
        f"personadesigner: internal error (a bug): {type(exc).__name__}: {_short(exc)}. "
        f"The details are in {path}; please report it.",
        file=sys.stderr,
    )
    return path


def _short(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return text if len(text) <= 200 else text[:199] + "…"
