"""The presentation a PPTX export starts from: python-pptx's default, or the client's template.

A client's .pptx or .potx brings its slide master, layouts, theme colours and
fonts and its logo (which lives on the master or layouts, so every slide shows
it). A .potx is a .pptx whose main part has another content type: it is opened
from a copy with that one type changed. The slides a template may already hold
are removed. A file that is not a PowerPoint file, an encrypted one (an OLE
compound file, as Office saves password-protected files), a damaged one or one
without layouts is a UserError: one sentence, and nothing is written.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

from personadesigner.errors import UserError

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_TEMPLATE_TYPE = b"application/vnd.openxmlformats-officedocument.presentationml.template.main+xml"
_PRESENTATION_TYPE = b"application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"
#: Layout names chosen first, in this order (PowerPoint's English names; matched case-insensitively).
PREFERRED_LAYOUTS = ("title only", "blank")


@dataclass
class Base:
    """The opened presentation, the layout every slide uses and what to tell the user."""

    prs: object  # pptx.presentation.Presentation
    layout: object  # pptx.slide.SlideLayout
    strip_placeholders: bool
    note: str = ""
    #: The client's title-slide layout (a centred title), for the deck's cover; None: the cover is drawn.
    cover: object = None


def _bytes(path: Path) -> bytes:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise UserError(f"The PowerPoint template {path} does not exist.") from None
    except IsADirectoryError:
        raise UserError(f"The PowerPoint template {path} is a folder, not a .pptx or .potx file.") from None
    except OSError as exc:
        raise UserError(f"Cannot read the PowerPoint template {path}: {exc.strerror or exc}.") from None
    if data.startswith(_OLE_MAGIC):
        raise UserError(
            f"The PowerPoint template {path} is password-protected (encrypted); save an unprotected copy and use that."
        )
    if not data.startswith(b"PK"):
        raise UserError(f"The PowerPoint template {path} is not a .pptx or .potx file.")
    return data


def _as_presentation(data: bytes, path: Path) -> bytes:
    """The package with a template's main content type changed to a presentation's."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as src:
            types = src.read("[Content_Types].xml")
            if _TEMPLATE_TYPE not in types:
                return data
            out = io.BytesIO()
            with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
                for info in src.infolist():
                    body = src.read(info.filename)
                    if info.filename == "[Content_Types].xml":
                        body = types.replace(_TEMPLATE_TYPE, _PRESENTATION_TYPE)
                    dst.writestr(info, body)
            return out.getvalue()
    except (zipfile.BadZipFile, KeyError, OSError, EOFError, zipfile.LargeZipFile) as exc:
        raise UserError(f"The PowerPoint template {path} is damaged ({exc}).") from None


def open_template(path: str | Path | None):
    """The presentation (python-pptx) of ``path``, or the default one when None; checked."""
    from pptx import Presentation

    if path is None:
        return Presentation()
    path = Path(path)
    data = _as_presentation(_bytes(path), path)
    try:
        prs = Presentation(io.BytesIO(data))
    except Exception as exc:  # noqa: BLE001 - python-pptx raises KeyError, ValueError, lxml errors... on a broken package
        raise UserError(f"The PowerPoint template {path} is damaged ({type(exc).__name__}).") from None
    if not any(True for master in prs.slide_masters for _ in master.slide_layouts):
        raise UserError(f"The PowerPoint template {path} has no slide layouts.")
    _remove_slides(prs)
    return prs


def _remove_slides(prs) -> None:
    """Drop the example slides a template may carry: the deck holds only ours."""
    ids = prs.slides._sldIdLst  # python-pptx has no public delete
    for sld in list(ids):
        prs.part.drop_rel(sld.rId)
        ids.remove(sld)


def _layouts(prs):
    for master in prs.slide_masters:
        yield from master.slide_layouts


def _title(layout):
    from pptx.enum.shapes import PP_PLACEHOLDER

    for ph in layout.placeholders:
        if ph.placeholder_format.type in (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE):
            return ph
    return None


def _content_placeholders(layout) -> list:
    """Placeholders a slide would show empty ("Click to add text"): all but title and footers."""
    from pptx.enum.shapes import PP_PLACEHOLDER

    quiet = {
        PP_PLACEHOLDER.TITLE,
        PP_PLACEHOLDER.CENTER_TITLE,
        PP_PLACEHOLDER.DATE,
        PP_PLACEHOLDER.FOOTER,
        PP_PLACEHOLDER.SLIDE_NUMBER,
    }
    return [ph for ph in layout.placeholders if ph.placeholder_format.type not in quiet]


def choose_layout(prs, client: bool, source: str = "") -> Base:
    """ "Title Only" or "Blank" by name, else a layout with at most a title; else the emptiest, stripped."""
    layouts = list(_layouts(prs))
    if not client:
        blank = next(lay for lay in layouts if lay.name.lower() == "blank")
        return Base(prs, blank, False)
    base = _choose(layouts, source)
    base.prs, base.cover = prs, _cover(layouts)
    return base


def _cover(layouts):
    from pptx.enum.shapes import PP_PLACEHOLDER

    for lay in layouts:
        if any(ph.placeholder_format.type == PP_PLACEHOLDER.CENTER_TITLE for ph in lay.placeholders):
            return lay
    return None


def _choose(layouts, source: str) -> Base:
    prs = None
    for wanted in PREFERRED_LAYOUTS:
        for lay in layouts:
            if lay.name.strip().lower() == wanted:
                return Base(prs, lay, False)
    for lay in layouts:
        if not _content_placeholders(lay):
            return Base(prs, lay, False)
    lay = min(layouts, key=lambda lay: len(_content_placeholders(lay)))
    note = (
        f'{source or "The template"} has no "Title Only" or "Blank" layout; slides use its layout '
        f'"{lay.name}" as a blank one (its content placeholders removed).'
    )
    return Base(prs, lay, True, note)


def title_placeholder(layout):
    return _title(layout)


__all__ = ["Base", "choose_layout", "open_template", "title_placeholder"]
