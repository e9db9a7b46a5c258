"""The Help menu: keyboard shortcuts, the offline user guide, About.

The shortcuts table is generated from the window's own actions each time it
opens, so it lists every shortcut there is and can never go stale. The guide
is bundled HTML (resources/guide), readable without a network. About names
the version, the licence and the credits of the bundled fonts and icons, read
from the READMEs beside those files so the credits follow the files.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from personadesigner.paths import resource
from personadesigner.ui.icons import icon

LICENCE = "GPL-3.0-or-later"
GUIDE_FILE = ("guide", "guide.html")
#: An action property: the name the shortcuts table shows when the action's text changes with use.
HELP_NAME = "helpName"


def plain(text: str) -> str:
    """A menu text as a person reads it: "&Export…" -> "Export…"."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def _typed(sequence: QKeySequence) -> bool:
    """A shortcut a person types; not the dedicated keys (F14 "Undo", media keys) some platforms add."""
    if sequence.isEmpty():
        return False
    key = sequence[0].key().value
    return not (Qt.Key.Key_F13.value <= key <= Qt.Key.Key_F35.value or key >= Qt.Key.Key_Back.value)


def shortcut_text(action: QAction) -> str:
    """Every shortcut of an action in the platform's notation ("Ctrl+Shift+Z, Ctrl+Y")."""
    return ", ".join(s.toString(QKeySequence.SequenceFormat.NativeText) for s in action.shortcuts() if _typed(s))


def _menu_actions(menu: QMenu, path: str):
    for action in menu.actions():
        sub = action.menu()
        if sub is not None:
            yield from _menu_actions(sub, f"{path} › {plain(sub.title())}")
        elif not action.isSeparator():
            yield path, action


def shortcut_rows(window: QMainWindow) -> list[tuple[str, str, str]]:
    """(action, shortcuts, where) for every action of the window that has a shortcut.

    Menu actions come in menu order with their menu as "where"; shortcuts that
    are on no menu (they still work) follow under "Other".
    """
    rows: list[tuple[str, str, str]] = []
    seen: set[int] = set()
    candidates: list[tuple[str, QAction]] = []
    for top in window.menuBar().actions():
        if top.menu() is not None:
            candidates.extend(_menu_actions(top.menu(), plain(top.menu().title())))
    candidates.extend(("Other", a) for a in window.findChildren(QAction))
    for where, action in candidates:
        keys = shortcut_text(action)
        if not keys or id(action) in seen:
            continue
        seen.add(id(action))
        if action.shortcutContext() in (
            Qt.ShortcutContext.WidgetShortcut,
            Qt.ShortcutContext.WidgetWithChildrenShortcut,
        ):
            scopes = [
                w.accessibleName() for w in action.associatedObjects() if isinstance(w, QWidget) and w.accessibleName()
            ]
            if scopes:
                where += f" (in the {scopes[0]} list)"
        # Undo/Redo rename themselves after the last step ("Redo Edit card design"): a stable name if given.
        name = action.property(HELP_NAME) or plain(action.text()).rstrip("…").strip() or action.toolTip()
        rows.append((name, keys, where))
    return rows


