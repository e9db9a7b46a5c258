"""Which words open the app: a mistyped command is a usage error, never a new library."""

from __future__ import annotations

import sys

import pytest

from personadesigner.core.themes import load_theme, theme_names


@pytest.fixture
def headless(monkeypatch, tmp_path):
    """No display: a word routed to the app ends at once with "no display" (exit 2)
    instead of opening a window; the default library points into tmp_path."""
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr("sys.platform", "linux")
    monkeypatch.setenv("PERSONADESIGNER_LIBRARY", str(tmp_path / "default" / "library.sqlite"))
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _files(root):
    return sorted(p.relative_to(root) for p in root.rglob("*"))


@pytest.mark.parametrize(
    "word, meant",
    [("exprot", "export"), ("lst", "list"), ("tempaltes", "templates"), ("bakup", "backup"), ("theme", "themes")],
)
def test_a_mistyped_command_is_a_usage_error_naming_the_closest(cli, headless, word, meant):
    before = _files(headless)
    r = cli(word)
    assert r.code == 1
    assert f"unknown command '{word}' — did you mean '{meant}'?" in r.err
    assert "no display" not in r.err  # never routed to the app
    assert _files(headless) == before  # no library called "exprot", nothing else either


def test_a_mistyped_command_with_its_options_still_names_the_command(cli, headless):
    r = cli("exprot", "--all", "--out", "x.pdf")
    assert r.code == 1 and "did you mean 'export'?" in r.err
    assert _files(headless) == []


def test_a_word_like_no_command_is_a_usage_error_listing_the_commands(cli, headless):
    r = cli("zzzz")
    assert r.code == 1 and "unknown command 'zzzz'" in r.err and "export" in r.err
    assert _files(headless) == []


def test_a_missing_file_without_the_library_suffix_is_a_usage_error(cli, headless):
    r = cli("team.db")
    assert r.code == 1 and "'team.db' is neither a command nor an existing library file" in r.err
    assert not (headless / "team.db").exists()


@pytest.mark.parametrize(
    "target", ["new.sqlite", "NEW.SQLITE", "postgresql+psycopg://u@localhost/db", "sqlite:///x.sqlite"]
)
def test_a_library_path_or_url_still_opens_the_app(cli, headless, target):
    r = cli(target)
    assert r.code == 2 and "no display" in r.err  # routed to the app, which needs a display


def test_an_existing_library_file_with_any_name_opens_the_app(cli, headless, sample_library):
    other = headless / "team-library"
    other.write_bytes(sample_library.read_bytes())
    r = cli(str(other))
    assert r.code == 2 and "no display" in r.err


def test_no_argument_opens_the_app(cli, headless):
    assert cli().code == 2


def test_themes_lists_every_theme_with_title_fonts_and_description(cli):
    r = cli("themes")
    assert r.code == 0, r.err
    lines = r.out.splitlines()
    assert [line.split()[0] for line in lines] == theme_names()
    for name, line in zip(theme_names(), lines):
        theme = load_theme(name)
        assert theme.title in line and theme.description in line
        assert f"{theme.heading_family} headings" in line
    assert "serif headings" in r.out  # the warm theme's serif headings are shown


def test_themes_is_listed_in_help(cli):
    r = cli("--help")
    assert "themes" in r.out


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="sysfs refuses new files on Linux")
@pytest.mark.parametrize("out, fmt", [("/sys/cards.pdf", "pdf"), ("/sys/cards", "png")])
def test_exporting_into_a_read_only_folder_says_it_is_not_writable(cli, sample_library, out, fmt):
    r = cli("export", "--library", sample_library, "--all", "--format", fmt, "--out", out)
    assert r.code == 2
    assert "The folder /sys is not writable" in r.err and "space" not in r.err
