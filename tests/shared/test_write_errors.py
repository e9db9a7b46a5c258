"""A failed write names its real cause: only a full disk talks about space."""

from __future__ import annotations

import errno
import os
import sys
from pathlib import Path

import pytest

from personadesigner.write_errors import SPACE_ERRNOS, write_error_message


def _error(code: int) -> OSError:
    return OSError(code, os.strerror(code))


def test_a_missing_folder_says_so(tmp_path):
    target = tmp_path / "gone" / "cards.pdf"
    message = write_error_message(_error(errno.ENOENT), target)
    assert message.startswith(f"The folder {tmp_path / 'gone'} does not exist")
    assert "space" not in message


def test_a_file_where_the_folder_should_be_says_so(tmp_path):
    (tmp_path / "notes").write_text("x")
    message = write_error_message(_error(errno.ENOTDIR), tmp_path / "notes" / "cards.pdf")
    assert message.startswith(f"{tmp_path / 'notes'} is a file, not a folder")


@pytest.mark.parametrize("code", [errno.EACCES, errno.EPERM, errno.EROFS])
def test_a_read_only_folder_is_not_writable(tmp_path, code):
    message = write_error_message(_error(code), tmp_path / "cards.pdf")
    assert f"The folder {tmp_path} is not writable" in message and "space" not in message


def test_a_full_disk_says_no_space_left(tmp_path):
    message = write_error_message(_error(errno.ENOSPC), tmp_path / "cards.pdf")
    assert message.startswith("No space left") and "free some space" in message


@pytest.mark.parametrize("name", sorted(n for n in dir(errno) if n.startswith("E") and n.isupper()))
def test_only_a_full_disk_or_quota_mentions_space(tmp_path, name):
    code = getattr(errno, name)
    message = write_error_message(_error(code), tmp_path / "cards.pdf")
    assert ("space" in message) == (code in SPACE_ERRNOS), message
    assert "\n" not in message and message.endswith((".", "?"))


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="sysfs refuses new files on Linux")
def test_the_export_into_a_read_only_folder_says_not_writable(tmp_path):
    """A real refusal from the operating system (even root cannot create files in /sys)."""
    from personadesigner.core.export_options import ExportOptions
    from personadesigner.errors import UserError
    from personadesigner.render.export import export_personas
    from support.layout_samples import plain

    with pytest.raises(UserError) as caught:
        export_personas([plain()], Path("/sys/cards.pdf"), ExportOptions())
    assert str(caught.value).startswith("The folder /sys is not writable")
