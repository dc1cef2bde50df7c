"""The Compare tab's export: its button, the comparison's context menu and the File menu write
the comparison shown as a workbook equal to what ``inspector compare -o`` writes."""

from __future__ import annotations

import openpyxl
import pytest
from workbook_readback import check_comparison_workbook, comparison

from inspector_gui.store import Store

pytestmark = pytest.mark.qt_log_level_fail("WARNING")


def _compare_tab(qtbot, window, provider_key: str):
    qtbot.waitUntil(lambda: window.catalogue.complete, timeout=10000)
    index = next(i for i in range(window.tabs.count()) if window.tabs.tabText(i) == "Compare")
    window.tabs.setCurrentIndex(index)
    panel = window.tabs.widget(index).panel()  # the tab holds its panel once shown
    window.providers.select_key(provider_key)
    qtbot.waitUntil(lambda: panel.result is not None, timeout=10000)
    return panel


def test_the_compare_tab_exports_the_comparison_shown(qtbot, window, settle, store_path, tmp_path):
    panel = _compare_tab(qtbot, window, "provider:west-yorkshire-crc")
    action = panel.export_action
    assert action.isEnabled() and action in panel.tree.actions()
    assert action in window.commands.file_menu.actions()
    chosen = []
    window.compare_export.choose_file = lambda suggested: chosen.append(suggested) or str(tmp_path / "wy")
    action.trigger()
    qtbot.waitUntil(lambda: (tmp_path / "wy.xlsx").exists() and not window.is_busy(), timeout=20000)
    settle(window)
    assert window.compare_export.last_message is None
    assert chosen[0].name == "west-yorkshire-crc-compared-2018-10-31-2020-03.xlsx"
    assert "wy.xlsx" in window.saved.label.text()
    with Store.open(store_path) as store:
        expected = comparison(store, "West Yorkshire CRC")
    check_comparison_workbook(openpyxl.load_workbook(tmp_path / "wy.xlsx"), expected)


def test_nothing_to_export_without_a_comparison(qtbot, window, settle):
    panel = _compare_tab(qtbot, window, "provider:west-yorkshire-crc")
    window.providers.select_key("provider:bedfordshire-pdu")
    settle(window)
    assert panel.result is None and not panel.export_action.isEnabled()
    assert "only one inspection" in panel.message.text()
