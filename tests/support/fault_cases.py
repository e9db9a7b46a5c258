"""The attack suite's table of cases and its tally, shared by tests/reliability and benchmarks.

A case is one hostile input or fault: a function that sets the scene in a
fresh folder, runs the real command (or opens the library), and returns a
``Result``: what the user saw plus what the case checked afterwards (was a
device replaced? did a value change?). ``judge`` turns a result into the
problems the issue counts; ``tally`` adds them up for bench_reliability.

To add cases, write a module ``tests/support/fault_cases_<topic>.py`` that
decorates functions with ``@case(...)``; ``all_cases()`` finds every such module.
"""

from __future__ import annotations

import importlib
import os
import pkgutil
import resource
import subprocess
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
#: A hostile case that takes longer than this is a hang.
HANG_AFTER_S = 60


class Skip(Exception):
    """The case cannot run here (no mount, no non-root user); ``str()`` is why."""


@dataclass
class Result:
    """What one case saw. ``code`` None: it hung (killed after HANG_AFTER_S)."""

    code: int | None
    out: str = ""
    err: str = ""
    #: "refuse" (one line, exit 1 or 2) or "work" (exit 0).
    expect: str = "refuse"
    #: Words the one-line message must contain (the real cause).
    words: tuple[str, ...] = ()
    damage_expected: bool = False
    replaced_special: bool = False
    changed_value: bool = False
    notes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Case:
    name: str
    item: str
    run: Callable[[Path], Result]


CASES: dict[str, Case] = {}


def case(name: str, item: str) -> Callable[[Callable[[Path], Result]], Callable[[Path], Result]]:
    """Register ``fn(folder) -> Result`` as an attack case of issue item ``item``."""

    def register(fn: Callable[[Path], Result]) -> Callable[[Path], Result]:
        CASES[name] = Case(name, item, fn)
        return fn

    return register


def all_cases() -> list[Case]:
    """Every registered case, from every tests/support/fault_cases_*.py module."""
    import support

    for info in pkgutil.iter_modules(support.__path__):
        if info.name.startswith("fault_cases_"):
            importlib.import_module(f"support.{info.name}")
    return list(CASES.values())


def run_cli(
    *argv: object,
    as_user: list[str] | None = None,
    home: Path | None = None,
    memory_limit: int | None = 4 << 30,
    cwd: Path | None = None,
) -> Result:
    """The real command (python -m personadesigner), optionally as another user (a prefix
    from support.privileges); its address space is capped so a runaway read or image
    ends as a crash, not as the machine's memory."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in (str(REPO), os.environ.get("PYTHONPATH", "")) if p)}
    if home is not None:
        env.update(
            HOME=str(home),
            XDG_DATA_HOME=str(home / "data"),
            XDG_STATE_HOME=str(home / "state"),
            XDG_CONFIG_HOME=str(home / "config"),
            XDG_CACHE_HOME=str(home / "cache"),
        )

    def limit() -> None:
        if memory_limit:
            resource.setrlimit(resource.RLIMIT_AS, (memory_limit, memory_limit))

    command = [*(as_user or []), sys.executable, "-m", "personadesigner", *map(str, argv)]
    try:
        done = subprocess.run(
            command, capture_output=True, text=True, env=env, cwd=cwd or "/", timeout=HANG_AFTER_S, preexec_fn=limit
        )
    except subprocess.TimeoutExpired as exc:
        return Result(None, _text(exc.stdout), _text(exc.stderr))
    return Result(done.returncode, done.stdout, done.stderr)


def _text(data: bytes | str | None) -> str:
    if data is None:
        return ""
    return data if isinstance(data, str) else data.decode("utf-8", "replace")


def judge(result: Result) -> list[str]:
    """The problems the issue counts, as short labels with detail (empty: the case passed)."""
    problems = []
    err = result.err.strip()
    if result.code is None:
        problems.append("hang")
    elif result.code == 70 or result.code < 0 or "Traceback" in err or "internal error" in err:
        problems.append(f"crash (exit {result.code}): {err[-300:]}")
    if not result.damage_expected and "damaged" in err.lower():
        problems.append(f"false damaged: {err}")
    if result.replaced_special:
        problems.append("replaced a special file")
    if result.changed_value:
        problems.append("silently changed a value")
    if result.code is not None and not problems:
        if result.expect == "refuse":
            lines = err.splitlines()
            if result.code == 1:  # a usage error: argparse's usage lines, then the one error line
                lines = [line for line in lines if "error:" in line]
            if result.code not in (1, 2) or len(lines) != 1:
                problems.append(f"not refused in one line (exit {result.code}): {err[-300:]}")
            missing = [w for w in result.words if w.lower() not in err.lower()]
            if missing:
                problems.append(f"message lacks {missing}: {err}")
        elif result.code != 0:
            problems.append(f"should work, exit {result.code}: {err[-300:]}")
    problems.extend(result.notes)
    return problems


LABELS = (
    "inputs tried",
    "refused cleanly",
    "worked",
    "crashes (exit 70)",
    "hangs",
    'false "damaged"',
    "replaced special files",
    "silently changed values",
    "other failures",
    "skipped",
)


def tally(outcomes: list[tuple[Case, Result | str]]) -> Counter:
    """Counts under LABELS; an outcome is a Result or the reason the case was skipped."""
    counts: Counter = Counter({label: 0 for label in LABELS})
    for _case, outcome in outcomes:
        if isinstance(outcome, str):
            counts["skipped"] += 1
            continue
        counts["inputs tried"] += 1
        problems = judge(outcome)
        if not problems:
            counts["refused cleanly" if outcome.expect == "refuse" else "worked"] += 1
        for problem in problems:
            key = {
                "hang": "hangs",
                "crash": "crashes (exit 70)",
                "false damaged": 'false "damaged"',
                "replaced a special file": "replaced special files",
                "silently changed a value": "silently changed values",
            }
            label = next((v for k, v in key.items() if problem.startswith(k)), "other failures")
            counts[label] += 1
    return counts


def run_case(c: Case, folder: Path) -> Result | str:
    """The case's Result, or the reason it was skipped."""
    try:
        return c.run(folder)
    except Skip as why:
        return str(why)
