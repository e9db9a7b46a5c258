"""What kind of answer each column holds, guessed from its header and values.

The kinds: ``identifier`` (one per respondent), ``number``, ``category``,
``multi`` (several options in one cell, separated by ``;``, ``|`` or ``,``),
``likert`` (an ordered scale: "Strongly disagree".."Strongly agree" or 1-5/1-7),
``text`` (open answers), ``date``, and ``ignore``. The guess is printed so the
user can correct it (``--column "Name=kind"``); empty and constant columns are
ignored with the reason said. Cells that do not fit a numeric or scale column
("n/a", "don't know") are counted as stray and treated as missing.
"""

from __future__ import annotations

import datetime as _dt
import functools
import re
from collections import Counter
from dataclasses import dataclass, field

from personadesigner.errors import UserError

KINDS: tuple[str, ...] = ("identifier", "number", "category", "multi", "likert", "text", "date", "ignore")
KIND_ALIASES = {
    "id": "identifier",
    "numeric": "number",
    "categorical": "category",
    "multiselect": "multi",
    "multi-select": "multi",
    "multi_select": "multi",
    "scale": "likert",
    "open": "text",
    "open text": "text",
    "skip": "ignore",
    "ignored": "ignore",
}

#: Ordered scales, lowest first; labels compare case- and space-insensitively.
SCALES: tuple[tuple[str, ...], ...] = (
    (
        "strongly disagree",
        "disagree",
        "somewhat disagree",
        "neither agree nor disagree",
        "neutral",
        "somewhat agree",
        "agree",
        "strongly agree",
    ),
    (
        "very dissatisfied",
        "dissatisfied",
        "somewhat dissatisfied",
        "neutral",
        "somewhat satisfied",
        "satisfied",
        "very satisfied",
    ),
    (
        "very unlikely",
        "unlikely",
        "somewhat unlikely",
        "neither likely nor unlikely",
        "somewhat likely",
        "likely",
        "very likely",
    ),
    (
        "not at all important",
        "slightly important",
        "not important",
        "moderately important",
        "somewhat important",
        "important",
        "very important",
        "extremely important",
    ),
    ("never", "rarely", "sometimes", "often", "very often", "always"),
    ("very poor", "poor", "fair", "good", "very good", "excellent"),
)
_ID_HEADER = re.compile(
    r"(^|\b)(id|uuid|respondent( id| no| number)?|response( id)?|record( id)?|customer id|"
    r"participant( id)?|case( id)?)$",
    re.I,
)
_NUMBER = re.compile(r"^[-+]?(\d{1,3}(,\d{3})+|\d+)?([.]\d+)?$")
_DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%m/%d/%Y", "%d.%m.%Y", "%Y/%m/%d", "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S")
_SEPARATORS = (";", "|", ",")
#: A numeric or scale column may hold this share of stray cells (reported, treated as missing).
STRAY_SHARE = 0.15


@dataclass
class Column:
    """One column's kind and what reading it needs."""

    index: int
    name: str
    kind: str
    reason: str = ""
    #: likert: the scale's labels, lowest first (numbers for a 1-5 scale).
    levels: list[str] = field(default_factory=list)
    #: multi: the separator between options.
    separator: str = ""
    #: cells that did not fit the kind (treated as missing), with how often.
    stray: Counter = field(default_factory=Counter)
    guessed: bool = True

    @property
    def used(self) -> bool:
        """Whether the column takes part in segmenting."""
        return self.kind in ("number", "category", "multi", "likert", "date")


def parse_kind(text: str) -> str:
    key = text.strip().lower()
    key = KIND_ALIASES.get(key, key)
    if key not in KINDS:
        raise UserError(f'"{text}" is not a column kind (use one of: {", ".join(KINDS)}).')
    return key


@functools.lru_cache(maxsize=65536)  # survey answers repeat: parse each distinct text once
def parse_number(cell: str) -> float | None:
    text = cell.strip().replace("\u00a0", "").replace(" ", "")
    if text.endswith("%"):
        text = text[:-1]
    if not text or not _NUMBER.match(text) or text in ("+", "-", "."):
        return None
    try:
        return float(text.replace(",", ""))
    except ValueError:
        return None


_DATE_SHAPE = re.compile(r"^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}([ T]\d\d:\d\d:\d\d)?$")


@functools.lru_cache(maxsize=65536)
def parse_date(cell: str) -> _dt.date | None:
    text = cell.strip()
    if not _DATE_SHAPE.match(text):
        return None
    for fmt in _DATE_FORMATS:
        try:
            return _dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


def split_options(cell: str, separator: str) -> list[str]:
    return [part.strip() for part in cell.split(separator) if part.strip()]


@functools.lru_cache(maxsize=65536)
def _key(text: str) -> str:
    return " ".join(text.lower().replace("-", " ").split())


