"""The charts panel and the export dialog, attached to the main window through its public surface
only (signals, ``add_panel``, ``add_file_action``, ``show_inspections``), so each stays a
separate piece: :func:`build_window` is the window the app shows, with both attached.

pyqtgraph is not imported here: the charts panel imports it when a chart is first drawn, and the
export's chart renderer when an export asks for a chart. The export dialog (with the summary,
league and writer modules behind it, 11 ms of the app's start) is imported when first opened;
the Compare, Benchmark and Themes panels when first needed (:mod:`inspector_gui.ui.analysis_tabs`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog

from inspector_gui.errors import InspectorError
from inspector_gui.ui import settings as keys
from inspector_gui.ui.analysis_tabs import attach_analysis
from inspector_gui.ui.charts_panel import ChartsPanel
from inspector_gui.ui.dialogs.errors import show_store_error
from inspector_gui.ui.main_window import MainWindow
from inspector_gui.ui.named_views import NamedViews
from inspector_gui.ui.settings import Settings
from inspector_gui.ui.shortcuts import keys_for
from inspector_gui.ui.view_export import ViewExport

if TYPE_CHECKING:
    from inspector_gui.domain.summary import ProviderSummary
    from inspector_gui.ui.export_dialog import ExportDialog


def build_window(settings: Settings | None = None) -> MainWindow:
    """The main window with File → Export provider summary…, the charts tab and File → Save chart…."""
    window = MainWindow(settings)
    charts = attach_charts(window)
    attach_export(window)
    attach_import(window)
    attach_analysis(window)
    window.named_views = NamedViews(window, charts)  # type: ignore[attr-defined]
    window.view_export = ViewExport(window)  # type: ignore[attr-defined]
    return window


def attach_import(window: MainWindow) -> QAction:
    """File → Import spreadsheet…: into a store the user chooses, which the window then opens."""
    action = QAction("&Import spreadsheet…", window)
    action.triggered.connect(lambda: open_import(window))
    window.add_file_action(action)
    return action


def open_import(window: MainWindow) -> QDialog:
    from inspector_gui.ui.dialogs.import_sheet import ImportSheetDialog

    dialog = ImportSheetDialog(window, window.runner, window.current_store_path(), window.settings)
    dialog.imported.connect(window.open_store)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


def attach_charts(window: MainWindow) -> ChartsPanel:
    """A "Charts" tab that follows the store and the selected provider; a clicked national bar
    segment narrows the matrix and the findings to its inspections. Its tab, choices and save
    folder are kept in the window's settings."""
    panel = ChartsPanel(window.runner, window)
    panel.restore_state(window.settings.get(keys.CHARTS))
    window.saving_state.connect(lambda settings: settings.set(keys.CHARTS, panel.save_state()))
    window.add_panel("Charts", panel)
    window.add_file_action(panel.save_action)  # File → Save chart… (Ctrl+Shift+S), greyed without a chart
    window.store_changed.connect(panel.set_store)
    window.provider_changed.connect(panel.set_provider)
    panel.inspectionsRequested.connect(window.show_inspections)
    panel.set_store(window.current_store_path())
    panel.set_provider(window.current_provider_id())
    return panel


def attach_export(window: MainWindow) -> QAction:
    """File → Export provider summary… (Ctrl+E). Always enabled: with no provider selected it says
    in the status bar what to select (a greyed item, and a shortcut that did nothing, explained
    nothing)."""
    action = QAction("&Export provider summary…", window)
    action.setShortcut(QKeySequence(keys_for("export")))
    action.triggered.connect(lambda: open_export(window))
    window.add_file_action(action)
    return action


NO_PROVIDER = ("A provider summary is of one provider: select one in the tree or a row of the matrix "
               "(File → Export this view… exports what the window shows)")


def open_export(window: MainWindow) -> ExportDialog | None:
    """The export dialog for the selected provider (settings kept in the app's one file). In the
    moment after a store opens, before its inspections have all arrived, the dialog opens when
    they do."""
    catalogue, provider_id = window.catalogue, window.current_provider_id()
    if catalogue is None or provider_id is None:
        window.status.showMessage(NO_PROVIDER if catalogue else "Open a store first (File → Open store…)",
                                  10_000)
        return None
    if catalogue.inspections_of(provider_id) is None:
        window.inspections_loaded.connect(lambda: open_export(window), Qt.ConnectionType.SingleShotConnection)
        return None
    from inspector_gui.ui.export_dialog import ExportDialog

    try:
        dialog = ExportDialog(window, catalogue, provider_id, chart_renderer=_history_png,
                              settings=window.settings, runner=window.runner)
    except InspectorError as error:
        show_store_error(window, error, "Cannot export")
        return None
    name = dialog.provider.name
    dialog.saved.connect(lambda path, reveal: window.saved.show_saved(path, f"the summary of {name}", reveal))
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


def _history_png(summary: ProviderSummary) -> bytes:
    from inspector_gui.charts.render import render_history_png

    return render_history_png(summary)
