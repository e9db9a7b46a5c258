"""Discover on 10,000 respondents x 30 columns: wall time and peak memory (RSS).

Targets (issue 13): <= 5 s and <= 500 MB. The survey is generated with planted
segments (personadesigner.discovery.synthetic, 13 questions + 17 extra Likert
items = 30 columns) and written as CSV; the clock covers reading the CSV,
guessing column kinds, segmenting (medoids from a 2,000-respondent sample,
everyone assigned), stability resamples, profiles and drafts. Peak RSS is the
whole process's (Python, numpy and the data included). Also prints the adjusted
Rand index against the planted segments.

Run: python benchmarks/bench_discover.py [--n 10000] [--segments 4|auto]
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import numpy as np  # noqa: E402

from personadesigner.discovery import run, synthetic  # noqa: E402
from personadesigner.discovery.segment import adjusted_rand  # noqa: E402

TIME_LIMIT, RSS_LIMIT_MB = 5.0, 500


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--segments", default="4")
    args = parser.parse_args()
    header, rows, truth = synthetic.generate(args.n, 4, seed=11, extra=17)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "survey.csv"
        synthetic.write_csv(path, header, rows)
        del rows
        start = time.perf_counter()
        table = run.load(path)
        result = run.discover(table, run.plan_columns(table), run.segments_arg(args.segments), seed=1)
        elapsed = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    ari = adjusted_rand(result.segmentation.labels, np.array(truth))
    print(
        f"discover: {args.n} respondents x {len(header)} columns, segments {args.segments} -> "
        f"{result.segmentation.k}: {elapsed:.2f} s (limit {TIME_LIMIT} s), peak RSS {peak_mb:.0f} MB "
        f"(limit {RSS_LIMIT_MB} MB), ARI vs planted {ari:.2f}"
    )
    return 0 if elapsed <= TIME_LIMIT and peak_mb <= RSS_LIMIT_MB else 1


if __name__ == "__main__":
    raise SystemExit(main())
