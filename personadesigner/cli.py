"""The ``personadesigner`` command: argument parsing, exit codes and error reporting.

Exit codes: 0 ok, 1 usage, 2 a problem with the user's input or environment
(one line on stderr, no traceback), 3 a ``--strict`` export whose preflight
found cut text, 70 a bug (traceback in the log file). The commands live in
cli_commands / cli_export; heavy modules (Qt, reportlab, Pillow) are imported
only by the command that needs them, so ``list`` starts fast.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from personadesigner import __version__
from personadesigner.cli_dispatch import opens_app, unknown_word_message
from personadesigner.cli_text import PROG, one_line
from personadesigner.errors import UserError

EXIT_OK, EXIT_USAGE, EXIT_USER_ERROR, EXIT_BUG = 0, 1, 2, 70
COMMANDS = ("list", "show", "import", "export", "templates", "themes", "check", "discover")
#: Whole-library commands from cli_data; registered only when asked for (their imports are heavy).
DATA_COMMANDS = ("copy", "backup", "restore")


class _UsageError(Exception):
    def __init__(self, parser: argparse.ArgumentParser, message: str) -> None:
        super().__init__(message)
        self.parser = parser


class _Parser(argparse.ArgumentParser):
    """argparse that reports usage errors to ``main`` (exit 1) instead of exiting with 2."""

    def error(self, message: str):  # type: ignore[override]
        raise _UsageError(self, message)


def _map_entry(text: str) -> tuple[str, str]:
    column, sep, field = text.rpartition("=")
    if not sep or not column.strip():
        raise argparse.ArgumentTypeError(f'"{text}" is not "Column=field"')
    return column, field.strip()


def _per_page(text: str) -> str:
    """"auto" or a whole number written with the digits 0-9 (not "²", which is a digit to Python)."""
    value = text.strip()
    if value.lower() == "auto" or (value.isascii() and value.isdecimal()):
        return value
    raise argparse.ArgumentTypeError(f'"{text}" is not a whole number of cards or "auto"')


def build_parser(*, with_data_commands: bool = True) -> argparse.ArgumentParser:
    parser = _Parser(
        prog=PROG,
        description="Design customer persona cards and print them. "
        f"Without a command, opens the app: {PROG} [LIBRARY].",
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    library = _Parser(add_help=False)
    library.add_argument("--library", "-L", metavar="L", help="library file or database URL (default: your library)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    p = sub.add_parser("list", parents=[library], help="list personas")
    p.add_argument("--type", help="only this persona type")
    p.add_argument("--search", metavar="TEXT", help="only personas whose text contains TEXT")
    p.add_argument("--tag", help="only personas with this tag")
    p.add_argument("--stale", nargs="?", const=12, type=int, metavar="MONTHS",
                   help="only personas last validated MONTHS or more ago (default 12)")
    p.add_argument("--json", action="store_true", help="print JSON")

    p = sub.add_parser("show", parents=[library], help="show one persona")
    p.add_argument("persona", metavar="PERSONA", help="id or exact name")
    p.add_argument("--json", action="store_true", help="print the persona's JSON")

    p = sub.add_parser("import", parents=[library], help="import .json or .csv files (all or nothing)")
    p.add_argument("files", metavar="FILE", nargs="+")
    p.add_argument("--map", metavar='"Column=field"', action="append", type=_map_entry, default=[],
                   help="CSV: import a column as this field (empty field: ignore it)")
    p.add_argument("--encoding", metavar="E", help="CSV: the file's text encoding (default UTF-8)")

    from personadesigner.render import formats  # the export formats' registry (light: no writer loaded)

    p = sub.add_parser("export", parents=[library], help=f"export personas as {formats.names(formats.formats())}")
    p.add_argument("personas", metavar="PERSONA", nargs="*", help="ids or exact names")
    p.add_argument("--all", action="store_true", help="every persona in the library")
    p.add_argument("--out", required=True, metavar="PATH")
    p.add_argument("--format", choices=formats.keys(), help="default: from the --out suffix")
    p.add_argument("--template", metavar="NAME")
    p.add_argument("--theme", metavar="NAME")
    p.add_argument("--page-size", metavar="SIZE", help="card, A4, Letter, A3, A2, ...")
    p.add_argument("--per-page", metavar="N|auto", type=_per_page, help="cards per sheet")
    p.add_argument("--bleed", nargs="?", const="3mm", metavar="LENGTH", help="bleed beyond the trim (default 3mm)")
    p.add_argument("--crop-marks", action="store_true")
    p.add_argument("--dpi", type=int, default=300, help="PNG resolution (default 300)")
    p.add_argument("--tile-to", metavar="SIZE", help="tile a large card across sheets of this size")
    p.add_argument("--strict", action="store_true", help="exit 3 when text had to be cut")
    p.add_argument("--printer-margin", metavar="LENGTH", help="blank border of sheets and tiles (default 5mm)")
    p.add_argument("--color", choices=("rgb", "cmyk"), help="PDF colour: rgb (default) or cmyk for presses")
    p.add_argument("--pdfx", action="store_true", help="write a PDF/X-4 file (CMYK, output intent)")
    p.add_argument("--photos", choices=("inline", "files"), default="inline",
                   help="JSON: photos inline as data: URLs, or as files beside the JSON")

    sub.add_parser("templates", help="list card templates with their trim sizes")
    sub.add_parser("themes", help="list colour themes with their fonts")
    sub.add_parser("check", parents=[library], help="check the library's integrity and schema")
    from personadesigner.cli_discover import register as register_discover

    register_discover(sub)
    if with_data_commands:
        from personadesigner.cli_data import register

        register(sub)
    return parser


def _app_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog=PROG, description="Open the PersonaDesigner app.")
    parser.add_argument("library", metavar="LIBRARY", nargs="?", help="library file or database URL")
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    _tolerant_output()
    try:
        try:
            if _is_app_call(args_list):
                word = args_list[0] if args_list and not args_list[0].startswith("-") else None
                if word is not None and not opens_app(word):  # "exprot": never a new library called that
                    raise _UsageError(build_parser(with_data_commands=False),
                                      unknown_word_message(word, COMMANDS + DATA_COMMANDS))
                args = _app_parser().parse_args(args_list)
                if args.library is not None and not opens_app(args.library):
                    raise _UsageError(build_parser(with_data_commands=False),
                                      unknown_word_message(args.library, COMMANDS + DATA_COMMANDS))
                return _run_app(args.library)
            first = _first_word(args_list)
            args = build_parser(with_data_commands=first is None or first in DATA_COMMANDS).parse_args(args_list)
        except _UsageError as exc:
            exc.parser.print_usage(sys.stderr)
            print(f"{PROG}: error: {exc}", file=sys.stderr)
            return EXIT_USAGE
        except SystemExit as exc:  # --help, --version
            return int(exc.code or 0)
        if hasattr(args, "handler"):  # cli_data's commands
            return int(args.handler(args))
        from personadesigner.cli_commands import run_command

        return run_command(args)
    except UserError as exc:
        print(f"{PROG}: error: {one_line(str(exc))}", file=sys.stderr)
        return int(getattr(exc, "exit_code", EXIT_USER_ERROR))
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_OK
    except Exception as exc:  # noqa: BLE001 - the last line of defence: log the bug
        from personadesigner.cli_bug import report_bug

        report_bug(exc)
        return EXIT_BUG


def _first_word(args: list[str]) -> str | None:
    return next((a for a in args if not a.startswith("-")), None)


def _is_app_call(args: list[str]) -> bool:
    first = _first_word(args)
    if first in COMMANDS or first in DATA_COMMANDS:
        return False
    return first is not None or not any(a in ("-h", "--help") for a in args)


def _run_app(location: str | None) -> int:
    import os

    if sys.platform.startswith("linux") and not any(
        os.environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    ):
        # Qt would abort the process without a word a user can act on.
        raise UserError(f"There is no display to open the app on; the commands still work (see {PROG} --help).")
    try:
        from personadesigner.ui.app import run_app
    except ModuleNotFoundError as exc:
        if exc.name and (exc.name.startswith("personadesigner.ui") or exc.name.startswith("PySide6")):
            raise UserError(
                f"The desktop app is not available here ({exc.name} is missing); "
                f"the commands still work (see {PROG} --help)."
            ) from None
        raise
    return int(run_app(location) or 0)




def _tolerant_output() -> None:
    """Never die on a character the terminal's encoding lacks (persona names are Unicode)."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            try:
                reconfigure(errors="replace")
            except (ValueError, OSError):
                pass


def _silence_stdout() -> None:
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


if __name__ == "__main__":
    raise SystemExit(main())
