"""One export prints one design: its template and theme are looked up when the export starts
(render.page_plan), not again for every card, so a template file saved while a long export
runs cannot leave the first cards in the old design and the rest in the new one."""

from __future__ import annotations

import json
import shutil
import threading

from personadesigner.core import templates
from personadesigner.core.export_options import ExportOptions
from personadesigner.core.persona import Persona
from personadesigner.paths import resource
from personadesigner.render.page_plan import lay_out_for_export
from support.layout_dump import canonical


def _name_sizes(lay) -> set[float]:
    return {
        run.size
        for item in lay.items
        if getattr(item, "field", None) == "name"
        for line in item.lines
        for run in line.runs
    }


def _shared_folder(tmp_path, monkeypatch):
    folder = tmp_path / "templates"
    shutil.copytree(resource("templates"), folder)
    monkeypatch.setattr(templates, "_templates_dir", lambda: folder)
    templates._FOLDER.reload()
    return folder


def _save_smaller_name(folder) -> None:
    """What the designer does: a smaller name saved into the template file."""
    data = json.loads((folder / "card.json").read_text(encoding="utf-8"))
    data["styles"]["name"]["size"] = 9.5
    data["styles"]["name"]["min"] = 9.5
    (folder / "card.json").write_text(json.dumps(data, indent=2), encoding="utf-8")


def test_a_template_saved_during_an_export_is_used_by_the_next_export_only(tmp_path, monkeypatch):
    folder = _shared_folder(tmp_path, monkeypatch)
    personas = [Persona(name=f"Ann Lee {i}", role="Buyer", goals=["Fewer spreadsheets"]) for i in range(3)]
    options = ExportOptions(template="card")
    first = lay_out_for_export(personas[0], options)

    _save_smaller_name(folder)  # while the export runs

    rest = [lay_out_for_export(p, options) for p in personas[1:]]
    assert all(_name_sizes(lay) == _name_sizes(first) for lay in rest)  # the whole export in one design
    again = lay_out_for_export(personas[0], ExportOptions(template="card"))
    assert _name_sizes(again) == {9.5}  # the next export reads the saved file
    assert canonical(again) != canonical(first)
    templates._FOLDER.reload()


def test_a_preview_laid_out_beside_an_export_does_not_make_it_look_again(tmp_path, monkeypatch):
    """The app exports in a thread of its own while the canvas previews and prints in the main one:
    a preview between two cards must not make the export look its designs up again."""
    folder = _shared_folder(tmp_path, monkeypatch)
    persona = Persona(name="Ann Lee", role="Buyer", goals=["Fewer spreadsheets"])
    export = ExportOptions(template="card")
    first_card, next_card, sizes = threading.Event(), threading.Event(), []

    def exporting() -> None:
        sizes.append(_name_sizes(lay_out_for_export(persona, export)))
        first_card.set()
        next_card.wait(30)
        sizes.append(_name_sizes(lay_out_for_export(persona, export)))

    worker = threading.Thread(target=exporting)
    worker.start()
    assert first_card.wait(30)
    lay_out_for_export(persona, ExportOptions(template="card"))  # the preview, in this thread
    _save_smaller_name(folder)
    next_card.set()
    worker.join(30)
    assert len(sizes) == 2 and sizes[1] == sizes[0] != {9.5}
    templates._FOLDER.reload()
