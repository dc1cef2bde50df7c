"""``inspector themes``: how often a theme comes up, per year, round, type, domain or kind."""

from __future__ import annotations

from pathlib import Path

import click

from inspector_gui.cli.common import fail, handle_errors, open_store, store_option
from inspector_gui.cli.output import format_option, render, say
from inspector_gui.reports.themes import BY_LABELS, resolve_theme, starter_themes, theme_table


@click.command()
@click.argument("text", required=False)
@click.option("--by", type=click.Choice(tuple(BY_LABELS)), default="year", show_default=True,
              help="Count per year of publication, round, provider type, domain or kind.")
@click.option("--list", "list_themes", is_flag=True, help="List the starter themes and exit.")
@format_option
@store_option
@handle_errors
def themes(text: str | None, by: str, list_themes: bool, fmt: str, store_path: Path | None) -> None:
    """How many inspections have at least one finding matching TEXT: a starter theme's name
    (see --list) or words, read as the findings search reads them (every word; the last also
    as a prefix). The share is of the inspections with findings recorded in the group.

    \b
    Example:
      inspector themes "risk of harm" --by year
      inspector themes workloads --by type --format csv
    """
    if list_themes:
        rows = [{"theme": t.name, "searches": "; ".join(t.searches), "about": t.about}
                for t in starter_themes()]
        say(render(rows, ["theme", "searches", "about"], fmt), data=fmt != "table")
        return
    if not text or not text.strip():
        fail("give a theme or search words (inspector themes --list shows the starter themes)")
    theme = resolve_theme(text)
    if theme.match is None:
        fail(f"{text!r} has no words to search for")
    with open_store(store_path) as store:
        table = theme_table(store, theme, by)
    if table.note:
        if fmt != "table":
            say(render([], [by, "inspections_matching", "inspections", "share", "findings_matching"], fmt),
                data=fmt != "table")
        say(f"theme {theme.name}: {table.note}", err=True)
        return
    columns = [by, "inspections_matching", "inspections", "share", "findings_matching"]
    records = table.records()
    if fmt == "table":
        for record in records:
            record["share"] = f"{record['share']:.0%}"
    say(render(records, columns, fmt), data=fmt != "table")
    if fmt == "table":
        say(f"theme {theme.name}: findings matching {theme.description}; share of the "
            "inspections with findings recorded", err=True)
