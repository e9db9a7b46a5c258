"""PDF/X-4 for presses: the output intent, the version keys and the XMP packet, in reportlab.

Why PDF/X-4 and not PDF/X-1a: cards use transparency (tinted fills, faded
badges), which PDF/X-1a forbids, so X-1a would mean flattening every card into
pieces; X-4 keeps it live and leaves flattening to the press's RIP. X-4 also
allows ICC-based colour, though this file writes device CMYK (and grey) only,
made for the profile named in the output intent. What X-4 asks of the file
and where it comes from:

- an OutputIntent (GTS_PDFX) carrying the press profile (here);
- GTS_PDFXVersion and Trapped in the Info dictionary, the same in an XMP
  metadata stream with a document id, version and rendition class (here);
- PDF 1.6 at most, a document ID (reportlab writes one);
- TrimBox and BleedBox on every page, fonts embedded, no RGB (render.pdf
  with its ``cmyk`` colour model).

No Qt; reportlab's objects only, no post-processing of the written file.
"""

from __future__ import annotations

import datetime as _dt
import hashlib

from reportlab.pdfbase.pdfdoc import (
    PDFArray,
    PDFDictionary,
    PDFInfo,
    PDFName,
    PDFStream,
    PDFString,
    PDFZCompress,
)
from reportlab.pdfbase.pdfdoc import (
    format as pdf_format,
)
from reportlab.pdfgen.canvas import Canvas

from personadesigner.render.color import OUTPUT_CONDITION, OUTPUT_CONDITION_INFO, profile_bytes

VERSION = "PDF/X-4"
#: The highest PDF version PDF/X-4 allows.
PDF_VERSION = (1, 6)


class _RawStream(PDFStream):
    """A stream written as it is, without reportlab's empty ``/Filter []``."""

    def format(self, document):
        d = PDFDictionary(self.dictionary.dict.copy())
        content = document.encrypt.encode(self.content)
        d["Length"] = len(content)
        return pdf_format(d, document) + b"\nstream\n" + pdf_format(content, document) + b"endstream\n"


class _PdfxInfo(PDFInfo):
    """The Info dictionary with the PDF/X version key (reportlab's has no room for extra keys)."""

    def format(self, document):
        body = PDFInfo.format(self, document)
        return body.replace(b"<<", b"<<\n/GTS_PDFXVersion " + PDFString(VERSION).format(document) + b" ", 1)


def make_pdfx(canvas: Canvas) -> None:
    """Turn ``canvas`` (made with ``pdfVersion=PDF_VERSION``) into a PDF/X-4 document.

    Call before drawing: the metadata is written when the canvas is saved.
    """
    doc = canvas._doc
    info = _PdfxInfo()
    info.__dict__.update(doc.info.__dict__)
    info.trapped = "False"
    doc.info = info
    profile = PDFStream(
        PDFDictionary({"N": 4}),
        profile_bytes(),
        filters=[PDFZCompress],
    )
    intent = PDFDictionary(
        {
            "Type": PDFName("OutputIntent"),
            "S": PDFName("GTS_PDFX"),
            "OutputConditionIdentifier": PDFString(OUTPUT_CONDITION),
            "RegistryName": PDFString("http://www.color.org"),
            "Info": PDFString(OUTPUT_CONDITION_INFO),
            "DestOutputProfile": doc.Reference(profile),
        }
    )
    catalog = doc.Catalog
    catalog.__NoDefault__ = [*type(catalog).__NoDefault__, "OutputIntents"]
    catalog.OutputIntents = PDFArray([intent])


def add_metadata(canvas: Canvas, *, title: str, producer: str, creator: str) -> None:
    """The XMP packet PDF/X-4 asks for, matching the Info dictionary (call just before save)."""
    # Here, not at the top: xml.sax.saxutils loads urllib.request, http.client and email (~20 ms),
    # and every PDF export imports this module for PDF_VERSION.
    from xml.sax.saxutils import escape

    doc = canvas._doc
    stamp = doc._timeStamp
    y, mo, d, h, mi, s = stamp.YMDhms
    offset = f"{stamp.dhh:+03d}:{stamp.dmm:02d}"
    when = f"{y:04d}-{mo:02d}-{d:02d}T{h:02d}:{mi:02d}:{s:02d}{offset}"
    digest = hashlib.md5(f"{title}{when}{_dt.datetime.now().timestamp()}".encode()).hexdigest()
    uuid = f"uuid:{digest[:8]}-{digest[8:12]}-{digest[12:16]}-{digest[16:20]}-{digest[20:32]}"
    xmp = f"""<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
    xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/"
    xmlns:pdfxid="http://www.npes.org/pdfx/ns/id/">
   <dc:format>application/pdf</dc:format>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{escape(title)}</rdf:li></rdf:Alt></dc:title>
   <xmp:CreateDate>{when}</xmp:CreateDate>
   <xmp:ModifyDate>{when}</xmp:ModifyDate>
   <xmp:MetadataDate>{when}</xmp:MetadataDate>
   <xmp:CreatorTool>{escape(creator)}</xmp:CreatorTool>
   <pdf:Producer>{escape(producer)}</pdf:Producer>
   <pdf:Trapped>False</pdf:Trapped>
   <xmpMM:DocumentID>{uuid}</xmpMM:DocumentID>
   <xmpMM:InstanceID>{uuid}</xmpMM:InstanceID>
   <xmpMM:VersionID>1</xmpMM:VersionID>
   <xmpMM:RenditionClass>default</xmpMM:RenditionClass>
   <pdfxid:GTS_PDFXVersion>{VERSION}</pdfxid:GTS_PDFXVersion>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>"""
    # uncompressed: preflight tools and the RIP read it as text
    stream = _RawStream(PDFDictionary({"Type": PDFName("Metadata"), "Subtype": PDFName("XML")}), xmp.encode("utf-8"))
    doc.Catalog.Metadata = stream


__all__ = ["PDF_VERSION", "VERSION", "add_metadata", "make_pdfx"]
