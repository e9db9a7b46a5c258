"""`personadesigner export` of a library file reads it with the sqlite3 module alone (issue 14: about a
sixth of a 1000-card export was importing SQLAlchemy); a database URL goes through the Library. A
user must not be able to tell the two routes apart: same cards, text, lines and refusals."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys

import pytest

from personadesigner.core.persona import CardDesign, Persona, Relation
from personadesigner.core.templates import use_templates
from personadesigner.core.themes import use_themes
from personadesigner.storage.file_reader import LibraryFileReader, open_file_reader
from personadesigner.storage.library import Library
from support.brand_files import brand_data, logo_png
from support.cli_helpers import REPO
from support.damage import garbage_in_the_middle
from support.images import png
from support.poppler import pdf_text
from support.template_files import branded_data


@pytest.fixture(autouse=True)
def _no_leftover_designs():
    """Library themes and templates are process-wide (core.themes / core.templates): start and end without."""
    use_themes([])
    use_templates([])
    yield
    use_themes([])
    use_templates([])


@pytest.fixture
def team(sample_library):
    """The samples plus twins by name (one with a photo), a persona in the trash that a card links
    to, a persona printed with a library template, and a library theme with a logo."""
    with Library.open(str(sample_library)) as lib:
        lib.add_many(
            [
                Persona(id="twin-1", name="Anna berg", role="Buyer", photo=png(size=(300, 300))),
                Persona(
                    id="twin-2",
                    name="anna Berg",
                    role="Ärztin",
                    related=[Relation("gone", "influences")],
                    card=CardDesign(template="profile"),  # a template that prints related personas
                ),
            ]
        )
        lib.add(Persona(id="gone", name="Gone Gabi", role="In the trash"))
        lib.delete("gone")
        lib.save_theme("Acme brand", brand_data(), {"logo.png": logo_png()})
        lib.save_template("Acme card", branded_data())
        felix = lib.find("Free-tier Felix")
        felix.card.template = "Acme card"
        lib.update(felix)
    return sample_library


def _both_routes(cli, library, tmp_path, *argv: str, suffix: str = ".pdf"):
    """The same export through the file (direct) and through its sqlite:/// URL (the Library)."""
    with open_file_reader(str(library)) as reader:  # the file's route really is the direct one
        assert isinstance(reader, LibraryFileReader)
    runs = []
    for route, where in (("direct", str(library)), ("library", f"sqlite:///{library}")):
        use_themes([])
        use_templates([])
        out = tmp_path / f"{route}{suffix}"
        r = cli("export", "--library", where, *argv, "--out", out)
        runs.append((r.code, r.out.replace(str(out), "OUT"), r.err, out))
    return runs


def test_all_cards_print_the_same_through_both_routes(cli, team, tmp_path):
    (code, out, err, pdf), (code2, out2, err2, pdf2) = _both_routes(cli, team, tmp_path, "--all", "--crop-marks")
    assert code == code2 == 0, (err, err2)
    assert (out, err) == (out2, err2)
    assert out.startswith("Exported 10 personas")  # 8 samples and the twins; never the trash
    text = pdf_text(pdf)
    assert text == pdf_text(pdf2)
    assert "NOT FOR ACME" in text  # Felix's card is laid out with the library's template
    assert "Influences: Gone" in text  # a link into the trash prints the persona's name, not its id
    assert text.index("Anna berg") < text.index("anna Berg")  # twins by name: by id


def test_chosen_personas_a_library_theme_and_refusals_are_the_same(cli, team, tmp_path):
    chosen = ("ANNA BERG", "twin-1", "Free-tier Felix")
    for argv in (
        ("twin-2", "free-tier felix ", "--theme", "Acme brand", "--template", "Acme card"),
        ("Free-tier Felix", "twin-1", "--theme", "Acme brand"),
        chosen,  # two personas fold to "anna berg": the ambiguity sentence
        ("Gone Gabi",),  # in the trash: not found
        ("Nobody",),
        ("twin-1", "--theme", "No such theme"),
    ):
        (code, out, err, pdf), (code2, out2, err2, pdf2) = _both_routes(cli, team, tmp_path, *argv)
        assert (code, out, err) == (code2, out2, err2), argv
        if code == 0:
            assert pdf_text(pdf) == pdf_text(pdf2)
    r = cli("export", "--library", team, *chosen, "--out", tmp_path / "x.pdf")
    assert r.code == 2 and r.err.count("\n") == 1 and '2 personas are named "ANNA BERG"' in r.err


