"""League tables that mean something: inspections are ranked only against inspections of the same
framework, provider type and round (or year of publication, where there are no rounds), as the
unofficial probation league tables ranked the CRCs of one round.

Within a group, inspections are ranked by points when every one of them has a score: computed
from the standard ratings when every applicable standard is rated, or stated by a source (marked,
since no standard ratings stand behind it). Where any score is missing, the group is ranked by
overall rating instead, in the order of the framework's points (Outstanding above Good above
Requires improvement above Inadequate), ties shared. A group of one (the national inspection) and
the undated inspections (no round or year to rank within) are not leagues and are not ranked.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from fractions import Fraction
from itertools import groupby

from inspector_gui.domain.dates import PartialDate
from inspector_gui.domain.frameworks import Framework, Standard
from inspector_gui.domain.records import PROVIDER_TYPES, MatrixRow

PUBLISHED, COMPUTED, INCOMPLETE = "published", "computed", "incomplete"
BY_POINTS, BY_OVERALL, NOT_RANKED = "points", "overall rating", "not ranked"
UNDATED = "undated"
_PUBLISHED_SCORE = re.compile(r"^\s*(\d+)\s*(?:(?:of|/)\s*(\d+))?\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class LeagueGroup:
    """The inspections that may be ranked against each other, and how they are ranked."""

    framework_id: str
    framework_name: str
    provider_type: str
    period: str
    size: int = 0
    ranked_by: str = NOT_RANKED
    order: int = 0
    """The group's place in the table, so a view sorting by rank keeps groups in this order."""

    @property
    def key(self) -> tuple[str, str, str]:
        return self.framework_id, self.provider_type, self.period

    @property
    def label(self) -> str:
        """``CRC and NPS standards 2018-2020 · CRC · 2018/19`` — what a heading or cell says."""
        return f"{self.framework_name} · {self.provider_type or 'type not recorded'} · {self.period}"

    @property
    def ranking(self) -> str:
        """How the group is ranked, in the words a header shows."""
        if self.ranked_by == BY_POINTS:
            return "ranked by points"
        if self.ranked_by == BY_OVERALL:
            return "ranked by overall rating (scores incomplete)"
        if self.period == UNDATED:
            return "not ranked (no round or year to rank within)"
        return "not ranked (the only inspection of its kind)"


@dataclass(frozen=True)
class LeagueEntry:
    """A matrix row with its group, the score it is ranked on or none (``basis`` says which)."""

    row: MatrixRow
    points: int | None
    maximum: int | None
    basis: str
    rank: int | None = None
    tied: bool = False
    group: LeagueGroup | None = None

    @property
    def share(self) -> Fraction | None:
        """Points as an exact share of the maximum."""
        if self.points is None or not self.maximum:
            return None
        return Fraction(self.points, self.maximum)

    @property
    def stated(self) -> bool:
        """A score stated by a source, not computed from recorded standard ratings."""
        return self.basis == PUBLISHED

    @property
    def score_label(self) -> str:
        if self.points is not None:
            text = f"{self.points} of {self.maximum}" if self.maximum else str(self.points)
            return f"{text} (stated by source)" if self.stated else text
        return f"incomplete: {self.row.score.label}" if self.row.score else "incomplete"


@dataclass(frozen=True)
class LeagueTable:
    """Ranked entries, group by group, with the provenance every export states."""

    entries: tuple[LeagueEntry, ...]
    latest_only: bool
    as_at: PartialDate
    generated_on: dt.date
    generated_by: str
    standards: tuple[Standard, ...] = ()
    """The standard columns, one block per framework (as the matrix lays them out)."""
    frameworks: Mapping[str, Framework] = field(default_factory=dict)
    attribution: str = ""
    inspectorates: tuple[str, ...] = ()
    """The names of the inspectorates of the rows (headings and the Notes sheet's source)."""

    def groups(self) -> list[LeagueGroup]:
        """The groups in table order."""
        return list(dict.fromkeys(e.group for e in self.entries if e.group is not None))


