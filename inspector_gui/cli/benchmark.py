"""``inspector benchmark``: an inspection's ratings beside those of other providers of its type."""

from __future__ import annotations

from pathlib import Path

import click

from inspector_gui.cli.common import fail, handle_errors, open_store, store_option
from inspector_gui.cli.output import format_option, render, say
from inspector_gui.domain.ratings import GRADED
from inspector_gui.exchange.writers.json_doc import dumps


@click.command()
@click.argument("provider")
@click.option("--inspection", metavar="ID|DATE", help="The inspection to benchmark (default: the latest).")
@click.option("--peers", metavar="region|neighbours|LIST",
              help="The peer group: the region only, the store's statistical neighbours, or "
                   "provider names or ids separated by commas (default: neighbours when the store "
                   "has them).")
@format_option
@store_option
@handle_errors
def benchmark(provider: str, inspection: str | None, peers: str | None, fmt: str,
              store_path: Path | None) -> None:
    """Set each standard's rating of PROVIDER's inspection (and its overall rating) beside the
    ratings of the other providers of its type under the same framework — nationally, in its
    region and in a peer group — each with its n and how many are better, level and worse.
    Each other provider counts once, by its latest inspection under that framework.

    \b
    Example:
      inspector benchmark "West Yorkshire CRC"
      inspector benchmark "Leeds PDU" --peers "Bradford and Calderdale PDU, Kirklees PDU" --format json
    """
    from inspector_gui.reports.benchmark import benchmark as run
    from inspector_gui.reports.benchmark import peer_sources
    from inspector_gui.reports.compare import find_inspection

    with open_store(store_path) as store:
        found = store.find_provider(provider)
        inspections = store.inspections(found.provider_id)
        if not inspections:
            fail(f"{found.name} has no inspection in the store")
        chosen = find_inspection(inspections, inspection) if inspection else inspections[0]
        result = run(store, found, chosen, peer_sources(store, peers))
    if fmt == "json":
        say(dumps(_document(result)), data=True)
        return
    columns = ["standard", "rating", *(g.label for g in result.groups)]
    rows = [{"standard": r.title, "rating": r.own.label, **{d.group: d.text() for d in r.groups}}
            for r in result.rows]
    if fmt == "csv":
        rows = [_flat(r) for r in result.rows]
        columns = list(rows[0]) if rows else columns
    say(render(rows, columns, fmt), data=fmt != "table")
    if fmt == "table":
        say(f"{found.name}, published {chosen.published.display()}, {result.framework.name}: "
            f"other providers of type {found.provider_type} by their latest inspection under it",
            err=True)
        for note in result.missing:
            say(f"note: {note}", err=True)


def _groups(row: object) -> list[dict[str, object]]:
    return [{"group": d.group, "n": d.n, "counts": {r.value: d.counts.get(r, 0) for r in GRADED},
             "better": d.better, "level": d.level, "worse": d.worse} for d in row.groups]


def _document(result: object) -> dict[str, object]:
    return {"provider": result.provider.name, "inspection_id": result.inspection.inspection_id,
            "published": result.inspection.published.iso(), "framework": result.framework.name,
            "counted": "other providers of the type, each by its latest inspection under the framework",
            "groups": [{"label": g.label,
                        "providers": None if g.provider_ids is None else list(g.provider_ids)}
                       for g in result.groups],
            "missing": list(result.missing),
            "rows": [{"standard": r.title, "rating": r.own.label, "groups": _groups(r)} for r in result.rows]}


def _flat(row: object) -> dict[str, object]:
    record: dict[str, object] = {"standard": row.title, "rating": row.own.label}
    for d in row.groups:
        record |= {f"{d.group} n": d.n, **{f"{d.group} {r.short}": d.counts.get(r, 0) for r in GRADED},
                   f"{d.group} better": d.better, f"{d.group} level": d.level, f"{d.group} worse": d.worse}
    return record
