"""The export dialog: the command line's ``export`` options as widgets, with a live preview.

Everything the dialog chooses ends up in one ``ExportOptions`` (the same object
the CLI builds), and the export itself is ``render.export.export_personas``
run by ``ExportWorker`` in a thread with a cancellable progress dialog. The
preview is page 1 drawn by the Qt painter from the same layout and sheet plan
the export writes, so what the preview shows is what the file holds.

The pieces have their own modules: the scope (ui.export_scope), the format and
its resolution (ui.format_options, from the formats registry), the paper
(ui.sheet_options), the output path (ui.export_target) and the preview column
(ui.export_preview_pane). An option the chosen format does not honour is
disabled, and left out of its ``ExportOptions``.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QThread, QTimer, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from personadesigner.core.export_options import ExportOptions, ExportReport
from personadesigner.errors import UserError
from personadesigner.ui import export_feedback as feedback
from personadesigner.ui.design_bar import template_choices, theme_choices, theme_swatch
from personadesigner.ui.errors import message_box
from personadesigner.ui.export_preview_pane import PREVIEW_SIZE, PreviewPane
from personadesigner.ui.export_scope import SCOPE_LABELS, ScopeChoice
from personadesigner.ui.export_target import OutputTarget
from personadesigner.ui.export_worker import ExportWorker, start_export
from personadesigner.ui.format_options import FormatOptions
from personadesigner.ui.settings import Settings
from personadesigner.ui.sheet_options import PER_PAGE_CHOICES, SHEET_SIZES, SheetOptions
from personadesigner.ui.sheet_options import is_poster as _is_poster

__all__ = ["PER_PAGE_CHOICES", "SCOPE_LABELS", "SHEET_SIZES", "ExportDialog"]


class ExportDialog(QDialog):
    """Choose what to export and how; export in the background; report the result
    (``exportFinished``: the main window shows "Open" and "Show in folder"; nothing opens by itself)."""

    exportFinished = Signal(object)  # noqa: N815  ExportReport
    exportFailed = Signal(str)  # noqa: N815
    exportCancelled = Signal()  # noqa: N815

    def __init__(
        self, library, scopes: dict[str, list[str]], parent: QWidget | None = None, *, settings: Settings | None = None
    ) -> None:
        super().__init__(parent)
        self._settings = settings if settings is not None else Settings()
        self.setObjectName("exportDialog")
        self.setWindowTitle("Export persona cards")
        self._library = library
        self._scope = ScopeChoice(library, scopes)
        self._thread: QThread | None = None
        self._worker: ExportWorker | None = None
        self._progress: QProgressDialog | None = None
        self.last_report: ExportReport | None = None
        self.last_error: str | None = None
        self._plan_error: str | None = None
        self.output: Path | None = None
        self.exported_count = 0
        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(120)
        self._preview_timer.timeout.connect(self.update_preview)
        self._build()
        self._target.restore(self._formats.current())
        self._sync_enabled()
        self.update_preview()

    # ------------------------------------------------------------------ build
    def _build(self) -> None:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)  # one even column of controls

        self._formats = FormatOptions(feedback.default_format(self._settings))
        self._formats.add_format_row(form)
        form.addRow("&Personas:", self._scope.combo)

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
        self.uniform_check = QCheckBox("Same body type size on every card")
        self.uniform_check.setObjectName("uniformTypeCheck")
        self.uniform_check.setToolTip("Cards side by side look alike: each uses the smallest body size any card needs")
        form.addRow("", self.uniform_check)

        self.sheet = SheetOptions()
        self.sheet.add_rows(form)
        self._formats.add_dpi_row(form)
        self.sheet.add_tile_row(form)
        self.sheet.add_color_row(form)
        self._target = OutputTarget(self, self._settings, self._default_stem)
        form.addRow(self._buddy("&Save to:", self._target.edit), self._target.row)
        self._preview = PreviewPane()

        # The dialog's names for its widgets (tests and callers use them).
        self.format_combo, self.dpi_spin, self.scope_combo = (
            self._formats.combo,
            self._formats.dpi_spin,
            self._scope.combo,
        )
        self.page_combo, self.per_page_combo = self.sheet.page_combo, self.sheet.per_page_combo
        self.bleed_combo, self.bleed_edit = self.sheet.bleed_combo, self.sheet.bleed_edit
        self.marks_check, self.tile_combo = self.sheet.marks_check, self.sheet.tile_combo
        self.path_edit, self.browse_button = self._target.edit, self._target.browse_button
        self.preview, self.preview_caption = self._preview.image, self._preview.caption

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
        top.addLayout(self._preview.column)
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
        """Enable what applies: the options the format honours (render.formats), tiling for posters."""
        fmt = self._formats.current()
        self._formats.sync()
        self.template_combo.setEnabled(fmt.honours("template"))
        self.theme_combo.setEnabled(fmt.honours("theme"))
        self.uniform_check.setEnabled(fmt.honours("uniform_type"))
        poster = _is_poster(self.template_combo.currentData()) or (
            self.template_combo.currentData() is None and any(_is_poster(t) for t in self._scope.first_templates())
        )
        self.sheet.sync(poster, fmt.honours)
        self._sync_export_button()

    def scope(self) -> str:
        return self._scope.key()

    def set_scope(self, key: str) -> None:
        self._scope.set_key(key)

    def persona_ids(self) -> list[str]:
        return self._scope.ids()

    def options(self) -> ExportOptions:
        """The ExportOptions the widgets describe (what the format does not honour keeps its
        default); UserError for a bad custom bleed."""
        fmt = self._formats.current()
        chosen = {
            "template": self.template_combo.currentData(),
            "theme": self.theme_combo.currentData(),
            "dpi": self.dpi_spin.value(),
            "uniform_type": self.uniform_check.isChecked(),
        }
        return ExportOptions(
            format=fmt.key, **{k: v for k, v in chosen.items() if fmt.honours(k)}, **self.sheet.values()
        )

    # ------------------------------------------------------------ output path
    def _default_stem(self) -> str:
        ids = self.persona_ids()
        names = [p.name for p in self._scope.personas(ids[:1])] if len(ids) == 1 else []
        return feedback.default_stem(names, len(ids), getattr(self._library, "name", "") or "")

    def _format_changed(self, *_args) -> None:
        self._target.format_changed(self._formats.current())

    def _scope_changed(self, *_args) -> None:
        self._target.scope_changed(self._formats.current())

    def choose_path(self) -> None:
        self._target.choose(self._formats.current())

    def output_path(self) -> Path:
        return self._target.path(self._formats.current())

    # ---------------------------------------------------------------- preview
    def update_preview(self) -> None:
        """Draw page 1 of the export as it will be written (or say why it cannot be)."""
        try:
            pixmap, caption = self._render_preview()
        except UserError as exc:
            self._plan_error = str(exc)
            self._preview.show_problem(self._plan_error)
        else:
            self._plan_error = None
            self._preview.show_page(pixmap, caption)
        self._sync_export_button()

    def _sync_export_button(self) -> None:
        self.export_button.setEnabled(self._thread is None and bool(self.persona_ids()) and self._plan_error is None)
        self.export_button.setToolTip(self._plan_error or "")

    def _render_preview(self) -> tuple[QPixmap, str]:
        from personadesigner.related_names import related_names
        from personadesigner.ui.export_preview import PREVIEW_CARDS, first_page

        ids = self.persona_ids()
        if not ids:
            raise UserError("No personas to export.")
        personas = self._scope.personas(ids[:PREVIEW_CARDS])
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
                "Preflight",
                f"The export is written, but the preflight found problems:\n{lines}{more}\n\n"
                "Shorten the text, use larger photos or choose a larger template.",
            )
        elif report.warnings:
            lines = "\n".join(f"• {w}" for w in report.warnings[:12])
            self._show_info("Preflight", f"The export is written; some photos may print soft:\n{lines}")
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

    def hideEvent(self, event) -> None:  # noqa: N802
        self._preview_timer.stop()  # a dialog nobody sees renders no preview
        super().hideEvent(event)
