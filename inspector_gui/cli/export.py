"""``inspector export``: a provider summary as PDF, HTML, Markdown, CSV, XLSX or JSON, or the
league table as CSV, XLSX or JSON. Qt is imported only when a PDF is written."""

from __future__ import annotations

from pathlib import Path

import click

from inspector_gui.cli.common import (
    domain_keys,
    fail,
    handle_errors,
    notebook_option,
    open_store,
    refuse_invisible,
    resolve_domains,
    store_option,
)
from inspector_gui.cli.destination import check_destination, destination, report, shown, to_stdout
from inspector_gui.domain.records import KINDS
from inspector_gui.domain.summary import ProviderSummary
from inspector_gui.exchange import partial
from inspector_gui.exchange.writers import (
    FORMATS,
    LEAGUE_FORMATS,
    format_for_path,
    write_league,
    write_summary,
)
from inspector_gui.exchange.writers.store_workbooks import findings_with_notebook
from inspector_gui.reports.summary import build_league, build_summary
from inspector_gui.store.notebook import notebook_path as notebook_file

CHART_FORMATS = ("pdf", "html")


@click.command()
@click.argument("provider", required=False)
@click.option("--all", "all_providers", is_flag=True,
              help="Every provider's rating matrix, ranked by score (the league table); CSV, XLSX or JSON.")
@click.option("--all-inspections", is_flag=True,
              help="With --all: every inspection, not only each provider's latest.")
@click.option("--format", "fmt", type=click.Choice(FORMATS),
              help="Output format (default: from the output file's suffix).")
@click.option("--output", "-o", required=True, type=click.Path(path_type=Path),
              help="File to write; - for standard output (give --format).")
@click.option("--domain", multiple=True,
              help="Only findings of this domain (name, or a code that means one domain); repeat.")
@click.option("--kind", type=click.Choice(KINDS), multiple=True, help="Only findings of this kind; repeat.")
@click.option("--force", is_flag=True, help="Replace the output file if it exists.")
@click.option("--no-chart", is_flag=True, help="Leave the rating-history chart out of a PDF or HTML summary.")
@click.option("--with-notes", is_flag=True, help="XLSX summary: add your tags and notes to the findings.")
@notebook_option
@store_option
@handle_errors
def export(provider: str | None, all_providers: bool, all_inspections: bool, fmt: str | None,
           output: Path, domain: tuple[str, ...], kind: tuple[str, ...], force: bool, no_chart: bool,
           with_notes: bool, notebook_path: Path | None, store_path: Path | None) -> None:
    """Export a PROVIDER's summary, or with --all the league table.

    The summary holds the provider's inspections newest first, the rating matrix with the change
    since the previous inspection, the findings by domain and kind, and the source of each. The
    file is written whole or not at all; an existing file is kept unless --force is given.

    \b
    Example:
      inspector export "West Yorkshire CRC" --output west-yorkshire.pdf
      inspector export leeds-pdu --format md --domain 2 --kind improvement -o leeds.md
      inspector export --all --format csv --output league.csv
      inspector export --all --output league.xlsx
      inspector export leeds-pdu --format md -o - | less
    """
    fmt = _format(fmt, output)
    _check_choices(provider, all_providers, all_inspections, fmt, domain, kind)
    if with_notes and (fmt != "xlsx" or all_providers):
        fail("--with-notes adds your tags and notes to a provider summary written as xlsx")
    check_destination(output, fmt, force)
    refuse_invisible(provider=provider, domain=domain)
    partial.remove_abandoned()
    with open_store(store_path) as store:
        if all_providers:
            table = build_league(store, latest_only=not all_inspections)
            with destination(output, fmt) as target:
                write_league(table, fmt, target, force=force, frameworks=store.frameworks())
            report(f"wrote the league table ({len(table.entries)} rows) to {shown(output)}", output)
            return
        found = store.find_provider(provider or "")
        keys = domain_keys(resolve_domains(store, domain))
        summary = build_summary(store, found.provider_id, domains=keys, kinds=kind or None)
    chart = None if no_chart or fmt not in CHART_FORMATS else _history_png(summary, fmt)
    notes = None
    if with_notes:
        findings = [f for group in summary.finding_groups for f in group.findings]
        notes = findings_with_notebook(iter(findings), notebook_path or notebook_file())[1]
    with destination(output, fmt) as target:
        write_summary(summary, fmt, target, force=force, chart_png=chart, notebook=notes)
    report(f"wrote {found.name}: {len(summary.inspections)} inspections, "
           f"{summary.finding_count} findings to {shown(output)}", output)


def _history_png(summary: ProviderSummary, fmt: str) -> bytes | None:
    """Qt and pyqtgraph are imported only for the formats that carry the chart. Without them an
    HTML summary is still written, without its chart (a PDF needs Qt anyway and says so)."""
    try:
        from inspector_gui.charts.render import render_history_png
    except ImportError as exc:
        if fmt == "html":
            click.echo(f"inspector: the chart is left out (PySide6 or pyqtgraph: {exc})", err=True)
        return None
    return render_history_png(summary)


def _format(fmt: str | None, output: Path) -> str:
    chosen = fmt or format_for_path(output)
    if chosen is None and to_stdout(output):
        fail(f"-o - writes to standard output: give --format ({', '.join(FORMATS)})")
    if chosen is None:
        fail(f"{output}: cannot tell the format from the file name; give --format "
             f"({', '.join(FORMATS)})")
    return str(chosen)


def _check_choices(provider: str | None, all_providers: bool, all_inspections: bool, fmt: str,
                   domain: tuple[str, ...], kind: tuple[str, ...]) -> None:
    """Reject option combinations that make no sense, before any work is done."""
    if all_providers == bool(provider):
        fail("give a PROVIDER to export its summary, or --all for the league table (not both)")
    if all_providers and fmt not in LEAGUE_FORMATS:
        fail(f"the league table (--all) is written as {', '.join(LEAGUE_FORMATS[:-1])} or "
             f"{LEAGUE_FORMATS[-1]}, not {fmt}")
    if all_providers and (domain or kind):
        fail("--domain and --kind choose findings for a provider summary; --all has none")
    if all_inspections and not all_providers:
        fail("--all-inspections goes with --all")
