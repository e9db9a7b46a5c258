"""A PDF written to its file page by page: a long export holds no finished page.

reportlab keeps every page (its dictionary, resources and content stream) until
``Canvas.save``, and ``save`` then builds the whole file in memory before
writing it: a 5000-card export held tens of MiB of finished pages and then
doubled the file's size in memory at the end. Here each page and its content
stream, and the photos it shows for the first time, are formatted by reportlab's
own objects as soon as the page is finished, written to the file, and replaced by
named stand-ins (the page tree and later pages still refer to them by name).
What is left at the end (the font subsets, the page tree, catalog, info,
cross-reference table and trailer) is written object by object, the same way
``PDFDocument.format`` does, straight into the file.

The bytes of every object are reportlab's; only their order in the file (pages
first) and their numbers differ from a file reportlab saves itself. The header's
version is known only at the end (transparency raises 1.3 to 1.4), so it is
written first and patched in place: the target must be seekable (a file, BytesIO).
"""

from __future__ import annotations

from typing import BinaryIO

from reportlab import rl_config
from reportlab.pdfbase import pdfdoc
from reportlab.pdfgen.canvas import Canvas

#: What reportlab writes after the version: a comment with bytes above 127 (binary file).
_HEADER_TAIL = b"\n%\223\214\213\236 ReportLab Generated PDF document (opensource)\n"


def _header(version: tuple[int, int]) -> bytes:
    return b"%%PDF-%d.%d" % version + _HEADER_TAIL


class _Written(pdfdoc.PDFObject):
    """Stands in for an object already in the file: references to it still resolve by name."""

    __slots__ = ("__InternalName__",)

    def __init__(self, name: str) -> None:
        setattr(self, pdfdoc.__InternalName__, name)

    def format(self, document):  # pragma: no cover - written objects are never formatted again
        raise RuntimeError("a PDF object was written twice")


class _WrittenImage(_Written):
    """A photo already in the file: a later page that draws it again asks its size."""

    __slots__ = ("height", "width")

    def __init__(self, name: str, width: int, height: int) -> None:
        super().__init__(name)
        self.width = width
        self.height = height


class PageStreamer:
    """Writes the pages of ``canvas`` into ``out`` as they finish, and then the rest (``finish``)."""

    def __init__(self, canvas: Canvas, out: BinaryIO) -> None:
        self.canvas = canvas
        self.doc = canvas._doc
        if not isinstance(self.doc.encrypt, pdfdoc.NoEncryption):  # pages would go out unencrypted
            raise ValueError("encrypted PDFs are written by reportlab's own save")
        self.out = out
        self.start = out.tell()
        self.offset = 0
        self._first_header = _header(self.doc._pdfVersion)
        self._add(self._first_header)
        #: objects numbered up to here have been looked at for photos
        self._looked_at = self.doc.objectcounter

    def _add(self, data: bytes) -> int:
        """Write ``data``; its offset from the start of the PDF."""
        where = self.offset
        self.out.write(data)
        self.offset = where + len(data)
        return where

    def _write_object(self, oid: str) -> None:
        """Format the registered object ``oid`` as an indirect object and write it (as PDFDocument.format)."""
        doc = self.doc
        obj = doc.idToObject[oid]
        formatted = pdfdoc.PDFIndirectObject(oid, obj).format(doc)
        if not rl_config.invariant and rl_config.pdfComments:
            self._add(pdfdoc.pdfdocEnc("%% %s: class %s \n" % (ascii(oid), obj.__class__.__name__[:50])))
        doc.idToOffset[oid] = self._add(formatted)

    def page_done(self) -> None:
        """Write the page ``canvas.showPage()`` has just added, its content stream and the photos it
        shows for the first time, and let them go."""
        doc = self.doc
        # photos (and their masks) drawn for the first time on this page: a library of portraits
        # would otherwise hold every one until the end
        for number in range(self._looked_at + 1, doc.objectcounter + 1):
            oid = doc.numberToId[number]
            image = doc.idToObject[oid]
            if isinstance(image, pdfdoc.PDFImageXObject):
                self._write_object(oid)
                doc.idToObject[oid] = _WrittenImage(oid, image.width, image.height)
        pages = doc.Pages.pages
        page = pages[-1]
        name = getattr(page, pdfdoc.__InternalName__)
        self._write_object(name)
        # formatting the page registered its content stream; shared objects it named (the page
        # tree, fonts, colour spaces) may still change and are written at the end
        contents = getattr(page.Contents, pdfdoc.__InternalName__, None)
        if contents is not None:
            self._write_object(contents)
            doc.idToObject[contents] = _Written(contents)
        doc.idToObject[name] = pages[-1] = _Written(name)
        self._looked_at = doc.objectcounter

    def finish(self) -> None:
        """Everything not written yet, the cross-reference table and the trailer; then the header's
        final version. Replaces ``canvas.save()``."""
        canvas, doc = self.canvas, self.doc
        if len(canvas._code):
            canvas.showPage()
            self.page_done()
        if getattr(doc, "_savedToFile", False):
            raise RuntimeError("this PDF was already saved")
        doc._savedToFile = True
        if getattr(doc, "_digiSigs", None):
            raise ValueError("signed PDFs are written by reportlab's own save")
        # PDFDocument.GetPDFData
        for font in doc.delayedFonts:
            font.addObjects(doc)
        doc.info.invariant = doc.invariant
        doc.info.digest(doc.signature)
        doc.Reference(doc.Catalog)
        doc.Reference(doc.info)
        doc.Outlines.prepare(doc, canvas)
        if doc.Outlines.ready < 0:
            doc.Catalog.Outlines = None
        # PDFDocument.format, writing each object as it is formatted
        doc.encrypt.prepare(doc)
        encrypt_info = doc.encrypt.info()
        encrypt_ref = doc.Reference(encrypt_info) if encrypt_info else None
        ids = []
        number = 0
        while True:
            number += 1
            oid = doc.numberToId.get(number)
            if oid is None:
                break
            if oid not in doc.idToOffset:
                self._write_object(oid)
            ids.append(oid)
        xref = pdfdoc.PDFCrossReferenceTable()
        xref.addsection(0, ids)
        xref_offset = self._add(xref.format(doc))
        trailer = pdfdoc.PDFTrailer(
            startxref=xref_offset,
            Size=len(ids) + 1,
            Root=doc.Reference(doc.Catalog),
            Info=doc.Reference(doc.info),
            Encrypt=encrypt_ref,
            ID=doc.ID(),
        )
        self._add(trailer.format(doc))
        self._patch_header()

    def _patch_header(self) -> None:
        """The version the document ended up needing, over the one written first (same length:
        nothing after it moves)."""
        header = _header(self.doc._pdfVersion)
        if header == self._first_header:
            return
        if len(header) != len(self._first_header):
            raise ValueError(f"PDF version {self.doc._pdfVersion} does not fit the header written first")
        end = self.out.tell()
        self.out.seek(self.start)
        self.out.write(header)
        self.out.seek(end)


__all__ = ["PageStreamer"]
