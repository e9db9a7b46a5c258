"""The 2-second refresh while someone else edits: only what changed is re-read or rebuilt."""

from __future__ import annotations

from test_shell_editing import select

from personadesigner.storage.library import Library


def _change_elsewhere(library_path, who: str, **fields) -> None:
    with Library.open(str(library_path)) as other:
        persona = other.find(who)
        for key, value in fields.items():
            setattr(persona, key, value)
        other.update(persona)


def test_a_change_to_another_persona_keeps_the_shown_one_and_its_picker(qtbot, window, library_path):
    select(window, "Anna Berg")
    shown = window.document.persona
    rebuilds: list[int] = []
    window.form.editors["related"].personas.modelReset.connect(lambda: rebuilds.append(1))

    _change_elsewhere(library_path, "Carl Diaz", role="Chief buyer")
    window.refresh_from_library()

    carl = next(s for s in window.sidebar.model.all_summaries() if s.name == "Carl Diaz")
    assert carl.role == "Chief buyer"  # the list shows their change
    assert window.document.persona is shown, "the shown persona was read again although it did not change"
    assert rebuilds == [], "a role change rebuilt the related-persona picker"


def test_a_rename_elsewhere_reaches_the_picker_and_a_change_to_the_shown_persona_is_shown(qtbot, window, library_path):
    select(window, "Anna Berg")
    _change_elsewhere(library_path, "Dana Fox", name="Dana Fox-Lee")
    _change_elsewhere(library_path, "Anna Berg", role="Growth lead")
    window.setFocus()  # not typing in the form
    window.refresh_from_library()
    model = window.form.editors["related"].personas
    assert "Dana Fox-Lee" in [model.item(r).text() for r in range(model.rowCount())]
    assert window.document.persona.role == "Growth lead"
    assert window.form.editors["role"].text() == "Growth lead"
