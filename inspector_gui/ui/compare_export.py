"""Export the Compare tab's comparison as an Excel workbook — from the button beside From/To, the
comparison's context menu, or File → Export this comparison… — as ``inspector compare -o`` writes
it (:func:`~inspector_gui.exchange.writers.store_workbooks.write_comparison_workbook`): Notes
naming the two inspections and the matching rule, then inspections, standards, findings and
recommendations. Written in the worker; a failed export leaves no file. The writers are imported
on the first export (41 ms, which made the Compare tab slow to build)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QMessageBox

from inspector_gui.errors import InspectorError
from inspector_gui.exchange.filenames import file_slug
from inspector_gui.reports.compare import Comparison
from inspector_gui.ui.compare_panel import ComparePanel
from inspector_gui.ui.dialogs.message import plain_message
from inspector_gui.ui.main_window import MainWindow

FILE_FILTER = "Excel workbook (*.xlsx)"


class CompareExport(QObject):
    def __init__(self, window: MainWindow, panel: ComparePanel) -> None:
        super().__init__(window)
        self.window, self.panel = window, panel
        self.choose_file: Callable[[Path], str] = self._choose_file
        """Asks where to write (a test replaces it); an empty answer cancels."""
        self.last_message: QMessageBox | None = None
        panel.export_action.triggered.connect(self.start)

    def start(self) -> None:
        from inspector_gui.exchange.writers.store_workbooks import write_comparison_workbook  # 41 ms

        result, path = self.panel.result, self.window.current_store_path()
        if result is None or path is None:
            return
        name = self.choose_file(self._suggested(result))
        if not name:
            return
        target = Path(name) if Path(name).suffix.lower() == ".xlsx" else Path(name + ".xlsx")
        self.window.status.showMessage(f"Exporting the comparison to {target.name}…")
        self.window.runner.query("export/compare", path,
                                 lambda store: write_comparison_workbook(store, result, target, force=True),
                                 lambda written: self._done(written, result), self._failed, owner=self)

    def _suggested(self, result: Comparison) -> Path:
        folder = self.window.current_store_path()
        slug = file_slug(result.provider.name)
        dates = "-".join(i.published.iso() or "undated" for i in (result.earlier, result.later))
        return (folder.parent if folder else Path.home()) / f"{slug}-compared-{dates}.xlsx"

    def _done(self, target: Path, result: Comparison) -> None:
        self.window.status.clearMessage()
        self.window.saved.show_saved(target, f"the comparison of {result.provider.name}")

    def _failed(self, error: InspectorError) -> None:
        self.window.status.clearMessage()
        self.last_message = plain_message(self.window, QMessageBox.Icon.Warning,
                                          "Cannot export the comparison", str(error))

    def _choose_file(self, suggested: Path) -> str:
        name, _ = QFileDialog.getSaveFileName(self.window, "Export the comparison", str(suggested),
                                              FILE_FILTER)
        return name
