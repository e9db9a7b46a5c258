"""Where things are: bundled resources and the user's default library."""

from __future__ import annotations

import os
from functools import cache, lru_cache
from pathlib import Path

LIBRARY_ENV = "PERSONADESIGNER_LIBRARY"


@cache
def resources_dir() -> Path:
    """The bundled resources: inside the installed package, or the checkout's top level."""
    here = Path(__file__).resolve().parent
    installed = here / "resources"
    if (installed / "fonts").is_dir():
        return installed
    return here.parent / "resources"


@lru_cache(maxsize=512)
def resource(*parts: str) -> Path:
    """A bundled file or folder (one Path object per name: the layout asks for the templates'
    and themes' folders on every card of an export)."""
    return resources_dir().joinpath(*parts)


def user_data_dir() -> Path:
    from platformdirs import user_data_dir as _user_data_dir

    return Path(_user_data_dir("personadesigner", appauthor=False))


def default_library() -> str:
    """``PERSONADESIGNER_LIBRARY``, else ``<user data dir>/library.sqlite``."""
    env = os.environ.get(LIBRARY_ENV)
    if env:
        return env
    return str(user_data_dir() / "library.sqlite")
