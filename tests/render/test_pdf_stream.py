"""A PDF is written page by page (render/pdf_stream.py): a long export holds no finished
page, and the file still reads as one reportlab saved itself."""

from __future__ import annotations

import io
import re

from personadesigner.core.export_options import ExportOptions
from personadesigner.core.persona import Persona
from personadesigner.render.page_plan import lay_out_for_export
from personadesigner.render.pdf import write_pdf
from personadesigner.render.sheet import card_sheet
from support.images import png
from support.poppler import pdf_fonts, pdf_info, pdf_pages, pdf_text, run


class _Pipe(io.RawIOBase):
    """A target that cannot seek (a pipe): the PDF is written by reportlab's own save."""

    def __init__(self) -> None:
        self.data = bytearray()

    def writable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return False

    def write(self, b) -> int:
        self.data += b
        return len(b)


def _sheets(count: int):
    options = ExportOptions(template="card")
    for i in range(count):
        persona = Persona(name=f"Persona {i:03d}", role="Buyer", goals=[f"Goal of persona {i}"], quote="Ship it.")
        yield card_sheet(lay_out_for_export(persona, options), with_marks=True)


def _xref_offsets_hold_their_objects(data: bytes) -> int:
    """Every in-use entry of the cross-reference table points at "<n> 0 obj"; how many there are."""
    start = int(data.rsplit(b"startxref", 1)[1].split()[0])
    assert data[start : start + 4] == b"xref"
    rows = data[start:].split(b"\n")
    first, count = map(int, rows[1].split())
    for n in range(first + 1, first + count):
        offset = int(rows[2 + n - first][:10])
        assert data[offset:].startswith(b"%d 0 obj" % n), f"object {n} is not at offset {offset}"
    return count - 1


def test_each_finished_page_is_in_the_file_before_the_next_is_drawn(tmp_path):
    out = tmp_path / "cards.pdf"
    written_before_page = []
    with out.open("wb") as f:

        def sheets():
            for sheet in _sheets(6):
                written_before_page.append(f.tell())
                yield sheet

        assert write_pdf(sheets(), f, title="Six cards") == 6
    # nothing of the PDF is kept back until the end: page n is in the file when page n+1 is drawn
    grows = written_before_page[1:]
    assert all(b > a for a, b in zip(grows, grows[1:])), written_before_page
    assert written_before_page[-1] > 2_000

    data = out.read_bytes()
    assert _xref_offsets_hold_their_objects(data) > 12
    assert pdf_pages(out) == 6
    assert all(f"Persona {i:03d}" in pdf_text(out, first=i + 1, last=i + 1) for i in range(6))

    # what reportlab's own save writes (into a pipe) reads the same: text, fonts, boxes, version
    pipe = _Pipe()
    write_pdf(_sheets(6), pipe, title="Six cards")
    saved = tmp_path / "saved.pdf"
    saved.write_bytes(bytes(pipe.data))
    assert data[:9] == bytes(pipe.data)[:9]  # %PDF-1.x: the version the document needed
    assert pdf_text(out) == pdf_text(saved)
    fonts = lambda path: [re.sub(r"\s+\d+\s+0$", "", row) for row in pdf_fonts(path)]  # noqa: E731 (object numbers)
    assert fonts(out) == fonts(saved) and len(fonts(out)) >= 2
    boxes = lambda path: [row for row in pdf_info(path, "-box", "-f", "1", "-l", "6").splitlines() if "Box" in row]  # noqa: E731
    assert boxes(out) == boxes(saved) and len(boxes(out)) == 30


def test_a_photo_is_in_the_file_once_its_first_page_is_and_later_pages_still_show_it(tmp_path):
    """A library of portraits: each photo is written with the first page that shows it, not
    held until the end; a card that shows it again refers to the one copy in the file."""
    options = ExportOptions(template="card")
    colors = [(200, 40, 90), (30, 120, 200), (200, 40, 90)]  # the third card repeats the first photo
    photos = [png((240, 240), color) for color in colors]
    out = tmp_path / "portraits.pdf"
    images_in_file = []
    with out.open("wb") as f:

        def sheets():
            for i, photo in enumerate(photos):
                f.flush()
                images_in_file.append(out.read_bytes().count(b"/Subtype /Image"))
                persona = Persona(name=f"Portrait {i}", role="Buyer", photo=photo)
                yield card_sheet(lay_out_for_export(persona, options))

        write_pdf(sheets(), f, title="Portraits")
    assert images_in_file == [0, 1, 2]
    listed = [row.split() for row in run("pdfimages", "-list", str(out)).splitlines()[2:]]
    assert [row[0] for row in listed] == ["1", "2", "3"]  # one image drawn on every page
    first, _second, third = (row[10] for row in listed)  # the object number of each page's image
    assert first == third and out.read_bytes().count(b"/Subtype /Image") == 2
    assert _xref_offsets_hold_their_objects(out.read_bytes()) > 10
