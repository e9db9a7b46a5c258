"""Streaming export: each card is laid out, painted and released, so memory does not grow
with the number of cards, and the file is the one the held export wrote."""

from __future__ import annotations

import gc
import tracemalloc
import weakref

import pytest
from reportlab import rl_config

from personadesigner.core.export_options import ExportOptions
from personadesigner.core.persona import Persona
from personadesigner.errors import PreflightFailed
from personadesigner.render.export import export_layouts, export_personas
from personadesigner.render.page_plan import lay_out_for_export, uniform_type
from support.layout_caches import clear_layout_caches
from support.poppler import pdf_text

WORDS = ["research", "onboarding", "budget", "workshop", "pricing", "roadmap", "dashboard", "interview"]


def personas(count: int, first: int = 0) -> list[Persona]:
    """Different personas: stories and goals of many lengths, so cards fit at different sizes."""
    out = []
    for i in range(first, first + count):
        story = " ".join(WORDS[(i + k) % len(WORDS)] for k in range(8 + (i * 37) % 300))
        goals = [f"Goal {k} of persona {i}: {WORDS[k % len(WORDS)]}" for k in range(1 + i % 6)]
        out.append(
            Persona(
                name=f"Persona {i:05d}",
                role=f"Role {i % 13}",
                quote=f"We ship {WORDS[i % len(WORDS)]} on Fridays, persona {i}.",
                story=story,
                goals=goals,
                pain_points=[f"Pain {k}: {WORDS[(i + k) % len(WORDS)]} takes too long" for k in range(1 + i % 4)],
                motivations=[f"Motive {k} of {i}" for k in range(2)],
                behaviors=[f"Uses {WORDS[(i + k) % len(WORDS)]} tools daily" for k in range(1 + i % 3)],
            )
        )
    return out


def peak_bytes(batch: list[Persona], out, options: ExportOptions) -> int:
    """The most memory Python held at once while the cards of ``batch`` were laid out and
    painted (tracemalloc, up to the last page; reportlab then formats the whole file at once)."""
    peaks = []

    def progress(done: int, total: int) -> None:
        if done == total:
            peaks.append(tracemalloc.get_traced_memory()[1])

    gc.collect()
    tracemalloc.start()
    try:
        export_personas(batch, out, options, progress=progress)
    finally:
        tracemalloc.stop()
    return peaks[0]


def test_the_memory_an_export_needs_does_not_grow_with_its_cards(tmp_path):
    options = ExportOptions(template="profile")
    # Fonts and imports loaded, and the text caches hold these personas' words (and only
    # theirs), so only what the export itself keeps per card can make the larger batch need more.
    clear_layout_caches()
    export_personas(personas(180), tmp_path / "warm.pdf", options)
    small = peak_bytes(personas(60), tmp_path / "small.pdf", options)
    large = peak_bytes(personas(180), tmp_path / "large.pdf", options)
    # A held profile layout costs about 50 KB. A streamed card's page is in the file once it is
    # painted (render/pdf_stream.py): it leaves behind its cross-reference entry and bounded
    # cache entries, about 9 KB (14 KB while reportlab held each compressed page to the end).
    per_card = (large - small) / 120
    assert per_card < 35_000, f"{per_card / 1000:.1f} KB more per card ({small / 1e6:.1f} MB -> {large / 1e6:.1f} MB)"


@pytest.fixture
def invariant_pdfs():
    """reportlab writes no date or random document ID: two exports can be compared byte for byte."""
    before = rl_config.invariant
    rl_config.invariant = 1
    yield
    rl_config.invariant = before


@pytest.mark.parametrize(
    "options",
    [
        ExportOptions(template="card"),
        ExportOptions(template="business-card", page_size="Letter", per_page=10, crop_marks=True),
        ExportOptions(template="profile", uniform_type=True),
    ],
    ids=["card", "10-up", "uniform-type"],
)
def test_a_streamed_export_writes_the_file_the_held_export_wrote(tmp_path, invariant_pdfs, options):
    batch = personas(23)
    layouts = [lay_out_for_export(p, options) for p in batch]
    if options.uniform_type:
        assert len({lay.type_step for lay in layouts}) > 1  # the cards fit at different sizes on their own
        layouts = uniform_type(batch, layouts, options)
    export_layouts(layouts, tmp_path / "held.pdf", options)
    report = export_personas(batch, tmp_path / "streamed.pdf", options)
    assert (tmp_path / "streamed.pdf").read_bytes() == (tmp_path / "held.pdf").read_bytes()
    assert report.pages == (3 if options.per_page else 23)
    assert "Persona 00022" in pdf_text(tmp_path / "streamed.pdf")


def test_strict_refuses_a_problem_on_the_last_card_and_leaves_the_old_file(tmp_path):
    out = tmp_path / "cards.pdf"
    out.write_bytes(b"the print run of last week")
    batch = [*personas(30), Persona(name="Verbose Vera", quote="so many words " * 300)]
    with pytest.raises(PreflightFailed, match=r"^Text does not fit: .*Verbose Vera") as refused:
        export_personas(batch, out, ExportOptions(template="card", strict=True))
    assert refused.value.exit_code == 3 and all("Verbose Vera" in str(c) for c in refused.value.cuts)
    assert out.read_bytes() == b"the print run of last week"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cards.pdf"]  # no temporary file left


def test_strict_png_refuses_before_writing_any_image(tmp_path):
    folder = tmp_path / "pngs"
    batch = [*personas(3), Persona(name="Verbose Vera", quote="so many words " * 300)]
    with pytest.raises(PreflightFailed, match="Verbose Vera"):
        export_personas(batch, folder, ExportOptions(format="png", template="card", dpi=30, strict=True))
    assert not folder.exists()


def test_personas_handed_over_are_released_as_their_cards_print(tmp_path):
    """The command line reads the whole library for --all and hands the list over: 5000
    personas are about 29 MiB that need not outlive their cards."""
    batch = personas(30)
    first = weakref.ref(batch[0])
    alive_at_the_last_page = []

    def progress(done: int, total: int) -> None:
        if done == total:
            alive_at_the_last_page.append(first() is not None)

    report = export_personas(
        batch, tmp_path / "cards.pdf", ExportOptions(template="card"), progress=progress, consume=True
    )
    assert alive_at_the_last_page == [False]
    assert report.pages == 30 and "Persona 00000" in pdf_text(tmp_path / "cards.pdf", last=1)
