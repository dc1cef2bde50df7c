"""Turning store results into the national charts: overall ratings per year or round, and the
share of standards rated Good or better per domain. Each says how much of the data it leaves out
(undated inspections, inspections outside the rounds) and where the framework changed."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from inspector_gui.domain.chartdata import (
    SMALL_SAMPLE,
    STACK_ORDER,
    FrameworkChange,
    NationalChart,
    Segment,
    TrendChart,
    TrendPoint,
    TrendSeries,
)
from inspector_gui.domain.chartload import framework_span, framework_starts, join_names
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
                for period in periods for rating in STACK_ORDER
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


def _domain_names(frameworks: dict[str, Framework], provider_type: str | None) -> dict[str, list[str]]:
    """Each domain code's names, in the order the frameworks came into use."""
    names: dict[str, list[str]] = defaultdict(list)
    ordered = sorted(frameworks.values(), key=lambda f: (framework_span(f, None) or (0.0, 0.0))[0])
    for framework in ordered:
        if provider_type and provider_type not in framework.applies_to:
            continue
        for code, name in framework.domains():
            if name not in names[code]:
                names[code].append(name)
    return names


def load_trend(store: Store, provider_type: str | None = None) -> TrendChart:
    """Share of standard ratings Good or better per domain per year, with the counts behind it."""
    names = _domain_names(store.frameworks(), provider_type)
    points: dict[str, list[TrendPoint]] = defaultdict(list)
    for code, year, good, rated in store.domain_trend(provider_type):
        points[code].append(TrendPoint(int(year), good, rated))
    series = tuple(TrendSeries(code, f"Domain {code}: {(names.get(code) or ['unnamed'])[0]}",
                               tuple(found), tuple(names.get(code, ())))
                   for code, found in sorted(points.items()))
    shown = sum(p.rated for s in series for p in s.points)
    missing = store.count_ratings(provider_type) - shown
    years = sorted({p.year for s in series for p in s.points})
    changes = _year_changes(store.frameworks(), provider_type, years, 0)
    notes = ["Under each year: the number of ratings. Bars: 95% interval (Wilson). "
             f"Hollow points rest on fewer than {SMALL_SAMPLE} ratings.", *_changes_note(changes)]
    if missing:
        notes.append(f"{missing} standard ratings from undated inspections are not shown.")
    return TrendChart(caption(store, "Standards rated Good or better, by domain",
                              provider_type or "All provider types", notes), series, changes)
