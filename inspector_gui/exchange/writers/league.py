"""The league table (every provider's rating matrix, ranked by score) as CSV or JSON.

Rows with an incomplete score stay in the table after the ranked ones, with an empty rank and
``score_basis`` "incomplete", so a reader sees who is missing and why rather than a short table.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from inspector_gui.domain.league import LeagueEntry, LeagueTable
from inspector_gui.exchange.writers.delimited import to_csv
from inspector_gui.exchange.writers.json_doc import FORMAT_VERSION, dumps

LEAGUE_FORMAT = "inspector-gui/league-table"
LEAGUE_COLUMNS = (
    "rank", "tied", "provider_id", "provider", "provider_type", "region", "inspection_id", "published",
    "round", "framework_id", "overall_rating", "score_points", "score_maximum", "score_basis", "score",
)


def render_league_csv(table: LeagueTable) -> str:
    codes = table.standard_codes()
    columns = (*LEAGUE_COLUMNS, *codes, "source_url")
    if table.attribution:  # a licence's words travel with every row a spreadsheet may copy
        rows = (row | {"attribution": table.attribution} for row in _csv_rows(table, codes))
        return to_csv((*columns, "attribution"), rows)
    return to_csv(columns, _csv_rows(table, codes))


def _csv_rows(table: LeagueTable, codes: list[str]) -> Iterator[dict[str, object]]:
    for entry in table.entries:
        row = _fields(entry)
        row["tied"] = "yes" if entry.tied else ""
        row["overall_rating"] = entry.row.inspection.overall.label
        row["source_url"] = " ; ".join(entry.row.inspection.source_urls)
        yield row | {code: cell.rating.label for code, cell in entry.row.cells.items()}


def _fields(entry: LeagueEntry) -> dict[str, Any]:
    provider, inspection = entry.row.provider, entry.row.inspection
    return {
        "rank": entry.rank, "tied": entry.tied, "provider_id": provider.provider_id,
        "provider": provider.name, "provider_type": provider.provider_type, "region": provider.region,
        "inspection_id": inspection.inspection_id, "published": inspection.published.iso(),
        "round": inspection.round, "framework_id": inspection.framework_id,
        "overall_rating": inspection.overall.value, "score_points": entry.points,
        "score_maximum": entry.maximum, "score_basis": entry.basis, "score": entry.score_label,
    }


def render_league_json(table: LeagueTable) -> str:
    return dumps({
        "format": LEAGUE_FORMAT,
        "format_version": FORMAT_VERSION,
        "generated_by": table.generated_by,
        "generated_on": table.generated_on.isoformat(),
        "data_as_at": table.as_at.iso(),
        **({"attribution": table.attribution} if table.attribution else {}),
        "latest_inspection_only": table.latest_only,
        "rows": [_json_row(entry) for entry in table.entries],
    })


def _json_row(entry: LeagueEntry) -> dict[str, Any]:
    ratings = {code: {"rating": cell.rating.value, "basis": cell.basis, "source_url": cell.source_url}
               for code, cell in entry.row.cells.items()}
    return _fields(entry) | {"source_urls": list(entry.row.inspection.source_urls), "ratings": ratings}
