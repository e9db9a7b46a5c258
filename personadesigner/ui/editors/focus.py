"""Composite editors hand focus to their first control.

A label's buddy is the editor as a whole; when it (or ``focus_field``) gives
the editor focus, the editor passes it on. A focus proxy would do the same
but also puts the editor itself into the Tab chain a second time.
"""

from __future__ import annotations

from PySide6.QtGui import QFocusEvent


class ForwardsFocus:
    """Mixin for QWidget subclasses with ``focus_item(index)``; they keep NoFocus for Tab."""

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        self.focus_item(None)
