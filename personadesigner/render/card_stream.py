"""Cards laid out one at a time for a streaming export: each is painted and released.

A 5000-card export that held every layout until the file was written peaked at
about 350 MiB (some 57 KB per card). Here a card is laid out only when its page is
made, and what outlives it is what the export reports: its preflight problems and
warnings (and, for ``--uniform-type``, one number per card from a first pass).
No Qt and no reportlab.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import NamedTuple

from personadesigner.core.cardlayout import CardLayout, Cut, LowResolution
from personadesigner.core.export_options import ExportOptions, ExportReport
from personadesigner.core.persona import Persona
from personadesigner.errors import PreflightFailed
from personadesigner.render.page_plan import lay_out_for_export

Cancel = Callable[[], None]


class CardName(NamedTuple):
    """What a streaming format's writer is handed of each card instead of its layout."""

    persona_name: str


def uniform_steps(
    personas: Sequence[Persona], options: ExportOptions, names: dict[str, str] | None, check_cancel: Cancel
) -> list[float | None]:
    """``--uniform-type``'s first pass: for each persona, the body shrink factor to lay it
    out at (its template's largest CardLayout.type_step), or None where its own fit is
    already that one (such a card is laid out as it is, as render.page_plan.uniform_type does).
    Only two numbers per card outlive this pass."""
    own: list[tuple[str, float | None]] = []
    deck: dict[str, float] = {}
    for persona in personas:
        check_cancel()
        lay = lay_out_for_export(persona, options, names)
        own.append((lay.template, lay.type_step))
        if lay.type_step is not None:
            deck[lay.template] = max(deck.get(lay.template, lay.type_step), lay.type_step)
    return [None if deck.get(template) in (None, step) else deck[template] for template, step in own]


def laid_out(
    personas: Sequence[Persona],
    options: ExportOptions,
    names: dict[str, str] | None,
    steps: list[float | None] | None,
    report: ExportReport,
    check_cancel: Cancel,
    *,
    consume: bool = False,
    parallel: bool = False,
) -> Iterator[CardLayout]:
    """Each persona's card, laid out when asked for; its preflight goes into ``report``.

    ``consume``: ``personas`` is a list handed over for good, and each persona is dropped
    from it (its slot set to None) once its card is made, so a whole library read for the
    export is released as it prints. ``parallel``: a long batch may be laid out mostly by a
    forked helper process (render.parallel_layout; the command line's export). With ``--strict``,
    once the last card has come and any of them had a problem, this raises PreflightFailed
    (naming the first problem): the writer is still inside its atomic write, so nothing
    appears under the target name."""

    def lay_out(i: int, persona: Persona) -> CardLayout:
        return lay_out_for_export(persona, options, names, type_step=steps[i] if steps else None)

    if parallel:
        from personadesigner.render.parallel_layout import in_parallel

        cards = in_parallel(personas, lay_out)
    else:
        cards = (lay_out(i, persona) for i, persona in enumerate(personas))
    for i, lay in enumerate(cards):
        check_cancel()
        if consume:
            personas[i] = None  # type: ignore[index]
        record(report, lay, options.backs)
        yield lay
    if options.strict and report.preflight:
        raise refusal(report.preflight)


def record(report: ExportReport, lay: CardLayout, backs: bool) -> None:
    """What an export's report keeps of a card: the preflight of both its sides, and its
    template's name when backs were asked for and it has none."""
    for side in (lay, lay.back) if lay.back is not None else (lay,):
        report.preflight.extend(side.problems())
        report.warnings.extend(side.warnings())
    if backs and lay.back is None and not lay.template.startswith("deck:") and lay.template not in report.without_back:
        report.without_back.append(lay.template)


def refusal(problems: list) -> PreflightFailed:
    """The ``--strict`` failure: the first problem in one sentence, and how many more."""
    first = problems[0]
    more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
    what = {Cut: "Text does not fit", LowResolution: "Photo resolution too low"}.get(type(first), "Preflight")
    return PreflightFailed(f"{what}: {first}{more}.", problems)


__all__ = ["CardName", "laid_out", "record", "refusal", "uniform_steps"]
