"""Dialogs opened from the window are deleted after use, so they do not pile up."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtPrintSupport import QPrintPreviewDialog
from PySide6.QtWidgets import QDialog
from test_shell_editing import select

from personadesigner.ui.export_dialog import ExportDialog
from personadesigner.ui.print_options import PrintOptionsDialog
from personadesigner.ui.trash_dialog import TrashDialog


def _deleted_later() -> None:
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_trash_export_and_print_dialogs_do_not_pile_up(qtbot, window, monkeypatch):
    monkeypatch.setattr(TrashDialog, "exec", lambda self: 0)
    monkeypatch.setattr(ExportDialog, "exec", lambda self: 0)
    monkeypatch.setattr(QPrintPreviewDialog, "exec", lambda self: 0)
    monkeypatch.setattr(PrintOptionsDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    select(window, "Anna Berg")
    for _ in range(3):
        window.show_trash()
        window.export()
        window.print_cards()
    _deleted_later()
    assert window.findChildren(TrashDialog) == []
    assert window.findChildren(ExportDialog) == []
    assert window.findChildren(QPrintPreviewDialog) == []
    assert window.findChildren(PrintOptionsDialog) == []
