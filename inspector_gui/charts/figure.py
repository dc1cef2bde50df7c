"""The frame every chart shares: title, subtitle, the plot with a legend beside it (never over the
data), notes, and the footer with the data's as-at date and source. One layout, so an export carries
all of it. Text from the data is escaped before it reaches pyqtgraph, whose labels are rich text.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import pyqtgraph as pg
from pyqtgraph.graphicsItems.LegendItem import ItemSample
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPalette
from PySide6.QtWidgets import QSizePolicy

from inspector_gui.domain.chartdata import Caption, FrameworkChange
from inspector_gui.domain.palette import Swatch

pg.setConfigOptions(antialias=True)


@dataclass(frozen=True)
class Theme:
    """The non-data colours of a chart; the data colours come from the shared palette."""

    background: str
    foreground: str
    muted: str
    dark: bool


LIGHT = Theme("#ffffff", "#1f1f1f", "#595959", dark=False)
DARK = Theme("#1e1f22", "#e6e6e6", "#a6a6a6", dark=True)


def theme_for(palette: QPalette) -> Theme:
    """The dark theme when the window background is dark, else the light one."""
    return DARK if palette.color(QPalette.ColorRole.Window).lightness() < 128 else LIGHT


def tip_html(lines: Sequence[str]) -> str:
    """A tooltip from plain lines: escaped, first line bold (which also makes Qt treat it as rich
    text, so escaped characters show as themselves)."""
    head, *rest = [html.escape(line) for line in lines] or [""]
    return "<br>".join([f"<b>{head}</b>", *rest])


def spot_tip(x: float, y: float, data: str) -> str:
    """A scatter spot's tooltip: its data is the tooltip's HTML, made by :func:`tip_html`."""
    return data


def font(points: float, bold: bool = False) -> QFont:
    result = QFont()
    result.setPointSizeF(points)
    result.setBold(bold)
    return result


def year_ticks(low: float, high: float) -> list[tuple[float, str]]:
    """A labelled tick at each 1 January within ``low``..``high``."""
    return [(float(year), str(year)) for year in range(int(low) + 1, int(high) + 1)]


def swatch_brush(swatch: Swatch) -> QBrush:
    """A solid fill, or diagonal hatching for "not applicable" (over the chart's own background,
    which the swatch's fill matches)."""
    if swatch.hatched:
        return QBrush(QColor(swatch.hatch), Qt.BrushStyle.BDiagPattern)
    return QBrush(QColor(swatch.fill))


class SwatchSample(ItemSample):
    """A legend key for a palette swatch: a filled square; clicking it does nothing."""

    def paint(self, painter: QPainter, *args: object) -> None:
        painter.setPen(pg.mkPen(self.item.hatch or "#00000000"))
        painter.setBrush(swatch_brush(self.item))
        painter.drawRect(QRectF(3, 3, 14, 14))

    def mouseClickEvent(self, event: object) -> None:
        event.accept()


MINIMUM_SIZE = (520, 380)
LEGEND_SHARE = 0.36
"""A legend wider than this share of the figure goes under the plot, in columns, so a long legend
(a provider's domains under two frameworks) never squeezes the plot into a strip."""


def wrap_text(text: str, width: float, points: float = 8.5) -> list[str]:
    """Lines of ``text`` no wider than ``width`` pixels in the notes' font."""
    metrics = QFontMetricsF(font(points))
    lines: list[str] = []
    for word in text.split():
        if lines and metrics.horizontalAdvance(f"{lines[-1]} {word}") <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines


class Figure(pg.GraphicsLayoutWidget):
    """A chart with its caption. Subclasses add data to ``self.plot``, or build several panels in
    ``self.body`` with :meth:`add_plot` (then ``PANELS`` is False)."""

    PANELS = False

    def __init__(self, caption: Caption, theme: Theme, parent: object = None) -> None:
        super().__init__(parent)
        self.caption = caption
        self.theme = theme
        self.setBackground(theme.background)
        self.setMinimumSize(*MINIMUM_SIZE)  # below it the charts tab scrolls; the legend is never cut
        self.ci.setContentsMargins(14, 10, 14, 8)
        self.ci.setSpacing(4)
        self._label(caption.title, 0, "14pt", theme.foreground, bold=True)
        self._label(caption.subtitle, 1, "10pt", theme.muted)
        self.body: pg.GraphicsLayout = self.ci.addLayout(row=2, col=0)
        self.plots: list[pg.PlotItem] = []
        self.plot: pg.PlotItem = self.add_plot(0, 0) if not self.PANELS else None
        self.legend: pg.LegendItem | None = None
        self.legend_below = False
        notes = [*caption.notes, caption.footer()]
        self._notes = [(self._label(note, row, "8pt" if row == 2 + len(notes) else "8.5pt",
                                    theme.muted), note) for row, note in enumerate(notes, start=3)]

    def _label(self, text: str, row: int, size: str, colour: str, bold: bool = False) -> pg.LabelItem:
        label = pg.LabelItem(html.escape(text), size=size, color=colour, bold=bold, justify="left")
        self.ci.addItem(label, row=row, col=0, colspan=2)
        return label

    def resizeEvent(self, event: object) -> None:
        """Notes wrap to the figure's width: one line each would widen the layout past the window
        and cut the legend and the notes off at the right."""
        notes = getattr(self, "_notes", ())  # pyqtgraph resizes the view before __init__ is done
        if notes and not getattr(self, "closed", False):  # and again once close() cleared it
            width = max(200, event.size().width() - 60)  # before the layout takes the new size
            for label, text in notes:
                label.setText("<br>".join(html.escape(line) for line in wrap_text(text, width)))
            self.place_legend(event.size().width())
        super().resizeEvent(event)

    def place_legend(self, width: float) -> None:
        """The legend beside the plot, or under it in as many columns as fit when beside it would
        take more than :data:`LEGEND_SHARE` of ``width``."""
        if self.legend is None or not self.legend.items:
            return
        entry = self._legend_width()
        below = entry > LEGEND_SHARE * width
        columns = max(1, int((width - 60) // entry)) if below else 1
        if below == self.legend_below and columns == self.legend.columnCount:
            return
        moved, self.legend_below = below != self.legend_below, below
        self.legend.setColumnCount(columns)
        if not moved:
            return
        (self.ci if below else self.body).removeItem(self.legend)
        if below:
            self.body.addItem(self.legend, row=self.body.layout.rowCount(), col=0,
                              colspan=max(1, self.body.layout.columnCount()))
            self.body.layout.setAlignment(self.legend, Qt.AlignmentFlag.AlignLeft)
        else:
            self.ci.addItem(self.legend, row=2, col=1)
            self.ci.layout.setAlignment(self.legend, Qt.AlignmentFlag.AlignTop)

    def _legend_width(self) -> float:
        """The legend's width in one column: its widest entry, sample and label."""
        return max(sample.boundingRect().width() + label.boundingRect().width()
                   for sample, label in self.legend.items) + 20

    def add_plot(self, row: int, col: int, title: str = "") -> pg.PlotItem:
        """A plot in the body, styled for the theme, with panning, zooming and menus off."""
        plot = self.body.addPlot(row=row, col=col)
        if title:
            plot.setTitle(html.escape(title), color=self.theme.foreground, size="10pt")
        plot.setMouseEnabled(False, False)
        plot.vb.border = None  # an invisible border would still be written to SVG as a path
        plot.setMenuEnabled(False)
        plot.hideButtons()
        for name in ("left", "bottom"):
            axis = plot.getAxis(name)
            axis.setPen(pg.mkPen(self.theme.muted))
            axis.setTextPen(pg.mkPen(self.theme.foreground))
            axis.setTickFont(font(9))
            axis.setStyle(maxTickLevel=0)
        self.plots.append(plot)
        return plot

    def set_axis_label(self, name: str, text: str, plot: pg.PlotItem | None = None) -> None:
        (plot or self.plot).getAxis(name).setLabel(html.escape(text), color=self.theme.foreground,
                                                   **{"font-size": "9pt"})

    def add_legend(self, sample_type: type | None = None) -> pg.LegendItem:
        """A legend in its own column right of the plot, so it never covers data."""
        self.legend = pg.LegendItem(labelTextColor=self.theme.foreground, labelTextSize="9pt",
                                    sampleType=sample_type, frame=False, verSpacing=-6)
        # pyqtgraph keeps a legend's size fixed on screen (it floats over a view); in a layout cell
        # it must scale with the rest of the figure when exported larger or smaller.
        self.legend.setFlag(self.legend.GraphicsItemFlag.ItemIgnoresTransformations, False)
        self.legend.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.ci.addItem(self.legend, row=2, col=1)
        self.ci.layout.setAlignment(self.legend, Qt.AlignmentFlag.AlignTop)
        return self.legend

    def add_legend_entry(self, item: object, name: str) -> None:
        assert self.legend is not None
        self.legend.addItem(item, html.escape(name))

    def add_text(self, text: str, x: float, y: float, colour: str, anchor: tuple[float, float],
                 size: float = 8.5, angle: float = 0, plot: pg.PlotItem | None = None) -> pg.TextItem:
        item = pg.TextItem(text, color=colour, anchor=anchor, angle=angle)
        item.setFont(font(size))
        item.setPos(x, y)
        (plot or self.plot).addItem(item)
        return item

    def add_changes(self, changes: Sequence[FrameworkChange], label_y: float | None = None,
                    plot: pg.PlotItem | None = None) -> None:
        """Dashed vertical lines where the framework changed, labelled at ``label_y`` (staggered so
        neighbours do not collide; in the right half of the plot the label sits to the left of
        its line, so a long one is not cut by the edge); unlabelled lines need a note saying what
        they are."""
        plot = plot or self.plot
        low, high = plot.viewRange()[0]
        pen = pg.mkPen(self.theme.muted, width=1.2, style=Qt.PenStyle.DashLine)
        for index, change in enumerate(changes):
            line = pg.InfiniteLine(pos=change.x, angle=90, pen=pen, movable=False)
            line.setToolTip(html.escape(f"Framework change: {change.label}"))
            plot.addItem(line, ignoreBounds=True)
            if label_y is not None:
                anchor = (1.02, 0.5) if change.x > (low + high) / 2 else (-0.02, 0.5)
                self.add_text(change.label, change.x, label_y - 0.32 * (index % 2), self.theme.muted,
                              anchor, 8, plot=plot)

    def show_empty(self, message: str, plot: pg.PlotItem | None = None) -> None:
        """Say why there is nothing to plot, in place of the axes."""
        plot = plot or self.plot
        plot.hideAxis("left")
        plot.hideAxis("bottom")
        plot.setXRange(-1, 1, padding=0)
        plot.setYRange(-1, 1, padding=0)
        self.add_text(message, 0, 0, self.theme.muted, (0.5, 0.5), 11, plot=plot)

    def on_hover(self, lookup: Callable[[float, float], str | None]) -> None:
        """Show ``lookup(x, y)`` (HTML) as the plot's tooltip while the mouse is over the data."""
        def moved(scene_pos: QPointF) -> None:
            inside = self.plot.vb.sceneBoundingRect().contains(scene_pos)
            point = self.plot.vb.mapSceneToView(scene_pos)
            self.plot.vb.setToolTip((lookup(point.x(), point.y()) if inside else None) or "")
        self.scene().sigMouseMoved.connect(moved)
