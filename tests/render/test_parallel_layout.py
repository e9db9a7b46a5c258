"""A long batch laid out by two processes (render.parallel_layout) gives exactly the cards one
process gives, in the same order; a helper that fails or dies costs nothing but time, and an
error a card raises is raised here as it would be without the helper."""

from __future__ import annotations

import os
import subprocess
import sys
import threading

import pytest

from personadesigner.render.parallel_layout import can_fork, in_parallel
from support.cli_helpers import REPO

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="the helper is a fork (POSIX)")

N = 300  # above MIN_CARDS: several chunks go to the helper


def _in_a_fresh_process(code: str) -> None:
    """Run ``code`` in a new interpreter: a test process may have other threads (a database server,
    Qt), and a process with threads lays everything out itself (checked below)."""
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, timeout=300)
    assert r.returncode == 0, r.stderr


def test_cards_from_the_helper_are_the_cards_this_process_makes_in_the_same_order():
    _in_a_fresh_process(
        f"""
import sys
sys.path.insert(0, "tests")
from support.parallel_cases import same_cards_both_ways
same_cards_both_ways({N})
"""
    )


def test_most_items_are_made_by_another_process_and_come_back_in_order():
    _in_a_fresh_process(
        f"""
import os
from personadesigner.render.parallel_layout import can_fork, in_parallel
assert can_fork()
here = os.getpid()
made = list(in_parallel(list(range({N})), lambda i, item: (item, os.getpid())))
assert [item for item, _pid in made] == list(range({N}))
assert sum(pid != here for _item, pid in made) >= {N} // 2, "two chunks in three are the helper's"
"""
    )


def test_a_helper_that_fails_leaves_its_chunks_to_this_process():
    _in_a_fresh_process(
        f"import sys; sys.path.insert(0, 'tests'); from support.parallel_cases import helper_fails; helper_fails({N})"
    )


def test_an_error_a_card_raises_is_raised_here():
    _in_a_fresh_process(
        f"import sys; sys.path.insert(0, 'tests'); from support.parallel_cases import card_fails; card_fails({N})"
    )


def test_a_process_with_other_threads_lays_everything_out_itself():
    release = threading.Event()
    other = threading.Thread(target=release.wait)
    other.start()
    try:
        assert not can_fork()
        made = list(in_parallel(list(range(N)), lambda i, item: os.getpid()))
        assert set(made) == {os.getpid()}
    finally:
        release.set()
        other.join()
