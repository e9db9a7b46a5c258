"""One bounded cache for the app: when full, the least recently used entry goes.

Photos, thumbnails, decoded images and raw fonts are cached in several layers;
each used to have its own eviction rule (clear everything at 64, drop the oldest,
move to the end on a hit or not). They all use this one now, so a cache's only
decision is its size. Thread-safe: the storage and export workers share some.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")

_MISSING = object()


class LruCache(Generic[K, V]):
    """At most ``maxsize`` entries; a hit makes an entry the most recently used. ``None`` is a value."""

    def __init__(self, maxsize: int) -> None:
        if maxsize < 1:
            raise ValueError("an LruCache holds at least one entry")
        self.maxsize = maxsize
        self._items: OrderedDict[K, V] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: K, default: V | None = None) -> V | None:
        with self._lock:
            value = self._items.get(key, _MISSING)
            if value is _MISSING:
                return default
            self._items.move_to_end(key)
            return value  # type: ignore[return-value]

    def put(self, key: K, value: V) -> V:
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self.maxsize:
                self._items.popitem(last=False)
        return value

    def get_or_make(self, key: K, make: Callable[[], V]) -> V:
        """The cached value, or ``make()`` stored (made outside the lock: it may be slow)."""
        value = self.get(key, _MISSING)  # type: ignore[arg-type]
        if value is _MISSING:
            return self.put(key, make())
        return value  # type: ignore[return-value]

    def __contains__(self, key: object) -> bool:
        with self._lock:
            return key in self._items

    def __len__(self) -> int:
        with self._lock:
            return len(self._items)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
