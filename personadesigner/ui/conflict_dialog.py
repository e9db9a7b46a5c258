"""When someone else saved the persona you are editing: see both versions, choose per field.

Optimistic locking refuses a save over someone else's newer version; this dialog
turns that refusal into a decision instead of a silent overwrite. Only the fields
that differ are listed; each shows mine and theirs side by side as plain text
(user text is never rich text) with a choice. "Keep mine" and "Take theirs"
settle every field at once; "Merge" takes the per-field choices. The result
carries theirs' version, so the next save is a normal, checked update.

It is opened from the conflict banner's "Resolve…" (ui/conflict_controller.py),
window-modal but without a nested event loop; the Document applies the answer.
"""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from personadesigner.core.fields import FIELDS, SPECS
from personadesigner.core.persona import Persona, field_label

MINE, THEIRS = "mine", "theirs"


def differing_fields(mine: Persona, theirs: Persona) -> list[str]:
    """The contract fields whose values differ, in contract order.

    Bookkeeping (``meta`` fields: id, timestamps) is never offered as a choice.
    """
    return [s.name for s in FIELDS if s.kind != "meta" and getattr(mine, s.name) != getattr(theirs, s.name)]


def display_value(persona: Persona, field: str) -> str:
    """A field as plain text for reading side by side, as its kind reads."""
    spec = SPECS[field]
    value = getattr(persona, field)
    if spec.kind == "photo":
        if not value:
            return "no photo"
        from PySide6.QtGui import QImage

        image = QImage.fromData(value)
        return f"a photo, {image.width()} x {image.height()} px" if not image.isNull() else "a photo"
    if spec.kind == "card":
        return f"template {value.template}, theme {value.theme}"
    if spec.kind == "records":
        lines = [", ".join(f"{k}: {getattr(r, k)}" for k in spec.record_keys) for r in value]
        return "\n".join(lines) if lines else "(empty)"
    if spec.kind == "list":
        return "\n".join(f"• {item}" for item in value) if value else "(empty)"
    return value if value else "(empty)"


def _plain_label(text: str) -> QLabel:
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)  # user text is text, never markup
    label.setText(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
    return label


class ConflictDialog(QDialog):
    """Choose between my unsaved version and the version someone else saved."""

    def __init__(self, mine: Persona, theirs: Persona, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._mine, self._theirs = mine, theirs
        self.decision: str | None = None  # "mine", "theirs" or "merge" once a button was pressed
        self.setWindowTitle("Someone else changed this persona")
        self.fields = differing_fields(mine, theirs)
        self._groups: dict[str, QButtonGroup] = {}
        self._radios: dict[tuple[str, str], QRadioButton] = {}

        layout = QVBoxLayout(self)
        n = len(self.fields)
        intro = _plain_label(
            f'"{theirs.name}" was saved elsewhere while you were editing it. '
            f"{n} field{'s differ' if n != 1 else ' differs'}: choose which version of each to keep."
        )
        layout.addWidget(intro)

        grid_host = QWidget()
        grid = QGridLayout(grid_host)
        for col, title in enumerate(("Field", "Mine (not saved)", "Theirs (saved)")):
            header = QLabel(title)
            font = header.font()
            font.setBold(True)
            header.setFont(font)
            grid.addWidget(header, 0, col)
        em = self.fontMetrics().height()
        # Each field takes two rows: its name level with the radio buttons, then both values.
        for index, field in enumerate(self.fields):
            row = 1 + 2 * index
            name = QLabel(field_label(field))
            name.setAccessibleName(f"Field {field_label(field)}")
            grid.addWidget(name, row, 0, Qt.AlignmentFlag.AlignVCenter)
            group = QButtonGroup(self)
            for col, side, persona in ((1, MINE, mine), (2, THEIRS, theirs)):
                radio = QRadioButton("Keep this" if side == MINE else "Take this")
                radio.setObjectName(f"{field}-{side}")
                radio.setAccessibleName(f"{field_label(field)}: {'keep mine' if side == MINE else 'take theirs'}")
                group.addButton(radio)
                grid.addWidget(radio, row, col)
                value = _plain_label(display_value(persona, field))
                value.setContentsMargins(
                    em + em // 2, 0, 0, em // 2
                )  # under the radio's text, apart from the next field
                grid.addWidget(value, row + 1, col)
                self._radios[(field, side)] = radio
            self._radios[(field, MINE)].setChecked(True)
            self._groups[field] = group
        grid.setRowStretch(2 * len(self.fields) + 1, 1)  # rows stay compact; space goes below them
        grid.setVerticalSpacing(em // 3)
        grid.setHorizontalSpacing(em)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(grid_host)
        layout.addWidget(scroll, 1)

        buttons = QDialogButtonBox()
        self.keep_mine_button = QPushButton("Keep mine")
        self.take_theirs_button = QPushButton("Take theirs")
        self.merge_button = QPushButton("Merge")
        self.merge_button.setDefault(True)
        for button in (self.keep_mine_button, self.take_theirs_button, self.merge_button):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.AcceptRole)
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.clicked.connect(self.reject)
        self.keep_mine_button.clicked.connect(lambda: self._finish("mine"))
        self.take_theirs_button.clicked.connect(lambda: self._finish("theirs"))
        self.merge_button.clicked.connect(lambda: self._finish("merge"))
        layout.addWidget(buttons)
        self.merge_button.setFocus()
        # As tall as the rows need (no empty scroll area), at most most of the screen.
        screen = self.screen().availableGeometry() if self.screen() is not None else None
        width = max(em * 40, min(grid_host.sizeHint().width() + em * 2, em * 60))
        inner = width - em * 3  # the dialog's and the scroll area's margins
        grid_height = grid.heightForWidth(inner) if grid.hasHeightForWidth() else grid_host.sizeHint().height()
        intro_height = intro.heightForWidth(inner) if intro.hasHeightForWidth() else intro.sizeHint().height()
        height = grid_height + intro_height + buttons.sizeHint().height() + em * 3
        if screen is not None:
            width = min(width, int(screen.width() * 0.9))
            height = min(height, int(screen.height() * 0.8))
        self.resize(width, height)

    # ------------------------------------------------------------ choices
    def choice(self, field: str) -> str:
        return MINE if self._radios[(field, MINE)].isChecked() else THEIRS

    def set_choice(self, field: str, side: str) -> None:
        self._radios[(field, side)].setChecked(True)

    def radio(self, field: str, side: str) -> QRadioButton:
        return self._radios[(field, side)]

    def _finish(self, decision: str) -> None:
        self.decision = decision
        self.accept()

    # ------------------------------------------------------------- result
    def result_persona(self) -> Persona:
        """The persona to save: based on theirs (their version number), with the chosen fields."""
        decision = self.decision or "merge"
        result = self._theirs.copy()
        for field in self.fields:
            take_mine = decision == "mine" or (decision == "merge" and self.choice(field) == MINE)
            if take_mine:
                value = getattr(self._mine, field)
                kind = SPECS[field].kind
                if kind == "list":
                    value = list(value)
                elif kind == "records":
                    value = [dataclasses.replace(r) for r in value]
                elif kind == "card":
                    value = dataclasses.replace(value)
                setattr(result, field, value)
        result.id = self._theirs.id
        result.version = self._theirs.version
        return result
