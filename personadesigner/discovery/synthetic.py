"""A survey export with planted segments, to test and demonstrate discovery.

Each respondent belongs to one of up to five planted segments; every answer is
drawn from that segment's profile, except that with probability ``noise`` a
cell is drawn from all segments' answers instead (the 10 % noise of the tests).
Extra columns (``extra``) add Likert and category questions so the benchmark can
reach 30 columns. Deterministic for a seed; returns the header, the rows and
the planted segment of each row.
"""

from __future__ import annotations

import csv
import datetime as _dt
import os
import random
from collections.abc import Callable
from dataclasses import dataclass

AGREE = ("Strongly disagree", "Disagree", "Neutral", "Agree", "Strongly agree")


@dataclass(frozen=True)
class Planted:
    role: tuple[str, ...]
    age: tuple[int, int]
    company_size: tuple[str, ...]
    industry: tuple[str, ...]
    channels: tuple[str, ...]
    agree: tuple[int, int, int]  # typical positions on three agree scales (0-4)
    satisfaction: int  # typical 1-5
    goals: tuple[str, ...]
    frustrations: tuple[str, ...]


SEGMENTS: tuple[Planted, ...] = (
    Planted(
        ("IT director", "CTO"),
        (42, 55),
        ("1000+", "201-1000"),
        ("Finance", "Healthcare"),
        ("Email", "LinkedIn", "Events"),
        (4, 1, 3),
        2,
        (
            "Cut the time our team spends on compliance reports.",
            "Get one view of every system we run, without another login.",
            "Prove to the board that our security spending pays off.",
        ),
        (
            "Vendors promise integrations that never work with our legacy stack.",
            "Every tool wants a six-month rollout before we see any value.",
            "Licence audits eat whole weeks of my team's time.",
        ),
    ),
    Planted(
        ("Freelance designer", "Illustrator"),
        (24, 34),
        ("1", "2-10"),
        ("Creative services", "Media"),
        ("Instagram", "YouTube", "Newsletter"),
        (1, 4, 1),
        4,
        (
            "Spend more of my week designing and less of it chasing invoices.",
            "Show clients my work in a way that wins the next job.",
            "Find steady clients so I can plan more than a month ahead.",
        ),
        (
            "Clients ask for endless revisions that nobody pays for.",
            "Subscriptions for every little tool add up fast on a freelance income.",
            "I lose files between my laptop, my tablet and the client's drive.",
        ),
    ),
    Planted(
        ("Marketing manager", "Head of marketing"),
        (30, 44),
        ("11-50", "51-200"),
        ("Software", "Retail"),
        ("LinkedIn", "Podcasts", "Email"),
        (3, 3, 4),
        3,
        (
            "Show which campaigns actually bring in customers.",
            "Launch campaigns without waiting for the developers.",
            "Keep the brand consistent across everything the team ships.",
        ),
        (
            "Our data lives in five tools and none of them agree.",
            "Reporting to management takes longer than running the campaign.",
            "Agencies charge a fortune for work we could do ourselves.",
        ),
    ),
    Planted(
        ("Student", "Intern"),
        (18, 24),
        ("1", "2-10"),
        ("Education", "Retail"),
        ("TikTok", "Instagram", "YouTube"),
        (2, 2, 0),
        5,
        (
            "Learn the tools employers ask for before I graduate.",
            "Build a portfolio that gets me my first real job.",
            "Get things done quickly on my phone between lectures.",
        ),
        (
            "Everything good costs money I do not have.",
            "Tutorials assume I already know the jargon.",
            "Free plans stop right when a project gets interesting.",
        ),
    ),
    Planted(
        ("Store owner", "Shop manager"),
        (38, 62),
        ("2-10", "11-50"),
        ("Retail", "Hospitality"),
        ("Facebook", "Email", "Word of mouth"),
        (2, 0, 2),
        2,
        (
            "Bring more regulars back to the shop every month.",
            "Know which products to reorder before they run out.",
            "Spend evenings with my family instead of doing the books.",
        ),
        (
            "I have no time to learn complicated software after closing.",
            "Online marketplaces take a big cut of every sale.",
            "Staff scheduling is a mess of messages and paper notes.",
        ),
    ),
)
ALL_CHANNELS = sorted({c for s in SEGMENTS for c in s.channels})


_HEADER = [
    "Respondent ID",
    "Job title",
    "Age",
    "Company size",
    "Industry",
    "Preferred channels",
    "I prefer to try a product before I talk to sales",
    "I use my phone for work tasks",
    "I enjoy trying new tools",
    "Satisfaction with current tools (1-5)",
    "What is your main goal?",
    "What frustrates you most?",
    "Signed up",
]


