"""Start to the first painted window: the desktop bundle against the installed package.

Both are whole processes started the same way on the same library, offscreen,
with PERSONADESIGNER_SMOKE_QUIT=1: the app prints "first paint" when its window
is on screen (the clock stops when this script reads that line) and quits once
the library is open. The package runs as `python -m personadesigner` from this
checkout with its bytecode cached, as an installed package has it.
One warm-up start of each (OS file cache, bytecode), then the median of --runs.
Target: bundle <= 1.5x the package.

Run: packaging/build.sh && python benchmarks/bench_bundle.py [--runs 5] [--bundle DIR]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = 1.5


def first_paint(argv: list[str], env: dict[str, str]) -> float:
    """Seconds from starting ``argv`` to its "first paint" line; the process must then exit 0."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)
    assert proc.stdout is not None
    seconds = None
    for line in proc.stdout:
        if line.strip() == "first paint":
            seconds = time.perf_counter() - start
            break
    try:
        _out, err = proc.communicate(timeout=120)
    except subprocess.TimeoutExpired:
        proc.kill()
        raise SystemExit(f"bench_bundle: {argv[0]} did not quit") from None
    if seconds is None or proc.returncode != 0:
        raise SystemExit(f"bench_bundle: {argv[0]} failed (exit {proc.returncode}): {err[-2000:]}")
    return seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / "personadesigner")
    args = parser.parse_args()
    exe = args.bundle / "personadesigner"
    if not exe.is_file():
        raise SystemExit(f"bench_bundle: no bundle at {args.bundle} (run packaging/build.sh)")

    with tempfile.TemporaryDirectory() as tmp:
        base = {
            key: value
            for key, value in os.environ.items()
            if key not in ("PYTHONPATH", "PYTHONDONTWRITEBYTECODE", "PERSONADESIGNER_LIBRARY")
        }
        env = {
            **base,
            "QT_QPA_PLATFORM": "offscreen",
            "PERSONADESIGNER_SMOKE_QUIT": "1",
            "XDG_CONFIG_HOME": f"{tmp}/config",
            "XDG_DATA_HOME": f"{tmp}/data",
            "XDG_STATE_HOME": f"{tmp}/state",
            "XDG_CACHE_HOME": f"{tmp}/cache",
        }
        library = f"{tmp}/library.sqlite"
        package_env = {**env, "PYTHONPATH": str(ROOT), "PYTHONPYCACHEPREFIX": f"{tmp}/pycache"}
        package = [sys.executable, "-m", "personadesigner", library]
        bundle = [str(exe), library]

        first_paint(package, package_env)  # warm-up: creates the library, compiles the bytecode
        first_paint(bundle, env)
        package_runs, bundle_runs = [], []
        for _ in range(args.runs):  # interleaved, so both share the machine's ups and downs
            package_runs.append(first_paint(package, package_env))
            bundle_runs.append(first_paint(bundle, env))

    p, b = statistics.median(package_runs), statistics.median(bundle_runs)
    print(f"installed package, start to first painted window: {p:.2f} s (median of {args.runs})")
    print(f"bundle, start to first painted window: {b:.2f} s (median of {args.runs})")
    print(f"ratio bundle/package: {b / p:.2f} (target <= {TARGET})")
    return 0 if b / p <= TARGET else 1


if __name__ == "__main__":
    raise SystemExit(main())
