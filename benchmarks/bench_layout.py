"""Layout speed: median time of layout() per template with a full persona.

CPU time of this thread (the machine may be busy), so figures are not skewed by other
processes. Targets: profile (the richest template) <= 5 ms; mini cheap enough that 1000
cards lay out in well under a second. Run: python benchmarks/bench_layout.py
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from personadesigner.core.layout import layout  # noqa: E402
from personadesigner.core.persona import CustomSection, Persona, Relation, Source, Trait  # noqa: E402


def full_persona(i: int = 0) -> Persona:
    """A persona with every section filled; ``i`` makes every text unique (no cache helps)."""
    p = _full()
    for f in ("role", "quote", "story", "day_in_the_life", "budget", "decision_process", "location"):
        setattr(p, f, f"{getattr(p, f)} {i}")
    for f in (
        "goals",
        "pain_points",
        "motivations",
        "behaviors",
        "values",
        "channels",
        "tools",
        "objections",
        "buying_criteria",
    ):
        setattr(p, f, [f"{v} {i}" for v in getattr(p, f)])
    p.name = f"Maximilian Okonkwo {i}"
    return p


def _full() -> Persona:
    return Persona(
        name="Maximilian Okonkwo",
        type="decision_maker",
        role="CFO, Northwind Logistics (1,200 employees)",
        age="48",
        gender="Male",
        location="Rotterdam, NL",
        income="€180k",
        education="MBA, Erasmus University",
        household="Married, two teenagers",
        company="Northwind Logistics",
        company_size="1001-5000",
        industry="Logistics",
        segment="Enterprise mid-market",
        quote="Show me payback in under 12 months or don't show me anything.",
        story="Maximilian joined Northwind as controller fifteen years ago and rose to CFO after leading the "
        "company through a painful ERP migration. He distrusts vendor slideware.\nHe runs marathons.",
        day_in_the_life="Starts at 7:00 with cash reports, budget reviews until lunch, afternoons with the board.",
        goals=[
            "Cut operating costs by 8% this fiscal year",
            "Consolidate vendors from 40 to 25",
            "Get real-time visibility into cash",
            "Pass the audit without findings",
        ],
        pain_points=[
            "Shadow IT purchases he learns about at renewal time",
            "Monthly close takes 12 days",
            "Reports from different departments never match",
        ],
        motivations=["Being seen as the strategic partner of the CEO", "Predictability"],
        behaviors=["Reads whitepapers but trusts peer references", "Delegates evaluation to controllers"],
        values=["Prudence", "Transparency", "Accountability"],
        channels=["LinkedIn", "Industry events"],
        tools=["SAP", "Excel", "Power BI"],
        objections=["Another tool means another integration project"],
        buying_criteria=["Payback < 12 months", "SOC 2 report"],
        budget="€250k per year",
        decision_process="Controllers shortlist, CFO approves up to €100k, the board above.",
        traits=[Trait("Introvert", "Extrovert", 30), Trait("Analytical", "Intuitive", 15)],
        sources=[Source("interview", "CFO interviews", "2026-03-12", "8 interviews")],
        confidence="high",
        last_validated="2026-04-01",
        related=[Relation("Anna Berg", "influences")],
        custom=[CustomSection("Favourite saying", "Cash is king, but forecast is the kingdom.")],
    )


def sparse_persona(i: int) -> Persona:
    """A thin persona (quote, a few goals and pain points, two facts): the card grows its type,
    the costlier path of the fit search; ``i`` makes every text unique."""
    return Persona(
        name=f"Sparse {i}",
        type="buyer",
        role=f"Team lead {i}",
        quote=f"Keep it simple, please {i}.",
        goals=[f"Ship the launch on time {i}", f"Fewer tools {i}"],
        pain_points=[f"Slow approvals {i}"],
        channels=["Email"],
        age=str(20 + i % 40),
        location="Lyon",
    )


def median_ms(template: str, runs: int = 200, make=None) -> tuple[float, float]:
    """Median (CPU ms, wall-clock ms) of laying out ``runs`` different full (or ``make``) personas."""
    personas = [(make or full_persona)(i) for i in range(runs)]
    layout(personas[0], template, "classic")  # fonts loaded once, as in a running app
    cpu, wall = [], []
    for p in personas:
        t0, w0 = time.thread_time(), time.perf_counter()
        layout(p, template, "classic")
        cpu.append((time.thread_time() - t0) * 1000)
        wall.append((time.perf_counter() - w0) * 1000)
    return statistics.median(cpu), statistics.median(wall)


def main() -> None:
    for template, target in (("profile", 5.0), ("card", None), ("mini", None), ("slide", None), ("poster", None)):
        cpu, wall = median_ms(template)
        note = f"  (target <= {target} ms)" if target else ""
        print(f"layout {template:8s} median of 200: {cpu:6.2f} ms CPU, {wall:6.2f} ms wall{note}")
    cpu, wall = median_ms("profile", make=sparse_persona)
    print(f"layout profile  median of 200 sparse (grown): {cpu:6.2f} ms CPU, {wall:6.2f} ms wall  (target <= 5.0 ms)")
    personas = [full_persona(i) for i in range(1000)]
    t0 = time.thread_time()
    for p in personas:
        layout(p, "mini", "classic")
    print(f"layout 1000 mini cards: {(time.thread_time() - t0) * 1000:6.0f} ms CPU")


if __name__ == "__main__":
    main()
