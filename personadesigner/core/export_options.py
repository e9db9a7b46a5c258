"""What an export is asked to do: shared by the command line, the app and the painters."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from personadesigner.core.cardlayout import Cut
from personadesigner.core.units import Length


@dataclass
class ExportOptions:
    """Options of ``personadesigner export`` (see design/architecture.md)."""

    #: A card format's key in the registry (render.formats): "pdf", "png"...
    format: str = "pdf"
    #: None: each persona's own ``card.template`` / ``card.theme``.
    template: str | None = None
    theme: str | None = None
    #: None or "card": one card per page at its trim size; else a sheet name (A4, Letter...)
    #: for imposition, or the page size of a sheet-sized template (profile, poster).
    page_size: str | None = None
    #: Cards per sheet: a number, "auto" (as many as fit), or None (one per page).
    per_page: int | Literal["auto"] | None = None
    #: None: no bleed; else the bleed beyond the trim (3 mm when only --bleed is given).
    bleed: Length | None = None
    crop_marks: bool = False
    dpi: int = 300
    #: Tile a large card (poster) across sheets of this size, e.g. "A4".
    tile_to: str | None = None
    strict: bool = False
    #: Blank border of N-up sheets and poster tiles (None: 5 mm, what office printers leave).
    printer_margin: Length | None = None
    #: "rgb", or "cmyk": colours and photos through the bundled press profile (render.color).
    color: Literal["rgb", "cmyk"] = "rgb"
    #: Write a PDF/X-4 file (implies CMYK).
    pdfx: bool = False


@dataclass
class ExportReport:
    """What an export wrote and what the preflight found."""

    files: list[Path] = field(default_factory=list)
    pages: int = 0
    preflight: list[Cut] = field(default_factory=list)
