"""CSV import from real-world spreadsheets and formula-safe CSV export."""

from __future__ import annotations

import csv
import dataclasses

import pytest

from personadesigner.atomic import atomic_write
from personadesigner.errors import InterchangeError
from personadesigner.interchange.csv_io import read_csv, write_csv
from personadesigner.samples import sample_personas
from support.interchange_helpers import full_persona


def _write(path, text: str, encoding: str = "utf-8") -> None:
    path.write_bytes(text.encode(encoding))


def test_header_synonyms_spaces_dashes_and_case(tmp_path):
    path = tmp_path / "survey.csv"
    _write(
        path,
        "Full-Name,PERSONA TYPE,job_title,Frustrations,Bio,City,Objectives,Challenges\n"
        "Anna Berg,End user,Marketer,Budget,Runs marketing alone,Malmö,More leads,No time\n",
    )
    result = read_csv(path)
    p = result.personas[0]
    assert (p.name, p.type, p.role, p.story, p.location) == (
        "Anna Berg",
        "end_user",
        "Marketer",
        "Runs marketing alone",
        "Malmö",
    )
    assert p.goals == ["More leads"]
    assert p.pain_points == ["Budget", "No time"]  # two synonym columns add up
    assert result.columns["Frustrations"] == "pain_points"
    assert result.unmatched == []


def test_list_cells_one_item_per_line_or_semicolons(tmp_path):
    path = tmp_path / "p.csv"
    _write(path, 'Name,Goals,Channels\nAnna,"Save time\nGrow leads; fast",LinkedIn; Email ;  Events\n')
    p = read_csv(path).personas[0]
    assert p.goals == ["Save time", "Grow leads; fast"]
    assert p.channels == ["LinkedIn", "Email", "Events"]


def test_traits_sources_related_cells(tmp_path):
    path = tmp_path / "p.csv"
    _write(
        path,
        "Name,Personality,Research sources,Related personas\n"
        'Anna,"Introvert-Extrovert: 70\nTech-shy - Tech-savvy: 20%",'
        '"interview | Spring round | 2026-03-12 | 7 of 9\nsurvey",Buys for: Ben\n',
    )
    p = read_csv(path).personas[0]
    assert [(t.left, t.right, t.value) for t in p.traits] == [
        ("Introvert", "Extrovert", 70),
        ("Tech-shy", "Tech-savvy", 20),
    ]
    assert (p.sources[0].kind, p.sources[0].title, p.sources[0].date, p.sources[0].note) == (
        "interview",
        "Spring round",
        "2026-03-12",
        "7 of 9",
    )
    assert p.sources[1].kind == "survey"
    assert (p.related[0].relation, p.related[0].persona) == ("buys_for", "Ben")


def test_bom_and_semicolon_delimiter(tmp_path):
    path = tmp_path / "excel.csv"
    path.write_bytes("\ufeffName;Role\nZoë;Chef\n".encode("utf-8"))
    p = read_csv(path).personas[0]
    assert (p.name, p.role) == ("Zoë", "Chef")


def test_not_utf8_names_the_line_and_encoding_option_reads_it(tmp_path):
    path = tmp_path / "cp1252.csv"
    _write(path, "Name,Role\nAnna,Chef\nRené,Café owner\n", encoding="cp1252")
    with pytest.raises(InterchangeError) as err:
        read_csv(path)
    assert "line 3" in str(err.value) and "--encoding" in str(err.value)
    p = read_csv(path, encoding="cp1252").personas[1]
    assert (p.name, p.role) == ("René", "Café owner")


def test_unmatched_columns_are_reported_and_can_be_mapped(tmp_path):
    path = tmp_path / "crm.csv"
    _write(path, "Name,Favourite snack,Account owner,Internal score\nAnna,Figs,Jo,7\n")
    result = read_csv(path)
    assert result.unmatched == ["Favourite snack", "Account owner", "Internal score"]
    assert any('"Favourite snack"' in w for w in result.warnings)
    mapped = read_csv(path, mapping={"favourite snack": "custom", "Account owner": "notes", "Internal score": ""})
    p = mapped.personas[0]
    assert mapped.unmatched == [] and mapped.warnings == []
    assert [(c.label, c.value) for c in p.custom] == [("Favourite snack", "Figs")]
    assert p.notes == "Jo"


