"""Two users saving a template or theme under the same NEW name at once on a team library:
both saves succeed and the last one is what everybody sees. (Saving was UPDATE, then INSERT
when no row changed: the second writer's INSERT waited for the first and then failed with a
unique violation, shown to the user as a traceback.)"""

from __future__ import annotations

import json
import threading
import time

import pytest
import sqlalchemy as sa

from personadesigner.core.persona import now_iso
from personadesigner.core.theme_package import pack
from personadesigner.storage.engine import make_engine
from personadesigner.storage.library import Library
from personadesigner.storage.schema import templates, themes
from support.brand_files import brand_data, logo_png
from support.template_files import branded_data

pytestmark = pytest.mark.postgres


def _template_row() -> dict:
    return {"data": json.dumps(branded_data()), "updated_at": now_iso()}


def _theme_row() -> dict:
    return {"package": pack(brand_data(), {"logo.png": logo_png()}), "updated_at": now_iso()}


def _save_template(lib: Library) -> str:
    changed = branded_data()
    changed["negative"]["text"] = "NOT OURS"
    lib.save_template("Acme", changed)
    return lib.template_data("Acme")["negative"]["text"]


def _save_theme(lib: Library) -> str:
    changed = brand_data()
    changed["title"] = "Acme (ours)"
    lib.save_theme("Acme", changed, {"logo.png": logo_png()})
    return next(t.title for t in lib.themes()[0] if t.name == "Acme")


CASES = {
    "template": (templates, _template_row, _save_template, "NOT OURS"),
    "theme": (themes, _theme_row, _save_theme, "Acme (ours)"),
}


def _wait_until_a_backend_waits_for_a_lock(engine: sa.Engine, saving: threading.Thread) -> None:
    """Returns once the save is blocked behind the other user's uncommitted row (or has ended)."""
    query = sa.text(
        "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'"
    )
    while saving.is_alive():
        with engine.connect() as conn:
            if conn.execute(query).scalar():
                return
        time.sleep(0.01)


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_the_second_save_of_one_new_name_replaces_the_first(pg_url, case):
    table, first_row, save, expected = case
    engine, _ = make_engine(pg_url)
    with Library.open(pg_url) as lib:
        outcome: list = []

        def second_user() -> None:
            try:
                outcome.append(save(lib))
            except Exception as exc:  # noqa: BLE001 - the test reports what reached the user
                outcome.append(exc)

        saving = threading.Thread(target=second_user)
        try:
            with engine.connect() as first_user:
                first_user.begin()
                first_user.execute(table.insert().values(name="Acme", **first_row()))  # not committed yet
                saving.start()
                _wait_until_a_backend_waits_for_a_lock(engine, saving)
                first_user.commit()
            saving.join(timeout=120)
        finally:
            engine.dispose()
        assert outcome == [expected]
