"""The field registry: one declaration per field, read by the model, JSON, CSV and search.

A field declared in core/fields.py must reach every place a user meets it; these
tests fail when one of them still keeps its own list. jobs_to_be_done, the
field added through the registry, is followed through storage, JSON and CSV.
"""

from __future__ import annotations

import dataclasses
import json

import pytest

from personadesigner.core.fields import FIELDS, SPECS
from personadesigner.core.persona import Persona, persona_to_dict
from personadesigner.errors import ValidationError
from personadesigner.interchange.csv_fields import CSV_FIELDS, field_for_header
from personadesigner.interchange.csv_io import read_csv, write_csv
from personadesigner.interchange.json_io import read_json, write_json
from personadesigner.storage.library import Library

JOBS = [
    "When a boiler fails in a basement, I want to close the report offline, so I can drive to the next call",
    "When I open an unknown boiler, I want its part history; so I can bring the right part",  # ";" inside an item
]


def test_the_persona_model_holds_exactly_the_registry_fields():
    model = [f.name for f in dataclasses.fields(Persona) if f.name != "version"]
    assert sorted(model) == sorted(SPECS), "a field is declared in core/fields.py and on Persona, nowhere else"


def test_json_writes_every_registry_field_in_registry_order():
    data = persona_to_dict(Persona(name="Anna"), include_empty=True)
    # photo is added by interchange (a data: URL or a file); everything else is here, in order
    assert list(data) == [s.name for s in FIELDS if s.name != "photo"]
    # the contract (design/persona-model.md) puts jobs to be done right after pain points
    assert list(data)[list(data).index("pain_points") + 1] == "jobs_to_be_done"


@pytest.mark.parametrize("spec", [s for s in FIELDS if s.in_csv], ids=lambda s: s.name)
def test_every_csv_field_is_a_column_matched_by_its_name_label_and_synonyms(spec):
    assert spec.name in CSV_FIELDS
    for header in (spec.name, spec.label, spec.label.upper(), *spec.csv_synonyms):
        assert field_for_header(header) == spec.name, header


def test_jobs_to_be_done_csv_headers():
    for header in ("jobs_to_be_done", "Jobs to be done", "JTBD", "jtbd", "Jobs", "jobs-to-be-done"):
        assert field_for_header(header) == "jobs_to_be_done"
    assert field_for_header("Job") == "role"  # a job title stays a role


def test_jobs_to_be_done_must_be_a_list_of_text():
    p = Persona(name="Yusuf", jobs_to_be_done=["ok", 3])
    with pytest.raises(ValidationError) as err:
        p.validate()
    assert err.value.field == "jobs_to_be_done"


def test_jobs_to_be_done_survive_a_library_and_a_json_round_trip(tmp_path):
    with Library.open(str(tmp_path / "a.sqlite")) as lib:
        lib.add_many([Persona(name="Yusuf Demir", jobs_to_be_done=JOBS)])
        stored = lib.find("Yusuf Demir")
        assert stored.jobs_to_be_done == JOBS
        write_json([stored], tmp_path / "out.json")
    doc = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))["personas"][0]
    assert doc["jobs_to_be_done"] == JOBS
    back = read_json(tmp_path / "out.json").personas
    with Library.open(str(tmp_path / "b.sqlite")) as other:
        other.add_many(back)
        assert other.find("Yusuf Demir").jobs_to_be_done == JOBS


def test_jobs_to_be_done_survive_a_csv_round_trip(tmp_path):
    write_csv([Persona(name="Yusuf Demir", jobs_to_be_done=JOBS)], tmp_path / "out.csv")
    header = (tmp_path / "out.csv").read_text(encoding="utf-8-sig").splitlines()[0].split(",")
    assert "jobs_to_be_done" in header
    assert read_csv(tmp_path / "out.csv").personas[0].jobs_to_be_done == JOBS


def test_a_spreadsheet_jtbd_column_is_imported_as_jobs_to_be_done(tmp_path):
    sheet = tmp_path / "survey.csv"
    sheet.write_text(
        "Name,JTBD\nRosa Delgado,When an order arrives by chat; When a cake is ordered\n", encoding="utf-8"
    )
    result = read_csv(sheet)
    assert result.personas[0].jobs_to_be_done == ["When an order arrives by chat", "When a cake is ordered"]


def test_search_finds_a_persona_by_a_word_of_its_jobs(tmp_path):
    with Library.open(str(tmp_path / "a.sqlite")) as lib:
        lib.add_many([Persona(name="Yusuf Demir", jobs_to_be_done=JOBS), Persona(name="Rosa Delgado")])
        assert [s.name for s in lib.list(search="BASEMENT")] == ["Yusuf Demir"]
