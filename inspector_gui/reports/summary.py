"""Assemble a provider summary or a league table from store queries, for the writers.

Findings come through the store's paged query, one domain and kind at a time, so SQL does the
grouping and filtering and only the findings the export shows are read.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import replace
from itertools import groupby
from typing import TYPE_CHECKING, Any

from inspector_gui import __version__
from inspector_gui.domain.dates import PartialDate
from inspector_gui.domain.frameworks import Framework
from inspector_gui.domain.league import LeagueTable, league_table
from inspector_gui.domain.matrix import blocks_for
from inspector_gui.domain.records import KINDS, Finding, FindingQuery, Inspection, MatrixRow, Provider
from inspector_gui.domain.summary import (
    FindingGroup,
    ProviderSummary,
    summarise_inspections,
)

if TYPE_CHECKING:
    from inspector_gui.store import Store

Progress = Callable[[int, int], None]
PAGE_SIZE = 500
GENERAL_DOMAIN = ("", "Whole inspection (no domain)")
GENERATED_BY = f"Inspector GUI {__version__}"


def build_summary(store: Store, provider_id: str, *, domains: Sequence[str] | None = None,
                  kinds: Sequence[str] | None = None, today: dt.date | None = None,
                  progress: Progress | None = None) -> ProviderSummary:
    """The summary of one provider; ``domains`` are codes (``""``: findings with no domain) and
    ``kinds`` narrow the findings, None meaning all. ``progress`` may raise to cancel."""
    provider = store.provider(provider_id)
    history = store.rating_history(provider_id)
    inspections = summarise_inspections(provider, history, store.frameworks())
    own = _own_domain_names((s.framework for s in inspections), provider.provider_type)
    names = dict([GENERAL_DOMAIN, *store.domains()]) | own
    codes = list(domains) if domains is not None else list(names)
    kind_list = [k for k in KINDS if not kinds or k in kinds]
    groups = _finding_groups(store, provider_id, codes, kind_list, progress)
    domain_filter = tuple((c, names.get(c, c)) for c in codes) if domains is not None else None
    lines, record = since_previous(store, provider)
    return ProviderSummary(
        provider, inspections, groups, domain_filter, tuple(kind_list) if kinds else None,
        PartialDate.parse(store.as_at()), today or dt.date.today(), GENERATED_BY, tuple(history),
        store.attribution(provider.inspectorate_id), lines, record)


def since_previous(store: Store, provider: Provider
                   ) -> tuple[tuple[tuple[str, str], ...], dict[str, Any] | None]:
    """The provider's latest inspection compared with the one before (none with fewer than two)."""
    from inspector_gui.reports.compare import compare_inspections, pick_inspections
    from inspector_gui.reports.compare_output import comparison_lines, comparison_record

    inspections = store.inspections(provider.provider_id)
    if len(inspections) < 2:
        return (), None
    result = compare_inspections(store, provider, *pick_inspections(inspections, None, None))
    lines = comparison_lines(result)
    return (("h", "Since the previous inspection"), ("", lines[0][1]), *lines[1:]), comparison_record(result)


def _own_domain_names(frameworks: Iterable[Framework], provider_type: str) -> dict[str, str]:
    """Domain names by code in the given frameworks (names change between frameworks), for the
    standards that apply to this type of provider."""
    names: dict[str, list[str]] = {}
    for framework in frameworks:
        for standard in framework.standards_for(provider_type):
            names.setdefault(standard.domain_code, []).append(standard.domain_name)
    return {code: " / ".join(dict.fromkeys(found)) for code, found in sorted(names.items())}


def domain_choices(provider: Provider, inspections: Iterable[Inspection],
                   frameworks: Mapping[str, Framework]) -> list[tuple[str, str]]:
    """The domains a provider's findings can belong to (those of the frameworks it was inspected
    under), by code, then findings with no domain. Plain data in, so the GUI answers it from what
    it already holds."""
    used = {i.framework_id for i in inspections}
    own = _own_domain_names((frameworks[f] for f in sorted(used) if f in frameworks), provider.provider_type)
    return [*own.items(), GENERAL_DOMAIN]


def _finding_groups(store: Store, provider_id: str, codes: list[str], kinds: list[str],
                    progress: Progress | None) -> tuple[FindingGroup, ...]:
    """The provider's chosen findings in one paged query, grouped by domain then kind (a stable
    sort keeps each group newest first)."""
    query = FindingQuery(provider_ids=(provider_id,), domain_codes=tuple(codes), kinds=tuple(kinds))
    order = {(code, kind): n for n, (code, kind) in enumerate((c, k) for c in codes for k in kinds)}
    findings = sorted(paged_findings(store, query), key=lambda f: order[(f.domain_code, f.kind)])
    grouped = [(key, tuple(found)) for key, found in groupby(findings, key=lambda f: (f.domain_code, f.kind))]
    groups = [FindingGroup(code, _domain_name(code, found), kind, found) for (code, kind), found in grouped]
    if progress:
        progress(1, 1)
    return tuple(groups)


def _domain_name(code: str, findings: Sequence[Finding]) -> str:
    """A domain code's names in this provider's frameworks (they change between frameworks)."""
    if not code:
        return GENERAL_DOMAIN[1]
    return " / ".join(dict.fromkeys(f.domain_name for f in findings if f.domain_name)) or code


def paged_findings(store: Store, query: FindingQuery, page: int = PAGE_SIZE) -> Iterator[Finding]:
    """Every finding matching ``query``, read a page at a time."""
    offset = 0
    while True:
        rows = store.findings(replace(query, limit=page, offset=offset))
        yield from rows
        if len(rows) < page:
            return
        offset += page


def build_league(store: Store, *, latest_only: bool = True, today: dt.date | None = None) -> LeagueTable:
    """The rating matrix of every provider (latest inspections, or all), ranked within league
    groups of one framework, provider type and round or year."""
    return league_of(store, store.rating_matrix(latest_only=latest_only), latest_only, today)


def league_of(store: Store, rows: Sequence[MatrixRow], latest_only: bool,
              today: dt.date | None = None) -> LeagueTable:
    """These matrix rows as league groups, with one block of standard columns per framework."""
    frameworks = store.frameworks()
    entries = tuple(league_table(rows, frameworks))
    standards = tuple(s for block in blocks_for(rows, frameworks) for s in block.standards)
    return LeagueTable(entries, latest_only, PartialDate.parse(store.as_at()),
                       today or dt.date.today(), GENERATED_BY, standards, frameworks,
                       store.attribution())
