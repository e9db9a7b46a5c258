"""A typed settings registry backed by QSettings.

Every option is declared once with its type and default, so a value from an
older version (or a hand-edited file) can never reach the app with the wrong
type; ``SETTINGS_VERSION`` and ``_MIGRATIONS`` upgrade stored settings when
an option is renamed or changes meaning.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

SETTINGS_VERSION = 1


@dataclass(frozen=True)
class Option:
    """One declared setting: its QSettings key, Python type and default."""

    key: str
    type: type
    default: Any
    doc: str = ""


OPTIONS: dict[str, Option] = {}


def _declare(name: str, key: str, type_: type, default: Any, doc: str = "") -> Option:
    option = Option(key, type_, default, doc)
    OPTIONS[name] = option
    return option


WINDOW_GEOMETRY = _declare("window_geometry", "window/geometry", QByteArray, QByteArray(), "main window geometry")
WINDOW_STATE = _declare("window_state", "window/state", QByteArray, QByteArray(), "toolbars and docks")
SPLITTER_SIZES = _declare("splitter_sizes", "window/splitter_sizes", list, [], "sidebar | canvas | form widths")
ZOOM = _declare("zoom", "canvas/zoom", float, 0.0, "canvas zoom; 0 means fit the card")
LAST_PERSONA = _declare("last_persona", "library/last_persona", dict, {}, "library location -> persona id")
RECENT_LIBRARIES = _declare("recent_libraries", "library/recent", list, [], "most recent first")
LAST_LIBRARY = _declare("last_library", "library/last", str, "", "the library opened last")
FORM_VISIBLE = _declare("form_visible", "window/form_visible", bool, True, "the form pane is shown (View > Show form)")
SIDEBAR_SORT = _declare("sidebar_sort", "sidebar/sort", str, "name", "name | updated | type")
EXPORT_FOLDER = _declare("export_folder", "export/folder", str, "", "where the last export was saved")
EXPORT_FORMAT = _declare("export_format", "export/format", str, "pdf", "pdf | png: the last export's format")
HISTORY_AUTHOR = _declare("history_author", "history/author", str, "", "the name revisions record; empty: the OS user")

RECENT_MAX = 8


def _coerce(option: Option, raw: Any) -> Any:
    """Turn what QSettings returns (often strings, for INI files) into the declared type."""
    if raw is None:
        return option.default
    t = option.type
    try:
        if t is QByteArray:
            return raw if isinstance(raw, QByteArray) else QByteArray(raw)
        if t is bool:
            if isinstance(raw, str):
                return raw.lower() in ("1", "true", "yes")
            return bool(raw)
        if t is float:
            return float(raw)
        if t is int:
            return int(raw)
        if t is str:
            return str(raw)
        if t is list:
            if isinstance(raw, (list, tuple)):
                return list(raw)
            if isinstance(raw, str):
                return [raw] if raw else []
            return option.default
        if t is dict:
            return dict(raw) if isinstance(raw, dict) else option.default
    except (TypeError, ValueError):
        return option.default
    return raw


def _migrate_0_to_1(qs: QSettings) -> None:
    """Version 0 had no version key: nothing to rename yet, only stamp the version."""


_MIGRATIONS: dict[int, Callable[[QSettings], None]] = {0: _migrate_0_to_1}


class Settings:
    """Typed access to the app's settings: ``settings.get(ZOOM)``, ``settings.set(ZOOM, 1.5)``."""

    def __init__(self, qsettings: QSettings | None = None) -> None:
        self.qsettings = qsettings if qsettings is not None else QSettings()
        self._migrate()

    @classmethod
    def from_file(cls, path: str) -> Settings:
        """Settings in an INI file (tests and portable installs)."""
        return cls(QSettings(str(path), QSettings.Format.IniFormat))

    def _migrate(self) -> None:
        version = int(self.qsettings.value("settings/version", 0) or 0)
        while version < SETTINGS_VERSION:
            _MIGRATIONS[version](self.qsettings)
            version += 1
        self.qsettings.setValue("settings/version", SETTINGS_VERSION)

    def get(self, option: Option) -> Any:
        raw = self.qsettings.value(option.key)
        value = _coerce(option, raw)
        if option.type in (list, dict):
            return type(value)(value)  # callers may mutate their copy
        return value

    def set(self, option: Option, value: Any) -> None:
        if not isinstance(value, option.type) and not (option.type is float and isinstance(value, int)):
            raise TypeError(f"setting {option.key} expects {option.type.__name__}, got {type(value).__name__}")
        self.qsettings.setValue(option.key, value)

    def sync(self) -> None:
        self.qsettings.sync()

    # ------------------------------------------------------------ helpers
    def add_recent_library(self, location: str) -> list[str]:
        recent = [loc for loc in self.get(RECENT_LIBRARIES) if loc != location]
        recent.insert(0, location)
        del recent[RECENT_MAX:]
        self.set(RECENT_LIBRARIES, recent)
        return recent

    def last_persona(self, library_location: str) -> str:
        return str(self.get(LAST_PERSONA).get(library_location, ""))

    def set_last_persona(self, library_location: str, persona_id: str) -> None:
        mapping = self.get(LAST_PERSONA)
        mapping[library_location] = persona_id
        self.set(LAST_PERSONA, mapping)
