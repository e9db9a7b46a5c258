"""The set-level pages as CardLayouts: cover, overview, comparison grid, committee map, sources.

Each builder takes the personas (and the deck's spec and theme) and returns
laid-out pages at the slide's size; ``build_deck`` puts them in the spec's
order around the persona cards. Long text is cut to its room with an ellipsis
and a preflight line, as on a card.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from personadesigner.core.cardlayout import Box, CardLayout, Rule
from personadesigner.core.persona import RELATION_LABELS, SOURCE_KIND_LABELS, TYPE_LABELS, Persona
from personadesigner.core.themes import Theme, theme_or_default
from personadesigner.deck.geometry import arrow, edge_point
from personadesigner.deck.spec import GRID_FIELDS, DeckSpec, field_label
from personadesigner.deck.text import LEADING, paragraph

MARGIN = 36.0
BAND = 62.0
BOLD, REGULAR = "sans-bold", "sans"
#: Mini cards on one overview page, and persona columns on one grid page.
OVERVIEW_PER_PAGE = 30
GRID_COLUMNS = {"16:9": 5, "4:3": 4}


class _Page:
    """One page being built: its layout and the helpers every page shares."""

    def __init__(self, spec: DeckSpec, theme: Theme, kind: str, title: str) -> None:
        w, h = spec.size
        self.spec, self.theme, self.w, self.h = spec, theme, w, h
        self.layout = CardLayout(w, h, 0.0, persona_name="", template=f"deck:{kind}", theme=theme.name)
        self.items = self.layout.items
        self.items.append(Box(0, 0, w, h, fill=theme.colors["background"], field="deck_background"))
        if title:
            self.items.append(Box(0, 0, w, BAND, fill=theme.colors["accent"], field="deck_title"))
            self.text(
                MARGIN,
                (BAND - 22 * 1.25) / 2,
                w - 2 * MARGIN,
                title,
                BOLD,
                22,
                theme.colors["on_accent"],
                max_lines=1,
                field="deck_title",
            )
            footer = " · ".join(s for s in (spec.title, spec.date) if s)
            self.text(
                MARGIN,
                h - 22,
                w - 2 * MARGIN,
                footer,
                REGULAR,
                8,
                theme.colors["muted"],
                max_lines=1,
                align="right",
                field="deck_footer",
            )

    @property
    def top(self) -> float:
        return BAND + 18

    def text(self, x, y, w, text, font, size, color, quiet: bool = False, **kw) -> float:
        """Add a paragraph; its cut is a preflight line unless ``quiet`` (an excerpt, shown whole elsewhere)."""
        block, height = paragraph(x, y, w, text, font, size, color, **kw)
        if block is not None:
            self.items.append(block)
            if block.cut is not None and not quiet:
                self.layout.preflight.append(block.cut)
        return height

    def type_color(self, persona: Persona) -> str:
        return self.theme.color("type", persona.type)


# ----------------------------------------------------------------- cover
def cover(personas: Sequence[Persona], spec: DeckSpec, theme: Theme) -> CardLayout:
    page = _Page(spec, theme, "cover", "")
    w, h, c = page.w, page.h, theme.colors
    page.items.append(Box(0, 0, w, h * 0.62, fill=c["accent"], field="deck_band"))
    strip = w / max(1, len(personas))
    for i, p in enumerate(personas):  # a strip of the personas' type colours under the band
        page.items.append(Box(i * strip, h * 0.62 + 3, strip + 0.5, 8, fill=page.type_color(p)))
    y = h * 0.62 - 48 - 40 * LEADING * 2
    used = page.text(
        MARGIN * 1.5, y, w - 3 * MARGIN, spec.title, BOLD, 40, c["on_accent"], max_lines=2, field="deck_title"
    )
    page.text(
        MARGIN * 1.5,
        y + used + 6,
        w - 3 * MARGIN,
        spec.subtitle,
        REGULAR,
        18,
        c["on_accent_muted"],
        max_lines=2,
        field="deck_subtitle",
    )
    count = f"{len(personas)} persona{'s' if len(personas) != 1 else ''}"
    page.text(
        MARGIN * 1.5,
        h * 0.62 + 34,
        w - 3 * MARGIN,
        f"{spec.date}  ·  {count}",
        REGULAR,
        14,
        c["muted"],
        max_lines=1,
        field="deck_date",
    )
    return page.layout


# ----------------------------------------------------------------- overview
def overview(personas: Sequence[Persona], spec: DeckSpec, theme: Theme) -> list[CardLayout]:
    pages = []
    chunks = [personas[i : i + OVERVIEW_PER_PAGE] for i in range(0, len(personas), OVERVIEW_PER_PAGE)] or [[]]
    for n, chunk in enumerate(chunks):
        title = "The personas at a glance" + (f" ({n + 1} of {len(chunks)})" if len(chunks) > 1 else "")
        page = _Page(spec, theme, "overview", title)
        area_w, area_h = page.w - 2 * MARGIN, page.h - page.top - 36
        count = max(1, len(chunk))
        cols = max(1, min(count, math.ceil(math.sqrt(count * area_w / area_h * 0.75))))
        rows = math.ceil(count / cols)
        gap = 12.0
        cw = (area_w - gap * (cols - 1)) / cols
        ch = min((area_h - gap * (rows - 1)) / rows, cw * 0.9)
        for i, p in enumerate(chunk):
            x = MARGIN + (i % cols) * (cw + gap)
            y = page.top + (i // cols) * (ch + gap)
            _mini_card(page, p, x, y, cw, ch)
        pages.append(page.layout)
    return pages


def _mini_card(page: _Page, p: Persona, x: float, y: float, w: float, h: float) -> None:
    c, color = page.theme.colors, page.type_color(p)
    s = max(0.55, min(1.4, w / 170))  # type scale follows the card's size
    page.items.append(Box(x, y, w, h, fill=c["surface"], stroke=c["rule"], stroke_width=0.75, radius=6, field="name"))
    page.items.append(Box(x, y, w, 6 * s, fill=color, radius=0))
    pad = 9 * s
    d = min(34 * s, h * 0.3)
    page.items.append(Box(x + pad, y + 12 * s, d, d, fill=color, shape="ellipse"))
    initials = "".join(part[0] for part in p.name.split()[:2]).upper()
    page.text(
        x + pad,
        y + 12 * s + d / 2 - 6.5 * s * 0.75,
        d,
        initials,
        BOLD,
        10 * s,
        c["on_accent"],
        max_lines=1,
        align="center",
    )
    tx = x + pad * 2 + d
    page.text(
        tx,
        y + 12 * s,
        x + w - pad - tx,
        TYPE_LABELS.get(p.type, p.type).upper(),
        BOLD,
        7 * s,
        color,
        max_lines=1,
        field="type",
    )
    used = page.text(
        x + pad, y + 18 * s + d, w - 2 * pad, p.name, BOLD, 12 * s, c["text"], max_lines=2, field="name", persona=p.name
    )
    ty = y + 20 * s + d + used
    room = y + h - pad - ty
    lines = int(room // (8.5 * s * LEADING))
    if lines > 0:
        used = page.text(
            x + pad,
            ty,
            w - 2 * pad,
            p.role,
            REGULAR,
            8.5 * s,
            c["muted"],
            max_lines=min(2, lines),
            field="role",
            persona=p.name,
            quiet=True,
        )
        ty += used + 3 * s
        lines = int((y + h - pad - ty) // (8.5 * s * LEADING))
        if lines > 0 and p.quote:
            page.text(
                x + pad,
                ty,
                w - 2 * pad,
                f"“{p.quote}”",
                "serif-italic",
                8.5 * s,
                c["text"],
                max_lines=lines,
                field="quote",
                persona=p.name,
                quiet=True,
            )


# ----------------------------------------------------------------- grid
def grid(personas: Sequence[Persona], spec: DeckSpec, theme: Theme) -> list[CardLayout]:
    per = GRID_COLUMNS.get(spec.aspect, 5)
    chunks = [personas[i : i + per] for i in range(0, len(personas), per)] or [[]]
    fields = list(spec.grid_fields) or list(GRID_FIELDS)
    pages = []
    for n, chunk in enumerate(chunks):
        title = "How the personas compare" + (f" ({n + 1} of {len(chunks)})" if len(chunks) > 1 else "")
        page = _Page(spec, theme, "grid", title)
        c = theme.colors
        label_w = 104.0
        col_w = (page.w - 2 * MARGIN - label_w) / per
        head_h = 44.0
        top = page.top - 6
        row_h = (page.h - 36 - top - head_h) / len(fields)
        for j, p in enumerate(chunk):
            x = MARGIN + label_w + j * col_w
            page.items.append(Box(x + 2, top, col_w - 4, head_h - 4, fill=page.type_color(p), radius=4, field="name"))
            page.text(
                x + 8, top + 5, col_w - 16, p.name, BOLD, 11, c["on_accent"], max_lines=1, field="name", persona=p.name
            )
            page.text(
                x + 8,
                top + 22,
                col_w - 16,
                TYPE_LABELS.get(p.type, p.type),
                REGULAR,
                8.5,
                c["on_accent_muted"],
                max_lines=1,
                field="type",
            )
        size = 8.5
        for i, name in enumerate(fields):
            y = top + head_h + i * row_h
            if i % 2 == 0:
                page.items.append(Box(MARGIN, y, page.w - 2 * MARGIN, row_h, fill=c["surface"]))
            page.items.append(Rule(MARGIN, y, page.w - MARGIN, y, c["rule"], 0.6))
            page.text(MARGIN + 6, y + 6, label_w - 12, field_label(name), BOLD, 9, c["text"], max_lines=2)
            lines = max(1, int((row_h - 10) // (size * LEADING)))
            for j, p in enumerate(chunk):
                value = getattr(p, name)
                text = "\n".join(f"• {v}" for v in value) if isinstance(value, list) else value
                page.text(
                    MARGIN + label_w + j * col_w + 8,
                    y + 6,
                    col_w - 16,
                    text or "—",
                    REGULAR,
                    size,
                    c["text"] if text else c["muted"],
                    max_lines=lines,
                    field=name,
                    persona=p.name,
                )
        pages.append(page.layout)
    return pages


# ----------------------------------------------------------------- committee
def relations(personas: Sequence[Persona]) -> list[tuple[str, str, str]]:
    """(from, to, relation) between personas of the set, one per pair and meaning.

    "A uses what is bought by B" is the same link as "B buys for A": it is drawn once, as the latter.
    """
    # A link names its persona by id in a library, by name in a JSON file: both are looked up.
    names = {p.name: p.name for p in personas} | {p.id: p.name for p in personas if p.id}
    found: dict[tuple[str, str, str], None] = {}
    for p in personas:
        for r in p.related:
            other = names.get(r.persona)
            if other is None or other == p.name:
                continue
            if r.relation == "uses_what_is_bought_by":
                found[(other, p.name, "buys_for")] = None
            else:
                found[(p.name, other, r.relation)] = None
    return list(found)


#: Personas on one committee map: more share no readable page, so committees are spread over pages.
COMMITTEE_PER_PAGE = 8


def committees(personas: Sequence[Persona], links: list[tuple[str, str, str]]) -> list[list[Persona]]:
    """The linked personas as committees (connected groups), largest first, packed into pages."""
    parent: dict[str, str] = {}

    def root(n: str) -> str:
        while parent.setdefault(n, n) != n:
            n = parent[n]
        return n

    for a, b, _ in links:
        parent[root(a)] = root(b)
    groups: dict[str, list[Persona]] = {}
    for p in personas:
        if p.name in parent:
            groups.setdefault(root(p.name), []).append(p)
    pages: list[list[Persona]] = []
    for group in sorted(groups.values(), key=len, reverse=True):
        if pages and len(pages[-1]) + len(group) <= COMMITTEE_PER_PAGE:
            pages[-1].extend(group)
        else:
            pages.append(list(group))
    return pages


def committee(personas: Sequence[Persona], spec: DeckSpec, theme: Theme) -> list[CardLayout]:
    """One map per page of committees; a page that says so when no links are recorded."""
    links = relations(personas)
    pages = committees(personas, links)
    if not pages:
        page = _Page(spec, theme, "committee", "The buying committee")
        page.text(
            MARGIN,
            page.top + 40,
            page.w - 2 * MARGIN,
            "No relationships between these personas are recorded yet (Related personas: buys for, "
            "approves for, influences...).",
            REGULAR,
            14,
            theme.colors["muted"],
            max_lines=3,
            align="center",
        )
        return [page.layout]
    out = []
    for n, members in enumerate(pages):
        title = "The buying committee" + (f" ({n + 1} of {len(pages)})" if len(pages) > 1 else "")
        names = {p.name for p in members}
        out.append(_committee_page(members, [k for k in links if k[0] in names], spec, theme, title))
    return out


def _committee_page(members: list[Persona], links, spec: DeckSpec, theme: Theme, title: str) -> CardLayout:
    page = _Page(spec, theme, "committee", title)
    c = theme.colors
    groups: dict[str, list[Persona]] = {}
    for p in members:
        groups.setdefault(p.segment.strip() or "No segment", []).append(p)
    # named segments first (largest first), the personas without one last
    groups = dict(sorted(groups.items(), key=lambda kv: (kv[0] == "No segment", -len(kv[1]))))
    area_w, area_h = page.w - 2 * MARGIN, page.h - page.top - 40
    gap = 34.0
    gw = (area_w - gap * (len(groups) - 1)) / len(groups)
    rects: dict[str, tuple[float, float, float, float]] = {}
    for g, (segment, people) in enumerate(groups.items()):
        gx = MARGIN + g * (gw + gap)
        page.items.append(
            Box(
                gx,
                page.top,
                gw,
                area_h,
                fill=c["surface"],
                stroke=c["rule"],
                stroke_width=0.75,
                radius=8,
                field="segment",
            )
        )
        page.text(
            gx + 10,
            page.top + 8,
            gw - 20,
            segment.upper(),
            BOLD,
            8.5,
            c["muted"],
            max_lines=2,
            align="center",
            field="segment",
        )
        inner_top = page.top + 40
        slot = (area_h - 50) / len(people)
        node_h = min(58.0, slot * 0.62)
        node_w = min(gw * 0.62, 220.0)
        for i, p in enumerate(people):
            # alternate sides so arrows between neighbours in a group stay readable
            nx = gx + (gw - node_w) / 2 + (gw - node_w) * 0.3 * (1 if i % 2 else -1) * (len(people) > 1)
            ny = inner_top + i * slot + (slot - node_h) / 2
            rects[p.name] = (nx, ny, node_w, node_h)
            page.items.append(Box(nx, ny, node_w, node_h, fill=page.type_color(p), radius=6, field="name"))
            s = min(1.0, node_h / 50)
            page.text(
                nx + 8,
                ny + node_h / 2 - 14 * s,
                node_w - 16,
                p.name,
                BOLD,
                11.5 * s,
                c["on_accent"],
                max_lines=1,
                align="center",
                field="name",
                persona=p.name,
            )
            page.text(
                nx + 8,
                ny + node_h / 2 + 2 * s,
                node_w - 16,
                TYPE_LABELS.get(p.type, p.type),
                REGULAR,
                8.5 * s,
                c["on_accent_muted"],
                max_lines=1,
                align="center",
                field="type",
            )
    pairs = {(a, b) for a, b, _ in links}
    labels = []
    for a, b, kind in links:
        ra, rb = rects[a], rects[b]
        ca = (ra[0] + ra[2] / 2, ra[1] + ra[3] / 2)
        cb = (rb[0] + rb[2] / 2, rb[1] + rb[3] / 2)
        if (b, a) in pairs:  # two arrows between one pair: side by side, not on top of each other
            dx, dy = cb[0] - ca[0], cb[1] - ca[1]
            ln = math.hypot(dx, dy) or 1
            off = 7 if a < b else -7
            ca = (ca[0] - dy / ln * off, ca[1] + dx / ln * off)
            cb = (cb[0] - dy / ln * off, cb[1] + dx / ln * off)
        start, end = edge_point(ra, cb), edge_point(rb, ca)
        start = (start[0] + ca[0] - (ra[0] + ra[2] / 2), start[1] + ca[1] - (ra[1] + ra[3] / 2))
        end = (end[0] + cb[0] - (rb[0] + rb[2] / 2), end[1] + cb[1] - (rb[1] + rb[3] / 2))
        page.items.extend(arrow(start, end, c["text"]))
        labels.append(((start[0] + end[0]) / 2, (start[1] + end[1]) / 2, RELATION_LABELS.get(kind, kind)))
    for mx, my, label in labels:  # labels last: drawn over every shaft
        from personadesigner.core.text import measure

        lw = measure(label, BOLD, 8) + 12
        page.items.append(
            Box(
                mx - lw / 2,
                my - 8,
                lw,
                16,
                fill=c["background"],
                stroke=c["rule"],
                stroke_width=0.6,
                radius=8,
                field="relation",
            )
        )
        page.text(
            mx - lw / 2,
            my - 8 + (16 - 8 * 1.25) / 2,
            lw,
            label,
            BOLD,
            8,
            c["text"],
            max_lines=1,
            align="center",
            field="relation",
        )
    return page.layout


# ----------------------------------------------------------------- sources
def sources(personas: Sequence[Persona], spec: DeckSpec, theme: Theme) -> list[CardLayout]:
    """The research behind each persona, in two columns, as many pages as it takes."""
    entries: list[tuple[str, str]] = []
    for p in personas:
        facts = [f"Confidence: {p.confidence or 'not rated'}", f"Last validated: {p.last_validated or 'never'}"]
        entries.append(("head", p.name))
        entries.append(("meta", "  ·  ".join(facts)))
        for s in p.sources:
            bits = [SOURCE_KIND_LABELS.get(s.kind, s.kind.capitalize()), s.title, s.date]
            line = " — ".join(b for b in bits if b)
            entries.append(("item", f"• {line}" + (f" ({s.note})" if s.note else "")))
        if not p.sources:
            entries.append(("item", "• No research sources recorded"))
    pages: list[CardLayout] = []
    page = None
    col = 0
    y = 0.0
    cw = 0.0
    for kind, text in entries:
        font, size = {"head": (BOLD, 11), "meta": (REGULAR, 8), "item": (REGULAR, 8.5)}[kind]
        need = size * LEADING * (1 if kind != "item" else 2) + (8 if kind == "head" else 2)
        if kind == "head":  # a name keeps its first lines with it: no heading alone at a column's foot
            need += 8 * LEADING + 8.5 * LEADING * 2 + 4
        if page is None or y + need > page.h - 40:
            if page is not None and col == 0:
                col, y = 1, page.top
            else:
                page = _Page(spec, theme, "sources", "Appendix: research sources")
                pages.append(page.layout)
                col, y = 0, page.top
            cw = (page.w - 2 * MARGIN - 24) / 2
        x = MARGIN + col * (cw + 24)
        if kind == "head":
            y += 6
        color = theme.colors["muted"] if kind == "meta" else theme.colors["text"]
        y += page.text(x, y, cw, text, font, size, color, max_lines=2, field="sources") + 2
    return pages or [_Page(spec, theme, "sources", "Appendix: research sources").layout]


# ----------------------------------------------------------------- the deck
def build_deck(personas: Sequence[Persona], cards: Sequence[CardLayout], spec: DeckSpec) -> list[CardLayout]:
    """The deck's pages in the spec's order; "personas" is ``cards`` (one laid-out card each)."""
    theme = theme_or_default(spec.theme)
    out: list[CardLayout] = []
    for kind in spec.pages:
        if kind == "cover":
            out.append(cover(personas, spec, theme))
        elif kind == "overview":
            out.extend(overview(personas, spec, theme))
        elif kind == "grid":
            out.extend(grid(personas, spec, theme))
        elif kind == "committee":
            out.extend(committee(personas, spec, theme))
        elif kind == "personas":
            out.extend(cards)
        elif kind == "sources":
            out.extend(sources(personas, spec, theme))
    return out
