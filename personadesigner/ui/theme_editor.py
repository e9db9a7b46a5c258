"""The theme editor: a brand theme's colours, fonts and logo, previewed live on the canvas.

A theme is edited as its JSON plus its files (``data`` and ``assets``, the form
core.theme_package stores), starting from a copy of a built-in theme or from a
library theme. Every colour change is previewed at once: the draft theme is
re-coloured (core.themes.recolored, no file read) and made known under the
draft's name, and the canvas lays the card out again. Save stores the theme in
the library (refused whole, nothing changed, when something is wrong); Cancel
puts the canvas back as it was. The contrast table flags every text colour
below WCAG AA on what it sits on, with a one-click fix.
"""

from __future__ import annotations

import copy
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QColorDialog,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from personadesigner.core import themes as TH
from personadesigner.core.persona import PERSONA_TYPES
from personadesigner.errors import UserError
from personadesigner.ui.theme_files import svg_to_png, theme_source

#: The colour roles the editor shows (the others follow them), in the order of the form.
COLOR_ROLES = (
    "background",
    "surface",
    "text",
    "muted",
    "accent",
    "on_accent",
    "rule",
    "negative",
    "negative_band",
    "negative_text",
)
LICENCE_REMINDER = (
    "Check that the font's licence lets you embed it in PDFs you share; "
    "the file is copied into the library with the theme."
)


