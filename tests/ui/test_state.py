"""Remembered state: closing and reopening the window restores what the user set up."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from inspector_gui.reports.national_charts import load_trend
from inspector_gui.ui import settings as keys
from inspector_gui.ui.charts_panel import TABS
from inspector_gui.ui.settings import Settings

pytestmark = pytest.mark.qt_log_level_fail("WARNING")  # any Qt warning is a failure here


def test_reopening_restores_geometry_grouping_selection_and_filters(qtbot, open_window, store_path, settle):
    first = open_window(store_path)
    first.resize(780, 560)
    first.providers.grouping.set_value("region")
    first.providers.grouping.value_changed.emit("region")
    first.providers.select_key("provider:west-yorkshire-crc")
    first.matrix.every_action.trigger()
    box = first.matrix.filters["provider_type"]
    box.set_value("CRC")
    box.value_changed.emit("CRC")
    qtbot.mouseClick(first.findings.filters.domains.button(2), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(first.findings.filters.kinds["strength"], Qt.MouseButton.LeftButton)
    first.findings_dock.hide()
    settle(first)
    first.close()

    second = open_window(store_path, restore=True)
    assert (second.width(), second.height()) == (780, 560)
    assert second.providers.grouping.value() == "region"
    assert second.current_provider_id() == "west-yorkshire-crc"
    assert second.providers.tree.currentIndex().data() == "West Yorkshire CRC"
    assert second.matrix.every_action.isChecked()
    assert second.matrix.filters["provider_type"].value() == "CRC"
    assert second.findings.filters.domain() == "Regional organisational arrangements"
    assert second.findings.query().kinds == ("improvement", "recommendation")
    assert second.findings.query().domains == (("region-2023", "1"),)
    assert not second.findings_dock.isVisible()
    assert second.settings.recent_stores()[0] == str(store_path.resolve())


def test_a_setting_of_the_wrong_type_falls_back_to_its_default(tmp_path):
    path = tmp_path / "settings.ini"
    settings = Settings(path)
    settings.set(keys.FINDINGS_KINDS, "not a list")  # type: ignore[arg-type]
    settings.sync()
    assert Settings(path).get(keys.FINDINGS_KINDS) == keys.FINDINGS_KINDS.default


def test_settings_live_under_the_redirected_config_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    assert Settings().path == tmp_path / "inspector-gui" / "inspector-gui.ini"


def test_recent_stores_are_unique_newest_first_and_capped(tmp_path):
    settings = Settings(tmp_path / "s.ini")
    for number in range(12):
        settings.add_recent_store(tmp_path / f"{number}.db")
    recent = settings.add_recent_store(tmp_path / "3.db")
    assert recent[0] == str((tmp_path / "3.db").resolve())
    assert len(recent) == keys.MAX_RECENT
    assert len(set(recent)) == len(recent)


def test_reopening_restores_the_charts_tab_its_choices_and_save_folder(qtbot, open_window, store_path, store,
                                                                       settle, tmp_path, monkeypatch):
    first = open_window(store_path)
    charts = first.tabs.widget(1)
    first.tabs.setCurrentWidget(charts)
    charts.tabs.setCurrentIndex(TABS.index("trend"))
    charts.series.setCurrentIndex(charts.series.findData("standard"))
    charts.trend_type.setCurrentIndex(charts.trend_type.findData("PDU"))
    settle(first)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_: (str(tmp_path / "trend.png"), ""))
    charts.save_action.trigger()
    assert (tmp_path / "trend.png").is_file()
    first.close()

    second = open_window(store_path, restore=True)
    charts = second.tabs.currentWidget()
    assert second.tabs.tabText(second.tabs.currentIndex()) == "Charts"
    assert charts.current_tab() == "trend"
    assert charts.series.currentData() == "standard" and charts.trend_type.currentData() == "PDU"
    assert charts.save_state()["save_dir"] == str(tmp_path)
    qtbot.waitUntil(lambda: charts.current_figure() is not None, timeout=10000)
    assert charts.current_figure().chart == load_trend(store, "PDU")
