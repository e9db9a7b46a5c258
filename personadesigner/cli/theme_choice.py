"""``--theme``: a theme's name (built-in or the library's), a theme JSON file or a .pdtheme file.

The library's themes and a theme file become known to core.themes by name
(core.themes.use_themes), so the export lays cards out with them like with any
bundled theme.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from personadesigner.cli.text import PROG, one_line

if TYPE_CHECKING:
    from personadesigner.core.themes import Theme
    from personadesigner.storage.file_reader import ReadableLibrary

_FILE_SUFFIXES = (".json", ".pdtheme")


def use_library_themes(library: ReadableLibrary) -> None:
    """Make the library's themes loadable by name; a theme that cannot be used is a warning."""
    from personadesigner.core.themes import use_themes

    good, bad = library.themes()
    use_themes(good)
    for problem in bad:
        print(f"{PROG}: warning: {one_line(problem)}", file=sys.stderr)


def chosen_theme(text: str) -> Theme:
    """The theme ``--theme`` names: a file when it ends in .json/.pdtheme or is an existing
    file, else a name (UserError naming the choices for an unknown one)."""
    from personadesigner.core.themes import is_theme, load_theme, renamed, use_themes

    path = Path(text).expanduser()
    if path.suffix.lower() in _FILE_SUFFIXES or (not is_theme(text) and path.is_file()):
        from personadesigner.core.theme_package import theme_from_file
        from personadesigner.errors import UserError

        if not path.is_file():
            raise UserError(f"--theme {text}: there is no such theme file.")
        theme = theme_from_file(path)
        if is_theme(theme.name):  # a file named like a built-in or library theme does not replace it
            theme = renamed(theme, f"{theme.name} ({path.name})", "file")
        use_themes([theme], replace_all=False)
        return theme
    return load_theme(text)
