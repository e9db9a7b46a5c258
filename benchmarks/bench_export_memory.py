"""Peak memory of `personadesigner export` as a whole process: it must not grow with the card count.

Prints "name: value" lines: the export's peak RSS (VmHWM of the export process, which
includes the interpreter, SQLAlchemy, reportlab and the personas read from the library)
and its time, for 5000 personas exported to one PDF

- one `card` per page (goal: <= 130 MiB),
- `business-card` 10-up on Letter with crop marks (goal: <= 130 MiB),

and, for scale, the same `card` export of 1000 personas: a streaming export peaks at
about the same figure for both counts. --compare DIR runs the 5000-card exports with
another checkout too (e.g. the main tree before streaming export), in the same run.

--only card (or business-card) runs that 5000-card export alone: no 1000-card library, no
other case (about a third of the time).

Run: python benchmarks/bench_export_memory.py [--count 5000] [--compare /path/to/checkout] [--only card]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_import_memory import _MEASURED, write_json_file  # noqa: E402

GOAL_MIB = 130
EXPORTS = {
    "card, one per page": ("--template", "card"),
    "business-card 10-up on Letter with crop marks": (
        "--template",
        "business-card",
        "--page-size",
        "Letter",
        "--per-page",
        "10",
        "--crop-marks",
    ),
}


def run_cli(tree: Path, *args: str) -> tuple[float, float, subprocess.CompletedProcess]:
    """(peak RSS in MiB, seconds, the finished process) of one command as its own process."""
    env = {**os.environ, "PYTHONPATH": str(tree)}
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", _MEASURED, *args], capture_output=True, text=True, env=env, cwd=tree)
    took = time.perf_counter() - start
    peak_kib = next((int(ln.split()[1]) for ln in proc.stderr.splitlines() if ln.startswith("VmHWM:")), 0)
    return peak_kib / 1024, took, proc


def library_of(count: int, tmp: Path) -> Path:
    data, library = tmp / f"{count}.json", tmp / f"{count}.sqlite"
    write_json_file(data, count, 400)
    _peak, _took, proc = run_cli(ROOT, "import", "--library", str(library), str(data))
    if proc.returncode != 0:
        sys.exit(f"import failed: {proc.stderr.strip()[-300:]}")
    return library


def report(label: str, tree: Path, library: Path, out: Path, extra: tuple[str, ...]) -> None:
    out.unlink(missing_ok=True)
    peak, took, proc = run_cli(tree, "export", "--library", str(library), "--all", *extra, "--out", str(out))
    if proc.returncode not in (0, 3):
        said = [ln for ln in proc.stderr.splitlines() if not ln.startswith("VmHWM:")]
        print(f"{label}: export failed (exit {proc.returncode}): {said[-1:] or ''}")
        return
    verdict = "meets" if peak <= GOAL_MIB else "MISSES"
    print(f"{label}: peak RSS {peak:.0f} MiB, {took:.1f} s -> {verdict} <= {GOAL_MIB} MiB", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=5000)
    parser.add_argument("--compare", type=Path, help="another checkout to run the same exports with")
    parser.add_argument("--only", choices=["card", "business-card"], help="run this template's export alone")
    args = parser.parse_args()
    print(f"load average: {os.getloadavg()[0]:.2f}")
    cases = {name: extra for name, extra in EXPORTS.items() if args.only in (None, extra[1])}
    with tempfile.TemporaryDirectory(prefix="bench-export-memory-") as tmp:
        tmp_path = Path(tmp)
        big = library_of(args.count, tmp_path)
        out = tmp_path / "cards.pdf"
        if args.only is None:
            small = library_of(1000, tmp_path)
            report("export 1000 personas, card, one per page", ROOT, small, out, EXPORTS["card, one per page"])
        for name, extra in cases.items():
            report(f"export {args.count} personas, {name}", ROOT, big, out, extra)
            if args.compare:
                report(f"  the same with {args.compare}", args.compare, big, out, extra)


if __name__ == "__main__":
    main()
