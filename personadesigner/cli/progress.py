"""A progress bar on stderr for long command-line exports.

Short exports stay silent (the bar only appears after a second), and so do
pipes and logs: the bar is drawn only on a terminal, or when
PERSONADESIGNER_PROGRESS=1 asks for it (tests, wrappers that show stderr).
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from typing import TextIO

DELAY_SECONDS = 1.0
WIDTH = 30


class ProgressBar:
    """Call it with (done, total); ``close()`` ends the line if one was drawn."""

    def __init__(
        self,
        label: str = "Exporting",
        *,
        stream: TextIO | None = None,
        clock: Callable[[], float] = time.monotonic,
        enabled: bool | None = None,
    ) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.label = label
        self._clock = clock
        self._start = clock()
        if enabled is None:
            enabled = os.environ.get("PERSONADESIGNER_PROGRESS") == "1" or _isatty(self.stream)
        self.enabled = enabled
        self.shown = False

    def __call__(self, done: int, total: int, *_: object) -> None:
        if not self.enabled or self._clock() - self._start < DELAY_SECONDS:
            return
        total = max(total, 1)
        done = min(max(done, 0), total)
        filled = round(WIDTH * done / total)
        self.stream.write(f"\r{self.label} [{'#' * filled}{'.' * (WIDTH - filled)}] {done}/{total}")
        self.stream.flush()
        self.shown = True

    def close(self) -> None:
        if self.shown:
            self.stream.write("\n")
            self.stream.flush()
            self.shown = False

    def __enter__(self) -> ProgressBar:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
