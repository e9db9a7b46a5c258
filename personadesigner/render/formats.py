"""The export formats, registered in one place: what each one is, writes and honours.

The command line's ``--format`` choices, the export dialog's format list and its
enabled options, output file names and the page plan all read this registry
instead of testing ``format == "png"``. A format is one module named
``render/format_<name>.py`` that calls ``register``; it is found and imported
on the registry's first use (so a new format, a PPTX writer, touches no other
file). Format modules stay light: their writers import reportlab, Qt or the
interchange code only when they run. No Qt here.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from personadesigner.core.cardlayout import CardLayout
    from personadesigner.core.export_options import ExportOptions, ExportReport
    from personadesigner.core.persona import Persona
    from personadesigner.render.page_plan import PlannedPage

#: The card options a format may honour: ExportOptions fields, and flags of ``export``.
CARD_OPTIONS = (
    "template",
    "theme",
    "page_size",
    "per_page",
    "bleed",
    "crop_marks",
    "dpi",
    "tile_to",
    "strict",
    "uniform_type",
    "printer_margin",
    "backs",
    "duplex",
)
#: Options for presses that only some card formats honour (PDF declares them): colour model, PDF/X.
PRESS_OPTIONS = ("color", "pdfx")

#: writes planned pages of laid-out cards to ``out``: (pages, out, options, layouts, report).
CardWriter = Callable[["Iterable[PlannedPage]", Path, "ExportOptions", "list[CardLayout]", "ExportReport"], None]
#: writes personas as data to ``out``; the number written: (personas, out, photos).
DataWriter = Callable[["list[Persona]", Path, str], int]


class ExportFormat:
    """One way to export personas (read-only once registered).

    ``kind`` "cards" lays the personas out and follows the page plan (its writer is
    a CardWriter, its painter draws the primitives); "data" writes the personas
    themselves (a DataWriter; no layout, no page options). A plain class, not a
    dataclass: every command builds the parser, which lists the formats, and a
    dataclass costs a couple of milliseconds to define.
    """

    __slots__ = (
        "file_filter",
        "folder",
        "key",
        "kind",
        "label",
        "name",
        "options",
        "order",
        "painter",
        "streams",
        "suffix",
        "trim_pages",
        "writer",
    )

    def __init__(
        self,
        *,
        key: str,
        name: str,
        label: str,
        suffix: str,
        folder: bool,
        kind: Literal["cards", "data"],
        options: Iterable[str],
        writer: CardWriter | DataWriter,
        painter: str = "",
        trim_pages: bool = False,
        streams: bool = False,
        file_filter: str = "",
        order: int = 100,
    ) -> None:
        self.key = key
        #: Short name for sentences ("PDF").
        self.name = name
        #: The export dialog's line ("PDF document (print-ready, vector text)").
        self.label = label
        #: The suffix of the file, or of each file in the folder (".pdf").
        self.suffix = suffix
        #: True: the export is a folder of files (one per page); False: one file.
        self.folder = folder
        self.kind = kind
        #: The options (CARD_OPTIONS, "photos") this format follows; the others do not apply.
        self.options = frozenset(options)
        self.writer = writer
        #: "module:Class" of its painter (a render.painter.Painter), for card formats.
        self.painter = painter
        #: True: a lone card is its trim (plus any bleed) with no page around it (images);
        #: False: a print page with boxes and crop marks (PDF).
        self.trim_pages = trim_pages
        #: True: the writer reads only ``persona_name`` and the count of the ``layouts`` it is
        #: handed, so render.export streams the cards (laid out as their page is made, released
        #: once painted) and hands it light stand-ins (render.card_stream.CardName).
        self.streams = streams
        #: The file chooser's filter ("PDF documents (*.pdf)"); folders need none.
        self.file_filter = file_filter
        #: Where it is listed (CLI choices, the dialog): lower first.
        self.order = order

    def __repr__(self) -> str:
        return f"ExportFormat({self.key!r})"

    def honours(self, option: str) -> bool:
        return option in self.options

    def painter_class(self) -> type:
        module, _, name = self.painter.partition(":")
        return getattr(importlib.import_module(module), name)

    def output_path(self, folder: Path, stem: str) -> Path:
        """Where an export named ``stem`` goes: the file ``stem.pdf``, or the folder ``stem``."""
        return folder / (stem if self.folder else stem + self.suffix)

    def retarget(self, path: Path) -> Path:
        """``path`` (chosen for any format) made fit for this one: the same name, this suffix or none."""
        known = {f.suffix for f in formats() if not f.folder}
        stem = path.with_suffix("") if path.suffix.lower() in known else path
        return stem if self.folder else stem.with_name(stem.name + self.suffix)


_REGISTRY: dict[str, ExportFormat] = {}
_loaded = False


def register(fmt: ExportFormat) -> ExportFormat:
    """Add (or replace) a format; format modules call this when imported."""
    _REGISTRY[fmt.key] = fmt
    return fmt


def unregister(key: str) -> None:
    _REGISTRY.pop(key, None)


def _load() -> None:
    """Import every ``render/format_*.py`` once: each registers its formats."""
    global _loaded
    if _loaded:
        return
    from personadesigner import render

    for info in sorted(pkgutil.iter_modules(render.__path__), key=lambda i: i.name):
        if info.name.startswith("format_"):
            importlib.import_module(f"{render.__name__}.{info.name}")
    _loaded = True  # only now: a second thread meanwhile imports (once, under the import lock) too


def formats() -> list[ExportFormat]:
    """Every registered format: the built-in ones in their modules' order, then later ones."""
    _load()
    return sorted(_REGISTRY.values(), key=lambda f: f.order)


def keys() -> list[str]:
    return [f.key for f in formats()]


def card_formats() -> list[ExportFormat]:
    """The formats that draw cards (the export dialog offers these)."""
    return [f for f in formats() if f.kind == "cards"]


def get(key: str) -> ExportFormat:
    _load()
    return _REGISTRY[key]


def by_suffix(suffix: str) -> ExportFormat | None:
    """The format an output name ending in ``suffix`` (".pdf", ".PNG") asks for, if any."""
    suffix = suffix.lower()
    return next((f for f in formats() if f.suffix == suffix), None)


def names(fmts: Iterable[ExportFormat]) -> str:
    """ "PDF and PNG", "PDF, PNG and PPTX"."""
    found = [f.name for f in fmts]
    return " and ".join(found) if len(found) < 3 else ", ".join(found[:-1]) + " and " + found[-1]


__all__ = [
    "CARD_OPTIONS",
    "PRESS_OPTIONS",
    "ExportFormat",
    "by_suffix",
    "card_formats",
    "formats",
    "get",
    "keys",
    "names",
    "register",
    "unregister",
]
