"""Standards heat strip: the overall rating and each standard (rows) for each of a provider's
inspections (columns), in the shared palette, with "not recorded" and "not applicable" distinct."""

from __future__ import annotations

import textwrap

import pyqtgraph as pg

from inspector_gui.charts.figure import Figure, SwatchSample, Theme, swatch_brush, tip_html
from inspector_gui.domain.chartdata import HeatmapChart
from inspector_gui.domain.palette import swatch
from inspector_gui.domain.ratings import Rating

CELL_WIDTH, CELL_HEIGHT = 0.94, 0.86
LEGEND_ORDER = (Rating.OUTSTANDING, Rating.GOOD, Rating.REQUIRES_IMPROVEMENT, Rating.INADEQUATE,
                Rating.NOT_RATED, Rating.NOT_RECORDED)


LABEL_CHARS = 16
"""Column labels wrap at this many characters: pyqtgraph drops a tick label wider than its share
of the axis, which took every date off the strip of a provider with two or three inspections."""


def column_label(date: str, framework: str) -> str:
    """The date, then the framework's name, in short lines."""
    return "\n".join(textwrap.wrap(date, LABEL_CHARS) + textwrap.wrap(framework, LABEL_CHARS))


class HeatmapFigure(Figure):
    """One coloured, labelled cell per standard and inspection; tooltips give rating and basis."""

    def __init__(self, chart: HeatmapChart, theme: Theme, parent: object = None) -> None:
        super().__init__(chart.caption, theme, parent)
        self.chart = chart
        self.add_legend(SwatchSample)
        for look in [swatch(r, dark=theme.dark) for r in LEGEND_ORDER] + [swatch(Rating.NOT_RECORDED,
                                                                                 False, theme.dark)]:
            self.add_legend_entry(look, look.label)
        if not chart.columns:
            self.show_empty("No inspections recorded for this provider")
            return
        self._axes()
        self._cells()
        self.on_hover(self._tip)

    def _axes(self) -> None:
        self.plot.invertY(True)
        self.plot.setXRange(-0.5, len(self.chart.columns) - 0.5, padding=0)
        self.plot.setYRange(-0.5, len(self.chart.rows) - 0.5, padding=0)
        self.plot.getAxis("left").setTicks([[(i, r.label) for i, r in enumerate(self.chart.rows)], []])
        labels = [column_label(c.label, c.framework) for c in self.chart.columns]
        self.plot.getAxis("bottom").setTicks([list(enumerate(labels)), []])
        lines = max((label.count("\n") + 1 for label in labels), default=1)
        self.plot.getAxis("bottom").setHeight(10 + 15 * lines)
        self.plot.getAxis("left").setStyle(tickLength=0)
        self.plot.getAxis("bottom").setStyle(tickLength=0)

    def _cells(self) -> None:
        cells = self.chart.cells
        looks = [swatch(c.rating, c.applicable, self.theme.dark) for c in cells]
        self.cells_item = pg.BarGraphItem(
            x=[c.column for c in cells], y=[c.row for c in cells], width=CELL_WIDTH,
            height=CELL_HEIGHT, brushes=[swatch_brush(s) for s in looks],
            pens=[pg.mkPen(s.hatch or None) for s in looks])
        self.plot.addItem(self.cells_item)
        self.plot.addItem(pg.InfiniteLine(pos=0.5, angle=0, pen=pg.mkPen(self.theme.foreground, width=1.5)))
        self.cell_labels = [self.add_text(c.text, c.column, c.row, look.text, (0.5, 0.5), 9)
                            for c, look in zip(cells, looks, strict=True) if not look.hatched]

    def _tip(self, x: float, y: float) -> str | None:
        cell = self.chart.cell_at(x, y)
        return tip_html(cell.tip) if cell else None
