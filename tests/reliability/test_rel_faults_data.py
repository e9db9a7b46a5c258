"""Faults in the data itself (issue 15 items 5 and 8): one odd persona or one huge file must not hurt the rest.

- a persona whose card names a template or theme this installation lacks (made in another
  library) is imported with a warning and printed on the default design, with a preflight
  line naming it: ``export --all`` works;
- imports are read and stored a persona at a time: a file of tens of MB does not need
  memory in proportion, and an invalid persona at the very end still stores nothing.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from personadesigner.core.export_options import ExportOptions
from personadesigner.core.layout import layout
from personadesigner.core.persona import CardDesign, Persona
from personadesigner.errors import UserError
from personadesigner.render.page_plan import lay_out_for_export
from personadesigner.storage.library import Library
from support.cli import REPO
from support.poppler import pdf_pages

FORMAT = "personadesigner.personas/1"


def _json_file(path: Path, personas: list[dict]) -> Path:
    path.write_text(json.dumps({"format": FORMAT, "personas": personas}, ensure_ascii=False), encoding="utf-8")
    return path


# ------------------------------------------------------------- item 5: a design from elsewhere
@pytest.fixture
def foreign_design(tmp_path, cli) -> tuple[Path, object]:
    """A library holding a normal persona and one whose card names a template and theme not installed here."""
    library = tmp_path / "lib.sqlite"
    source = _json_file(
        tmp_path / "from-elsewhere.json",
        [
            {"name": "Good One", "role": "Buyer"},
            {"name": "Foreign Design", "role": "Planner", "card": {"template": "brochure", "theme": "neon"}},
        ],
    )
    return library, cli("import", "--library", library, source)


def test_import_of_a_missing_design_is_a_warning_line_not_a_refusal(foreign_design):
    library, imported = foreign_design
    assert imported.code == 0 and "Imported 2 personas" in imported.out
    (line,) = [ln for ln in imported.err.splitlines() if "Foreign Design" in ln]
    assert "warning" in line and '"brochure"' in line and '"neon"' in line and '"card"' in line
    with Library.open(str(library)) as lib:  # the names it came with are kept, not rewritten
        stored = lib.find("Foreign Design")
        assert stored.card == CardDesign(template="brochure", theme="neon")


def test_export_all_prints_every_card_and_names_the_persona_on_the_default_design(foreign_design, cli, tmp_path):
    library, _ = foreign_design
    out = tmp_path / "all.pdf"
    r = cli("export", "--library", library, "--all", "--out", out)
    assert r.code == 0, r.err
    assert pdf_pages(out) == 2
    preflight = [ln for ln in r.err.splitlines() if ln.startswith("preflight:")]
    assert preflight == [
        'preflight: "Foreign Design": template "brochure" and theme "neon" are not installed here, '
        'so "card" and "classic" are used'
    ]


def test_a_template_chosen_for_the_export_leaves_only_the_missing_theme_to_report(foreign_design, cli, tmp_path):
    library, _ = foreign_design
    r = cli("export", "--library", library, "--all", "--template", "mini", "--out", tmp_path / "mini.pdf")
    assert r.code == 0, r.err
    assert 'preflight: "Foreign Design": theme "neon" is not installed here, so "classic" is used' in r.err
    assert "brochure" not in r.err


def test_strict_is_about_cut_text_so_a_missing_design_alone_still_exports(foreign_design, cli, tmp_path):
    library, _ = foreign_design
    out = tmp_path / "strict.pdf"
    r = cli("export", "--library", library, "Foreign Design", "--strict", "--out", out)
    assert r.code == 0 and out.exists()


def test_the_stand_in_card_is_exactly_the_default_design():
    missing = Persona(name="Lea", role="Buyer", goals=["One", "Two"], card=CardDesign("brochure", "neon"))
    default = Persona(name="Lea", role="Buyer", goals=["One", "Two"])
    options = ExportOptions(format="pdf")
    a, b = lay_out_for_export(missing, options), layout(default, "card", "classic")
    assert (a.width, a.height, a.items, a.template, a.theme) == (b.width, b.height, b.items, "card", "classic")


def test_a_design_that_exists_is_laid_out_as_before():
    persona = Persona(name="Lea", role="Buyer", card=CardDesign("profile", "warm"))
    exported = lay_out_for_export(persona, ExportOptions(format="pdf"))
    assert (exported.template, exported.theme) == ("profile", "warm")
    assert exported.items == layout(persona, "profile", "warm").items


def test_the_canvas_keeps_explaining_a_missing_design_instead_of_guessing():
    with pytest.raises(UserError, match='"brochure" is not a template'):
        layout(Persona(name="Lea"), "brochure", "classic")


# ------------------------------------------------------------- item 8: bounded imports
def _many(count: int, story: str = "A background story. ") -> list[dict]:
    return [{"name": f"Persona {i:05d}", "role": "Analyst", "story": story, "goals": ["a", "b"]} for i in range(count)]


def test_an_invalid_persona_at_the_very_end_of_a_big_json_stores_nothing(cli, tmp_path):
    library = tmp_path / "lib.sqlite"
    with Library.open(str(library)) as lib:
        lib.add(Persona(name="Already here"))
    people = _many(1600)  # several chunks are stored before the last persona is read
    people[-1]["confidence"] = "certain"
    r = cli("import", "--library", library, _json_file(tmp_path / "big.json", people))
    assert r.code == 2 and r.err.count("\n") == 1
    assert 'persona "Persona 01599": confidence' in r.err
    with Library.open(str(library)) as lib:
        assert [s.name for s in lib.list()] == ["Already here"]


def test_an_invalid_row_at_the_very_end_of_a_big_csv_stores_nothing(cli, tmp_path):
    library = tmp_path / "lib.sqlite"
    rows = ["Name,Role,Last validated"] + [f"Persona {i:05d},Analyst,2026-01-0{1 + i % 9}" for i in range(1600)]
    rows.append("Late Persona,Analyst,next spring")
    path = tmp_path / "big.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    r = cli("import", "--library", library, path)
    assert r.code == 2 and r.err.count("\n") == 1
    assert 'line 1602: persona "Late Persona": last_validated' in r.err
    with Library.open(str(library)) as lib:
        assert lib.count() == 0


def test_a_relation_to_a_persona_further_down_a_big_file_is_resolved(cli, tmp_path):
    people = _many(1300)
    people[0]["related"] = [{"persona": "Persona 01250", "relation": "buys_for"}]
    library = tmp_path / "lib.sqlite"
    assert cli("import", "--library", library, _json_file(tmp_path / "rel.json", people)).code == 0
    with Library.open(str(library)) as lib:
        first, target = lib.find("Persona 00000"), lib.find("Persona 01250")
        assert [r.persona for r in first.related] == [target.id]


def test_two_files_are_one_transaction_and_a_taken_id_refuses_both(cli, tmp_path):
    library = tmp_path / "lib.sqlite"
    a = _json_file(tmp_path / "a.json", [{**p, "id": f"a-{i}"} for i, p in enumerate(_many(700))])
    b = _json_file(tmp_path / "b.json", [{"name": "Late twin", "id": "a-3"}])
    r = cli("import", "--library", library, a, b)
    assert r.code == 2 and '"Late twin"' in r.err and "a-3" in r.err
    with Library.open(str(library)) as lib:
        assert lib.count() == 0


#: Runs the command and, at exit, prints the process's peak RSS (VmHWM: of this program only;
#: ru_maxrss of a child forked from the big pytest process would count the parent's pages too).
_MEASURED = """
import atexit, sys
def _peak():
    with open("/proc/self/status") as status:
        sys.stderr.write(next(line for line in status if line.startswith("VmHWM:")))
