"""How full each card's body is: empty share per template x persona (the samples, the
test personas and generated sparse ones). Target: at most 25 % empty on card, profile
and poster for personas with at least four filled sections.

Run: python benchmarks/card_fill.py
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from personadesigner.core.card_fill import empty_share, filled_sections, text_empty_share  # noqa: E402
from personadesigner.core.layout import layout  # noqa: E402
from support.fill_personas import fill_personas  # noqa: E402

TEMPLATES = ("card", "profile", "poster", "slide", "mini")


def main() -> None:
    people = fill_personas()
    print("empty share of the body: with module panels / text, sliders and photos only (filled sections)")
    print(f"{'persona':24s}" + "".join(f"{t:>16s}" for t in TEMPLATES))
    worst = 0.0
    for key, p in people.items():
        cells = []
        for t in TEMPLATES:
            card = layout(p, t, "classic")
            share = empty_share(card)
            n = filled_sections(card)
            flag = " "
            if t in ("card", "profile", "poster") and n >= 4:
                worst = max(worst, share)
                flag = "!" if share > 0.25 else " "
            cells.append(f"{share * 100:5.1f}/{text_empty_share(card) * 100:3.0f}% ({n:2d}){flag}")
        print(f"{key[:24]:24s}" + "".join(f"{c:>16s}" for c in cells))
    print(f"worst empty share (card/profile/poster, >= 4 sections): {worst * 100:.1f} % (target <= 25 %)")


if __name__ == "__main__":
    main()
