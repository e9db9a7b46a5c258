"""The library's themes in the window: known to the layout when a library opens, offered by the
design bar, and made or edited in the theme editor (View > Theme editor…).

A saved theme becomes the shown persona's theme through the design bar's
designChanged, so it is one undo step like picking any theme.
"""

from __future__ import annotations

from personadesigner.core.themes import use_themes


def adopt_library_themes(window, library) -> None:  # noqa: ANN001 - MainWindow, storage Library
    """Make ``library``'s themes loadable by name and list them in the design bar."""
    themes, _problems = library.themes() if library is not None else ([], [])
    use_themes(themes)  # a theme that cannot be used is left out; the persona then shows the default theme
    window.design_bar.refresh_themes()


def open_theme_editor(window):  # noqa: ANN001, ANN201 - MainWindow -> ThemeEditor
    """The editor on the shown theme (a copy of it when built-in), previewing on the window's canvas."""
    from personadesigner.ui.theme_editor import ThemeEditor

    template, theme = window.design_bar.design()
    editor = ThemeEditor(window.library, window.canvas, theme or "classic", window)
    editor.themeSaved.connect(lambda name: _use_saved(window, template, name))
    window.theme_editor = editor
    editor.open()
    return editor


def _use_saved(window, template: str, name: str) -> None:  # noqa: ANN001
    bar = window.design_bar
    bar.refresh_themes()
    bar.set_design(template, name)
    bar.designChanged.emit(template, name)
