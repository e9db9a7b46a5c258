"""``personadesigner export``: choose the personas, turn flags into ExportOptions, run it.

The formats and the flags each honours come from the registry (render.formats):
data formats (JSON, CSV) write the personas through their writer; card formats
(PDF, PNG) go to render.export (imported only then, so the other commands never
load reportlab).
Flag problems (a bad length, an unknown page size) are UserErrors before any
work starts.
"""

from __future__ import annotations

import argparse
import gc
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from personadesigner.cli.options import library_option
from personadesigner.core.persona import Persona
from personadesigner.deck import cli_flags as deck_flags
from personadesigner.errors import PreflightFailed, UserError
from personadesigner.render import formats

if TYPE_CHECKING:
    from personadesigner.core.export_options import ExportOptions
    from personadesigner.render.formats import ExportFormat
    from personadesigner.storage.file_reader import ReadableLibrary

#: Flags with a default value, which cannot be told apart from flags not given.
_DEFAULTED = ("dpi", "photos")


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add ``export``: its --format choices are the registry's keys (no writer is loaded)."""
    p = subparsers.add_parser(
        "export", parents=[library_option()], help=f"export personas as {formats.names(formats.formats())}"
    )
    p.add_argument("personas", metavar="PERSONA", nargs="*", help="ids or exact names")
    p.add_argument("--all", action="store_true", help="every persona in the library")
    p.add_argument("--out", required=True, metavar="PATH")
    p.add_argument("--format", choices=formats.keys(), help="default: from the --out suffix")
    p.add_argument(
        "--template",
        metavar="T",
        help="a template's name (built-in or in the library) or a template JSON file",
    )
    p.add_argument(
        "--theme",
        metavar="NAME|FILE",
        help="a theme's name (built-in or in the library), a theme JSON file or a .pdtheme file",
    )
    p.add_argument("--page-size", metavar="SIZE", help="card, A4, Letter, A3, A2, ...")
    p.add_argument("--per-page", metavar="N|auto", type=_per_page, help="cards per sheet")
    p.add_argument("--bleed", nargs="?", const="3mm", metavar="LENGTH", help="bleed beyond the trim (default 3mm)")
    p.add_argument("--crop-marks", action="store_true")
    p.add_argument("--dpi", type=int, default=300, help="PNG resolution (default 300)")
    p.add_argument("--tile-to", metavar="SIZE", help="tile a large card across sheets of this size")
    p.add_argument("--strict", action="store_true", help="exit 3 when text had to be cut or a photo is under 100 ppi")
    p.add_argument(
        "--uniform-type",
        action="store_true",
        help="one body type size for every card of a template (the smallest any card needs)",
    )
    p.add_argument(
        "--photos",
        choices=("inline", "files"),
        default="inline",
        help="JSON: photos inline as data: URLs, or as files beside the JSON",
    )
    p.add_argument("--printer-margin", metavar="LENGTH", help="blank border of sheets and tiles (default 5mm)")
    p.add_argument("--color", choices=("rgb", "cmyk"), help="PDF colour: rgb (default) or cmyk for presses")
    p.add_argument("--pdfx", action="store_true", help="write a PDF/X-4 file (CMYK, output intent)")
    p.add_argument(
        "--backs", action="store_true", help="print each card's back after its front (templates that have one)"
    )
    p.add_argument(
        "--duplex",
        choices=("long", "short"),
        help="with --backs on N-up sheets: the edge the sheet turns over (default long); backs land behind fronts",
    )
    deck_flags.add_flags(p)  # --deck, --pptx-template... (checked by deck_flags.apply)
    p.set_defaults(handler=run_export)


def _per_page(text: str) -> str:
    """ "auto" or a whole number written with the digits 0-9 (not "²", which is a digit to Python)."""
    value = text.strip()
    if value.lower() == "auto" or (value.isascii() and value.isdecimal()):
        return value
    raise argparse.ArgumentTypeError(f'"{text}" is not a whole number of cards or "auto"')


def run_export(args: argparse.Namespace) -> int:
    """A library file is read without SQLAlchemy (storage.file_reader), anything else through the Library."""
    from personadesigner.cli.commands import on_library_file

    with _batch_gc():  # from reading the personas on
        return on_library_file(args, cmd_export)


