"""Library and file templates are known by name beside the bundled ones: listed after them, never
shadowing a built-in, and a persona naming one lays out with it (the default when it is gone)."""

from __future__ import annotations

import pytest

from personadesigner.core.layout import layout
from personadesigner.core.persona import Persona
from personadesigner.core.templates import (
    Template,
    is_builtin_template,
    is_template,
    load_template,
    renamed,
    template_names,
    template_or_default,
    use_templates,
)
from personadesigner.errors import UserError
from support.template_files import branded_data


@pytest.fixture(autouse=True)
def _no_leftover_templates():
    use_templates([])
    yield
    use_templates([])


def _acme(name: str = "Acme card") -> Template:
    return Template.from_data(name, branded_data(), 'the library template "Acme card"', origin="library")


def test_library_templates_are_listed_after_the_built_ins_and_load_by_name():
    acme = _acme()
    use_templates([acme])
    names = template_names()
    assert names[0] == "card" and names[-1] == "Acme card"
    assert load_template("Acme card") is acme and is_template("Acme card") and not is_builtin_template("Acme card")
    with pytest.raises(UserError, match="Acme card"):  # the choices named include the library's
        load_template("nope")


def test_a_library_template_never_shadows_a_built_in():
    card = load_template("card")
    use_templates([renamed(_acme(), "card", "library")])
    assert load_template("card") is card


def test_a_persona_naming_a_library_template_lays_out_with_it_and_falls_back_when_it_is_gone():
    persona = Persona(name="Free-tier Felix", type="negative")
    persona.card.template = "Acme card"
    use_templates([_acme()])
    texts = [getattr(i, "text", "") for i in layout(persona, template_or_default("Acme card"), "classic").items]
    assert "NOT FOR ACME" in texts
    use_templates([])
    assert template_or_default("Acme card").name == "card"


def test_a_label_names_a_broken_library_template_in_one_sentence():
    data = branded_data()
    data["regions"][0]["kind"] = "blob"
    with pytest.raises(UserError) as err:
        Template.from_data("Acme card", data, 'the library template "Acme card"', origin="library")
    assert str(err.value).startswith('The library template "Acme card" is refused at regions[0].kind')
