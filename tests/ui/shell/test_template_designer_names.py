"""Saving a designed copy never replaces a library template unasked: the name offered is free
("card copy", then "card copy 2"), a taken name typed asks "Replace it?",
and "No" keeps the old one."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QInputDialog
from test_template_designer import _click_section, _design_card

from personadesigner.core.templates import use_templates
from personadesigner.storage.library import Library
from support.card_template import GOALS, MAIN, PAINS


@pytest.fixture(autouse=True)
def _no_leftover_templates():
    use_templates([])
    yield
    use_templates([])


@pytest.fixture
def window(make_window, library):
    """The window showing a persona with goals and pain points (the sections moved)."""
    for summary in library.list():
        persona = library.get(summary.id)
        persona.pain_points = ["Reports take a day", "Too many tools"]
        library.update(persona)
    return make_window()


@pytest.fixture
def answers(monkeypatch):
    """Stands in for the name box: each entry is what is typed (None: Enter on the name offered);
    the names offered are recorded."""
    typed: list[str | None] = []
    offered: list[str] = []

    def get_text(*args, **kwargs):
        default = args[4] if len(args) > 4 else kwargs.get("text", "")
        offered.append(default)
        answer = typed.pop(0)
        return (default if answer is None else answer), True

    monkeypatch.setattr(QInputDialog, "getText", staticmethod(get_text))
    return typed, offered


def _first_item(library_path, name: str) -> str:
    with Library.open(str(library_path)) as other:
        return other.template_data(name)["regions"][MAIN]["items"][GOALS[1]]["field"]


def _move_pains_up(window) -> None:
    _click_section(window.canvas, *PAINS)
    QTest.keyClick(window.canvas, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)


def _design_again(window, qtbot):
    window.design_template_action.trigger()  # saved: leaves without asking
    assert not window.template_designer.active
    return _design_card(window, qtbot)


def test_designing_card_twice_with_enter_keeps_both_copies(window, qtbot, answers, library_path, messages):
    typed, offered = answers
    _design_card(window, qtbot)
    _move_pains_up(window)
    typed.append(None)
    window.template_designer_panel.save_button.click()
    first = window.design_bar.design()[0]
    assert first == offered[0] == "card copy"
    designer = _design_again(window, qtbot)
    _click_section(window.canvas, *GOALS)
    QTest.keyClick(window.canvas, Qt.Key.Key_Delete)
    typed.append(None)
    window.template_designer_panel.save_button.click()
    assert offered[1] == f"{first} 2" and window.design_bar.design()[0] == f"{first} 2"
    with Library.open(str(library_path)) as other:
        assert sorted(t.name for t in other.templates()[0]) == [first, f"{first} 2"]
    assert _first_item(library_path, first) == "pain_points"  # the first copy is as it was saved
    assert not designer.unsaved
    assert not any("Replace" in m for m in messages.messages)


def test_a_taken_name_typed_asks_before_replacing(window, qtbot, answers, library_path, messages):
    typed, _offered = answers
    _design_card(window, qtbot)
    _move_pains_up(window)
    typed.append("Acme card")
    window.template_designer_panel.save_button.click()
    designer = _design_again(window, qtbot)
    _click_section(window.canvas, *GOALS)
    QTest.keyClick(window.canvas, Qt.Key.Key_Delete)
    typed.append("Acme card")
    messages.answer = None  # the box closed: No
    window.template_designer_panel.save_button.click()
    assert "The library already has a template “Acme card”. Replace it?" in messages.messages[-1]
    assert designer.unsaved and designer.name is None  # not saved: still the copy of the built-in
    assert _first_item(library_path, "Acme card") == "pain_points"
    with Library.open(str(library_path)) as other:
        assert other.template_data("Acme card")["regions"][MAIN]["items"][GOALS[1]].get("hidden") is None
    typed.append("Acme card")
    messages.answer = "Yes"
    window.template_designer_panel.save_button.click()
    assert not designer.unsaved and designer.name == "Acme card"
    with Library.open(str(library_path)) as other:
        assert other.template_data("Acme card")["regions"][MAIN]["items"][GOALS[1]]["field"] == "goals"
