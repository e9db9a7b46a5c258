"""Design files of one kind (templates, themes) in a folder, each parsed once per version of the file.

A file is parsed again when its modification time or size changes, so a template
or theme edited on disk (the template designer, a user's text editor) is used
without restarting; ``reload()`` forgets everything (an export looks its designs up
once, render.page_plan, so a batch prints one version of each). An unchanged file gives the
same object, which the layout engine's caches key on. A broken file is refused
with its own one-line error each time it is asked for, and never stops the other
files of the folder from loading.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, Generic, TypeVar

from personadesigner.core.design_files import read_design_file
from personadesigner.errors import UserError

T = TypeVar("T")


#: How long a folder must have been unchanged before its listing is kept (FAT's clock ticks in 2 s).
_SETTLED_NS = 3_000_000_000


class DesignFolder(Generic[T]):
    """``kind`` files ``<name>.json`` in ``folder()``, built by ``build(name, data, path)``."""

    def __init__(
        self,
        kind: str,
        folder: Callable[[], Path],
        build: Callable[[str, Any, Path], T],
        order: Callable[[list[str]], list[str]] = sorted,
    ) -> None:
        self.kind = kind
        self.folder = folder
        self.build = build
        self.order = order
        #: file path -> (its version when parsed, what was built)
        self._parsed: dict[str, tuple[tuple[int, int], T]] = {}
        #: (folder, its modification time, the names of its files): ``has`` without a stat per file
        self._listing: tuple[str, int, frozenset[str]] | None = None

    def names(self) -> list[str]:
        """Every ``*.json`` of the folder by name (broken ones too: loading them says what is wrong)."""
        return self.order([p.stem for p in self.folder().glob("*.json")])

    def has(self, name: object) -> bool:
        """True when the folder has a file for ``name``. An import asks twice per persona: the
        folder's listing is read again only when the folder changes (its modification time), and
        a name not in it is still looked for on disk (a file system that ignores case)."""
        if not isinstance(name, str) or not name or "/" in name or "\\" in name or name.startswith("."):
            return False
        file = f"{name}.json"
        return file in self._files() or (self.folder() / file).is_file()

    def _files(self) -> frozenset[str]:
        """The folder's ``*.json`` files. A listing is kept only once the folder has been unchanged
        for a while: a change within the same tick of its clock (coarse on some file systems)
        would leave its modification time as it was."""
        folder = str(self.folder())
        try:
            stamp = os.stat(folder).st_mtime_ns
        except OSError:
            return frozenset()
        listing = self._listing
        if listing is not None and listing[0] == folder and listing[1] == stamp:
            return listing[2]
        try:
            with os.scandir(folder) as entries:
                files = frozenset(e.name for e in entries if e.name.endswith(".json") and e.is_file())
        except OSError:  # removed or unreadable since the stat: each name is looked for on disk
            return frozenset()
        if time.time_ns() - stamp > _SETTLED_NS:
            self._listing = (folder, stamp, files)
        return files

    def load(self, name: str) -> T:
        """The parsed file ``name``; UserError naming the choices, or the file, key and what is allowed."""
        folder = self.folder()
        if isinstance(name, str):  # the everyday case, once per card of an export: strings, not Paths
            where = os.path.join(str(folder), f"{name}.json")
            found = self._parsed.get(where)
            if found is not None and _version(where) == found[0]:  # only names once found are cached
                return found[1]
        path = folder / f"{name}.json" if isinstance(name, str) else None
        found = self._parsed.get(str(path))
        if found is not None and _version(path) == found[0]:
            return found[1]
        version = _version(path) if path is not None else (-1, -1)
        data = read_design_file(self.kind, name, folder, self.names())
        made = self.build(name, data, path)
        self._parsed[str(path)] = (version, made)
        return made

    def load_all(self) -> tuple[list[T], list[UserError]]:
        """Every file that loads, and one error per file that does not."""
        good: list[T] = []
        bad: list[UserError] = []
        for name in self.names():
            try:
                good.append(self.load(name))
            except UserError as exc:
                bad.append(exc)
        return good, bad

    def reload(self) -> None:
        """Forget every parsed file: the next load reads the folder again."""
        self._parsed.clear()
        self._listing = None


def _version(path: Path | str) -> tuple[int, int]:
    try:
        st = os.stat(path)
    except OSError:
        return (-1, -1)
    return (st.st_mtime_ns, st.st_size)
