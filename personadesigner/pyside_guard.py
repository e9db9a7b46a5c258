"""Keep None, True and False alive under PySide6 6.12 on Python 3.11.

PySide6 6.12 returns some singletons without taking a reference, as if they
were immortal, which they are only from Python 3.12 on (PEP 683): every void
method (``painter.save()``, ``widget.setText()``...) drops a reference to
``None`` and every ``signal.emit()`` one to ``True``. On 3.11 a few thousand
such calls bring the count to zero and Python aborts ("none_dealloc" /
"bool_dealloc"); a canvas repaint makes hundreds, typing emits signals on
every key. The guard gives these three objects a reference count no program
can exhaust, which is what 3.12 does. Import it before any Qt call; it does
nothing on Python 3.12 and later.
"""

from __future__ import annotations

import sys

_GUARD = 1 << 48
_done = False


def protect_singletons() -> None:
    """Raise the reference counts of None, True and False out of the leak's reach (once)."""
    global _done
    if _done or sys.version_info >= (3, 12):
        return
    import ctypes

    for obj in (None, True, False):
        # ob_refcnt is the first field of every PyObject in a release build.
        ctypes.c_ssize_t.from_address(id(obj)).value += _GUARD
    _done = True


protect_singletons()
