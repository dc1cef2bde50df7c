"""The Compare, Benchmark and Themes tabs attached to the main window through
its public surface only: ``add_panel``, ``store_changed``, ``show_inspections``."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtGui import QAction, QKeySequence

from inspector_gui.ui.benchmark_panel import BenchmarkPanel
from inspector_gui.ui.compare_export import CompareExport
from inspector_gui.ui.compare_panel import ComparePanel
from inspector_gui.ui.main_window import MainWindow
from inspector_gui.ui.shortcuts import keys_for
from inspector_gui.ui.themes_panel import ThemesPanel


def attach_analysis(window: MainWindow) -> None:
    """Every tab of this module, in the order they are shown."""
    attach_compare(window)
    attach_benchmark(window)
    attach_themes(window)


def _following(window: MainWindow, panel: ComparePanel | BenchmarkPanel) -> Callable[[], None]:
    """Keep a panel on the store and the tree's selection (a provider or one of its inspections)."""
    def follow() -> None:
        scope = window.current_scope()
        panel.set_catalogue(window.catalogue)
        panel.follow(scope.provider_id, scope.inspection_id)

    window.store_changed.connect(lambda _: follow())
    window.inspections_loaded.connect(follow)
    window.providers.scope_changed.connect(lambda _: follow())
    follow()
    return follow


def attach_benchmark(window: MainWindow) -> BenchmarkPanel:
    """A "Benchmark" tab following the tree's selection; chosen peers kept in the settings."""
    panel = BenchmarkPanel(window.runner, window.settings, window)
    window.add_panel("Benchmark", panel)
    _following(window, panel)
    return panel


def attach_compare(window: MainWindow) -> ComparePanel:
    """A "Compare" tab following the tree's selection (a provider: its latest inspection with the
    one before; an inspection: it with the one before), and View → Compare with previous
    inspection (Ctrl+K), which shows the tab; its comparison exports as a workbook (the tab's
    button and context menu, File → Export this comparison as Excel…)."""
    panel = ComparePanel(window.runner, window)
    index = window.add_panel("Compare", panel)
    window.compare_export = CompareExport(window, panel)  # type: ignore[attr-defined]
    _following(window, panel)
    action = QAction("&Compare with previous inspection", window)
    action.setShortcut(QKeySequence(keys_for("compare")))
    action.triggered.connect(lambda: (window.tabs.setCurrentIndex(index), panel.tree.setFocus()))
    window.commands.view_menu.addAction(action)
    return panel


def attach_themes(window: MainWindow) -> ThemesPanel:
    """A "Themes" tab following the store; a clicked row shows its inspections in the matrix and
    their findings matching the theme."""
    panel = ThemesPanel(window.runner, window)
    window.add_panel("Themes", panel)
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
