"""National picture: overall ratings stacked per year or round, as counts or percentages.
Clicking a segment emits it, with the ids of the inspections behind it."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal

from inspector_gui.charts.figure import Figure, SwatchSample, Theme, tip_html
from inspector_gui.domain.chartdata import BAR_WIDTH, NationalChart, Segment
from inspector_gui.domain.palette import swatch

LABEL_MIN_SHARE = 0.07
HEADROOM = 1.16
"""The axis reaches this far above the tallest bar, so its n= label is never cut at the top."""
"""A segment shorter than this share of the axis gets no count printed inside it."""


class NationalFigure(Figure):
    """Stacked bars; ``segmentClicked(Segment)`` on a left click on a segment."""

    segmentClicked = Signal(object)

    def __init__(self, chart: NationalChart, theme: Theme, percent: bool = False,
                 parent: object = None) -> None:
        super().__init__(chart.caption, theme, parent)
        self.chart = chart
        self.percent = percent
        self.bars: dict[object, pg.BarGraphItem] = {}
        self.add_legend(SwatchSample)
        if not chart.segments:
            self.show_empty("No inspections with an overall rating for this choice")
            return
        self._axes()
        self._bars()
        self.add_changes(chart.changes)
        self.on_hover(self._tip)
        self.scene().sigMouseClicked.connect(self._clicked)

    def _scale_max(self) -> float:
        return 100.0 if self.percent else float(max(self.chart.totals(), default=0) or 1)

    def _axes(self) -> None:
        self.plot.setXRange(-0.6, max(len(self.chart.periods), 1) - 0.4, padding=0)
        self.plot.setYRange(-0.015 * self._scale_max(), self._scale_max() * HEADROOM, padding=0)
        self.plot.getAxis("bottom").setTicks([list(enumerate(self.chart.periods)), []])
        self.plot.getAxis("bottom").setStyle(tickLength=0)
        if self.percent:
            self.plot.getAxis("left").setTicks([[(v, f"{v}%") for v in range(0, 101, 25)], []])
        self.plot.showGrid(x=False, y=True, alpha=0.25)
        self.set_axis_label("left", "Share of inspections" if self.percent else "Inspections")
        self.set_axis_label("bottom", "Year of publication" if self.chart.by == "year" else "Round")

    def _bars(self) -> None:
        stacks = self.chart.stacks(self.percent)
        for rating in reversed(self.chart.order):
            found = [(s, bottom, height) for s, bottom, height in stacks if s.rating == rating]
            look = swatch(rating, dark=self.theme.dark)
            if rating.is_graded or found:
                self.add_legend_entry(look, look.label)
            if not found:
                continue
            self.bars[rating] = pg.BarGraphItem(
                x=[s.index for s, _, _ in found], y0=[b for _, b, _ in found],
                height=[h for _, _, h in found], width=BAR_WIDTH, brush=look.fill,
                pen=pg.mkPen(self.theme.background, width=1))
            self.plot.addItem(self.bars[rating])
            self._counts(found, look.text)
        self._totals()

    def _counts(self, found: list[tuple[Segment, float, float]], colour: str) -> None:
        """The count (or share) inside each segment tall enough to hold it."""
        for segment, bottom, height in found:
            if height >= LABEL_MIN_SHARE * self._scale_max():
                self.add_text(self._value(segment), segment.index, bottom + height / 2, colour,
                              (0.5, 0.5), 9)

    def _totals(self) -> None:
        """``n=`` above each bar, so a 100% of one inspection is not mistaken for a trend."""
        for index, total in enumerate(self.chart.totals()):
            if total:
                self.add_text(f"n={total}", index, self._scale_max() if self.percent else total,
                              self.theme.muted, (0.5, 1.0), 8.5)

    def _value(self, segment: Segment) -> str:
        return f"{segment.value(True):.0f}%" if self.percent else str(segment.count)

    def _tip(self, x: float, y: float) -> str | None:
        segment = self.chart.segment_at(x, y, self.percent)
        if segment is None:
            return None
        share = f"{segment.count} of {segment.total} ({segment.value(True):.0f}%)"
        return tip_html([self.chart.describe(segment), share, "Click to show these inspections"])

    def _clicked(self, event: object) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        point = self.plot.vb.mapSceneToView(event.scenePos())
        segment = self.chart.segment_at(point.x(), point.y(), self.percent)
        if segment is not None:
            self.segmentClicked.emit(segment)
