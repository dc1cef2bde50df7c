"""The window as a desktop app: keyboard focus, menus, dialogs and the public surface."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QMessageBox

from inspector_gui.store import connection
from inspector_gui.ui.dialogs.help import ShortcutsDialog
from inspector_gui.ui.main_window import MainWindow
from inspector_gui.ui.shortcuts import SHORTCUTS

pytestmark = pytest.mark.qt_log_level_fail("WARNING")  # any Qt warning is a failure here


def _visible_box(window: MainWindow) -> QMessageBox:
    return next(box for box in window.findChildren(QMessageBox) if box.isVisible())


def test_tab_moves_from_the_tree_to_the_matrix_filters_then_the_matrix_then_the_search(qtbot, window):
    window.providers.tree.setFocus()
    qtbot.keyClick(window.providers.tree, Qt.Key.Key_Tab)
    assert window.matrix.toggle.hasFocus()
    window.matrix.table.setFocus()
    qtbot.keyClick(window.matrix.table, Qt.Key.Key_Tab)
    assert window.findings.filters.search.hasFocus()


def test_ctrl_l_focuses_the_provider_filter(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.providers.filter.hasFocus()


def test_about_names_the_store_and_where_the_data_comes_from(window):
    window.commands.about.trigger()
    text = _visible_box(window).text()
    assert str(window.current_store_path()) in text
    assert "538 findings" in text and "source" in text
    assert "never guessed" in text


def test_keyboard_shortcuts_dialog_lists_every_shortcut(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_F1)
    dialog = next(d for d in window.findChildren(ShortcutsDialog) if d.isVisible())
    keys = [dialog.table.item(row, 0).text() for row in range(dialog.table.rowCount())]
    assert "Ctrl+O" in keys and "Ctrl+1 … Ctrl+9" in keys and "F5" in keys


def test_file_open_uses_the_chosen_file(qtbot, window, store_path, monkeypatch, settle):
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(store_path), ""))
    with qtbot.waitSignal(window.store_changed, timeout=5000):
        qtbot.keyClick(window, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    settle(window)


def test_f5_reloads_the_store_and_keeps_the_selection(qtbot, window, settle):
    window.providers.select_key("provider:west-yorkshire-crc")
    settle(window)
    with qtbot.waitSignal(window.store_changed, timeout=5000):
        qtbot.keyClick(window, Qt.Key.Key_F5)
    settle(window)
    assert window.current_provider_id() == "west-yorkshire-crc"


def test_extension_points_for_charts_and_export(qtbot, window):
    panel = QLabel("another panel")
    index = window.add_panel("Another", panel)
    assert window.tabs.widget(index) is panel and window.tabs.tabText(index) == "Another"
    extra = QAction("Another action", window)
    window.add_file_action(extra)
    titles = [a.text() for a in window.commands.file_menu.actions()]
    assert titles.index("Another action") < titles.index("&Quit")
    assert window.current_store_path() is not None


def test_window_title_shows_a_hostile_file_name_literally(open_window, store_path, tmp_path):
    odd = tmp_path / "<b>[*] odd</b>.db".replace("/", "_")
    odd.write_bytes(store_path.read_bytes())
    window = open_window(odd)
    assert window.windowHandle().title() == f"{odd.name} — Inspector GUI"


def test_every_listed_shortcut_is_bound_to_an_action(window):
    bound = {action.shortcut().toString() for action in window.findChildren(QAction)}
    for shortcut in SHORTCUTS:
        keys = shortcut.keys.split(" … ") if "…" in shortcut.keys else [shortcut.keys]
        for key in keys:
            assert QKeySequence(key).toString() in bound, shortcut


def test_ctrl_c_in_the_search_box_copies_its_text_not_the_table(qtbot, window):
    search = window.findings.filters.search
    qtbot.keyClicks(search, "probation")
    search.selectAll()
    qtbot.keyClick(search, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.clipboard().text() == "probation"


def test_the_splitter_and_finding_columns_are_remembered(qtbot, open_window, store_path):
    first = open_window(store_path)
    first.findings.table.horizontalHeader().resizeSection(0, 177)
    first.close()
    second = open_window(store_path, restore=True)
    assert second.findings.table.horizontalHeader().sectionSize(0) == 177


def test_the_status_bar_shows_counts_and_the_store_path(window):
    status = window.status
    assert status.counts.text().startswith("93 providers · 114 inspections · 538 findings")
    assert status.path.text().endswith("store.db (read-only)")
    assert str(window.current_store_path()) in status.path.toolTip()


def test_the_integrity_check_runs_once_per_store_per_session(qtbot, open_window, store_path, monkeypatch,
                                                              settle):
    checked: list[Path] = []
    real = connection.quick_check

    def counted(conn, path):
        checked.append(path)
        real(conn, path)

    monkeypatch.setattr(connection, "quick_check", counted)
    window = open_window(store_path)
    for _ in range(2):
        with qtbot.waitSignal(window.store_changed, timeout=5000):
            qtbot.keyClick(window, Qt.Key.Key_F5)
        settle(window)
    window.open_store(store_path.parent / ".." / store_path.parent.name / store_path.name)
    settle(window)
    assert checked == [store_path]
