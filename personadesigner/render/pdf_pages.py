"""Finished PDF pages compressed at once, so a long export does not hold their text.

reportlab keeps every page's content stream as text until ``Canvas.save`` and only
then compresses it: a 5000-card PDF held some 90 MiB of page text. Compressing a
page as soon as it is finished (with reportlab's own Flate filter, and the same
dictionary) writes the same bytes and keeps about a fifth of that.
"""

from __future__ import annotations

from reportlab import rl_config
from reportlab.pdfbase.pdfdoc import PDFArray, PDFName, PDFStream, PDFZCompress
from reportlab.pdfgen.canvas import Canvas


def compress_last_page(canvas: Canvas) -> None:
    """Compress the page ``canvas.showPage()`` has just added, as ``save`` would have."""
    pages = canvas._doc.Pages.pages
    page = pages[-1] if pages else None
    # Only the plain case (Flate alone, no contents given): anything else is left to reportlab.
    if page is None or not page.compression or page.Contents or not page.stream or rl_config.useA85:
        return
    stream = PDFStream(content=PDFZCompress.encode(page.stream))
    stream.dictionary["Filter"] = PDFArray([PDFName(PDFZCompress.pdfname)])
    stream.__Comment__ = "page stream"
    page.Contents = stream
    page.stream = ""


__all__ = ["compress_last_page"]
