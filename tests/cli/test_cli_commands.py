"""The command line run in-process on real library files: what users see and the exit codes."""

from __future__ import annotations

import json

from personadesigner.cli.text import display_width
from personadesigner.core.persona import PERSONA_TYPES
from support.cli_helpers import count


def test_list_prints_aligned_name_type_role(cli, sample_library):
    r = cli("list", "--library", sample_library)
    assert r.code == 0 and r.err == ""
    lines = r.out.splitlines()
    assert len(lines) == 8
    tomasz = next(line for line in lines if line.startswith("Tomasz Wójcik"))
    assert tomasz.split("  ")[0] == "Tomasz Wójcik" and "buyer" in tomasz and "Office manager" in tomasz
    type_columns = {display_width(line[: line.index(t)]) for line in lines for t in PERSONA_TYPES if f"  {t}  " in line}
    assert len(type_columns) == 1  # every type starts in the same column


def test_list_filters_by_type_label_search_and_tag(cli, sample_library):
    assert [
        line.split("  ")[0] for line in cli("list", "--library", sample_library, "--type", "End user").out.splitlines()
    ] == ["Lea Hoffmann", "Yusuf Demir"]
    assert cli("list", "--library", sample_library, "--search", "bakery").out.startswith("Rosa Delgado")
    assert len(cli("list", "--library", sample_library, "--tag", "daily user").out.splitlines()) == 2


def test_list_json(cli, sample_library):
    rows = json.loads(cli("list", "--library", sample_library, "--json", "--type", "negative").out)
    assert [(r["name"], r["type"]) for r in rows] == [("Free-tier Felix", "negative")]
    assert rows[0]["id"]


def test_list_unknown_type_is_one_line_exit_2(cli, sample_library):
    r = cli("list", "--library", sample_library, "--type", "vip")
    assert r.code == 2 and r.out == ""
    assert r.err.count("\n") == 1 and '"vip" is not a persona type' in r.err


def test_show_text_names_related_personas(cli, sample_library):
    r = cli("show", "--library", sample_library, "Tomasz Wójcik")
    assert r.code == 0
    assert "Type: Buyer" in r.out
    assert "  - Buys for: Lea Hoffmann" in r.out  # the stored id shown as the name
    assert "  - Stay within the yearly software budget" in r.out
    assert "Research sources:" in r.out and "(2026-04-08)" in r.out


def test_show_json_is_the_interchange_object(cli, sample_library):
    doc = json.loads(cli("show", "--library", sample_library, "Lea Hoffmann", "--json").out)
    assert doc["name"] == "Lea Hoffmann" and doc["type"] == "end_user"
    assert doc["related"][0]["relation"] == "uses_what_is_bought_by"


def test_show_unknown_persona(cli, sample_library):
    r = cli("show", "--library", sample_library, "Nobody")
    assert r.code == 2 and r.err.count("\n") == 1 and "Nobody" in r.err


def test_import_json_and_csv_together(cli, sample_library, tmp_path):
    j = tmp_path / "a.json"
    j.write_text(
        json.dumps(
            {
                "format": "personadesigner.personas/1",
                "personas": [{"name": "Ada", "type": "influencer", "shoe_size": "38"}],
            }
        ),
        encoding="utf-8",
    )
    c = tmp_path / "b.csv"
    c.write_text("Persona,Occupation,Favourite snack\nBo,Baker,Figs\nCy,Cook,Nuts\n", encoding="utf-8")
    r = cli("import", "--library", sample_library, j, c)
    assert r.code == 0, r.err
    assert r.out == "Imported 3 personas\n"
    assert '"shoe_size"' in r.err and '"Favourite snack"' in r.err
    assert count(sample_library) == 11
    assert "Baker" in cli("show", "--library", sample_library, "Bo").out


def test_import_csv_with_map_and_encoding(cli, sample_library, tmp_path):
    c = tmp_path / "cp.csv"
    c.write_bytes("Name,Snack\nRené,Crêpes\n".encode("cp1252"))
    r = cli("import", "--library", sample_library, c, "--encoding", "cp1252", "--map", "Snack=custom")
    assert r.code == 0 and r.err == ""
    assert "Snack: Crêpes" in cli("show", "--library", sample_library, "René").out