def infer_columns(
    header: list[str], rows: list[list[str]], overrides: dict[str, str] | None = None, id_column: str | None = None
) -> list[Column]:
    """Every column's kind; ``overrides`` {header: kind} win over the guess."""
    overrides = {_key(k): parse_kind(v) for k, v in (overrides or {}).items()}
    known = {_key(h) for h in header}
    for name in overrides:
        if name not in known:
            raise UserError(f'There is no column "{name}" (named in --column); the columns are: {", ".join(header)}.')
    if id_column is not None and _key(id_column) not in known:
        raise UserError(f'There is no column "{id_column}" (named in --id-column).')
    columns = []
    for i, name in enumerate(header):
        cells = [row[i] for row in rows]
        if id_column is not None and _key(name) == _key(id_column):
            col = Column(i, name, "identifier", "named with --id-column", guessed=False)
        elif _key(name) in overrides:
            col = _as_kind(i, name, cells, overrides[_key(name)])
            col.guessed = False
            col.reason = "corrected"
        else:
            col = guess_column(i, name, cells)
        columns.append(col)
    ids = [c for c in columns if c.kind == "identifier"]
    for extra in ids[1:]:  # one identifier; a second unique column is just not segmented
        extra.kind, extra.reason = "ignore", f'a second identifier besides "{ids[0].name}"'
    return columns


@dataclass
class _Answers:
    """One column's cells as the guessers see them: the non-blank answers and how often each occurs."""

    index: int
    name: str
    cells: list[str]
    values: list[str]
    distinct: Counter

    @property
    def n(self) -> int:
        return len(self.values)

    @property
    def mostly_unique(self) -> bool:
        """Nearly every one of at least 20 respondents answered differently (a code or a running number)."""
        return len(self.distinct) >= 0.98 * self.n and self.n >= 20

    def column(self, kind: str, reason: str) -> Column:
        """A column of ``kind`` that needs nothing read (ignored, identifier, category, text)."""
        return Column(self.index, self.name, kind, reason)

    def read_as(self, kind: str, reason: str, *, levels: list[str] | None = None, separator: str = "") -> Column:
        """A column of ``kind`` with its levels/separator and stray cells (see ``_as_kind``)."""
        col = _as_kind(self.index, self.name, self.cells, kind, levels=levels, separator=separator)
        col.reason = reason
        return col


def guess_column(index: int, name: str, cells: list[str]) -> Column:
    """The column's kind from its header and answers; the first guesser that recognises it wins."""
    values = [c for c in cells if c.strip()]
    if not values:
        return Column(index, name, "ignore", "empty")
    seen = _Answers(index, name, cells, values, Counter(values))
    for guesser in _GUESSERS:
        col = guesser(seen)
        if col is not None:
            return col
    return _category_or_text(seen)


def _guess_constant_or_id(seen: _Answers) -> Column | None:
    """A column with a single answer is ignored; an id-like header with a value per respondent is the id."""
    if len(seen.distinct) == 1:
        return seen.column("ignore", f'constant (every answer is "{seen.values[0][:40]}")')
    if _ID_HEADER.search(seen.name.strip()) and len(seen.distinct) >= 0.9 * seen.n:
        return seen.column("identifier", "an id-like header with a value per respondent")
    return None


def _guess_scale(seen: _Answers) -> Column | None:
    """Answers from a known labelled scale ("Strongly disagree".."Strongly agree")."""
    scale = _scale_of(seen.distinct)
    return None if scale is None else seen.read_as("likert", "ordered scale labels", levels=scale)


def _guess_numeric(seen: _Answers) -> Column | None:
    """Mostly numbers: a rating scale, a running number (identifier) or plain numbers."""
    numbers = [parse_number(v) for v in seen.values]  # cached per distinct answer
    if sum(x is not None for x in numbers) < (1 - STRAY_SHARE) * seen.n:
        return None
    ints = {int(x) for x in numbers if x is not None and float(x).is_integer()}
    whole = all(x is None or float(x).is_integer() for x in numbers)
    if whole and _is_rating_scale(ints):
        return seen.read_as("likert", f"whole numbers {min(ints)}-{max(ints)} (a rating scale)")
    if seen.mostly_unique and whole and _looks_sequential(numbers):
        return seen.column("identifier", "a running number, one per respondent")
    return seen.read_as("number", "numbers")


def _is_rating_scale(ints: set[int]) -> bool:
    """Whole numbers spanning a usual rating range (0-3 .. 0-10, 1-5, 1-7, 1-10), few distinct values."""
    return (
        bool(ints)
        and min(ints) >= 0
        and max(ints) <= 10
        and max(ints) - min(ints) in (3, 4, 5, 6, 9, 10)
        and len(ints) <= 11
    )


def _guess_date(seen: _Answers) -> Column | None:
    """Mostly dates (the stray rest is treated as missing)."""
    dates = sum(c for v, c in seen.distinct.items() if parse_date(v) is not None)
    return seen.read_as("date", "dates") if dates >= (1 - STRAY_SHARE) * seen.n else None


