"""Two inspections selected in the provider tree → Compare: Ctrl+click or Shift+arrow, then the
context-menu / View action "Compare these two inspections" or Ctrl+K; earlier → later whatever the
order of selection; one selected keeps the single-selection behaviour the other panels follow."""

from __future__ import annotations

import shutil

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QKeySequence


def _compare_tab(window):
    return next(window.tabs.widget(i) for i in range(window.tabs.count())
                if window.tabs.tabText(i) == "Compare").panel()  # made here if not yet


def _actions(window):
    menu = window.commands.view_menu.actions()
    ctrl_k = next(a for a in menu if a.shortcut() == QKeySequence("Ctrl+K"))
    pair = next(a for a in menu if a.text() == "Compare &these two inspections")
    return ctrl_k, pair


def _ctrl_click(qtbot, tree, index):
    tree.scrollTo(index)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ControlModifier,
                     tree.visualRect(index).center())


def test_ctrl_click_two_inspections_then_the_context_action_compares_them_earlier_to_later(
        qtbot, open_window, settle, ofsted_store, tmp_path):
    path = tmp_path / "ofsted.db"
    shutil.copyfile(ofsted_store, path)
    window = open_window(path)
    qtbot.waitUntil(lambda: window.catalogue.complete, timeout=10000)
    providers, panel = window.providers, _compare_tab(window)
    ctrl_k, pair = _actions(window)
    providers.select_key("inspection:ofsted-80426-2023-10-27")  # Barnsley's latest, then its first
    settle(window)
    assert not pair.isEnabled() and window.current_scope().inspection_id == "ofsted-80426-2023-10-27"
    assert pair in providers.tree.actions()  # the tree's context menu
    _ctrl_click(qtbot, providers.tree, providers.model.index_for_key("inspection:ofsted-80426-2014-08-08"))
    settle(window)
    assert [s.inspection_id for s in providers.selected_inspections()] == [
        "ofsted-80426-2023-10-27", "ofsted-80426-2014-08-08"]
    assert window.current_scope().inspection_id == "ofsted-80426-2014-08-08"  # the others follow it
    assert pair.isEnabled()
    pair.trigger()
    assert window.tabs.currentWidget().panel() is panel
    assert (panel.start.value(), panel.end.value()) == ("ofsted-80426-2014-08-08", "ofsted-80426-2023-10-27")
    qtbot.waitUntil(lambda: panel.tree.topLevelItemCount() == 4, timeout=10000)
    assert panel.tree.topLevelItem(0).text(1) == "Not recorded"  # 2014: single inspection framework
    assert panel.tree.topLevelItem(0).text(2) == "Good"
    assert panel.tree.topLevelItem(3).text(0) == "Findings"  # Ofsted's data holds no findings
    providers.select_key("provider:ofsted-80426")  # one selected again: today's behaviour
    settle(window)
    assert not pair.isEnabled() and providers.selected_inspections() == []
    ctrl_k.trigger()
    assert (panel.start.value(), panel.end.value()) == ("ofsted-80426-2018-11-19", "ofsted-80426-2023-10-27")


def test_shift_arrow_selects_two_and_ctrl_k_compares_them(qtbot, window, settle):
    qtbot.waitUntil(lambda: window.catalogue.complete, timeout=10000)
    providers, panel = window.providers, _compare_tab(window)
    ctrl_k, pair = _actions(window)
    tree = providers.tree
    providers.select_key("inspection:west-yorkshire-crc-2020-03")  # newest first in the tree
    tree.setFocus()
    qtbot.keyClick(tree, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    settle(window)
    assert [s.inspection_id for s in providers.selected_inspections()] == [
        "west-yorkshire-crc-2020-03", "west-yorkshire-crc-2018-10-31"]
    assert pair.isEnabled()
    ctrl_k.trigger()
    assert window.tabs.currentWidget().panel() is panel
    assert (panel.start.value(), panel.end.value()) == ("west-yorkshire-crc-2018-10-31",
                                                        "west-yorkshire-crc-2020-03")
    qtbot.waitUntil(lambda: panel.tree.topLevelItemCount() == 7, timeout=10000)
    assert panel.tree.topLevelItem(0).text(3) == "same"


def test_two_inspections_of_different_providers_are_not_compared(qtbot, window, settle):
    qtbot.waitUntil(lambda: window.catalogue.complete, timeout=10000)
    providers, panel = window.providers, _compare_tab(window)
    _, pair = _actions(window)
    providers.select_key("inspection:west-yorkshire-crc-2020-03")
    other = providers.model.index_for_key("inspection:essex-north-pdu-2024-08")
    providers.tree.selectionModel().select(other, QItemSelectionModel.SelectionFlag.Select
                                           | QItemSelectionModel.SelectionFlag.Rows)
    before = (panel.start.value(), panel.end.value())
    pair.trigger()
    assert "same provider" in window.statusBar().currentMessage()
    assert (panel.start.value(), panel.end.value()) == before
