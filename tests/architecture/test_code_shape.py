"""Code a developer can change safely: no tangled function, no UI module that does everything.

Issue 9 set two limits so the extension points stay readable: no function or method in
``personadesigner/`` above a cyclomatic complexity of 20 (radon's count: one plus each
branch, loop, boolean operator and comprehension condition), and no module under
``personadesigner/ui`` over 400 lines (main_window.py had grown to 738). A function
that crosses the line is split into named helpers, not exempted here.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from radon.complexity import cc_visit
from radon.visitors import Class, Function

import personadesigner

PACKAGE = Path(personadesigner.__file__).parent
REPO = PACKAGE.parent
MAX_COMPLEXITY = 20
MAX_UI_LINES = 400


def _functions(blocks: list[Function | Class]) -> Iterator[Function]:
    """Every function, method, closure and inner-class method radon found (each once)."""
    for block in blocks:
        if isinstance(block, Class):
            yield from _functions([*block.methods, *block.inner_classes])
        else:
            yield block
            yield from _functions(block.closures)


def _sources(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.py"))


def test_no_function_is_more_complex_than_20() -> None:
    offenders = set()
    for path in _sources(PACKAGE):
        blocks = cc_visit(path.read_text(encoding="utf-8"))
        for fn in _functions(blocks):
            if fn.complexity > MAX_COMPLEXITY:
                offenders.add((path.relative_to(REPO).as_posix(), fn.lineno, fn.fullname, fn.complexity))
    assert not offenders, (
        f"Cyclomatic complexity above {MAX_COMPLEXITY} (radon); split these into named helpers:\n"
        + "\n".join(f"  {file}:{line} {name} ({score})" for file, line, name, score in sorted(offenders))
    )


def test_no_ui_module_is_longer_than_400_lines() -> None:
    long = [
        (path.relative_to(REPO).as_posix(), n)
        for path in _sources(PACKAGE / "ui")
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_UI_LINES
    ]
    assert not long, f"UI modules over {MAX_UI_LINES} lines; move logic into new modules:\n" + "\n".join(
        f"  {file}: {n} lines" for file, n in long
    )
