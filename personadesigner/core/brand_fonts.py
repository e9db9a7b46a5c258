"""A theme's own font files as faces the layout engine and both painters use like the bundled ones.

core.fonts.FACES maps a face key to a file; the text engine (core.text.font_file),
the PDF painter and the Qt painter all read a face through that table. A
theme's TTF/OTF (checked by core.theme_assets) is written once to a folder of
this process and added to the table under a key made from its content, with
the bold/italic variants pointing at the same file (a brand font is usually
one file; headings are then its regular weight). The key is what a theme's
heading or body family becomes, so equal files share one face and a changed
file is a new face (nothing cached under the old key goes stale).
"""

from __future__ import annotations

import atexit
import hashlib
import shutil
import tempfile
from pathlib import Path

from personadesigner.core.fonts import FACES, FontFace

_folder: Path | None = None


def _fonts_folder() -> Path:
    global _folder
    if _folder is None or not _folder.is_dir():
        _folder = Path(tempfile.mkdtemp(prefix="personadesigner-fonts-"))
        atexit.register(shutil.rmtree, _folder, True)
    return _folder


def brand_face(data: bytes, family: str) -> str:
    """The family key of the font file ``data`` (``family``: the name inside it), added to FACES once."""
    key = "brand" + hashlib.blake2b(data, digest_size=6).hexdigest()
    if key not in FACES or not FACES[key].path.is_file():
        path = _fonts_folder() / f"{key}.ttf"
        path.write_bytes(data)
        for variant, bold, italic in (
            ("", False, False),
            ("-bold", True, False),
            ("-italic", False, True),
            ("-bolditalic", True, True),
        ):
            # An absolute filename: FontFace.path joins it onto the fonts folder, which keeps it as it is.
            FACES[key + variant] = FontFace(key + variant, str(path), family, bold=bold, italic=italic)
            _distinct_pdf_name(key + variant, variant)
    return key


def _distinct_pdf_name(key: str, variant: str) -> None:
    """The four variants are one file, so reportlab would name their PDF subsets alike
    ("AAAAAA+Brand") and refuse the second; the variant's suffix keeps them apart. The file
    is parsed once for the four (core/font_files.py)."""
    from personadesigner.core.text import font_file

    font_file(key).face.subfontNameX = variant.encode("ascii")
