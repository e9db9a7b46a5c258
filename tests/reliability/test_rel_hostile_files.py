"""Arbitrary import files: every problem is a one-sentence UserError, never a crash or a fetch."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from personadesigner.errors import UserError
from personadesigner.interchange.csv_io import loads_csv
from personadesigner.interchange.json_io import loads

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4),
    max_leaves=20,
)
FIELDS = [
    "name",
    "type",
    "goals",
    "traits",
    "sources",
    "related",
    "custom",
    "card",
    "photo",
    "tags",
    "confidence",
    "last_validated",
    "id",
    "story",
]
persona_docs = st.dictionaries(st.sampled_from(FIELDS) | st.text(max_size=8), json_values, max_size=8)


def _one_line(exc: UserError) -> bool:
    """The CLI prints the message as one line on stderr and the app in a dialog: it
    must be a non-empty single line, even when it quotes a value with line breaks."""
    message = str(exc)
    return bool(message.strip()) and "\n" not in message and "\r" not in message


@pytest.mark.parametrize("doc", [{"name": "A", "type": "buyer\nextra"}, {"name": "Line\nbreak", "type": "x"}])
def test_a_line_break_in_a_bad_json_value_still_gives_a_one_line_message(doc):
    with pytest.raises(UserError) as err:
        loads(json.dumps({"format": "personadesigner.personas/1", "personas": [doc]}), source="in.json")
    assert _one_line(err.value)


def test_a_line_break_in_a_bad_csv_value_still_gives_a_one_line_message():
    with pytest.raises(UserError) as err:
        loads_csv('Name,Type\n"A","buyer\nextra"\n')
    assert _one_line(err.value)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(personas=st.lists(persona_docs, max_size=4), fmt=st.sampled_from(["personadesigner.personas/1", "x", None]))
def test_any_json_document_imports_or_fails_with_a_user_error(personas, fmt, tmp_path_factory):
    doc = {"personas": personas} if fmt is None else {"format": fmt, "personas": personas}
    try:
        result = loads(json.dumps(doc), source="in.json", base_dir=tmp_path_factory.getbasetemp())
    except UserError as exc:
        assert _one_line(exc), str(exc)
        return
    for persona in result.personas:
        persona.validate()
        assert persona.photo is None or persona.photo[:2] in (b"\xff\xd8", b"\x89P")


@settings(max_examples=150, deadline=None)
@given(text=st.text(max_size=400))
def test_any_json_text_imports_or_fails_with_a_user_error(text):
    try:
        loads(text, source="in.json")
    except UserError as exc:
        assert _one_line(exc), str(exc)


@settings(max_examples=150, deadline=None)
@given(
    rows=st.lists(st.lists(st.text(max_size=20), min_size=1, max_size=5), min_size=1, max_size=5),
    header=st.lists(
        st.sampled_from(["Name", "Type", "Goals", "Traits", "Photo", "Related", "Card", "Bio", "?"]),
        min_size=1,
        max_size=5,
    ),
)
def test_any_csv_imports_or_fails_with_a_user_error(rows, header):
    import csv
    import io

    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(header)
    writer.writerows(rows)
    try:
        result = loads_csv(buf.getvalue())
    except UserError as exc:
        assert _one_line(exc), str(exc)
        return
    for persona in result.personas:
        persona.validate()
