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
    one before; an inspection: it with the one before); View → Compare with previous inspection
    (Ctrl+K), which shows the tab; and "Compare these two inspections" (View menu and the tree's
    context menu; Ctrl+K too while two inspections are selected in the tree). Its comparison
    exports as a workbook (the tab's button and context menu, File → Export this comparison as
    Excel…)."""
    panel = ComparePanel(window.runner, window)
    index = window.add_panel("Compare", panel)
    window.compare_export = CompareExport(window, panel)  # type: ignore[attr-defined]
    _following(window, panel)

    def show() -> None:
        window.tabs.setCurrentIndex(index)
        panel.tree.setFocus()

    def compare_selected() -> bool:
        pair = window.providers.selected_inspections()
        if len(pair) != 2:
            return False
        first, second = pair
        if first.provider_id != second.provider_id:
            window.statusBar().showMessage("Select two inspections of the same provider to compare them.",
                                           8000)
            return True
        assert first.provider_id and first.inspection_id and second.inspection_id
        panel.compare_pair(first.provider_id, first.inspection_id, second.inspection_id)
        show()
        return True

    action = QAction("&Compare with previous inspection", window)
    action.setShortcut(QKeySequence(keys_for("compare")))
    action.triggered.connect(lambda: compare_selected() or show())
    pair = QAction("Compare &these two inspections", window)
    pair.setToolTip(f"The two inspections selected in the tree, earlier → later "
                    f"({keys_for('compare')} while two are selected)")
    pair.setEnabled(False)
    pair.triggered.connect(compare_selected)
    tree = window.providers.tree
    tree.selectionModel().selectionChanged.connect(
        lambda *_: pair.setEnabled(len(window.providers.selected_inspections()) == 2))
    tree.addAction(pair)
    window.commands.view_menu.addAction(action)
    window.commands.view_menu.addAction(pair)
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
