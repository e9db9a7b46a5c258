"""The window's view state kept between runs: geometry, toolbars, panes, sort, zoom, last persona.

Everything is read and written through the typed settings registry
(ui/settings.py). Kept out of the window so the start-up skeleton can size
itself (``restore_geometry``) without loading anything else.
"""

from __future__ import annotations

from PySide6.QtWidgets import QMainWindow

from personadesigner.ui import settings as opts


def restore_geometry(window: QMainWindow) -> None:
    """Where the window was; on first start a size that fits a laptop screen."""
    geometry = window.settings.get(opts.WINDOW_GEOMETRY)
    if geometry.isEmpty() or not window.restoreGeometry(geometry):
        em = window.fontMetrics().height()
        window.resize(em * 90, em * 56)
        screen = window.screen()
        if screen is not None:  # never larger than a laptop screen (1280 x 720, or 200 % of 2560 x 1440)
            room = screen.availableGeometry()  # less an allowance for the window frame and title
            window.resize(min(window.width(), room.width() - em // 2), min(window.height(), room.height() - em * 2))


def restore_settings(window: QMainWindow) -> None:
    """Toolbars, pane widths, the form shown or not, the sort and the zoom as the user left them."""
    from personadesigner.ui import main_toolbar

    s = window.settings
    if window.skeleton is None and not window.isVisible():
        restore_geometry(window)
    state = s.get(opts.WINDOW_STATE)
    if not state.isEmpty():
        window.restoreState(state)
    sizes = [int(x) for x in s.get(opts.SPLITTER_SIZES) if str(x).lstrip("-").isdigit()]
    if len(sizes) == 3 and all(x > 0 for x in sizes):
        window.splitter.setSizes(sizes)
    else:
        window.splitter.setSizes(main_toolbar.default_pane_widths(window.width()))
    main_toolbar.restore_form_visibility(window)
    window.sidebar.set_sort(s.get(opts.SIDEBAR_SORT))
    zoom = s.get(opts.ZOOM)
    if zoom > 0:
        window.canvas.set_zoom(zoom)
    # The card is laid out after the window's first paint: the window appears at
    # once, the card a moment later, instead of both after the whole layout.


def remember_persona(window: QMainWindow, persona) -> None:
    """The persona on screen is the one shown first when this library is opened again."""
    if persona is not None and window.library is not None:
        window.settings.set_last_persona(window.library.location, persona.id)


def save_settings(window: QMainWindow) -> None:
    s = window.settings
    s.set(opts.WINDOW_GEOMETRY, window.saveGeometry())
    s.set(opts.WINDOW_STATE, window.saveState())
    s.set(opts.SPLITTER_SIZES, [int(x) for x in window.splitter.sizes()])
    s.set(opts.SIDEBAR_SORT, window.sidebar.sort_combo.currentData() or "name")
    s.set(opts.ZOOM, 0.0 if window.canvas.is_fit_mode() else float(window.canvas.zoom()))
    remember_persona(window, window.document.persona)
    s.sync()