def test_map_to_an_unknown_field_is_an_error(tmp_path):
    path = tmp_path / "p.csv"
    _write(path, "Name,X\nAnna,1\n")
    with pytest.raises(InterchangeError, match='"shoe size" is not a persona field'):
        read_csv(path, mapping={"X": "shoe size"})


@pytest.mark.parametrize(
    ("row", "words"),
    [
        (",Chef,customer", "line 2: persona (no name): name: a name is required"),
        ("Anna,Chef,VIP", 'line 2: persona "Anna": type: "VIP" is not a persona type'),
    ],
)
def test_row_errors_name_line_persona_and_field(tmp_path, row, words):
    path = tmp_path / "p.csv"
    _write(path, f"Name,Role,Type\n{row}\n")
    with pytest.raises(InterchangeError) as err:
        read_csv(path)
    assert words in str(err.value)


def test_trait_value_out_of_range_is_refused(tmp_path):
    path = tmp_path / "p.csv"
    _write(path, 'Name,Traits\nAnna,"Calm - Loud: 140"\n')
    with pytest.raises(InterchangeError, match=r'persona "Anna": traits\[0\].value: 140 is outside 0-100'):
        read_csv(path)


DANGEROUS = [
    '=HYPERLINK("http://evil.example","click")',
    "+1",
    "-2",
    "@SUM(A1:A2)",
    "\tTab",
    "\rCR",
    "'=already quoted",
]


def test_formula_cells_are_neutralised_and_round_trip_exactly(tmp_path):
    p = full_persona()
    p.photo = None
    p.role, p.age, p.gender, p.location, p.income, p.education, p.household = DANGEROUS
    p.goals = [DANGEROUS[0], "fine"]
    out = tmp_path / "out.csv"
    write_csv([p], out)
    with out.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    row = rows[0]
    assert row["role"] == "'" + DANGEROUS[0]
    assert row["age"] == "'+1" and row["gender"] == "'-2" and row["location"] == "'@SUM(A1:A2)"
    assert row["income"] == "'\tTab" and row["education"] == "'\rCR" and row["household"] == "''=already quoted"
    assert row["goals"].startswith("'=HYPERLINK")
    for cell in (c for r in rows for c in r.values()):
        assert cell[:1] not in ("=", "+", "-", "@", "\t", "\r")
    again = read_csv(out).personas[0]
    assert dataclasses.asdict(again) == dataclasses.asdict(p)


def test_csv_round_trip_of_every_field_and_the_samples(tmp_path):
    full = full_persona()
    full.photo = None  # CSV carries no images
    personas = [full, *sample_personas()]
    out = tmp_path / "all.csv"
    write_csv(personas, out)
    result = read_csv(out)
    assert result.unmatched == [] and result.warnings == []
    assert [dataclasses.asdict(p) for p in result.personas] == [dataclasses.asdict(p) for p in personas]


def test_failed_write_leaves_the_old_file_and_no_temp_file(tmp_path):
    out = tmp_path / "keep.csv"
    out.write_text("old content", encoding="utf-8")
    with pytest.raises(RuntimeError), atomic_write(out) as fh:
        fh.write("half a new file")
        raise RuntimeError("disk pulled out")
    assert out.read_text(encoding="utf-8") == "old content"
    assert [p.name for p in tmp_path.iterdir()] == ["keep.csv"]


def test_a_very_long_story_cell_is_read(tmp_path):
    story = "A long life story. " * 20_000  # ~380,000 characters, beyond csv's default cell limit
    p = sample_personas()[0]
    p.story = story
    out = tmp_path / "long.csv"
    write_csv([p], out)
    assert read_csv(out).personas[0].story == story


@pytest.mark.parametrize(
    "left,right",
    [
        ("Wait...", "Go"),
        ("Calm", "Loud - ish"),
        ("A ↔ B", "C - D"),
        ("Either/or", "Both"),
        ("Tech-shy", "Tech-savvy"),
        ("Slow…", "Fast — now"),
    ],
)
def test_trait_labels_survive_a_csv_round_trip(tmp_path, left, right):
    from personadesigner.core.persona import Persona, Trait
    from personadesigner.interchange.csv_io import read_csv, write_csv

    path = tmp_path / "traits.csv"
    write_csv([Persona(name="Anna", traits=[Trait(left, right, 40)])], path)
    (back,) = read_csv(path).personas
    assert [(t.left, t.right, t.value) for t in back.traits] == [(left, right, 40)]