atexit.register(_peak)
from personadesigner.cli import main
sys.exit(main(sys.argv[1:]))
"""


def _peak_rss_mib(argv: list[str], cwd: Path) -> tuple[int, float, str]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    proc = subprocess.run(
        [sys.executable, "-c", _MEASURED, *argv], capture_output=True, text=True, env=env, cwd=cwd, timeout=600
    )
    peak_kib = int(next(ln for ln in proc.stderr.splitlines() if ln.startswith("VmHWM:")).split()[1])
    return proc.returncode, peak_kib / 1024, proc.stderr


@pytest.mark.slow
def test_a_55_mb_import_needs_no_more_memory_than_a_small_one(tmp_path):
    """Peak RSS of the whole import process (interpreter and SQLAlchemy included): before
    streaming, 20,000 of these personas took 254 MiB and 30,000 about 350; read a persona
    at a time the import takes 70-100 MiB whatever the file's size."""
    path = tmp_path / "big.json"
    story = 'A long background narrative with commas, "quotes" and ümlauts. ' * 27  # ~1.7 KB
    with path.open("w", encoding="utf-8") as fh:
        fh.write(f'{{"format": "{FORMAT}", "personas": [')
        for i, persona in enumerate(_many(30_000, story)):
            fh.write(("," if i else "") + json.dumps(persona, ensure_ascii=False) + "\n")
        fh.write("]}")
    assert path.stat().st_size > 50 << 20
    code, peak, err = _peak_rss_mib(["import", "--library", str(tmp_path / "lib.sqlite"), str(path)], tmp_path)
    assert code == 0, err
    assert peak < 180, f"the import peaked at {peak:.0f} MiB"


@pytest.mark.parametrize("kind", ["fifo", "device"])
def test_an_import_file_that_is_a_pipe_or_a_device_is_refused_without_reading_it(tmp_path, kind):
    """Streaming import opens files itself: a FIFO would block it forever, /dev/zero would never end."""
    path = tmp_path / "people.json"
    if kind == "fifo":
        os.mkfifo(path)
    else:
        path.symlink_to("/dev/zero")
    proc = subprocess.run(
        [sys.executable, "-m", "personadesigner", "import", "--library", str(tmp_path / "l.sqlite"), str(path)],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    assert proc.returncode == 2 and proc.stderr.count("\n") == 1
    assert "is not a regular file" in proc.stderr
