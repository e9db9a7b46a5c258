"""Reading a CSV with huge cells leaves the csv module's process-wide field limit as it was:
another csv user in the process (a plug-in, the discovery import) keeps its own."""

from __future__ import annotations

import csv

from personadesigner.interchange.checks import Warnings
from personadesigner.interchange.csv_io import csv_rows, iter_csv


def test_a_csv_with_a_long_cell_is_read_and_the_field_limit_is_put_back(tmp_path):
    csv.field_size_limit(1000)  # what another part of the process chose
    try:
        story = "Long story. " * 20_000  # 240 000 characters: over the csv default of 131 072
        path = tmp_path / "people.csv"
        path.write_text(f'name,story\nAnna Berg,"{story}"\n', encoding="utf-8")
        people = list(iter_csv(path, Warnings()))
        assert [p.name for p in people] == ["Anna Berg"] and people[0].story.strip() == story.strip()
        assert csv.field_size_limit() == 1000
        rows = csv_rows(f'name,story\nCarl,"{story}"\n', "pasted")
        assert rows[1][1][1] == story and csv.field_size_limit() == 1000
    finally:
        csv.field_size_limit(131072)
