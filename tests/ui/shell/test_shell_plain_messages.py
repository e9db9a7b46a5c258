"""Messages that quote file names are plain text: a name like "<u>team" is shown as typed."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QInputDialog, QLabel, QMessageBox


def test_a_failed_backup_names_the_file_in_plain_text(qtbot, tmp_path, monkeypatch):
    from personadesigner.ui.backups_dialog import BackupsDialog

    shown: list[tuple[str, Qt.TextFormat]] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append((box.text(), box.textFormat())) or 0)
    for static in ("warning", "critical", "information"):  # Qt's shortcuts guess the format (AutoText)
        monkeypatch.setattr(
            QMessageBox,
            static,
            staticmethod(lambda parent, title, text, *a: shown.append((text, Qt.TextFormat.AutoText)) or 0),
        )
    folder = tmp_path / "<u>team"
    folder.mkdir()
    dialog = BackupsDialog(folder / "library.sqlite")  # the library file is gone
    qtbot.addWidget(dialog)
    assert dialog.backup_now() is None
    assert len(shown) == 1
    text, text_format = shown[0]
    assert "<u>team" in text
    assert text_format == Qt.TextFormat.PlainText


def test_the_encoding_question_quotes_the_file_in_plain_text(library, tmp_path, monkeypatch):
    from personadesigner.ui import import_dialog

    folder = tmp_path / "<u>excel"
    folder.mkdir()
    path = folder / "export.csv"
    path.write_bytes("Name,Role\nRenée Faure,Buyer at a café\n".encode("cp1252"))
    asked: list[tuple[str, list[Qt.TextFormat]]] = []

    def pick(dialog: QInputDialog) -> int:
        asked.append((dialog.labelText(), [label.textFormat() for label in dialog.findChildren(QLabel)]))
        dialog.setTextValue("Windows Western (cp1252)")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QInputDialog, "exec", pick)
    monkeypatch.setattr(  # Qt's shortcut guesses the label's format (AutoText)
        QInputDialog,
        "getItem",
        staticmethod(
            lambda parent, title, label, *a: (
                asked.append((label, [Qt.TextFormat.AutoText])) or ("Windows Western (cp1252)", True)
            )
        ),
    )
    assert import_dialog.import_files(None, library, [str(path)]) == 1
    label, formats = asked[0]
    assert "line 2" in label or "UTF-8" in label
    assert formats and all(f == Qt.TextFormat.PlainText for f in formats)
    assert library.find("Renée Faure").role == "Buyer at a café"
