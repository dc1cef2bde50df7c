"""Turning store results into the national charts: overall ratings per year or round, and the
share of standards rated Good or better per domain. Each says how much of the data it leaves out
(undated inspections, inspections outside the rounds) and where the framework changed."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from inspector_gui.domain.chartdata import (
    SMALL_SAMPLE,
    FrameworkChange,
    NationalChart,
    Segment,
    TrendChart,
    TrendPoint,
    TrendSeries,
    stack_order,
)
from inspector_gui.domain.chartload import framework_starts, join_names
from inspector_gui.domain.domains import MAPPED, DomainGroup, domain_groups, framework_tag
from inspector_gui.domain.frameworks import Framework
from inspector_gui.reports.provider_charts import caption
from inspector_gui.store import Store

BY_CHOICES = ("year", "round")


def _periods(found: Sequence[str], by: str) -> tuple[str, ...]:
    """Every year from the first to the last (an empty year shows as a gap), or the rounds found."""
    if by != "year" or not found:
        return tuple(found)
    first, last = int(found[0]), int(found[-1])
    return tuple(str(y) for y in range(first, last + 1))


def load_national(store: Store, by: str = "year", provider_type: str | None = None
                  ) -> NationalChart:
    """Overall ratings per year of publication or per round, with the inspections behind each
    segment (so a click needs no further query)."""
    found = store.national_segments(by, provider_type)
    periods = _periods(sorted({period for period, _ in found}), by)
    totals = {p: sum(len(ids) for (period, _), ids in found.items() if period == p) for p in periods}
    segments = [Segment(period, periods.index(period), rating, len(ids), totals[period], tuple(ids))
                for period in periods for rating in stack_order({r for _, r in found})
                if (ids := found.get((period, rating)))]
    changes: tuple[FrameworkChange, ...] = ()
    if by == "year" and periods:
        changes = _year_changes(store.frameworks(), provider_type, [int(p) for p in periods],
                                int(periods[0]))
    notes = _changes_note(changes)
    missing = store.count_inspections(provider_type) - sum(s.count for s in segments)
    if missing:
        what = "publication year" if by == "year" else "round"
        notes.append(f"{missing} inspections with no {what} or no overall rating are not shown.")
    title = "Overall ratings by year of publication" if by == "year" else "Overall ratings by round"
    return NationalChart(caption(store, title, provider_type or "All provider types", notes), by,
                         provider_type, periods, tuple(segments), changes)


def _year_changes(frameworks: dict[str, Framework], provider_type: str | None, years: Sequence[int],
                  origin: int) -> tuple[FrameworkChange, ...]:
    """A line before each year in which a framework came into use, within the years charted;
    ``origin`` is the year drawn at x = 0 (categorical axes) or 0 (an axis of years)."""
    return tuple(FrameworkChange(year - origin - 0.5, f"{year}: {join_names(names)}")
                 for year, names in framework_starts(frameworks, provider_type).items()
                 if years and years[0] < year <= years[-1])


def _changes_note(changes: Sequence[FrameworkChange]) -> list[str]:
    """The note naming the frameworks behind unlabelled dashed lines."""
    return ["Dashed lines: new frameworks from " + "; ".join(c.label for c in changes) + "."
            ] if changes else []


def load_trend(store: Store, provider_type: str | None = None) -> TrendChart:
    """Share of standard ratings Good or better per domain per year, with the counts behind it.
    A panel is one domain name (:func:`domain_groups`): a framework's domain, or the domains of
    frameworks sharing that name, pooled and marked as mapped across frameworks, not identical."""
    frameworks = store.frameworks()
    groups = domain_groups(frameworks)
    group_of = {member.key: group for group in groups for member in group.members}
    counts: dict[str, dict[int, list[int]]] = defaultdict(dict)
    for framework_id, code, year, good, rated in store.domain_trend(provider_type):
        group = group_of.get((framework_id, code))
        if group is not None:
            total = counts[group.name].setdefault(int(year), [0, 0])
            total[0], total[1] = total[0] + good, total[1] + rated
    series = tuple(_trend_series(group, counts[group.name], frameworks)
                   for group in groups if counts.get(group.name))
    shown = sum(p.rated for s in series for p in s.points)
    missing = store.count_ratings(provider_type) - shown
    changes = tuple(c for s in series for c in s.changes)
    notes = ["Under each year: the number of ratings. Bars: 95% interval (Wilson). "
             f"Hollow points rest on fewer than {SMALL_SAMPLE} ratings."]
    if changes:
        notes.append("A panel naming several years pools the domains of that name, the dashed line "
                     f"marking where the next framework's begins: {MAPPED}.")
    if missing:
        notes.append(f"{missing} standard ratings from undated inspections are not shown.")
    return TrendChart(caption(store, "Standards rated Good or better, by domain",
                              provider_type or "All provider types", notes), series, changes)


def _trend_series(group: DomainGroup, counts: dict[int, list[int]],
                  frameworks: dict[str, Framework]) -> TrendSeries:
    points = tuple(TrendPoint(year, good, rated) for year, (good, rated) in sorted(counts.items()))
    names = tuple(group.describe(frameworks).split("\n"))
    tags = {framework_tag(frameworks, m.framework_id) for m in group.members}
    starts = sorted(int(tag) for tag in tags if tag.isdigit())
    changes = tuple(FrameworkChange(year - 0.5, f"{year}: {join_names(names_from(group, frameworks, year))}")
                    for year in starts[1:])
    return TrendSeries(group.name, group.label(frameworks), points, names, changes)


def names_from(group: DomainGroup, frameworks: dict[str, Framework], year: int) -> list[str]:
    """The names of the group's frameworks that came into use in ``year``."""
    return [frameworks[m.framework_id].name for m in group.members
            if framework_tag(frameworks, m.framework_id) == str(year)]
