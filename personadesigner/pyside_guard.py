"""Keep None alive under PySide6 6.12 on Python 3.11.

PySide6 6.12 returns ``None`` from every void method (``painter.save()``,
``widget.setText()``...) without taking a reference, as if ``None`` were
immortal, which it is only from Python 3.12 on. On 3.11 each such call drops
None's reference count by one, and after a few thousand calls Python aborts
with "none_dealloc: deallocating None" (a canvas repaint makes hundreds). The
guard gives None a reference count no program can exhaust: what 3.12 does.
Import it before any Qt call; it does nothing on Python 3.12 and later.
"""

from __future__ import annotations

import sys

_GUARD = 1 << 48
_done = False


def protect_none() -> None:
    """Raise None's reference count out of reach of the leak (once; 3.11 and older only)."""
    global _done
    if _done or sys.version_info >= (3, 12):
        return
    import ctypes

    # ob_refcnt is the first field of every PyObject in a release build.
    ctypes.c_ssize_t.from_address(id(None)).value += _GUARD
    _done = True


protect_none()