def generate(
    n: int,
    segments: int = 4,
    *,
    seed: int = 1,
    noise: float = 0.10,
    extra: int = 0,
    weights: tuple[float, ...] | None = None,
) -> tuple[list[str], list[list[str]], list[int]]:
    """Header, rows and the planted segment (0-based) of each row."""
    if not 2 <= segments <= len(SEGMENTS):
        raise ValueError(f"segments must be 2-{len(SEGMENTS)}")
    rng = random.Random(seed)
    plan = SEGMENTS[:segments]
    weights = weights or tuple([1.0] * segments)
    extra_profiles = [[rng.randrange(5) for _ in range(segments)] for _ in range(extra)]
    header = [*_HEADER, *[f"Q{k + 1}: I agree with statement {k + 1}" for k in range(extra)]]
    rows: list[list[str]] = []
    truth: list[int] = []
    for r in range(n):
        s = rng.choices(range(segments), weights=weights)[0]
        respondent = _Respondent(rng, plan, plan[s], noise)
        rows.append([f"R{r + 1:05d}", *respondent.answers([prof[s] for prof in extra_profiles])])
        truth.append(s)
    return header, rows, truth


class _Respondent:
    """Draws one respondent's answers from their segment ``seg``, each replaced by anyone's with chance ``noise``.

    The draws happen in a fixed order, so a seed always gives the same table.
    """

    def __init__(self, rng: random.Random, plan: tuple[Planted, ...], seg: Planted, noise: float) -> None:
        self.rng, self.plan, self.seg, self.noise = rng, plan, seg, noise

    def _noisy(self) -> bool:
        return self.rng.random() < self.noise

    def pick(self, own: Callable[[], str], everyone: list[str]) -> str:
        """``own()`` (the segment's answer), or with chance ``noise`` any answer of ``everyone``."""
        return self.rng.choice(everyone) if self._noisy() else own()

    def near(self, position: int) -> int:
        """An agree-scale answer next to ``position``, or with chance ``noise`` next to a random position."""
        return _near(self.rng, position if self.rng.random() >= self.noise else self.rng.randrange(len(AGREE)))

    def either(self, own: tuple[str, ...], anyones: Callable[[Planted], tuple[str, ...]]) -> str:
        """One of ``own``, or with chance ``noise`` one of a random segment's ``anyones``."""
        return self.rng.choice(own if self.rng.random() >= self.noise else anyones(self.rng.choice(self.plan)))

    def channels(self) -> list[str]:
        """Most of the segment's channels (at least its first), or with chance ``noise`` 1-3 random ones."""
        own = [c for c in self.seg.channels if self.rng.random() < 0.8] or [self.seg.channels[0]]
        return self.rng.sample(ALL_CHANNELS, self.rng.randint(1, 3)) if self._noisy() else own

    def answers(self, extra_positions: list[int]) -> list[str]:
        """The answers after the id: ``_HEADER``'s, then the extra agree questions (typical ``extra_positions``).

        Keep the order of the draws (blanking an open answer comes last): it is what a seed reproduces.
        """
        rng, seg, plan = self.rng, self.seg, self.plan
        role = self.pick(lambda: rng.choice(seg.role), [x for p in plan for x in p.role])
        age = self.pick(lambda: str(rng.randint(*seg.age)), [str(a) for a in range(18, 66)])
        size = self.pick(lambda: rng.choice(seg.company_size), [x for p in plan for x in p.company_size])
        industry = self.pick(lambda: rng.choice(seg.industry), [x for p in plan for x in p.industry])
        channels = self.channels()
        agree = [AGREE[self.near(a)] for a in seg.agree]
        sat = str(1 + self.near(seg.satisfaction - 1))
        goal = self.either(seg.goals, lambda other: other.goals)
        pain = self.either(seg.frustrations, lambda other: other.frustrations)
        signed = _dt.date(2024, 1, 1) + _dt.timedelta(days=rng.randrange(600))
        extras = [AGREE[self.near(position)] for position in extra_positions]
        return [
            role,
            age,
            size,
            industry,
            "; ".join(channels),
            *agree,
            sat,
            goal if rng.random() > 0.05 else "",
            pain if rng.random() > 0.05 else "",
            signed.isoformat(),
            *extras,
        ]


def _near(rng: random.Random, position: int) -> int:
    """A scale answer at or next to ``position`` (people do not all tick the same box)."""
    return min(4, max(0, position + rng.choice((-1, 0, 0, 0, 1))))


def write_csv(path: str | os.PathLike[str], header: list[str], rows: list[list[str]]) -> None:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(header)
        writer.writerows(rows)
