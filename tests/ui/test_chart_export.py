"""PNG and SVG exports are valid images of exactly the size asked for, from the API, the CLI and a
long run of hundreds of charts."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from click.testing import CliRunner
from PySide6.QtCore import QByteArray
from PySide6.QtGui import QColor, QImage
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication

from inspector_gui.charts.figure import DARK
from inspector_gui.charts.render import (
    build_figure,
    dispose,
    export_figure,
    render,
    render_history_png,
    render_png,
)
from inspector_gui.cli import main
from inspector_gui.domain.chartload import history_chart
from inspector_gui.domain.palette import swatch
from inspector_gui.domain.ratings import Rating
from inspector_gui.reports.national_charts import load_national, load_trend
from inspector_gui.reports.provider_charts import load_heatmap, load_history
from inspector_gui.reports.summary import build_summary

PROVIDER = "essex-north-pdu"


@pytest.fixture
def charts(store):
    return {"history": load_history(store, PROVIDER), "heatmap": load_heatmap(store, PROVIDER),
            "national": load_national(store), "trend": load_trend(store)}


def png_image(data: bytes) -> QImage:
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    image = QImage.fromData(data, "PNG")
    assert not image.isNull()
    return image


def colour_count(image: QImage, colour: str) -> int:
    wanted = QColor(colour).rgb()
    step = 2
    return sum(1 for x in range(0, image.width(), step) for y in range(0, image.height(), step)
               if image.pixel(x, y) == wanted)


def svg_size(data: bytes) -> tuple[int, int]:
    root = ET.fromstring(data)
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    return int(root.get("width")), int(root.get("height"))


@pytest.mark.parametrize("kind", ["history", "heatmap", "national", "trend"])
@pytest.mark.parametrize(("width", "height"), [(640, 400), (1200, 700), (2800, 1600)])
def test_png_is_valid_and_of_the_requested_size(qapp, charts, kind, width, height):
    image = png_image(render_png(charts[kind], width, height))
    assert (image.width(), image.height()) == (width, height)


@pytest.mark.parametrize("kind", ["history", "heatmap", "national", "trend"])
def test_svg_is_valid_and_states_the_requested_size(qapp, charts, kind):
    data = render(charts[kind], "svg", 900, 560)
    assert svg_size(data) == (900, 560)
    renderer = QSvgRenderer(QByteArray(data))
    assert renderer.isValid()
    assert (renderer.defaultSize().width(), renderer.defaultSize().height()) == (900, 560)
    assert charts[kind].caption.title.encode() in data
    assert b"Data as at 12 June 2025" in data


def test_png_shows_the_palette_colours_of_the_data(qapp, charts):
    image = png_image(render_png(charts["national"], 1200, 700))
    assert colour_count(image, swatch(Rating.INADEQUATE).fill) > 2000
    assert colour_count(image, swatch(Rating.REQUIRES_IMPROVEMENT).fill) > 2000
    assert colour_count(image, swatch(Rating.OUTSTANDING).fill) < 200  # legend key only


def test_exports_use_the_light_theme_and_figures_can_use_the_dark_one(qapp, charts):
    light = png_image(render_png(charts["trend"], 800, 500))
    assert light.pixelColor(2, 2).name() == "#ffffff"
    figure = build_figure(charts["trend"], DARK)
    try:
        dark = png_image(export_figure(figure, "png", 800, 500))
    finally:
        dispose(figure)
    assert dark.pixelColor(2, 2).name() == DARK.background


def test_unknown_format_is_refused(qapp, charts):
    with pytest.raises(ValueError, match="png or svg"):
        render(charts["trend"], "gif", 800, 500)


@pytest.mark.parametrize(("args", "size"), [
    (["essex-north-pdu", "--kind", "history", "--series", "standard"], (1200, 700)),
    (["West Yorkshire CRC", "--kind", "heatmap", "--size", "900x1100"], (900, 1100)),
    (["--national", "--by", "round", "--type", "crc", "--percent"], (1200, 700)),
    (["--trend", "--type", "PDU", "--size", "1600x900"], (1600, 900)),
])
@pytest.mark.parametrize("suffix", ["png", "svg"])
def test_cli_writes_the_chart_at_the_requested_size(qapp, store_path, tmp_path, args, size, suffix):
    output = tmp_path / f"chart.{suffix}"
    result = CliRunner().invoke(main, ["chart", *args, "--output", str(output),
                                       "--store", str(store_path)])
    assert result.exit_code == 0, result.output
    assert result.output.strip() == f"wrote {output} ({size[0]}x{size[1]} {suffix.upper()})"
    data = output.read_bytes()
    if suffix == "png":
        image = png_image(data)
        assert (image.width(), image.height()) == size
    else:
        assert svg_size(data) == size


def test_cli_force_replaces_an_existing_file(qapp, store_path, tmp_path):
    output = tmp_path / "trend.png"
    output.write_bytes(b"old")
    result = CliRunner().invoke(main, ["chart", "--trend", "-o", str(output), "--force",
                                       "--store", str(store_path)])
    assert result.exit_code == 0, result.output
    assert png_image(output.read_bytes()).width() == 1200
    assert [p.name for p in tmp_path.iterdir() if p.name != "store.db"] == ["trend.png"]


def test_a_long_run_of_charts_finishes_cleanly(qapp, store, tmp_path):
    """Hundreds of plots built, exported and disposed in one process: no crash, no pile-up."""
    providers = [p.provider_id for p in store.providers()][:25]
    loads = [load_national(store, "year"), load_national(store, "round"), load_trend(store),
             load_trend(store, "CRC")]
    for provider in providers:
        loads += [load_history(store, provider), load_heatmap(store, provider)]
    widgets_before = len(QApplication.topLevelWidgets())
    exported = 0
    for round_ in range(6):
        for index, chart in enumerate(loads):
            fmt = "svg" if (index + round_) % 5 == 0 else "png"
            data = render(chart, fmt, 480 + 40 * (index % 4), 320)
            assert data.startswith(b"\x89PNG" if fmt == "png" else b"<?xml")
            exported += 1
    QApplication.processEvents()
    assert exported >= 300
    assert len(QApplication.topLevelWidgets()) == widgets_before


def test_the_export_gets_the_history_of_a_summary_as_a_print_sized_png(qapp, store):
    summary = build_summary(store, PROVIDER)
    image = png_image(render_history_png(summary))
    assert (image.width(), image.height()) == (1800, 960)
    frameworks = {s.framework.framework_id: s.framework for s in summary.inspections}
    from_summary = history_chart(summary.provider, summary.history, frameworks, summary.as_at.iso(), "s")
    assert from_summary.overall == load_history(store, PROVIDER).overall
