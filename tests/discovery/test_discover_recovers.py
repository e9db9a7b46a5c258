"""Discover finds planted segments in generated survey data (mixed kinds, 10 % noise)."""

from __future__ import annotations

import datetime as _dt

import numpy as np
import pytest

from personadesigner.discovery import run, synthetic
from personadesigner.discovery.segment import adjusted_rand
from personadesigner.discovery.table import Table
from personadesigner.interchange.json_io import read_json, write_json

TODAY = _dt.date(2026, 11, 28)


def _discover(n: int, planted: int, segments: int | None, data_seed: int = 1):
    header, rows, truth = synthetic.generate(n, planted, seed=data_seed, noise=0.10)
    table = Table("survey.csv", header, rows)
    result = run.discover(table, run.plan_columns(table), segments, seed=1, today=TODAY)
    return result, rows, np.array(truth)


@pytest.mark.parametrize("planted", [3, 4, 5])
def test_recovers_planted_segments_with_the_right_n(planted):
    result, _rows, truth = _discover(600, planted, planted)
    assert result.segmentation.k == planted
    assert adjusted_rand(result.segmentation.labels, truth) >= 0.8


@pytest.mark.parametrize("planted,data_seed", [(3, 1), (4, 2), (5, 1)])
def test_auto_finds_n_or_a_neighbour(planted, data_seed):
    result, _rows, _truth = _discover(600, planted, None, data_seed)
    assert abs(result.segmentation.k - planted) <= 1


def test_each_quote_goals_and_pains_are_real_answers_of_the_segments_respondents():
    result, rows, _truth = _discover(400, 4, 4)
    goal_col, pain_col = 10, 11
    for k, seg in enumerate(result.segments):
        members = [rows[i] for i in np.flatnonzero(result.segmentation.labels == k)]
        said = {r[goal_col] for r in members} | {r[pain_col] for r in members}
        p = seg.persona
        assert p.quote in said
        assert p.goals and set(p.goals) <= {r[goal_col] for r in members}
        assert p.pain_points and set(p.pain_points) <= {r[pain_col] for r in members}


def test_drafts_carry_share_source_confidence_and_draft_tag():
    result, _rows, _truth = _discover(600, 4, 4)
    sizes = [s.size for s in result.segments]
    assert sum(sizes) == 600 and sizes == sorted(sizes, reverse=True)
    for s in result.segments:
        p = s.persona
        assert p.name.startswith(f"Draft persona {s.number}")
        assert p.tags == ["draft"]
        assert p.sources[0].kind == "survey"
        assert p.sources[0].title == f"Survey survey.csv, n = {s.size} of 600"
        assert p.confidence in ("low", "medium", "high")
        assert p.role and p.age and p.channels


def test_same_seed_same_segments():
    a, _, _ = _discover(300, 3, 3)
    b, _, _ = _discover(300, 3, 3)
    assert np.array_equal(a.segmentation.labels, b.segmentation.labels)


def test_drafts_round_trip_through_json(tmp_path):
    result, _rows, _truth = _discover(300, 3, 3)
    path = tmp_path / "drafts.json"
    write_json(result.drafts, path)
    back = read_json(path)
    assert not back.warnings
    assert [p.to_dict() for p in back.personas] == [p.to_dict() for p in result.drafts]


def test_large_file_is_segmented_from_a_sample_and_everyone_assigned():
    result, _rows, truth = _discover(5000, 4, 4)
    assert len(result.segmentation.labels) == 5000
    assert adjusted_rand(result.segmentation.labels, truth) >= 0.8
