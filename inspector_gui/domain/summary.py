"""A provider summary as plain data: what every export format shows, computed once, free of Qt and
of the store, so the change logic is tested with plain records.

Changes compare each inspection with the provider's previous one by the one rule of
:mod:`inspector_gui.domain.change`: across a framework change the overall rating's move is still
stated but marked "mapped, not identical", and a standard is compared only with the earlier
framework's standard of the same concept.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from inspector_gui.domain.change import Movement, counterpart, movement
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


@dataclass(frozen=True)
class CellSummary:
    """One standard in one inspection: its rating (if recorded) and the change."""

    standard: Standard
    cell: RatingCell | None
    change: Movement = Movement()
    previous: Rating | None = None
    """The rating it is compared with (its concept's counterpart across frameworks), if any."""

    @property
    def rating(self) -> Rating:
        return self.cell.rating if self.cell else Rating.NOT_RECORDED


@dataclass(frozen=True)
class InspectionSummary:
    """An inspection with its framework, score or coverage, overall change and every standard."""

    inspection: Inspection
    framework: Framework
    score: Score
    overall_change: Movement
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
        before = frameworks[previous.inspection.framework_id] if previous else None
        result.append(_summarise(point, framework, provider.provider_type, previous, before))
        previous = point
    return tuple(reversed(result))


def _summarise(point: HistoryPoint, framework: Framework, provider_type: str,
               previous: HistoryPoint | None, earlier: Framework | None) -> InspectionSummary:
    same = earlier is not None and earlier.framework_id == framework.framework_id
    cells = tuple(_cell_summary(s, point.cells.get(s.code), previous, earlier, same)
                  for s in _rated_standards(framework, provider_type, point.cells))
    score = compute_score(framework, provider_type, {c: cell.rating for c, cell in point.cells.items()})
    overall = movement(previous.overall if previous else None, point.overall, same)
    return InspectionSummary(point.inspection, framework, score, overall, cells)


def _rated_standards(framework: Framework, provider_type: str,
                     cells: dict[str, RatingCell]) -> list[Standard]:
    """The standards that apply to the provider, and any other standard that was rated anyway."""
    return [s for s in framework.standards if s.applies(provider_type) or s.code in cells]


def _cell_summary(standard: Standard, cell: RatingCell | None, previous: HistoryPoint | None,
                  earlier: Framework | None, same_framework: bool) -> CellSummary:
    rating = cell.rating if cell else Rating.NOT_RECORDED
    match = counterpart(standard, earlier.standards, same_framework) if earlier else None
    if previous is None or match is None:
        return CellSummary(standard, cell)
    found = previous.cells.get(match.code)
    before = found.rating if found else Rating.NOT_RECORDED
    return CellSummary(standard, cell, movement(before, rating, same_framework), before)
