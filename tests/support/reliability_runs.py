"""The crash and concurrency experiments, shared by the tests (small counts) and the benchmark."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from personadesigner.core.persona import Persona
from personadesigner.storage.integrity import quick_check
from personadesigner.storage.library import Library

WORKERS = Path(__file__).resolve().parent / "workers.py"


def _spawn(*args: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, str(WORKERS), *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, bufsize=1
    )


def _wait_for(proc: subprocess.Popen, word: str) -> None:
    line = proc.stdout.readline().strip()
    if line != word:
        proc.kill()
        raise RuntimeError(f"worker said {line!r} instead of {word!r}: {proc.stderr.read()[-2000:]}")


@dataclass
class CrashReport:
    edits: int = 0
    rounds: int = 0
    kills: int = 0
    lost: int = 0
    failed_checks: int = 0
    notes: list[str] = field(default_factory=list)


def crash_edits(
    library: Path, total: int = 1000, slots: int = 20, seed: int = 5, max_delay: float = 0.5
) -> CrashReport:
    """Run ``total`` autosaved edits in children killed with SIGKILL at random moments."""
    rng = random.Random(seed)
    with Library.open(str(library)) as lib:
        lib.add_many([Persona(name=f"slot-{i}") for i in range(slots)])
    report = CrashReport()
    promised: dict[int, int] = {}  # slot -> newest edit the child reported committed
    done = 0
    while done < total:
        proc = _spawn("edits", str(library), str(done), str(total))
        _wait_for(proc, "ready")
        report.rounds += 1
        killer = threading.Timer(rng.uniform(0.01, max_delay), proc.send_signal, (signal.SIGKILL,))
        killer.start()
        finished = False
        for line in proc.stdout:  # until the child ends or is killed; every line was committed
            line = line.strip()
            if line == "done":
                finished = True
            elif line.isdigit():
                promised[int(line) % slots] = int(line)
                done = max(done, int(line) + 1)
        killer.cancel()
        proc.wait()
        if not finished and proc.returncode == -signal.SIGKILL:
            report.kills += 1
        proc.stdout.close()
        proc.stderr.close()
        if quick_check(library):
            report.failed_checks += 1
        with Library.open(str(library)) as lib:
            stored = {s.name: lib.get(s.id) for s in lib.list()}
        for slot, i in promised.items():
            notes = stored[f"slot-{slot}"].notes
            if not notes or int(notes) < i:
                report.lost += 1
                report.notes.append(f"slot {slot}: promised edit {i}, stored {notes!r}")
    report.edits = done
    return report


@dataclass
class ImportCrashReport:
    count: int = 0
    import_seconds: float = 0.0  # one unkilled import, measured to aim the kills
    counts: list[int] = field(default_factory=list)  # personas stored after each round (-1: damaged)
    mid_import: list[bool] = field(default_factory=list)  # killed before the worker said "committed"

    @property
    def torn(self) -> int:
        """Rounds that stored neither all nor nothing (or left a damaged file)."""
        return sum(1 for c in self.counts if c not in (0, self.count))

    @property
    def killed_mid_import_and_stored_nothing(self) -> int:
        return sum(1 for mid, c in zip(self.mid_import, self.counts) if mid and c == 0)


def _fresh(library: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(str(library) + suffix).unlink(missing_ok=True)


def _timed_import(library: Path, count: int) -> float:
    """Seconds from the worker's "begin" to its "committed" in one import left to finish."""
    proc = _spawn("import", str(library), str(count))
    _wait_for(proc, "begin")
    start = time.perf_counter()
    _wait_for(proc, "committed")
    took = time.perf_counter() - start
    proc.wait()
    proc.stdout.close()
    proc.stderr.close()
    _fresh(library)
    return took


def crash_imports(library: Path, rounds: int = 3, count: int = 3000, seed: int = 7) -> ImportCrashReport:
    """Kill a child during one big add_many, at a random moment inside a measured import's duration.

    Each round records whether the kill came before the worker printed "committed"
    (a kill after the commit proves nothing about all-or-nothing) and how many
    personas the library holds afterwards.
    """
    rng = random.Random(seed)
    report = ImportCrashReport(count=count, import_seconds=_timed_import(library, count))
    for _ in range(rounds):
        proc = _spawn("import", str(library), str(count))
        _wait_for(proc, "begin")
        time.sleep(rng.uniform(0.1, 0.7) * report.import_seconds)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        said = proc.stdout.read()
        proc.stdout.close()
        proc.stderr.close()
        report.mid_import.append("committed" not in said.split())
        if quick_check(library):
            report.counts.append(-1)  # a damaged file: never acceptable
        else:
            with Library.open(str(library)) as lib:
                report.counts.append(lib.count())
        _fresh(library)  # start each round with a new library
    return report


@dataclass
class ConcurrencyReport:
    attempts: int
    personas_added: int
    counter: int
    expected_counter: int
    conflicts: int
    errors: list[str]

    @property
    def lost_updates(self) -> int:
        return (self.attempts // 2 - self.personas_added) + (self.expected_counter - self.counter)


def concurrent_writes(library: Path, per_process: int = 500, processes: int = 2) -> ConcurrencyReport:
    with Library.open(str(library)) as lib:
        counter_id = lib.add(Persona(name="counter", notes="0")).id
    go = library.with_name("go")
    procs = [
        _spawn("concurrent", str(library), f"w{k}", str(per_process), counter_id, str(go)) for k in range(processes)
    ]
    for proc in procs:
        _wait_for(proc, "ready")
    go.touch()
    conflicts, errors = 0, []
    for proc in procs:
        out, err = proc.communicate(timeout=600)
        if proc.returncode != 0:
            errors.append(err.strip().splitlines()[-1] if err.strip() else f"exit {proc.returncode}")
        for line in out.splitlines():
            if line.startswith("conflicts "):
                conflicts += int(line.split()[1])
    with Library.open(str(library)) as lib:
        added = sum(1 for s in lib.list() if s.name != "counter")
        counter = int(lib.get(counter_id).notes)
    return ConcurrencyReport(
        attempts=per_process * processes,
        personas_added=added,
        counter=counter,
        expected_counter=(per_process // 2) * processes,
        conflicts=conflicts,
        errors=errors,
    )
