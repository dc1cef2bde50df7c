"""How often a theme comes up: one horizontal bar per group (the share of its inspections with a
matching finding), with ``matching/n`` printed at every bar so a share of one inspection is never
mistaken for a pattern. Clicking a bar emits its row."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal

from inspector_gui.charts.figure import Figure, Theme, tip_html
from inspector_gui.domain.chartdata import Caption
from inspector_gui.domain.palette import series_colour
from inspector_gui.reports.themes import ThemeTable, short_label

BAR = 0.7


class ThemeFigure(Figure):
    """``rowClicked(ThemeRow)`` on a left click on a bar."""

    rowClicked = Signal(object)

    def __init__(self, table: ThemeTable, caption: Caption, theme: Theme, parent: object = None) -> None:
        super().__init__(caption, theme, parent)
        self.table = table
        if not table.rows:
            self.show_empty("No findings in this store to search")
            return
        self._axes()
        self._bars()
        self.on_hover(self._tip)
        self.scene().sigMouseClicked.connect(self._clicked)

    def _axes(self) -> None:
        count = len(self.table.rows)
        self.plot.setYRange(count - 0.4, -0.6, padding=0)
        self.plot.invertY(True)
        self.plot.setXRange(0, 135, padding=0)
        labels = [(i, short_label(r, self.table.by)) for i, r in enumerate(self.table.rows)]
        self.plot.getAxis("left").setTicks([labels, []])
        self.plot.getAxis("left").setStyle(tickLength=0)
        self.plot.getAxis("bottom").setTicks([[(v, f"{v}%") for v in range(0, 101, 25)], []])
        self.plot.showGrid(x=True, y=False, alpha=0.25)
        self.set_axis_label("bottom", "Share of inspections with a matching finding")

    def _bars(self) -> None:
        rows = self.table.rows
        shares = [100 * r.count.share for r in rows]
        bars = pg.BarGraphItem(x0=[0] * len(rows), y=list(range(len(rows))), height=BAR, width=shares,
                               brush=series_colour(0), pen=pg.mkPen(self.theme.background, width=1))
        self.plot.addItem(bars)
        for index, (row, share) in enumerate(zip(rows, shares, strict=True)):
            text = f"{row.count.matching}/{row.count.inspections} ({share:.0f}%)"
            self.add_text(text, share + 1, index, self.theme.foreground, (0.0, 0.5), 8.5)

    def _row_at(self, y: float) -> object | None:
        index = round(y)
        return self.table.rows[index] if 0 <= index < len(self.table.rows) else None

    def _tip(self, x: float, y: float) -> str | None:
        row = self._row_at(y)
        if row is None:
            return None
        c = row.count
        return tip_html([row.label, f"{c.matching} of {c.inspections} inspections ({100 * c.share:.0f}%)",
                         f"{c.findings} matching findings", "Click to show these inspections"])

    def _clicked(self, event: object) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        point = self.plot.vb.mapSceneToView(event.scenePos())
        row = self._row_at(point.y())
        if row is not None and row.count.matching:
            self.rowClicked.emit(row)
