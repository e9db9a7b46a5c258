"""Which sheets an export prints, in order: the page plan shared by the export and its preview.

One card per page, N-up sheets with marks, or poster tiles: deciding it here,
once, keeps the export dialog's preview from drifting from the written file.
No Qt and no reportlab: planning only places CardLayouts on Sheets.
"""

from __future__ import annotations

import itertools
import math
import threading
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from personadesigner.core.cardlayout import CardLayout
from personadesigner.core.export_options import ExportOptions
from personadesigner.core.persona import Persona
from personadesigner.core.units import page_size
from personadesigner.render import formats
from personadesigner.render.duplex import any_back, back_sheet, blank_back, check_duplex_request
from personadesigner.render.imposition import PRINTER_MARGIN, impose, plan_grid
from personadesigner.render.sheet import Sheet, card_sheet, trim_sheet
from personadesigner.render.tiling import plan_tiles, tile

#: The sheet N-up cards go on when only a count was asked for.
DEFAULT_SHEET = "A4"


@dataclass(frozen=True)
class PlannedPage:
    """One page of the export: its sheet, how many cards are finished with it, a name for it."""

    sheet: Sheet
    cards_done: int
    name: str


def lay_out_for_export(
    persona: Persona, options: ExportOptions, names: dict[str, str] | None = None, type_step: float | None = None
) -> CardLayout:
    """The persona laid out as the export prints it (its own template/theme unless the options name one).
    ``type_step``: the body type size of a ``--uniform-type`` deck (see uniform_type)."""
    from personadesigner.core.layout import layout  # the engine: no Qt either

    template, theme = _designs(options, persona)
    bleed = options.bleed.pt if options.bleed is not None else 0.0
    if options.backs:  # the back too, and the front's lists say what continues on it
        from personadesigner.core.card_back import lay_out_with_back

        return lay_out_with_back(
            persona,
            template,
            theme,
            bleed=bleed,
            page_size=sheet_name(options),
            names=names,
            type_step=type_step,
        )
    # An export prints the card: where each section came from is for the template designer only.
    return layout(
        persona,
        template,
        theme,
        bleed=bleed,
        page_size=sheet_name(options),
        names=names,
        type_step=type_step,
        provenance=False,
    )


#: Per thread (an export runs beside the app's preview and print): (the options of the export
#: under way, {(template name, theme name): (template, theme)}).
_DESIGNS = threading.local()


def _designs(options: ExportOptions, persona: Persona) -> tuple:
    """The template and theme ``persona`` is printed with, looked up once per export.

    A design this installation lacks (a persona from another library) prints on the default
    one: one such persona must not stop an export of many (the CLI names it in a preflight line).
    Looking a design up checks its file on disk (an edited file is read again); an export's
    cards are laid out with what was there when it started, so the look-up is kept for the
    options object of the thread's export under way (every export, preview and print builds
    its own) rather than repeated per card.
    """
    memo = getattr(_DESIGNS, "memo", None)
    if memo is None or memo[0] is not options:
        memo = _DESIGNS.memo = (options, {})
    key = (options.template or persona.card.template, options.theme or persona.card.theme)
    if not (isinstance(key[0], str) and isinstance(key[1], str)):  # a design object, not a name:
        key = tuple(k if isinstance(k, str) else id(k) for k in key)  # by identity (the options keep it)
    found = memo[1].get(key)
    if found is None:
        from personadesigner.core.templates import load_template, template_or_default
        from personadesigner.core.themes import load_theme, theme_or_default

        found = (
            _named(options.template, load_template) or template_or_default(persona.card.template),
            _named(options.theme, load_theme) or theme_or_default(persona.card.theme),
        )
        if len(memo[1]) < 256:  # a library has a few designs; never grows with the personas
            memo[1][key] = found
    return found


def _named(choice, load):
    """An export's own choice of design (``--template``/``--theme``), loaded; None when it has none."""
    if not choice:
        return None
    return load(choice) if isinstance(choice, str) else choice


def uniform_type(
    personas: Sequence[Persona], layouts: list[CardLayout], options: ExportOptions, names: dict[str, str] | None = None
) -> list[CardLayout]:
    """``--uniform-type``: every card of a template laid out again at the smallest body size
    any of them fitted at (the largest shrink factor, CardLayout.type_step), so a deck on a
    wall reads as one family. A card already at that size is kept as it is."""
    deck: dict[str, float] = {}
    for lay in layouts:
        if lay.type_step is not None:
            deck[lay.template] = max(deck.get(lay.template, lay.type_step), lay.type_step)
    out = []
    for persona, lay in zip(personas, layouts):
        step = deck.get(lay.template)
        if step is not None and lay.type_step != step:
            lay = lay_out_for_export(persona, options, names, type_step=step)
        out.append(lay)
    return out


def sheet_name(options: ExportOptions) -> str | None:
    """The sheet asked for, or None for "card" (one card per page at its trim size)."""
    size = options.page_size
    return size if size and size.strip().lower() != "card" else None


