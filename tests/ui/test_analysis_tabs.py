"""The Themes tab (and the other comparison tabs): counts off the GUI thread, a row a keypress
away from its inspections and findings."""

from __future__ import annotations

from PySide6.QtCore import Qt

from inspector_gui.reports.themes import resolve_theme, theme_inspections
from inspector_gui.store import Store


def _tab(window, title):
    index = next(i for i in range(window.tabs.count()) if window.tabs.tabText(i) == title)
    window.tabs.setCurrentIndex(index)
    return window.tabs.widget(index)


def test_themes_tab_counts_and_enter_shows_the_rows_inspections(qtbot, window, settle, store_path):
    panel = _tab(window, "Themes")
    qtbot.waitUntil(lambda: panel.model.rowCount() > 0, timeout=10000)
    assert panel.page.figure is not None
    row = next(r for r in range(panel.model.rowCount()) if panel.model.row_at(r).count.matching)
    theme_row = panel.model.row_at(row)
    with Store.open(store_path) as store:
        expected = theme_inspections(store, resolve_theme("risk of harm"), "year", theme_row.key)
    panel.table.setFocus()
    panel.table.setCurrentIndex(panel.model.index(row, 0))
    qtbot.keyClick(panel.table, Qt.Key.Key_Return)
    settle(window)
    assert window.tabs.currentWidget() is window.matrix
    assert window.findings.filters.search.text() == "risk of harm"
    assert window.findings.query().inspection_ids == tuple(expected)


def test_typed_words_are_counted_by_kind(qtbot, window, settle):
    panel = _tab(window, "Themes")
    settle(window)
    panel.by.set_value("kind")
    panel.theme_box.setEditText("unpaid work")
    qtbot.keyClick(panel.theme_box.lineEdit(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: panel.model.rowCount() and panel.model.headerData(
        0, Qt.Orientation.Horizontal) == "Kind", timeout=10000)
    labels = [panel.model.row_at(r).label for r in range(panel.model.rowCount())]
    assert labels == ["Strength", "Area for improvement", "Recommendation"]
