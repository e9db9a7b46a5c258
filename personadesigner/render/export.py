"""Export: personas -> layouts -> planned pages -> the format's writer (one PDF, PNGs in a folder...).

The one entry point the command line and the app's export dialog share. It
follows the page plan (render.page_plan: one card per page, N-up sheets,
poster tiles) and hands the pages to the writer of ``options.format`` (the
registry, render.formats), which writes every file atomically (a killed export
never leaves a torn file under the target name); it reports the preflight. The
PDF path imports no Qt: the Qt painter is loaded only by the PNG writer.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from personadesigner.core.cardlayout import CardLayout
from personadesigner.core.export_options import ExportOptions, ExportReport
from personadesigner.core.persona import Persona
from personadesigner.errors import UserError
from personadesigner.render import card_stream, formats
from personadesigner.render.page_plan import PlannedPage, lay_out_for_export, plan_pages, uniform_type

Progress = Callable[[int, int], None]
Cancel = Callable[[], bool]


class ExportCancelled(UserError):
    """The user stopped the export; nothing was written under the target name."""


def export_personas(
    personas: list[Persona],
    out: Path,
    options: ExportOptions,
    *,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
    names: dict[str, str] | None = None,
    consume: bool = False,
    parallel: bool = False,
) -> ExportReport:
    """Lay out every persona (its own template/theme unless the options name one) and export.

    A format that ``streams`` (PDF, PNG) gets each card laid out when its page is made and
    released once painted, so memory does not grow with the number of cards; a deck (its
    set-level pages read every card) and the other formats get every layout at once.
    ``consume``: the caller hands ``personas`` over and reads it no more; a streamed export
    then drops each persona from the list once its card is made (render.card_stream).
    ``parallel``: a streamed export of a long batch may lay most cards out in a forked helper
    process (render.parallel_layout): only a caller with no other thread (the command line)."""
    fmt = formats.get(options.format)
    if options.deck is None and fmt.streams:
        return _export_streamed(
            personas, out, options, progress=progress, cancel=cancel, names=names, consume=consume, parallel=parallel
        )
    layouts = []
    for persona in personas:
        _check_cancel(cancel)
        layouts.append(lay_out_for_export(persona, options, names))
    if fmt.honours("speaker_notes"):
        from personadesigner.deck.notes import evidence_notes

        options.notes = {p.id: evidence_notes(p) for p in personas}
    if options.uniform_type:  # before the deck pages: it pairs each card with its persona
        layouts = uniform_type(personas, layouts, options, names)
    if options.deck is not None:  # the set-level pages around the cards (deck.pages)
        from personadesigner.deck.pages import build_deck

        layouts = build_deck(personas, layouts, options.deck)
    return export_layouts(layouts, out, options, progress=progress, cancel=cancel)


def export_layouts(
    layouts: list[CardLayout],
    out: Path,
    options: ExportOptions,
    *,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> ExportReport:
    """Export already laid-out cards: the painters' half of ``export_personas``."""
    out = Path(out)
    report = ExportReport()
    for lay in layouts:
        card_stream.record(report, lay, options.backs)
    if options.strict and report.preflight:
        raise card_stream.refusal(report.preflight)
    if not layouts:
        raise UserError("There is no persona to export.")
    fmt = _card_format(options)
    counted = _counting(plan_pages(layouts, options), len(layouts), progress, cancel)
    return _write(fmt, counted, out, options, layouts, report)


def _export_streamed(
    personas: list[Persona],
    out: Path,
    options: ExportOptions,
    *,
    progress: Progress | None,
    cancel: Cancel | None,
    names: dict[str, str] | None,
    consume: bool = False,
    parallel: bool = False,
) -> ExportReport:
    """``export_personas`` one card at a time (render.card_stream). ``--uniform-type`` first
    finds each template's type step in a pass that keeps one number per card. ``--strict``
    refuses once the last card is laid out, inside the writer's atomic write; a format that
    writes a folder of files has its cards checked in a pass of their own first, so a
    refused export leaves no file behind."""
    out = Path(out)
    if not personas:
        raise UserError("There is no persona to export.")
    fmt = _card_format(options)
    check = lambda: _check_cancel(cancel)  # noqa: E731
    steps = card_stream.uniform_steps(personas, options, names, check) if options.uniform_type else None
    if options.strict and fmt.folder:
        for _lay in card_stream.laid_out(personas, options, names, steps, ExportReport(), check):
            pass
    report = ExportReport()
    stand_ins = [card_stream.CardName(p.name) for p in personas]
    cards = card_stream.laid_out(personas, options, names, steps, report, check, consume=consume, parallel=parallel)
    counted = _counting(plan_pages(cards, options), len(personas), progress, cancel)
    return _write(fmt, counted, out, options, stand_ins, report)


def _card_format(options: ExportOptions) -> formats.ExportFormat:
    fmt = formats.get(options.format)
    if fmt.kind != "cards":
        raise ValueError(f"{fmt.name} is not a card format; it writes personas, not layouts")
    return fmt


def _write(fmt: formats.ExportFormat, pages, out: Path, options: ExportOptions, layouts, report) -> ExportReport:
    try:
        fmt.writer(pages, out, options, layouts, report)
    except OSError as exc:
        raise UserError(os_message(exc, out)) from exc
    return report


# ----------------------------------------------------------------- pages
def _counting(plan: Iterable[PlannedPage], total: int, progress: Progress | None, cancel: Cancel | None):
    for page in plan:
        _check_cancel(cancel)
        yield page
        if progress is not None:
            progress(page.cards_done, total)


def _check_cancel(cancel: Cancel | None) -> None:
    if cancel is not None and cancel():
        raise ExportCancelled("The export was cancelled.")


def os_message(exc: OSError, out: Path) -> str:
    """The one sentence for a failed write of ``out`` (write_errors, by errno)."""
    from personadesigner.write_errors import write_error_message

    return write_error_message(exc, out)


__all__ = ["ExportCancelled", "export_layouts", "export_personas", "os_message"]