def score_entry(row: MatrixRow) -> LeagueEntry:
    """The score a row could be ranked on: stated by a source, else computed when complete."""
    maximum = row.score.maximum if row.score else None
    match = _PUBLISHED_SCORE.match(row.inspection.published_score)
    if match:
        published_max = int(match.group(2)) if match.group(2) else maximum
        return LeagueEntry(row, int(match.group(1)), published_max, PUBLISHED)
    if row.score and row.score.complete:
        return LeagueEntry(row, row.score.points, maximum, COMPUTED)
    return LeagueEntry(row, None, maximum, INCOMPLETE)


def period_of(row: MatrixRow) -> str:
    """The round of an inspection, else its year of publication, else ``undated``."""
    inspection = row.inspection
    return inspection.round or (str(inspection.published.year) if inspection.published.known
                                else UNDATED)


def league_table(rows: Iterable[MatrixRow], frameworks: Mapping[str, Framework]) -> list[LeagueEntry]:
    """Every row in its group, each group ranked by its own rule. Groups come newest framework
    first (by its newest inspection), then by provider type, then newest period first."""
    groups: dict[tuple[str, str, str], list[LeagueEntry]] = {}
    for entry in map(score_entry, rows):
        groups.setdefault(_group_key(entry.row), []).append(entry)
    newest: dict[str, PartialDate] = {}
    for framework_id, _, _ in groups:
        newest[framework_id] = max(e.row.inspection.published for k, members in groups.items()
                                   if k[0] == framework_id for e in members)
    order = sorted(groups, key=lambda k: (k[0], _type_order(k[1]), k[2] == UNDATED,
                                          tuple(-ord(c) for c in k[2])))
    order.sort(key=lambda k: newest[k[0]], reverse=True)  # stable: the rest of the order stays
    return [entry for place, key in enumerate(order)
            for entry in _rank_group(groups[key], frameworks, place)]


def _group_key(row: MatrixRow) -> tuple[str, str, str]:
    return row.inspection.framework_id, row.provider.provider_type, period_of(row)


def _type_order(provider_type: str) -> tuple[int, str]:
    known = PROVIDER_TYPES.index(provider_type) if provider_type in PROVIDER_TYPES else len(PROVIDER_TYPES)
    return known, provider_type


def _rank_group(entries: list[LeagueEntry], frameworks: Mapping[str, Framework],
                place: int) -> list[LeagueEntry]:
    row = entries[0].row
    framework = frameworks.get(row.inspection.framework_id)
    name = framework.name if framework else row.inspection.framework_id
    group = LeagueGroup(row.inspection.framework_id, name, row.provider.provider_type,
                        period_of(row), len(entries), order=place)
    if len(entries) < 2 or group.period == UNDATED:
        return [replace(e, group=group) for e in entries]
    if all(e.share is not None for e in entries):
        group = replace(group, ranked_by=BY_POINTS)
        return _ranked(entries, lambda e: e.share, group)
    group = replace(group, ranked_by=BY_OVERALL)
    return _ranked(entries, lambda e: _overall_points(e.row, framework), group)


def _overall_points(row: MatrixRow, framework: Framework | None) -> int | None:
    """Where an overall rating stands on the framework's overall scale (higher is better; the
    scale lists its levels best first); None when the inspection was not rated or its rating is
    not on that scale."""
    overall = row.inspection.overall
    if framework is None or not overall.is_graded or overall not in framework.overall_scale.levels:
        return None
    levels = framework.overall_scale.levels
    return len(levels) - levels.index(overall)


def _ranked(entries: list[LeagueEntry], value, group: LeagueGroup) -> list[LeagueEntry]:
    """Standard competition ranking (1, 2, =3, =3, 5) on ``value``, highest first; entries with
    no value follow, unranked, by name."""
    scored = sorted((e for e in entries if value(e) is not None),
                    key=lambda e: (-value(e), e.row.provider.name.casefold()))
    rest = sorted((e for e in entries if value(e) is None),
                  key=lambda e: (e.row.provider.name.casefold(), e.row.inspection.inspection_id))
    ranked: list[LeagueEntry] = []
    for _, tied in groupby(scored, key=value):
        same = list(tied)
        rank = len(ranked) + 1
        ranked += [replace(e, rank=rank, tied=len(same) > 1, group=group) for e in same]
    return ranked + [replace(e, group=group) for e in rest]
