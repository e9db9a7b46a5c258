"""Refactors of the layout engine and the template reader change no layout.

Every template x theme x sample persona (the samples, the suite's hostile personas,
an overflowing one; every page size of the sheet templates; with and without bleed)
is laid out and compared with the digests stored before the refactor. A layout
change that is meant must rewrite them: python tests/support/layout_dump.py --write-digests
"""

from __future__ import annotations

import json

from support import layout_dump


def test_every_layout_is_identical_to_the_stored_one():
    stored = json.loads(layout_dump.DIGESTS.read_text(encoding="utf-8"))
    found = layout_dump.digests()
    assert sorted(found) == sorted(stored), (
        "the cases changed: a template, theme or sample persona was added or removed"
    )
    differ = [key for key in stored if found[key] != stored[key]]
    assert not differ, f"{len(differ)} of {len(stored)} layouts changed, e.g. {differ[:5]}"
