"""File → Export this view… (Ctrl+Shift+X), also on the matrix's and the findings' context
menus: what the window shows now — its scope, the matrix filters and mode, the findings'
filters, search and tag — as XLSX, PDF, HTML or CSV, the first page or sheet stating which
filters produced it. Written in a worker; a failed export leaves no file (written beside, then
renamed)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMessageBox

from inspector_gui.errors import InspectorError
from inspector_gui.ui.dialogs.message import plain_message
from inspector_gui.ui.main_window import MainWindow
from inspector_gui.ui.shortcuts import keys_for

if TYPE_CHECKING:
    from inspector_gui.exchange.writers.view_export import ViewRequest

FILTERS = {"xlsx": "Excel workbook (*.xlsx)", "pdf": "PDF document (*.pdf)", "html": "Web page (*.html)",
           "csv": "CSV, the findings (*.csv)"}


def describe(window: MainWindow) -> list[tuple[str, str]]:
    """The view's filters in words: scope, matrix filters and mode, then the findings'."""
    panel, scope = window.findings, window.current_scope()
    matrix = window.matrix.query()
    pairs = [("selection", scope.label)]
    pairs += [(f"matrix {name.replace('_', ' ')}", str(matrix[name]))
              for name in ("provider_type", "framework_id", "round", "year") if matrix.get(name)]
    pairs.append(("matrix shows", "only each provider's latest inspection" if matrix.get("latest_only", True)
                  else "every inspection"))
    focus = panel.focus_bar.label.text() if not panel.focus_bar.isHidden() else ""
    follows = panel.filters.follows_selection()
    pairs.append(("findings of", "the selected providers" if follows else "all providers"))
    from inspector_gui.exchange.writers.store_workbooks import query_filters  # on first export

    return pairs + query_filters(panel.query(), tag=panel.filters.tag.value(), focus=focus)


def request(window: MainWindow, target: Path, fmt: str,
            parts: tuple[str, ...] = ("matrix", "findings")) -> ViewRequest:
    panel = window.findings
    from inspector_gui.exchange.writers.view_export import ViewRequest  # the writers: on first export

    return ViewRequest(fmt, target, window.matrix.query(), panel.query(), panel.filters.tag.value(),
                       panel.model.notebook, describe(window), parts=parts)


class ViewExport(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.choose_file: Callable[[tuple[str, ...]], tuple[str, str]] = self._choose_file
        self.last_message: QMessageBox | None = None
        self.action = QAction("Export this &view…", window)
        self.action.setShortcut(QKeySequence(keys_for("export_view")))
        self.action.setToolTip("The matrix and findings as shown, with their filters: XLSX, PDF, HTML or CSV")
        self.action.triggered.connect(self.start)
        window.add_file_action(self.action)
        self.matrix_action = QAction("Export the matrix as &Excel…", window)
        self.matrix_action.triggered.connect(lambda: self.start(("matrix",)))
        self.findings_action = QAction("Export these findings as &Excel…", window)
        self.findings_action.triggered.connect(lambda: self.start(("findings",)))
        for table, own in ((window.matrix.table, self.matrix_action),
                           (window.findings.table, self.findings_action)):
            table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
            table.addActions([self.action, own])

    def start(self, parts: tuple[str, ...] = ("matrix", "findings")) -> None:
        """Ask for a file (a workbook only, for the matrix or the findings alone), then export.
        The writers are imported here, on the first export, not at the app's start."""
        from inspector_gui.exchange.writers import format_for_path
        from inspector_gui.exchange.writers.view_doc import VIEW_FORMATS
        from inspector_gui.exchange.writers.view_export import export_view

        path = self.window.current_store_path()
        if path is None:
            return
        name, chosen = self.choose_file(parts)
        if not name:
            return
        target = Path(name)
        fmt = format_for_path(target) if format_for_path(target) in VIEW_FORMATS else _format_of(chosen)
        if target.suffix.lower() != f".{fmt}":
            target = target.with_name(target.name + f".{fmt}")
        job = request(self.window, target, fmt, parts)
        self.window.status.showMessage(f"Exporting this view to {target.name}…")
        self.window.runner.query("export/view", path, lambda store: export_view(store, job),
                                 lambda count: self._done(target, count), self._failed, owner=self)

    def _done(self, target: Path, count: int) -> None:
        self.window.status.showMessage(f"Exported this view ({count} findings) to {target}", 10000)

    def _failed(self, error: InspectorError) -> None:
        self.window.status.clearMessage()
        self.last_message = plain_message(self.window, QMessageBox.Icon.Warning, "Cannot export this view",
                                          str(error))

    def _choose_file(self, parts: tuple[str, ...]) -> tuple[str, str]:
        folder = str(self.window.current_store_path().parent) if self.window.current_store_path() else ""
        offered = FILTERS.values() if len(parts) > 1 else [FILTERS["xlsx"]]
        name = "view" if len(parts) > 1 else parts[0]
        return QFileDialog.getSaveFileName(self.window, "Export", f"{folder}/{name}.xlsx", ";;".join(offered))


def _format_of(file_filter: str) -> str:
    return next((fmt for fmt, text in FILTERS.items() if text == file_filter), "xlsx")
