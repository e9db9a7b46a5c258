"""``--template``: a template's name (built-in or the library's) or a template JSON file.

The library's templates and a template file become known to core.templates by
name (core.templates.use_templates), so the export lays cards out with them like
with any bundled template. Mirrors cli/theme_choice.py.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from personadesigner.cli.text import PROG, one_line

if TYPE_CHECKING:
    from personadesigner.core.templates import Template
    from personadesigner.storage.file_reader import ReadableLibrary


def use_library_templates(library: ReadableLibrary, *, problem: str = "warning") -> int:
    """Make the library's templates loadable by name; each one that cannot be used is a ``problem``
    line on stderr (``warning`` or ``error``). How many could not be used."""
    from personadesigner.core.templates import use_templates

    good, bad = library.templates()
    use_templates(good)
    for text in bad:
        print(f"{PROG}: {problem}: {one_line(text)}", file=sys.stderr)
    return len(bad)


def chosen_template(text: str) -> Template:
    """The template ``--template`` names: a file when it ends in .json or is an existing file
    (and no template has that name), else a name (UserError naming the choices for an unknown one)."""
    from personadesigner.core.templates import is_template, load_template, renamed, use_templates

    path = Path(text).expanduser()
    if path.suffix.lower() == ".json" or (not is_template(text) and path.is_file()):
        from personadesigner.core.template_file import template_from_file
        from personadesigner.errors import UserError

        if not path.is_file():
            raise UserError(f"--template {text}: there is no such template file.")
        template = template_from_file(path)
        if is_template(template.name):  # a file named like a built-in or library template does not replace it
            template = renamed(template, f"{template.name} ({path.name})", "file")
        use_templates([template], replace_all=False)
        return template
    return load_template(text)
