"""The export dialog says why an export failed: a missing folder is not a full disk."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from support.canvas import ids_by_name

pytestmark = pytest.mark.gui


@pytest.fixture
def dialog(qtbot, library):
    from personadesigner.ui.export_dialog import ExportDialog

    d = ExportDialog(library, {"all": list(ids_by_name(library).values())})
    qtbot.addWidget(d)
    d.show()
    return d


def _fail(qtbot, dialog, path) -> str:
    dialog.path_edit.setText(str(path))
    with qtbot.waitSignal(dialog.exportFailed, timeout=60000):
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    return dialog.findChild(QMessageBox, "exportError").text()


def test_a_missing_folder_says_it_does_not_exist_not_free_some_space(qtbot, dialog, tmp_path):
    text = _fail(qtbot, dialog, tmp_path / "no such folder" / "cards.pdf")
    assert f"The folder {tmp_path / 'no such folder'} does not exist" in text
    assert "space" not in text
    assert not (tmp_path / "no such folder").exists()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="sysfs refuses new files on Linux")
def test_a_read_only_folder_says_it_is_not_writable(qtbot, dialog):
    text = _fail(qtbot, dialog, "/sys/cards.pdf")
    assert "The folder /sys is not writable" in text and "space" not in text


@pytest.fixture
def full_disk(tmp_path):
    """A real 8 KiB disk (tmpfs) that a card export cannot fit on; needs root to mount."""
    mount = tmp_path / "full"
    mount.mkdir()
    if (
        os.geteuid() != 0
        or subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "size=8k", "tmpfs", str(mount)], capture_output=True
        ).returncode
        != 0
    ):
        pytest.skip("cannot mount a small disk here")
    yield mount
    subprocess.run(["umount", str(mount)], capture_output=True)


def test_a_full_disk_says_no_space_left(qtbot, dialog, full_disk):
    text = _fail(qtbot, dialog, full_disk / "cards.pdf")
    assert "No space left on the disk" in text and "free some space" in text
    assert not (full_disk / "cards.pdf").exists()
