"""Take the README's screenshots of the real app on a sample library.

Run under a virtual screen so fonts and widgets render as on a desktop:

    xvfb-run -s "-screen 0 1600x1000x24" python docs/take_screenshots.py docs/screenshots

QT_SCALE_FACTOR=2 gives the 200 % versions (suffix "-200"). Nothing here is
part of the app; it drives the same widgets a user clicks.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main(out_dir: str) -> int:
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix="pd-shots-"))
    for var in ("XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
        os.environ[var] = str(tmp / var.lower())
    os.environ["PERSONADESIGNER_NO_REVEAL"] = "1"
    suffix = "-200" if os.environ.get("QT_SCALE_FACTOR") == "2" else ""

    from personadesigner.ui.app import make_application

    app = make_application([])
    from personadesigner.samples import seed_samples
    from personadesigner.storage.library import Library
    from personadesigner.ui.main_window import MainWindow
    from personadesigner.ui.settings import Settings

    def settle(seconds: float = 0.3) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            app.processEvents()
            time.sleep(0.01)

    library_path = tmp / "Client personas.sqlite"
    library = Library.open(str(library_path))
    seed_samples(library)
    window = MainWindow(library, Settings.from_file(str(tmp / "settings.ini")))
    window.resize(1600, 1000)
    window.show()
    settle(0.8)
    model = window.sidebar.model
    ids = {model.summary(r).name: model.summary(r).id for r in range(model.rowCount())}
    window.sidebar.select(ids["Amira Haddad"])
    window.form.focus_field("role")
    settle()
    window.grab().save(str(out / f"main-window{suffix}.png"))
    if suffix:
        return 0

    combo = window.design_bar.template_combo
    shown = (
        ("card", "Amira Haddad"),
        ("profile", "Tomasz Wójcik"),
        ("slide", "Grace Adeyemi"),
        ("poster", "Free-tier Felix"),
        ("mini", "Kenji Sato"),
    )
    for template, persona in shown:
        window.sidebar.select(ids[persona])
        settle()
        index = combo.findData(template)
        combo.setCurrentIndex(index)
        combo.activated.emit(index)  # as a user picks it: one undoable change
        window.canvas.zoom_fit()
        settle()
        window.canvas.grab().save(str(out / f"canvas-{template}.png"))
        window.undo_action.trigger()  # the persona keeps its own design
        settle(0.1)

    from personadesigner.ui.export_dialog import ExportDialog

    dialog = ExportDialog(library, window.export_scopes(), window)
    dialog.show()
    settle(0.8)
    dialog.grab().save(str(out / "export-dialog.png"))
    dialog.close()

    from personadesigner.ui.conflict_dialog import ConflictDialog

    mine = library.get(ids["Amira Haddad"])
    theirs = mine.copy()
    mine.role += " (EMEA)"
    mine.goals = [*mine.goals, "Launch in two new markets"]
    theirs.company = "Northwind Analytics"
    theirs.quote = "Give me the numbers before the meeting, not after."
    conflict = ConflictDialog(mine, theirs, window)
    conflict.show()
    settle()
    conflict.grab().save(str(out / "conflict-dialog.png"))
    conflict.close()

    window.toolbar.grab().save(str(out / "toolbar.png"))
    window.shortcuts_action.trigger()  # Help > Keyboard shortcuts (F1)
    settle()
    window.shortcuts_dialog.grab().save(str(out / "shortcuts-dialog.png"))
    window.shortcuts_dialog.close()
    window.form.grab().save(str(out / "form.png"))
    gallery = window.design_bar.open_gallery()  # Templates… in the design bar
    settle(1.5)  # thumbnails are painted one by one after the gallery opens
    gallery.grab().save(str(out / "template-gallery.png"))
    gallery.close()
    window.resize(1280, 720)  # a laptop screen
    settle()
    window.grab().save(str(out / "main-window-1280.png"))
    empty = Library.open(str(tmp / "New client.sqlite"))  # what a new library shows first
    window.set_library(empty)
    settle(0.5)
    window.grab().save(str(out / "empty-library.png"))
    window.close()
    library.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots"))
