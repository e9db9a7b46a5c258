"""The Qt desktop application."""

# Before any Qt call: PySide6 6.12 leaks references to None and True on Python 3.11.
from personadesigner import pyside_guard as _pyside_guard  # noqa: F401