class ThemeEditor(QDialog):
    """Edit ``base`` (a copy when it is built-in) and preview it on ``canvas``."""

    themeSaved = Signal(str)  # noqa: N815 (Qt signal names)

    def __init__(self, library, canvas, base: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("themeEditor")
        self.setWindowTitle("Theme editor")
        self.library, self.canvas = library, canvas
        self._restore = canvas.design() if canvas is not None else None
        data, assets = theme_source(base, library)
        builtin = TH.is_builtin_theme(base)
        self.data: dict = copy.deepcopy(data)
        self.assets: dict[str, bytes] = dict(assets)
        if builtin:
            self.data["title"] = f"{data.get('title') or base.title()} copy"
        self.draft = "\u2060draft theme"  # a name no saved theme can have (check_theme_name refuses it)
        self.theme = self._build()
        self.buttons: dict[str, QPushButton] = {}
        self._sized = False
        self._make_ui(f"{self.data['title']}" if builtin else base)
        self._preview()

    # ---------------------------------------------------------------- building
    def _build(self) -> TH.Theme:
        return TH.build_theme(self.draft, self.data, "the theme being edited", self.assets.__getitem__, "library")

    def _make_ui(self, name: str) -> None:
        box = QVBoxLayout(self)
        form = QFormLayout()
        self.name_edit = QLineEdit(name, self)
        self.name_edit.setObjectName("themeName")
        form.addRow("&Name:", self.name_edit)
        box.addLayout(form)
        colours = QGroupBox("Colours", self)
        grid = QGridLayout(colours)
        keys = [f"colors.{r}" for r in COLOR_ROLES] + [f"types.{t}" for t in PERSONA_TYPES]
        for i, key in enumerate(keys):
            label = key.split(".", 1)[1].replace("_", " ")
            label = f"{label.capitalize()} personas" if key.startswith("types.") else label.capitalize()
            button = QPushButton(self)
            button.setObjectName(f"colour:{key}")
            button.setAccessibleName(f"{label} colour")
            button.clicked.connect(lambda _c=False, k=key: self.pick_color(k))
            self.buttons[key] = button
            grid.addWidget(QLabel(label, self), i % 8, (i // 8) * 2)
            grid.addWidget(button, i % 8, (i // 8) * 2 + 1)
        box.addWidget(colours)
        self.contrast = QTableWidget(0, 3, self)
        self.contrast.setObjectName("contrastTable")
        self.contrast.setHorizontalHeaderLabels(["Text on background", "Contrast", ""])
        self.contrast.verticalHeader().hide()
        self.contrast.setMinimumHeight(160)
        box.addWidget(self.contrast)
        box.addWidget(self._assets_box())
        row = QHBoxLayout()
        for text, slot in (("Import .pdtheme…", self.import_file), ("Export .pdtheme…", self.export_file)):
            b = QPushButton(text, self)
            b.clicked.connect(lambda _c=False, s=slot: s())
            row.addWidget(b)
        row.addStretch(1)
        box.addLayout(row)
        self.button_box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.button_box.accepted.connect(self.save)
        self.button_box.rejected.connect(self.reject)
        box.addWidget(self.button_box)
        self._show_colors()

    def _assets_box(self) -> QGroupBox:
        group = QGroupBox("Logo and fonts", self)
        grid = QGridLayout(group)
        self.logo_label = QLabel(self)
        choose = QPushButton("Choose logo…", self)
        choose.clicked.connect(lambda _c=False: self.choose_logo())
        remove = QPushButton("No logo", self)
        remove.clicked.connect(lambda _c=False: self.set_logo(None))
        self.place_combo = QComboBox(self)
        self.place_combo.setObjectName("logoPlace")
        self.place_combo.setAccessibleName("Logo placement")
        for label, value in (("Header corner", "header"), ("Footer", "footer")):
            self.place_combo.addItem(label, value)
        self.place_combo.setCurrentIndex(self.place_combo.findData(self.data.get("logo_place", "header")))
        self.place_combo.activated.connect(lambda _i: self.set_logo_place(self.place_combo.currentData()))
        grid.addWidget(QLabel("Logo:", self), 0, 0)
        grid.addWidget(self.logo_label, 0, 1)
        grid.addWidget(self.place_combo, 0, 2)
        grid.addWidget(choose, 0, 3)
        grid.addWidget(remove, 0, 4)
        self.font_labels: dict[str, QLabel] = {}
        for row, role in enumerate(("heading", "body"), start=1):
            label = self.font_labels[role] = QLabel(self)
            add = QPushButton("Add font file…", self)
            add.clicked.connect(lambda _c=False, r=role: self.choose_font(r))
            bundled = QPushButton("Bundled", self)
            bundled.clicked.connect(lambda _c=False, r=role: self.set_font(r, None))
            grid.addWidget(QLabel(f"{role.capitalize()} font:", self), row, 0)
            grid.addWidget(label, row, 1)
            grid.addWidget(add, row, 3)
            grid.addWidget(bundled, row, 4)
        note = QLabel(LICENCE_REMINDER, self)
        note.setWordWrap(True)
        grid.addWidget(note, 3, 0, 1, 5)
        self._show_assets()
        return group

    # ---------------------------------------------------------------- colours
    def color(self, key: str) -> str:
        part, role = key.split(".", 1)
        if part == "types":
            return self.theme.type_colors[role]
        return self.theme.color(role)

    def pick_color(self, key: str) -> None:
        chosen = QColorDialog.getColor(QColor(self.color(key)[:7]), self, "Choose a colour")
        if chosen.isValid():
            self.set_color(key, chosen.name())

    def set_color(self, key: str, value: str) -> None:
        """Set one colour of the draft ("colors.accent", "#rrggbb") and repaint the canvas."""
        part, role = key.split(".", 1)
        if key == "colors.accent":  # the types that wore the accent (every built-in's customer) keep wearing it
            types = self.data.get("types", {})
            types.update({t: value.lower() for t, c in types.items() if c.lower() == self.color(key).lower()})
        self.data.setdefault(part, {})[role] = value.lower()
        self.theme = TH.recolored(self.theme, self.data["colors"], self.data.get("types", {}))
        self._show_colors()
        self._preview()

    def _show_colors(self) -> None:
        for key, button in self.buttons.items():
            value = self.color(key)[:7]
            if button.text() == value:
                continue  # restyling a button costs a style-sheet polish: only the changed ones
            button.setText(value)
            ink = "#000000" if QColor(value).lightnessF() > 0.55 else "#ffffff"
            button.setStyleSheet(f"background-color: {value}; color: {ink};")
        self._show_contrast()

    def _show_contrast(self) -> None:
        """Fill the contrast table; a Fix button on each flagged row (buttons are reused between edits)."""
        from personadesigner.core.theme_contrast import pairs
        from personadesigner.ui.contrast_table import fill_contrast_table

        self._pairs = pairs(self.theme)
        fill_contrast_table(
            self.contrast, self._pairs, lambda r: self.fix(self._pairs[r]), size_columns=not self._sized
        )
        self._sized = True

    def unreadable(self) -> list[str]:
        """The labels of the flagged pairs (what the table marks)."""
        from personadesigner.core.theme_contrast import pairs

        return [p.label for p in pairs(self.theme) if not p.readable]

    def fix(self, pair) -> None:
        from personadesigner.core.theme_contrast import fix

        self.set_color(pair.key, fix(pair.text, pair.background))

    # ---------------------------------------------------------------- logo and fonts
    def choose_logo(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Choose a logo", "", "Images (*.png *.jpg *.jpeg *.svg)")
        if path:
            self._try(lambda: self.set_logo(Path(path)))

    def set_logo(self, path: Path | None) -> None:
        """Use the image at ``path`` as the logo (SVG is drawn into a PNG), or none; one sentence when refused."""
        old = (self.data.get("logo"), dict(self.assets))
        self.data.pop("logo", None)
        if path is not None:
            data = path.read_bytes()
            if path.suffix.lower() == ".svg":
                data = svg_to_png(data, path.name)
            rel = "logo" + (".jpg" if data[:2] == b"\xff\xd8" else ".png")
            self.assets[rel] = data
            self.data["logo"] = rel
        self._rebuild(old)

    def set_logo_place(self, place: str) -> None:
        """Put the logo in each template's header corner or footer."""
        self.data["logo_place"] = place
        self.theme = replace(self.theme, logo_place=place)
        self._preview()

    def choose_font(self, role: str) -> None:
        path, _ = QFileDialog.getOpenFileName(self, f"Choose the {role} font", "", "Fonts (*.ttf *.otf)")
        if path:
            self._try(lambda: self.set_font(role, Path(path)))

    def set_font(self, role: str, path: Path | None) -> None:
        old = (self.data.get("logo"), dict(self.assets), copy.deepcopy(self.data.get("fonts")))
        fonts = dict(self.data.get("fonts") or {})
        fonts.pop(role, None)
        if path is not None:
            rel = f"fonts/{role}{path.suffix.lower()}"
            self.assets[rel] = path.read_bytes()
            fonts[role] = rel
        self.data["fonts"] = fonts
        if not fonts:
            self.data.pop("fonts")
        self._rebuild(old)

    def _rebuild(self, old) -> None:
        """Build the draft again after a file changed; on a refusal put the previous files back."""
        try:
            self.theme = self._build()
        except UserError:
            logo, assets, *fonts = old
            self.assets = assets
            self.data.pop("logo", None)
            if logo:
                self.data["logo"] = logo
            if fonts:
                self.data.pop("fonts", None)
                if fonts[0]:
                    self.data["fonts"] = fonts[0]
            raise
        named = set(_named(self.data))
        self.assets = {k: v for k, v in self.assets.items() if k in named}
        self._show_assets()
        self._preview()

    def _show_assets(self) -> None:
        logo = self.data.get("logo")
        self.logo_label.setText(
            f"{logo} ({self.theme.logo_size[0]} × {self.theme.logo_size[1]} px)" if logo else "none"
        )
        for role, label in self.font_labels.items():
            face = self.theme.fonts.get(role)
            label.setText(face[1] if face else "bundled " + getattr(self.theme, f"{role}_family"))

    # ---------------------------------------------------------------- preview, save, files
    def _preview(self) -> None:
        """Lay the card out again with the draft (a colour edit costs one layout)."""
        if self.canvas is None:
            return
        TH.use_themes([self.theme], replace_all=False)
        template = self._restore[0] if self._restore else "card"
        if self.canvas.design() == (template, self.draft):
            self.canvas._relayout()
        else:
            self.canvas.set_design(template, self.draft)

    def _end_preview(self) -> None:
        if self.canvas is not None and self._restore is not None:
            self.canvas.set_design(*self._restore)
        TH._EXTRA.pop(self.draft, None)

    def save(self) -> None:
        """Store the theme in the library under its name; a refusal is a dialog and changes nothing."""
        name = self.name_edit.text().strip()
        data = {k: v for k, v in self.data.items()}
        data["title"] = name
        if not self._try(lambda: self.library.save_theme(name, data, self.assets)):
            return
        themes, _problems = self.library.themes()
        TH.use_themes(themes)
        self._end_preview()
        self.saved_name = name
        self.themeSaved.emit(name)
        self.accept()

    def reject(self) -> None:
        self._end_preview()
        super().reject()

    def export_file(self, path: str | None = None) -> None:
        from personadesigner.core.theme_package import SUFFIX, pack

        if path is None:
            path, _ = QFileDialog.getSaveFileName(
                self, "Export theme", f"{self.name_edit.text()}{SUFFIX}", f"Themes (*{SUFFIX})"
            )
        if path:
            self._try(lambda: Path(path).write_bytes(pack(self.data, self.assets)))

    def import_file(self, path: str | None = None) -> None:
        from personadesigner.core.theme_package import read_theme_file

        if path is None:
            path, _ = QFileDialog.getOpenFileName(self, "Import theme", "", "Themes (*.pdtheme *.json)")
        if path:
            self._try(lambda: self._load(*read_theme_file(Path(path))))

    def _load(self, name: str, data: dict, assets: dict[str, bytes]) -> None:
        old = (self.data, self.assets)
        self.data, self.assets = copy.deepcopy(data), dict(assets)
        try:
            self.theme = self._build()
        except UserError:
            self.data, self.assets = old
            raise
        self.name_edit.setText(name)
        self._show_colors()
        self._show_assets()
        self._preview()

    def _try(self, work) -> bool:
        from personadesigner.ui.errors import show_user_error

        try:
            work()
        except (UserError, OSError) as exc:
            show_user_error(
                self, exc if isinstance(exc, UserError) else f"The file cannot be used ({exc}).", title="Theme"
            )
            return False
        return True


def _named(data: dict) -> list[str]:
    from personadesigner.core.theme_package import named_files

    return named_files(data)
