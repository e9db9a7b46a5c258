"""The core, storage, interchange and the PDF path must work without Qt.

The command line exports PDFs on servers with no display and no Qt libraries;
that only stays true if no core module ever imports PySide6, so the rule is
checked here in a fresh interpreter rather than hoped for.
"""

from __future__ import annotations

import pathlib
import pkgutil
import subprocess
import sys

import personadesigner

HEADLESS_PACKAGES = ("core", "storage", "interchange", "deck")
#: The two render modules that paint with Qt (the canvas and PNG export); every other
#: render module is on the headless PDF path.
QT_RENDER_MODULES = ("qt_painter", "png")


def _headless_render_modules() -> list[str]:
    root = pathlib.Path(personadesigner.__path__[0], "render")
    return sorted(p.stem for p in root.glob("*.py") if p.stem not in QT_RENDER_MODULES + ("__init__",))


def _headless_modules() -> list[str]:
    names = []
    for pkg in HEADLESS_PACKAGES:
        mod = __import__(f"personadesigner.{pkg}", fromlist=["_"])
        for info in pkgutil.walk_packages(mod.__path__, prefix=f"personadesigner.{pkg}."):
            if ".migrations." in info.name:  # alembic env.py runs only inside alembic
                continue
            names.append(info.name)
    names += [f"personadesigner.render.{m}" for m in _headless_render_modules()]
    cli = __import__("personadesigner.cli", fromlist=["_"])
    names.append("personadesigner.cli")
    names += [info.name for info in pkgutil.iter_modules(cli.__path__, prefix="personadesigner.cli.")]
    names.append("personadesigner.images")
    return names


def test_headless_modules_import_no_qt():
    modules = _headless_modules()
    assert any(m.startswith("personadesigner.core.") for m in modules)
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}:\n"
        "    importlib.import_module(m)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6'))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"Qt was imported by the headless core: {out.stdout}"


def test_no_source_in_the_core_mentions_pyside():
    """Catch lazy imports too (inside functions), which the import test cannot see."""
    root = personadesigner.__path__[0]
    offenders = []
    for pkg in HEADLESS_PACKAGES:
        for path in pathlib.Path(root, pkg).rglob("*.py"):
            text = path.read_text(encoding="utf-8")
            if "PySide6" in text or "shiboken6" in text:
                offenders.append(str(path))
    render = _headless_render_modules()
    assert {"pdf", "export", "page_plan", "sheet", "marks", "tiling", "pdf_ops", "pdf_fonts"} <= set(render)
    for name in render:
        path = pathlib.Path(root, "render", f"{name}.py")
        text = path.read_text(encoding="utf-8")
        if "PySide6" in text or "shiboken6" in text:
            offenders.append(str(path))
    assert offenders == []
