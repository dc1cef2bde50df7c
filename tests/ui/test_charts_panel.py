"""The charts panel follows the store and provider, loads off the GUI thread, drops stale results,
drills down from the national picture and saves the chart shown."""

from __future__ import annotations

import sys
from dataclasses import replace

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QImage, QKeySequence, QPalette
from PySide6.QtWidgets import QFileDialog, QMessageBox

from inspector_gui.domain.ratings import Rating
from inspector_gui.errors import InspectorError
from inspector_gui.reports import national_charts
from inspector_gui.reports.provider_charts import load_history
from inspector_gui.ui import shortcuts
from inspector_gui.ui.charts_panel import TABS, ChartsPanel
from inspector_gui.ui.workers import QueryRunner

HAMPSHIRE = "hampshire-and-isle-of-wight-crc"
ESSEX = "essex-north-pdu"


@pytest.fixture
def runner():
    return QueryRunner()


@pytest.fixture
def panel(qtbot, store_path, runner):
    widget = ChartsPanel(runner)
    qtbot.addWidget(widget)
    widget.resize(1100, 720)
    widget.set_store(store_path)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def open_tab(qtbot, panel, tab: str):
    panel.tabs.setCurrentIndex(TABS.index(tab))
    qtbot.waitUntil(lambda: panel.current_figure() is not None and panel.current_figure().isVisible(),
                    timeout=10000)
    return panel.current_figure()


def message(panel, tab: str) -> str:
    return panel.pages[tab].message.text()


def test_without_a_provider_the_provider_tabs_say_what_to_do(qtbot, panel):
    assert panel.current_tab() == "history"
    assert message(panel, "history") == ("Select a provider in the tree, or a row of the rating matrix, "
                                         "to see its ratings.")
    assert panel.current_figure() is None


def test_without_a_store_every_tab_says_so(qtbot, runner):
    widget = ChartsPanel(runner)
    qtbot.addWidget(widget)
    widget.show()
    widget.tabs.setCurrentIndex(TABS.index("national"))
    assert message(widget, "national") == "No store is open."


def test_history_follows_the_selected_provider_and_plots_its_data(qtbot, panel, store):
    panel.set_provider(HAMPSHIRE)
    figure = open_tab(qtbot, panel, "history")
    xs, ys = figure.overall_markers.getData()
    expected = load_history(store, HAMPSHIRE)
    assert list(xs) == [m.x for m in expected.overall]
    assert list(ys) == [m.level for m in expected.overall]
    panel.set_provider(ESSEX)
    qtbot.waitUntil(lambda: panel.current_figure() is not None
                    and panel.current_figure().chart.caption.title.startswith("Essex North PDU"))
    panel.set_provider(None)
    assert panel.current_figure() is None
    assert message(panel, "history") == ("Select a provider in the tree, or a row of the rating matrix, "
                                         "to see its ratings.")


def test_the_national_share_toggle_adds_the_series_and_is_remembered(qtbot, panel, store):
    panel.set_provider(ESSEX)
    figure = open_tab(qtbot, panel, "history")
    assert figure.share_line is None and not figure.chart.national
    panel.national_share.setFocus()
    qtbot.keyClick(panel.national_share, Qt.Key.Key_Space)  # keyboard reachable
    qtbot.waitUntil(lambda: panel.current_figure() is not None
                    and bool(panel.current_figure().chart.national), timeout=10000)
    figure = panel.current_figure()
    expected = load_history(store, ESSEX, national_share=True).national
    assert figure.chart.national == expected and figure.share_line is not None
    assert [(p.good, p.n) for p in expected] == [(0, 5), (0, 3)]
    state = panel.save_state()
    assert state["national_share"] == "yes"
    other = ChartsPanel(QueryRunner())
    qtbot.addWidget(other)
    other.restore_state(state)
    assert other.national_share.isChecked()


def test_a_stale_result_is_dropped(qtbot, panel, runner):
    panel.set_provider(HAMPSHIRE)
    panel.set_provider(ESSEX)
    assert runner.pending() == 2
    qtbot.waitUntil(lambda: runner.pending() == 0, timeout=10000)
    assert panel.current_figure().chart.caption.title.startswith("Essex North PDU")


