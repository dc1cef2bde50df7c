"""The league table (every provider's rating matrix, ranked within league groups) as CSV or JSON.

Each row names its ``group`` (framework, provider type, round or year) and how that group is
ranked (``ranked_by``: points, overall rating, or not ranked); rows a group cannot rank stay in
the table after its ranked ones with an empty rank, so a reader sees who is missing and why. A
score stated by a source rather than computed from standard ratings has ``score_basis``
"published". Standard columns are named ``framework code name`` (``crc-nps-2018 2.1 Assessment``):
a rating word, empty when not recorded, ``n/a`` where the row's framework or provider type has no
such standard.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from inspector_gui.domain.league import LeagueEntry, LeagueTable
from inspector_gui.domain.matrix import CellState, applicable_codes, cell_for
from inspector_gui.exchange.writers.delimited import to_csv
from inspector_gui.exchange.writers.json_doc import FORMAT_VERSION, dumps

LEAGUE_FORMAT = "inspector-gui/league-table"
LEAGUE_COLUMNS = (
    "group", "ranked_by", "rank", "tied", "provider_id", "provider", "provider_type", "region",
    "inspection_id", "published", "round", "framework_id", "overall_rating", "score_points",
    "score_maximum", "score_basis", "score",
)
NOT_APPLICABLE = "n/a"


def render_league_csv(table: LeagueTable) -> str:
    names = [s.full_title for s in table.standards]
    columns = (*LEAGUE_COLUMNS, *names, "source_url")
    if table.attribution:  # a licence's words travel with every row a spreadsheet may copy
        rows = (row | {"attribution": table.attribution} for row in _csv_rows(table))
        return to_csv((*columns, "attribution"), rows)
    return to_csv(columns, _csv_rows(table))


def _csv_rows(table: LeagueTable) -> Iterator[dict[str, object]]:
    for entry in table.entries:
        row = _fields(entry)
        row["tied"] = "yes" if entry.tied else ""
        row["overall_rating"] = entry.row.inspection.overall.label
        row["source_url"] = " ; ".join(entry.row.inspection.source_urls)
        yield row | _standard_cells(table, entry)


def _standard_cells(table: LeagueTable, entry: LeagueEntry) -> dict[str, str]:
    """Each standard column's text for one row: the rating, "" not recorded, "n/a"."""
    applicable = applicable_codes(entry.row, table.frameworks)
    cells = {}
    for standard in table.standards:
        cell = cell_for(entry.row, standard, applicable)
        cells[standard.full_title] = (cell.rating.label if cell.state is CellState.RATED else
                                        "" if cell.state is CellState.NOT_RECORDED else NOT_APPLICABLE)
    return cells


def _fields(entry: LeagueEntry) -> dict[str, Any]:
    provider, inspection, group = entry.row.provider, entry.row.inspection, entry.group
    return {
        "group": group.label if group else "", "ranked_by": group.ranked_by if group else "",
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
        "groups": [{"group": g.label, "framework_id": g.framework_id, "provider_type": g.provider_type,
                    "period": g.period, "size": g.size, "ranked_by": g.ranked_by,
                    "ranking": g.ranking} for g in table.groups()],
        "rows": [_json_row(table, entry) for entry in table.entries],
    })


def _json_row(table: LeagueTable, entry: LeagueEntry) -> dict[str, Any]:
    ratings = {code: {"standard": f"{entry.row.inspection.framework_id} {code}",
                      "rating": cell.rating.value, "basis": cell.basis, "source_url": cell.source_url}
               for code, cell in entry.row.cells.items()}
    return _fields(entry) | {"source_urls": list(entry.row.inspection.source_urls), "ratings": ratings,
                             "standards": _standard_cells(table, entry)}
