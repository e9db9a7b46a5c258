"""Interchange speed figures: JSON and CSV export and import of N personas (no library).

Prints "name: value" lines. Run: python benchmarks/bench_interchange.py [--count N]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from personadesigner.core.persona import PERSONA_TYPES, Persona, Source, Trait  # noqa: E402
from personadesigner.interchange.csv_io import read_csv, write_csv  # noqa: E402
from personadesigner.interchange.json_io import read_json, write_json  # noqa: E402


def persona(i: int) -> Persona:
    return Persona(
        name=f"Persona {i:05d} Zoë 😀",
        type=PERSONA_TYPES[i % len(PERSONA_TYPES)],
        role=f"Role {i % 97}",
        story='A longer background narrative, with commas, "quotes" and ümlauts. ' * 6,
        goals=[f"Goal {j} of persona {i}" for j in range(4)],
        pain_points=["=not a formula", "Slow reports; every week"],
        traits=[Trait("Introvert", "Extrovert", i % 101)],
        sources=[Source("interview", f"Round {i % 7}", "2026-03-12", "note")],
        tags=["bench"],
    )


def timed(label: str, work) -> None:
    start = time.perf_counter()
    work()
    print(f"{label}: {time.perf_counter() - start:.2f} s")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=10_000)
    n = parser.parse_args().count
    personas = [persona(i) for i in range(n)]
    with tempfile.TemporaryDirectory() as tmp:
        j, c = Path(tmp) / "p.json", Path(tmp) / "p.csv"
        timed(f"write_json {n}", lambda: write_json(personas, j))
        timed(f"read_json {n} (parse + validate)", lambda: read_json(j))
        timed(f"write_csv {n}", lambda: write_csv(personas, c))
        timed(f"read_csv {n} (parse + validate)", lambda: read_csv(c))
        print(f"file sizes: JSON {j.stat().st_size // 1024} KB, CSV {c.stat().st_size // 1024} KB")


if __name__ == "__main__":
    main()
