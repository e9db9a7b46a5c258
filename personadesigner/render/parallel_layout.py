"""A long batch's cards laid out by two processes: a forked helper lays out most of them while
this process lays out the rest and paints every one.

Why: a 1000-card export spent two thirds of its time laying cards out on one core while the
machine's other cores idled. Layout is deterministic (a card is laid out the same whatever
was laid out before it: the layout digests and the fit search's warm-start tests pin that),
so any process may lay out any card. The helper is a fork of this process, so it has the
personas, templates, themes and fonts already; it sends its cards back in chunks, pickled
(cards of a batch share most of their primitives, so a pickled chunk is small and quick to
read: about 0.02 ms a card against 0.34 ms to lay one out).

Nothing depends on the helper: if it fails or dies, this process lays out the chunks it did not
send, which also raises any error a card gives (with its traceback here). The pipe holds at most
a few chunks, so the helper never runs far ahead and memory does not grow with the batch.
Only a process with one thread forks (the command line's export; never the app, whose Qt
threads a fork would copy half-way), and only where ``os.fork`` exists.
"""

from __future__ import annotations

import os
import pickle
import signal
import struct
import threading
from collections.abc import Callable, Iterator, Sequence
from typing import BinaryIO, TypeVar

T = TypeVar("T")
R = TypeVar("R")

#: Cards per message: big enough that a pickled chunk shares its primitives, small enough
#: that the painter never waits long for the first one.
CHUNK = 25
#: Of every PERIOD chunks, this process lays out the first; the helper the others (this
#: process also paints every card, which costs about a third of laying one out).
PERIOD = 3
#: Fewer cards than this are laid out here alone: a fork costs a few milliseconds.
MIN_CARDS = 150

_LENGTH = struct.Struct("<Q")


def can_fork() -> bool:
    """Whether this process may fork a layout helper (POSIX, and no other thread running)."""
    return hasattr(os, "fork") and threading.active_count() == 1


def in_parallel(items: Sequence[T], lay_out: Callable[[int, T], R]) -> Iterator[R]:
    """``lay_out(i, items[i])`` for every item, in order; most of them computed by a forked helper
    when the batch is long and this process may fork (``can_fork``), else all of them here."""
    if len(items) < MIN_CARDS or not can_fork():
        return (lay_out(i, item) for i, item in enumerate(items))
    return _with_helper(items, lay_out)


def _helpers_chunk(k: int) -> bool:
    return k % PERIOD != 0


def _with_helper(items: Sequence[T], lay_out: Callable[[int, T], R]) -> Iterator[R]:
    # The first chunk is this process's: laid out before the fork, so the helper starts with the
    # fonts opened and the batch's common words measured instead of doing that work again.
    first = [lay_out(i, items[i]) for i in range(min(CHUNK, len(items)))]
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the helper: lay out its chunks, send them, and leave without running any cleanup
        os.close(read_end)
        status = 1
        try:
            with os.fdopen(write_end, "wb") as pipe:
                _send_chunks(items, lay_out, pipe)
            status = 0
        finally:
            os._exit(status)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as pipe:
        try:
            yield from first
            del first[:]
            yield from _receive_chunks(items, lay_out, pipe, skip=1)
        finally:
            _stop(pid)


def _send_chunks(items: Sequence[T], lay_out: Callable[[int, T], R], pipe: BinaryIO) -> None:
    for k, start in enumerate(range(0, len(items), CHUNK)):
        if _helpers_chunk(k):
            cards = [lay_out(i, items[i]) for i in range(start, min(start + CHUNK, len(items)))]
            data = pickle.dumps(cards, protocol=pickle.HIGHEST_PROTOCOL)
            pipe.write(_LENGTH.pack(len(data)))
            pipe.write(data)
            pipe.flush()


def _receive_chunks(items: Sequence[T], lay_out: Callable[[int, T], R], pipe: BinaryIO, skip: int) -> Iterator[R]:
    """Every chunk after the first ``skip``, in order: the helper's read from ``pipe``, the others laid out here."""
    helper_alive = True
    for k, start in enumerate(range(0, len(items), CHUNK)):
        if k < skip:
            continue
        end = min(start + CHUNK, len(items))
        if _helpers_chunk(k) and helper_alive:
            cards = _read_chunk(pipe, end - start)
            if cards is not None:
                yield from cards
                continue
            helper_alive = False  # it failed or died: the rest is laid out here
        for i in range(start, end):
            yield lay_out(i, items[i])


def _read_chunk(pipe: BinaryIO, count: int) -> list | None:
    """The helper's next chunk of ``count`` cards, or None when it sent no (whole) chunk."""
    head = pipe.read(_LENGTH.size)
    if len(head) != _LENGTH.size:
        return None
    (size,) = _LENGTH.unpack(head)
    data = pipe.read(size)
    if len(data) != size:
        return None
    cards = pickle.loads(data)
    return cards if isinstance(cards, list) and len(cards) == count else None


def _stop(pid: int) -> None:
    """End the helper (it may still be laying out when the export stops early) and reap it."""
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    os.waitpid(pid, 0)
