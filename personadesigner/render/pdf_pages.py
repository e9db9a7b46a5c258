"""Finished PDF pages compressed at once, so a long export does not hold their text.

reportlab keeps every page's content stream as text until ``Canvas.save`` and only
then compresses it: a 5000-card PDF held some 90 MiB of page text. Compressing a
page as soon as it is finished (Flate, with the dictionary reportlab's own filter
writes) keeps about a fifth of that.
"""

from __future__ import annotations

import zlib

from reportlab import rl_config
from reportlab.pdfbase.pdfdoc import PDFArray, PDFName, PDFStream, PDFZCompress
from reportlab.pdfgen.canvas import Canvas

#: zlib's level for page streams: 3 finds nearly all of a card page's repeats (its streams
#: come out some 10 % larger than at reportlab's default, 6) in half the time, which a
#: 1000-card export feels (some 8 ms of CPU). Fonts and forms keep reportlab's level.
PAGE_LEVEL = 3


def compress_last_page(canvas: Canvas) -> None:
    """Compress the page ``canvas.showPage()`` has just added, as ``save`` would have."""
    pages = canvas._doc.Pages.pages
    page = pages[-1] if pages else None
    # Only the plain case (Flate alone, no contents given): anything else is left to reportlab.
    if page is None or not page.compression or page.Contents or not page.stream or rl_config.useA85:
        return
    stream = PDFStream(content=zlib.compress(page.stream.encode("utf-8"), PAGE_LEVEL))
    stream.dictionary["Filter"] = PDFArray([PDFName(PDFZCompress.pdfname)])
    stream.__Comment__ = "page stream"
    page.Contents = stream
    page.stream = ""


__all__ = ["compress_last_page"]