def cmd_export(args: argparse.Namespace, library: ReadableLibrary) -> int:
    from personadesigner.cli.template_choice import use_library_templates
    from personadesigner.cli.theme_choice import use_library_themes

    use_library_themes(library)
    use_library_templates(library)
    fmt = export_format(args.out, args.format)
    _refuse_unused_flags(args, fmt)
    options = export_options(args, fmt.key) if fmt.kind == "cards" else None
    deck_flags.apply(args, fmt, options)  # --deck, --pptx-template...: checked, a template opened, before any work
    personas = chosen_personas(args, library)
    out = Path(args.out)
    if options is None:  # a data format: the personas themselves, no layout
        count = fmt.writer(personas, out, args.photos)
        print(f"Exported {count} persona{'' if count == 1 else 's'} to {out}")
        return 0
    from personadesigner.related_names import related_names

    return _export_cards(personas, out, options, related_names(library, personas))


def export_format(out: str, given: str | None) -> ExportFormat:
    """The format asked for by --format, else the one --out's suffix names (render.formats)."""
    if given:
        return formats.get(given)
    fmt = formats.by_suffix(Path(out).suffix)
    if fmt is not None:
        return fmt
    keys = formats.keys()
    raise UserError(f'Cannot tell the format from --out "{out}"; add --format {", ".join(keys[:-1])} or {keys[-1]}.')


def _refuse_unused_flags(args: argparse.Namespace, fmt: ExportFormat) -> None:
    """A flag the format does not honour is a UserError naming the formats it applies to."""
    for name in (*formats.CARD_OPTIONS, *formats.PRESS_OPTIONS, "photos"):
        value = getattr(args, name, None)
        if fmt.honours(name) or value is None or value is False or name in _DEFAULTED:
            continue
        takers = formats.names(f for f in formats.formats() if f.honours(name))
        raise UserError(f"--{name.replace('_', '-')} applies to {takers} exports, not to {fmt.name}.")


def chosen_personas(args: argparse.Namespace, library: ReadableLibrary) -> list[Persona]:
    if args.all and args.personas:
        raise UserError("Name personas or give --all, not both.")
    if args.all:
        personas = list(library.iter_personas())
        if not personas:
            raise UserError("The library has no personas to export.")
        return personas
    if not args.personas:
        raise UserError("Name the personas to export (an id or exact name), or give --all.")
    chosen: dict[str, Persona] = {}
    for ref in args.personas:
        p = library.find(ref)
        chosen.setdefault(p.id, p)
    return list(chosen.values())


def export_options(args: argparse.Namespace, fmt: str) -> ExportOptions:
    """The ExportOptions the flags ask for; every flag is checked here, before any work."""
    from personadesigner.core.export_options import ExportOptions
    from personadesigner.core.units import PAGE_SIZES, Length, page_size_name

    def sheet(text: str | None, flag: str) -> str | None:
        """The canonical sheet name ("a4" -> "A4"); a UserError names the sizes this flag takes."""
        if text is None:
            return None
        takes_card = flag == "--page-size"
        if takes_card and text.strip().lower() == "card":
            return "card"
        name = page_size_name(text)
        if name is None:
            choices = ", ".join((["card"] if takes_card else []) + list(PAGE_SIZES))
            raise UserError(f'{flag} "{text}" is not a page size (use one of: {choices}).')
        return name

    per_page: int | str | None = None
    if args.per_page is not None:
        if args.per_page.strip().lower() == "auto":
            per_page = "auto"
        elif args.per_page.strip().isascii() and args.per_page.strip().isdecimal() and int(args.per_page) >= 1:
            per_page = int(args.per_page)
        else:
            raise UserError(f'--per-page "{args.per_page}" must be a whole number of cards or "auto".')
    bleed = Length.parse(args.bleed, default_unit="mm") if args.bleed is not None else None
    if bleed is not None and bleed.in_mm > 25:
        raise UserError(f"--bleed {args.bleed} is more than 25 mm; printers ask for 2 to 5 mm.")
    margin = Length.parse(args.printer_margin, default_unit="mm") if args.printer_margin is not None else None
    if margin is not None and margin.in_mm > 30:
        raise UserError(f"--printer-margin {args.printer_margin} is more than 30 mm; office printers need 3 to 6 mm.")
    if not 36 <= args.dpi <= 2400:
        raise UserError(f"--dpi {args.dpi} is outside 36-2400.")
    template, theme = _check_design_names(args.template, args.theme)
    return ExportOptions(
        format=fmt,
        template=template,
        theme=theme,
        page_size=sheet(args.page_size, "--page-size"),
        per_page=per_page,  # type: ignore[arg-type]
        bleed=bleed,
        crop_marks=args.crop_marks,
        dpi=args.dpi,
        tile_to=sheet(args.tile_to, "--tile-to"),
        strict=args.strict,
        uniform_type=getattr(args, "uniform_type", False),
        printer_margin=margin,
        color="cmyk" if args.pdfx or args.color == "cmyk" else "rgb",  # PDF/X here is CMYK
        pdfx=args.pdfx,
        backs=args.backs,
        duplex=_duplex(args, per_page),
    )


