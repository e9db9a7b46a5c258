"""Read-only commands load only what they need (issue 14): no PDF, image, migration or
right-to-left text libraries for `list` and `show`, checked in a fresh process."""

from __future__ import annotations

import subprocess
import sys

from support.cli_helpers import REPO

#: Loaded by export, import, photos or upgrades; `list` and `show` must not pay for them.
HEAVY = ("reportlab", "PIL", "alembic", "bidi", "arabic_reshaper", "PySide6", "mako")


def _loaded_after(argv: list[str], heavy: tuple[str, ...] = HEAVY) -> list[str]:
    code = (
        "import sys, io, contextlib; from personadesigner.cli import main\n"
        f"with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    assert main({argv!r}) == 0\n"
        f"print(','.join(m for m in {heavy!r} if m in sys.modules))\n"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, timeout=120)
    assert r.returncode == 0, r.stderr
    return [m for m in r.stdout.strip().split(",") if m]


def test_list_and_search_load_no_pdf_image_or_migration_library(sample_library):
    assert _loaded_after(["list", "--library", str(sample_library)]) == []
    assert _loaded_after(["list", "--library", str(sample_library), "--search", "a", "--json"]) == []


def test_list_of_a_library_file_reads_it_without_sqlalchemy(sample_library):
    # storage.direct_read: importing SQLAlchemy alone costs more than the whole search of 100,000 personas.
    assert _loaded_after(["list", "--library", str(sample_library)], ("sqlalchemy",)) == []
    argv = ["list", "--library", str(sample_library), "--search", "a", "--type", "buyer", "--tag", "x", "--json"]
    assert _loaded_after(argv, ("sqlalchemy",)) == []


def test_show_loads_no_pdf_image_or_migration_library(sample_library):
    from personadesigner.samples import sample_personas

    name = sample_personas()[0].name
    assert _loaded_after(["show", "--library", str(sample_library), name]) == []


def test_help_lists_every_command_without_loading_sqlalchemy():
    # --help imports every command module to register it; their storage (SQLAlchemy, ~0.2 s)
    # belongs in the handlers, so a user asking for help does not wait for it.
    assert _loaded_after(["--help"], ("sqlalchemy", *HEAVY)) == []
