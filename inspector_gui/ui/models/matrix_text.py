"""What the rating matrix says about its cells: display text, sort keys, tooltips and the names
a screen reader reads. Plain functions of domain objects, so the model only dispatches."""

from __future__ import annotations

from typing import Any

from inspector_gui.domain.frameworks import Framework, Standard
from inspector_gui.domain.league import LeagueEntry
from inspector_gui.domain.matrix import Cell, CellState
from inspector_gui.domain.records import MatrixRow
from inspector_gui.domain.travel import travel
from inspector_gui.ui.scores import league_text, rank_text, score_explanation, score_text

SortKey = tuple[bool, Any]
"""``(missing, value)``: rows with a missing value sort last whichever the direction."""


def fixed_text(row: MatrixRow, entry: LeagueEntry, column: str) -> str:
    """The text of a Provider, Published, Overall, Score or Rank cell."""
    if column == "Provider":
        return row.provider.name
    if column == "Published":
        return row.inspection.published.iso() or "—"
    if column == "Overall":
        return row.inspection.overall.label
    if column == "Since":
        return travel(row.inspection, row.previous).short
    if column == "League":
        return league_text(entry)
    return score_text(entry) if column == "Score" else rank_text(entry)


def fixed_key(row: MatrixRow, entry: LeagueEntry, column: str) -> SortKey:
    if column == "Provider":
        return False, row.provider.name.casefold()
    if column == "Published":
        return not row.inspection.published.known, row.inspection.published
    if column == "Overall":
        rating = row.inspection.overall
        return not rating.is_graded, rating.level or 0
    if column == "Since":
        age = travel(row.inspection, row.previous).age
        return age is None, age or 0
    share = entry.share
    if column == "Score":
        return share is None, (share or 0, entry.points or 0)
    place = entry.group.order if entry.group else 0
    if column == "League":
        return False, (place, entry.rank is None, entry.rank or 0)
    return entry.rank is None, (place, entry.rank or 0)


def fixed_name(row: MatrixRow, entry: LeagueEntry, column: str) -> str:
    """What a screen reader says for a fixed cell; the direction of travel in words."""
    if column == "Since":
        return f"{row.provider.name}, since the previous inspection: {_words(row)}"
    return f"{row.provider.name}, {column}, {fixed_text(row, entry, column) or 'none'}"


def _words(row: MatrixRow) -> str:
    return travel(row.inspection, row.previous).words


def cell_key(cell: Cell) -> SortKey:
    rated = cell.state is CellState.RATED and cell.rating.is_graded
    return not rated, cell.rating.level if rated else 0


def fixed_tip(row: MatrixRow, entry: LeagueEntry, column: str, framework: Framework | None) -> str:
    if column in ("Score", "Rank", "League"):
        return score_explanation(entry)
    if column == "Since":
        return f"{row.provider.name}: {row.inspection.overall.label}, {_words(row)}"
    lines = [row.provider.name, f"Overall rating: {row.inspection.overall.label}",
             f"Published {row.inspection.published.display()}",
             framework.name if framework else row.inspection.framework_id]
    return "\n".join(lines + [f"Source: {u}" for u in row.inspection.source_urls])


def cell_tip(row: MatrixRow, cell: Cell, framework: Framework | None) -> str:
    """The standard, the rating, its basis and its source; or why the cell has no rating."""
    lines = [f"{row.provider.name}, published {row.inspection.published.display()}"]
    own = framework.name if framework else row.inspection.framework_id
    if cell.state is CellState.OTHER_FRAMEWORK and cell.standard is not None:
        lines.append(f"Inspected under {own}; {cell.standard.title} is a standard of "
                     f"{cell.standard.framework_id}, another framework.")
        return "\n".join(lines)
    if cell.state is CellState.NOT_APPLICABLE or cell.standard is None:
        lines.append(f"Not applicable: {own} does not rate a {row.provider.provider_type} "
                     "on this standard.")
        return "\n".join(lines)
    lines.append(f"{cell.standard.title}: {cell.label}")
    if cell.source is None:
        lines.append("No published rating for this standard in our sources.")
        return "\n".join(lines)
    lines.append(f"Basis: {cell.source.basis or 'stated'}")
    lines += [f"Source: {cell.source.source_url}"] if cell.source.source_url else []
    return "\n".join(lines + ([cell.source.notes] if cell.source.notes else []))


def cell_name(row: MatrixRow, column: Standard, cell: Cell) -> str:
    """"Leeds PDU, 2.1 Assessment, Inadequate" — what a screen reader says for a cell."""
    basis = f" ({cell.source.basis})" if cell.source and not cell.stated else ""
    return f"{row.provider.name}, {column.title}, {cell.label}{basis}"


def standard_tip(standard: Standard, framework: Framework | None) -> str:
    lines = [standard.title, f"Domain {standard.domain_code}: {standard.domain_name}"]
    if framework is not None:
        lines.append(framework.name)
    if standard.applies_to:
        lines.append(f"Rated for {standard.applies_to} only")
    if not standard.name_confirmed:
        lines.append("Name or code not confirmed by a retrieved source")
    if standard.concept:
        lines.append(f"Concept: {standard.concept} (mapped across frameworks, not identical)")
    lines.append("Only inspections under this framework have a rating here.")
    return "\n".join(lines)


def missing_last(keys: list[SortKey], descending: bool) -> list[int]:
    """Positions ordered by key, rows with a missing value after all others, ties in their
    original order (a stable sort, in either direction)."""
    present = [i for i, key in enumerate(keys) if not key[0]]
    present.sort(key=lambda i: keys[i][1], reverse=descending)
    return present + [i for i, key in enumerate(keys) if key[0]]
