"""Export speed figures, each beside its baseline from the same run.

Prints, in one run:
  (a) the whole `personadesigner export --all --template business-card --page-size Letter
      --per-page 10 --crop-marks` process over N records (median of RUNS), beside
      the floor -- floor_reportlab.py, a plain reportlab script drawing the same
      cards (goal: ours <= 1.15x) -- and `glabels-3-batch -C` over the same records
      (../shared/bench/glabels/run.sh or $GLABELS_RUN, only when it and glabels are present; goal
      ours <= 0.35x);
  (b) one `card` PNG at 300 dpi, in-process, render and encode (median; goal <= 30 ms),
      beside Qt's own PNG writer (QImage.save) on the same image;
  (c) laying out the `profile` template, measured as bench_layout.py does (200 different
      full personas, so no cache hides the work; median; goal <= 5 ms).
The sides run in turn, each after one uncounted warm-up run; ours with a bytecode
cache (as an installed command has). The load average is printed so a busy machine
shows in the figures.
Run: python benchmarks/bench_export.py [--count 1000] [--runs 3] [--template business-card]
"""

from __future__ import annotations

import argparse
import os
import re
import resource
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

#: The shared peer script beside the checkout; GLABELS_RUN names it from elsewhere (a git worktree).
PEER = Path(os.environ.get("GLABELS_RUN") or ROOT.parent / "shared" / "bench" / "glabels" / "run.sh")
FLOOR = Path(__file__).resolve().parent / "floor_reportlab.py"


PYCACHE = Path(tempfile.gettempdir()) / "personadesigner-bench-pycache"


def bytecode_env() -> dict[str, str]:
    # An installed command has compiled bytecode; with PYTHONDONTWRITEBYTECODE every start
    # would compile our modules again. Keep the bytecode in tmp (never in the work tree).
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONPYCACHEPREFIX": str(PYCACHE)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "personadesigner", *args], capture_output=True, text=True, env=bytecode_env()
    )


def prepare_ours(count: int, tmp: Path) -> Path | None:
    csv_path, library = tmp / "personas.csv", tmp / "library.sqlite"
    write_csv(count, str(csv_path))
    imported = cli(
        "import", "--library", str(library), "--map", "goal=goals", "--map", "pain=pain_points", str(csv_path)
    )
    if imported.returncode != 0:
        print(f"import failed: {imported.stderr.strip()}")
        return None
    return library


def children_cpu() -> float:
    """CPU seconds (user + system) of the finished child processes: steadier than wall time
    on a shared machine, where waiting for a core is not work."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def ours_once(count: int, template: str, library: Path, tmp: Path) -> tuple[float, float] | None:
    out = tmp / "cards.pdf"
    out.unlink(missing_ok=True)
    cpu = children_cpu()
    start = time.perf_counter()
    done = cli(
        "export",
        "--library",
        str(library),
        "--all",
        "--template",
        template,
        "--page-size",
        "Letter",
        "--per-page",
        "10",
        "--crop-marks",
        "--out",
        str(out),
    )
    took, cpu = time.perf_counter() - start, children_cpu() - cpu
    if done.returncode != 0:
        print(f"export failed: {done.stderr.strip()}")
        return None
    pages = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True).stdout
    if f"Pages:           {(count + 9) // 10}\n" not in pages:
        print(f"our export made the wrong number of pages (expected {(count + 9) // 10})")
        return None
    return took, cpu


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


def floor_once(count: int, tmp: Path) -> tuple[float, float] | None:
    out = tmp / "floor.pdf"
    cpu = children_cpu()
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, str(FLOOR), str(count), str(out)], capture_output=True, text=True, env=bytecode_env()
    )
    took, cpu = time.perf_counter() - start, children_cpu() - cpu
    if done.returncode != 0:
        print(f"floor script failed: {done.stderr.strip()[-300:]}")
        return None
    return took, cpu


def compare(count: int, runs: int, template: str) -> dict[str, tuple[float, float | None] | None]:
    """(wall, CPU) medians of ``runs`` runs of each side in turn (after one uncounted warm-up
    of each), so a machine that gets busier or quieter meanwhile weighs on all alike.
    gLabels' script reports its wall time only."""
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        library = prepare_ours(count, tmp)
        sides = {
            "ours": (lambda: ours_once(count, template, library, tmp)) if library else None,
            "floor": lambda: floor_once(count, tmp),
            "glabels": (lambda: (lambda t: (t, None) if t is not None else None)(glabels_once(count)))
            if peer_available()
            else None,
        }
        times: dict[str, list[tuple[float, float | None]]] = {side: [] for side in sides}
        for run in range(runs + 1):  # run 0 warms bytecode, font and file caches
            for side, once in sides.items():
                took = once() if once else None
                if run and took is not None:
                    times[side].append(took)
    result: dict[str, tuple[float, float | None] | None] = {}
    for side, t in times.items():
        if len(t) != runs:
            result[side] = None
            continue
        cpus = [c for _, c in t if c is not None]
        result[side] = (statistics.median(w for w, _ in t), statistics.median(cpus) if cpus else None)
    return result


