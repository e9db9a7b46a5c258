"""A library on a read-only or full disk opens read-only with a banner, never with the damaged-library dialog.

The disk is a small tmpfs, remounted read-only or filled, so even root (as CI
runs) is refused writes; the test skips with the reason where mounting is not allowed.
"""

from __future__ import annotations

import pytest
from test_shell_editing import select

from personadesigner.storage.library import Library
from support import privileges
from support.shell import sample_personas

CAUSES = {"read-only": "read-only disk", "full": "is full"}


@pytest.fixture(params=sorted(CAUSES))
def read_only_library(request):
    ok, why = privileges.can_mount()
    if not ok:
        pytest.skip(why)
    with privileges.small_disk("4m") as disk:
        path = disk / "team.sqlite"
        with Library.open(str(path)) as lib:
            lib.add_many(sample_personas())
        if request.param == "full":
            privileges.fill(disk)
        else:
            privileges.make_read_only(disk)
        yield path, CAUSES[request.param]


def test_a_read_only_library_opens_with_a_banner_and_refuses_edits_in_one_sentence(
    qtbot, window, messages, read_only_library
):
    path, cause = read_only_library
    assert window.libraries.open_location(str(path), create=False)
    assert not any("damaged" in m.lower() for m in messages.messages), messages.messages
    banner = window.read_only_banner
    assert banner.isVisible() and cause in banner.text(), banner.text()
    assert [s.name for s in window.sidebar.model.all_summaries()][:1] == ["Anna Berg"]
    assert not window.new_action.isEnabled() and not window.import_action.isEnabled()
    assert not window.delete_action.isEnabled() and window.export_action.isEnabled()

    select(window, "Carl Diaz")
    assert not window.duplicate_action.isEnabled()
    told: list[str] = []
    window.document.invalid.connect(lambda text, _field: told.append(text))
    role = window.form.editors["role"]
    role.setFocus()
    role.end(False)
    qtbot.keyClicks(role, "!")
    assert len(told) == 1 and "read-only" in told[0] and "not saved" in told[0], told
    assert list(path.parent.glob("*.damaged-*")) == []


def test_the_banner_goes_away_for_a_writable_library(qtbot, window, messages, read_only_library, library_path):
    assert window.libraries.open_location(str(read_only_library[0]), create=False)
    assert window.read_only_banner.isVisible()
    assert window.libraries.open_location(str(library_path), create=False)
    assert not window.read_only_banner.isVisible()
    assert window.new_action.isEnabled() and window.import_action.isEnabled()
