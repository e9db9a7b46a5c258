"""A real ``personadesigner`` process that waits at a barrier before it runs its command.

Run as ``python race_worker.py GO_FILE ARG...``: the interpreter and the CLI are
imported first, then the worker says "ready" and polls for GO_FILE, so two
workers released together start their command within a few milliseconds of
each other (what two users clicking at once would do). It prints the exit code
the real command would return, after what the command printed.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # the work tree, not an installed copy

import personadesigner.cli.commands  # noqa: E402,F401 - imported before the barrier, like the CLI itself
import personadesigner.storage.library  # noqa: E402,F401
from personadesigner.cli import main  # noqa: E402

if __name__ == "__main__":
    go_file, *argv = sys.argv[1:]
    print("ready", flush=True)
    while not os.path.exists(go_file):
        time.sleep(0.001)
    sys.stdout.flush()
    raise SystemExit(main(argv))