def plan_pages(layouts: Iterable[CardLayout], options: ExportOptions) -> Iterator[PlannedPage]:
    """The pages of an export of ``layouts``, in order, made one at a time.

    ``layouts`` may be a stream (render.card_stream): each card is read only when its
    page is made, so a page that has been written can be released with its cards.
    A lone card is a print page with boxes and marks (PDF), or, for a format with
    ``trim_pages`` (PNG), its trim (plus the bleed when one was asked for) without marks.
    With ``options.backs`` each card's back follows its front (render.duplex).
    """
    cards = iter(layouts)
    first = next(cards, None)
    if first is None:
        return
    check_duplex(first, options)
    cards = itertools.chain((first,), cards)
    sheet = sheet_name(options)
    if options.tile_to:
        for i, lay in enumerate(cards):
            plan = plan_tiles(lay.width, lay.height, lay.bleed, options.tile_to, printer_margin=printer_margin(options))
            for k, tile_sheet in enumerate(tile(lay, plan), 1):
                done = i + (k == plan.count and lay.back is None)
                yield PlannedPage(tile_sheet, done, f"{lay.persona_name} (tile {k} of {plan.count})")
            if lay.back is not None:  # its back's tiles, after the front's (tiles are not printed duplex)
                for k, tile_sheet in enumerate(tile(lay.back, plan), 1):
                    name = f"{lay.persona_name}-back (tile {k} of {plan.count})"
                    yield PlannedPage(tile_sheet, i + (k == plan.count), name)
        return
    if _imposed(first, options):
        grid = plan_grid(
            first.width,
            first.height,
            first.bleed,
            sheet or DEFAULT_SHEET,
            options.per_page or "auto",
            printer_margin(options),
            options.crop_marks,
        )
        cards, blanks = _with_blank_backs(cards, options)
        done = 0
        for n, imposed in enumerate(impose(cards, grid, with_marks=options.crop_marks)):
            done += len(imposed.placements)
            yield PlannedPage(imposed, done, f"Page {n + 1}")
            back = back_sheet(imposed, options.duplex or "long") if options.backs else None
            if back is None and blanks:
                back = blank_back(imposed)  # a sheet of cards without backs keeps the sides paired
            if back is not None:
                yield PlannedPage(back, done, f"Page {n + 1}-back")
        return
    trim = formats.get(options.format).trim_pages
    cards, blanks = _with_blank_backs(cards, options)
    for i, lay in enumerate(cards):
        page = _single(lay, trim, options)
        yield PlannedPage(page, i + 1, _page_name(lay))
        if lay.back is not None:
            yield PlannedPage(_single(lay.back, trim, options), i + 1, _page_name(lay) + "-back")
        elif blanks:
            yield PlannedPage(blank_back(page), i + 1, _page_name(lay) + "-back")


def _with_blank_backs(cards: Iterable[CardLayout], options: ExportOptions) -> tuple[Iterable[CardLayout], bool]:
    """The cards, and whether a PDF with backs gets a blank back where a card (or a whole sheet)
    has none: then a duplex printer puts every back behind its front; image files skip what has
    no back. Whether any card has a back is known only once all are laid out, so with backs a
    PDF's cards are held (not streamed)."""
    if not options.backs or formats.get(options.format).trim_pages:
        return cards, False
    held = list(cards)
    return held, any_back(held)


def _single(lay: CardLayout, trim: bool, options: ExportOptions) -> Sheet:
    """One card alone: its trim (images) or a print page with boxes and marks."""
    return trim_sheet(lay, with_bleed=lay.bleed > 0) if trim else card_sheet(lay, with_marks=options.crop_marks)


def _page_name(lay: CardLayout) -> str:
    """A card's persona name; a deck page's kind ("deck:grid" -> "deck-grid")."""
    if not lay.persona_name and lay.template.startswith("deck:"):
        return lay.template.replace(":", "-")
    return lay.persona_name


def page_count(first: CardLayout, options: ExportOptions, total: int) -> int:
    """How many pages an export of ``total`` cards shaped like ``first`` has (without planning them)."""
    sides = 2 if options.backs and first.back is not None else 1
    if options.tile_to:
        return (
            plan_tiles(
                first.width, first.height, first.bleed, options.tile_to, printer_margin=printer_margin(options)
            ).count
            * total
            * sides
        )
    if _imposed(first, options):
        grid = plan_grid(
            first.width,
            first.height,
            first.bleed,
            sheet_name(options) or DEFAULT_SHEET,
            options.per_page or "auto",
            printer_margin(options),
            options.crop_marks,
        )
        return math.ceil(total / grid.per_page) * sides
    return total * sides


def printer_margin(options: ExportOptions) -> float:
    """The blank border of shared sheets and tiles, in points (5 mm unless asked)."""
    return options.printer_margin.pt if options.printer_margin is not None else PRINTER_MARGIN


def check_duplex(first: CardLayout, options: ExportOptions) -> None:
    """``duplex`` needs backs and N-up sheets (render.duplex): here a sheet-sized card is found out."""
    if options.duplex is not None:
        imposed = _imposed(first, options)
        check_duplex_request(options.duplex, backs=options.backs, tile_to=options.tile_to, imposed=imposed)


def _imposed(first: CardLayout, options: ExportOptions) -> bool:
    """N-up sheets: a count was asked for, or a sheet the card is smaller than."""
    sheet = sheet_name(options)
    return options.per_page is not None or (sheet is not None and not _is_sheet_sized(first, sheet))


def _is_sheet_sized(lay: CardLayout, sheet: str) -> bool:
    """A profile or poster laid out at the sheet's own size: one per page, no imposition."""
    w, h = (v.pt for v in page_size(sheet))
    return any(abs(lay.width - a) < 1 and abs(lay.height - b) < 1 for a, b in ((w, h), (h, w)))


__all__ = [
    "DEFAULT_SHEET",
    "PlannedPage",
    "check_duplex",
    "lay_out_for_export",
    "page_count",
    "plan_pages",
    "printer_margin",
    "sheet_name",
]
