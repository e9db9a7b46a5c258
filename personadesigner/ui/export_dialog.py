"""The export dialog: the command line's ``export`` options as widgets, with a live preview.

Everything the dialog chooses ends up in one ``ExportOptions`` (the same object
the CLI builds), and the export itself is ``render.export.export_personas``
run by ``ExportWorker`` in a thread with a cancellable progress dialog. The
preview is page 1 drawn by the Qt painter from the same layout and sheet plan
the export writes, so what the preview shows is what the file holds.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QThread, QTimer, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from personadesigner.core.export_options import ExportOptions, ExportReport
from personadesigner.errors import UserError
from personadesigner.ui.design_bar import template_choices, theme_choices, theme_swatch
from personadesigner.ui.errors import message_box
from personadesigner.ui import export_feedback as feedback
from personadesigner.ui.export_worker import ExportWorker, start_export
from personadesigner.ui.settings import Settings
from personadesigner.ui.sheet_options import PER_PAGE_CHOICES, SHEET_SIZES, SheetOptions
from personadesigner.ui.sheet_options import is_poster as _is_poster

__all__ = ["PER_PAGE_CHOICES", "SCOPE_LABELS", "SHEET_SIZES", "ExportDialog"]

SCOPE_LABELS = {
    "current": "Current persona",
    "selected": "Selected personas",
    "filtered": "Personas in the filtered list",
    "all": "All personas in the library",
}
PREVIEW_SIZE = 300


class ExportDialog(QDialog):
    """Choose what to export and how; export in the background; report the result
    (``exportFinished``: the main window shows "Open" and "Show in folder"; nothing opens by itself)."""

    exportFinished = Signal(object)  # noqa: N815  ExportReport
    exportFailed = Signal(str)  # noqa: N815
    exportCancelled = Signal()  # noqa: N815

    def __init__(self, library, scopes: dict[str, list[str]], parent: QWidget | None = None,
                 *, settings: Settings | None = None) -> None:
        super().__init__(parent)
        self._settings = settings if settings is not None else Settings()
        self.setObjectName("exportDialog")
        self.setWindowTitle("Export persona cards")
        self._library = library
        self._scopes = {k: list(v) for k, v in scopes.items()}
        self._thread: QThread | None = None
        self._worker: ExportWorker | None = None
        self._progress: QProgressDialog | None = None
        self.last_report: ExportReport | None = None
        self.last_error: str | None = None
        self._plan_error: str | None = None
        #: The file name the dialog chose (not the user): it follows the scope until the user types one.
        self._auto_stem = ""
        self.output: Path | None = None
        self.exported_count = 0
        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(120)
        self._preview_timer.timeout.connect(self.update_preview)
        self._build()
        self._restore_path()
        self._sync_enabled()
        self.update_preview()

    # ------------------------------------------------------------------ build
    def _build(self) -> None:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)  # one even column of controls

        self.format_combo = self._combo("formatCombo", "Format")
        self.format_combo.addItem("PDF document (print-ready, vector text)", "pdf")
        self.format_combo.addItem("PNG images (one file per card)", "png")
        self.format_combo.setCurrentIndex(max(0, self.format_combo.findData(feedback.default_format(self._settings))))
        form.addRow("&Format:", self.format_combo)

        self.scope_combo = self._combo("scopeCombo", "Which personas")
        for key in ("current", "selected", "filtered", "all"):
            if key not in self._scopes:
                continue
            n = len(self._scopes[key])
            self.scope_combo.addItem(f"{SCOPE_LABELS[key]} ({n})", key)
            if n == 0:
                self.scope_combo.model().item(self.scope_combo.count() - 1).setEnabled(False)
        for i in range(self.scope_combo.count()):  # first scope that has personas
            if self._scopes[self.scope_combo.itemData(i)]:
                self.scope_combo.setCurrentIndex(i)
                break
        form.addRow("&Personas:", self.scope_combo)

        self.template_combo = self._combo("exportTemplateCombo", "Template")
        self.template_combo.addItem("Each persona's own", None)
        for name, title, size in template_choices():
            self.template_combo.addItem(f"{title} — {size}" if size else title, name)
        self.theme_combo = self._combo("exportThemeCombo", "Theme")
        self.theme_combo.addItem("Each persona's own", None)
        for name, label in theme_choices():
            self.theme_combo.addItem(theme_swatch(name), label, name)
        form.addRow("&Template:", self.template_combo)
        form.addRow("T&heme:", self.theme_combo)

        self.sheet = SheetOptions()
        self.sheet.add_rows(form)
        # The dialog's names for the shared paper widgets (tests and callers use them).
        self.page_combo, self.per_page_combo = self.sheet.page_combo, self.sheet.per_page_combo
        self.bleed_combo, self.bleed_edit = self.sheet.bleed_combo, self.sheet.bleed_edit
        self.marks_check, self.tile_combo = self.sheet.marks_check, self.sheet.tile_combo

        self.dpi_spin = QSpinBox()
        self.dpi_spin.setObjectName("dpiSpin")
        self.dpi_spin.setAccessibleName("Resolution in dots per inch")
        self.dpi_spin.setRange(72, 1200)
        self.dpi_spin.setSingleStep(50)
        self.dpi_spin.setValue(300)
        self.dpi_spin.setSuffix(" dpi")
        form.addRow("&Resolution:", self.dpi_spin)

        self.sheet.add_tile_row(form)

        out_row = QHBoxLayout()
        self.path_edit = QLineEdit()
        self.path_edit.setObjectName("outputPathEdit")
        self.path_edit.setAccessibleName("Output file or folder")
        self.browse_button = QPushButton("C&hoose…")
        self.browse_button.setObjectName("browseButton")
        out_row.addWidget(self.path_edit, 1)
        out_row.addWidget(self.browse_button)
        form.addRow(self._buddy("&Save to:", self.path_edit), out_row)

        self.preview = QLabel()
        self.preview.setObjectName("exportPreview")
        self.preview.setAccessibleName("Preview of the first page")
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setFixedSize(PREVIEW_SIZE, PREVIEW_SIZE)
        self.preview.setWordWrap(True)
        self.preview.setMargin(12)
        self.preview.setStyleSheet("background: #8a8d91; border-radius: 4px;")
        self.preview_caption = QLabel()
        self.preview_caption.setObjectName("previewCaption")
        self.preview_caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview_caption.setWordWrap(True)
        self.preview_caption.setMaximumWidth(PREVIEW_SIZE)
        side = QVBoxLayout()
        side.addWidget(self.preview)
        side.addWidget(self.preview_caption)
        side.addStretch(1)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.export_button = self.buttons.addButton("&Export", QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.setObjectName("exportButton")
        self.export_button.setDefault(True)

        top = QHBoxLayout()
        left = QWidget()
        left.setLayout(form)
        left.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        top.addWidget(left, 1)
        top.addSpacing(12)
        top.addLayout(side)
        outer = QVBoxLayout(self)
        outer.addLayout(top)
        outer.addWidget(self.buttons)

        self.buttons.rejected.connect(self.reject)
        self.export_button.clicked.connect(self.start_export)
        self.browse_button.clicked.connect(self.choose_path)
        for combo in (self.format_combo, self.scope_combo, self.template_combo, self.theme_combo):
            combo.currentIndexChanged.connect(self._changed)
        self.sheet.on_change(self._changed)
        self.format_combo.currentIndexChanged.connect(self._format_changed)
        self.scope_combo.currentIndexChanged.connect(self._scope_changed)

    def _buddy(self, text: str, widget: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(widget)
        return label

    def _combo(self, name: str, accessible: str) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.setAccessibleName(accessible)
        return combo

    # ------------------------------------------------------------------ state
    def _changed(self, *_args) -> None:
        self._sync_enabled()
        self._preview_timer.start()

    def _sync_enabled(self) -> None:
        self.dpi_spin.setEnabled(self.format_combo.currentData() == "png")
        poster = _is_poster(self.template_combo.currentData()) or (
            self.template_combo.currentData() is None
            and any(_is_poster(t) for t in self._scope_templates())
        )
        self.sheet.sync(poster)
        self._sync_export_button()

    def _scope_templates(self) -> set[str]:
        return {p.card.template for p in self._first_personas(self.persona_ids()[:1])}

    def _first_personas(self, ids: list[str]) -> list:
        """The whole personas the preview and the options look at, read once per scope
        (not on every option change or keystroke in the bleed field)."""
        cache = self.__dict__.setdefault("_persona_cache", {})
        out = []
        for pid in ids:
            if pid not in cache:
                try:
                    cache[pid] = self._library.get(pid)
                except UserError:  # deleted meanwhile: nothing to show or offer
                    cache[pid] = None
            if cache[pid] is not None:
                out.append(cache[pid])
        return out

    def scope(self) -> str:
        return self.scope_combo.currentData() or ""

    def set_scope(self, key: str) -> None:
        self.scope_combo.setCurrentIndex(self.scope_combo.findData(key))

    def persona_ids(self) -> list[str]:
        return list(self._scopes.get(self.scope(), []))

    def options(self) -> ExportOptions:
        """The ExportOptions the widgets describe; UserError for a bad custom bleed."""
        return ExportOptions(
            format=self.format_combo.currentData(),
            template=self.template_combo.currentData(),
            theme=self.theme_combo.currentData(),
            dpi=self.dpi_spin.value(),
            **self.sheet.values(),
        )

    # ------------------------------------------------------------ output path
    def _default_stem(self) -> str:
        ids = self.persona_ids()
        names = [p.name for p in self._first_personas(ids[:1])] if len(ids) == 1 else []
        return feedback.default_stem(names, len(ids), getattr(self._library, "name", "") or "")

    def _default_path(self, fmt: str) -> Path:
        """The persona's or the library's name, in the last export's folder."""
        self._auto_stem = self._default_stem()
        return feedback.output_path(feedback.default_folder(self._settings), self._auto_stem, fmt)

    def _restore_path(self) -> None:
        self.path_edit.setText(str(self._default_path(self.format_combo.currentData())))

    def _scope_changed(self, *_args) -> None:
        """One persona is named after itself, several after the library, unless the user typed a name."""
        current = Path(self.path_edit.text().strip())
        stem = current.stem if current.suffix.lower() == ".pdf" else current.name
        if not self._auto_stem or stem != self._auto_stem:
            return
        self._auto_stem = self._default_stem()
        fmt = self.format_combo.currentData()
        self.path_edit.setText(str(feedback.output_path(current.parent, self._auto_stem, fmt)))

    def _format_changed(self, *_args) -> None:
        """PDF writes a file, PNG a folder: keep the name, switch the suffix."""
        current = Path(self.path_edit.text().strip() or self._default_path("pdf"))
        if self.format_combo.currentData() == "png":
            self.path_edit.setText(str(current.with_suffix("") if current.suffix.lower() == ".pdf" else current))
        elif current.suffix.lower() != ".pdf":
            self.path_edit.setText(str(current.with_name(current.name + ".pdf")))

    def choose_path(self) -> None:
        current = self.path_edit.text().strip()
        if self.format_combo.currentData() == "pdf":
            path, _ = QFileDialog.getSaveFileName(self, "Export to PDF", current, "PDF documents (*.pdf)")
            if path and not path.lower().endswith(".pdf"):
                path += ".pdf"
        else:
            path = QFileDialog.getExistingDirectory(self, "Export PNG images to folder", current)
        if path:
            self.path_edit.setText(path)

    def output_path(self) -> Path:
        text = self.path_edit.text().strip()
        if not text:
            raise UserError("Choose where to save the export first.")
        return Path(text).expanduser()

    # ---------------------------------------------------------------- preview
    def update_preview(self) -> None:
        """Draw page 1 of the export as it will be written (or say why it cannot be)."""
        try:
            pixmap, caption = self._render_preview()
        except UserError as exc:
            # These choices cannot be exported (e.g. 8 cards do not fit on A4): say why.
            self._plan_error = str(exc)
            self.preview.setPixmap(QPixmap())
            self.preview.setText(self._plan_error)
            self.preview_caption.setText("")
        else:
            self._plan_error = None
            self.preview.setPixmap(pixmap)
            self.preview_caption.setText(caption)
        self._sync_export_button()

    def _sync_export_button(self) -> None:
        self.export_button.setEnabled(
            self._thread is None and bool(self.persona_ids()) and self._plan_error is None
        )
        self.export_button.setToolTip(self._plan_error or "")

    def _render_preview(self) -> tuple[QPixmap, str]:
        from personadesigner.related_names import related_names
        from personadesigner.ui.export_preview import first_page

        ids = self.persona_ids()
        if not ids:
            raise UserError("No personas to export.")
        from personadesigner.ui.export_preview import PREVIEW_CARDS

        personas = self._first_personas(ids[:PREVIEW_CARDS])
        if not personas:
            raise UserError("No personas to export.")
        key = tuple(p.id for p in personas)
        if self.__dict__.get("_names_key") != key:
            self._names_key, self._names = key, related_names(self._library, personas)
        names = self._names
        image, caption = first_page(personas, self.options(), len(ids), PREVIEW_SIZE - 16, names)
        return QPixmap.fromImage(image), caption

    # ----------------------------------------------------------------- export
    def start_export(self) -> bool:
        """Validate the choices and start the background export; False if it did not start."""
        if self._thread is not None:
            return False
        try:
            options = self.options()
            out = self.output_path()
            ids = self.persona_ids()
            if not ids:
                raise UserError("There are no personas to export in this choice.")
            if options.format == "pdf" and out.is_dir():
                raise UserError(f"{out} is a folder; type a file name ending in .pdf.")
        except UserError as exc:
            self._show_error(str(exc))
            return False
        self.last_report, self.last_error = None, None
        self._out, self._format = out, options.format
        self.exported_count = len(ids)
        self._worker = ExportWorker(self._library, ids, out, options)
        self._progress = QProgressDialog("Exporting persona cards…", "Cancel", 0, len(ids), self)
        self._progress.setObjectName("exportProgress")
        self._progress.setWindowTitle("Exporting")
        self._progress.setWindowModality(Qt.WindowModality.WindowModal)
        self._progress.setMinimumDuration(300)
        self._progress.setAutoClose(False)
        self._progress.setAutoReset(False)
        self._progress.canceled.connect(self.cancel_export)
        self._worker.progress.connect(self._on_progress)
        self._worker.finished.connect(self._on_finished)
        self._worker.failed.connect(self._on_failed)
        self._worker.cancelled.connect(self._on_cancelled)
        self.export_button.setEnabled(False)
        self._thread = start_export(self._worker, self)
        return True

    def cancel_export(self) -> None:
        if self._worker is not None:
            self._worker.cancel()
            if self._progress is not None:
                self._progress.setLabelText("Cancelling…")

    def worker(self) -> ExportWorker | None:
        """The running export's worker (its ``cancel`` is safe from any thread)."""
        return self._worker

    def is_exporting(self) -> bool:
        return self._thread is not None

    def _on_progress(self, done: int, total: int) -> None:
        progress = self._progress
        if progress is None:
            return
        progress.setMaximum(max(total, 1))
        progress.setLabelText(f"Exporting card {min(done + 1, total)} of {total}…")
        # Last: a modal progress dialog runs the event loop inside setValue(), where a
        # queued finished/cancelled may end the export and drop self._progress.
        progress.setValue(min(done, total))

    def _finish_thread(self) -> None:
        if self._thread is not None:
            self._thread.quit()
            self._thread.wait()
            self._thread.deleteLater()
        self._thread, self._worker = None, None
        if self._progress is not None:
            self._progress.canceled.disconnect(self.cancel_export)
            self._progress.close()
            self._progress.deleteLater()
            self._progress = None
        self._sync_export_button()

    def _on_finished(self, report: ExportReport) -> None:
        self._finish_thread()
        self.last_report = report
        self.output = self._out
        feedback.remember(self._settings, self._out, self._format)
        self.exportFinished.emit(report)
        if report.preflight:
            lines = "\n".join(f"• {cut}" for cut in report.preflight[:12])
            more = f"\n… and {len(report.preflight) - 12} more" if len(report.preflight) > 12 else ""
            self._show_info(
                "Some text did not fit",
                f"The export is written, but some text had to be cut:\n{lines}{more}\n\n"
                "Shorten it or choose a larger template.",
            )
        self.accept()

    def _on_failed(self, message: str, known: bool) -> None:
        self._finish_thread()
        self.last_error = message
        self.exportFailed.emit(message)
        if known:  # the message names the real cause and what to do (write_errors, by errno)
            self._show_error(f"{message} Nothing was overwritten.")
        else:  # a bug: advice about the place or the disk would mislead
            self._show_error(message + " Nothing was overwritten; the details were written to the log.")

    def _on_cancelled(self) -> None:
        self._finish_thread()
        self.exportCancelled.emit()

    def _show_error(self, message: str) -> None:
        self.last_error = message
        box = message_box(self, message, title="Export")
        box.setObjectName("exportError")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def _show_info(self, title: str, message: str) -> None:
        parent = self.parentWidget()
        box = message_box(parent, message, title=title, icon=QMessageBox.Icon.Information)
        box.setObjectName("exportPreflight")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def reject(self) -> None:
        if self._thread is not None:
            self.cancel_export()
            return
        super().reject()

    def closeEvent(self, event) -> None:  # noqa: N802
        if self._thread is not None:
            self.cancel_export()
            event.ignore()
            return
        super().closeEvent(event)
