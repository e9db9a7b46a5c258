"""Every registry field reaches the form and the conflict dialog; jobs to be done is edited like goals.

A field half-declared (in core/fields.py but missing from the form or from the
conflict choices) fails here, not in a user's hands.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from personadesigner.core.fields import FIELDS
from personadesigner.core.persona import (
    CardDesign,
    CustomSection,
    Persona,
    Relation,
    Source,
    Trait,
)
from personadesigner.storage.library import Library
from personadesigner.ui.editors.list_editor import ListEditor
from support.images import png

JOB = "When a report is due, I want one click, so I can go home"


def _reread(library_path, name: str = "Anna Berg") -> Persona:
    other = Library.open(str(library_path))
    try:
        return other.find(name)
    finally:
        other.close()


def test_every_registry_field_with_a_form_section_has_an_editor_in_that_section(form):
    for spec in FIELDS:
        if spec.form_section is None:
            assert spec.name not in form.editors
            continue
        assert spec.name in form.editors, f"{spec.name} has no editor in the form"
        section = form.sections[spec.form_section]
        assert section.isAncestorOf(form.editors[spec.name]), f"{spec.name} is not in {spec.form_section}"
    labels = {lab.text() for lab in form.findChildren(QLabel)}
    assert "Jobs to be done" in labels


def test_typing_a_job_to_be_done_saves_it_and_undo_takes_it_back(qtbot, form, library_path, document):
    jobs = form.editors["jobs_to_be_done"]
    assert isinstance(jobs, ListEditor)  # a list editor like goals
    assert form._section_of["jobs_to_be_done"] is form._section_of["goals"]
    jobs.entry.setFocus()
    qtbot.keyClicks(jobs.entry, JOB)
    form.editors["name"].setFocus()
    assert _reread(library_path).jobs_to_be_done == [JOB]
    assert jobs.row_texts() == [JOB]
    document.undo_stack.undo()
    assert _reread(library_path).jobs_to_be_done == []
    assert jobs.row_texts() == []


def _other_value(spec, value):
    """A value of the field's kind that differs from ``value``."""
    return {
        "name": "Someone else",
        "choice": (*spec.choices, "")[-2] if spec.choices else value,
        "text": "other text",
        "long_text": "other\ntext",
        "date": "2026-01-31",
        "list": ["other item"],
        "photo": png(),
        "card": CardDesign(template="profile", theme="warm"),
        "records": {
            "traits": [Trait("Calm", "Bold", 20)],
            "sources": [Source("survey", "Q3", "2026-09-30", "n=40")],
            "related": [Relation("Ben", "buys_for")],
            "custom": [CustomSection("Extra", "value")],
        }.get(spec.name),
    }.get(spec.kind, value)


def test_every_edited_field_is_offered_in_the_conflict_dialog(qtbot):
    from personadesigner.ui.conflict_dialog import ConflictDialog, display_value

    mine = Persona(name="Anna Berg", id="x", version=1)
    theirs = mine.copy()
    theirs.version = 2
    for spec in FIELDS:
        setattr(theirs, spec.name, _other_value(spec, getattr(theirs, spec.name)))
    dialog = ConflictDialog(mine, theirs)
    qtbot.addWidget(dialog)
    assert dialog.fields == [s.name for s in FIELDS if s.kind != "meta"]
    for name in dialog.fields:
        assert display_value(theirs, name) != display_value(mine, name), name
    assert display_value(theirs, "jobs_to_be_done") == "• other item"
    shown = {lab.text() for lab in dialog.findChildren(QLabel)}
    assert "Jobs to be done" in shown and "• other item" in shown
    dialog.set_choice("jobs_to_be_done", "theirs")
    dialog._finish("merge")
    merged = dialog.result_persona()
    assert merged.jobs_to_be_done == ["other item"] and merged.goals == []
