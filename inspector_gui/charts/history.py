"""Provider history: the overall rating as a step line over publication date, with standard or
domain series beside it (toggled from the legend) and framework changes flagged."""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from pyqtgraph.graphicsItems.LegendItem import ItemSample
from pyqtgraph.graphicsItems.ScatterPlotItem import drawSymbol
from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter

from inspector_gui.charts.figure import Figure, Theme, font, spot_tip, tip_html, year_ticks
from inspector_gui.domain.chartdata import (
    NOT_GRADED_LEVEL,
    HistoryChart,
    Marker,
    SeriesGroup,
    series_offsets,
    share_path,
    share_y,
    step_path,
)
from inspector_gui.domain.palette import series_colour, swatch

SYMBOLS = ("o", "s", "t", "d", "t1", "p", "h", "star")


class HistoryFigure(Figure):
    """The history chart; ``mode`` is one of ``SERIES_MODES`` (overall, domain, standard)."""

    def __init__(self, chart: HistoryChart, theme: Theme, mode: str = "domain",
                 parent: object = None) -> None:
        super().__init__(chart.caption, theme, parent)
        self.chart = chart
        self.mode = mode
        self.series_items: list[tuple[SeriesGroup, pg.ScatterPlotItem]] = []
        self.overall_markers: pg.ScatterPlotItem | None = None
        self.share_line: pg.PlotDataItem | None = None
        self.add_legend(SeriesSample)
        if not chart.overall:
            self.show_empty("No inspections recorded for this provider")
            return
        self._axes()
        self._overall()
        groups = chart.series(mode)
        offsets = iter(series_offsets(sum(len(g.members) for g in groups)))
        for index, group in enumerate(groups):
            self._group(group, index, [next(offsets) for _ in group.members])
        if chart.national:
            self._national()
        self.add_changes(chart.changes, label_y=chart.top_level + 0.8)

    def _axes(self) -> None:
        low, high = self.chart.x_range()
        bottom = NOT_GRADED_LEVEL - 0.5 if self.chart.has_ungraded else -0.5
        top = self.chart.top_level + (1.0 if self.chart.changes else 0.5)
        if self.chart.national:  # room for the share axis's 0% and 100% ticks
            bottom, top = min(bottom, -0.65), max(top, self.chart.top_level + 0.65)
        self.plot.setXRange(low, high, padding=0)
        self.plot.setYRange(bottom, top, padding=0)
        ticks = list(self.chart.level_ticks)
        if self.chart.has_ungraded:
            ticks.append((NOT_GRADED_LEVEL, self.chart.ungraded_label()))
        self.plot.getAxis("left").setTicks([ticks, []])
        self.plot.getAxis("bottom").setTicks([year_ticks(low, high), []])
        self.plot.showGrid(x=False, y=True, alpha=0.25)
        self.set_axis_label("bottom", "Publication date")

    def _overall(self) -> None:
        xs, ys = self.chart.step()
        line = pg.PlotDataItem(xs, ys, pen=pg.mkPen(self.theme.foreground, width=2.5),
                               connect="finite")
        self.plot.addItem(line)
        self.add_legend_entry(line, "Overall rating")
        self._spans(self.chart.overall, line)
        self.overall_markers = self._markers([(m, 0.0) for m in self.chart.overall], 15, "o",
                                             self.theme.foreground, line)

    def _spans(self, markers: tuple[Marker, ...], parent: pg.PlotDataItem) -> None:
        """Horizontal bars over the years an undated inspection may have been published in."""
        undated = [m for m in markers if not m.dated and m.span]
        if undated:
            bars = pg.ErrorBarItem(
                x=np.array([m.x for m in undated]), y=np.array([float(m.level) for m in undated]),
                left=np.array([m.x - m.span[0] for m in undated]),
                right=np.array([m.span[1] - m.x for m in undated]), beam=0.12,
                pen=pg.mkPen(self.theme.muted, width=1.2, style=Qt.PenStyle.DotLine))
            bars.setParentItem(parent)

    def _markers(self, markers: list[tuple[Marker, float]], size: float, symbol: str, outline: str,
                 parent: pg.PlotDataItem, fill: str | None = None) -> pg.ScatterPlotItem:
        """Markers (each raised by its offset) filled with ``fill`` or else the rating's colour,
        hollow when undated, tooltips on hover; children of their line, so hiding the line from
        the legend hides them too."""
        spots = [{
            "pos": (m.x, m.level + offset), "data": tip_html(m.tip), "size": size, "symbol": symbol,
            "brush": pg.mkBrush(fill or swatch(m.rating).fill) if m.dated else pg.mkBrush(None),
            "pen": pg.mkPen(outline if m.dated else fill or swatch(m.rating).fill,
                            width=1.5 if m.dated else 2.5),
        } for m, offset in markers]
        scatter = pg.ScatterPlotItem(spots=spots, hoverable=True, tip=spot_tip)
        scatter.setParentItem(parent)
        return scatter

    def _group(self, group: SeriesGroup, index: int, offsets: list[float]) -> None:
        """One legend entry: the group's standards in one colour, each at its own offset."""
        xs: list[float] = []
        ys: list[float] = []
        markers: list[tuple[Marker, float]] = []
        for series, offset in zip(group.members, offsets, strict=True):
            for line in series.lines:
                line_x, line_y = step_path(line)
                xs += [*line_x, math.nan]
                ys += [y + offset for y in line_y] + [math.nan]
            markers += [(m, offset) for m in series.markers]
        colour = series_colour(index)
        symbol = SYMBOLS[index % len(SYMBOLS)]
        item = pg.PlotDataItem(xs, ys, pen=pg.mkPen(colour, width=1.6), connect="finite")
        item.legend_symbol = symbol
        self.plot.addItem(item)
        scatter = self._markers(markers, 9, symbol, colour, item, colour)
        self.add_legend_entry(item, group.label)
        self.series_items.append((group, scatter))


    def _national(self) -> None:
        """The national share Good or better: a dashed line on a right-hand 0-100% axis, each
        point labelled with its share and n, broken where the framework changes."""
        top = self.chart.top_level
        xs, ys = share_path(self.chart.national, top)
        pen = pg.mkPen(self.theme.muted, width=1.8, style=Qt.PenStyle.DashLine)
        line = pg.PlotDataItem(xs, ys, pen=pen, connect="finite")
        line.legend_symbol = "d"
        self.plot.addItem(line)
        self.add_legend_entry(line, "National share Good or better (right axis)")
        shown = [p for p in self.chart.national if p.share is not None]
        spots = [{"pos": (p.x, share_y(p.share or 0.0, top)), "data": tip_html(p.tip), "size": 10,
                  "symbol": "d", "brush": pg.mkBrush(self.theme.background),
                  "pen": pg.mkPen(self.theme.muted, width=1.8)} for p in shown]
        scatter = pg.ScatterPlotItem(spots=spots, hoverable=True, tip=spot_tip)
        scatter.setParentItem(line)
        low, high = self.chart.x_range()
        for point in shown:  # the label on the side away from the nearer edge, never cut off
            right = point.x < (low + high) / 2
            label = pg.TextItem(point.label, color=self.theme.muted, anchor=(-0.1 if right else 1.1, 1.1))
            label.setFont(font(8))
            label.setPos(point.x, share_y(point.share or 0.0, top))
            label.setParentItem(line)
        self.share_line = line
        axis = self.plot.getAxis("right")
        self.plot.showAxis("right")
        axis.setPen(pg.mkPen(self.theme.muted))
        axis.setTextPen(pg.mkPen(self.theme.muted))
        axis.setTickFont(font(9))
        axis.setTicks([[(share_y(s / 100, top), f"{s}%") for s in (0, 25, 50, 75, 100)], []])


class SeriesSample(ItemSample):
    """A legend sample drawing the series' line and, for a series, its marker symbol; a click
    shows or hides the series."""

    def paint(self, painter: QPainter, *args: object) -> None:
        super().paint(painter, *args)
        symbol = getattr(self.item, "legend_symbol", None)
        if symbol and self.item.isVisible():
            pen = self.item.opts["pen"]
            painter.translate(10, 11)
            drawSymbol(painter, symbol, 8, pg.mkPen(pen), pg.mkBrush(pen.color()))
