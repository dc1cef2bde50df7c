"""Domain trend: the share of standard ratings Good or better per domain per year, one small panel
per domain on a shared scale. Under each year the number of ratings behind it; each point carries
a 95% interval and is hollow when it rests on few ratings, so small samples look uncertain."""

from __future__ import annotations

import html
import math

import numpy as np
import pyqtgraph as pg

from inspector_gui.charts.figure import Figure, Theme, spot_tip, tip_html
from inspector_gui.domain.chartdata import TrendChart, TrendPoint, TrendSeries
from inspector_gui.domain.domains import MAPPED
from inspector_gui.domain.palette import series_colour

COLUMNS = 2
PANEL_HEIGHT = 170
"""Each row of panels needs this much height to be read; the charts tab scrolls below it."""


class TrendFigure(Figure):
    """A 2-column grid of panels, one per domain name, each over its own years, sharing the
    0–100% scale; the charts tab scrolls when they need more height than it has."""

    PANELS = True

    def __init__(self, chart: TrendChart, theme: Theme, parent: object = None) -> None:
        super().__init__(chart.caption, theme, parent)
        self.chart = chart
        self.series_items: list[tuple[TrendSeries, pg.ScatterPlotItem]] = []
        for index, series in enumerate(chart.series):
            plot = self.add_plot(index // COLUMNS, index % COLUMNS)
            frameworks = series.label.removeprefix(series.code).strip()  # "(2021, 2018)"
            plot.setTitle(f"{html.escape(series.code)}<br>{html.escape(frameworks)}",
                          color=self.theme.foreground, size="10pt")
            self._axes(plot, series, _years(series), index)
            self._series(plot, series, series_colour(index))
            self.add_changes(series.changes, plot=plot)
        if not chart.series:
            self.show_empty("No standard ratings with a publication date for this choice",
                            self.add_plot(0, 0))
        rows = max(1, math.ceil(len(chart.series) / COLUMNS))
        self.setMinimumHeight(rows * PANEL_HEIGHT + 120 + 22 * len(chart.caption.notes))

    def _axes(self, plot: pg.PlotItem, series: TrendSeries, years: list[int], index: int) -> None:
        plot.setXRange(years[0] - 0.6, years[-1] + 0.6, padding=0)
        plot.setYRange(-4, 108, padding=0)
        rated = {p.year: p.rated for p in series.points}
        plot.getAxis("bottom").setTicks(
            [[(float(y), f"{y}\nn={rated[y]}" if y in rated else f"{y}\n") for y in years], []])
        plot.getAxis("bottom").setHeight(40)
        plot.getAxis("left").setTicks([[(v, f"{v}%") for v in range(0, 101, 25)], []])
        plot.showGrid(x=False, y=True, alpha=0.25)
        if index % COLUMNS == 0:
            self.set_axis_label("left", "Good or better", plot)

    def _series(self, plot: pg.PlotItem, series: TrendSeries, colour: str) -> None:
        xs: list[float] = []
        ys: list[float] = []
        for run in series.runs():
            xs += [float(p.year) for p in run] + [math.nan]
            ys += [100 * p.share for p in run] + [math.nan]
        plot.addItem(pg.PlotDataItem(xs, ys, pen=pg.mkPen(colour, width=2), connect="finite"))
        x = np.array([float(p.year) for p in series.points])
        y = np.array([100 * p.share for p in series.points])
        low = np.array([100 * p.interval[0] for p in series.points])
        high = np.array([100 * p.interval[1] for p in series.points])
        plot.addItem(pg.ErrorBarItem(x=x, y=y, top=high - y, bottom=y - low, beam=0.12,
                                     pen=pg.mkPen(colour, width=1.2)))
        scatter = pg.ScatterPlotItem(spots=[_spot(series, p, colour) for p in series.points],
                                     hoverable=True, tip=spot_tip)
        plot.addItem(scatter)
        self.series_items.append((series, scatter))


def _years(series: TrendSeries) -> list[int]:
    """The panel's years: from its first rating to its last, gaps included."""
    found = [p.year for p in series.points]
    return list(range(found[0], found[-1] + 1))


def _spot(series: TrendSeries, point: TrendPoint, colour: str) -> dict[str, object]:
    low, high = point.interval
    tip = [f"{series.label}, {point.year}",
           f"{point.good} of {point.rated} standard ratings Good or better ({point.share:.0%})",
           f"95% interval {low:.0%} to {high:.0%}"]
    tip += list(series.names)
    if len(series.names) > 1:
        tip.append(f"Pooled by name: {MAPPED}")
    return {"pos": (float(point.year), 100 * point.share), "size": 11, "symbol": "o",
            "data": tip_html(tip), "pen": pg.mkPen(colour, width=2),
            "brush": pg.mkBrush(None) if point.small else pg.mkBrush(colour)}
