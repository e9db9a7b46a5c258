"""`personadesigner discover` as a user runs it: outputs, import, and bad input in one line."""

from __future__ import annotations

import csv
import json

import pytest

from personadesigner.discovery import synthetic
from personadesigner.storage.library import Library


@pytest.fixture
def survey(tmp_path):
    header, rows, _ = synthetic.generate(300, 3, seed=1)
    path = tmp_path / "survey.csv"
    synthetic.write_csv(path, header, rows)
    return path


def _write(path, header, rows, encoding="utf-8"):
    with open(path, "w", encoding=encoding, newline="") as fh:
        w = csv.writer(fh)
        w.writerow(header)
        w.writerows(rows)
    return path


def _one_error_line(run):
    assert run.code == 2, run.err
    assert "Traceback" not in run.err
    assert len(run.err.strip().splitlines()) == 1
    return run.err


def test_discover_writes_drafts_assignments_and_imports(cli, survey, tmp_path):
    lib = tmp_path / "lib.sqlite"
    run = cli(
        "discover",
        survey,
        "--segments",
        "3",
        "--out",
        tmp_path / "d.json",
        "--assignments",
        tmp_path / "a.csv",
        "--import",
        "--library",
        lib,
    )
    assert run.code == 0, run.err
    assert "Respondent ID: identifier" in run.out and "Segment 3:" in run.out
    assert "% vs" in run.out  # distinguishing answers with numbers
    doc = json.loads((tmp_path / "d.json").read_text(encoding="utf-8"))
    assert len(doc["personas"]) == 3
    rows = list(csv.reader((tmp_path / "a.csv").open(encoding="utf-8-sig")))
    assert rows[0] == ["Respondent ID", "Segment", "Draft persona"] and len(rows) == 301
    with Library.open(str(lib), create=False) as library:
        assert sorted(s.name for s in library.list(tag="draft")) == sorted(p["name"] for p in doc["personas"])


def test_column_kind_can_be_corrected(cli, survey):
    run = cli("discover", survey, "--segments", "3", "--column", "Age=category")
    assert run.code == 0, run.err
    assert "Age: category (corrected)" in run.out


def test_fewer_respondents_than_segments(cli, tmp_path):
    path = _write(tmp_path / "s.csv", ["Role", "Age"], [["A", "30"], ["B", "40"], ["C", "50"]])
    assert "fewer than the 5 segments" in _one_error_line(cli("discover", path, "--segments", "5"))


def test_a_single_column(cli, tmp_path):
    path = _write(tmp_path / "s.csv", ["Role"], [["A"], ["B"]] * 10)
    assert "single column" in _one_error_line(cli("discover", path))


def test_all_empty_columns_are_ignored_and_said(cli, survey, tmp_path):
    header, rows, _ = synthetic.generate(200, 3, seed=2)
    path = _write(tmp_path / "s.csv", header + ["Notes", "Country"], [r + ["", "Germany"] for r in rows])
    run = cli("discover", path, "--segments", "3")
    assert run.code == 0, run.err
    assert 'Ignored: "Notes" (empty); "Country" (constant' in run.out


def test_an_empty_column_forced_to_multi_is_no_crash(cli, tmp_path):
    header, rows, _ = synthetic.generate(200, 3, seed=2)
    path = _write(tmp_path / "s.csv", header + ["Empty"], [r + [""] for r in rows])
    run = cli("discover", path, "--segments", "3", "--column", "Empty=multi")
    assert run.code == 0, run.err
    assert "Empty: multi (corrected)" in run.out
    assert "Segment 3:" in run.out


def test_only_empty_columns_is_one_line(cli, tmp_path):
    path = _write(tmp_path / "s.csv", ["ID", "A", "B"], [[str(i), "", ""] for i in range(20)])
    assert "can be segmented on" in _one_error_line(cli("discover", path))


def test_identifier_with_duplicates(cli, survey, tmp_path):
    header, rows, _ = synthetic.generate(100, 3, seed=2)
    rows[5][0] = rows[4][0]
    path = _write(tmp_path / "s.csv", header, rows)
    err = _one_error_line(cli("discover", path, "--segments", "3", "--id-column", "Respondent ID"))
    assert "repeats 1 id(s)" in err and rows[4][0] in err


def test_formulas_are_text_and_neutralised_when_written_back(cli, tmp_path):
    header, rows, _ = synthetic.generate(200, 3, seed=2)
    for i, r in enumerate(rows):
        r[0] = f"=cmd|' /C calc'!A{i}"
    path = _write(tmp_path / "s.csv", header, rows)
    run = cli("discover", path, "--segments", "3", "--id-column", "Respondent ID", "--assignments", tmp_path / "a.csv")
    assert run.code == 0, run.err
    out = list(csv.reader((tmp_path / "a.csv").open(encoding="utf-8-sig")))
    assert out[1][0] == "'=cmd|' /C calc'!A0"


def test_mixed_encodings_name_the_line(cli, tmp_path):
    header, rows, _ = synthetic.generate(50, 3, seed=2)
    path = _write(tmp_path / "s.csv", header, rows)
    data = path.read_bytes() + "R99999,Café owner,40\n".encode("cp1252")
    path.write_bytes("Größe,".encode() + data)
    err = _one_error_line(cli("discover", path))
    assert "line 52 is not UTF-8" in err and "--encoding" in err


def test_likert_with_stray_text_is_reported_not_fatal(cli, tmp_path):
    header, rows, _ = synthetic.generate(200, 3, seed=2)
    for r in rows[:12]:
        r[8] = "don't know"
    path = _write(tmp_path / "s.csv", header, rows)
    run = cli("discover", path, "--segments", "3")
    assert run.code == 0, run.err
    assert "I enjoy trying new tools: likert" in run.out
    assert '12 cell(s) that are not likert were treated as missing ("don\'t know" x12)' in run.out


def test_failed_import_leaves_the_library_unchanged(cli, survey, tmp_path):
    lib = tmp_path / "lib.sqlite"
    assert cli("import", "--library", lib, tmp_path / "missing.json").code == 2
    with Library.open(str(lib)) as library:
        before = library.count()
    run = cli("discover", survey, "--segments", "9", "--import", "--library", lib)
    assert run.code == 2
    with Library.open(str(lib), create=False) as library:
        assert library.count() == before


def test_xlsx_is_read(cli, tmp_path):
    from openpyxl import Workbook

    header, rows, _ = synthetic.generate(200, 3, seed=2)
    book = Workbook()
    sheet = book.active
    sheet.append(header)
    for r in rows:
        sheet.append([int(c) if c.isdigit() else c for c in r])
    book.save(tmp_path / "s.xlsx")
    run = cli("discover", tmp_path / "s.xlsx", "--segments", "3")
    assert run.code == 0, run.err
    assert "Age: number" in run.out and "Segment 3:" in run.out
