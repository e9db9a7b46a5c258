"""Issue 15 attack cases on files and disks, each one run as the real command (tests/support/fault_cases_fs.py).

Every case must end in the truth: what works keeps working (a read-only or full
library can still be listed and exported), what cannot be done is one line
naming the real cause, and nothing is called damaged, replaced, hung or changed.
Cases that need a non-root user or a mount skip with the reason where that is impossible.
"""

from __future__ import annotations

import shutil

import pytest

from support import fault_cases_fs  # noqa: F401 - registers the cases
from support.fault_cases import CASES, judge, run_case
from support.privileges import open_folder

FS_CASES = [c for c in CASES.values() if c.run.__module__ == "support.fault_cases_fs"]


@pytest.mark.parametrize("attack", FS_CASES, ids=[c.name for c in FS_CASES])
def test_attack_ends_in_the_truth(attack):
    folder = open_folder()
    try:
        outcome = run_case(attack, folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    if isinstance(outcome, str):
        pytest.skip(outcome)
    assert judge(outcome) == [], f"exit {outcome.code}; stderr: {outcome.err.strip()[-500:]}"
