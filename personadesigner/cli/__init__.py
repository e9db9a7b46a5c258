"""The ``personadesigner`` command: argument parsing, exit codes and error reporting.

Exit codes: 0 ok, 1 usage, 2 a problem with the user's input or environment
(one line on stderr, no traceback), 3 a ``--strict`` export whose preflight
found cut text, 70 a bug (traceback in the log file). The commands live in the
modules of this package named by COMMAND_MODULES; heavy modules (Qt, reportlab,
Pillow) are imported only by the command that needs them, so ``list`` starts fast.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from importlib import import_module

from personadesigner import __version__
from personadesigner.cli.dispatch import opens_app, unknown_word_message
from personadesigner.cli.text import PROG, one_line
from personadesigner.errors import UserError

EXIT_OK, EXIT_USAGE, EXIT_USER_ERROR, EXIT_BUG = 0, 1, 2, 70

#: The command table: module (personadesigner.cli.<module>) -> the words it registers.
#: Each module has ``register(subparsers)``, which adds its parsers with
#: ``set_defaults(handler=...)``; ``main`` runs ``args.handler(args)``. A new command is
#: one new module and one line here. Only the module of the word given is imported.
COMMAND_MODULES: dict[str, tuple[str, ...]] = {
    "commands": ("list", "show", "import", "check"),
    "export": ("export",),
    "designs": ("templates", "themes"),
    "data": ("copy", "backup", "restore"),
    "discover": ("discover",),
    "history": ("history",),
}
ALL_COMMANDS: tuple[str, ...] = tuple(word for words in COMMAND_MODULES.values() for word in words)


class _UsageError(Exception):
    def __init__(self, parser: argparse.ArgumentParser, message: str) -> None:
        super().__init__(message)
        self.parser = parser


class _Parser(argparse.ArgumentParser):
    """argparse that reports usage errors to ``main`` (exit 1) instead of exiting with 2."""

    def error(self, message: str):  # type: ignore[override]
        raise _UsageError(self, message)


def build_parser(words: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The parser with the commands of ``words`` (default: every command, as ``--help`` lists them).

    Only the modules of the asked-for commands are imported, so ``list`` never loads what
    ``backup`` needs.
    """
    parser = _Parser(
        prog=PROG,
        description="Design customer persona cards and print them. "
        f"Without a command, opens the app: {PROG} [LIBRARY].",
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    wanted = set(ALL_COMMANDS if words is None else words)
    for module_name, names in COMMAND_MODULES.items():
        if wanted.intersection(names):
            import_module(f"{__name__}.{module_name}").register(sub)
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
                    raise _UsageError(build_parser(()), unknown_word_message(word, ALL_COMMANDS))
                args = _app_parser().parse_args(args_list)
                if args.library is not None and not opens_app(args.library):
                    raise _UsageError(build_parser(()), unknown_word_message(args.library, ALL_COMMANDS))
                return _run_app(args.library)
            first = _first_word(args_list)
            args = build_parser(None if first is None else (first,)).parse_args(args_list)
        except _UsageError as exc:
            exc.parser.print_usage(sys.stderr)
            print(f"{PROG}: error: {exc}", file=sys.stderr)
            return EXIT_USAGE
        except SystemExit as exc:  # --help, --version
            return int(exc.code or 0)
        if args.command is None:  # pragma: no cover - main() routes this to the app
            raise UserError(f"Name a command (see {PROG} --help).")
        return int(args.handler(args))
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
        from personadesigner.cli.bug import report_bug

        report_bug(exc)
        return EXIT_BUG


def _first_word(args: list[str]) -> str | None:
    return next((a for a in args if not a.startswith("-")), None)


def _is_app_call(args: list[str]) -> bool:
    first = _first_word(args)
    if first in ALL_COMMANDS:
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
