"""The figures plot exactly the store's numbers (read back from the pyqtgraph items), escape
imported text, and react to clicks."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF, Qt

from inspector_gui.charts.figure import DARK, LIGHT, tip_html
from inspector_gui.charts.heatmap import HeatmapFigure
from inspector_gui.charts.history import HistoryFigure
from inspector_gui.charts.national import NationalFigure
from inspector_gui.charts.trend import TrendFigure
from inspector_gui.domain.chartdata import Caption, HeatmapChart, HistoryChart, Marker
from inspector_gui.domain.palette import swatch
from inspector_gui.domain.ratings import Rating
from inspector_gui.reports.national_charts import load_national, load_trend
from inspector_gui.reports.provider_charts import load_heatmap, load_history

HAMPSHIRE = "hampshire-and-isle-of-wight-crc"
CAPTION = Caption("Nobody PDU: ratings over time", "PDU · 0 inspections", "", "Source: test")


def shown(qtbot, figure, width=1100, height=680):
    qtbot.addWidget(figure)
    figure.resize(width, height)
    figure.show()
    qtbot.waitExposed(figure)
    return figure


def click_at(qtbot, figure, plot, x: float, y: float) -> None:
    """Click the point (x, y) of the plot's data, which must be inside its visible plot area."""
    scene = plot.vb.mapViewToScene(QPointF(x, y))
    pos = figure.mapFromScene(scene)
    assert plot.vb.sceneBoundingRect().contains(scene) and figure.viewport().rect().contains(pos)
    qtbot.mouseClick(figure.viewport(), Qt.MouseButton.LeftButton, pos=pos)


@pytest.mark.parametrize("provider_id", [HAMPSHIRE, "essex-north-pdu",
                                         "leicester-leicestershire-and-rutland-pdu"])
def test_history_plots_the_store_overall_ratings(qtbot, store, provider_id):
    figure = shown(qtbot, HistoryFigure(load_history(store, provider_id), LIGHT))
    xs, ys = figure.overall_markers.getData()
    history = store.rating_history(provider_id)
    expected = sorted((p.inspection.published.decimal_year() or 0, p.overall) for p in history
                      if p.inspection.published.known)
    plotted = sorted((x, y) for x, y in zip(xs, ys, strict=True)
                     if x in {e[0] for e in expected})
    assert [x for x, _ in plotted] == [x for x, _ in expected]
    assert [y for _, y in plotted] == [r.level if r.is_graded else -1 for _, r in expected]
    assert len(xs) == len(history)


def test_history_standard_series_plot_each_recorded_rating(qtbot, store):
    figure = shown(qtbot, HistoryFigure(load_history(store, HAMPSHIRE), LIGHT, mode="standard"))
    plotted = set()
    for series, scatter in figure.series_items:
        xs, ys = scatter.getData()
        code = series.label.split()[0]
        plotted |= {(round(x, 6), code, round(y)) for x, y in zip(xs, ys, strict=True)}
    expected = {(round(p.inspection.published.decimal_year(), 6), code, cell.rating.level)
                for p in store.rating_history(HAMPSHIRE) for code, cell in p.cells.items()}
    assert plotted == expected
    assert len(figure.legend.items) == 1 + len(figure.series_items)


def test_history_modes_choose_the_series(qtbot, store):
    chart = load_history(store, HAMPSHIRE)
    counts = {mode: len(shown(qtbot, HistoryFigure(chart, LIGHT, mode=mode)).series_items)
              for mode in ("overall", "domain", "standard")}
    assert counts == {"overall": 0, "domain": len(chart.domains), "standard": len(chart.standards)}


