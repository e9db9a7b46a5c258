"""The files behind the theme editor: a theme's JSON and assets to start from, SVG logos drawn to PNG.

The PDF painter is Qt-free and draws pixels, so an SVG logo is rasterised here,
once, when the user chooses it (QtSvg); the theme then stores the PNG.
"""

from __future__ import annotations

import json

from PySide6.QtCore import Qt

from personadesigner.core import themes as TH
from personadesigner.errors import UserError


def theme_source(name: str, library) -> tuple[dict, dict[str, bytes]]:
    """The JSON and files of the theme ``name``: a library theme's package or a built-in's file."""
    from personadesigner.core.theme_package import unpack

    package = library.theme_package(name) if library is not None and not TH.is_builtin_theme(name) else None
    if package is not None:
        return unpack(package, f'the library theme "{name}"')
    from personadesigner.paths import resource

    return json.loads(resource("themes", f"{name}.json").read_text(encoding="utf-8")), {}


def svg_to_png(data: bytes, name: str, side: int = 1200) -> bytes:
    """An SVG logo drawn into a PNG ``side`` pixels on its long side (the PDF painter needs pixels)."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(QByteArray(data))
    size = renderer.defaultSize()
    if not renderer.isValid() or size.isEmpty():
        raise UserError(f"The logo {name} is not an SVG image that can be drawn.")
    k = side / max(size.width(), size.height())
    image = QImage(max(1, round(size.width() * k)), max(1, round(size.height() * k)), QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(buffer.data())
