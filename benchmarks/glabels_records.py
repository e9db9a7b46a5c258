"""The gLabels peer benchmark's records: N deterministic personas (name, goal, pain).

The same rows as the shared peer benchmark's generator (accents, Cyrillic and
Greek names, a long text that must wrap), kept here so our side of the
comparison never needs the files beside the project.
Run: python benchmarks/glabels_records.py N OUT.csv
"""

from __future__ import annotations

import csv
import sys

FIRST = ["Ada", "Zoë", "Дмитрий", "Ελένη", "Åsa", "José", "Chloé", "Łukasz"]
LAST = ["Lovelace", "Ångström", "Петров", "Παπαδοπούλου", "Nørgaard", "Muñoz", "Dubois", "Wróbel"]


def rows(n: int):
    for i in range(n):
        yield [
            f"{FIRST[i % 8]} {LAST[(i // 8) % 8]} #{i}",
            f"Goal: finish plan {i} without re-typing data from three spreadsheets, "
            "and share a clean one-page summary with the team & stakeholders.",
            "Pain: tools are slow, exports look ugly, and this long text has to wrap "
            "inside the card box without overflowing.",
        ]


def write_csv(n: int, out: str) -> None:
    with open(out, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["name", "goal", "pain"])
        writer.writerows(rows(n))


if __name__ == "__main__":
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    target = sys.argv[2] if len(sys.argv) > 2 else "personas.csv"
    write_csv(count, target)
    print(target, count)
