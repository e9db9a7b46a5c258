"""HarfBuzz shaping of one run (one face, one direction): glyph ids and positions.

Why a module of its own: every painter draws the glyphs decided here (the PDF,
the canvas, the PNG), so kerning, ligatures, Arabic joining, mark positioning
and Indic reordering happen once, in the layout engine, with the bundled
files. Results are in 1/1000 em (size-independent: no hinting) and cached per
(text, face, direction), because cards of a batch repeat the same words.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, cached_property, lru_cache
from pathlib import Path

import uharfbuzz as hb

from personadesigner.core.fonts import FACES


@dataclass(frozen=True, slots=True)
class Shaped:
    """One shaped run in visual order, in 1/1000 em.

    ``xs``/``ys``: each glyph's origin from the run's start on the baseline
    (y up, as fonts have it); ``clusters``: the index in the run's logical text
    of the first character each glyph draws; ``width``: the summed advance.
    """

    ids: tuple[int, ...]
    xs: tuple[float, ...]
    ys: tuple[float, ...]
    clusters: tuple[int, ...]
    width: float


_EMPTY = Shaped((), (), (), (), 0.0)


class _Face:
    """A bundled face opened once for HarfBuzz, with its Unicode coverage.

    Opening is cheap on purpose: the file is mapped, not read (the CJK files are
    5 MB each), and the set of every character it has is built only when a whole
    string is tested against it (``chars``); one character is a cmap lookup
    (``has``). The fallback chain may ask a dozen faces about one character.
    """

    def __init__(self, path: str, subfont: int) -> None:
        self.face = hb.Face(hb.Blob.from_file_path(path), subfont)
        self.font = hb.Font(self.face)
        self.upem = self.face.upem
        self.scale = 1000.0 / self.upem
        self.font.scale = (self.upem, self.upem)
        self._nominal = self.font.get_nominal_glyph

    def has(self, cp: int) -> bool:
        """Whether the face's cmap maps code point ``cp`` (the same answer as ``cp in unicodes``)."""
        return self._nominal(cp) is not None

    @cached_property
    def unicodes(self) -> frozenset[int]:
        return frozenset(self.face.unicodes)

    @cached_property
    def chars(self) -> frozenset[str]:
        """Every character the face has: for set tests on whole strings."""
        return frozenset(map(chr, self.unicodes))


@cache
def face(key: str) -> _Face:
    f = FACES[key]
    return _file_face(str(f.path), f.subfont)


#: The files opened so far, by (path, index in a collection): each once per process.
_OPENED: dict[tuple[str, int], _Face] = {}


def _file_face(path: str, subfont: int) -> _Face:
    """One HarfBuzz face per file: a synthetic bold face shapes with its regular's."""
    found = _OPENED.get((path, subfont))
    if found is None:
        found = _OPENED[path, subfont] = _Face(path, subfont)
    return found


def opened_files() -> list[str]:
    """The font files this process has opened for shaping (a Latin card needs one or two)."""
    return sorted({Path(path).name for path, _subfont in _OPENED})


def covers(key: str, cp: int) -> bool:
    return face(key).has(cp)


@lru_cache(maxsize=4096)
def shape(text: str, key: str, rtl: bool) -> Shaped:
    """``text`` (logical order) shaped with the bundled face ``key``; ``rtl`` sets the direction."""
    if not text:
        return _EMPTY
    f = face(key)
    buf = hb.Buffer()
    buf.add_str(text)
    buf.guess_segment_properties()
    buf.direction = "rtl" if rtl else "ltr"
    buf.cluster_level = hb.BufferClusterLevel.MONOTONE_CHARACTERS
    hb.shape(f.font, buf, None)
    # Clusters count code points (add_str). One attribute read per object: they are slow.
    infos = buf.glyph_infos
    scale = f.scale
    xs, ys = [], []
    pen = 0
    for x_offset, y_offset, x_advance, _y_advance in [p.position for p in buf.glyph_positions]:
        xs.append((pen + x_offset) * scale)
        ys.append(y_offset * scale)
        pen += x_advance
    return Shaped(
        tuple([i.codepoint for i in infos]), tuple(xs), tuple(ys), tuple([i.cluster for i in infos]), pen * scale
    )


@lru_cache(maxsize=16384)
def shape_run(text: str, key: str, rtl: bool) -> Shaped:
    """A run as the painters draw it: a right-to-left run shaped whole; a left-to-right
    run word by word (split at spaces) from the word cache, as text engines do (cards
    repeat words far more than lines, and no bundled face kerns or joins across a
    space), so its width is the sum the line breaker measured."""
    if rtl or " " not in text:
        return shape(text, key, rtl)
    ids: list[int] = []
    xs: list[float] = []
    ys: list[float] = []
    clusters: list[int] = []
    pen = 0.0
    start = 0
    space = shape(" ", key, False)
    for k, word in enumerate(text.split(" ")):
        if k:
            ids.extend(space.ids)
            xs.extend([x + pen for x in space.xs])
            ys.extend(space.ys)
            clusters.extend([start] * len(space.ids))
            pen += space.width
            start += 1
        if word:
            sh = shape(word, key, False)
            ids.extend(sh.ids)
            xs.extend([x + pen for x in sh.xs])
            ys.extend(sh.ys)
            clusters.extend([c + start for c in sh.clusters])
            pen += sh.width
            start += len(word)
    return Shaped(tuple(ids), tuple(xs), tuple(ys), tuple(clusters), pen)


def glyph_advance(key: str, gid: int) -> float:
    """The unshaped advance of glyph ``gid`` in 1/1000 em (the PDF's /Widths entry)."""
    f = face(key)
    return f.font.get_glyph_h_advance(gid) * f.scale


def nominal_glyph(key: str, cp: int) -> int | None:
    return face(key).font.get_nominal_glyph(cp)
