"""The bar above the canvas: template and theme pickers, zoom buttons, guide toggles.

It only reports what the user picked (``designChanged``, zoom and guide
signals); the shell decides what a design change means for the model (an
undo command on the persona's card). ``attach(canvas)`` wires the zoom and
guide controls to a CardCanvas directly, since those are view state, not data.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QToolButton, QWidget

from personadesigner.errors import UserError


def template_choices() -> list[tuple[str, str, str]]:
    """(name, title, trim size) of every template: ("card", "Card (A6)", "105 × 148 mm")."""
    from personadesigner.core.templates import load_template, template_names

    out = []
    for name in template_names():
        try:
            t = load_template(name)
        except UserError:  # a broken template file still shows by name; layout reports it
            out.append((name, name, ""))
            continue
        mm = 25.4 / 72
        out.append((name, t.title or name, f"{t.width * mm:.0f} × {t.height * mm:.0f} mm"))
    return out


def theme_choices() -> list[tuple[str, str]]:
    """(name, title) of every theme."""
    from personadesigner.core.themes import load_theme, theme_names

    out = []
    for name in theme_names():
        try:
            out.append((name, load_theme(name).title or name))
        except UserError:
            out.append((name, name))
    return out


def theme_swatch(name: str) -> QIcon:
    """A small strip of the theme's colours, so themes can be told apart at a glance."""
    from personadesigner.core.themes import load_theme

    try:
        theme = load_theme(name)
        colors = [
            theme.colors["accent"],
            *list(dict.fromkeys(theme.type_colors.values()))[1:3],
            theme.colors["surface"],
        ]
    except (UserError, KeyError):
        return QIcon()
    pixmap = QPixmap(40, 14)
    pixmap.fill(QColor("transparent"))
    painter = QPainter(pixmap)
    width = 40 / len(colors)
    for i, color in enumerate(colors):
        painter.fillRect(QRectF(i * width, 0, width + 0.5, 14), QColor(color[:7]))
    painter.setPen(QColor("#80000000"))
    painter.drawRect(0, 0, 39, 13)
    painter.end()
    return QIcon(pixmap)