def _guess_code(seen: _Answers) -> Column | None:
    """Short, space-free answers that are nearly all different: a respondent code."""
    if seen.mostly_unique and all(len(v) <= 24 and " " not in v.strip() for v in seen.distinct):
        return seen.column("identifier", "a distinct code per respondent")
    return None


def _guess_multi(seen: _Answers) -> Column | None:
    """Several recurring options per answer, split by one separator."""
    separator = _multi_separator(seen.values)
    if not separator:
        return None
    return seen.read_as("multi", f'several options per answer, separated by "{separator}"', separator=separator)


def _category_or_text(seen: _Answers) -> Column:
    """The fallback: few, short different answers are a category, anything else open text."""
    mean_len = sum(len(v) for v in seen.values) / seen.n
    if len(seen.distinct) <= max(12, min(40, seen.n // 10)) and mean_len <= 40:
        return seen.column("category", f"{len(seen.distinct)} different answers")
    return seen.column("text", "open answers")


#: The guessers in the order they are tried; the order matters (a scale of numbers is not "numbers").
_GUESSERS = (_guess_constant_or_id, _guess_scale, _guess_numeric, _guess_date, _guess_code, _guess_multi)


def _looks_sequential(numbers: list[float | None]) -> bool:
    xs = sorted(x for x in numbers if x is not None)
    return bool(xs) and xs[-1] - xs[0] <= 1.5 * len(xs)


def _scale_of(distinct: Counter) -> list[str] | None:
    """The known scale most answers come from, restricted to the labels used (or None)."""
    total = sum(distinct.values())
    keys = {_key(v): c for v, c in distinct.items()}
    for scale in SCALES:
        hits = sum(c for k, c in keys.items() if k in scale)
        used = [label for label in scale if label in keys]
        if hits >= (1 - STRAY_SHARE) * total and len(used) >= 3:
            return used
    return None


def _multi_separator(values: list[str]) -> str:
    """The separator most multi-answer cells use ("" when none stands out, or the column is blank)."""
    n = len(values)
    if not n:
        return ""
    for sep in _SEPARATORS:
        split = [split_options(v, sep) for v in values]
        with_sep = sum(len(parts) > 1 for parts in split)
        if not with_sep or with_sep < 0.2 * n:
            continue
        options = Counter(o for parts in split for o in parts)
        common = sum(c for c in options.values() if c >= 2)
        if len(options) <= 40 and common >= 0.9 * sum(options.values()) and max(len(o) for o in options) <= 40:
            return sep
    return ""


def _as_kind(
    index: int, name: str, cells: list[str], kind: str, *, levels: list[str] | None = None, separator: str = ""
) -> Column:
    """A column of ``kind`` with what reading it needs, and its stray cells counted."""
    col = Column(index, name, kind)
    values = [c for c in cells if c.strip()]
    if kind == "likert":
        col.levels = _likert_levels(values) if levels is None else levels
        index_of = {_key(level): k for k, level in enumerate(col.levels)}
        col.stray = Counter(v for v in values if _key(v) not in index_of)
    elif kind == "number":
        col.stray = Counter(v for v in values if parse_number(v) is None)
    elif kind == "date":
        col.stray = Counter(v for v in values if parse_date(v) is None)
    elif kind == "multi":
        col.separator = separator or _multi_separator(values) or ";"
    return col


def _likert_levels(values: list[str]) -> list[str]:
    """A scale's levels when none were given: a known labelled scale, else every whole number min..max."""
    levels = _scale_of(Counter(values))
    if levels is not None:
        return levels
    nums = sorted({int(x) for x in (parse_number(v) for v in values) if x is not None and x.is_integer()})
    return [str(x) for x in range(nums[0], nums[-1] + 1)] if nums else []


def likert_rank(col: Column, cell: str) -> float | None:
    """The cell's position on the column's scale (0 = lowest), None for blank or stray."""
    return likert_index(tuple(col.levels)).get(_key(cell))


@functools.lru_cache(maxsize=256)
def likert_index(levels: tuple[str, ...]) -> dict[str, float]:
    return {_key(level): float(k) for k, level in enumerate(levels)}


def describe(columns: list[Column]) -> list[str]:
    """One line per column: the kind, why, and what was ignored."""
    lines = []
    for c in columns:
        how = "guessed" if c.guessed else "set"
        line = f"  {c.name}: {c.kind} ({c.reason or how})"
        if c.kind == "likert" and c.levels:
            line += f" [{' < '.join(c.levels)}]"
        if c.stray:
            shown = ", ".join(f'"{v[:30]}" x{n}' for v, n in c.stray.most_common(3))
            line += f"; {sum(c.stray.values())} cell(s) that are not {c.kind} were treated as missing ({shown})"
        lines.append(line)
    return lines
