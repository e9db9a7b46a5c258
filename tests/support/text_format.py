"""A third card format for tests: plain text drawn by a third painter, registered at run time.

It proves that a format is one registration plus a painter: the CLI, the
export dialog and the page plan pick it up without any change of theirs.
"""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path

from personadesigner.render import formats
from personadesigner.render.painter import draw_primitives

KEY = "cardtext"


class TextPainter:
    """Writes each text block's lines; every other primitive is ink a text file does not hold."""

    def __init__(self) -> None:
        self.lines: list[str] = []

    def text_block(self, item) -> None:
        self.lines.extend(line.text for line in item.lines)

    def box(self, item) -> None: ...

    def rule(self, item) -> None: ...

    def polygon(self, item) -> None: ...

    def image_item(self, item) -> None: ...

    def slider(self, item) -> None: ...

    def icon(self, item) -> None: ...


def write(pages, out: Path, options, layouts, report) -> None:
    painter = TextPainter()
    for page in pages:
        for placement in page.sheet.placements:
            draw_primitives(placement.layout, painter)
        painter.lines.append("\f")
        report.pages += 1
    out.write_text("\n".join(painter.lines), encoding="utf-8")
    report.files.append(out)


TEXT = formats.ExportFormat(
    key=KEY,
    name="TXT",
    label="Card text (plain text)",
    suffix=".txt",
    folder=False,
    kind="cards",
    options={"template", "theme", "strict"},
    writer=write,
    painter=f"{__name__}:TextPainter",
    file_filter="Text files (*.txt)",
)


@contextmanager
def text_format_registered():
    formats.register(TEXT)
    try:
        yield TEXT
    finally:
        formats.unregister(KEY)
