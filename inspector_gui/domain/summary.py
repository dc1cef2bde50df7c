"""A provider summary as plain data: what every export format shows, computed once, free of Qt and
of the store, so the change logic is tested with plain records.

Changes compare each inspection with the provider's previous one. The inspectorate changed its
standards and rating bands in 2021 and 2023, so ratings given under different frameworks are never
compared: such a change is "not comparable" rather than a guess at up or down.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Any

from inspector_gui.domain.dates import PartialDate
from inspector_gui.domain.frameworks import Framework, Score, Standard, compute_score
from inspector_gui.domain.ratings import Rating
from inspector_gui.domain.records import (
    Finding,
    HistoryPoint,
    Inspection,
    Provider,
    RatingCell,
    split_urls,
)


class Change(Enum):
    """How a rating moved since the provider's previous inspection."""

    UP = "up"
    DOWN = "down"
    SAME = "same"
    NOT_COMPARABLE = "not comparable"
    NONE = ""

    @property
    def symbol(self) -> str:
        """A glyph for tight cells; the words are in :attr:`label`."""
        return _SYMBOLS[self]

    @property
    def label(self) -> str:
        return _LABELS[self]


_SYMBOLS = {Change.UP: "▲", Change.DOWN: "▼", Change.SAME: "=", Change.NOT_COMPARABLE: "≠",
            Change.NONE: ""}
_LABELS = {Change.UP: "up since the previous inspection",
           Change.DOWN: "down since the previous inspection",
           Change.SAME: "same as the previous inspection",
           Change.NOT_COMPARABLE: "not comparable: the previous inspection used another framework",
           Change.NONE: ""}


def compare(previous: Rating | None, current: Rating, same_framework: bool) -> Change:
    """The change from ``previous`` (None: no earlier inspection) to ``current``."""
    if previous is None or not current.is_graded:
        return Change.NONE
    if not same_framework:
        return Change.NOT_COMPARABLE
    if not previous.is_graded:
        return Change.NONE
    step = (current.level or 0) - (previous.level or 0)
    return Change.UP if step > 0 else Change.DOWN if step < 0 else Change.SAME


@dataclass(frozen=True)
class CellSummary:
    """One standard in one inspection: its rating (if recorded) and the change."""

    standard: Standard
    cell: RatingCell | None
    change: Change = Change.NONE
    previous: Rating | None = None

    @property
    def rating(self) -> Rating:
        return self.cell.rating if self.cell else Rating.NOT_RECORDED


@dataclass(frozen=True)
class InspectionSummary:
    """An inspection with its framework, score or coverage, overall change and every standard."""

    inspection: Inspection
    framework: Framework
    score: Score
    overall_change: Change
    cells: tuple[CellSummary, ...]

    @property
    def score_text(self) -> str:
        """The published score when there is one, else the computed score or the coverage."""
        if self.inspection.published_score:
            return f"{self.inspection.published_score} (published)"
        return self.score.label if self.score.complete else f"no score: {self.score.label}"

    def cell(self, standard_code: str) -> CellSummary | None:
        return next((c for c in self.cells if c.standard.code == standard_code), None)


@dataclass(frozen=True)
class MatrixSection:
    """The inspections of one framework, newest first, against that framework's standards."""

    framework: Framework
    standards: tuple[Standard, ...]
    inspections: tuple[InspectionSummary, ...]

    def domains(self) -> list[tuple[str, str, list[Standard]]]:
        """``(code, name, standards)`` in standard order, for domain header rows."""
        groups: dict[str, tuple[str, list[Standard]]] = {}
        for standard in self.standards:
            groups.setdefault(standard.domain_code, (standard.domain_name, []))[1].append(standard)
        return [(code, name, items) for code, (name, items) in groups.items()]


@dataclass(frozen=True)
class FindingGroup:
    """The findings of one domain and kind, newest inspection first."""

    domain_code: str
    domain_name: str
    kind: str
    findings: tuple[Finding, ...]


