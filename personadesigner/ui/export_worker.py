"""Runs an export off the GUI thread, so a 1000-card PDF never freezes the window.

The worker loads the personas (one library session for the action), calls
``render.export.export_personas`` with a progress callback (queued to the GUI
as a signal) and a cancel callback (a thread-safe flag the progress dialog's
Cancel sets). Known problems come back as one sentence; bugs keep their
traceback for the log.
"""

from __future__ import annotations

import logging
import threading
import traceback
from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal

from personadesigner.core.export_options import ExportOptions
from personadesigner.errors import UserError
from personadesigner.related_names import related_names

log = logging.getLogger(__name__)


class ExportWorker(QObject):
    """Loads and exports personas in a worker thread; reports through signals."""

    progress = Signal(int, int)  # done, total
    finished = Signal(object)  # ExportReport
    failed = Signal(str, bool)  # message, is a known (user) error
    cancelled = Signal()

    def __init__(self, library, persona_ids: list[str], out: Path, options: ExportOptions) -> None:
        super().__init__()
        self._library = library
        self._ids = list(persona_ids)
        self._out = Path(out)
        self._options = options
        self._stop = threading.Event()

    def cancel(self) -> None:
        """Ask the export to stop at its next card (safe from any thread)."""
        self._stop.set()

    def _progress(self, done: int, total: int | None = None) -> None:
        self.progress.emit(int(done), int(total if total is not None else len(self._ids)))

    def run(self) -> None:
        from personadesigner.render.export import export_personas

        try:
            personas = []
            for persona in self._library.iter_personas(self._ids):
                if self._stop.is_set():
                    self.cancelled.emit()
                    return
                personas.append(persona)
            names = related_names(self._library, personas)
            report = export_personas(
                personas,
                self._out,
                self._options,
                progress=self._progress,
                cancel=self._stop.is_set,
                names=names,
            )
        except UserError as exc:
            if self._stop.is_set():
                self.cancelled.emit()
            else:
                self.failed.emit(str(exc), True)
            return
        except Exception:  # noqa: BLE001 - a bug: the traceback goes to the log, the user gets one sentence
            log.error("export failed:\n%s", traceback.format_exc())
            self.failed.emit("The export failed because of an internal error in PersonaDesigner.", False)
            return
        if self._stop.is_set():
            self.cancelled.emit()
        else:
            self.finished.emit(report)


def start_export(worker: ExportWorker, parent: QObject | None = None) -> QThread:
    """Move ``worker`` to a new thread and start it; the thread quits when the worker is done."""
    thread = QThread(parent)
    worker.moveToThread(thread)
    thread.started.connect(worker.run)
    for signal in (worker.finished, worker.failed, worker.cancelled):
        signal.connect(thread.quit)
    thread.start()
    return thread
