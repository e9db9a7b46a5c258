"""Start-up figures of the command line, each beside its baseline from the same run.

Prints, as whole processes (median of RUNS, after one uncounted warm-up of each,
the sides in turn so a machine that gets busier weighs on all alike):
  (a) `personadesigner list` on a 10,000-persona library beside `python -c "import
      sqlalchemy"` (goal: <= 1.2x) and `python -c pass`;
  (b) `personadesigner list --search` on a 100,000-persona library beside the same
      LIKE query in the sqlite3 shell (goal: <= 3x), and the same search given the
      library as a sqlite:/// URL, which goes through the Library and SQLAlchemy (a file
      path is read with the sqlite3 module alone: storage.direct_read);
  (c) where the start-up goes: `python -X importtime` of `list`, split into what
      `python -c pass` loads anyway and what the command loads beyond it, whether
      SQLAlchemy was among them, and the full quick_check that read-only commands skip
      on an unchanged file.
Needs the sqlite3 shell for (b) (`apt-get install sqlite3`).
Run: python benchmarks/bench_start.py [--count 10000] [--search-count 100000] [--runs 7]
"""

from __future__ import annotations

import argparse
import collections
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_export import bytecode_env, children_cpu  # noqa: E402
from bench_library import persona_dict  # noqa: E402

NEEDLE = "goal 3 of persona 12"


def make_library(path: Path, count: int) -> None:
    from personadesigner.core.persona import persona_from_dict
    from personadesigner.storage.library import Library

    with Library.open(str(path)) as lib:
        for start in range(0, count, 10_000):
            lib.add_many([persona_from_dict(persona_dict(i))[0] for i in range(start, min(count, start + 10_000))])


def timed_sides(sides: dict[str, list[str]], runs: int) -> dict[str, tuple[float, float]]:
    """Median (wall, CPU) seconds of each side; CPU (user + system of the process) is what the
    start-up costs when the machine is shared, where waiting for a core adds wall time."""
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in sides}
    env = bytecode_env()
    for run in range(runs + 1):  # run 0: bytecode, page cache, the first full check of each library
        for name, argv in sides.items():
            cpu = children_cpu()
            start = time.perf_counter()
            done = subprocess.run(argv, capture_output=True, env=env)
            took = (time.perf_counter() - start, children_cpu() - cpu)
            if done.returncode != 0:
                raise SystemExit(f"{name} failed: {done.stderr.decode(errors='replace').strip()[-300:]}")
            if run:
                times[name].append(took)
    return {name: (statistics.median(w for w, _ in t), statistics.median(c for _, c in t)) for name, t in times.items()}


def import_times(argv: list[str], runs: int = 3) -> tuple[float, float, list[tuple[str, float]], bool]:
    """(ms importing what `python -c pass` imports, ms beyond it, the largest modules beyond it,
    whether SQLAlchemy was imported)."""

    def self_times(args: list[str]) -> dict[str, int]:
        err = subprocess.run(
            [sys.executable, "-X", "importtime", *args], capture_output=True, text=True, env=bytecode_env()
        ).stderr
        found = {}
        for line in err.splitlines():
            m = re.match(r"import time:\s+(\d+) \|\s+\d+ \|\s*(\S+)", line)
            if m:
                found[m.group(2)] = int(m.group(1))
        return found

    shared, beyond, sqlalchemy = 0.0, collections.Counter(), False
    for _ in range(runs):
        base = set(self_times(["-c", "pass"]))
        found = self_times(argv)
        sqlalchemy = sqlalchemy or "sqlalchemy" in found
        for module, us in found.items():
            if module in base:
                shared += us
            else:
                beyond[module] += us
    return (
        shared / runs / 1000,
        sum(beyond.values()) / runs / 1000,
        [(m, us / runs / 1000) for m, us in beyond.most_common(8)],
        sqlalchemy,
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--search-count", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    py = sys.executable
    load = os.getloadavg()
    with tempfile.TemporaryDirectory() as name:
        small, big = Path(name) / "small.sqlite", Path(name) / "big.sqlite"
        make_library(small, args.count)
        make_library(big, args.search_count)
        sides = {
            "pass": [py, "-c", "pass"],
            "sqlalchemy": [py, "-c", "import sqlalchemy"],
            "list": [py, "-m", "personadesigner", "list", "--library", str(small)],
            "search": [py, "-m", "personadesigner", "list", "--library", str(big), "--search", NEEDLE],
        }
        shell = shutil.which("sqlite3")
        if shell:
            sides["through the Library"] = [
                py,
                "-m",
                "personadesigner",
                "list",
                "--library",
                f"sqlite:///{big}",
                "--search",
                NEEDLE,
            ]
            sides["shell"] = [
                shell,
                str(big),
                "SELECT name, type, role FROM personas WHERE deleted_at IS NULL "
                f"AND search_text LIKE '%{NEEDLE}%' ORDER BY name",
            ]
        got = timed_sides(sides, args.runs)
        shared, beyond, largest, with_sqlalchemy = import_times(
            ["-m", "personadesigner", "list", "--library", str(small)]
        )
        from personadesigner.storage.integrity import quick_check

        start = time.perf_counter()
        quick_check(big)
        check_ms = (time.perf_counter() - start) * 1000
    ms = {k: v[0] * 1000 for k, v in got.items()}
    cpu = {k: v[1] * 1000 for k, v in got.items()}
    print(
        f"whole processes, median of {args.runs}; load average (1, 5, 15 min) before / after: "
        + " ".join(f"{v:.2f}" for v in load)
        + " / "
        + " ".join(f"{v:.2f}" for v in os.getloadavg())
        + f" on {os.cpu_count()} CPUs"
    )

    def row(label: str, name: str, base: str | None = None, goal: str = "") -> None:
        ratio = ""
        if base:
            ratio = f" = {ms[name] / ms[base]:.2f}x wall, {cpu[name] / cpu[base]:.2f}x CPU of {base_names[base]}{goal}"
        print(f"  {label:<36} {ms[name]:7.1f} ms wall {cpu[name]:7.1f} ms CPU{ratio}")

    base_names = {"sqlalchemy": "import sqlalchemy", "shell": "the sqlite3 shell"}
    row("python -c pass", "pass")
    row("python -c 'import sqlalchemy'", "sqlalchemy")
    row(f"personadesigner list ({args.count:,})", "list", "sqlalchemy", " (goal <= 1.2x)")
    if "shell" in ms:
        row(f"sqlite3 shell LIKE ({args.search_count:,})", "shell")
        row(f"list --search ({args.search_count:,})", "search", "shell", " (goal <= 3x)")
        row("the same as a sqlite:/// URL", "through the Library", "shell")
        print(
            f"  floor of any command that loads SQLAlchemy: python + import sqlalchemy = "
            f"{ms['sqlalchemy'] / ms['shell']:.2f}x wall, {cpu['sqlalchemy'] / cpu['shell']:.2f}x CPU "
            "of the shell's whole query"
        )
    else:
        row(f"list --search ({args.search_count:,})", "search")
        print("  (the sqlite3 shell is not installed: no search ratio)")
    print(
        f"  imports of `list` (python -X importtime, self times): {shared:.0f} ms are what python -c pass "
        f"loads anyway, {beyond:.0f} ms beyond it; SQLAlchemy {'loaded' if with_sqlalchemy else 'not loaded'}:"
    )
    print("    " + ", ".join(f"{m} {t:.1f}" for m, t in largest))
    print(
        f"  full quick_check of the {args.search_count:,}-persona file (skipped by read-only commands "
        f"when unchanged): {check_ms:.0f} ms"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
