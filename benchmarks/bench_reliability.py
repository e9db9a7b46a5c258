"""Reliability figures (issue 5): crashes, concurrent writers, hostile text.

Prints "name: value (target)" for:
  - kill -9 at random moments during 1000 autosaved edits: committed edits lost, failed quick_check
  - kill -9 during big imports: imports that were neither all nor nothing
  - 2 processes x 500 concurrent write attempts: lost updates, "locked" errors
  - hypothesis: arbitrary Unicode through layout + PDF (pdftotext): examples run, crashes, text mismatches
  - PRAGMA quick_check on open of a 10,000-persona library: seconds
  - the attack suite (issue 15, tests/support/fault_cases_*.py): inputs tried, refused cleanly,
    crashes, hangs, false "damaged", replaced special files, silently changed values
Run: python benchmarks/bench_reliability.py [--edits 1000] [--examples 200] [--attacks-only]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(ROOT / "tests" / "reliability")]
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from personadesigner.core.persona import Persona  # noqa: E402
from personadesigner.storage.integrity import quick_check  # noqa: E402
from personadesigner.storage.library import Library  # noqa: E402
from support import reliability_runs  # noqa: E402


def crash_figures(folder: Path, edits: int) -> None:
    for sub, mode in (("local", "WAL"), ("Dropbox", "rollback journal, sync folder")):
        (folder / sub).mkdir()
        report = reliability_runs.crash_edits(
            folder / sub / "crash.sqlite", total=edits, slots=20, max_delay=0.4, seed=2026
        )
        print(
            f"kill -9 during {report.edits} autosaved edits, {mode} ({report.rounds} rounds, {report.kills} kills): "
            f"committed edits lost: {report.lost} (target 0), failed quick_check: {report.failed_checks} (target 0)"
        )
    imports = reliability_runs.crash_imports(folder / "import.sqlite", rounds=6, count=5000, seed=9)
    mid = sum(imports.mid_import)
    print(
        f"kill -9 during a 5000-persona import ({imports.import_seconds:.2f} s unkilled), {len(imports.counts)} rounds, "
        f"{mid} killed before the worker said 'committed', {imports.killed_mid_import_and_stored_nothing} of them "
        f"stored nothing (counts {imports.counts}): partial or damaged imports: {imports.torn} (target 0)"
    )


def concurrency_figures(folder: Path, per_process: int) -> None:
    start = time.perf_counter()
    r = reliability_runs.concurrent_writes(folder / "shared.sqlite", per_process=per_process, processes=2)
    took = time.perf_counter() - start
    print(
        f"{r.attempts} concurrent write attempts from 2 processes ({r.conflicts} optimistic-lock retries, "
        f"{took:.1f} s): lost updates: {r.lost_updates} (target 0), errors seen by a writer: {len(r.errors)} (target 0)"
    )


def hypothesis_figures(folder: Path, examples: int) -> None:
    import test_rel_hostile_text as T
    from hypothesis import HealthCheck, given, settings

    from personadesigner.core.layout import layout

    tally = {"run": 0, "crashes": 0, "mismatches": 0}

    @settings(
        max_examples=examples, deadline=None, database=None, derandomize=False, suppress_health_check=list(HealthCheck)
    )
    @given(persona=T.personas)
    def one(persona):
        tally["run"] += 1
        try:
            lay = layout(persona, "card", "classic")
        except Exception as exc:  # noqa: BLE001 - counting crashes is the point
            tally["crashes"] += 1
            print(f"  crash: {type(exc).__name__}: {exc}", file=sys.stderr)
            return
        try:
            T._assert_pdf_matches_layout(lay, folder)
        except AssertionError:
            tally["mismatches"] += 1
        except Exception as exc:  # noqa: BLE001
            tally["crashes"] += 1
            print(f"  crash: {type(exc).__name__}: {exc}", file=sys.stderr)

    one()
    print(
        f"hypothesis: arbitrary Unicode through layout and PDF: examples run: {tally['run']}, "
        f"crashes: {tally['crashes']} (target 0), PDF text != laid-out text: {tally['mismatches']} (target 0)"
    )


def quick_check_figure(folder: Path) -> None:
    path = folder / "big.sqlite"
    with Library.open(str(path)) as lib:
        lib.add_many(
            [Persona(name=f"Persona {i}", story="Background. " * 30, goals=["a", "b", "c"]) for i in range(10_000)]
        )
    best = min(_timed(lambda: quick_check(path)) for _ in range(3))
    print(
        f"PRAGMA quick_check on open, 10,000 personas ({path.stat().st_size / 1e6:.1f} MB): {best:.3f} s "
        "(part of the open budget <= 0.2 s)"
    )


def attack_figures() -> None:
    """Run every registered attack case (each in a fresh folder) and print the tally."""
    import shutil

    from support import fault_cases
    from support.privileges import open_folder

    outcomes = []
    for case in fault_cases.all_cases():
        folder = open_folder()
        try:
            outcome = fault_cases.run_case(case, folder)
        finally:
            shutil.rmtree(folder, ignore_errors=True)
        outcomes.append((case, outcome))
        if isinstance(outcome, str):
            print(f"  skipped: {case.name}: {outcome}")
        else:
            for problem in fault_cases.judge(outcome):
                print(f"  FAILED: {case.name}: {problem[:200]}")
    counts = fault_cases.tally(outcomes)
    items = sorted({case.item for case, _ in outcomes}, key=lambda i: (len(i), i))
    print(
        f"attack suite (issue 15 items {', '.join(items)}): "
        + ", ".join(f"{label}: {counts[label]}" for label in fault_cases.LABELS)
        + ' (targets: 0 crashes, 0 hangs, 0 false "damaged", 0 replaced, 0 changed)'
    )


def _timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edits", type=int, default=1000)
    parser.add_argument("--writes", type=int, default=500, help="write attempts per process")
    parser.add_argument("--examples", type=int, default=200)
    parser.add_argument("--attacks-only", action="store_true", help="only the attack suite's tally")
    args = parser.parse_args()
    load = os.getloadavg()[0]
    print(f"(load average {load:.1f} on {os.cpu_count()} CPUs)")
    if args.attacks_only:
        attack_figures()
        return
    with tempfile.TemporaryDirectory(prefix="pd-bench-rel-") as tmp:
        folder = Path(tmp)
        crash_figures(folder, args.edits)
        concurrency_figures(folder, args.writes)
        hypothesis_figures(folder, args.examples)
        quick_check_figure(folder)
    attack_figures()


if __name__ == "__main__":
    main()
