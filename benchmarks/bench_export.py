"""Export speed figures, with the gLabels batch merge as the peer.

Prints, in one run:
  (a) the whole `personadesigner export --all --template business-card --page-size Letter
      --per-page 10 --crop-marks` process over N records (median of RUNS), beside
      `glabels-3-batch -C` over the same records (../shared/bench/glabels/run.sh,
      only when it and glabels are present) and the ratio (goal: ours <= 0.5x);
  (b) one `card` PNG at 300 dpi, in-process (median; goal <= 100 ms);
  (c) laying out the `profile` template, measured as bench_layout.py does (200 different
      full personas, so no cache hides the work; median; goal <= 5 ms).
The two sides run alternately, each after one uncounted warm-up run; ours with a
bytecode cache (as an installed command has). The load average is printed so a busy
machine shows in the figures.
Run: python benchmarks/bench_export.py [--count 1000] [--runs 3] [--template business-card]
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

from bench_layout import median_ms as layout_median_ms  # noqa: E402
from glabels_records import write_csv  # noqa: E402

PEER = ROOT.parent / "shared" / "bench" / "glabels" / "run.sh"


PYCACHE = Path(tempfile.gettempdir()) / "personadesigner-bench-pycache"


def cli(*args: str) -> subprocess.CompletedProcess:
    # An installed command has compiled bytecode; with PYTHONDONTWRITEBYTECODE every start
    # would compile our modules again. Keep the bytecode in tmp (never in the work tree).
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONPYCACHEPREFIX": str(PYCACHE)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return subprocess.run([sys.executable, "-m", "personadesigner", *args], capture_output=True, text=True, env=env)


def prepare_ours(count: int, tmp: Path) -> Path | None:
    csv_path, library = tmp / "personas.csv", tmp / "library.sqlite"
    write_csv(count, str(csv_path))
    imported = cli("import", "--library", str(library), "--map", "goal=goals", "--map", "pain=pain_points", str(csv_path))
    if imported.returncode != 0:
        print(f"import failed: {imported.stderr.strip()}")
        return None
    return library


def ours_once(count: int, template: str, library: Path, tmp: Path) -> float | None:
    out = tmp / "cards.pdf"
    out.unlink(missing_ok=True)
    start = time.perf_counter()
    done = cli("export", "--library", str(library), "--all", "--template", template, "--page-size", "Letter",
               "--per-page", "10", "--crop-marks", "--out", str(out))
    took = time.perf_counter() - start
    if done.returncode != 0:
        print(f"export failed: {done.stderr.strip()}")
        return None
    pages = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True).stdout
    if f"Pages:           {(count + 9) // 10}\n" not in pages:
        print(f"our export made the wrong number of pages (expected {(count + 9) // 10})")
        return None
    return took


def peer_available() -> bool:
    if PEER.exists() and shutil.which("glabels-3-batch"):
        return True
    print("gLabels side skipped: needs ../shared/bench/glabels/run.sh and glabels-3-batch")
    return False


def glabels_once(count: int) -> float | None:
    done = subprocess.run(["bash", str(PEER), str(count), "1"], capture_output=True, text=True)
    found = re.search(r"median ([\d.]+) s", done.stdout)
    if not found:
        print(f"gLabels run failed: {(done.stdout + done.stderr).strip()}")
        return None
    return float(found.group(1))


def compare(count: int, runs: int, template: str) -> tuple[float | None, float | None]:
    """Medians of ``runs`` alternating runs of each side (after one uncounted warm-up of
    each), so a machine that gets busier or quieter meanwhile weighs on both alike."""
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        library = prepare_ours(count, tmp)
        peer = peer_available()
        mine_times: list[float] = []
        peer_times: list[float] = []
        for run in range(runs + 1):  # run 0 warms bytecode, font and file caches
            mine = ours_once(count, template, library, tmp) if library else None
            theirs = glabels_once(count) if peer else None
            if run:
                if mine is not None:
                    mine_times.append(mine)
                if theirs is not None:
                    peer_times.append(theirs)
    return (statistics.median(mine_times) if len(mine_times) == runs else None,
            statistics.median(peer_times) if len(peer_times) == runs else None)


def call_median_ms(fn, repeat: int) -> float:
    """Median wall-clock ms of ``repeat`` calls of ``fn`` after one warm-up call."""
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
    ms = call_median_ms(lambda: png_bytes(render_png(card, dpi=300)), repeat)
    print(f"card PNG at 300 dpi (render + encode): {ms:.1f} ms median (goal <= 100 ms)")
    ms = call_median_ms(lambda: render_png(card, dpi=300), repeat)
    print(f"card PNG at 300 dpi (render only):     {ms:.1f} ms median")
    cpu, wall = layout_median_ms("profile")
    print(f"layout of the profile template:        {cpu:.2f} ms CPU, {wall:.2f} ms wall, median of 200 "
          "different personas (goal <= 5 ms)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--template", default="business-card")  # 3.5 x 2 in: 10 fit a Letter sheet inside the 5 mm printer margin
    parser.add_argument("--repeat", type=int, default=21, help="repetitions of the in-process figures")
    args = parser.parse_args()
    load = os.getloadavg()
    mine, peer = compare(args.count, args.runs, args.template)
    print(f"{args.count} records, {args.template} 10-up on Letter with crop marks (median of {args.runs}):")
    print("  load average (1, 5, 15 min) before / after: " + " ".join(f"{v:.2f}" for v in load)
          + " / " + " ".join(f"{v:.2f}" for v in os.getloadavg()))
    print(f"  personadesigner export: {mine:.3f} s" if mine is not None else "  personadesigner export: failed")
    print(f"  glabels-3-batch -C:     {peer:.3f} s" if peer is not None else "  glabels-3-batch -C:     not run")
    if mine and peer:
        print(f"  ratio ours/gLabels:     {mine / peer:.2f}x (goal <= 0.5x)")
    in_process(args.repeat)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
