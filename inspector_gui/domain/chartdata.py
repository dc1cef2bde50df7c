"""What each chart plots, as plain numbers and words: the charts are fed these, never a store.

Pure Python, so the geometry a chart depends on (where a step goes, which bar segment lies under
the mouse, how uncertain a share is) is unit-tested without Qt. :mod:`inspector_gui.reports` fills them
from a store.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from inspector_gui.domain.palette import swatch
from inspector_gui.domain.ratings import GRADED, Rating
from inspector_gui.domain.wording import counted

NOT_GRADED_LEVEL = -1
DEFAULT_TICKS = tuple((r.level or 0, r.label) for r in GRADED)
"""Where an inspection without a grade (not rated, not recorded) sits on the history's y axis."""
SERIES_MODES = ("overall", "domain", "standard")
STACK_ORDER = (Rating.INADEQUATE, Rating.REQUIRES_IMPROVEMENT, Rating.GOOD, Rating.OUTSTANDING,
               Rating.NOT_RATED)
"""National bars stack from the bottom: the worst grade first, then better, then not rated."""
BAR_WIDTH = 0.62
SMALL_SAMPLE = 5
"""Trend points resting on fewer ratings than this are drawn hollow."""


def stack_order(ratings: set[Rating]) -> tuple[Rating, ...]:
    """How a national bar stacks the ratings it holds: worst level at the bottom, "not rated" on
    top; the four words whenever only they appear (so the legend always lists them), else every
    level of whatever scales appear, by level."""
    graded = {r for r in ratings if r.is_graded}
    if graded <= set(GRADED):
        return STACK_ORDER
    return (*sorted(graded, key=lambda r: (r.level or 0, r.label)), Rating.NOT_RATED)


@dataclass(frozen=True)
class Caption:
    """Title, subtitle, the data's "as at" date and the source line every chart carries."""

    title: str
    subtitle: str
    as_at: str
    source: str
    notes: tuple[str, ...] = ()

    def footer(self) -> str:
        """``Data as at 12 June 2025 · Source: …``."""
        when = f"Data as at {self.as_at}" if self.as_at else "Data date unknown"
        return f"{when} · {self.source}"


@dataclass(frozen=True)
class FrameworkChange:
    """A vertical line where the inspection framework changed, so comparisons across it are flagged."""

    x: float
    label: str


@dataclass(frozen=True)
class Marker:
    """One rating placed on the history chart; an undated one sits mid-``span``, drawn hollow."""

    inspection_id: str
    x: float
    rating: Rating
    dated: bool
    span: tuple[float, float] | None
    tip: tuple[str, ...]

    @property
    def level(self) -> int:
        """3 (Outstanding) to 0 (Inadequate); NOT_GRADED_LEVEL otherwise."""
        level = self.rating.level
        return NOT_GRADED_LEVEL if level is None else level


def step_path(markers: Sequence[Marker]) -> tuple[list[float], list[float]]:
    """A step line: each rating holds until the next inspection; NaN (a break in the line) where
    an inspection has no grade."""
    xs: list[float] = []
    ys: list[float] = []
    for index, marker in enumerate(markers):
        level = math.nan if marker.level == NOT_GRADED_LEVEL else float(marker.level)
        xs.append(marker.x)
        ys.append(level)
        if index + 1 < len(markers):
            xs.append(markers[index + 1].x)
            ys.append(level)
    return xs, ys


def series_offsets(count: int, spread: float = 0.24, clear: float = 0.1) -> list[float]:
    """Vertical offsets, top to bottom, that keep ``count`` series apart within a rating's band
    (±``spread``) and clear of the overall marker at 0 (±``clear``), so markers at the same level
    and date do not hide each other or the overall rating."""
    above = (count + 1) // 2
    return _spaced(spread, clear, above) + _spaced(-clear, -spread, count - above)


def _spaced(start: float, stop: float, count: int) -> list[float]:
    if count <= 1:
        return [stop] * count
    return [start + (stop - start) * i / (count - 1) for i in range(count)]


@dataclass(frozen=True)
class Series:
    """A standard over time: lines of markers, broken where an inspection did not record it."""

    label: str
    lines: tuple[tuple[Marker, ...], ...]

    @property
    def markers(self) -> tuple[Marker, ...]:
        return tuple(m for line in self.lines for m in line)


@dataclass(frozen=True)
class SeriesGroup:
    """What one legend entry shows and hides: a domain's standards, or a single standard."""

    label: str
    members: tuple[Series, ...]


@dataclass(frozen=True)
class HistoryChart:
    """A provider's overall rating over time, its standards and domains, and framework changes."""

    caption: Caption
    overall: tuple[Marker, ...]
    standards: tuple[Series, ...]
    domains: tuple[SeriesGroup, ...]
    changes: tuple[FrameworkChange, ...]
    levels: tuple[tuple[int, str], ...] = ()

    @property
    def level_ticks(self) -> tuple[tuple[int, str], ...]:
        """``(level, label)`` for the y axis, from the scales of the provider's frameworks."""
        return self.levels or DEFAULT_TICKS

    @property
    def top_level(self) -> int:
        return max(level for level, _ in self.level_ticks)

    def step(self) -> tuple[list[float], list[float]]:
        """The overall rating's step line, through the dated markers."""
        return step_path([m for m in self.overall if m.dated])

    def series(self, mode: str) -> tuple[SeriesGroup, ...]:
        """The groups shown besides the overall line: none, one per domain or one per standard."""
        if mode == "standard":
            return tuple(SeriesGroup(s.label, (s,)) for s in self.standards)
        return {"overall": (), "domain": self.domains}[mode]

    def x_range(self) -> tuple[float, float]:
        """At least two years wide, padded so markers at the ends are not cut."""
        xs = [x for m in self.overall for x in (m.span or (m.x, m.x))] or [0.0]
        low, high = min(xs) - 0.4, max(xs) + 0.4
        middle = (low + high) / 2
        return (min(low, middle - 1), max(high, middle + 1))

    @property
    def has_ungraded(self) -> bool:
        return any(m.level == NOT_GRADED_LEVEL for m in self.overall)

    def ungraded_label(self) -> str:
        """The y-axis label of the lane below Inadequate: the states found in it."""
        found = dict.fromkeys(m.rating.label for m in self.overall if m.level == NOT_GRADED_LEVEL)
        return " / ".join(found)