def test_a_json_export_is_the_same_through_both_routes(cli, team, tmp_path):
    (code, out, err, path), (code2, out2, err2, path2) = _both_routes(cli, team, tmp_path, "--all", suffix=".json")
    assert code == code2 == 0 and (out, err) == (out2, err2)
    direct, through_library = json.loads(path.read_text("utf-8")), json.loads(path2.read_text("utf-8"))
    assert direct == through_library
    assert len(direct["personas"]) == 10 and any(p.get("photo") for p in direct["personas"])


def test_a_damaged_or_newer_library_is_refused_as_before(cli, tmp_path):
    path = tmp_path / "lib.sqlite"
    with Library.open(str(path)) as lib:
        lib.add_many([Persona(name=f"P{i}", story="Long story. " * 40) for i in range(200)])
    garbage_in_the_middle(path)
    r = cli("export", "--library", path, "--all", "--out", tmp_path / "x.pdf")
    assert r.code == 2 and r.err.count("\n") == 1 and "is damaged" in r.err and r.out == ""
    assert len(list(tmp_path.glob("lib.sqlite.damaged-*"))) == 1 and not (tmp_path / "x.pdf").exists()
    newer = tmp_path / "newer.sqlite"
    with Library.open(str(newer)) as lib:
        lib.add(Persona(name="Future"))
    conn = sqlite3.connect(newer)
    conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.commit()
    conn.close()
    r = cli("export", "--library", newer, "--all", "--out", tmp_path / "y.pdf")
    assert r.code == 2 and "made by a newer PersonaDesigner (schema 9999)" in r.err and r.out == ""


def _loaded(argv: list[str], modules: tuple[str, ...]) -> list[str]:
    """Which of ``modules`` a fresh process running ``personadesigner ARGV`` imported."""
    code = (
        "import sys, io, contextlib; from personadesigner.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    assert main({argv!r}) == 0\n"
        f"print(' '.join(m for m in {modules!r} if m in sys.modules))\n"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, timeout=120)
    assert r.returncode == 0, r.stderr
    return r.stdout.split()


def _sqlalchemy_loaded(argv: list[str]) -> bool:
    """Whether a fresh process running ``personadesigner ARGV`` imported SQLAlchemy."""
    return _loaded(argv, ("sqlalchemy",)) == ["sqlalchemy"]


def test_the_benchmark_export_starts_without_logging_or_zipfile(sample_library, tmp_path):
    """Issue 14: what the export never uses is not imported before its first card (logging: only to log
    a read error that checks as healthy; zipfile: only for a library's own themes)."""
    pdf = ["export", "--library", str(sample_library), "--all", "--template", "business-card"]
    pdf += ["--page-size", "Letter", "--per-page", "10", "--crop-marks", "--out", str(tmp_path / "cards.pdf")]
    assert _loaded(pdf, ("logging", "zipfile")) == []
    assert "Free-tier Felix" in pdf_text(tmp_path / "cards.pdf")


def test_exporting_from_a_library_file_never_imports_sqlalchemy(team, tmp_path):
    pdf = ["export", "--library", str(team), "--all", "--template", "business-card", "--page-size", "Letter"]
    pdf += ["--per-page", "10", "--crop-marks"]  # the benchmark's command
    assert not _sqlalchemy_loaded([*pdf, "--out", str(tmp_path / "cards.pdf")])
    assert "Anna berg" in pdf_text(tmp_path / "cards.pdf")
    named = ["export", "--library", str(team), "twin-2", "--theme", "Acme brand", "--template", "Acme card"]
    assert not _sqlalchemy_loaded([*named, "--out", str(tmp_path / "anna.png")])
    assert not _sqlalchemy_loaded(["export", "--library", str(team), "--all", "--out", str(tmp_path / "all.json")])
    # The same command on the library's URL goes through the Library (and the check above can see it).
    assert _sqlalchemy_loaded([*pdf[:2], f"sqlite:///{team}", *pdf[3:], "--out", str(tmp_path / "url.pdf")])


def test_show_reads_a_library_file_without_sqlalchemy_and_says_the_same(cli, team):
    """`show` only reads too: the same text, JSON (photo included) and refusals through both routes."""
    for argv in (["twin-2"], ["Free-tier Felix", "--json"], ["twin-1", "--json"], ["ANNA BERG"], ["gone"]):
        direct = cli("show", "--library", team, *argv)
        through_library = cli("show", "--library", f"sqlite:///{team}", *argv)
        assert (direct.code, direct.out, direct.err) == (through_library.code, through_library.out, through_library.err)
    assert '"photo": "data:image/' in cli("show", "--library", team, "twin-1", "--json").out  # stored as JPEG
    assert cli("show", "--library", team, "gone").code == 2  # the trash is not shown
    assert not _sqlalchemy_loaded(["show", "--library", str(team), "twin-2"])
    assert _sqlalchemy_loaded(["show", "--library", f"sqlite:///{team}", "twin-2"])
