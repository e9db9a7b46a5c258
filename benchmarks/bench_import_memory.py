"""Peak memory of `personadesigner import` as a whole process: it must not grow with the file.

Prints "name: value" lines: the import's peak RSS (VmHWM of the import process,
which includes the interpreter, SQLAlchemy and the parsers) and its time, for

- 100,000 personas as JSON and as CSV (the scale goal: <= 300 MiB, <= 12 s),
- a JSON file of about 200 MB (long stories; goal <= 300 MiB),
- with --million: a CSV of 1,000,000 rows (goal <= 300 MiB; takes minutes).

The files are generated here, written a persona at a time. --compare DIR runs
the 100,000-persona JSON import with another checkout too (e.g. the main tree
before streaming import), for a before/after figure from the same run.

Run: python benchmarks/bench_import_memory.py [--million] [--compare /path/to/checkout]
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOAL_MIB = 300
#: The time goal of the 100,000-persona imports (issue 14), wall seconds.
GOAL_S = 12.0
FORMAT = "personadesigner.personas/1"


def persona_dict(i: int, story_chars: int) -> dict:
    return {
        "name": f"Persona {i:07d} Zoë",
        "type": ("buyer", "end_user", "decision_maker", "influencer", "negative")[i % 5],
        "role": f"Role {i % 97}",
        "story": ('A longer background narrative, with commas, "quotes" and ümlauts. ' * (story_chars // 64 + 1))[
            :story_chars
        ],
        "goals": [f"Goal {j} of persona {i}" for j in range(4)],
        "pain_points": ["Slow reports; every week", "Manual work"],
        "traits": [{"left": "Introvert", "right": "Extrovert", "value": i % 101}],
        "sources": [{"kind": "interview", "title": f"Round {i % 7}", "date": "2026-03-12", "note": "n=12"}],
        "tags": ["bench", f"group-{i % 13}"],
    }


def write_json_file(path: Path, count: int, story_chars: int) -> None:
    with path.open("w", encoding="utf-8") as fh:
        fh.write(f'{{"format": "{FORMAT}", "personas": [\n')
        for i in range(count):
            fh.write(("," if i else "") + json.dumps(persona_dict(i, story_chars), ensure_ascii=False) + "\n")
        fh.write("]}\n")


def write_csv_file(path: Path, count: int) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["Name", "Type", "Role", "Story", "Goals", "Pain points", "Traits", "Tags"])
        for i in range(count):
            p = persona_dict(i, 200)
            writer.writerow(
                [
                    p["name"],
                    p["type"],
                    p["role"],
                    p["story"],
                    "\n".join(p["goals"]),
                    "\n".join(p["pain_points"]),
                    f"Introvert - Extrovert: {i % 101}",
                    "bench",
                ]
            )


#: The command, printing its own peak RSS at exit (VmHWM counts this program only; a forked
#: child's ru_maxrss would include the pages it shared with the parent before exec).
_MEASURED = """
import atexit, sys
def _peak():
    with open("/proc/self/status") as status:
        sys.stderr.write(next(line for line in status if line.startswith("VmHWM:")))
atexit.register(_peak)
from personadesigner.cli import main
sys.exit(main(sys.argv[1:]))
"""


def run_import(tree: Path, library: Path, data: Path) -> tuple[float, float, str]:
    """(peak RSS in MiB, seconds, what the import said) of one import as its own process."""
    for suffix in ("", "-wal", "-shm"):
        Path(str(library) + suffix).unlink(missing_ok=True)
    env = {**os.environ, "PYTHONPATH": str(tree)}
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-c", _MEASURED, "import", "--library", str(library), str(data)],
        capture_output=True,
        text=True,
        env=env,
        cwd=tree,
    )
    took = time.perf_counter() - start
    lines = (proc.stdout + proc.stderr).strip().splitlines()
    peak_kib = next((int(ln.split()[1]) for ln in lines if ln.startswith("VmHWM:")), 0)
    said = [ln for ln in lines if not ln.startswith("VmHWM:")]
    return peak_kib / 1024, took, said[-1] if said else f"exit {proc.returncode}"


def report(label: str, tree: Path, library: Path, data: Path, timed: bool = True) -> None:
    """One import's figures against the goals: memory always, time for the 100,000-persona files."""
    peak, took, said = run_import(tree, library, data)
    size = data.stat().st_size / (1 << 20)
    verdict = "meets" if peak <= GOAL_MIB else "MISSES"
    goals = f"{verdict} <= {GOAL_MIB} MiB"
    if timed:
        goals += f", {'meets' if took <= GOAL_S else 'MISSES'} <= {GOAL_S:.0f} s"
    print(f"{label} ({size:.0f} MB file): peak RSS {peak:.0f} MiB, {took:.1f} s -> {goals} [{said}]", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--million", action="store_true", help="also import a 1,000,000-row CSV (minutes)")
    parser.add_argument("--compare", type=Path, help="another checkout to run the 100,000-persona JSON import with")
    args = parser.parse_args()
    print(f"load average: {os.getloadavg()[0]:.2f}")
    with tempfile.TemporaryDirectory(prefix="bench-import-") as tmp:
        tmp_path = Path(tmp)
        library = tmp_path / "library.sqlite"
        json_100k, csv_100k, json_200mb = tmp_path / "100k.json", tmp_path / "100k.csv", tmp_path / "200mb.json"
        write_json_file(json_100k, 100_000, 200)
        write_csv_file(csv_100k, 100_000)
        write_json_file(json_200mb, 100_000, 1700)
        report("import 100,000 personas from CSV", ROOT, library, csv_100k)
        report("import 100,000 personas from JSON", ROOT, library, json_100k)
        report("import 100,000 personas from a 200 MB JSON", ROOT, library, json_200mb)
        if args.million:
            csv_1m = tmp_path / "1m.csv"
            write_csv_file(csv_1m, 1_000_000)
            report("import 1,000,000 rows of CSV", ROOT, library, csv_1m, timed=False)
        if args.compare:
            report(f"import 100,000 personas from JSON with {args.compare}", args.compare, library, json_100k)


if __name__ == "__main__":
    main()
