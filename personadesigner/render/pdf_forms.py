"""Shapes every card of a batch repeats, drawn once per document as form XObjects.

Cards of a batch draw the same icons, avatar circles and badges at the same places;
written out on every card they were about a third of a page's content stream (and of
the time spent compressing it). A long path a document has already drawn ``INLINE``
times becomes a form XObject holding just that path; later cards draw it by name
(``/… Do``), in their own colour and transparency (a form inherits the graphics state
and sets nothing itself). A small export stays as it was: a form costs an object of
its own, which pays only when a path repeats page after page.
"""

from __future__ import annotations

from reportlab.pdfbase.pdfdoc import PDFFormXObject, PDFResourceDictionary
from reportlab.pdfgen.canvas import Canvas

#: Shorter paths stay in the page: "/FormXob.PDpathN Do" is some 20 characters.
MIN_LENGTH = 120
#: Times a path is written into the pages before it becomes a form (ten-up: three sheets): a
#: form costs an object of its own, which pays back only over the pages that follow.
INLINE = 30
#: At most this many forms per document, and paths counted (memory stays flat).
MAX_FORMS = 500
MAX_SEEN = 4_000

Box = tuple[float, float, float, float]


class PathForms:
    """The document's form XObjects of repeated paths (``operator`` says what to write)."""

    def __init__(self, canvas: Canvas) -> None:
        self.canvas = canvas
        #: path literal -> (form name, the operator that draws it)
        self._forms: dict[str, tuple[str, str]] = {}
        #: path literal -> times written into the pages so far
        self._seen: dict[str, int] = {}

    def operator(self, literal: str, box: Box) -> str:
        """What draws ``literal`` (a whole path with its painting operator) on this page: the
        literal itself the first ``INLINE`` times, then its form. ``box`` (x, y, w, h): where the path
        lies in the coordinates it is written in; the form's bounding box is wider
        (strokes and round caps reach past it)."""
        found = self._forms.get(literal)
        if found is None:
            if len(literal) < MIN_LENGTH or len(self._forms) >= MAX_FORMS:
                return literal
            seen = self._seen.get(literal, 0)
            if seen < INLINE:
                if not seen and len(self._seen) >= MAX_SEEN:
                    self._seen.clear()
                self._seen[literal] = seen + 1
                return literal
            del self._seen[literal]
            found = self._forms[literal] = self._make(literal, box)
        name, op = found
        used = self.canvas._formsinuse  # the page's /XObject resources (reportlab's list)
        if name not in used:
            used.append(name)
        return op

    def _make(self, literal: str, box: Box) -> tuple[str, str]:
        doc = self.canvas._doc
        x, y, w, h = box
        pad = max(w, h) + 72.0  # an inch more than the shape: any stroke, cap or control point
        form = PDFFormXObject(round(x - pad, 2), round(y - pad, 2), round(x + w + pad, 2), round(y + h + pad, 2))
        form.compression = self.canvas._pageCompression
        form.Resources = PDFResourceDictionary()  # a bare path: no fonts, no images
        form.setStreamList([literal])
        name = f"PDpath{len(self._forms)}"
        state = doc.inObject
        doc.addForm(name, form)
        doc.inObject = state  # addForm leaves "no object"; the page is still being drawn
        return name, f"/{doc.getXObjectName(name)} Do"


__all__ = ["PathForms"]
