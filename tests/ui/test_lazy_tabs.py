"""The Compare, Benchmark and Themes tabs are in the tab bar from the first paint, but their panels
(and the modules behind them) are made only when needed: a tab shown, Ctrl+K, the remembered tab,
or idle steps once the store has loaded. A panel made late shows the open store and the
tree's selection as if it had been made at start."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTabBar

from inspector_gui.ui import analysis_tabs
from inspector_gui.ui import settings as keys
from inspector_gui.ui.benchmark_panel import BenchmarkPanel
from inspector_gui.ui.compare_panel import ComparePanel
from inspector_gui.ui.extensions import build_window
from inspector_gui.ui.settings import Settings
from inspector_gui.ui.themes_panel import ThemesPanel
from inspector_gui.ui.workers import QueryRunner

TITLES = ["Rating matrix", "Charts", "Compare", "Benchmark", "Themes"]
LAZY = ("Compare", "Benchmark", "Themes")


@pytest.fixture
def no_idle_build(monkeypatch):
    """Tabs made only on demand, as when the user gets to them before the idle steps run."""
    monkeypatch.setattr(analysis_tabs, "build_when_idle", lambda *_args: lambda: False)


def _index(window, title: str) -> int:
    return next(i for i in range(window.tabs.count()) if window.tabs.tabText(i) == title)


def _built(window) -> dict[str, bool]:
    return {title: window.tabs.widget(_index(window, title)).is_built() for title in LAZY}


def test_building_the_window_imports_and_makes_none_of_the_panels():
    """In a fresh process: the window the app shows has the tabs, the Compare actions and the
    comparison's File entry, but neither the panels' modules nor the export writers."""
    script = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from inspector_gui.ui.extensions import build_window\n"
        "w = build_window()\n"
        "tabs = [w.tabs.tabText(i) for i in range(w.tabs.count())]\n"
        "files = [a.text() for a in w.commands.file_menu.actions()]\n"
        "views = [a.shortcut().toString() for a in w.commands.view_menu.actions()]\n"
        "lazy = [m for m in ('inspector_gui.ui.compare_panel', 'inspector_gui.ui.compare_export',\n"
        "        'inspector_gui.ui.benchmark_panel', 'inspector_gui.ui.themes_panel',\n"
        "        'inspector_gui.reports.themes', 'inspector_gui.exchange.writers.store_workbooks',\n"
        "        'inspector_gui.exchange.writers.view_doc')\n"
        "        if m in sys.modules]\n"
        "print(tabs, 'E&xport this comparison as Excel…' in files, 'Ctrl+K' in views, lazy)\n")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60,
                         env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}, check=True)
    assert out.stdout.strip() == f"{TITLES} True True []"


def test_the_tabs_are_placeholders_until_needed_and_a_late_tab_shows_the_open_store(
        qtbot, open_window, store_path, settle, no_idle_build):
    window = open_window(store_path)
    assert [window.tabs.tabText(i) for i in range(window.tabs.count())] == TITLES
    assert _built(window) == dict.fromkeys(LAZY, False)
    assert window.findChild(ComparePanel) is None and window.findChild(ThemesPanel) is None
    qtbot.waitUntil(lambda: window.catalogue.complete, timeout=10000)
    window.providers.select_key("provider:west-yorkshire-crc")
    settle(window)

    window.tabs.setCurrentIndex(_index(window, "Themes"))
    themes = window.tabs.currentWidget().panel()
    assert isinstance(themes, ThemesPanel) and themes.isVisible()
    assert themes.geometry().size() == window.tabs.currentWidget().size()  # laid out before its first paint
    qtbot.waitUntil(lambda: themes.model.rowCount() > 0, timeout=10000)

    window.tabs.setCurrentIndex(_index(window, "Benchmark"))
    benchmark = window.tabs.currentWidget().panel()
    assert isinstance(benchmark, BenchmarkPanel)
    qtbot.waitUntil(lambda: benchmark.model.rowCount() > 0, timeout=10000)
    assert benchmark.model.headerData(3, Qt.Orientation.Horizontal) == "Region: Yorkshire and the Humber"
    assert _built(window) == {"Compare": False, "Benchmark": True, "Themes": True}


def test_ctrl_k_makes_and_shows_the_compare_tab_before_it_was_ever_shown(
        qtbot, open_window, store_path, settle, no_idle_build):
    window = open_window(store_path)
    qtbot.waitUntil(lambda: window.catalogue.complete, timeout=10000)
    window.providers.select_key("provider:west-yorkshire-crc")
    window.providers.tree.setFocus()
    settle(window)
    assert not _built(window)["Compare"]
    qtbot.keyClick(window.providers.tree, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.tabText(window.tabs.currentIndex()) == "Compare"
    panel = window.tabs.currentWidget().panel()
    assert isinstance(panel, ComparePanel) and panel.tree.hasFocus()
    qtbot.waitUntil(lambda: panel.tree.topLevelItemCount() == 7, timeout=10000)
    assert panel.tree.topLevelItem(0).text(1) == "Requires improvement"
    assert panel.export_action.isEnabled() and panel.export_action in window.commands.file_menu.actions()


def test_the_tab_bar_reaches_a_lazy_tab_by_keyboard(qtbot, open_window, store_path, settle, no_idle_build):
    window = open_window(store_path)
    bar = window.tabs.findChild(QTabBar)
    bar.setFocus()
    for _ in range(_index(window, "Compare")):
        qtbot.keyClick(bar, Qt.Key.Key_Right)
    assert window.tabs.tabText(window.tabs.currentIndex()) == "Compare"
    assert isinstance(window.tabs.currentWidget().panel(), ComparePanel) and _built(window)["Compare"]


def test_a_remembered_lazy_tab_is_made_and_shown_at_start(qtbot, store_path, settle, tmp_path, no_idle_build):
    settings = Settings(tmp_path / "settings.ini")
    settings.set(keys.CENTRE_TAB, "Themes")
    window = build_window(settings)
    qtbot.addWidget(window)
    window.show()
    window.open_store(store_path)
    settle(window)
    assert window.tabs.tabText(window.tabs.currentIndex()) == "Themes"
    panel = window.tabs.currentWidget().panel()
    assert _built(window)["Themes"] and panel.isVisible()
    qtbot.waitUntil(lambda: panel.model.rowCount() > 0, timeout=10000)
    window.tabs.setCurrentIndex(_index(window, "Benchmark"))
    window.close()
    assert Settings(Path(tmp_path / "settings.ini")).get(keys.CENTRE_TAB) == "Benchmark"


def test_every_tab_is_made_in_idle_steps_once_the_store_has_loaded(qtbot, open_window, store_path, settle):
    window = open_window(store_path)
    settle(window)  # the window counts as busy until the idle steps are done
    assert all(_built(window).values())
    assert window.tabs.currentWidget() is window.matrix  # made, not shown
    compare = window.tabs.widget(_index(window, "Compare")).panel()
    assert not compare.isVisible() and compare.parent() is window.tabs.widget(_index(window, "Compare"))


def test_an_idle_import_dropped_with_a_store_is_tried_again_on_the_next_load(qtbot, open_window, store_path,
                                                                            monkeypatch, settle):
    submit, dropped = QueryRunner.submit, []

    def drop_first_import(runner, key, *args, **kwargs):
        if key == "lazy-tabs/import" and not dropped:
            dropped.append(key)  # as cancel_all drops a damaged store's pending work
            return None
        return submit(runner, key, *args, **kwargs)

    monkeypatch.setattr(QueryRunner, "submit", drop_first_import)
    window = open_window(store_path)
    qtbot.waitUntil(lambda: bool(dropped), timeout=10000)
    settle(window)
    assert not any(_built(window).values())
    with qtbot.waitSignal(window.inspections_loaded, timeout=10000):
        window.reload()
    qtbot.waitUntil(lambda: all(_built(window).values()), timeout=10000)


def test_ctrl_pgdown_and_pgup_walk_the_centre_tabs_from_inside_any_of_them(qtbot, open_window, store_path,
                                                                          settle, no_idle_build):
    window = open_window(store_path)
    window.tabs.setCurrentIndex(0)
    window.matrix.table.setFocus()
    qtbot.waitUntil(window.matrix.table.hasFocus)
    current = lambda: window.tabs.tabText(window.tabs.currentIndex())  # noqa: E731
    seen = []
    for _ in TITLES:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
        seen.append(current())
    assert seen == [*TITLES[1:], TITLES[0]] and all(_built(window).values())
    window.tabs.setCurrentIndex(_index(window, "Themes"))
    themes = window.tabs.currentWidget().panel()
    themes.setFocus()
    focused = QApplication.focusWidget()
    assert isinstance(themes, ThemesPanel) and themes.isAncestorOf(focused)
    qtbot.keyClick(focused, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert current() == "Benchmark" and window.tabs.tabBar().hasFocus()
    assert "Ctrl+PgDown" in [a.shortcut().toString() for a in window.commands.view_menu.actions()]
