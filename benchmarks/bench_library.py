"""Library speed figures against the targets of the storage brief.

Prints "name: value (target)" for:
  (a) importing 10,000 personas from a JSON file in-process (json_io.read_json + Library.add_many),
  (b) opening a 10,000-persona library in-process (Library.open + count + first list page),
  (c) `python -m personadesigner list --library F --search TEXT` as a whole process.
Run: python benchmarks/bench_library.py [--count N]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from personadesigner.core.persona import PERSONA_TYPES, Persona  # noqa: E402
from personadesigner.storage.library import Library  # noqa: E402

PAGE = 50


def persona_dict(i: int) -> dict:
    return {
        "name": f"Persona {i:05d}",
        "type": PERSONA_TYPES[i % len(PERSONA_TYPES)],
        "role": f"Role {i % 97} at company {i % 13}",
        "quote": "I want tools that simply work, every day.",
        "story": "A longer background narrative. " * 8,
        "company": f"Company {i % 13}",
        "industry": ["Retail", "Fintech", "Health"][i % 3],
        "goals": [f"Goal {j} of persona {i}" for j in range(4)],
        "pain_points": ["Too many tools", "Slow reports", f"Pain {i % 41}"],
        "channels": ["Email", "LinkedIn"],
        "tags": [f"tag{i % 20}", "bench"],
        "traits": [{"left": "Introvert", "right": "Extrovert", "value": i % 101}],
        "sources": [{"kind": "interview", "title": f"Interview {i}", "date": "2026-01-15", "note": ""}],
    }


def timed(fn, repeat: int = 1):
    """Best wall time of ``repeat`` runs (other work on the machine only ever adds time)."""
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - start)
    return best, result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    args = parser.parse_args()
    n = args.count
    print(f"(best of several runs; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs)")
    with tempfile.TemporaryDirectory() as tmp:
        json_path = Path(tmp) / "personas.json"
        json_path.write_text(
            json.dumps({"format": "personadesigner.personas/1", "personas": [persona_dict(i) for i in range(n)]}),
            encoding="utf-8",
        )
        library_path = Path(tmp) / "bench.sqlite"
        with Library.open(str(library_path)):
            pass
        try:
            from personadesigner.interchange.json_io import read_json

            source = "interchange.json_io.read_json"

            def load() -> list[Persona]:
                return read_json(json_path).personas
        except ImportError:  # before interchange exists: parse with the model's own mapping
            from personadesigner.core.persona import persona_from_dict

            source = "core.persona.persona_from_dict"

            def load() -> list[Persona]:
                data = json.loads(json_path.read_text(encoding="utf-8"))
                return [persona_from_dict(d)[0] for d in data["personas"]]

        runs = iter(range(1000))

        def import_all() -> int:
            target = library_path if next(runs) == 0 else Path(tmp) / f"again{time.monotonic_ns()}.sqlite"
            with Library.open(str(target)) as lib:
                return len(lib.add_many(load()))

        seconds, stored = timed(import_all, repeat=2)
        assert stored == n
        print(f"import {n} personas from JSON ({source} + add_many): {seconds:.2f} s (target <= 3 s)")

        def open_library() -> int:
            lib = Library.open(str(library_path))
            try:
                total = lib.count()
                lib.list()[:PAGE]
                return total
            finally:
                lib.close()

        open_library()  # warm the OS file cache as a second start of the app would be
        seconds, total = timed(open_library, repeat=5)
        assert total == n
        print(f"open a {n}-persona library (open + count + first list page): {seconds:.3f} s (target <= 0.2 s)")

        if (ROOT / "personadesigner" / "cli.py").exists():
            command = [
                sys.executable,
                "-m",
                "personadesigner",
                "list",
                "--library",
                str(library_path),
                "--search",
                "goal 3 of persona 12",
            ]
            env = {**os.environ, "PYTHONPATH": str(ROOT)}
            subprocess.run(command, cwd=ROOT, env=env, capture_output=True)  # warm-up
            seconds, done = timed(
                lambda: subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True), repeat=3
            )
            if done.returncode != 0:
                print(f"list --search over {n}: failed (exit {done.returncode}): {done.stderr.strip()[-300:]}")
            else:
                hits = len([line for line in done.stdout.splitlines() if line.strip()])
                print(
                    f"list --search over {n} as a whole process: {seconds:.3f} s (target <= 0.5 s; {hits} output lines)"
                )
        else:
            print(f"list --search over {n} as a whole process: skipped (the CLI is not there yet)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
