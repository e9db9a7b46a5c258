"""CSV export then import gives the same personas, or the export refuses and points to JSON: never a silent change."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from personadesigner.core.persona import (
    PERSONA_TYPES,
    SOURCE_KINDS,
    CustomSection,
    Persona,
    Source,
    Trait,
    persona_to_dict,
)
from personadesigner.errors import UserError
from personadesigner.interchange.csv_io import read_csv, write_csv
from support.images import png

#: Any character a library can hold (no NUL, no lone surrogate).
_ANY = st.characters(exclude_categories=("Cs",), exclude_characters="\x00")
#: Text a spreadsheet user types in one line: no line breaks, no spaces at either end, never empty.
_PLAIN = (
    st.text(
        st.characters(exclude_categories=("Cs", "Cc", "Zl", "Zp"), exclude_characters="\x00\x85"),
        min_size=1,
        max_size=12,
    )
    .map(str.strip)
    .filter(bool)
)
#: ... with the separators CSV cells use inside records, and backslashes, much more often than chance.
_TRICKY = st.one_of(_PLAIN, st.text(st.sampled_from("|:\\ ab-;'="), min_size=1, max_size=8).map(str.strip).filter(bool))


def _round_trip(tmp_path, personas: list[Persona]) -> list[Persona]:
    out = tmp_path / "out.csv"
    write_csv(personas, out)
    return read_csv(out).personas


def _same(a: Persona, b: Persona) -> bool:
    return persona_to_dict(a, include_empty=True) == persona_to_dict(b, include_empty=True)


def test_a_source_title_with_a_bar_and_a_custom_label_with_a_colon_survive(tmp_path):
    p = Persona(
        name="Anna",
        sources=[Source("interview", "Q3 | EMEA | round 2", "2026-09-30", "n=12 | remote")],
        custom=[CustomSection("Time: best", "mornings: 7-9"), CustomSection("C:\\path\\", "x\\y")],
    )
    (back,) = _round_trip(tmp_path, [p])
    assert back.sources == p.sources
    assert back.custom == p.custom


def test_files_written_before_escaping_read_as_before(tmp_path):
    old = tmp_path / "old.csv"
    old.write_text(
        'Name,Sources,Custom\r\nAnna,"interview | C:\\new folder | 2026-01-02","Path: C:\\temp\\x"\r\n',
        encoding="utf-8",
    )
    (p,) = read_csv(old).personas
    assert p.sources == [Source("interview", "C:\\new folder", "2026-01-02", "")]
    assert p.custom == [CustomSection("Path", "C:\\temp\\x")]


@pytest.mark.parametrize(
    ("change", "field", "why"),
    [
        (lambda p: setattr(p, "goals", ["Two\nlines", "fine"]), "goals", "line break"),
        (lambda p: setattr(p, "tags", ["ok", "  "]), "tags", "empty"),
        (lambda p: setattr(p, "sources", [Source("survey", "Title", "", "two\nlines")]), "sources", "line break"),
        (lambda p: setattr(p, "custom", [CustomSection("Notes", "para 1\n\npara 2")]), "custom", "line break"),
        (lambda p: setattr(p, "traits", [Trait(" Calm", "Bold", 10)]), "traits", "space"),
        (lambda p: setattr(p, "role", "   "), "role", "only spaces"),
    ],
)
def test_what_csv_cannot_carry_is_refused_naming_the_persona_and_field(tmp_path, change, field, why):
    p = Persona(name="Edge Case")
    change(p)
    out = tmp_path / "out.csv"
    out.write_text("the previous export", encoding="utf-8")
    with pytest.raises(UserError) as err:
        write_csv([Persona(name="Fine"), p], out)
    message = str(err.value)
    assert f'Persona "Edge Case": {field} cannot be written to a CSV file unchanged' in message
    assert why in message and "JSON" in message
    assert out.read_text(encoding="utf-8") == "the previous export"
    assert [f.name for f in tmp_path.iterdir()] == ["out.csv"]


def test_a_photo_is_refused_with_a_pointer_to_json(tmp_path):
    with pytest.raises(UserError, match=r'Persona "Pic" has a photo.*export as JSON'):
        write_csv([Persona(name="Pic", photo=png())], tmp_path / "out.csv")


def test_the_cli_csv_export_refuses_in_one_line_and_json_keeps_it(cli, tmp_path):
    source = tmp_path / "in.json"
    source.write_text(
        '{"format": "personadesigner.personas/1", "personas": '
        '[{"name": "Multi", "goals": ["first line\\nsecond line"]}]}',
        encoding="utf-8",
    )
    library = tmp_path / "lib.sqlite"
    assert cli("import", "--library", library, source).code == 0
    r = cli("export", "--library", library, "--all", "--out", tmp_path / "out.csv")
    assert r.code == 2 and r.err.count("\n") == 1 and "goals" in r.err and "JSON" in r.err
    assert not (tmp_path / "out.csv").exists()
    assert cli("export", "--library", library, "--all", "--out", tmp_path / "out.json").code == 0


def _persona(text, items, plain=True) -> st.SearchStrategy[Persona]:
    record_text = text if plain else st.one_of(text, st.just(""))
    return st.builds(
        Persona,
        name=_PLAIN,
        type=st.sampled_from(PERSONA_TYPES),
        role=text,
        story=text,
        goals=st.lists(items, max_size=3),
        tags=st.lists(items, max_size=3),
        sources=st.lists(
            st.builds(
                Source,
                kind=st.sampled_from(SOURCE_KINDS),
                title=record_text,
                date=st.sampled_from(["", "2026-01-31"]),
                note=record_text,
            ),
            max_size=2,
        ),
        custom=st.lists(st.builds(CustomSection, label=record_text, value=record_text), max_size=2),
    )


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(persona=_persona(_TRICKY, _TRICKY))
def test_plain_values_with_bars_colons_and_backslashes_always_round_trip(tmp_path, persona):
    (back,) = _round_trip(tmp_path, [persona])
    assert _same(back, persona)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(persona=_persona(st.text(_ANY, max_size=10), st.text(_ANY, max_size=6), plain=False))
def test_any_persona_comes_back_unchanged_or_is_refused(tmp_path, persona):
    out = tmp_path / "any.csv"
    out.unlink(missing_ok=True)
    try:
        write_csv([persona], out)
    except UserError as exc:
        assert "JSON" in str(exc) and not out.exists()
        return
    (back,) = read_csv(out).personas
    assert _same(back, persona)
