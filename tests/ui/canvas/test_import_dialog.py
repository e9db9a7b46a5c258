"""Importing JSON and CSV files through the app, with the CSV column-mapping dialog."""

from __future__ import annotations

import json

import pytest
from PySide6.QtWidgets import QDialog, QDialogButtonBox

pytestmark = pytest.mark.gui


@pytest.fixture
def messages(monkeypatch):
    from personadesigner.ui import import_dialog

    seen: list[str] = []
    monkeypatch.setattr(import_dialog, "show_message", lambda parent, title, text, warning=True: seen.append(text))
    return seen


CSV = (
    "Persona,Job title,Zielgruppe,Lieblingsessen\n"
    "Dana Park,Head of IT,Mid-market,Noodles\n"
    "Eli Stone,CFO,Enterprise,Salad\n"
)


def test_csv_mapping_dialog_maps_an_unmatched_column_and_the_import_stores_it(
    qtbot, library, tmp_path, monkeypatch, messages
):
    from personadesigner.ui import import_dialog

    path = tmp_path / "crm.csv"
    path.write_text(CSV, encoding="utf-8")
    shown = {}

    def user_maps_columns(self):
        shown["columns"] = list(self.mapping())
        shown["preview"] = self.table.item(0, 0).text()
        self.combo("Zielgruppe").setCurrentIndex(self.combo("Zielgruppe").findData("segment"))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(import_dialog.CsvMappingDialog, "exec", user_maps_columns)
    before = library.count()
    assert import_dialog.import_files(None, library, [str(path)]) == 2
    assert shown == {"columns": ["Zielgruppe", "Lieblingsessen"], "preview": "Dana Park"}
    assert library.count() == before + 2
    dana = library.find("Dana Park")
    assert dana.segment == "Mid-market" and dana.role == "Head of IT"
    assert "Noodles" not in json.dumps(dana.to_dict())  # the ignored column stays out


def test_cancelling_the_mapping_imports_nothing(library, tmp_path, monkeypatch, messages):
    from personadesigner.ui import import_dialog

    path = tmp_path / "crm.csv"
    path.write_text(CSV, encoding="utf-8")
    monkeypatch.setattr(import_dialog.CsvMappingDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    before = library.count()
    assert import_dialog.import_files(None, library, [str(path)]) == 0
    assert library.count() == before


def test_the_mapping_dialog_asks_for_a_name_column(qtbot):
    from personadesigner.ui.import_dialog import CsvMappingDialog

    dialog = CsvMappingDialog(["Wer", "Rolle"], [["Dana", "IT"]], ["Wer", "Rolle"], "x.csv")
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled() and "Name" in dialog.hint.text()
    dialog.set_field("Wer", "name")
    dialog.set_field("Rolle", "role")
    assert ok.isEnabled()
    assert dialog.mapping() == {"Wer": "name", "Rolle": "role"}
    assert dialog.table.horizontalHeaderItem(0).text() == "Wer\n→ Name"  # the preview says where it goes


def test_json_import_is_all_or_nothing(library, tmp_path, messages):
    from personadesigner.ui.import_dialog import import_files

    good = tmp_path / "good.json"
    good.write_text(json.dumps({"format": "personadesigner.personas/1", "personas": [{"name": "Fay Lin"}]}))
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "personadesigner.personas/1", "personas": [{"name": "Gus"}, ')
    before = library.count()
    assert import_files(None, library, [str(good), str(bad)]) == 0
    assert library.count() == before  # the good file was not stored either
    assert len(messages) == 1 and "bad.json" in messages[0] and "Nothing was imported" in messages[0]
    assert import_files(None, library, [str(good)]) == 1
    assert library.find("Fay Lin").name == "Fay Lin"


def test_a_non_utf8_csv_is_read_in_the_encoding_the_user_picks(library, tmp_path, monkeypatch, messages):
    from PySide6.QtWidgets import QInputDialog

    from personadesigner.ui import import_dialog

    path = tmp_path / "excel.csv"
    path.write_bytes("Name,Role\nRenée Faure,Buyer at a café\n".encode("cp1252"))
    asked = {}

    def pick(dialog: QInputDialog) -> int:
        asked["label"] = dialog.labelText()
        dialog.setTextValue("Windows Western (cp1252)")
        return QInputDialog.DialogCode.Accepted

    monkeypatch.setattr(QInputDialog, "exec", pick)
    assert import_dialog.import_files(None, library, [str(path)]) == 1
    assert "line 2" in asked["label"]
    assert library.find("Renée Faure").role == "Buyer at a café"