def test_a_bug_in_a_load_is_reported_and_the_tab_stops_loading(qtbot, panel, monkeypatch):
    reported: list[BaseException] = []
    monkeypatch.setattr(sys, "excepthook", lambda _kind, exc, _tb: reported.append(exc))
    monkeypatch.setattr(national_charts, "load_trend", lambda *_: 1 / 0)
    panel.tabs.setCurrentIndex(TABS.index("trend"))
    qtbot.waitUntil(lambda: message(panel, "trend") != "Loading…", timeout=10000)
    assert [type(e) for e in reported] == [ZeroDivisionError]
    assert message(panel, "trend") == "The chart could not be loaded; the problem was reported."


def test_series_choice_redraws_without_reloading(qtbot, panel):
    panel.set_provider(HAMPSHIRE)
    figure = open_tab(qtbot, panel, "history")
    data = panel._data["history"]
    panel.series.setCurrentIndex(panel.series.findData("standard"))
    redrawn = panel.current_figure()
    assert redrawn is not figure and redrawn.chart is data
    assert len(redrawn.series_items) == len(data.standards)


def test_clicking_a_national_segment_requests_those_inspections(qtbot, panel, store):
    figure = open_tab(qtbot, panel, "national")
    segment, bottom, height = next(s for s in figure.chart.stacks(False)
                                   if s[0].period == "2019" and s[0].rating is Rating.REQUIRES_IMPROVEMENT)
    point = figure.mapFromScene(figure.plot.vb.mapViewToScene(QPointF(segment.index, bottom + height / 2)))
    with qtbot.waitSignal(panel.inspectionsRequested) as blocker:
        qtbot.mouseClick(figure.viewport(), Qt.MouseButton.LeftButton, pos=point)
    ids, label = blocker.args
    assert ids == store.inspections_in_period("year", "2019", Rating.REQUIRES_IMPROVEMENT)
    assert label == "Requires improvement, 2019 (15 inspections)"


def test_national_choices_reload_with_the_type_filter(qtbot, panel, store):
    open_tab(qtbot, panel, "national")
    panel.national_type.setCurrentIndex(panel.national_type.findData("CRC"))
    panel.by.setCurrentIndex(panel.by.findData("round"))
    qtbot.waitUntil(lambda: panel.current_figure() is not None
                    and panel.current_figure().chart.by == "round")
    chart = panel.current_figure().chart
    assert chart.provider_type == "CRC"
    assert {s.period: s.total for s in chart.segments} == {
        period: sum(counts.values()) for period, counts in store.national_distribution("round", "CRC")}
    panel.percent.setCurrentIndex(panel.percent.findData("yes"))
    assert panel.current_figure().percent


def test_save_chart_writes_png_and_svg_at_the_size_shown_or_asked(qtbot, panel, tmp_path):
    open_tab(qtbot, panel, "trend")
    shown = panel.current_figure().size()
    panel.save_chart(tmp_path / "trend.png")
    image = QImage(str(tmp_path / "trend.png"))
    assert (image.width(), image.height()) == (shown.width(), shown.height())
    panel.save_chart(tmp_path / "trend.svg", 1000, 640)
    assert b'width="1000" height="640"' in (tmp_path / "trend.svg").read_bytes()
    with pytest.raises(InspectorError, match=r"\.png or \.svg"):
        panel.save_chart(tmp_path / "trend.bmp")


def test_save_chart_with_nothing_shown_is_a_clear_error(qtbot, panel, tmp_path):
    with pytest.raises(InspectorError, match="no chart to save"):
        panel.save_chart(tmp_path / "x.png")
    assert not (tmp_path / "x.png").exists()


def test_state_round_trips(qtbot, panel, store_path):
    panel.series.setCurrentIndex(panel.series.findData("standard"))
    panel.trend_type.setCurrentIndex(panel.trend_type.findData("PDU"))
    panel.tabs.setCurrentIndex(TABS.index("trend"))
    state = panel.save_state()
    other = ChartsPanel(QueryRunner())
    qtbot.addWidget(other)
    other.restore_state(state)
    assert other.save_state() == state
    assert state["series"] == "standard" and state["trend_type"] == "PDU" and state["tab"] == "trend"


