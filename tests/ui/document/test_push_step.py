"""``Document.push_step``: a pick, a photo or a restore is an undo step of its own,
never merged into the typing before it, and the typing after it starts a new step."""

from __future__ import annotations

from personadesigner.ui.undo_commands import SetFieldCommand


def test_a_step_of_its_own_between_typing_in_the_same_field(document, stored):
    doc = document
    doc.push(SetFieldCommand(doc, "role", doc.persona.role, "Marketer"))
    doc.push(SetFieldCommand(doc, "role", doc.persona.role, "Marketer at Acme"))  # typing: one step
    doc.push_step(SetFieldCommand, "role", doc.persona.role, "Head of marketing", text="Restore role")
    doc.push(SetFieldCommand(doc, "role", doc.persona.role, "Head of marketing!"))  # typing again
    stack = doc.undo_stack
    assert [stack.text(i) for i in range(stack.count())] == ["Edit role", "Restore role", "Edit role"]
    assert stored().role == "Head of marketing!"
    doc.history.undo()
    assert doc.persona.role == "Head of marketing" and stored().role == "Head of marketing"
    doc.history.undo()
    assert doc.persona.role == "Marketer at Acme" and stored().role == "Marketer at Acme"
