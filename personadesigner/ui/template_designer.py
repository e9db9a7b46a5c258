"""The template designer on the canvas: select, drag, hide and resize sections of the card's template.

While designing, the canvas lays the card out on the draft (a template's JSON
dict, built into a Template on each change: a fraction of a millisecond) instead
of the named template. Every change is a pure edit of core.template_edit pushed
as one undo step (ui/designer_commands.py) on the designer's own stack (in the
window, a side stack of ui/history.py, so Ctrl+Z weighs it with the persona's
edits); the steps go when the design is left or another template is designed,
as they could change nothing visible any more. The gestures live here, the marks
in ui/template_designer_overlay.py and the geometry in
ui/template_designer_geometry.py. A built-in template is never changed: the
first save asks a name and stores a copy in the library.
"""

from __future__ import annotations

import copy
import logging

from PySide6.QtCore import QObject, QPointF, Signal
from PySide6.QtGui import QUndoStack

from personadesigner.core import template_edit as E
from personadesigner.core.cardlayout import CardLayout
from personadesigner.core.templates import (
    Template,
    is_builtin_template,
    load_template,
    template_data,
    use_templates,
)
from personadesigner.errors import UserError
from personadesigner.ui import template_designer_geometry as G
from personadesigner.ui.designer_commands import TemplateEditCommand
from personadesigner.ui.template_designer_gestures import DesignGestures
from personadesigner.ui.template_designer_overlay import DesignOverlay, OverlayState
from personadesigner.ui.template_library import ask_template_name, copy_name

log = logging.getLogger(__name__)


def template_source(name: str, library=None) -> dict:
    """The JSON of the template ``name``: a library template's, else the bundled file's."""
    if library is not None and hasattr(library, "template_data"):
        data = library.template_data(name)
        if data is not None:
            return copy.deepcopy(data)
    return template_data(load_template(name))


