"""The discovery report a marketer reads: columns, method, and each segment with its numbers."""

from __future__ import annotations

from personadesigner.discovery.columns import describe
from personadesigner.discovery.drafts import HIGH, MEDIUM
from personadesigner.discovery.profile import pct
from personadesigner.discovery.run import Discovery
from personadesigner.discovery.segment import SAMPLE


def column_lines(result: Discovery) -> list[str]:
    lines = ['Columns (correct a guess with --column "Name=kind"):', *describe(result.columns)]
    ignored = [c for c in result.columns if c.kind == "ignore"]
    if ignored:
        lines.append("Ignored: " + "; ".join(f'"{c.name}" ({c.reason})' for c in ignored))
    return lines


def report_text(result: Discovery) -> str:
    seg = result.segmentation
    n = len(result.table.rows)
    lines = [f"Discovery: {result.table.source}, {n} respondents, {len(result.columns)} columns", ""]
    lines += column_lines(result)
    lines.append("")
    method = "Gower distance + k-medoids"
    if n > SAMPLE:
        method += f" (medoids from a sample of {SAMPLE}, everyone assigned to the nearest)"
    lines.append(f"Method: {method}.")
    if result.asked is None:
        tried = ", ".join(f"{k}: {s:.2f}" for k, s in sorted(seg.silhouettes.items()))
        lines.append(f"Segments: {seg.k}, chosen by the highest mean silhouette (tried {tried}).")
    else:
        lines.append(f"Segments: {seg.k} as asked (mean silhouette {seg.silhouettes.get(seg.k, 0):.2f}).")
    lines.append(
        f"Stability: respondents stay together in resamples with mean adjusted Rand index {seg.ari:.2f}; "
        f"per segment, Jaccard >= {HIGH} is high confidence, >= {MEDIUM} medium, below low."
    )
    for w in result.warnings:
        lines.append(f"Note: {w}")
    for s in result.segments:
        lines += [
            "",
            f"Segment {s.number}: {s.size} respondents ({pct(s.share)}), stability {s.stability:.2f} "
            f"-> {s.persona.confidence} confidence",
            f"  Draft: {s.persona.name}",
        ]
        if s.findings:
            lines.append("  Distinguishing answers:")
            lines += [f"    {f.text}" for f in s.findings[:8]]
        else:
            lines.append("  No answer stands out from the whole sample.")
        for column, answers in s.open_answers.items():
            if answers:
                lines.append(f"  {column} (verbatim):")
                lines += [f'    "{a}"' for a in answers]
    return "\n".join(lines) + "\n"
