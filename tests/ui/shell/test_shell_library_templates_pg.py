"""A team library on PostgreSQL: a template duplicated in one app is listed by a second app on the same
database after its refresh, the persona there shows it, and the export of that persona prints with it."""

from __future__ import annotations

import subprocess

import pytest
from PySide6.QtCore import Qt
from test_shell_editing import select

from personadesigner.core.templates import use_templates
from personadesigner.storage.library import Library
from personadesigner.ui.template_library import duplicate_template
from support.cli import run_process
from support.shell import sample_personas

pytestmark = pytest.mark.postgres
MINI_PT = "240.945 x 155.905 pts"  # 85 x 55 mm


@pytest.fixture
def team(pg_url):
    setup = Library.open(pg_url)
    setup.add_many(sample_personas())
    setup.close()
    first, second = Library.open(pg_url), Library.open(pg_url)
    use_templates([])
    yield pg_url, first, second
    use_templates([])
    first.close()
    second.close()


def test_a_template_made_in_one_app_is_seen_by_a_second_app_on_postgresql(team, make_window, tmp_path):
    url, first, second = team
    mine, theirs = make_window(first), make_window(second)
    for window in (mine, theirs):
        select(window, "Anna Berg")
    persona_id = mine.document.persona.id
    bar = mine.design_bar
    bar.set_design("mini", bar.design()[1])
    bar.designChanged.emit(*bar.design())
    assert duplicate_template(mine, "Team mini") == "Team mini"

    use_templates([])  # the second app is another process: it knows only what it reads from the database
    theirs.refresh_from_library()  # its 2 s tick
    combo = theirs.design_bar.template_combo
    assert combo.itemData(combo.count() - 1) == "Team mini"
    assert theirs.document.persona.card.template == "Team mini"  # the persona changed elsewhere was re-read
    assert theirs.canvas.design()[0] == "Team mini" and theirs.canvas.current_layout() is not None
    gallery = theirs.design_bar.open_gallery()
    names = [item.data(Qt.ItemDataRole.UserRole) for item in gallery.items(gallery.templates)]
    assert names[-1] == "Team mini"
    gallery.close()

    out = tmp_path / "anna.pdf"
    r = run_process("export", "--library", url, persona_id, "--out", out)
    assert r.returncode == 0, r.stderr
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True).stdout
    assert MINI_PT in info