def call_median_ms(fn, repeat: int) -> float:
    """Median wall-clock ms of ``repeat`` calls of ``fn`` after one warm-up call."""
    return call_medians_ms(fn, repeat)[1]


def call_medians_ms(fn, repeat: int) -> tuple[float, float]:
    """Median (CPU ms of the whole process, wall-clock ms) of ``repeat`` calls after one warm-up.
    CPU time is what the work costs when the machine is shared; Qt may convert on several threads."""
    fn()  # warm: fonts, caches
    cpu, wall = [], []
    for _ in range(repeat):
        c0, w0 = time.process_time(), time.perf_counter()
        fn()
        cpu.append(time.process_time() - c0)
        wall.append(time.perf_counter() - w0)
    return statistics.median(cpu) * 1000, statistics.median(wall) * 1000


def _qt_png(image) -> bytes:
    """Qt's own PNG writer, as PNG export used it before issue 14 (quality 70: zlib level 2)."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG", 70)
    buffer.close()
    return bytes(data.data())


def in_process(repeat: int) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from personadesigner.core.layout import layout
    from personadesigner.render.png import png_bytes, render_png
    from personadesigner.samples import sample_personas

    persona = max(sample_personas(), key=lambda p: len(p.story) + sum(map(len, p.goals)))
    card = layout(persona, "card", "classic")
    image = render_png(card, dpi=300)
    ours_cpu, ours = call_medians_ms(lambda: png_bytes(render_png(card, dpi=300)), repeat)
    render_cpu, render = call_medians_ms(lambda: render_png(card, dpi=300), repeat)
    enc_cpu, enc = call_medians_ms(lambda: png_bytes(image), repeat)
    qt_cpu, qt = call_medians_ms(lambda: _qt_png(image), repeat)
    print(
        f"card PNG at 300 dpi (render + encode): {ours:.1f} ms wall, {ours_cpu:.1f} ms CPU, median (goal <= 30 ms); "
        f"render alone {render:.1f} ms wall, {render_cpu:.1f} ms CPU"
    )
    print(
        f"  encode alone: ours {enc:.1f} ms wall / {enc_cpu:.1f} ms CPU, Qt's QImage.save {qt:.1f} / {qt_cpu:.1f} "
        f"on the same image: {enc / qt:.2f}x wall, {enc_cpu / qt_cpu:.2f}x CPU; "
        f"files {len(png_bytes(image)) // 1024} KiB vs {len(_qt_png(image)) // 1024} KiB"
    )
    cpu, wall = layout_median_ms("profile")
    print(
        f"layout of the profile template:        {cpu:.2f} ms CPU, {wall:.2f} ms wall, median of 200 "
        "different personas (goal <= 5 ms)"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--template", default="business-card"
    )  # 3.5 x 2 in: 10 fit a Letter sheet inside the 5 mm printer margin
    parser.add_argument("--repeat", type=int, default=21, help="repetitions of the in-process figures")
    args = parser.parse_args()
    load = os.getloadavg()
    got = compare(args.count, args.runs, args.template)
    mine, floor, peer = got["ours"], got["floor"], got["glabels"]
    print(
        f"{args.count} records, {args.template} 10-up on Letter with crop marks, whole processes (median of {args.runs}):"
    )
    print(
        "  load average (1, 5, 15 min) before / after: "
        + " ".join(f"{v:.2f}" for v in load)
        + " / "
        + " ".join(f"{v:.2f}" for v in os.getloadavg())
        + f" on {os.cpu_count()} CPUs"
    )

    def side(label: str, got_side) -> None:
        if got_side is None:
            print(f"  {label:<28} not run or failed")
        else:
            cpu = f", {got_side[1]:.3f} s CPU" if got_side[1] is not None else ""
            print(f"  {label:<28} {got_side[0]:.3f} s wall{cpu}")

    side("personadesigner export:", mine)
    side("reportlab floor script:", floor)
    side("glabels-3-batch -C:", peer)
    if mine and floor:
        print(
            f"  ratio ours/floor:            {mine[0] / floor[0]:.2f}x wall, {mine[1] / floor[1]:.2f}x CPU (goal <= 1.15x)"
        )
    if mine and peer:
        print(f"  ratio ours/gLabels:          {mine[0] / peer[0]:.2f}x wall (goal <= 0.35x)")
    in_process(args.repeat)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
