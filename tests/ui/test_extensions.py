"""The charts tab and the export dialog, as the app attaches them to the main window."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction

from inspector_gui.store import Store
from inspector_gui.ui.charts_panel import ChartsPanel
from inspector_gui.ui.export_dialog import ExportDialog

pytestmark = pytest.mark.qt_log_level_fail("WARNING")  # any Qt warning is a failure here

WEST_YORKSHIRE = "west-yorkshire-crc"


def _charts(window) -> ChartsPanel:
    panel = window.tabs.widget(1)
    assert isinstance(panel, ChartsPanel) and window.tabs.tabText(1) == "Charts"
    return panel


def _export_action(window) -> QAction:
    return next(a for a in window.findChildren(QAction) if a.text() == "&Export provider summary…")


def test_the_charts_tab_follows_the_selected_provider(qtbot, window, settle):
    panel = _charts(window)
    window.providers.select_key(f"provider:{WEST_YORKSHIRE}")
    settle(window)
    window.tabs.setCurrentWidget(panel)
    qtbot.waitUntil(lambda: panel.current_figure() is not None, timeout=10000)
    assert panel.current_figure().chart.caption.title.startswith("West Yorkshire CRC")


def test_a_clicked_bar_segment_narrows_matrix_and_findings(window, store: Store, settle):
    ids = store.inspections_in_period("year", "2019")
    _charts(window).inspectionsRequested.emit(ids, "2019: every rating")
    settle(window)
    model = window.matrix.model
    assert sorted(model.row_at(r).inspection.inspection_id for r in range(model.rowCount())) == sorted(ids)
    assert window.matrix.banner.label.text() == f"Showing {len(ids)} inspections: 2019: every rating"
    assert window.findings.query().inspection_ids == tuple(ids)


def test_export_is_enabled_only_for_a_provider_and_opens_its_dialog(qtbot, window, settle):
    action = _export_action(window)
    assert not action.isEnabled()
    window.providers.select_key(f"provider:{WEST_YORKSHIRE}")
    settle(window)
    assert action.isEnabled()
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    dialog = next(d for d in window.findChildren(ExportDialog) if d.isVisible())
    assert dialog.provider.provider_id == WEST_YORKSHIRE
    dialog.reject()


def test_export_sits_in_the_file_menu_above_quit(window):
    titles = [a.text() for a in window.commands.file_menu.actions()]
    assert titles.index("&Export provider summary…") < titles.index("&Quit")
