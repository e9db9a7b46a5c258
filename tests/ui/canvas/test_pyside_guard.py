"""PySide6 6.12 on Python 3.11 drops references to None and True; the app must survive it."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QImage, QPainter

import personadesigner.ui  # noqa: F401  (installs the guard)


class _Emitter(QObject):
    changed = Signal(float)


def test_many_signals_and_void_calls_do_not_exhaust_the_singletons():
    before = sys.getrefcount(True), sys.getrefcount(None)
    emitter = _Emitter()
    for _ in range(20000):  # several times more than None or True are referenced at startup
        emitter.changed.emit(1.0)
    image = QImage(4, 4, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    for _ in range(20000):
        painter.save()
        painter.restore()
    painter.end()
    if sys.version_info < (3, 12):
        assert sys.getrefcount(True) > 2**40 and sys.getrefcount(None) > 2**40
    assert all(n > 0 for n in before)


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="immortal singletons need no guard")
def test_the_guard_is_installed_once():
    from personadesigner import pyside_guard

    count = sys.getrefcount(None)
    pyside_guard.protect_singletons()
    assert abs(sys.getrefcount(None) - count) < 1000
