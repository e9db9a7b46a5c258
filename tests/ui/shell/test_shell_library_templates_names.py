"""Duplicate and Import never replace a library template unasked: the name offered is free, and a
taken name typed asks "Replace it?" (No, the default, keeps the library's template as it was)."""

from __future__ import annotations

import json

import pytest
from PySide6.QtWidgets import QInputDialog
from test_shell_editing import select

from personadesigner.core.templates import use_templates
from personadesigner.storage.library import Library
from personadesigner.ui.template_library import duplicate_template, import_template
from support.template_files import branded_data


@pytest.fixture(autouse=True)
def _no_leftover_templates():
    use_templates([])
    yield
    use_templates([])


@pytest.fixture
def typed(monkeypatch):
    """What the user types in the name box (None: Enter on the name offered); offered names are recorded."""
    box = NameBox()
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(box.get_text))
    return box


class NameBox(list):
    """The answers still to type; ``offered``: the names the box offered."""

    def __init__(self) -> None:
        super().__init__()
        self.offered: list[str] = []

    def get_text(self, *args, **kwargs):
        default = args[4] if len(args) > 4 else kwargs.get("text", "")
        self.offered.append(default)
        answer = self.pop(0)
        return (default if answer is None else answer), True


def _titles(path) -> dict[str, str]:
    with Library.open(str(path)) as other:
        return {t.name: t.data.get("title") for t in other.templates()[0]}


def _show(window, template: str) -> None:
    bar = window.design_bar
    bar.set_design(template, bar.design()[1])
    bar.designChanged.emit(*bar.design())


def test_duplicate_offers_a_free_name_and_asks_before_replacing(window, typed, library_path, messages):
    select(window, "Anna Berg")
    _show(window, "mini")
    typed.append(None)
    assert duplicate_template(window) == "mini copy"
    _show(window, "card")
    typed.append("mini copy")  # a taken name typed: asked, the box closed (No)
    assert duplicate_template(window) is None
    assert "The library already has a template “mini copy”. Replace it?" in messages.messages[-1]
    assert _titles(library_path) == {"mini copy": "mini copy"}
    with Library.open(str(library_path)) as other:
        mini_size = other.template_data("mini copy")["size"]
    typed.append(None)
    _show(window, "mini")
    assert duplicate_template(window) == "mini copy 2"  # Enter twice: two copies
    assert typed.offered[-1] == "mini copy 2"
    _show(window, "card")
    typed.append("mini copy")
    messages.answer = "Yes"
    assert duplicate_template(window) == "mini copy"
    with Library.open(str(library_path)) as other:
        assert other.template_data("mini copy")["size"] != mini_size  # replaced by the card's copy, as agreed


def test_import_under_a_taken_name_asks_before_replacing(window, typed, library_path, tmp_path, messages):
    select(window, "Björk Ek")
    source = tmp_path / "acme.json"
    source.write_text(json.dumps(branded_data()), encoding="utf-8")
    _show(window, "mini")
    typed.append("acme")
    assert duplicate_template(window) == "acme"  # a library template named like the file
    typed.append("acme")  # "acme" is taken: the name asked, the taken one typed again, the box closed (No)
    assert import_template(window, source) is None
    assert typed.offered[-1] == "acme copy"
    assert "The library already has a template “acme”. Replace it?" in messages.messages[-1]
    assert _titles(library_path) == {"acme": "acme"}  # still the mini's copy
    typed.append(None)
    assert import_template(window, source) == "acme copy"
    assert set(_titles(library_path)) == {"acme", "acme copy"}
