"""One dispatch style: a command is a module with ``register(subparsers)`` and one line in the table."""

from __future__ import annotations

import argparse
import sys
import types

import personadesigner.cli as cli_package


def test_a_new_command_is_one_module_and_one_line_in_the_table(cli, monkeypatch):
    module = types.ModuleType("personadesigner.cli.hello")

    def register(subparsers: argparse._SubParsersAction) -> None:
        p = subparsers.add_parser("hello", help="say hello")
        p.add_argument("name")
        p.set_defaults(handler=lambda args: print(f"Hello {args.name}") or 0)

    module.register = register
    monkeypatch.setitem(sys.modules, module.__name__, module)
    monkeypatch.setattr(cli_package, "COMMAND_MODULES", {**cli_package.COMMAND_MODULES, "hello": ("hello",)})
    monkeypatch.setattr(cli_package, "ALL_COMMANDS", (*cli_package.ALL_COMMANDS, "hello"))

    r = cli("hello", "Anna")
    assert (r.code, r.out) == (0, "Hello Anna\n")
    assert "say hello" in cli("--help").out
    assert "did you mean 'hello'" in cli("helo").err


def test_every_word_in_the_table_has_a_parser_with_a_handler():
    parser = cli_package.build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    assert sorted(sub.choices) == sorted(cli_package.ALL_COMMANDS)
    for word, command in sub.choices.items():
        assert callable(command.get_default("handler")), word


def test_a_command_word_builds_only_its_own_group():
    parser = cli_package.build_parser(("templates",))
    sub = next(a for a in parser._actions if a.dest == "command")
    assert list(sub.choices) == ["templates", "themes"]  # not export's registry, not the data commands
