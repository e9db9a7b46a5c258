"""File › Discover personas from data…: choose a file, correct a kind, run, import the drafts."""

from __future__ import annotations

from personadesigner.discovery import synthetic
from personadesigner.storage.library import Library
from personadesigner.ui.discover_dialog import DiscoverDialog


def test_dialog_runs_and_imports_drafts(qtbot, tmp_path):
    header, rows, _ = synthetic.generate(300, 3, seed=1)
    survey = tmp_path / "survey.csv"
    synthetic.write_csv(survey, header, rows)
    library = Library.open(str(tmp_path / "lib.sqlite"))
    dialog = DiscoverDialog(library)
    qtbot.addWidget(dialog)
    assert dialog.load(str(survey))
    kinds = dialog.kinds()
    assert kinds["Preferred channels"] == "multi" and kinds["What is your main goal?"] == "text"
    age_row = list(kinds).index("Age")
    dialog.columns_view.cellWidget(age_row, 1).setCurrentText("ignore")
    dialog.segments.setCurrentText("3")
    assert dialog.run()
    text = dialog.report.toPlainText()
    assert "Segment 3:" in text and "Age: ignore (corrected)" in text
    assert "Age: median" not in text  # the corrected kind was used
    assert "Job title: category (" in text and "Job title: category (corrected)" not in text
    assert dialog.import_button.isEnabled()
    assert dialog.import_drafts() == 3
    assert len(library.list(tag="draft")) == 3
    library.close()


def test_a_bad_file_is_a_dialog_not_a_crash(qtbot, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(
        "personadesigner.ui.discover_dialog.show_user_error", lambda _p, exc, *a, **k: shown.append(str(exc))
    )
    bad = tmp_path / "one.csv"
    bad.write_text("Role\nA\nB\n", encoding="utf-8")
    dialog = DiscoverDialog(None)
    qtbot.addWidget(dialog)
    assert not dialog.load(str(bad))
    assert shown and "single column" in shown[0]
    assert not dialog.run_button.isEnabled()


def test_main_window_has_the_menu_entry(qtbot, tmp_path):
    from personadesigner.ui.main_window import MainWindow
    from personadesigner.ui.settings import Settings

    library = Library.open(str(tmp_path / "lib.sqlite"))
    window = MainWindow(library, Settings.from_file(str(tmp_path / "settings.ini")))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: getattr(window, "startup_done", True), timeout=10000)
    file_menu = window.menuBar().actions()[0].menu()
    texts = [a.text() for a in file_menu.actions()]
    assert "&Discover personas from data…" in texts
    assert texts.index("&Discover personas from data…") == texts.index("&Import…") + 1
    window.close()
    library.close()
