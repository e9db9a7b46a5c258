"""Lists continued on the card's back: what the front left out, handed from the front to the back.

When backs are printed, a front that has to stop a list says "+8 more goals on
the back" instead of "+8 more goals", and records which items it did not show
in full (``LeftOut``). The back's ``continued`` section (core.section_continued)
prints exactly those items, so nothing a persona holds is hidden from a printed
deck. The front records through the Flow it is given; the back reads the record
through ``continuing`` (a context variable: section builders take only the spec,
the persona and the names, and the back is laid out by the same engine).
No Qt, no I/O.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field

#: What the "+N more goals" marker says when the back continues the list.
ON_THE_BACK = " on the back"


@dataclass
class LeftOut:
    """The list items a card's front did not show in full, by persona field.

    ``fields``: the lists the back continues (None: every list); the front's
    markers name the back only for those. ``items``: field -> item indexes left
    out (wholly, or cut short with "…"); ``after``: field -> the first item a
    template limit (``max_items``) left out, the items from there on left out too.
    """

    fields: frozenset[str] | None = None
    items: dict[str, set[int]] = field(default_factory=dict)
    after: dict[str, int] = field(default_factory=dict)

    def continues(self, field_name: str | None) -> bool:
        return field_name is not None and (self.fields is None or field_name in self.fields)

    def add(self, field_name: str, items: Iterable[int | None]) -> None:
        found = {i for i in items if i is not None}
        if found:
            self.items.setdefault(field_name, set()).update(found)

    def add_after(self, field_name: str, item: int | None) -> None:
        if item is not None:
            self.after[field_name] = min(item, self.after.get(field_name, item))

    def left_out(self, field_name: str, item: int) -> bool:
        """Whether the front did not show item ``item`` of ``field_name`` in full."""
        after = self.after.get(field_name)
        return item in self.items.get(field_name, ()) or (after is not None and item >= after)

    def fields_left_out(self) -> list[str]:
        """The fields with something left out, in the order they were recorded."""
        return list(dict.fromkeys([*self.items, *self.after]))


_CONTINUING: ContextVar[LeftOut | None] = ContextVar("continuing", default=None)


@contextmanager
def continuing(left_out: LeftOut | None) -> Iterator[None]:
    """While the back is laid out: what its ``continued`` sections print."""
    token = _CONTINUING.set(left_out)
    try:
        yield
    finally:
        _CONTINUING.reset(token)


def current() -> LeftOut | None:
    """What the front being continued left out (None: no back is being laid out)."""
    return _CONTINUING.get()
