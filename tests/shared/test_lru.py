"""The one cache helper: bounded, least recently used first, each value made once."""

from __future__ import annotations

from personadesigner.lru import LruCache


def test_a_full_cache_drops_the_least_recently_used_entry():
    cache: LruCache[str, int] = LruCache(2)
    cache.put("a", 1)
    cache.put("b", 2)
    assert cache.get("a") == 1  # a is now the most recently used
    cache.put("c", 3)
    assert "b" not in cache and cache.get("a") == 1 and cache.get("c") == 3
    assert len(cache) == 2


def test_a_value_is_made_once_and_none_counts_as_a_value():
    cache: LruCache[str, bytes | None] = LruCache(8)
    made = []

    def make():
        made.append(1)
        return None  # a photo that could not be decoded: remembered, not retried

    assert cache.get_or_make("photo", make) is None
    assert cache.get_or_make("photo", make) is None
    assert made == [1]
    cache.clear()
    assert len(cache) == 0
