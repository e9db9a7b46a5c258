"""Child processes for the crash and concurrency tests (and benchmarks/bench_reliability.py).

Run as ``python tests/support/workers.py COMMAND ...``. A worker prints a line
only AFTER the change it names was committed, and flushes it, so whatever the
parent read before a SIGKILL is a promise the library must keep.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # the work tree, not an installed copy

from personadesigner.core.persona import Persona  # noqa: E402
from personadesigner.errors import ConflictError  # noqa: E402
from personadesigner.storage.library import Library  # noqa: E402


def edits(library: str, start: int, stop: int) -> None:
    """Autosaved edits: edit i writes notes=str(i) on persona "slot-<i % slots>"."""
    with Library.open(library) as lib:
        slots = {s.name: s.id for s in lib.list()}
        n_slots = len(slots)
        print("ready", flush=True)
        for i in range(start, stop):
            p = lib.get(slots[f"slot-{i % n_slots}"])
            p.notes = str(i)
            p.story = f"edit {i} " * 20
            lib.update(p)
            print(i, flush=True)
    print("done", flush=True)


def import_batch(library: str, count: int) -> None:
    """One big add_many: all or nothing."""
    with Library.open(library) as lib:
        batch = [Persona(name=f"imported-{i}", role="bulk", story="x" * 200, goals=["a", "b"]) for i in range(count)]
        print("begin", flush=True)
        lib.add_many(batch)
        print("committed", flush=True)


def concurrent(library: str, worker: str, count: int, counter_id: str, go_file: str) -> None:
    """``count`` write attempts: even i adds a persona of our own, odd i increments the shared counter."""
    with Library.open(library) as lib:
        print("ready", flush=True)
        while not os.path.exists(go_file):
            time.sleep(0.005)
        conflicts = 0
        for i in range(count):
            if i % 2 == 0:
                lib.add(Persona(name=f"{worker}-{i}"))
                continue
            while True:  # the optimistic-locking retry loop an app would run
                counter = lib.get(counter_id)
                counter.notes = str(int(counter.notes or "0") + 1)
                try:
                    lib.update(counter)
                    break
                except ConflictError:
                    conflicts += 1
        print(f"conflicts {conflicts}", flush=True)


if __name__ == "__main__":
    command, *rest = sys.argv[1:]
    if command == "edits":
        edits(rest[0], int(rest[1]), int(rest[2]))
    elif command == "import":
        import_batch(rest[0], int(rest[1]))
    elif command == "concurrent":
        concurrent(rest[0], rest[1], int(rest[2]), rest[3], rest[4])
    else:
        raise SystemExit(f"unknown command {command}")
