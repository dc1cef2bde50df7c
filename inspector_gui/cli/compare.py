"""``inspector compare``: what changed between two inspections of a provider."""

from __future__ import annotations

from pathlib import Path

import click

from inspector_gui.cli.common import handle_errors, open_store, store_option
from inspector_gui.cli.output import render, say
from inspector_gui.cli.workbook_out import chosen_format, output_options
from inspector_gui.errors import InspectorError
from inspector_gui.exchange.writers.json_doc import dumps


@click.command()
@click.argument("provider")
@click.option("--from", "start", metavar="ID|DATE",
              help="The earlier inspection (default: the one before --to).")
@click.option("--to", "end", metavar="ID|DATE", help="The later inspection (default: the latest).")
@output_options(("table", "json", "md", "csv", "xlsx"))
@store_option
@handle_errors
def compare(provider: str, start: str | None, end: str | None, fmt: str | None, output: Path | None,
            force: bool, store_path: Path | None) -> None:
    """Compare two inspections of PROVIDER: overall rating, score or coverage, each standard's
    change (up, down, same, newly rated, no longer rated), and the findings paired across the
    two: recurring (with the match strength), new, no longer mentioned, and each earlier
    recommendation with the later findings that speak to it. An inspection is named by its id or
    its publication date (or the start of it: 2020-03, 2018). With --output, an Excel workbook:
    Notes (the two inspections, the matching rule), Inspections, Standards, Findings and
    Recommendations, each rating cell with its word and colour.

    \b
    Example:
      inspector compare "West Yorkshire CRC"
      inspector compare "West Yorkshire CRC" --from 2018-10-31 --to 2020-03 --format json
      inspector compare "West Yorkshire CRC" --output west-yorkshire.xlsx
    """
    from inspector_gui.exchange.writers.comparison import lines_markdown, lines_text
    from inspector_gui.reports import compare_output as out
    from inspector_gui.reports.compare import compare_inspections, pick_inspections

    fmt = chosen_format(fmt, output, force)
    with open_store(store_path) as store:
        found = store.find_provider(provider)
        try:
            earlier, later = pick_inspections(store.inspections(found.provider_id), start, end)
        except InspectorError as exc:
            raise InspectorError(f"{found.name} {exc}") from None
        result = compare_inspections(store, found, earlier, later)
        if output is not None:
            from inspector_gui.exchange.writers.store_workbooks import write_comparison_workbook

            write_comparison_workbook(store, result, output, force=force)
            say(f"wrote the comparison of {earlier.inspection_id} with {later.inspection_id} to {output}")
            return
    if fmt == "json":
        say(dumps(out.comparison_record(result)), data=True)
    elif fmt == "csv":
        say(render(out.comparison_rows(result), out.CSV_COLUMNS, "csv"), data=True)
    elif fmt == "md":
        say(lines_markdown(out.comparison_lines(result)), data=True)
    else:
        say(lines_text(out.comparison_lines(result)))
