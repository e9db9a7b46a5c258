"""Run by test_shell_small_screen.py in its own process: the window on a laptop-sized screen.

The screen (size, scale) is chosen through the environment before Qt starts,
which one test process cannot do twice; this prints what a user would see as
JSON: the window's minimum and actual size, the screen, the panes, how the
sidebar draws a long name, and whether the design bar scrolls. Usage: python small_screen_probe.py WORKDIR
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path


def main(workdir: str) -> None:
    from PySide6.QtCore import QRect
    from PySide6.QtWidgets import QStyleOptionViewItem, QWidget

    from personadesigner.core.persona import Persona
    from personadesigner.samples import seed_samples
    from personadesigner.storage.library import Library
    from personadesigner.ui.app import make_application
    from personadesigner.ui.main_window import MainWindow
    from personadesigner.ui.settings import Settings

    app = make_application([])
    work = Path(workdir)
    library = Library.open(str(work / "laptop.sqlite"))
    seed_samples(library)
    library.add(Persona(name="Grace Okafor-Whitfield", type="decision_maker", role="VP of Operations"))
    window = MainWindow(library, Settings.from_file(str(work / "settings.ini")))
    window.show()
    end = time.monotonic() + 1.0
    while time.monotonic() < end or not window.startup_done:
        app.processEvents()
        time.sleep(0.01)

    view = window.sidebar.view
    model = window.sidebar.model
    row = model.row_of(model.library.find("Grace Okafor-Whitfield").id)
    option = QStyleOptionViewItem()
    option.initFrom(view)
    option.font = view.font()
    visual = view.visualRect(model.index(row))
    option.rect = QRect(visual.x(), visual.y(), view.viewport().width(), visual.height())
    layout = view.itemDelegate().row_layout(option, "Grace Okafor-Whitfield", "decision_maker", "VP of Operations")
    screen = window.screen().availableGeometry()
    scroller, design = window.design_scroller, window.findChild(QWidget, "designTemplateButton")
    design_right = design.mapTo(scroller.viewport(), design.rect().topRight()).x()
    frame = window.frameGeometry()
    print(
        json.dumps(
            {
                "min_hint_width": window.minimumSizeHint().width(),
                "min_width": window.minimumSize().width(),
                "window": [frame.width(), frame.height()],
                "screen": [screen.width(), screen.height()],
                "panes": window.splitter.sizes(),
                "name_text": layout.name_text,
                "badge_below_name": layout.badge_rect.top() >= layout.name_rect.bottom() - 1,
                "scale": window.devicePixelRatio(),
                "bar_scrolls": scroller.horizontalScrollBar().isVisible(),
                "design_button_shown": design.isVisible() and design_right < scroller.viewport().width(),
            }
        )
    )
    window.close()
    library.close()


if __name__ == "__main__":
    main(sys.argv[1])
