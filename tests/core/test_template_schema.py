"""Template and theme files are checked when they are loaded: a mistake is one line naming the
file, the key and what is allowed, instead of a key silently ignored or a crash at print time."""

from __future__ import annotations

import copy
import json
import os

import pytest

from personadesigner.core import persona as persona_model
from personadesigner.core import templates, themes
from personadesigner.core.design_schema import DesignFileError
from personadesigner.core.layout import layout
from personadesigner.core.persona import Persona
from personadesigner.core.templates import Template, load_template
from personadesigner.core.themes import load_theme
from personadesigner.errors import UserError
from personadesigner.paths import resource


def _card() -> dict:
    return json.loads(resource("templates", "card.json").read_text(encoding="utf-8"))


def _main_items(data: dict) -> list:
    return next(r for r in data["regions"] if r.get("id") == "main")["items"]


def _refused(data: dict) -> DesignFileError:
    with pytest.raises(DesignFileError) as info:
        Template.from_data("mine", data, "/designs/mine.json")
    message = str(info.value)
    assert "\n" not in message and "/designs/mine.json" in message
    return info.value


CASES = {
    "misspelled top-level key": (lambda d: d.update(titel="Mine"), "titel", "title"),
    "misspelled item key": (lambda d: _main_items(d)[1].update(max_itmes=3), "max_itmes", "max_items"),
    "unknown section kind": (lambda d: _main_items(d)[1].update(kind="chart"), ".kind", "paragraph"),
    "unknown region kind": (lambda d: d["regions"][2].update(kind="circle"), "regions[2].kind", "rect"),
    "misspelled style key": (lambda d: d["styles"]["name"].update(sise=12), "styles.name.sise", "size"),
    "unknown style": (lambda d: _main_items(d)[1].update(style="bodyy"), ".style", "footer_strong"),
    "unknown colour": (lambda d: d["regions"][2].update(fill="accnet"), "regions[2].fill", "accent"),
    "colour of a style": (lambda d: d["styles"]["name"].update(color="blu"), "styles.name.color", "on_type"),
    "bad length": (lambda d: d["regions"][2].update(height="10 parsecs"), "regions[2].height", "6mm"),
    "bad choice": (lambda d: d["styles"]["name"].update(weight="heavy"), "styles.name.weight", "bold"),
    "number as text": (lambda d: d["styles"]["name"].update(size="big"), "styles.name.size", "a number"),
    "not a list field": (lambda d: _main_items(d)[1].update(field="goalz"), ".field", "pain_points"),
    "unknown flow id": (lambda d: d["regions"][-1].update(bottom="above:foot"), ".bottom", "above:footer"),
    "unknown condition": (lambda d: d["regions"][5].update(when="filled:fotter"), "regions[5].when", "filled:footer"),
    "unknown page size": (lambda d: d.update(size="A9"), "size", "A4"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_broken_template_is_refused_naming_the_key_and_what_is_allowed(case):
    change, key, allowed = CASES[case]
    data = _card()
    change(data)
    error = _refused(data)
    assert key in error.key
    assert allowed in error.allowed
    assert isinstance(error, UserError)  # the CLI exits 2, the app shows the sentence


def test_the_message_reads_as_one_sentence():
    data = _card()
    _main_items(data)[1]["kind"] = "chart"
    message = str(_refused(data))
    assert message.startswith("The template file /designs/mine.json is refused at regions[")
    assert '"chart" is not a known kind (allowed: badge, ' in message
    assert "custom, evidence, evidence_line, facts" in message


def test_a_fit_group_flow_cannot_be_followed_by_a_region_placed_after_it():
    data = json.loads(resource("templates", "poster.json").read_text(encoding="utf-8"))
    data["regions"].append({"kind": "rect", "top": "after:left", "height": 10, "fill": "surface"})
    error = _refused(data)
    assert error.key.endswith(".top") and "fit group" in error.problem


def test_a_list_field_the_persona_model_gains_is_accepted_without_touching_the_schema(monkeypatch):
    """The fields come from core.persona: a new list field (jobs to be done) works in list sections."""
    data = _card()
    _main_items(data).append({"kind": "list", "field": "jobs_to_be_done"})
    if "jobs_to_be_done" not in persona_model.LIST_FIELDS:  # before the field exists it is refused by name
        assert "jobs_to_be_done" in _refused(copy.deepcopy(data)).problem
        monkeypatch.setattr(persona_model, "LIST_FIELDS", (*persona_model.LIST_FIELDS, "jobs_to_be_done"))
        monkeypatch.setitem(persona_model.FIELD_LABELS, "jobs_to_be_done", "Jobs to be done")
    tpl = Template.from_data("mine", data)
    person = Persona(name="J", goals=["Ship"])
    person.jobs_to_be_done = ["When I plan, I want to compare, so I can choose"]  # type: ignore[attr-defined]
    shown = [b for b in layout(person, tpl, "classic").text_blocks() if b.field == "jobs_to_be_done"]
    assert [b.text.replace("\n", " ") for b in shown if b.item == 0] == [
        "When I plan, I want to compare, so I can choose"
    ]
    assert any(b.item is None for b in shown)  # under its heading


def test_notes_are_refused_where_a_template_would_print_them():
    data = _card()
    _main_items(data).append({"kind": "paragraph", "field": "notes"})
    assert "notes" not in _refused(data).allowed.split(", ")


def test_a_flow_item_without_a_kind_is_a_list_as_before():
    data = _card()
    _main_items(data)[1].pop("kind")
    tpl = Template.from_data("mine", data)
    assert layout(Persona(name="K", goals=["Ship"]), tpl, "classic").text_blocks()


# ------------------------------------------------------------------ themes
def _theme(folder, name: str, change) -> None:
    data = json.loads(resource("themes", "classic.json").read_text(encoding="utf-8"))
    change(data)
    (folder / f"{name}.json").write_text(json.dumps(data), encoding="utf-8")


THEME_CASES = {
    "misspelled colour role": (lambda d: d["colors"].update(acent="#123456"), "colors.acent", "accent"),
    "not a colour": (lambda d: d["colors"].update(text="navy"), "colors.text", "#rrggbb"),
    "unknown persona type": (lambda d: d["types"].update(byer="#123456"), "types.byer", "buyer"),
    "misspelled typography key": (lambda d: d["typography"].update(hedding="serif"), "typography.hedding", "heading"),
    "unknown family": (lambda d: d["typography"].update(body="comic"), "typography.body", "serif"),
    "missing colour": (lambda d: d["colors"].pop("surface"), "colors", "surface"),
}


@pytest.mark.parametrize("case", sorted(THEME_CASES))
def test_a_broken_theme_is_refused_naming_the_key_and_what_is_allowed(case, tmp_path, monkeypatch):
    change, key, allowed = THEME_CASES[case]
    _theme(tmp_path, "mine", change)
    _theme(tmp_path, "fine", lambda d: None)
    monkeypatch.setattr(themes, "_themes_dir", lambda: tmp_path)
    with pytest.raises(DesignFileError) as info:
        load_theme("mine")
    assert key in info.value.key and allowed in str(info.value)
    assert str(tmp_path / "mine.json") in str(info.value) and "\n" not in str(info.value)
    assert load_theme("fine").colors["accent"] == "#1f3a5f"  # the others keep working


# ------------------------------------------------------------------ reloading
@pytest.fixture
def template_folder(tmp_path, monkeypatch):
    """A copy of the bundled templates that the app and the CLI read instead."""
    for path in resource("templates").glob("*.json"):
        (tmp_path / path.name).write_bytes(path.read_bytes())
    monkeypatch.setattr(templates, "_templates_dir", lambda: tmp_path)
    return tmp_path


def _rewrite(path, change) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    before = path.stat().st_mtime_ns
    path.write_text(json.dumps(data), encoding="utf-8")
    os.utime(path, ns=(before + 2_000_000_000, before + 2_000_000_000))  # a later version, however coarse the clock


def test_an_edited_template_is_read_again_without_restarting(template_folder):
    first = load_template("card")
    assert load_template("card") is first  # unchanged: parsed once
    _rewrite(template_folder / "card.json", lambda d: d.update(title="Card, edited"))
    assert load_template("card").title == "Card, edited"
    _rewrite(template_folder / "card.json", lambda d: d.update(titel="typo"))
    with pytest.raises(DesignFileError):
        load_template("card")
    assert load_template("mini").name == "mini"


def test_reload_forgets_every_parsed_template(template_folder):
    first = load_template("card")
    templates.reload_templates()
    again = load_template("card")
    assert again is not first and again == first


def test_an_edited_theme_is_read_again_without_restarting(tmp_path, monkeypatch):
    _theme(tmp_path, "mine", lambda d: None)
    monkeypatch.setattr(themes, "_themes_dir", lambda: tmp_path)
    assert load_theme("mine").colors["accent"] == "#1f3a5f"
    _rewrite(tmp_path / "mine.json", lambda d: d["colors"].update(accent="#aa0000"))
    assert load_theme("mine").colors["accent"] == "#aa0000"


def test_templates_and_problems_lists_the_good_and_names_the_broken(template_folder):
    _rewrite(template_folder / "mini.json", lambda d: d["regions"][2].update(kind="circle"))
    good, broken = templates.templates_and_problems()
    assert [t.name for t in good] == ["card", "business-card", "profile", "slide", "poster"]
    assert len(broken) == 1 and "mini.json" in str(broken[0]) and "regions[2].kind" in str(broken[0])


def test_every_section_kind_is_documented_for_template_authors():
    from personadesigner.core.section_kinds import SECTION_KINDS

    readme = resource("templates", "README.md").read_text(encoding="utf-8")
    assert [k for k in SECTION_KINDS if f"`{k}`" not in readme] == []