def test_clicking_a_legend_entry_hides_and_shows_its_series(qtbot, store):
    figure = shown(qtbot, HistoryFigure(load_history(store, HAMPSHIRE), LIGHT, mode="standard"))
    sample, _ = figure.legend.items[1]
    scatter = figure.series_items[0][1]
    point = figure.mapFromScene(sample.sceneBoundingRect().center())
    qtbot.mouseClick(figure.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert not scatter.isVisible()
    qtbot.mouseClick(figure.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert scatter.isVisible()


def test_history_flags_framework_changes_with_labelled_lines(qtbot, store):
    import pyqtgraph as pg

    figure = shown(qtbot, HistoryFigure(load_history(store, "essex-north-pdu"), LIGHT))
    lines = [i for i in figure.plot.items if isinstance(i, pg.InfiniteLine)]
    assert [line.value() for line in lines] == [2023.0]
    texts = [i.textItem.toPlainText() for i in figure.plot.items if isinstance(i, pg.TextItem)]
    assert "PDU standards from October 2023" in texts


def test_heatmap_cells_take_the_palette_and_labels(qtbot, store):
    chart = load_heatmap(store, "essex-north-pdu")
    figure = shown(qtbot, HeatmapFigure(chart, LIGHT))
    opts = figure.cells_item.opts
    assert list(opts["x"]) == [c.column for c in chart.cells]
    assert list(opts["y"]) == [c.row for c in chart.cells]
    for cell, brush in zip(chart.cells, opts["brushes"], strict=True):
        look = swatch(cell.rating, cell.applicable)
        assert brush.color().name() == (look.hatch or look.fill)
        assert (brush.style() == Qt.BrushStyle.BDiagPattern) == (not cell.applicable)
    labels = [item.textItem.toPlainText() for item in figure.cell_labels]
    assert labels == [c.text for c in chart.cells if c.applicable]
    assert labels.count("I") == 5 and "RI" in labels


def test_heatmap_tooltip_describes_the_cell_under_the_mouse(qtbot, store):
    chart = load_heatmap(store, "essex-north-pdu")
    figure = shown(qtbot, HeatmapFigure(chart, LIGHT))
    cell = next(c for c in chart.cells if c.rating is Rating.INADEQUATE and c.row > 0)
    scene = figure.plot.vb.mapViewToScene(QPointF(cell.column, cell.row))
    figure.scene().sigMouseMoved.emit(scene)
    assert figure.plot.vb.toolTip() == tip_html(cell.tip)


@pytest.mark.parametrize(("by", "percent"), [("year", False), ("year", True), ("round", False)])
def test_national_bars_equal_the_store(qtbot, store, by, percent):
    figure = shown(qtbot, NationalFigure(load_national(store, by), LIGHT, percent=percent))
    periods = figure.chart.periods
    plotted: dict[str, dict[Rating, float]] = {}
    tops: dict[str, float] = {}
    for rating, bars in figure.bars.items():
        for x, bottom, height in zip(bars.opts["x"], bars.opts["y0"], bars.opts["height"], strict=True):
            plotted.setdefault(periods[int(x)], {})[rating] = height
            tops[periods[int(x)]] = max(tops.get(periods[int(x)], 0), bottom + height)
        assert bars.opts["brush"] == swatch(rating).fill
    for period, counts in store.national_distribution(by):
        total = sum(counts.values())
        want = {r: (100 * n / total if percent else n) for r, n in counts.items()}
        assert plotted[period] == pytest.approx(want)
        assert tops[period] == pytest.approx(100 if percent else total)


def test_clicking_a_national_segment_emits_it_with_its_inspections(qtbot, store):
    figure = shown(qtbot, NationalFigure(load_national(store), LIGHT))
    segment, bottom, height = next(s for s in figure.chart.stacks(False)
                                   if s[0].period == "2022" and s[0].rating is Rating.INADEQUATE)
    with qtbot.waitSignal(figure.segmentClicked) as blocker:
        click_at(qtbot, figure, figure.plot, segment.index + 0.1, bottom + height / 2)
    clicked = blocker.args[0]
    assert clicked.inspection_ids == tuple(store.inspections_in_period("year", "2022", Rating.INADEQUATE))
    assert len(clicked.inspection_ids) == 9


def test_clicking_between_bars_emits_nothing(qtbot, store):
    figure = shown(qtbot, NationalFigure(load_national(store), LIGHT))
    _, bottom, height = next(s for s in figure.chart.stacks(False) if s[0].index == 0)
    with qtbot.assertNotEmitted(figure.segmentClicked):
        click_at(qtbot, figure, figure.plot, 0.5, bottom + height / 2)
    with qtbot.waitSignal(figure.segmentClicked):  # the same height on the bar beside does hit
        click_at(qtbot, figure, figure.plot, 0, bottom + height / 2)


def test_trend_points_equal_the_store_shares(qtbot, store):
    figure = shown(qtbot, TrendFigure(load_trend(store), LIGHT))
    plotted = []
    for series, scatter in figure.series_items:
        xs, ys = scatter.getData()
        plotted += [(series.code, str(int(x)), y) for x, y in zip(xs, ys, strict=True)]
    expected = [(s.code, str(p.year), pytest.approx(100 * p.good / p.rated))
                for s in figure.chart.series for p in s.points]
    assert plotted == expected
    assert {s.code for s in figure.chart.series} >= {"Case supervision", "Service delivery"}
    hollow = [spot.brush().style() == Qt.BrushStyle.NoBrush
              for _, scatter in figure.series_items for spot in scatter.points()]
    small = [p.small for s in figure.chart.series for p in s.points]
    assert hollow == small


def test_imported_text_is_escaped_in_titles_and_tooltips(qtbot):
    hostile = "<b>Bold</b> & <img src=x>"
    marker = Marker("i", 2020.5, Rating.GOOD, True, None, (hostile, "line"))
    chart = HistoryChart(Caption(hostile, hostile, "", hostile), (marker,), (), (), ())
    figure = shown(qtbot, HistoryFigure(chart, LIGHT))
    title = figure.ci.getItem(0, 0)
    assert "&lt;b&gt;Bold&lt;/b&gt; &amp; &lt;img src=x&gt;" in title.text
    assert title.item.toPlainText() == hostile
    tip = figure.overall_markers.data["data"][0]
    assert tip == "<b>&lt;b&gt;Bold&lt;/b&gt; &amp; &lt;img src=x&gt;</b><br>line"


@pytest.mark.parametrize("empty", [HistoryChart(CAPTION, (), (), (), ()),
                                   HeatmapChart(CAPTION, (), (), ())])
def test_a_provider_without_inspections_says_so(qtbot, empty):
    figure_type = HistoryFigure if isinstance(empty, HistoryChart) else HeatmapFigure
    figure = shown(qtbot, figure_type(empty, DARK))
    texts = [i.textItem.toPlainText() for i in figure.plot.items if hasattr(i, "textItem")]
    assert texts == ["No inspections recorded for this provider"]
