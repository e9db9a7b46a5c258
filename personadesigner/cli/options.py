"""Options shared by several command modules (one definition, so every command spells them alike)."""

from __future__ import annotations

import argparse


def library_option() -> argparse.ArgumentParser:
    """A parent parser with ``--library/-L``: the library a command opens (default: the user's)."""
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument("--library", "-L", metavar="L", help="library file or database URL (default: your library)")
    return parent
