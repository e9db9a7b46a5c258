"""The real command in a separate process: python -m personadesigner."""

from __future__ import annotations

import subprocess
import sys

from support.cli_helpers import REPO, run_process


def test_version_runs_as_a_module():
    r = run_process("--version")
    assert r.returncode == 0
    assert r.stdout.strip().startswith("personadesigner 0.")


def test_bad_import_in_a_real_process_is_one_clean_line(sample_library, tmp_path):
    bad = tmp_path / "cut.json"
    bad.write_text('{"format": "personadesigner.personas/1", "personas": [{"name": "An', encoding="utf-8")
    r = run_process("import", "--library", sample_library, bad)
    assert r.returncode == 2
    assert r.stderr.count("\n") == 1 and "Traceback" not in r.stderr and "truncated" in r.stderr


def test_list_and_pdf_export_load_no_qt(sample_library, tmp_path):
    """The headless paths must not pay for (or need) Qt; list must not load reportlab."""
    code = (
        "import sys; from personadesigner.cli import main\n"
        f"assert main(['list', '--library', {str(sample_library)!r}, '--search', 'a']) == 0\n"
        "heavy = [m for m in ('PySide6', 'reportlab') if m in sys.modules]\n"
        "assert not heavy, heavy\n"
        f"assert main(['export', '--library', {str(sample_library)!r}, '--all', '--out', {str(tmp_path / 'a.pdf')!r}]) == 0\n"
        "assert 'PySide6' not in sys.modules\n"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, timeout=120)
    assert r.returncode == 0, r.stderr