class ShortcutsDialog(QDialog):
    """Every keyboard shortcut of the window, with a filter; not modal, so it can stay open."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.setWindowTitle("Keyboard shortcuts")
        self.window_ = window
        layout = QVBoxLayout(self)
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText("Filter: type an action or a key")
        self.filter.setClearButtonEnabled(True)
        self.filter.setAccessibleName("Filter shortcuts")
        self.table = QTableWidget(0, 3, self)
        self.table.setHorizontalHeaderLabels(["Action", "Shortcut", "Menu"])
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setAccessibleName("Keyboard shortcuts")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout.addWidget(self.filter)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.filter.textChanged.connect(self._apply_filter)
        em = self.fontMetrics().height()
        self.resize(em * 34, em * 34)
        self.refresh()

    def refresh(self) -> None:
        """Re-read the window's actions (a shortcut added later shows up too)."""
        rows = shortcut_rows(self.window_)
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                self.table.setItem(r, c, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self._apply_filter(self.filter.text())

    def rows(self) -> list[tuple[str, str, str]]:
        return [tuple(self.table.item(r, c).text() for c in range(3)) for r in range(self.table.rowCount())]

    def _apply_filter(self, text: str) -> None:
        needle = text.strip().lower()
        for r in range(self.table.rowCount()):
            hay = " ".join(self.table.item(r, c).text().lower() for c in range(3))
            self.table.setRowHidden(r, bool(needle) and needle not in hay)


def guide_html() -> str:
    return resource(*GUIDE_FILE).read_text(encoding="utf-8")


class GuideDialog(QDialog):
    """The bundled user guide in a text browser (links inside the guide jump to its sections)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("PersonaDesigner user guide")
        layout = QVBoxLayout(self)
        self.browser = QTextBrowser(self)
        self.browser.setOpenExternalLinks(False)
        self.browser.setAccessibleName("User guide")
        self.browser.setHtml(guide_html())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        em = self.fontMetrics().height()
        self.resize(em * 40, em * 36)

    def section_titles(self) -> list[str]:
        doc = self.browser.document()
        out = []
        block = doc.begin()
        while block.isValid():
            if block.blockFormat().headingLevel() == 2:
                out.append(block.text().strip())
            block = block.next()
        return out


def _readme_table(*parts: str) -> list[list[str]]:
    """The rows of the first Markdown table in a bundled README (header and rule left out)."""
    try:
        text = resource(*parts).read_text(encoding="utf-8")
    except OSError:
        return []
    rows = []
    for line in text.splitlines():
        if line.startswith("|") and not set(line) <= set("|-: "):
            rows.append([cell.strip() for cell in line.strip().strip("|").split("|")])
    return rows[1:]


def font_credits() -> list[tuple[str, str]]:
    """(family, licence) of every bundled font, from resources/fonts/README.md."""
    return [(row[1], row[2]) for row in _readme_table("fonts", "README.md") if len(row) >= 3]


def about_html() -> str:
    from personadesigner import __version__

    fonts = "".join(f"<li>{html.escape(family)} — {html.escape(licence)}</li>" for family, licence in font_credits())
    return (
        f"<h2>PersonaDesigner {html.escape(__version__)}</h2>"
        "<p>Design customer persona cards and print them.</p>"
        f"<p>Free software under the GNU General Public License, version 3 or later ({LICENCE}): "
        "you may use, share and change it under its terms. It comes with no warranty.</p>"
        "<h3>Fonts</h3>"
        "<p>Cards are laid out and printed with these bundled fonts; their licence texts are in "
        "the app's <code>resources/fonts</code> folder.</p>"
        f"<ul>{fonts}</ul>"
        "<h3>Icons</h3>"
        "<p>Tabler Icons 3.52.0 by Paweł Kuna and contributors, MIT licence "
        "(<code>resources/icons/tabler/LICENSE</code>).</p>"
    )


class AboutDialog(QDialog):
    """Version, licence, font and icon credits."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("About PersonaDesigner")
        layout = QVBoxLayout(self)
        logo = QLabel(self)
        logo.setPixmap(self.windowIcon().pixmap(48, 48))
        logo.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.browser = QTextBrowser(self)
        self.browser.setAccessibleName("About PersonaDesigner")
        self.browser.setHtml(about_html())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout.addWidget(logo)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        em = self.fontMetrics().height()
        self.resize(em * 30, em * 30)

    def text(self) -> str:
        return self.browser.toPlainText()


def _show(window: QMainWindow, attr: str, make) -> QDialog:
    """One non-modal dialog of a kind per window: shown, raised, and kept for the next time."""
    dialog = getattr(window, attr, None)
    if dialog is None:
        dialog = make()
        setattr(window, attr, dialog)
    if isinstance(dialog, ShortcutsDialog):
        dialog.refresh()
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog


def show_shortcuts(window: QMainWindow) -> ShortcutsDialog:
    return _show(window, "shortcuts_dialog", lambda: ShortcutsDialog(window))


def show_guide(window: QMainWindow) -> GuideDialog:
    return _show(window, "guide_dialog", lambda: GuideDialog(window))


def show_about(window: QMainWindow) -> AboutDialog:
    return _show(window, "about_dialog", lambda: AboutDialog(window))


def make_help_actions(window: QMainWindow) -> tuple[QAction, QAction]:
    """Help › Keyboard shortcuts (F1, Ctrl+/) and Help › User guide, added to the window."""
    shortcuts = QAction(icon("shortcuts"), "&Keyboard shortcuts", window)
    shortcuts.setShortcuts([QKeySequence("F1"), QKeySequence("Ctrl+/")])
    shortcuts.setStatusTip("Every keyboard shortcut of the app")
    shortcuts.triggered.connect(lambda _c=False: show_shortcuts(window))
    guide = QAction(icon("guide"), "&User guide", window)
    guide.setStatusTip("A short guide: first persona, templates, printing, team libraries, importing")
    guide.triggered.connect(lambda _c=False: show_guide(window))
    window.addAction(shortcuts)
    window.addAction(guide)
    return shortcuts, guide
