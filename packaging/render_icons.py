"""Render the app icon from resources/icons/personadesigner.svg for every platform.

Writes into OUT_DIR: hicolor PNGs (``hicolor/<n>x<n>/apps/<APP_ID>.png`` for
16..512), the scalable SVG (``hicolor/scalable/apps/<APP_ID>.svg``), and the
Windows ``personadesigner.ico`` and macOS ``personadesigner.icns``. One SVG is
the single source, so the menu, the window and the installers show the same icon.
Rendered with Qt's own SVG renderer (PySide6 is a dependency anyway);
Pillow writes the .ico and .icns containers.

Run: python packaging/render_icons.py OUT_DIR
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "resources" / "icons" / "personadesigner.svg"
APP_ID = "io.github.personadesigner.PersonaDesigner"
SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)


def render(out: Path) -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841 (Qt needs one for painting)
    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        raise SystemExit(f"render_icons: {SOURCE} is not a valid SVG")
    written = []
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        renderer.render(painter)
        painter.end()
        target = out / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        if not image.save(str(target), "PNG"):
            raise SystemExit(f"render_icons: could not write {target}")
        written.append(target)
    scalable = out / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"
    scalable.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(SOURCE, scalable)
    return written


def containers(out: Path, pngs: list[Path]) -> None:
    """personadesigner.ico (Windows) and personadesigner.icns (macOS) from the PNGs."""
    from PIL import Image

    largest = Image.open(pngs[-1]).convert("RGBA")
    largest.save(out / "personadesigner.ico", sizes=[(s, s) for s in (16, 24, 32, 48, 64, 128, 256)])
    largest.save(out / "personadesigner.icns")


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 1
    out = Path(argv[0])
    out.mkdir(parents=True, exist_ok=True)
    pngs = render(out)
    containers(out, pngs)
    print(f"render_icons: {len(pngs)} PNG sizes, scalable SVG, .ico and .icns in {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