class TemplateDesigner(DesignGestures, QObject):
    """Designs the template shown on ``canvas``; its undo steps go on ``stack`` (through ``history`` if given)."""

    #: The draft or the selection changed (the panel shows them again).
    changed = Signal()
    #: An edit or a save was refused: one sentence for the user.
    problem = Signal(str)
    #: The template was saved in the library under this name.
    saved = Signal(str)

    def __init__(self, canvas, history=None, library=None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.canvas, self.library = canvas, library
        self.history = history
        self.stack: QUndoStack = QUndoStack(self) if history is None else history.side_stack()
        self.overlay = DesignOverlay()
        self.session = 0
        self.active = False
        self.base = ""  # the template the draft started from
        self.name: str | None = None  # its name in the library once saved (None: not saved yet)
        self.data: dict = {}
        self.stored: dict = {}
        self.template: Template | None = None
        self.selected: tuple[int, int | None] | None = None
        self._hover: tuple[int, int] | None = None
        self._press: tuple[QPointF, QPointF] | None = None  # (view, card) point of the press
        self._drag: dict | None = None
        self._viewport = None  # the canvas's viewport while designing (its mouse events come here)
        canvas.destroyed.connect(self._canvas_gone)
        #: Asks the name of a copy (replaced in tests): (default) -> name or None.
        self.ask_name = self._ask_name
        #: Stores (name, data) in the library: the name, or None when refused (it said why).
        self.store = self._store

    # ------------------------------------------------------------------ session
    def start(self, name: str) -> bool:
        """Design the template ``name`` on the canvas; False (and ``problem``) when it cannot be read."""
        try:
            data = template_source(name, self.library)
            template = Template.from_data(name, data)
        except (OSError, ValueError, UserError) as exc:
            self.problem.emit(f"The template {name!r} cannot be designed: {exc}")
            return False
        self.session += 1
        self._drop_steps()  # the steps of the template designed before could change nothing now
        self.base, self.data, self.template = name, data, template
        self.stored = data  # what the library (or the bundled file) holds: changes since are unsaved
        self.name = None if is_builtin_template(name) else name
        self.selected = self._hover = None
        if not self.active:
            self.active = True
            self.canvas.scene().addItem(self.overlay)
            self._viewport = self.canvas.viewport()
            self._viewport.installEventFilter(self)
            self.canvas.installEventFilter(self)
            self.canvas.layoutShown.connect(self._layout_shown)
        self.canvas.set_template_override(template)  # laid out: layoutShown puts the marks on it
        self.changed.emit()
        return True

    def stop(self) -> None:
        """Back to the named template (saved or discarded): the draft's undo steps go with it."""
        if not self.active:
            return
        self.active = False
        self.session += 1
        self._drop_steps()
        self._viewport.removeEventFilter(self)
        self.canvas.layoutShown.disconnect(self._layout_shown)
        self.canvas.removeEventFilter(self)
        self.canvas.scene().removeItem(self.overlay)
        self._viewport.unsetCursor()
        self.canvas.set_template_override(None)
        self.changed.emit()

    def _drop_steps(self) -> None:
        if self.history is not None:
            self.history.drop_steps(self.stack)
        else:
            self.stack.clear()

    def _push(self, command) -> None:
        if self.history is not None:
            self.history.push(self.stack, command)
        else:
            self.stack.push(command)

    def _layout_shown(self) -> None:
        """The card was laid out again (an edit, another persona, a theme): the marks follow it."""
        self._refresh(changed=False)

    def _canvas_gone(self, *_args) -> None:
        self.active, self._viewport = False, None

    @property
    def unsaved(self) -> bool:
        """Whether the draft differs from what was last read or saved."""
        return self.active and _untitled(self.data) != _untitled(self.stored)

    @property
    def builtin(self) -> bool:
        return self.name is None

    def layout(self) -> CardLayout | None:
        return self.canvas.current_layout() if self.active else None

    # ------------------------------------------------------------------ edits
    def edit(self, text: str, fn, *args, select=False, **kwargs) -> bool:
        """Apply ``fn(data, *args, **kwargs)`` as one undo step named ``text``; False when refused.

        ``select``: the selection after the step (False: keep it).
        """
        if not self.active:
            return False
        try:
            after = fn(self.data, *args, **kwargs)
        except UserError as exc:
            self.problem.emit(str(exc))
            return False
        if after == self.data:
            return False
        selected_after = self.selected if select is False else select
        self._push(TemplateEditCommand(self, self.data, after, text, self.selected, selected_after))
        return True

    def apply(self, data: dict, selected=None, session: int | None = None) -> None:
        """Show ``data`` as the draft (an undo step's redo or undo)."""
        if session is not None and session != self.session:
            return  # a step of a template designed before: nothing to change now
        self.data = data
        self.template = Template.from_data(self.base, data)
        self.selected = selected
        if self.active:
            self.canvas.set_template_override(self.template)  # laid out: layoutShown puts the marks on it
            self.changed.emit()

    def select(self, selected: tuple[int, int | None] | None) -> None:
        self.selected = selected
        self._refresh()

    def selected_section(self) -> tuple[int, int] | None:
        sel = self.selected
        return (sel[0], sel[1]) if sel is not None and sel[1] is not None else None

    def move_selected(self, step: int) -> bool:
        """Alt+Up/Down: the selected section one place up (-1) or down (+1) in its flow."""
        sec = self.selected_section()
        if sec is None:
            return False
        index = sec[1] + step
        if not 0 <= index < len(self.data["regions"][sec[0]].get("items") or []):
            return False
        return self.edit("Reorder section", E.move_section, sec, sec[0], index, select=(sec[0], index))

    def move_to_flow(self, step: int) -> bool:
        """Alt+Right/Left (Ctrl+] / Ctrl+[): the selected section to the next or previous flow region."""
        sec = self.selected_section()
        if sec is None:
            return False
        flows = E.flow_regions(self.data)
        k = flows.index(sec[0]) + step
        if not 0 <= k < len(flows):
            return False
        target = flows[k]
        index = min(sec[1], len(self.data["regions"][target].get("items") or []))
        return self.edit("Move section", E.move_section, sec, target, index, select=(target, index))

    def hide_selected(self) -> bool:
        sec = self.selected_section()
        if sec is None:
            return False
        return self.edit("Hide section", E.hide_section, *sec, select=None)

    def show_hidden(self, region: int, item: int) -> bool:
        return self.edit("Show section", E.show_section, region, item, select=(region, item))

    # ------------------------------------------------------------------ saving
    def _ask_name(self, default: str) -> str | None:
        label = "Name of the template in the library:"
        return ask_template_name(self.canvas.window(), self.library, "Save template", label, default)

    def _store(self, name: str, data: dict) -> str | None:
        """Write the template to the library and make it known by name (the window stores
        through ui/template_library.save_and_use instead, which also lists and uses it)."""
        saved = self.library.save_template(name, data)
        use_templates([saved], replace_all=False)
        return name

    def save(self) -> str | None:
        """Store the draft in the library: a built-in's first save asks a name for the copy."""
        if self.library is None:
            self.problem.emit("Open a library to save the template in it.")
            return None
        data = copy.deepcopy(self.data)
        name = self.name
        if name is None:
            name = self.ask_name(copy_name(self.base))  # a free name: Enter never replaces a saved copy
            if not name:
                return None
            data["title"] = name
        elif "title" in self.stored:
            data["title"] = self.stored["title"]  # a step undone and redone brings back the copied template's title
        before = self.name, self.base, self.data
        # Named first: storing may make it the persona's template, which must not restart the design.
        self.name, self.base, self.data = name, name, data
        try:
            stored = self.store(name, data)
        except UserError as exc:
            self.problem.emit(str(exc))
            stored = None
        if not stored:
            self.name, self.base, self.data = before
            return None
        self.stored = data
        self.saved.emit(name)
        self.changed.emit()
        return name

    # ------------------------------------------------------------------ showing
    def _refresh(self, changed: bool = True) -> None:
        """Show the marks again; ``changed``: the draft or the selection changed (the panel follows)."""
        card = self.layout()
        if card is None:
            return
        st = OverlayState(regions=[G.area_rect(a) for a in card.flows])
        if self._hover is not None:
            st.hover = G.section_rect(card, *self._hover)
        if self.selected is not None:
            region, item = self.selected
            area = G.flow_area(card, region)
            if area is not None:
                st.region = G.area_rect(area)
                st.region_label = area.id or f"flow {region}"
            if item is not None:
                st.selected = G.section_rect(card, region, item)
        drag = self._drag
        if drag is not None:
            st.safe = (card.safe_margin, card.safe_margin, card.width - 2 * card.safe_margin,
                       card.height - 2 * card.safe_margin)  # fmt: skip
            st.ghost, st.guides = drag.get("ghost"), drag.get("guides", [])
            drop = drag.get("drop")
            st.drop = drop.line if drop is not None else None
            if drag["kind"] == "resize":
                st.region = drag["rect"]
            elif drop is not None:  # the region it would land in, named
                area = G.flow_area(card, drop.region)
                st.region, st.region_label = G.area_rect(area), area.id or f"flow {drop.region}"
        self.overlay.set_state(st, (card.width, card.height))
        if changed:
            self.changed.emit()


def _untitled(data: dict) -> dict:
    """``data`` without its title: saving a copy titles it, outside the undo steps (which may bring
    back the untitled draft), so the title alone is no unsaved change."""
    return {k: v for k, v in data.items() if k != "title"}