class DesignBar(QWidget):
    """Template and theme combo boxes, zoom out / % / in / fit, trim-bleed-safe toggles."""

    designChanged = Signal(str, str)  # noqa: N815 (Qt signal names)
    zoomInRequested = Signal()  # noqa: N815
    zoomOutRequested = Signal()  # noqa: N815
    zoomFitRequested = Signal()  # noqa: N815
    overlaysChanged = Signal(bool, bool, bool)  # noqa: N815

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("designBar")
        row = QHBoxLayout(self)
        row.setContentsMargins(6, 3, 6, 3)
        row.setSpacing(4)

        self.template_combo = self._combo("templateCombo", "Template", "The card layout: size and sections")
        self.theme_combo = self._combo("themeCombo", "Theme", "Colours and fonts of the card")
        self.refresh_templates()
        self.refresh_themes()
        self.theme_combo.setIconSize(QSize(40, 14))
        # The swatch and a readable name even when the bar is squeezed.
        self.theme_combo.setMinimumWidth(self.theme_combo.minimumWidth() + 16)
        template_label = QLabel("&Template:")
        template_label.setBuddy(self.template_combo)
        theme_label = QLabel("T&heme:")
        theme_label.setBuddy(self.theme_combo)
        row.addWidget(template_label)
        row.addWidget(self.template_combo)
        row.addSpacing(4)
        row.addWidget(theme_label)
        row.addWidget(self.theme_combo)
        # The combo boxes name the designs; the gallery shows the persona in each.
        self.gallery_button = self._button(
            "galleryButton", "Templates\u2026", "See the persona in every template and theme", "Template gallery"
        )
        self.gallery_button.setAutoRaise(False)
        self.gallery_button.clicked.connect(self.open_gallery)
        row.addWidget(self.gallery_button)
        self.gallery = None
        self._canvas = None
        row.addStretch(1)

        self.trim_button = self._toggle("trimToggle", "Trim", "Show the trim line: where the card is cut")
        self.bleed_button = self._toggle(
            "bleedToggle", "Bleed", "Show the 3 mm bleed: background printed beyond the trim"
        )
        # "Safe" (the tooltip and the accessible name say "safe area"): the bar fits a laptop.
        self.safe_button = self._toggle("safeToggle", "Safe", "Show the safe area: keep text inside it")
        self.safe_button.setAccessibleName("Show safe area")
        for b in (self.trim_button, self.bleed_button, self.safe_button):
            row.addWidget(b)
        row.addSpacing(12)

        self.zoom_out_button = self._button("zoomOutButton", "−", "Zoom out (Ctrl+-)", "Zoom out")
        self.zoom_label = QLabel("100 %")
        self.zoom_label.setObjectName("zoomLabel")
        self.zoom_label.setMinimumWidth(48)
        self.zoom_label.setAccessibleName("Zoom level")
        self.zoom_in_button = self._button("zoomInButton", "+", "Zoom in (Ctrl++)", "Zoom in")
        self.fit_button = self._button("zoomFitButton", "Fit", "Fit the card in the window (Ctrl+0)", "Zoom to fit")
        self.fit_button.setCheckable(True)
        for w in (self.zoom_out_button, self.zoom_label, self.zoom_in_button, self.fit_button):
            row.addWidget(w)

        self.template_combo.activated.connect(self._emit_design)
        self.theme_combo.activated.connect(self._emit_design)
        self.zoom_in_button.clicked.connect(self.zoomInRequested)
        self.zoom_out_button.clicked.connect(self.zoomOutRequested)
        self.fit_button.clicked.connect(self._fit_clicked)
        for b in (self.trim_button, self.bleed_button, self.safe_button):
            b.toggled.connect(self._emit_overlays)

    # ---------------------------------------------------------------- builders
    def _combo(self, name: str, accessible: str, tip: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        combo.setAccessibleName(accessible)
        combo.setToolTip(tip)
        # Full titles when there is room; in a narrow window they are elided (the gallery shows them whole).
        combo.setMinimumWidth(combo.fontMetrics().horizontalAdvance("M") * 8)
        return combo

    def _button(self, name: str, text: str, tip: str, accessible: str) -> QToolButton:
        b = QToolButton(self)
        b.setObjectName(name)
        b.setText(text)
        b.setToolTip(tip)
        b.setAccessibleName(accessible)
        b.setAutoRaise(True)
        return b

    def _toggle(self, name: str, text: str, tip: str) -> QToolButton:
        b = self._button(name, text, tip, f"Show {text.lower()}")
        b.setCheckable(True)
        return b

    def refresh_templates(self) -> None:
        """List the templates again (built-in, then the library's: a library opened or changed), keeping the choice."""
        combo = self.template_combo
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        # Titles keep the bar narrow; the trim size is in each entry's tooltip.
        for name, title, size in template_choices():
            combo.addItem(title, name)
            combo.setItemData(combo.count() - 1, size, Qt.ItemDataRole.ToolTipRole)
        if current is not None:
            i = combo.findData(current)
            if i < 0:  # a template deleted elsewhere still shows what the persona names
                combo.addItem(f"{current} (missing)", current)
                i = combo.count() - 1
            combo.setCurrentIndex(i)
        combo.blockSignals(False)

    def refresh_themes(self) -> None:
        """List the themes again (a library opened, a theme was saved), keeping the choice."""
        combo = self.theme_combo
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        for name, label in theme_choices():
            combo.addItem(theme_swatch(name), label, name)
        i = combo.findData(current)
        if i >= 0:
            combo.setCurrentIndex(i)
        combo.blockSignals(False)

    # ------------------------------------------------------------------ state
    def design(self) -> tuple[str, str]:
        return self.template_combo.currentData() or "", self.theme_combo.currentData() or ""

    def set_design(self, template: str, theme: str) -> None:
        """Show the persona's design without emitting designChanged (not a user choice)."""
        for combo, value in ((self.template_combo, template), (self.theme_combo, theme)):
            i = combo.findData(value)
            if i < 0:  # a design this installation lacks still shows what the persona uses
                combo.addItem(f"{value} (missing)", value)
                i = combo.count() - 1
            combo.blockSignals(True)
            combo.setCurrentIndex(i)
            combo.blockSignals(False)

    def set_zoom_display(self, factor: float) -> None:
        self.zoom_label.setText(f"{round(factor * 100)} %")

    def set_fit_checked(self, fit: bool) -> None:
        self.fit_button.setChecked(fit)

    def overlays(self) -> tuple[bool, bool, bool]:
        return self.trim_button.isChecked(), self.bleed_button.isChecked(), self.safe_button.isChecked()

    def _fit_clicked(self, *_args) -> None:
        self.fit_button.setChecked(True)  # fit is a mode: clicking it again keeps it on
        self.zoomFitRequested.emit()

    def _emit_design(self, *_args) -> None:
        self.designChanged.emit(*self.design())

    # ---------------------------------------------------------------- gallery
    def open_gallery(self):
        """Show the gallery of the shown persona; a pick goes the combo boxes' way (designChanged)."""
        from personadesigner.ui.template_gallery import TemplateGallery

        canvas = self._canvas
        persona = canvas.persona() if canvas is not None else None
        names = getattr(canvas, "_names", None) if canvas is not None else None
        if self.gallery is not None:
            self.gallery.close()
            self.gallery.deleteLater()
        template, theme = self.design()
        from personadesigner.ui.template_library import gallery_actions

        self.gallery = TemplateGallery(
            persona, template, theme, self.window(), names=names, actions=gallery_actions(self.window())
        )
        self.gallery.designChosen.connect(self._gallery_chose)
        self.gallery.open()
        return self.gallery

    def _gallery_chose(self, template: str, theme: str) -> None:
        self.set_design(template, theme)
        self.designChanged.emit(template, theme)

    def _emit_overlays(self, *_args) -> None:
        self.overlaysChanged.emit(*self.overlays())

    # ----------------------------------------------------------------- wiring
    def attach(self, canvas) -> None:
        """Drive a CardCanvas's zoom and guides from this bar and show its zoom level."""
        self._canvas = canvas
        self.zoomInRequested.connect(canvas.zoom_in)
        self.zoomOutRequested.connect(canvas.zoom_out)
        self.zoomFitRequested.connect(canvas.zoom_fit)
        self.overlaysChanged.connect(canvas.set_overlays)

        def show_zoom(factor: float) -> None:
            self.set_zoom_display(factor)
            self.set_fit_checked(canvas.is_fit_mode())

        canvas.zoomChanged.connect(show_zoom)
        show_zoom(canvas.zoom())
        self.set_design(*canvas.design())
