"""Charts to PNG and SVG through pyqtgraph's exporters, at the size asked for.

A figure is laid out at a "logical" size between about 800×480 and 1400 pixels wide and scaled to
the requested size: a 3000-pixel PNG gets crisp, proportionate text rather than tiny labels, and a
500-pixel one gets the whole chart, smaller, rather than a clipped one. The SVG keeps the logical
size as its viewBox and states the requested width and height.

:func:`render_history_png` draws a provider summary's history for the HTML/PDF export (the export
dialog's ``chart_renderer``); :func:`render_png` and :func:`render` draw any chart data, e.g.
``render_png(load_history(store, provider_id), 1200, 600)``. Call them on the GUI thread (or with no
QApplication yet, when they make an offscreen one).
"""

from __future__ import annotations

import re

from pyqtgraph.exporters import ImageExporter, SVGExporter
from PySide6.QtCore import QBuffer, QByteArray, QEvent, QIODevice, Qt
from PySide6.QtWidgets import QApplication, QGraphicsItem

from inspector_gui.charts import svgfix
from inspector_gui.charts.figure import LIGHT, Figure, Theme
from inspector_gui.charts.heatmap import HeatmapFigure
from inspector_gui.charts.history import HistoryFigure
from inspector_gui.charts.national import NationalFigure
from inspector_gui.charts.trend import TrendFigure
from inspector_gui.domain.chartdata import HeatmapChart, HistoryChart, NationalChart, TrendChart
from inspector_gui.domain.chartload import history_chart
from inspector_gui.domain.summary import ProviderSummary
from inspector_gui.exchange.encodings import markup
from inspector_gui.offscreen import ensure_application

ChartData = HistoryChart | HeatmapChart | NationalChart | TrendChart
FORMATS = ("png", "svg")
SUMMARY_SOURCE = "Source: {} publications, as listed under Sources"
LOGICAL_WIDTH = 1400
MIN_LOGICAL = (800, 480)

_FIGURES: dict[type, type[Figure]] = {
    HistoryChart: HistoryFigure, HeatmapChart: HeatmapFigure, NationalChart: NationalFigure,
    TrendChart: TrendFigure,
}


def build_figure(chart: ChartData, theme: Theme = LIGHT, **options: object) -> Figure:
    """The figure for any chart data; options are the figure's own (``mode``, ``percent``)."""
    return _FIGURES[type(chart)](chart, theme, **options)


def render(chart: ChartData, fmt: str, width: int, height: int, scale: float | None = None,
           **options: object) -> bytes:
    """The chart as PNG or SVG bytes of exactly ``width`` × ``height`` pixels, light theme;
    ``scale`` (pixels per layout unit) is chosen from the size unless given."""
    ensure_application()
    figure = build_figure(chart, LIGHT, **options)
    try:
        return export_figure(figure, fmt, width, height, scale)
    finally:
        dispose(figure)


def render_png(chart: ChartData, width: int, height: int, scale: float | None = None,
               **options: object) -> bytes:
    """PNG bytes of the chart at ``width`` × ``height``."""
    return render(chart, "png", width, height, scale, **options)


def render_history_png(summary: ProviderSummary, width: int = 1800, height: int = 960,
                       scale: float = 2.0) -> bytes:
    """A provider summary's rating history as PNG bytes, for the HTML/PDF export: the export
    dialog's ``chart_renderer``. Laid out at 900×480 and drawn at twice that, so its text is
    print-sized on a page and sharp. Uses only what the summary holds (no store); GUI thread."""
    frameworks = {s.framework.framework_id: s.framework for s in summary.inspections}
    chart = history_chart(summary.provider, summary.history, frameworks, summary.as_at.iso(),
                          SUMMARY_SOURCE.format(" and ".join(summary.inspectorates) or "the inspectorate's"),
                          summary.attribution)
    return render_png(chart, width, height, scale)


def export_figure(figure: Figure, fmt: str, width: int, height: int,
                  scale: float | None = None) -> bytes:
    """Lay the figure out offscreen at its logical size, then export it at the requested size."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown chart format {fmt!r}; use png or svg")
    scale = scale or _scale(width, height)
    figure.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
    figure.resize(round(width / scale), round(height / scale))
    figure.show()
    QApplication.processEvents()
    return _png(figure, width, height) if fmt == "png" else _svg(figure, width, height)


def _scale(width: int, height: int) -> float:
    """Requested size ÷ logical size: above 1 for large images, below 1 for small ones."""
    shrink = min(width / MIN_LOGICAL[0], height / MIN_LOGICAL[1])
    return shrink if shrink < 1 else max(1.0, width / LOGICAL_WIDTH)


def _png(figure: Figure, width: int, height: int) -> bytes:
    exporter = ImageExporter(figure.scene())
    exporter.parameters().param("width").setValue(width, blockSignal=exporter.widthChanged)
    exporter.parameters().param("height").setValue(height, blockSignal=exporter.heightChanged)
    image = exporter.export(toBytes=True)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def _svg(figure: Figure, width: int, height: int) -> bytes:
    svgfix.install()
    # Every chart sets ranges that fit its data, so the views need no clipping; without it the SVG
    # has no clipPath, which SVG Tiny renderers (Qt's own among them) would draw as a black frame.
    for plot in figure.plots:
        plot.vb.setFlag(QGraphicsItem.GraphicsItemFlag.ItemClipsChildrenToShape, False)
    text = SVGExporter(figure.scene()).export(toBytes=True).decode("utf-8")
    sized = re.sub(r"<svg\b", f'<svg width="{width}" height="{height}"', text, count=1)
    sized = sized.replace("<title>pyqtgraph SVG export</title>",
                          f"<title>{markup(figure.caption.title, quote=False)}</title>", 1)
    return sized.encode("utf-8")


def dispose(figure: Figure) -> None:
    """Close and delete a figure now, so a long run of exports does not pile up widgets."""
    figure.close()
    figure.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