@dataclass(frozen=True)
class HeatColumn:
    inspection_id: str
    label: str
    framework: str


@dataclass(frozen=True)
class HeatRow:
    label: str
    tip: str


@dataclass(frozen=True)
class HeatCell:
    """One standard in one inspection: a rating, not recorded, or not applicable."""

    row: int
    column: int
    rating: Rating
    applicable: bool
    stated: bool
    tip: tuple[str, ...]

    @property
    def text(self) -> str:
        """The short label drawn on the cell; ``*`` marks a rating the inspectorate did not state."""
        return swatch(self.rating, self.applicable).short + ("" if self.stated else "*")


@dataclass(frozen=True)
class HeatmapChart:
    """Standards (rows, the overall rating first) × inspections (columns, oldest first)."""

    caption: Caption
    rows: tuple[HeatRow, ...]
    columns: tuple[HeatColumn, ...]
    cells: tuple[HeatCell, ...]

    def cell_at(self, x: float, y: float) -> HeatCell | None:
        """The cell drawn around ``(x, y)``: column ``c`` spans c±0.5, row ``r`` spans r±0.5."""
        column, row = round(x), round(y)
        if abs(x - column) > 0.5 or abs(y - row) > 0.5:
            return None
        return next((c for c in self.cells if c.row == row and c.column == column), None)


@dataclass(frozen=True)
class Segment:
    """One rating's part of one period's bar, with the inspections behind it."""

    period: str
    index: int
    rating: Rating
    count: int
    total: int
    inspection_ids: tuple[str, ...]

    def value(self, percent: bool) -> float:
        return 100 * self.count / self.total if percent else float(self.count)


@dataclass(frozen=True)
class NationalChart:
    """Overall ratings per year or round, stacked in STACK_ORDER."""

    caption: Caption
    by: str
    provider_type: str | None
    periods: tuple[str, ...]
    segments: tuple[Segment, ...]
    changes: tuple[FrameworkChange, ...]

    @property
    def order(self) -> tuple[Rating, ...]:
        """The ratings in stacking order, bottom first."""
        return stack_order({s.rating for s in self.segments})

    def stacks(self, percent: bool) -> list[tuple[Segment, float, float]]:
        """``(segment, bottom, height)`` of every segment, bottoms accumulating per period."""
        bottoms: dict[int, float] = {}
        result = []
        for segment in self.segments:
            bottom = bottoms.get(segment.index, 0.0)
            height = segment.value(percent)
            result.append((segment, bottom, height))
            bottoms[segment.index] = bottom + height
        return result

    def totals(self) -> list[int]:
        """Inspections per period, in period order."""
        found = {s.index: s.total for s in self.segments}
        return [found.get(i, 0) for i in range(len(self.periods))]

    def segment_at(self, x: float, y: float, percent: bool) -> Segment | None:
        """The segment drawn under ``(x, y)``, or None outside every bar."""
        for segment, bottom, height in self.stacks(percent):
            if abs(x - segment.index) <= BAR_WIDTH / 2 and bottom <= y <= bottom + height:
                return segment
        return None

    def describe(self, segment: Segment) -> str:
        """``Requires improvement, 2019, CRC (15 inspections)``: the label of a drill-down."""
        scope = f", {self.provider_type}" if self.provider_type else ""
        return f"{segment.rating.label}, {segment.period}{scope} ({counted(segment.count, 'inspection')})"


def wilson_interval(successes: int, n: int, z: float = 1.96) -> tuple[float, float]:
    """The Wilson score interval of a proportion: honest for small samples, never outside 0..1."""
    if n <= 0:
        return (0.0, 1.0)
    p = successes / n
    denominator = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denominator
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denominator
    return (max(0.0, centre - half), min(1.0, centre + half))


@dataclass(frozen=True)
class TrendPoint:
    """Good-or-better ratings among ``rated`` standard ratings of one domain in one year."""

    year: int
    good: int
    rated: int

    @property
    def share(self) -> float:
        return self.good / self.rated if self.rated else 0.0

    @property
    def interval(self) -> tuple[float, float]:
        return wilson_interval(self.good, self.rated)

    @property
    def small(self) -> bool:
        return self.rated < SMALL_SAMPLE


@dataclass(frozen=True)
class TrendSeries:
    """One domain's points; ``names`` are the domain's names across frameworks."""

    code: str
    label: str
    points: tuple[TrendPoint, ...]
    names: tuple[str, ...] = ()
    changes: tuple[FrameworkChange, ...] = ()
    """Where a later framework's domain of the same name joins the series."""

    def runs(self) -> list[list[TrendPoint]]:
        """Points split where a year is missing, so a line never bridges a gap."""
        runs: list[list[TrendPoint]] = []
        for point in self.points:
            if runs and point.year == runs[-1][-1].year + 1:
                runs[-1].append(point)
            else:
                runs.append([point])
        return runs


@dataclass(frozen=True)
class TrendChart:
    """Share of standard ratings Good or better, per domain per year."""

    caption: Caption
    series: tuple[TrendSeries, ...]
    changes: tuple[FrameworkChange, ...]

    def years(self) -> list[int]:
        return sorted({p.year for s in self.series for p in s.points})