def test_export_json_then_import_into_a_new_library(cli, sample_library, tmp_path):
    out = tmp_path / "all.json"
    r = cli("export", "--library", sample_library, "--all", "--out", out)
    assert r.code == 0 and "Exported 8 personas" in r.out
    fresh = tmp_path / "fresh.sqlite"
    assert cli("import", "--library", fresh, out).out == "Imported 8 personas\n"
    assert (
        cli("show", "--library", fresh, "Lea Hoffmann", "--json").out
        == cli("show", "--library", sample_library, "Lea Hoffmann", "--json").out
    )


def test_export_csv_of_named_personas(cli, sample_library, tmp_path):
    out = tmp_path / "two.csv"
    r = cli("export", "--library", sample_library, "Rosa Delgado", "Kenji Sato", "--out", out)
    assert r.code == 0
    lines = out.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0].startswith("id,name,type,role")
    assert sum(1 for line in lines if ",Rosa Delgado,customer," in line or ",Kenji Sato,influencer," in line) == 2


def test_export_flags_that_do_not_apply_are_refused(cli, sample_library, tmp_path):
    r = cli("export", "--library", sample_library, "--all", "--out", tmp_path / "x.json", "--bleed")
    assert r.code == 2 and "--bleed applies to PDF and PNG" in r.err
    r = cli("export", "--library", sample_library, "--all", "--out", tmp_path / "x.doc")
    assert r.code == 2 and "--format" in r.err


def test_templates_lists_trim_sizes(cli):
    r = cli("templates")
    assert r.code == 0
    card = next(line for line in r.out.splitlines() if line.startswith("card "))
    assert "105 x 148 mm" in card


def test_check_reports_ok_with_count_and_schema(cli, sample_library):
    r = cli("check", "--library", sample_library)
    assert r.code == 0 and r.out.startswith("OK: 8 personas, schema ")


def test_usage_error_exits_1(cli):
    r = cli("list", "--no-such-flag")
    assert r.code == 1 and "usage:" in r.err


def test_version(cli):
    r = cli("--version")
    assert r.code == 0 and r.out.startswith("personadesigner 0.")


def test_a_bug_is_logged_with_its_traceback_and_exits_70(cli, sample_library, monkeypatch, tmp_path):
    import personadesigner.cli.commands as commands

    def broken(args, library):
        raise ZeroDivisionError("simulated bug")

    monkeypatch.setitem(commands._COMMANDS, "check", broken)
    r = cli("check", "--library", sample_library)
    assert r.code == 70
    assert r.err.count("\n") == 1 and "bug" in r.err and "Traceback" not in r.err
    from personadesigner.cli.bug import LOG_NAME, log_dir

    log = (log_dir() / LOG_NAME).read_text(encoding="utf-8")
    assert "Traceback" in log and "simulated bug" in log
    assert str(log_dir()) in r.err


def test_app_without_a_display_is_a_clear_error_not_a_qt_abort(cli, monkeypatch):
    import sys

    monkeypatch.setattr(sys, "platform", "linux")
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    r = cli()
    assert r.code == 2 and r.err.count("\n") == 1 and "no display" in r.err


def test_copy_command_is_reachable_from_the_main_command(cli, sample_library, tmp_path):
    target = tmp_path / "copy.sqlite"
    r = cli("copy", "--from", sample_library, "--to", target)
    assert r.code == 0, r.err
    assert count(target) == 8


def test_terminal_escape_sequences_in_user_text_are_shown_not_obeyed(cli, tmp_path):
    from personadesigner.core.persona import Persona
    from personadesigner.storage.library import Library

    path = tmp_path / "esc.sqlite"
    with Library.open(str(path)) as lib:
        lib.add(Persona(name="Eve\x1b[2J\x1b]0;pwned\x07", role="Clears \x1b[31mscreens"))
    listed = cli("list", "--library", path).out
    shown = cli("show", "--library", path, "Eve\x1b[2J\x1b]0;pwned\x07").out
    missing = cli("show", "--library", path, "No\x1b[2Jbody").err
    for text in (listed, shown, missing):
        assert "\x1b" not in text and "\x07" not in text
    assert "Eve\ufffd[2J" in listed and "Clears \ufffd[31mscreens" in shown
