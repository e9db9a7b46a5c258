"""Export speed figures, with the gLabels batch merge as the peer.

Prints, in one run:
  (a) the whole `personadesigner export --all --template mini --page-size Letter
      --per-page 10 --crop-marks` process over N records (median of RUNS), beside
      `glabels-3-batch -C` over the same records (../shared/bench/glabels/run.sh,
      only when it and glabels are present) and the ratio (goal: ours <= 0.5x);
  (b) one `card` PNG at 300 dpi, in-process (median; goal <= 100 ms);
  (c) laying out one persona on the `profile` template (median; goal <= 5 ms).
Our side runs with a bytecode cache (as an installed command has) after one uncounted
warm-up run; the load average is printed so a busy machine shows in the figures.
Run: python benchmarks/bench_export.py [--count 1000] [--runs 3] [--template mini]
"""

from __future__ import annotations

import argparse
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

from glabels_records import write_csv  # noqa: E402

PEER = ROOT.parent / "shared" / "bench" / "glabels" / "run.sh"


PYCACHE = Path(tempfile.gettempdir()) / "personadesigner-bench-pycache"


def cli(*args: str) -> subprocess.CompletedProcess:
    # An installed command has compiled bytecode; with PYTHONDONTWRITEBYTECODE every start
    # would compile our modules again. Keep the bytecode in tmp (never in the work tree).
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONPYCACHEPREFIX": str(PYCACHE)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return subprocess.run([sys.executable, "-m", "personadesigner", *args], capture_output=True, text=True, env=env)


def ours(count: int, runs: int, template: str, tmp: Path) -> float | None:
    csv_path, library = tmp / "personas.csv", tmp / "library.sqlite"
    write_csv(count, str(csv_path))
    imported = cli("import", "--library", str(library), "--map", "goal=goals", "--map", "pain=pain_points", str(csv_path))
    if imported.returncode != 0:
        print(f"import failed: {imported.stderr.strip()}")
        return None
    times = []
    for run in range(runs + 1):  # run 0 warms the bytecode and file caches; it is not counted
        out = tmp / "cards.pdf"
        out.unlink(missing_ok=True)
        start = time.perf_counter()
        done = cli("export", "--library", str(library), "--all", "--template", template, "--page-size", "Letter",
                   "--per-page", "10", "--crop-marks", "--out", str(out))
        if run:
            times.append(time.perf_counter() - start)
        if done.returncode != 0:
            print(f"export failed: {done.stderr.strip()}")
            return None
    pages = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True).stdout
    expected = (count + 9) // 10
    if f"Pages:           {expected}\n" not in pages:
        print(f"our export made the wrong number of pages (expected {expected})")
        return None
    return statistics.median(times)


def glabels(count: int, runs: int) -> float | None:
    if not PEER.exists() or not shutil.which("glabels-3-batch"):
        print("gLabels side skipped: needs ../shared/bench/glabels/run.sh and glabels-3-batch")
        return None
    done = subprocess.run(["bash", str(PEER), str(count), str(runs)], capture_output=True, text=True)
    found = re.search(r"median ([\d.]+) s", done.stdout)
    if not found:
        print(f"gLabels run failed: {(done.stdout + done.stderr).strip()}")
        return None
    return float(found.group(1))


def median_ms(fn, repeat: int) -> float:
    fn()  # warm: fonts, caches
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def in_process(repeat: int) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from personadesigner.core.layout import layout
    from personadesigner.render.png import png_bytes, render_png
    from personadesigner.samples import sample_personas

    persona = max(sample_personas(), key=lambda p: len(p.story) + sum(map(len, p.goals)))
    card = layout(persona, "card", "classic")
    ms = median_ms(lambda: png_bytes(render_png(card, dpi=300)), repeat)
    print(f"card PNG at 300 dpi (render + encode): {ms:.1f} ms median (goal <= 100 ms)")
    ms = median_ms(lambda: render_png(card, dpi=300), repeat)
    print(f"card PNG at 300 dpi (render only):     {ms:.1f} ms median")
    try:
        ms = median_ms(lambda: layout(persona, "profile", "classic"), repeat)
        print(f"layout of the profile template:        {ms:.2f} ms median (goal <= 5 ms)")
    except Exception as exc:  # the template may not exist in this checkout yet
        print(f"layout of the profile template: skipped ({exc})")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--template", default="mini")
    parser.add_argument("--repeat", type=int, default=21, help="repetitions of the in-process figures")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        mine = ours(args.count, args.runs, args.template, Path(tmp))
    peer = glabels(args.count, args.runs)
    print(f"{args.count} records, {args.template} 10-up on Letter with crop marks (median of {args.runs}):")
    print("  load average (1, 5, 15 min): " + " ".join(f"{v:.2f}" for v in os.getloadavg()))
    print(f"  personadesigner export: {mine:.3f} s" if mine is not None else "  personadesigner export: failed")
    print(f"  glabels-3-batch -C:     {peer:.3f} s" if peer is not None else "  glabels-3-batch -C:     not run")
    if mine and peer:
        print(f"  ratio ours/gLabels:     {mine / peer:.2f}x (goal <= 0.5x)")
    in_process(args.repeat)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
