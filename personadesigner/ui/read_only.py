"""A library that cannot be written is shown read-only: a banner says why, writing actions are off.

Storage opens such a library read-only (Library.read_only names the cause:
a read-only folder or disk, a full disk, a read-only file). The user can read,
search, export and print; edits are refused by the library in one sentence,
and the actions that only write (new, import, duplicate, trash) are disabled,
so the user is never told the library is damaged or sent to restore a backup.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

BANNER_STYLE = "QLabel { background: #fff4ce; color: #3b2f00; padding: 6px 10px; border-bottom: 1px solid #e0c97a; }"


def banner_text(library) -> str | None:  # noqa: ANN001 - a storage Library
    reason = getattr(library, "read_only", None)
    if not reason:
        return None
    return f"Read-only: {reason}, so changes cannot be saved. You can still view, export and print."


class ReadOnlyBanner(QLabel):
    """The strip above the card that explains why this library cannot be changed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readOnlyBanner")
        self.setWordWrap(True)
        self.setStyleSheet(BANNER_STYLE)
        self.setAccessibleName("Read-only library")
        self.hide()


def _banner(window) -> ReadOnlyBanner | None:  # noqa: ANN001 - MainWindow
    banner = getattr(window, "read_only_banner", None)
    if banner is None:
        # The centre column (design bar above the card): the canvas sits directly in it.
        centre = window.canvas.parentWidget() if getattr(window, "canvas", None) is not None else None
        if centre is None or centre.layout() is None:
            return None
        banner = ReadOnlyBanner(centre)
        centre.layout().insertWidget(0, banner)
        window.read_only_banner = banner
    return banner


def show_read_only_state(window, library) -> None:  # noqa: ANN001
    """Show or hide the banner for ``library`` and switch the writing actions accordingly."""
    text = banner_text(library)
    banner = _banner(window)
    if banner is not None:
        banner.setText(text or "")
        banner.setVisible(text is not None)
    if text is not None:
        window.backup_ticker.set_library(None)  # backups would be written beside the library
        window.statusBar().showMessage(text, 30_000)
    restrict_writing_actions(window)


def restrict_writing_actions(window) -> None:  # noqa: ANN001
    """Disable the actions that only write, while the library is read-only."""
    if not banner_text(getattr(window, "library", None)):
        return
    for name in ("new_action", "import_action", "duplicate_action", "delete_action", "trash_action"):
        action = getattr(window, name, None)
        if action is not None:
            action.setEnabled(False)
