"""The Compare, Benchmark and Themes tabs, attached to the main window through its public surface
only (``add_panel``, ``add_file_action``, the View menu). The tabs, the Compare actions and the
comparison's File-menu entry exist from the start; each panel (:mod:`inspector_gui.ui.analysis_panels`;
its modules were 32–85 ms of the app's start) is made when its tab is first shown, when an action
needs it, or in idle steps once the store's inspections are all in (:mod:`inspector_gui.ui.lazy_tab`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

from PySide6.QtGui import QAction, QKeySequence

from inspector_gui.ui.analysis_panels import MODULES, make_benchmark, make_compare, make_themes
from inspector_gui.ui.lazy_tab import LazyTab, build_when_idle
from inspector_gui.ui.main_window import MainWindow
from inspector_gui.ui.shortcuts import keys_for

if TYPE_CHECKING:
    from inspector_gui.ui.compare_panel import ComparePanel


@dataclass(frozen=True)
class AnalysisTabs:
    """The three tabs' placeholders; ``tab.panel()`` is the panel (made if it was not yet)."""

    compare: LazyTab
    benchmark: LazyTab
    themes: LazyTab

    def compare_panel(self) -> ComparePanel:
        return cast("ComparePanel", self.compare.panel())


def attach_analysis(window: MainWindow) -> None:
    """Every tab of this module, in the order they are shown; the panels are made when needed."""
    export = export_comparison_action(window)
    tabs = AnalysisTabs(LazyTab(lambda: make_compare(window, export)),
                        LazyTab(lambda: make_benchmark(window)), LazyTab(lambda: make_themes(window)))
    compare_index = window.add_panel("Compare", tabs.compare)
    window.add_panel("Benchmark", tabs.benchmark)
    window.add_panel("Themes", tabs.themes)
    window.add_file_action(export)
    _compare_actions(window, tabs, compare_index)
    window.add_busy_check(build_when_idle(window.runner, window.inspections_loaded, MODULES,
                                          (tabs.compare, tabs.benchmark, tabs.themes), window))


def export_comparison_action(window: MainWindow) -> QAction:
    """File → Export this comparison as Excel… (also the Compare tab's button and context menu),
    enabled by the panel while a comparison is shown."""
    action = QAction("E&xport this comparison as Excel…", window)
    action.setIconText("Export…")  # the button's text: From and To need the room
    action.setToolTip("Export this comparison as an Excel workbook (.xlsx)")
    action.setEnabled(False)
    return action


def _compare_actions(window: MainWindow, tabs: AnalysisTabs, index: int) -> None:
    """View → Compare with previous inspection (Ctrl+K), which shows the Compare tab; and "Compare
    these two inspections" (View menu and the tree's context menu; Ctrl+K too while two
    inspections are selected in the tree)."""
    def show() -> None:
        panel = tabs.compare_panel()
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
        tabs.compare_panel().compare_pair(first.provider_id, first.inspection_id, second.inspection_id)
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
