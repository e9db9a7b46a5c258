"""kill -9 during autosave and imports, and two processes writing at once: nothing promised is lost."""

from __future__ import annotations

from support import reliability_runs


def test_sigkill_during_autosaved_edits_loses_no_committed_edit(tmp_path):
    library = tmp_path / "crash.sqlite"
    report = reliability_runs.crash_edits(library, total=300, slots=10, max_delay=0.15, seed=11)
    assert report.kills >= 2, report  # the experiment really killed children mid-work
    assert report.edits == 300
    assert report.lost == 0, report.notes
    assert report.failed_checks == 0


def test_sigkill_during_a_big_import_stores_all_or_nothing(tmp_path):
    library = tmp_path / "import.sqlite"
    counts = reliability_runs.crash_imports(library, rounds=3, count=2000, seed=3)
    assert all(c in (0, 2000) for c in counts), counts


def test_two_processes_writing_at_once_both_succeed_without_lost_updates(tmp_path):
    library = tmp_path / "shared.sqlite"
    report = reliability_runs.concurrent_writes(library, per_process=120, processes=2)
    assert report.errors == []  # "database is locked" never reached either writer
    assert report.personas_added == 120
    assert report.counter == report.expected_counter == 120
    assert report.lost_updates == 0
