"""Turning store results into chart data for one provider (history, standards), and what every
chart's data shares (caption, framework years).

Functions take the store's results already read (:mod:`inspector_gui.reports.provider_charts`
reads them, :mod:`inspector_gui.reports.national_charts` does the national charts), so the domain
layer does not read the store. Undated inspections are never dropped from a provider's charts:
they sit in the middle of the years their framework was in use, drawn hollow, with that span shown.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from inspector_gui.domain.chartdata import (
    DEFAULT_TICKS,
    Caption,
    FrameworkChange,
    HeatCell,
    HeatColumn,
    HeatmapChart,
    HeatRow,
    HistoryChart,
    Marker,
    Series,
    SeriesGroup,
)
from inspector_gui.domain.dates import PartialDate
from inspector_gui.domain.domains import framework_tags
from inspector_gui.domain.frameworks import Framework, Standard, code_order
from inspector_gui.domain.ratings import Rating
from inspector_gui.domain.records import HistoryPoint, Provider
from inspector_gui.domain.wording import counted

NOT_STATED_NOTE = "* rating not stated by the inspectorate (news report or press-release wording)"


def chart_caption(title: str, subtitle: str, as_at: str, source: str, notes: Sequence[str] = ()
                  ) -> Caption:
    """A caption with the as-at date (an ISO partial date) shown as people write it."""
    return Caption(title, subtitle, PartialDate.parse(as_at).display() if as_at else "", source,
                   tuple(notes))


def framework_span(framework: Framework | None, until: float | None) -> tuple[float, float] | None:
    """The years a framework was in use, from ``in_use`` (``2021-2023``, ``2023-``, ``2025``);
    an open end runs to ``until`` (the as-at date)."""
    years = [int(y) for y in re.findall(r"\d{4}", framework.in_use)] if framework else []
    if not years:
        return None
    start = float(years[0])
    open_ended = framework is not None and framework.in_use.strip().endswith("-")
    end = (until or start + 1) if open_ended else years[-1] + 1.0
    if until is not None:
        end = min(end, until)
    return (start, max(end, start + 0.25))


def join_names(names: Sequence[str]) -> str:
    """``PDU / Regional standards from October 2023`` for names sharing their last words."""
    names = list(dict.fromkeys(names))
    if len(names) < 2:
        return "".join(names)
    words = [name.split() for name in names]
    shared = 0
    while shared < min(map(len, words)) - 1 and len({tuple(w[len(w) - shared - 1:]) for w in words}) == 1:
        shared += 1
    heads = [" ".join(w[:len(w) - shared]) for w in words]
    return " / ".join(heads) + (" " + " ".join(words[0][len(words[0]) - shared:]) if shared else "")


def framework_starts(frameworks: dict[str, Framework], provider_type: str | None = None
                     ) -> dict[int, list[str]]:
    """Framework names by the year they came into use (for the given provider type, if any)."""
    starts: dict[int, list[str]] = defaultdict(list)
    for framework in frameworks.values():
        span = framework_span(framework, None)
        if span and (not provider_type or provider_type in framework.applies_to):
            starts[int(span[0])].append(framework.name)
    return dict(sorted(starts.items()))


@dataclass(frozen=True)
class _Placed:
    """An inspection of the provider with its place on the time axis."""

    point: HistoryPoint
    x: float
    dated: bool
    span: tuple[float, float] | None


def _place(points: Sequence[HistoryPoint], frameworks: dict[str, Framework], until: float | None
           ) -> list[_Placed]:
    placed = []
    for point in points:
        x = point.inspection.published.decimal_year()
        if x is not None:
            placed.append(_Placed(point, x, True, None))
            continue
        span = framework_span(frameworks.get(point.inspection.framework_id), until)
        middle = (span[0] + span[1]) / 2 if span else (until or 0.0)
        placed.append(_Placed(point, middle, False, span))
    return sorted(placed, key=lambda p: (p.x, p.point.inspection.inspection_id))


def _when(placed: _Placed) -> str:
    if placed.dated:
        return f"Published {placed.point.inspection.published.display()}"
    if placed.span:
        return (f"Publication date unknown (framework in use {int(placed.span[0])}"
                f"–{int(placed.span[1] - 1e-9)})")
    return "Publication date unknown"


def _inspection_lines(placed: _Placed) -> list[str]:
    inspection = placed.point.inspection
    lines = [_when(placed), f"Framework: {placed.point.framework_name}"]
    if inspection.round:
        lines.append(f"Round: {inspection.round}")
    if inspection.published_score:
        lines.append(f"Published score: {inspection.published_score}")
    if inspection.notes:
        notes = inspection.notes if len(inspection.notes) <= 160 else inspection.notes[:159] + "…"
        lines.append(f"Notes: {notes}")
    return [*lines, f"Inspection: {inspection.inspection_id}"]


def _marker(placed: _Placed, rating: Rating, headline: Sequence[str]) -> Marker:
    return Marker(placed.point.inspection.inspection_id, placed.x, rating, placed.dated,
                  placed.span, (*headline, *_inspection_lines(placed)))


def _standard_rows(provider: Provider, placed: Sequence[_Placed], frameworks: dict[str, Framework]
                   ) -> dict[str, list[tuple[int, Standard]]]:
    """For each standard — a (framework, code): two frameworks' "1.1 Leadership" are two rows —
    the columns whose framework has it: the standards of the earliest inspection's framework
    first, then those a later framework added, in code order. Titles are ``code name``, with the
    framework's year where the provider's inspections span several frameworks."""
    rows: dict[tuple[str, str], list[tuple[int, Standard]]] = defaultdict(list)
    for column, item in enumerate(placed):
        framework = frameworks.get(item.point.inspection.framework_id)
        for standard in framework.standards_for(provider.provider_type) if framework else ():
            rows[standard.framework_id, standard.code].append((column, standard))
    ordered = sorted(rows.values(), key=lambda columns: (columns[0][0], code_order(columns[0][1].code)))
    several = len({p.point.inspection.framework_id for p in placed}) > 1
    tags = framework_tags(frameworks)
    return {_row_title(columns[0][1], tags if several else None): columns for columns in ordered}


def _row_title(standard: Standard, tags: dict[str, str] | None) -> str:
    return f"{standard.title} ({tags[standard.framework_id]})" if tags else standard.title


def _lines(entries: Sequence[tuple[int, Marker]]) -> tuple[tuple[Marker, ...], ...]:
    """Markers split into lines of consecutive, dated inspections."""
    lines: list[list[tuple[int, Marker]]] = []
    for column, marker in entries:
        joins = lines and marker.dated and lines[-1][-1][1].dated and lines[-1][-1][0] == column - 1
        if joins:
            lines[-1].append((column, marker))
        else:
            lines.append([(column, marker)])
    return tuple(tuple(m for _, m in line) for line in lines)


def _history_series(provider: Provider, placed: Sequence[_Placed], frameworks: dict[str, Framework]
                    ) -> tuple[tuple[Series, ...], tuple[SeriesGroup, ...]]:
    """A series per standard recorded, and the standards grouped by domain."""
    standards: list[Series] = []
    domains: dict[str, list[Series]] = defaultdict(list)
    for title, columns in _standard_rows(provider, placed, frameworks).items():
        entries = []
        for column, standard in columns:
            cell = placed[column].point.cells.get(standard.code)
            if cell and cell.rating.is_graded:
                headline = (f"{title}: {cell.rating.label}", f"Basis: {cell.basis or 'stated'}")
                entries.append((column, _marker(placed[column], cell.rating, headline)))
        if entries:
            standards.append(Series(title, _lines(entries)))
            domain = columns[0][1]
            suffix = title[len(domain.title):]  # the framework's year, when several are shown
            domains[f"Domain {domain.domain_code}: {domain.domain_name}{suffix}"].append(standards[-1])
    groups = tuple(SeriesGroup(label, tuple(members)) for label, members in sorted(domains.items()))
    return tuple(standards), groups


def _history_changes(placed: Sequence[_Placed], frameworks: dict[str, Framework]
                     ) -> tuple[FrameworkChange, ...]:
    """A line between consecutive inspections under different frameworks, at the new framework's
    first year if that falls between them, else midway."""
    changes = []
    for before, after in zip(placed, placed[1:], strict=False):
        new = after.point.inspection.framework_id
        if new == before.point.inspection.framework_id:
            continue
        span = framework_span(frameworks.get(new), None)
        x = span[0] if span and before.x <= span[0] <= after.x else (before.x + after.x) / 2
        changes.append(FrameworkChange(x, after.point.framework_name))
    return tuple(changes)


def history_chart(provider: Provider, history: Sequence[HistoryPoint],
                  frameworks: dict[str, Framework], as_at: str, source: str,
                  attribution: str = "") -> HistoryChart:
    """The history chart from store results already in hand (a provider summary has them):
    ``history`` as :meth:`Store.rating_history` gives it, ``as_at`` an ISO partial date."""
    placed = _place(history, frameworks, PartialDate.parse(as_at).decimal_year())
    overall = tuple(_marker(p, p.point.overall, (f"Overall: {p.point.overall.label}",)) for p in placed)
    standards, domains = _history_series(provider, placed, frameworks)
    notes = ["Hollow markers: publication date unknown, placed within the framework's years."
             ] if any(not p.dated for p in placed) else []
    title = f"{provider.name}: ratings over time"
    notes += [attribution] if attribution else []
    return HistoryChart(chart_caption(title, _provider_line(provider, placed), as_at, source, notes),
                        overall, standards, domains, _history_changes(placed, frameworks),
                        level_ticks(placed, frameworks))


def level_ticks(placed: Sequence[_Placed], frameworks: dict[str, Framework]) -> tuple[tuple[int, str], ...]:
    """The y-axis labels: the levels of the scales of the provider's frameworks, best first (a
    level shared by scales of different words shows them all, ``Good / 3``)."""
    labels: dict[int, list[str]] = {}
    for framework_id in dict.fromkeys(p.point.inspection.framework_id for p in placed):
        framework = frameworks.get(framework_id)
        for scale in (framework.overall_scale, framework.scale) if framework else ():
            for rating in scale.levels:
                found = labels.setdefault(rating.level or 0, [])
                if rating.label not in found:
                    found.append(rating.label)
    if not labels:
        return DEFAULT_TICKS
    return tuple((level, " / ".join(names)) for level, names in sorted(labels.items(), reverse=True))


def _provider_line(provider: Provider, placed: Sequence[_Placed]) -> str:
    count = len(placed)
    return f"{provider.provider_type} · {counted(count, 'inspection')}"


def heatmap_chart(provider: Provider, history: Sequence[HistoryPoint],
                  frameworks: dict[str, Framework], as_at: str, source: str,
                  attribution: str = "") -> HeatmapChart:
    """The overall rating and every standard of a provider's inspections, oldest first (arguments
    as for :func:`history_chart`)."""
    placed = _place(history, frameworks, PartialDate.parse(as_at).decimal_year())
    columns = tuple(HeatColumn(p.point.inspection.inspection_id,
                               p.point.inspection.published.display(), p.point.framework_name)
                    for p in placed)
    rows = [HeatRow("Overall", "The overall rating, as published")]
    cells = [HeatCell(0, c, p.point.overall, True, True,
                      (f"Overall: {p.point.overall.label}", *_inspection_lines(p)))
             for c, p in enumerate(placed)]
    for title, applicable in _standard_rows(provider, placed, frameworks).items():
        standard = applicable[0][1]
        rows.append(HeatRow(title, f"{title} ({standard.domain_name}, "
                                   f"{frameworks[standard.framework_id].name})"))
        by_column = dict(applicable)
        cells += [_heat_cell(len(rows) - 1, c, p, title, by_column.get(c)) for c, p in enumerate(placed)]
    notes = [NOT_STATED_NOTE] if any(not c.stated for c in cells) else []
    notes += [attribution] if attribution else []
    return HeatmapChart(chart_caption(f"{provider.name}: standards by inspection",
                                      _provider_line(provider, placed), as_at, source, notes),
                        tuple(rows), columns, tuple(cells))


def _heat_cell(row: int, column: int, placed: _Placed, title: str, standard: Standard | None
               ) -> HeatCell:
    lines = _inspection_lines(placed)
    if standard is None:
        return HeatCell(row, column, Rating.NOT_RECORDED, False, True,
                        (f"{title}: not applicable", f"Not a standard of {placed.point.framework_name}",
                         *lines))
    cell = placed.point.cells.get(standard.code)
    if cell is None:
        return HeatCell(row, column, Rating.NOT_RECORDED, True, True,
                        (f"{title}: not recorded", "No published rating in our sources", *lines))
    return HeatCell(row, column, cell.rating, True, cell.stated,
                    (f"{title}: {cell.rating.label}", f"Basis: {cell.basis or 'stated'}", *lines))
