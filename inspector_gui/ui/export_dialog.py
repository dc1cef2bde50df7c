"""File → Export provider summary…: the choices (format, domains, kinds, chart, file), then the
export in a worker thread with progress, so the window never freezes. Errors are shown in a
dialog; a failed or cancelled export leaves no file behind (the writers write a temporary file
and rename it)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from inspector_gui.domain.records import KINDS, Provider
from inspector_gui.domain.summary import ProviderSummary
from inspector_gui.errors import InspectorError, StoreError
from inspector_gui.exchange.atomic import check_target
from inspector_gui.exchange.filenames import file_slug
from inspector_gui.exchange.writers import CHART_FORMATS, FORMAT_NAMES, FORMATS, SUFFIXES, format_for_path
from inspector_gui.exchange.writers.wording import KIND_HEADINGS
from inspector_gui.reports.catalogue import Catalogue
from inspector_gui.reports.summary import DomainKey, domain_choices
from inspector_gui.ui import settings as keys
from inspector_gui.ui.export_worker import ExportRequest, Work, build_work, chosen, write_work
from inspector_gui.ui.settings import Settings
from inspector_gui.ui.text import mnemonic_safe
from inspector_gui.ui.views.path_edit import PathEdit
from inspector_gui.ui.workers import QueryRunner

ChartRenderer = Callable[[ProviderSummary], bytes | None]
EXPORT_KEY = "export"
"""Renders the provider's history chart (``summary.history``, oldest first) as PNG bytes; called
in the GUI thread."""


class ExportDialog(QDialog):
    """Export one provider of the open store's catalogue (which already holds the provider and
    its frameworks, so opening the dialog reads nothing from disk). Raises StoreError when the
    catalogue has no such provider. Emits ``saved(path, open_folder)`` when the file is written,
    just before it closes: the window announces it (and opens the folder when asked)."""

    saved = Signal(object, bool)

    def __init__(self, parent: QWidget | None, catalogue: Catalogue, provider_id: str, *,
                 chart_renderer: ChartRenderer | None = None, settings: Settings | None = None,
                 runner: QueryRunner | None = None) -> None:
        provider = catalogue.provider(provider_id)
        if provider is None:
            raise StoreError(f"has no provider {provider_id!r}", catalogue.path)
        super().__init__(parent)
        self._store_path = catalogue.path
        self._chart_renderer = chart_renderer
        self._settings = settings if settings is not None else Settings()
        self._runner = runner if runner is not None else QueryRunner(self)
        self._confirmed: Path | None = None
        self._running = False
        self._request: ExportRequest | None = None
        self._close_when_done = False
        self.error_box: QMessageBox | None = None
        self.replace_box: QMessageBox | None = None
        self.provider = provider
        inspections = catalogue.inspections_of(provider_id)
        self._build(provider, domain_choices(provider, inspections, catalogue.frameworks))
        self._restore()

    # ---- layout ---------------------------------------------------------------------------

    def _build(self, provider: Provider, domains: list[tuple[DomainKey, str]]) -> None:
        self.setWindowTitle(f"Export summary: {provider.name}")
        title = QLabel(provider.name)
        title.setTextFormat(Qt.TextFormat.PlainText)
        title.setStyleSheet("font-weight: bold; font-size: 120%")
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        self.form = QWidget()
        form = QVBoxLayout(self.form)
        form.setContentsMargins(0, 0, 0, 0)
        form.addLayout(self._file_rows())
        form.addWidget(self._domain_box(domains))
        form.addWidget(self._kind_box())
        self.include_chart = QCheckBox("Include the rating history &chart")
        self.reveal = QCheckBox("&Open the folder when the export is done")
        form.addWidget(self.include_chart)
        form.addWidget(self.reveal)
        layout.addWidget(self.form)
        layout.addWidget(self._progress_row())
        layout.addWidget(self._buttons())
        self.format.setFocus()

    def _file_rows(self) -> QFormLayout:
        rows = QFormLayout()
        self.format = QComboBox()
        for fmt in FORMATS:
            self.format.addItem(FORMAT_NAMES[fmt], fmt)
        self.format.currentIndexChanged.connect(self._format_changed)
        self.path = PathEdit()
        self.path.setClearButtonEnabled(True)
        self.path.setMinimumWidth(380)
        browse = QPushButton("&Browse…")
        browse.setAutoDefault(False)  # Enter anywhere in the form exports, as the default button says
        browse.clicked.connect(self._browse)
        line = QHBoxLayout()
        line.addWidget(self.path, 1)
        line.addWidget(browse)
        rows.addRow("&Format:", self.format)
        rows.addRow("&Save to:", line)
        label = rows.labelForField(line)
        if isinstance(label, QLabel):
            label.setBuddy(self.path)
        return rows

    def _domain_box(self, domains: list[tuple[DomainKey, str]]) -> QGroupBox:
        box = QGroupBox("Findings from these domains")
        column = QVBoxLayout(box)
        self.domain_checks: dict[DomainKey, QCheckBox] = {}
        for key, name in domains:
            code = key[1]
            check = QCheckBox(mnemonic_safe(f"{code}  {name}" if code else name))
            check.setChecked(True)
            column.addWidget(check)
            self.domain_checks[key] = check
        return box

    def _kind_box(self) -> QGroupBox:
        box = QGroupBox("Findings of these kinds")
        row = QHBoxLayout(box)
        self.kind_checks: dict[str, QCheckBox] = {}
        for kind in KINDS:
            check = QCheckBox(KIND_HEADINGS[kind])
            check.setChecked(True)
            row.addWidget(check)
            self.kind_checks[kind] = check
        row.addStretch(1)
        return box

    def _progress_row(self) -> QWidget:
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        self.progress = QProgressBar()
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        line.addWidget(self.progress, 1)
        line.addWidget(self.status, 2)
        self.progress.hide()
        return row

    def _buttons(self) -> QDialogButtonBox:
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.export_button = buttons.addButton("&Export", QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.setDefault(True)
        cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAutoDefault(False)  # else the dialog makes Cancel the default: Enter would cancel
        buttons.accepted.connect(self._export)
        buttons.rejected.connect(self.reject)
        return buttons

    # ---- remembered choices -----------------------------------------------------------------

    def _restore(self) -> None:
        fmt = self._settings.get(keys.EXPORT_FORMAT)
        self.format.setCurrentIndex(FORMATS.index(fmt) if fmt in FORMATS else 0)
        self.reveal.setChecked(self._settings.get(keys.EXPORT_REVEAL))
        self.include_chart.setChecked(self._settings.get(keys.EXPORT_CHART))
        self.path.setText(str(self._default_folder() / self.default_name()))
        self._format_changed()

    def _remember(self, request: ExportRequest) -> None:
        self._settings.set(keys.EXPORT_FORMAT, request.fmt)
        self._settings.set(keys.EXPORT_FOLDER, str(request.output.parent))
        self._settings.set(keys.EXPORT_REVEAL, self.reveal.isChecked())
        self._settings.set(keys.EXPORT_CHART, self.include_chart.isChecked())

    def _default_folder(self) -> Path:
        remembered = Path(self._settings.get(keys.EXPORT_FOLDER))
        documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        for folder in (remembered, Path(documents), Path.home()):
            if str(folder) not in ("", ".") and folder.is_dir():
                return folder
        return Path.cwd()

    def default_name(self) -> str:
        """``west-yorkshire-crc-summary-2025-06-30.pdf``: provider and today's date; the id is
        imported text, so it is made a plain name that stays in the folder."""
        name = file_slug(self.provider.provider_id)
        return f"{name}-summary-{dt.date.today().isoformat()}{SUFFIXES[self.fmt]}"

    @property
    def fmt(self) -> str:
        return str(self.format.currentData())

    @Slot()
    def _format_changed(self) -> None:
        """Keep the file's suffix with the format, and offer the chart where it can appear."""
        text = self.path.text().strip()
        if text and format_for_path(text):
            self.path.setText(str(Path(text).with_suffix(SUFFIXES[self.fmt])))
        can_chart = self._can_chart()
        self.include_chart.setEnabled(can_chart)
        why = ("The chart goes into PDF and HTML exports." if self._chart_renderer
               else "Charts are not available in this window.")
        self.include_chart.setToolTip("" if can_chart else why)

    def _can_chart(self) -> bool:
        return self._chart_renderer is not None and self.fmt in CHART_FORMATS

    @Slot()
    def _browse(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, "Export summary to", self.path.text(), f"{FORMAT_NAMES[self.fmt]} (*{SUFFIXES[self.fmt]})")
        if name:
            self.path.setText(name)
            self._confirmed = Path(name)

    # ---- running the export -------------------------------------------------------------------

    def request(self) -> ExportRequest:
        """The export the form describes (plain data for the worker). A bare file name goes in
        the folder the dialog proposed."""
        domains = [key for key, check in self.domain_checks.items() if check.isChecked()]
        kinds = [kind for kind, check in self.kind_checks.items() if check.isChecked()]
        output = Path(self.path.text().strip()).expanduser()
        return ExportRequest(self._store_path, self.provider.provider_id, self.fmt,
                             output if output.is_absolute() else self._default_folder() / output,
                             chosen(domains, list(self.domain_checks)), chosen(kinds, KINDS),
                             chart=self._can_chart() and self.include_chart.isChecked())

    @Slot()
    def _export(self) -> None:
        problem = self._form_problem()
        if problem:
            self._show_error(problem)
            return
        request = self.request()
        if request.output.is_file() and request.output != self._confirmed:
            self._confirm_replace(request)
            return
        self._start(replace(request, force=request.output == self._confirmed))

    def _form_problem(self) -> str:
        if not self.path.text().strip():
            return "Choose a file to save the summary to."
        if not any(c.isChecked() for c in self.domain_checks.values()):
            return "Tick at least one domain whose findings to include."
        if not any(c.isChecked() for c in self.kind_checks.values()):
            return "Tick at least one kind of finding to include."
        return ""

    def _confirm_replace(self, request: ExportRequest) -> None:
        box = QMessageBox(QMessageBox.Icon.Question, "Replace file?",
                          f"{request.output.name} already exists in {request.output.parent}.\n"
                          "Do you want to replace it?",
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.buttonClicked.connect(lambda button: self._replace_answered(box, button, request))
        self.replace_box = box
        box.open()

    def _replace_answered(self, box: QMessageBox, button: object, request: ExportRequest) -> None:
        if box.standardButton(button) == QMessageBox.StandardButton.Yes:
            self._start(replace(request, force=True))

    def _start(self, request: ExportRequest) -> None:
        try:
            check_target(request.output, request.force)
        except InspectorError as exc:
            self._show_error(str(exc))
            return
        self._remember(request)
        self._request = request
        self._set_running(True, "Reading the store…")
        self._run(build_work(request, self._runner.with_store), self._built)

    def _run(self, work: Work, succeeded: Callable[..., None]) -> None:
        self._running = True
        self._runner.task(EXPORT_KEY, work, succeeded, self._error, self._progress, self._aborted, owner=self)

    def _progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def _built(self, summary: ProviderSummary) -> None:
        request = self._request
        if request is None:
            self._aborted("cancelled")
            return
        try:
            chart = self._chart_renderer(summary) if request.chart and self._chart_renderer else None
        except Exception as exc:  # a chart that cannot render must not lose the export silently
            self._failed(f"The chart could not be drawn: {exc}")
            return
        self.status.setText(f"Writing the {FORMAT_NAMES[request.fmt]}…")
        self._run(write_work(request, summary, chart), self._written)

    def _written(self, path: Path) -> None:
        self._running = False
        self._set_running(False, f"Saved to {path}")
        self.saved.emit(path, self.reveal.isChecked())
        self.accept()

    def _error(self, error: InspectorError) -> None:
        self._failed(str(error))

    def _aborted(self, how: str) -> None:
        """Cancelled, or a bug (which the app's error dialog reports): nothing was written."""
        self._failed("", "The export failed; nothing was written." if how == "crashed"
                     else "Export cancelled; nothing was written.")

    def _failed(self, message: str, status: str = "") -> None:
        self._running = False
        self._set_running(False, status or message.splitlines()[0])
        if self._close_when_done:
            super().reject()
        elif message:
            self._show_error(message)

    def _set_running(self, running: bool, status: str) -> None:
        self.form.setEnabled(not running)
        self.export_button.setEnabled(not running)
        self.progress.setVisible(running)
        self.progress.setRange(0, 0)
        self.status.setText(status)

    def _show_error(self, message: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, "Export failed", message,
                          QMessageBox.StandardButton.Ok, self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        self.error_box = box
        box.open()

    @property
    def running(self) -> bool:
        return self._running

    def reject(self) -> None:
        """Cancel stops a running export first (nothing is written); the dialog closes after."""
        if self._running:
            self._stop()
            self._close_when_done = True
            self.status.setText("Cancelling…")
            return
        super().reject()

    def _stop(self) -> None:
        """Stop a running export at its next step (the runner's shutdown stops it too)."""
        if self._running:
            self._runner.cancel(EXPORT_KEY)
