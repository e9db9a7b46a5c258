"""The PPTX export format: one editable slide per page (python-pptx, no Qt).

Each planned page (a card, or a deck page) becomes a slide drawn by the PPTX
painter: native shapes and text boxes, never a picture of the card. With
``--pptx-template`` the slides are built on the client's master and layout
(render.pptx_template); a layout with a title placeholder gets the page's title
and the card is fitted below it. A persona's slide carries its evidence as
speaker notes. The file is written atomically.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from personadesigner.render.formats import ExportFormat, register

#: The slide's margin around a fitted card when the client's layout has a title.
MARGIN_PT = 24.0


def page_title(layout) -> str:
    """A deck page's title (its band's text), else the persona's name."""
    for block in layout.text_blocks():
        if block.field == "deck_title":
            return " ".join(line.text for line in block.lines)
    return layout.persona_name


def cover_slide(prs, layout, cover) -> None:
    """The deck's cover on the client's own title slide: its title and subtitle placeholders filled."""
    from pptx.enum.shapes import PP_PLACEHOLDER

    texts = {b.field: " ".join(line.text for line in b.lines) for b in cover.text_blocks()}
    slide = prs.slides.add_slide(layout)
    for ph in list(slide.placeholders):
        kind = ph.placeholder_format.type
        if kind in (PP_PLACEHOLDER.CENTER_TITLE, PP_PLACEHOLDER.TITLE):
            ph.text = texts.get("deck_title", "")
        elif kind == PP_PLACEHOLDER.SUBTITLE:
            ph.text = "\n".join(t for t in (texts.get("deck_subtitle"), texts.get("deck_date")) if t)
        else:
            ph._element.getparent().remove(ph._element)


def write(pages: Iterable, out: Path, options, layouts: list, report) -> None:
    import io

    from pptx.util import Pt

    from personadesigner.atomic import atomic_write
    from personadesigner.errors import UserError
    from personadesigner.render.pptx_painter import PptxPainter
    from personadesigner.render.pptx_template import choose_layout, open_template

    if out.is_dir():
        raise UserError(f"{out} is a folder; give the PowerPoint file a name.")
    client = options.pptx_template is not None
    base = choose_layout(open_template(options.pptx_template), client, str(options.pptx_template or ""))
    prs = base.prs
    if not client:
        from personadesigner.deck.spec import ASPECTS

        w, h = ASPECTS.get(options.aspect, ASPECTS["16:9"])
        prs.slide_width, prs.slide_height = Pt(w), Pt(h)
    sw, sh = prs.slide_width / 12700, prs.slide_height / 12700
    painter = PptxPainter(options.pptx_fonts)
    for page in pages:
        for placement in page.sheet.placements:
            lay = placement.layout
            if base.cover is not None and lay.template == "deck:cover":
                cover_slide(prs, base.cover, lay)
                report.pages += 1
                continue
            slide = prs.slides.add_slide(base.layout)
            if base.strip_placeholders:
                for ph in list(slide.placeholders):
                    ph._element.getparent().remove(ph._element)
            title = slide.shapes.title if not base.strip_placeholders else None
            skip: set[str] = set()
            area = (0.0, 0.0, sw, sh)
            if title is not None:
                title.text = page_title(lay)
                top = (title.top + title.height) / 12700 + 6
                area = (MARGIN_PT, top, sw - 2 * MARGIN_PT, sh - top - MARGIN_PT)
                skip = {"deck_title", "deck_background"}
            elif client:
                skip = {"deck_background"}  # the client's master background shows through
            scale = min(area[2] / lay.width, area[3] / lay.height)
            x = area[0] + (area[2] - lay.width * scale) / 2
            y = area[1] + (area[3] - lay.height * scale) / 2 if title is None else area[1]
            painter.draw_layout(slide, lay, x, y, scale, skip)
            note = options.notes.get(lay.persona_id) if lay.persona_id else None
            if note:
                slide.notes_slide.notes_text_frame.text = note
            report.pages += 1
    # The fonts the slides name, where a client's IT looks first (File › Properties).
    from personadesigner.render.pptx_painter import fonts_used

    prs.core_properties.comments = "Fonts: " + ", ".join(fonts_used(layouts, options.pptx_fonts))
    prs.core_properties.title = options.deck.title if options.deck is not None else "Personas"
    buf = io.BytesIO()
    prs.save(buf)
    with atomic_write(out, "wb") as f:
        f.write(buf.getvalue())
    report.files.append(out)


PPTX = register(
    ExportFormat(
        key="pptx",
        name="PPTX",
        label="PowerPoint slides (editable text and shapes)",
        suffix=".pptx",
        folder=False,
        kind="cards",
        options=frozenset({"template", "theme", "strict", "speaker_notes"}),
        writer=write,
        painter="personadesigner.render.pptx_painter:PptxPainter",
        trim_pages=True,
        file_filter="PowerPoint presentations (*.pptx)",
        order=25,
    )
)