def _duplex(args: argparse.Namespace, per_page) -> str | None:
    """--duplex needs --backs and N-up sheets (a count, or a sheet other than "card"); a sheet-sized
    card (a profile on A4) is found out once it is laid out (render.page_plan.check_duplex); one check
    and its sentences for both (render.duplex.check_duplex_request)."""
    from personadesigner.render.duplex import check_duplex_request

    page = (args.page_size or "card").strip().lower()
    imposed = per_page is not None or page != "card"
    check_duplex_request(args.duplex, backs=args.backs, tile_to=args.tile_to, imposed=imposed)
    return args.duplex


def _check_design_names(template: str | None, theme: str | None) -> tuple[str | None, str | None]:
    """Fail before any work with the same sentence the export itself would give; the template's and
    theme's names (a template or theme file is read here and known by its name from then on)."""
    if template is not None:
        from personadesigner.cli.template_choice import chosen_template

        template = chosen_template(template).name
    if theme is not None:
        from personadesigner.cli.theme_choice import chosen_theme

        theme = chosen_theme(theme).name
    return template, theme


@contextmanager
def _batch_gc():
    """No cyclic garbage collection while an export reads its personas and lays out and paints them.

    An export builds tens of thousands of small immutable objects that stay
    alive until the file is written; each collection would walk all of them
    (and every imported module) again, a third of a 1000-card export's layout
    time (and ~5 ms of reading 1000 personas and loading the designs). What is
    loaded before (the command's modules) and what the export keeps (personas,
    text caches) is frozen and stays so: the command ends with the export, and
    neither the next collection nor the one at interpreter exit walks it again.
    Objects are still freed by reference counting as usual.
    """
    gc.freeze()
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if was_enabled:
            gc.enable()


def _export_cards(personas: list[Persona], out: Path, options: ExportOptions, names: dict[str, str] | None) -> int:
    """PDF or PNG through render.export. Every preflight cut is listed on stderr; with
    --strict the export writes nothing and PreflightFailed ends the command (exit 3)."""
    from personadesigner.cli.progress import ProgressBar
    from personadesigner.core.design_fallback import fallback_lines
    from personadesigner.render.export import export_personas

    # A design from another library is printed on the default one: said, not refused.
    _print_preflight(fallback_lines(personas, template=options.template, theme=options.theme))
    count = len(personas)
    try:
        with ProgressBar("Exporting") as progress:
            # handed over: each persona is released once its card is made (render.card_stream)
            # the command line has no other thread: a long batch is laid out on two cores
            report = export_personas(
                personas, out, options, progress=progress, names=names, consume=True, parallel=True
            )
    except PreflightFailed as exc:
        _print_preflight(exc.cuts)
        raise
    _print_preflight(report.preflight)
    _print_preflight(report.warnings, "preflight warning")
    if report.without_back:
        shown = ", ".join(report.without_back)
        one = len(report.without_back) == 1
        print(
            f"note: the {shown} template{'' if one else 's'} ha{'s' if one else 've'} no back; no back was printed for {'its' if one else 'their'} cards.",
            file=sys.stderr,
        )
    files = len(report.files)
    where = report.files[0] if files == 1 else out
    print(
        f"Exported {count} persona{'' if count == 1 else 's'} "
        f"({report.pages} page{'' if report.pages == 1 else 's'}, {files} file{'' if files == 1 else 's'}) to {where}"
    )
    return 3 if options.strict and report.preflight else 0


def _print_preflight(cuts, label: str = "preflight") -> None:
    from personadesigner.cli.text import terminal_safe

    for cut in cuts:
        print(f"{label}: {terminal_safe(str(cut), keep='')}", file=sys.stderr)
