"""What an export is asked to do: shared by the command line, the app and the painters."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from personadesigner.core.cardlayout import Cut, LowResolution
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
    #: Lay every card of a template out at one body type size (the smallest any of them
    #: needs), so cards side by side on a wall look alike.
    uniform_type: bool = False
    #: A deck: the set-level pages around the cards (a deck.spec.DeckSpec); None: the cards only.
    deck: object | None = None
    #: PPTX: the client's .pptx/.potx to build on (None: a plain deck); fonts "keep", "common"
    #: (Arial/Georgia) or "theme" (the template's fonts); the slide shape without a template.
    pptx_template: str | None = None
    pptx_fonts: str = "keep"
    aspect: str = "16:9"
    #: Speaker notes by persona id (the persona's evidence), for formats that keep them (PPTX).
    notes: dict[str, str] = field(default_factory=dict)
    #: Blank border of N-up sheets and poster tiles (None: 5 mm, what office printers leave).
    printer_margin: Length | None = None
    #: "rgb", or "cmyk": colours and photos through the bundled press profile (render.color).
    color: Literal["rgb", "cmyk"] = "rgb"
    #: Write a PDF/X-4 file (implies CMYK).
    pdfx: bool = False
    #: Print each card's back (a template's "back") after its front (core.card_back, render.duplex).
    backs: bool = False
    #: N-up sheets with backs: the edge the sheet is turned over for its back ("long" when None).
    duplex: Literal["long", "short"] | None = None


@dataclass
class ExportReport:
    """What an export wrote and what the preflight found."""

    files: list[Path] = field(default_factory=list)
    pages: int = 0
    #: Problems: cut text (core.cardlayout.Cut) and photos under 100 ppi (LowResolution).
    preflight: list[Cut | LowResolution] = field(default_factory=list)
    #: Photos under 150 ppi but not under 100: said, never failing ``--strict``.
    warnings: list[LowResolution] = field(default_factory=list)
    #: Backs were asked for: the templates of the cards that have none (nothing printed for them).
    without_back: list[str] = field(default_factory=list)
