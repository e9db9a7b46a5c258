"""The export command's deck flags: --deck and its pages, --pptx-template, --pptx-fonts, --aspect.

Kept beside the deck so the export parser gains them with one call and the
export command with one more; every flag is checked (and a client template
opened) before any work, so a bad template writes nothing.
"""

from __future__ import annotations

import argparse
import sys

from personadesigner.errors import UserError


def add_flags(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("decks (PDF, PNG, PPTX)")
    g.add_argument(
        "--deck",
        action="store_true",
        help="add a cover, overview, comparison grid, buying-committee map and sources appendix around the cards",
    )
    g.add_argument(
        "--deck-pages",
        metavar="LIST",
        help="the deck's pages in order (default: all of cover,overview,grid,committee,personas,sources)",
    )
    g.add_argument(
        "--deck-grid",
        metavar="FIELDS",
        help="the comparison grid's rows (default: goals,pain_points,channels,budget,decision_process)",
    )
    g.add_argument("--deck-title", metavar="TEXT", help='the cover\'s title (default "Our personas")')
    g.add_argument("--deck-subtitle", metavar="TEXT", default="", help="the cover's subtitle")
    g.add_argument("--pptx-template", metavar="FILE", help="PPTX: build the slides on this .pptx/.potx's master")
    g.add_argument(
        "--pptx-fonts",
        choices=("keep", "common", "theme"),
        help="PPTX: the layout's fonts (keep), Arial/Georgia (common) or the template's (theme)",
    )
    g.add_argument("--aspect", choices=("16:9", "4:3"), help="PPTX and deck pages: the slide shape (default 16:9)")


def apply(args: argparse.Namespace, fmt, options) -> None:  # noqa: ANN001 - ExportFormat, ExportOptions | None
    """Check the deck flags against the format and put them into ``options``."""
    _check_format(args, fmt, options)
    if options is None:
        return
    if (args.deck_pages or args.deck_grid or args.deck_title or args.deck_subtitle) and not args.deck:
        raise UserError("--deck-pages, --deck-grid, --deck-title and --deck-subtitle need --deck.")
    if options.template is None and (args.deck or fmt.key == "pptx"):
        options.template = "slide"  # a landscape card that fills a slide
    options.aspect = args.aspect or "16:9"
    options.pptx_fonts = args.pptx_fonts or "keep"
    if args.pptx_template:
        _open_client_template(args, options)
    if args.deck:
        options.deck = _deck_spec(args, options)


def _check_format(args: argparse.Namespace, fmt, options) -> None:  # noqa: ANN001
    """PPTX-only flags on PPTX, deck flags on the card formats: one sentence otherwise."""
    pptx_only = [f for f in ("pptx_template", "pptx_fonts") if getattr(args, f, None)]
    if pptx_only and fmt.key != "pptx":
        raise UserError(f"--{pptx_only[0].replace('_', '-')} applies to PPTX exports, not to {fmt.name}.")
    deckish = args.deck or args.deck_pages or args.deck_grid or args.deck_title or args.deck_subtitle or args.aspect
    if options is None and deckish:
        raise UserError(f"--deck applies to PDF, PNG and PPTX exports, not to {fmt.name}.")


def _open_client_template(args: argparse.Namespace, options) -> None:  # noqa: ANN001
    """Open the client's .pptx/.potx now, so a bad file is refused before any work."""
    from personadesigner.render.pptx_template import choose_layout, open_template

    base = choose_layout(open_template(args.pptx_template), True, args.pptx_template)
    options.pptx_template = args.pptx_template
    if base.note:
        print(f"note: {base.note}", file=sys.stderr)


def _deck_spec(args: argparse.Namespace, options):  # noqa: ANN001
    """The set-level pages asked for (--deck-pages, --deck-grid, title and subtitle)."""
    from personadesigner.deck.spec import GRID_FIELDS, PAGE_KINDS, DeckSpec, grid_fields

    pages = tuple(PAGE_KINDS)
    if args.deck_pages:
        pages = tuple(k.strip().lower() for k in args.deck_pages.split(",") if k.strip())
        bad = [k for k in pages if k not in PAGE_KINDS]
        if bad or not pages:
            raise UserError(f'--deck-pages "{args.deck_pages}": use some of {",".join(PAGE_KINDS)}.')
    theme = options.theme if isinstance(options.theme, str) else "classic"
    grid = grid_fields(args.deck_grid) if args.deck_grid else tuple(GRID_FIELDS)
    return DeckSpec(
        title=args.deck_title or "Our personas",
        subtitle=args.deck_subtitle,
        pages=pages,
        aspect=options.aspect,
        theme=theme or "classic",
        grid_fields=grid,
    )