def test_a_dark_palette_gives_dark_charts(qtbot, panel):
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Window, QColor("#202124"))
    panel.setPalette(palette)
    figure = open_tab(qtbot, panel, "national")
    assert figure.theme.dark


def test_a_broken_store_shows_the_error_in_the_tab(qtbot, panel, tmp_path):
    bad = tmp_path / "bad.db"
    bad.write_text("not a database")
    panel.set_store(bad)
    panel.tabs.setCurrentIndex(TABS.index("trend"))
    qtbot.waitUntil(lambda: "is not a SQLite database" in message(panel, "trend"))
    assert panel.current_figure() is None


def test_the_panel_grabbed_offscreen_shows_the_chart(qtbot, panel, tmp_path):
    panel.set_provider(ESSEX)
    open_tab(qtbot, panel, "heatmap")
    image = panel.grab().toImage()
    assert image.width() == 1100
    inadequate = QColor("#d7191c").rgb()
    assert sum(1 for x in range(0, image.width(), 3) for y in range(0, image.height(), 3)
               if image.pixel(x, y) == inadequate) > 500


def test_an_imported_id_cannot_move_the_proposed_chart_file_out_of_the_folder(qtbot, escaping, runner,
                                                                              tmp_path, monkeypatch):
    asked: list[str] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda _parent, _title, start, _filter:
                        (asked.append(start), ("", ""))[1])
    widget = ChartsPanel(runner)
    qtbot.addWidget(widget)
    widget.set_store(escaping.path)
    widget.set_provider(escaping.provider_id)
    widget.restore_state({"save_dir": str(tmp_path)})
    widget.show()
    qtbot.waitUntil(lambda: widget.current_figure() is not None, timeout=10000)
    widget.save_action.trigger()
    assert asked == [str(tmp_path / "etc-x-history.png")]


def test_a_chart_that_cannot_be_saved_gets_a_plain_non_blocking_dialog(qtbot, panel, tmp_path, monkeypatch):
    target = tmp_path / "<b>missing</b>" / "trend.png"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_: (str(target), ""))
    monkeypatch.setattr(QMessageBox, "exec", lambda _box: pytest.fail("a blocking exec() was used"))
    open_tab(qtbot, panel, "trend")
    panel.save_action.trigger()
    box = next(b for b in panel.findChildren(QMessageBox) if b.isVisible())
    assert box.windowTitle() == "Chart not saved"
    assert box.textFormat() == Qt.TextFormat.PlainText
    assert box.text() == f"{target}: cannot be written: the folder {target.parent} does not exist"
    box.close()


def test_the_save_shortcut_comes_from_the_shortcut_table(qtbot, runner, monkeypatch):
    table = tuple(replace(s, keys="Ctrl+Alt+P") if s.name == "save_chart" else s for s in shortcuts.SHORTCUTS)
    monkeypatch.setattr(shortcuts, "SHORTCUTS", table)
    widget = ChartsPanel(runner)
    qtbot.addWidget(widget)
    assert widget.save_action.shortcut() == QKeySequence("Ctrl+Alt+P")
    assert "(Ctrl+Alt+P)" in widget.save_action.toolTip()


def test_save_chart_as_svg_with_characters_xml_cannot_hold(qtbot, runner, store_path, tmp_path):
    """A name holding ESC, U+FFFF or U+FFFE (a store written by another tool) saves as an SVG
    that parses, the characters shown as escapes, instead of "Something went wrong"."""
    import sqlite3
    import xml.dom.minidom

    conn = sqlite3.connect(store_path)
    with conn:
        conn.execute("UPDATE providers SET name = ? WHERE provider_id = ?",
                     ("Hampshire \x1b[31m\uffff\ufffe CRC", HAMPSHIRE))
    conn.close()
    widget = ChartsPanel(runner)
    qtbot.addWidget(widget)
    widget.resize(1100, 720)
    widget.set_store(store_path)
    widget.show()
    widget.set_provider(HAMPSHIRE)
    open_tab(qtbot, widget, "history")
    widget.save_chart(tmp_path / "history.svg")
    document = xml.dom.minidom.parse(str(tmp_path / "history.svg"))
    title = document.getElementsByTagName("title")[0].firstChild.data
    assert title.startswith("Hampshire \\x1b[31m\\uffff\\ufffe CRC")
