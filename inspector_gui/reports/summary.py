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
from inspector_gui.domain.domains import domain_refs, framework_tags
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


DomainKey = tuple[str, str]
"""``(framework_id, domain code)``; ``GENERAL_KEY`` for findings about the whole inspection."""
GENERAL_KEY: DomainKey = ("", "")


def build_summary(store: Store, provider_id: str, *, domains: Sequence[DomainKey] | None = None,
                  kinds: Sequence[str] | None = None, today: dt.date | None = None,
                  progress: Progress | None = None) -> ProviderSummary:
    """The summary of one provider; ``domains`` are (framework, domain code) keys — "2" is a
    different domain in each framework — and ``kinds`` narrow the findings, None meaning all.
    ``progress`` may raise to cancel."""
    provider = store.provider(provider_id)
    history = store.rating_history(provider_id)
    frameworks = store.frameworks()
    inspections = summarise_inspections(provider, history, frameworks)
    choices = dict(domain_choices(provider, (s.inspection for s in inspections), frameworks))
    names = {r.key: r.name for r in domain_refs(frameworks)} | choices
    keys = list(domains) if domains is not None else list(choices)
    kind_list = [k for k in KINDS if not kinds or k in kinds]
    framework_of = {s.inspection.inspection_id: s.inspection.framework_id for s in inspections}
    groups = _finding_groups(store, provider_id, keys if domains is not None else None, keys,
                             kind_list, framework_of, choices, progress)
    domain_filter = None if domains is None else tuple(dict.fromkeys(
        (code, names.get((fw, code), code)) for fw, code in keys))
    lines, record = since_previous(store, provider)
    return ProviderSummary(
        provider, inspections, groups, domain_filter, tuple(kind_list) if kinds else None,
        PartialDate.parse(store.as_at()), today or dt.date.today(), GENERATED_BY, tuple(history),
        store.attribution(provider.inspectorate_id), lines, record,
        inspectorate_names(store, [provider.inspectorate_id]))


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


def domain_choices(provider: Provider, inspections: Iterable[Inspection],
                   frameworks: Mapping[str, Framework]) -> list[tuple[DomainKey, str]]:
    """The domains a provider's findings can belong to — those of the frameworks it was
    inspected under, each (framework, code) once, named with the framework's year when there
    are several — then findings with no domain. Plain data in, so the GUI answers it from what
    it already holds."""
    used = {i.framework_id for i in inspections} & set(frameworks)
    tags = framework_tags(frameworks)
    choices: dict[DomainKey, str] = {}
    for ref in domain_refs(frameworks):
        if ref.framework_id in used and any(s.domain_code == ref.code for s in
                                            frameworks[ref.framework_id].standards_for(provider.provider_type)):
            choices[ref.key] = f"{ref.name} ({tags[ref.framework_id]})" if len(used) > 1 else ref.name
    return [*choices.items(), (GENERAL_KEY, GENERAL_DOMAIN[1])]


def _finding_groups(store: Store, provider_id: str, wanted: list[DomainKey] | None,
                    keys: list[DomainKey], kinds: list[str], framework_of: Mapping[str, str],
                    names: Mapping[DomainKey, str], progress: Progress | None
                    ) -> tuple[FindingGroup, ...]:
    """The provider's chosen findings in one paged query filtered on (framework, domain code),
    grouped by domain then kind (a stable sort keeps each group newest first)."""
    query = FindingQuery(provider_ids=(provider_id,), kinds=tuple(kinds),
                         domains=None if wanted is None else _query_keys(wanted, framework_of))

    def domain_of(finding: Finding) -> DomainKey:
        if not finding.domain_code:
            return GENERAL_KEY
        return framework_of.get(finding.inspection_id, ""), finding.domain_code

    order = {key: n for n, key in enumerate(keys)}
    findings = sorted(paged_findings(store, query), key=lambda f: (
        order.get(domain_of(f), len(order)), domain_of(f), kinds.index(f.kind)))
    grouped = groupby(findings, key=lambda f: (domain_of(f), f.kind))
    groups = tuple(FindingGroup(key[1], names.get(key) or _domain_name(key[1], found), kind, found)
                   for (key, kind), found in ((k, tuple(g)) for k, g in grouped))
    if progress:
        progress(1, 1)
    return groups


def _query_keys(keys: list[DomainKey], frameworks: Iterable[str]) -> tuple[DomainKey, ...]:
    """The keys as the findings query takes them: whole-inspection findings are ``(framework,
    "")`` in each framework the provider was inspected under."""
    general = [(fw, "") for fw in dict.fromkeys(frameworks)] if GENERAL_KEY in keys else []
    return tuple(dict.fromkeys([*(k for k in keys if k != GENERAL_KEY), *general]))


def _domain_name(code: str, findings: Sequence[Finding]) -> str:
    """A domain's name as its findings give it (a domain the framework's standards lack)."""
    if not code:
        return GENERAL_DOMAIN[1]
    return next((f.domain_name for f in findings if f.domain_name), code)


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
    ids = list(dict.fromkeys(r.provider.inspectorate_id for r in rows))
    return LeagueTable(entries, latest_only, PartialDate.parse(store.as_at()),
                       today or dt.date.today(), GENERATED_BY, standards, frameworks,
                       " ".join(filter(None, (store.attribution(i) for i in ids))),
                       inspectorate_names(store, ids))


def inspectorate_names(store: Store, ids: Sequence[str] | None = None) -> tuple[str, ...]:
    """The names of these inspectorates (every one of the store's when None), from the store's
    ``inspectorates`` table, so an export says whose inspections it shows."""
    return tuple(i.name for i in store.inspectorates() if ids is None or i.inspectorate_id in ids)
