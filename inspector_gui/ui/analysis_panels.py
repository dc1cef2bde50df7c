"""The Compare, Benchmark and Themes panels, made for the main window when their tab is first
needed (:mod:`inspector_gui.ui.analysis_tabs` holds the tabs and actions from the start). Each
follows the window through its public surface only (``store_changed``, the tree's selection,
``show_inspections``) and starts on the window's current store and selection, however late it
is made. Each panel's module is imported when it is made (the first Compare tab then imports
only what Compare needs: 14 ms, not the 45 ms of all three); :data:`MODULES` are what the idle
steps import in a worker first."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from inspector_gui.ui.main_window import MainWindow

if TYPE_CHECKING:
    from PySide6.QtGui import QAction

    from inspector_gui.ui.benchmark_panel import BenchmarkPanel
    from inspector_gui.ui.compare_panel import ComparePanel
    from inspector_gui.ui.themes_panel import ThemesPanel

MODULES = ("inspector_gui.ui.compare_export", "inspector_gui.ui.benchmark_panel",
           "inspector_gui.ui.themes_panel")


def _follow(window: MainWindow, panel: ComparePanel | BenchmarkPanel) -> None:
    """Keep a panel on the store and the tree's selection (a provider or one of its inspections)."""
    def follow() -> None:
        scope = window.current_scope()
        panel.set_catalogue(window.catalogue)
        panel.follow(scope.provider_id, scope.inspection_id)

    window.store_changed.connect(lambda _: follow())
    window.inspections_loaded.connect(follow)
    window.providers.scope_changed.connect(lambda _: follow())
    follow()


def make_benchmark(window: MainWindow) -> BenchmarkPanel:
    """The Benchmark tab's panel, following the tree's selection; chosen peers kept in the settings."""
    from inspector_gui.ui.benchmark_panel import BenchmarkPanel

    panel = BenchmarkPanel(window.runner, window.settings)
    _follow(window, panel)
    return panel


def make_compare(window: MainWindow, export_action: QAction) -> ComparePanel:
    """The Compare tab's panel, following the tree's selection (a provider: its latest inspection
    with the one before; an inspection: it with the one before); its comparison exports as a
    workbook through ``export_action`` (in the File menu from the start)."""
    from inspector_gui.ui.compare_export import CompareExport
    from inspector_gui.ui.compare_panel import ComparePanel

    panel = ComparePanel(window.runner, export_action)
    window.compare_export = CompareExport(window, panel)  # type: ignore[attr-defined]
    _follow(window, panel)
    return panel


def make_themes(window: MainWindow) -> ThemesPanel:
    """The Themes tab's panel, following the store; a clicked row shows its inspections in the
    matrix and their findings matching the theme."""
    from inspector_gui.ui.themes_panel import ThemesPanel

    panel = ThemesPanel(window.runner)
    window.store_changed.connect(panel.set_store)
    panel.inspectionsRequested.connect(lambda ids, label, search: _show(window, ids, label, search))
    panel.set_store(window.current_store_path())
    return panel


def _show(window: MainWindow, ids: Sequence[str], label: str, search: str) -> None:
    window.show_inspections(ids, label)
    box = window.findings.filters.search
    box.setText(search)
    box.settle()
    window.findings_dock.raise_()
