"""``inspector chart``: a provider's history or standards, the national picture or the domain trend,
written as PNG or SVG. Qt and pyqtgraph are imported only when the command runs."""

from __future__ import annotations

from pathlib import Path

import click

from inspector_gui.cli.common import (
    fail,
    handle_errors,
    open_store,
    provider_type_option,
    store_option,
    store_provider_type,
)
from inspector_gui.cli.destination import check_destination, destination, report, shown, to_stdout
from inspector_gui.domain.chartdata import SERIES_MODES
from inspector_gui.exchange.atomic import write_atomic
from inspector_gui.imagesize import parse_size
from inspector_gui.reports.national_charts import BY_CHOICES, load_national, load_trend
from inspector_gui.reports.provider_charts import load_heatmap, load_history
from inspector_gui.store import Store

KINDS = ("history", "heatmap")
IMAGE_FORMATS = ("png", "svg")


@click.command()
@click.argument("provider", required=False)
@click.option("--kind", type=click.Choice(KINDS), default="history", show_default=True,
              help="For a provider: ratings over time, or the standards heat strip.")
@click.option("--series", type=click.Choice(SERIES_MODES), default="domain", show_default=True,
              help="History: series drawn beside the overall rating.")
@click.option("--national-share", is_flag=True,
              help="History: add the share of the provider type rated Good or better nationally "
                   "at each inspection (same framework, with n).")
@click.option("--national", is_flag=True, help="Overall ratings of every provider per year or round.")
@click.option("--trend", is_flag=True, help="Share of standards rated Good or better, per domain.")
@click.option("--by", type=click.Choice(BY_CHOICES), default="year", show_default=True,
              help="National: group by year of publication or by round.")
@provider_type_option
@click.option("--percent", is_flag=True, help="National: percentages instead of counts.")
@click.option("--output", "-o", required=True, type=click.Path(path_type=Path),
              help="File to write: .png or .svg; - for standard output (give --format).")
@click.option("--format", "fmt", type=click.Choice(IMAGE_FORMATS),
              help="Image format (default: from the output file's suffix).")
@click.option("--size", default="1200x700", show_default=True, help="WIDTHxHEIGHT in pixels.")
@click.option("--force", is_flag=True, help="Replace the output file if it exists.")
@store_option
@handle_errors
def chart(provider: str | None, kind: str, series: str, national_share: bool, national: bool,
          trend: bool, by: str,
          provider_type: str | None, percent: bool, output: Path, fmt: str | None, size: str,
          force: bool, store_path: Path | None) -> None:
    """Draw a chart to a PNG or SVG file, with title, as-at date and source line.

    The file is written whole or not at all; an existing file is kept unless --force is given.

    \b
    Example:
      inspector chart "West Yorkshire CRC" --output west-yorkshire.png
      inspector chart essex-north-pdu --kind heatmap --output essex.svg --size 900x600
      inspector chart "West Yorkshire CRC" --national-share -o west-yorkshire.png
      inspector chart --national --by round --type CRC --output rounds.png
      inspector chart --trend --format svg -o - > trend.svg
    """
    fmt = fmt or _format(output)
    width, height = _size(size)
    check_destination(output, fmt, force)
    if sum((bool(provider), national, trend)) != 1:
        fail("give one of PROVIDER, --national or --trend")
    if national_share and not (provider and kind == "history"):
        fail("--national-share goes with a PROVIDER's history chart")
    with open_store(store_path) as store:
        data = _load(store, provider, kind, national, by, store_provider_type(store, provider_type),
                     national_share)
    options = {"mode": series} if provider and kind == "history" else {}
    if national:
        options = {"percent": percent}
    with destination(output, fmt) as target:
        _render(data, fmt, width, height, options, target, force)
    report(f"wrote {shown(output)} ({width}x{height} {fmt.upper()})", output)


def _format(output: Path) -> str:
    fmt = output.suffix.lower().lstrip(".")
    if to_stdout(output):
        fail("-o - writes to standard output: give --format (png or svg)")
    if fmt not in IMAGE_FORMATS:
        fail(f"{output}: the output file must end in .png or .svg")
    return fmt


def _size(text: str) -> tuple[int, int]:
    try:
        return parse_size(text)
    except ValueError as exc:
        fail(f"--{exc}")
        raise


def _load(store: Store, provider: str | None, kind: str, national: bool, by: str,
          provider_type: str | None, national_share: bool = False) -> object:
    if national:
        return load_national(store, by, provider_type)
    if not provider:
        return load_trend(store, provider_type)
    provider_id = store.find_provider(provider).provider_id
    if kind == "history":
        return load_history(store, provider_id, national_share)
    return load_heatmap(store, provider_id)


def _render(data: object, fmt: str, width: int, height: int, options: dict[str, object],
            output: Path, force: bool) -> None:
    """Qt is imported here, when a chart is drawn, so other commands start without it."""
    try:
        from inspector_gui.charts.render import render
    except ImportError as exc:
        fail(f"charts need PySide6 and pyqtgraph, which could not be loaded: {exc}")
    write_atomic(output, render(data, fmt, width, height, **options), force=force)
