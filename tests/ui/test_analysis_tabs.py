"""The Themes tab (and the other comparison tabs): counts off the GUI thread, a row a keypress
away from its inspections and findings."""

from __future__ import annotations

from PySide6.QtCore import Qt

from inspector_gui.reports.themes import resolve_theme, theme_inspections
from inspector_gui.store import Store


def _tab(window, title):
    index = next(i for i in range(window.tabs.count()) if window.tabs.tabText(i) == title)
    window.tabs.setCurrentIndex(index)
    return window.tabs.widget(index).panel()  # the tab holds its panel once shown


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


def _provider_index(window, provider_id):
    return window.providers.model.index_for_key(f"provider:{provider_id}")


def test_tree_and_matrix_show_direction_of_travel_in_words(qtbot, window, settle):
    from inspector_gui.ui.models.provider_tree import SINCE
    from inspector_gui.ui.models.rating_matrix import SINCE as MATRIX_SINCE

    qtbot.waitUntil(lambda: window.catalogue.complete, timeout=10000)
    index = _provider_index(window, "north-and-north-east-lincolnshire-pdu")
    since = index.siblingAtColumn(SINCE)
    assert since.data().startswith("▼≈ ")
    assert "down since the previous inspection (Requires improvement, 30 March 2023)" in \
        since.data(Qt.ItemDataRole.AccessibleTextRole)
    assert "down since" in since.data(Qt.ItemDataRole.ToolTipRole)
    assert "down since" in index.siblingAtColumn(1).data(Qt.ItemDataRole.AccessibleTextRole)
    model = window.matrix.model
    row = next(r for r in range(model.rowCount())
               if model.row_at(r).provider.provider_id == "west-yorkshire-crc")
    cell = model.index(row, MATRIX_SINCE)
    assert cell.data().startswith("= ")
    assert "same as the previous inspection (Requires improvement, 31 October 2018)" in \
        cell.data(Qt.ItemDataRole.AccessibleTextRole)


def test_tree_and_matrix_say_mapped_not_identical_like_the_exports(qtbot, window, settle):
    """The same rule as ``inspector ratings`` and the exports (tests/unit/test_change_outputs.py)."""
    from inspector_gui.ui.models.provider_tree import SINCE
    from inspector_gui.ui.models.rating_matrix import SINCE as MATRIX_SINCE

    qtbot.waitUntil(lambda: window.catalogue.complete, timeout=10000)
    since = _provider_index(window, "essex-north-pdu").siblingAtColumn(SINCE)
    assert since.data().startswith("▲≈ ")
    words = since.data(Qt.ItemDataRole.AccessibleTextRole)
    assert "up since the previous inspection" in words and "mapped, not identical" in words
    model = window.matrix.model
    row = next(r for r in range(model.rowCount())
               if model.row_at(r).provider.provider_id == "essex-north-pdu")
    cell = model.index(row, MATRIX_SINCE)
    assert cell.data().startswith("▲≈ ") and "mapped, not identical" in cell.data(Qt.ItemDataRole.ToolTipRole)


def test_worse_and_older_filters_narrow_the_tree(qtbot, window, settle):
    qtbot.waitUntil(lambda: window.catalogue.complete, timeout=10000)
    filters = window.providers.travel
    filters.worse.setChecked(True)
    model = window.providers.model
    assert model.index(0, 0).data() == "All providers (2)"
    assert _provider_index(window, "west-kent-pdu").isValid()
    assert _provider_index(window, "north-and-north-east-lincolnshire-pdu").isValid()
    assert not _provider_index(window, "west-yorkshire-crc").isValid()
    filters.worse.setChecked(False)
    filters.years.setValue(6)
    filters.older.setChecked(True)
    assert _provider_index(window, "west-yorkshire-crc").isValid()
    assert not _provider_index(window, "kirklees-pdu").isValid()


def test_ctrl_k_compares_the_selected_providers_latest_with_its_previous(qtbot, window, settle):
    from PySide6.QtGui import QKeySequence

    qtbot.waitUntil(lambda: window.catalogue.complete, timeout=10000)
    window.providers.select_key("provider:west-yorkshire-crc")
    action = next(a for a in window.commands.view_menu.actions() if a.shortcut() == QKeySequence("Ctrl+K"))
    action.trigger()
    panel = window.tabs.currentWidget().panel()
    assert window.tabs.tabText(window.tabs.currentIndex()) == "Compare"
    qtbot.waitUntil(lambda: panel.tree.topLevelItemCount() == 7, timeout=10000)
    overall = panel.tree.topLevelItem(0)
    assert [overall.text(c) for c in range(4)] == [
        "Overall rating", "Requires improvement", "Requires improvement", "same"]
    recurring = panel.tree.topLevelItem(3)
    assert recurring.text(0).startswith("Recurring findings (") and recurring.childCount() > 0
    assert recurring.child(0).text(3).startswith("match 0.")
    panel.tree.setCurrentItem(recurring.child(0))
    assert "Earlier: " in panel.detail.text() and "Later: " in panel.detail.text()
    panel.start.set_value("west-yorkshire-crc-2020-03")
    panel.start.value_changed.emit("west-yorkshire-crc-2020-03")
    assert "Choose two different inspections" in panel.message.text()


def test_benchmark_tab_follows_the_selection_and_remembers_chosen_peers(qtbot, window, settle, monkeypatch):
    from inspector_gui.ui import settings as keys
    from inspector_gui.ui.benchmark_panel import PeerDialog
    from inspector_gui.ui.roles import ItemRole, RatingRole

    qtbot.waitUntil(lambda: window.catalogue.complete, timeout=10000)
    panel = _tab(window, "Benchmark")
    window.providers.select_key("provider:west-yorkshire-crc")
    qtbot.waitUntil(lambda: panel.model.rowCount() > 0, timeout=10000)
    model = panel.model
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())] == [
        "Standard", "Rating", "National", "Region: Yorkshire and the Humber"]
    national = model.index(0, 2).data(ItemRole)
    assert national.n == 19 and model.index(0, 1).data(RatingRole).label == "Requires improvement"
    assert "2 better, 16 level, 1 worse" in model.index(0, 2).data(Qt.ItemDataRole.AccessibleTextRole)

    def pick(dialog):
        for row in range(dialog.list.count()):
            item = dialog.list.item(row)
            if item.text() in ("Merseyside CRC", "Essex CRC"):
                item.setCheckState(Qt.CheckState.Checked)
        return PeerDialog.DialogCode.Accepted

    monkeypatch.setattr(PeerDialog, "exec", pick)
    panel.choose_peers()
    qtbot.waitUntil(lambda: model.columnCount() == 5, timeout=10000)
    assert model.headerData(4, Qt.Orientation.Horizontal) == "Chosen peers"
    assert model.index(0, 4).data(ItemRole).n == 2
    assert sorted(window.settings.get(keys.BENCHMARK_PEERS)["west-yorkshire-crc"]) == [
        "essex-crc", "merseyside-crc"]
