"""The template designer's side panel: the page, the selected section's style, its region, hidden sections.

Every control turns into one edit of the designer (one undo step); the panel
shows again whatever the designer says changed (a drag on the canvas, an undo),
with its signals blocked so showing never edits.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from personadesigner.core import template_edit as E
from personadesigner.core.section_kinds import SECTION_KINDS

#: How the panel names the kinds a list can be shown as.
KIND_LABELS = {"list": "Bullets", "inline": "One line", "chips": "Chips"}
ICON_CHOICES = (("No icon", None), ("The section's icon", "auto"))


def _has_key(kind: str, key: str) -> bool:
    """Whether the section kind takes ``key`` (the icon key comes with the card icons)."""
    spec = SECTION_KINDS.get(kind)
    return spec is not None and key in spec[0].__struct_fields__


class TemplateDesignerPanel(QWidget):
    """Controls for ``designer`` (a TemplateDesigner)."""

    def __init__(self, designer, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("templateDesignerPanel")
        self.designer = designer
        box = QVBoxLayout(self)
        self.title = QLabel(self)
        self.title.setObjectName("designerTitle")
        self.title.setWordWrap(True)
        box.addWidget(self.title)
        box.addWidget(self._page_box())
        box.addWidget(self._section_box())
        box.addWidget(self._region_box())
        box.addWidget(self._hidden_box(), 1)
        self.message = QLabel(self)
        self.message.setObjectName("designerMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b3261e;")
        box.addWidget(self.message)
        row = QHBoxLayout()
        self.save_button = QPushButton("Save to library…", self)
        self.save_button.setObjectName("saveTemplate")
        self.save_button.clicked.connect(lambda _c=False: designer.save())
        self.done_button = QPushButton("Done", self)
        self.done_button.setObjectName("doneDesigning")
        row.addWidget(self.save_button)
        row.addWidget(self.done_button)
        box.addLayout(row)
        designer.changed.connect(self.refresh)
        designer.problem.connect(self.message.setText)
        self.refresh()

    # ------------------------------------------------------------------ building
    def _page_box(self) -> QGroupBox:
        group = QGroupBox("Page", self)
        form = QFormLayout(group)
        self.size_combo = QComboBox(group)
        self.size_combo.setObjectName("pageSize")
        self.size_combo.activated.connect(self._size_chosen)
        self.orientation_combo = QComboBox(group)
        self.orientation_combo.setObjectName("orientation")
        self.orientation_combo.addItem("Portrait", "portrait")
        self.orientation_combo.addItem("Landscape", "landscape")
        self.orientation_combo.activated.connect(
            lambda _i: self._edit("Page orientation", E.set_page_size, orientation=self.orientation_combo.currentData())
        )
        form.addRow("&Size:", self.size_combo)
        form.addRow("&Orientation:", self.orientation_combo)
        return group

    def _section_box(self) -> QGroupBox:
        group = self.section_group = QGroupBox("Section", self)
        form = QFormLayout(group)
        self.heading_check = QCheckBox("Heading", group)
        self.heading_check.setObjectName("sectionHeading")
        self.heading_check.toggled.connect(lambda on: self._style("Section heading", heading=on))
        self.label_edit = QLineEdit(group)
        self.label_edit.setObjectName("sectionLabel")
        self.label_edit.editingFinished.connect(lambda: self._style("Heading words", label=self.label_edit.text()))
        self.kind_combo = QComboBox(group)
        self.kind_combo.setObjectName("sectionKind")
        self.kind_combo.activated.connect(lambda _i: self._style("Show as", kind=self.kind_combo.currentData()))
        self.max_spin = QSpinBox(group)
        self.max_spin.setObjectName("sectionMaxItems")
        self.max_spin.setRange(0, 20)
        self.max_spin.setSpecialValueText("All")
        self.max_spin.valueChanged.connect(lambda v: self._style("Most items", max_items=v or None))
        self.icon_combo = QComboBox(group)
        self.icon_combo.setObjectName("sectionIcon")
        for text, value in ICON_CHOICES:
            self.icon_combo.addItem(text, value)
        self.icon_combo.activated.connect(lambda _i: self._style("Section icon", icon=self.icon_combo.currentData()))
        self.hide_button = QPushButton("Hide section", group)
        self.hide_button.setObjectName("hideSection")
        self.hide_button.clicked.connect(lambda _c=False: self.designer.hide_selected())
        form.addRow(self.heading_check)
        form.addRow("&Words:", self.label_edit)
        form.addRow("Show &as:", self.kind_combo)
        form.addRow("&Most items:", self.max_spin)
        self.icon_label = QLabel("&Icon:", group)
        self.icon_label.setBuddy(self.icon_combo)
        form.addRow(self.icon_label, self.icon_combo)
        form.addRow(self.hide_button)
        return group

    def _region_box(self) -> QGroupBox:
        group = self.region_group = QGroupBox("Region", self)
        form = QFormLayout(group)
        self.columns_spin = QSpinBox(group)
        self.columns_spin.setObjectName("flowColumns")
        self.columns_spin.setRange(1, 4)
        self.columns_spin.valueChanged.connect(lambda v: self._flow("Columns", columns=v))
        self.gutter_spin = QDoubleSpinBox(group)
        self.gutter_spin.setObjectName("flowGutter")
        self.gutter_spin.setRange(0, 72)
        self.gutter_spin.setSuffix(" pt")
        self.gutter_spin.setDecimals(1)
        self.gutter_spin.editingFinished.connect(lambda: self._flow("Gutter", gutter=self.gutter_spin.value()))
        form.addRow("&Columns:", self.columns_spin)
        form.addRow("&Gutter:", self.gutter_spin)
        return group

    def _hidden_box(self) -> QGroupBox:
        group = QGroupBox("Hidden sections", self)
        box = QVBoxLayout(group)
        self.hidden_list = QListWidget(group)
        self.hidden_list.setObjectName("hiddenSections")
        self.hidden_list.itemDoubleClicked.connect(self._show_item)
        self.show_button = QPushButton("Show again", group)
        self.show_button.setObjectName("showSection")
        self.show_button.clicked.connect(lambda _c=False: self._show_item(self.hidden_list.currentItem()))
        box.addWidget(self.hidden_list)
        box.addWidget(self.show_button)
        return group

    # ------------------------------------------------------------------ edits
    def _edit(self, text: str, fn, *args, **kwargs) -> None:
        self.message.clear()
        self.designer.edit(text, fn, *args, **kwargs)

    def _style(self, text: str, **changes) -> None:
        sec = self.designer.selected_section()
        if sec is not None:
            self._edit(text, E.set_section_style, *sec, **changes)

    def _flow(self, text: str, **changes) -> None:
        sel = self.designer.selected
        if sel is not None:
            self._edit(text, E.set_flow, sel[0], **changes)

    def _size_chosen(self, _index: int) -> None:
        size = self.size_combo.currentData()
        if size is not None:
            self._edit("Page size", E.set_page_size, size)

    def _show_item(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            self.designer.show_hidden(*item.data(Qt.ItemDataRole.UserRole))

    # ------------------------------------------------------------------ showing
    def refresh(self) -> None:
        d = self.designer
        data = d.data
        for w in self.findChildren(QWidget):
            w.blockSignals(True)
        try:
            where = f"library template “{d.name}”" if d.name else f"a copy of the built-in “{d.base}” (saved on Save)"
            self.title.setText(f"<b>{data.get('title') or d.base}</b><br><small>{where}</small>")
            self._show_page(data)
            self._show_section(data, d.selected_section())
            self._show_region(data, d.selected)
            self.hidden_list.clear()
            for region, item, label in E.hidden_sections(data) if data else []:
                entry = QListWidgetItem(label, self.hidden_list)
                entry.setData(Qt.ItemDataRole.UserRole, (region, item))
            self.show_button.setEnabled(self.hidden_list.count() > 0)
        finally:
            for w in self.findChildren(QWidget):
                w.blockSignals(False)

    def _show_page(self, data: dict) -> None:
        self.size_combo.clear()
        size = data.get("size")
        if isinstance(size, list):
            self.size_combo.addItem(f"Custom ({size[0]} × {size[1]})", None)
        for name in E.page_choices():
            self.size_combo.addItem(name, name)
        self.size_combo.setCurrentIndex(max(0, self.size_combo.findData(size)) if isinstance(size, str) else 0)
        self.orientation_combo.setCurrentIndex(
            self.orientation_combo.findData(E.orientation_of(data) if data else "portrait")
        )

    def _show_section(self, data: dict, sec) -> None:
        self.section_group.setEnabled(sec is not None)
        spec = data["regions"][sec[0]]["items"][sec[1]] if sec is not None else {}
        kind = spec.get("kind", "list")
        self.section_group.setTitle(f"Section: {E.section_label(data, *sec)}" if sec is not None else "Section")
        headed = _has_key(kind, "heading")
        self.heading_check.setEnabled(headed)
        self.heading_check.setChecked(headed and spec.get("heading", kind != "quote"))
        self.label_edit.setEnabled(headed)
        self.label_edit.setText(spec.get("label") or "")
        self.label_edit.setPlaceholderText(E.section_label({**data, "regions": data.get("regions", [])}, *sec)
                                           if sec is not None and not spec.get("label") else "")  # fmt: skip
        self.kind_combo.clear()
        for k in E.section_kinds_for(spec) if sec is not None else ():
            self.kind_combo.addItem(KIND_LABELS.get(k, k.replace("_", " ").capitalize()), k)
        self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(kind)))
        self.kind_combo.setEnabled(self.kind_combo.count() > 1)
        self.max_spin.setEnabled(_has_key(kind, "max_items"))
        self.max_spin.setValue(spec.get("max_items") or 0)
        has_icon = _has_key(kind, "icon")
        self.icon_combo.setVisible(has_icon)
        self.icon_label.setVisible(has_icon)
        icon = spec.get("icon")
        if has_icon and icon not in (None, False, "auto") and self.icon_combo.findData(icon) < 0:
            self.icon_combo.addItem(str(icon), icon)
        self.icon_combo.setCurrentIndex(max(0, self.icon_combo.findData(icon if icon is not False else None)))

    def _show_region(self, data: dict, sel) -> None:
        flow = data["regions"][sel[0]] if sel is not None else {}
        self.region_group.setEnabled(sel is not None)
        self.region_group.setTitle(f"Region: {flow.get('id') or 'flow'}" if sel is not None else "Region")
        self.columns_spin.setValue(int(flow.get("columns", 1)))
        gutter = flow.get("gutter", 16)
        self.gutter_spin.setValue(float(gutter) if isinstance(gutter, (int, float)) else 16.0)
