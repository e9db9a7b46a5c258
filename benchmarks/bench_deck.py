"""A 50-persona deck with every set page, as whole processes: PPTX (goal <= 3 s) and PDF (<= 2 s).

The 50 personas are the samples repeated with new names (their links kept within
each copy), imported into a temporary library first; each export is timed as
the user runs it (`python -m personadesigner export --all --deck ...`), best of 3.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
COUNT = 50


def _personas() -> dict:
    data = json.loads((REPO / "resources" / "samples" / "sample-personas.json").read_text())
    base = data["personas"]
    out = []
    for i in range(COUNT):
        p = dict(base[i % len(base)])
        copy = i // len(base)
        p["name"] = f"{p['name']} {copy + 1}"
        p["related"] = [{**r, "persona": f"{r['persona']} {copy + 1}"} for r in p.get("related") or []]
        out.append(p)
    data["personas"] = out
    return data


def _run(*argv: object) -> float:
    env = {**os.environ, "PYTHONPATH": str(REPO), "QT_QPA_PLATFORM": "offscreen"}
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "personadesigner", *map(str, argv)], check=True, env=env, capture_output=True)
    return time.perf_counter() - start


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "fifty.json"
        src.write_text(json.dumps(_personas()))
        lib = Path(tmp) / "lib.pdlib"
        _run("import", "--library", lib, src)
        for fmt, goal in (("pptx", 3.0), ("pdf", 2.0)):
            out = Path(tmp) / f"deck.{fmt}"
            best = min(_run("export", "--library", lib, "--all", "--deck", "--out", out) for _ in range(3))
            print(
                f"{COUNT}-persona deck, all set pages, {fmt.upper()}: {best:.2f} s whole process "
                f"(goal <= {goal:.0f} s, {out.stat().st_size // 1024} KiB)"
            )
    print(f"load average: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
