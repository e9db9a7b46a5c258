"""Drops, lazy thumbnails, and what happens with bugs and known errors at run time."""

from __future__ import annotations

import io
import logging
import sys

from PIL import Image
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication
from test_shell_editing import select

from personadesigner.core.persona import Persona
from personadesigner.errors import LibraryError
from support.shell import reread


def _drop(widget, path) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    buttons, mods = Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime, buttons, mods)
    QApplication.sendEvent(widget, enter)  # Qt delivers a drop only after an accepted enter
    if enter.isAccepted():
        QApplication.sendEvent(widget, QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, buttons, mods))


def test_an_image_dropped_on_the_canvas_becomes_the_photo(window, library_path, tmp_path):
    select(window, "Carl Diaz")
    path = tmp_path / "carl.jpg"
    Image.new("RGB", (240, 240), (20, 120, 200)).save(path, format="JPEG")
    _drop(window.canvas.viewport(), path)
    stored = reread(library_path, "Carl Diaz")
    assert stored.photo is not None
    assert Image.open(io.BytesIO(stored.photo)).size == (240, 240)


def test_an_image_dropped_on_the_form_becomes_the_photo(window, library_path, tmp_path):
    select(window, "Dana Fox")
    path = tmp_path / "dana.png"
    Image.new("RGBA", (100, 80), (20, 120, 200, 128)).save(path, format="PNG")
    _drop(window.form, path)
    assert Image.open(io.BytesIO(reread(library_path, "Dana Fox").photo)).size == (100, 80)


def test_a_non_image_file_dropped_on_the_form_changes_nothing(window, library_path, tmp_path):
    select(window, "Carl Diaz")
    path = tmp_path / "notes.txt"
    path.write_text("not an image", encoding="utf-8")
    _drop(window.form, path)
    assert reread(library_path, "Carl Diaz").photo is None


def test_thumbnails_are_read_only_for_painted_rows_and_cached(qtbot, tmp_path, settings, make_window, monkeypatch):
    from personadesigner.storage.library import Library

    path = tmp_path / "photos.sqlite"
    lib = Library.open(str(path))
    people = []
    for i in range(300):
        buf = io.BytesIO()
        Image.new("RGB", (32, 32), (i % 256, 80, 160)).save(buf, format="PNG")
        people.append(Persona(name=f"Person {i:03d}", photo=buf.getvalue()))
    lib.add_many(people)
    calls: list[str] = []
    original = Library.thumbnail

    def counting(self, photo_hash, size):
        calls.append(photo_hash)
        return original(self, photo_hash, size)

    monkeypatch.setattr(Library, "thumbnail", counting)
    window = make_window(lib=lib)
    window.sidebar.view.viewport().repaint()
    first = len(calls)
    assert 0 < first < 100, "only the rows on screen ask for a thumbnail"
    window.sidebar.view.viewport().repaint()
    assert len(calls) == first, "painted again from the cache"
    lib.close()


def test_a_bug_in_a_slot_is_logged_and_shown_briefly(qtbot, window, messages, tmp_path, monkeypatch, caplog):
    from personadesigner.ui.errors import install_excepthook

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    install_excepthook(tmp_path / "personadesigner.log")
    try:
        raise ZeroDivisionError("boom")
    except ZeroDivisionError:
        with caplog.at_level(logging.ERROR):
            sys.excepthook(*sys.exc_info())
    assert "ZeroDivisionError" in caplog.text and "Traceback" in caplog.text
    assert len(messages.messages) == 1
    assert "Something went wrong" in messages.messages[0] and "personadesigner.log" in messages.messages[0]


def test_a_known_error_reaching_the_loop_is_one_sentence_without_traceback(window, messages, monkeypatch, caplog):
    from personadesigner.ui.errors import install_excepthook

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    install_excepthook(None)
    try:
        raise LibraryError("The library file is locked by another program.")
    except LibraryError:
        sys.excepthook(*sys.exc_info())
    assert messages.messages == ["The library file is locked by another program."]
    assert "Traceback" not in caplog.text


def test_user_text_in_messages_is_never_markup(window, messages):
    from PySide6.QtWidgets import QMessageBox

    from personadesigner.ui.errors import show_user_error

    shown = []
    original = QMessageBox.exec

    def check(box):
        shown.append(box.textFormat())
        return original(box)

    QMessageBox.exec = check
    try:
        show_user_error(window, 'Persona "<b>Bold</b> & co": name: too long')
    finally:
        QMessageBox.exec = original
    assert shown == [Qt.TextFormat.PlainText]
    assert messages.messages[0].startswith('Persona "<b>Bold</b> & co"')