@dataclass(frozen=True)
class ProviderSummary:
    """Everything a provider summary export shows, in the order it shows it."""

    provider: Provider
    inspections: tuple[InspectionSummary, ...]
    finding_groups: tuple[FindingGroup, ...]
    domain_filter: tuple[tuple[str, str], ...] | None
    kind_filter: tuple[str, ...] | None
    as_at: PartialDate
    generated_on: dt.date
    generated_by: str
    history: tuple[HistoryPoint, ...] = ()
    attribution: str = ""
    since_lines: tuple[tuple[str, str], ...] = ()
    """"Since the previous inspection": the latest inspection compared with the one before, as
    ``(style, text)`` lines (``h`` a heading); empty with fewer than two inspections."""
    since_record: dict[str, Any] | None = None
    """The same comparison as plain data (the JSON export)."""
    inspectorates: tuple[str, ...] = ()
    """The names of the inspectorates whose inspections the summary shows (headings, sources)."""

    def sections(self) -> list[MatrixSection]:
        """One matrix per framework, the framework of the newest inspection first."""
        order: dict[str, list[InspectionSummary]] = {}
        for summary in self.inspections:
            order.setdefault(summary.framework.framework_id, []).append(summary)
        return [MatrixSection(group[0].framework, _union_standards(group), tuple(group))
                for group in order.values()]

    def sources(self) -> list[str]:
        """Every source URL in the order the summary first cites it."""
        urls: list[str] = []
        for summary in self.inspections:
            urls += summary.inspection.source_urls
            for cell in summary.cells:
                urls += split_urls(cell.cell.source_url if cell.cell else "")
        urls += [u for g in self.finding_groups for f in g.findings for u in split_urls(f.source_url)]
        return list(dict.fromkeys(urls))

    @property
    def finding_count(self) -> int:
        return sum(len(g.findings) for g in self.finding_groups)


def _union_standards(group: Sequence[InspectionSummary]) -> tuple[Standard, ...]:
    codes = {c.standard.code for summary in group for c in summary.cells}
    return tuple(s for s in group[0].framework.standards if s.code in codes)


def summarise_inspections(provider: Provider, history: Iterable[HistoryPoint],
                          frameworks: dict[str, Framework]) -> tuple[InspectionSummary, ...]:
    """Inspection summaries newest first, from a provider's history (oldest first)."""
    result: list[InspectionSummary] = []
    previous: HistoryPoint | None = None
    for point in history:
        framework = frameworks[point.inspection.framework_id]
        result.append(_summarise(point, framework, provider.provider_type, previous))
        previous = point
    return tuple(reversed(result))


def _summarise(point: HistoryPoint, framework: Framework, provider_type: str,
               previous: HistoryPoint | None) -> InspectionSummary:
    same = previous is not None and previous.inspection.framework_id == framework.framework_id
    cells = tuple(_cell_summary(s, point.cells.get(s.code), previous, same)
                  for s in _rated_standards(framework, provider_type, point.cells))
    score = compute_score(framework, provider_type, {c: cell.rating for c, cell in point.cells.items()})
    overall = compare(previous.overall if previous else None, point.overall, same)
    return InspectionSummary(point.inspection, framework, score, overall, cells)


def _rated_standards(framework: Framework, provider_type: str,
                     cells: dict[str, RatingCell]) -> list[Standard]:
    """The standards that apply to the provider, and any other standard that was rated anyway."""
    return [s for s in framework.standards if s.applies(provider_type) or s.code in cells]


def _cell_summary(standard: Standard, cell: RatingCell | None, previous: HistoryPoint | None,
                  same_framework: bool) -> CellSummary:
    before: Rating | None = None
    if previous is not None:
        earlier = previous.cells.get(standard.code) if same_framework else None
        before = earlier.rating if earlier else Rating.NOT_RECORDED
    rating = cell.rating if cell else Rating.NOT_RECORDED
    change = compare(before, rating, same_framework)
    return CellSummary(standard, cell, change, before if same_framework else None)
