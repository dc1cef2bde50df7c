"""The charts tab and the export dialog, as the app attaches them to the main window."""

from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction

from inspector_gui.store import Store
from inspector_gui.ui import export_worker
from inspector_gui.ui.charts_panel import TABS, ChartsPanel
from inspector_gui.ui.export_dialog import ExportDialog
from inspector_gui.ui.extensions import open_export

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


def test_export_opens_the_dialog_of_the_selected_provider(qtbot, window, settle):
    action = _export_action(window)
    assert action.isEnabled(), "with no provider it says what to select (tests/ui/test_new_user.py)"
    window.providers.select_key(f"provider:{WEST_YORKSHIRE}")
    settle(window)
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    dialog = next(d for d in window.findChildren(ExportDialog) if d.isVisible())
    assert dialog.provider.provider_id == WEST_YORKSHIRE
    dialog.reject()


def test_export_sits_in_the_file_menu_above_quit(window):
    titles = [a.text() for a in window.commands.file_menu.actions()]
    assert titles.index("&Export provider summary…") < titles.index("&Quit")


def test_the_export_dialog_takes_its_choices_from_the_catalogue_not_the_disk(qtbot, window, settle,
                                                                           monkeypatch):
    window.providers.select_key(f"provider:{WEST_YORKSHIRE}")
    settle(window)

    def no_disk(*_args, **_kwargs):
        raise AssertionError("the store was opened on the GUI thread")

    monkeypatch.setattr(Store, "open", no_disk)
    dialog = open_export(window)
    assert dialog is not None and dialog.provider.name == "West Yorkshire CRC"
    assert list(dialog.domain_checks) == [("crc-nps-2018", "1"), ("crc-nps-2018", "2"),
                                          ("crc-nps-2018", "4"), ("", "")]
    dialog.reject()


def test_charts_load_through_the_windows_query_runner(qtbot, window, settle, monkeypatch):
    keys: list[str] = []
    submit = window.runner.submit

    def counted(key, *args, **kwargs):
        keys.append(key)
        submit(key, *args, **kwargs)

    monkeypatch.setattr(window.runner, "submit", counted)
    panel = _charts(window)
    window.tabs.setCurrentWidget(panel)
    panel.tabs.setCurrentIndex(TABS.index("national"))
    assert window.is_busy()
    settle(window)
    assert panel.current_figure() is not None
    assert [key for key in keys if key.startswith("charts/")] == ["charts/national"]  # tabs made when idle


def test_closing_the_window_cancels_a_running_export_and_waits_for_it(qtbot, window, settle, monkeypatch,
                                                                     tmp_path):
    steps: list[int] = []
    stopped = threading.Event()

    def slow(*_args, progress, **_kwargs):
        try:
            for step in range(500):
                progress(step, 500)
                steps.append(step)
                time.sleep(0.01)
        finally:
            stopped.set()

    monkeypatch.setattr(export_worker, "build_summary", slow)
    window.providers.select_key(f"provider:{WEST_YORKSHIRE}")
    settle(window)
    dialog = open_export(window)
    (tmp_path / "out").mkdir()
    dialog.path.setText(str(tmp_path / "out" / "wy.pdf"))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(steps) > 5, timeout=10000)
    window.close()
    assert stopped.is_set() and len(steps) < 500
    assert list((tmp_path / "out").iterdir()) == []
