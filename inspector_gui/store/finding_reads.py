"""Findings pages and counts, shaped to stay fast on a million findings.

A page is newest inspection first, which is the order of finding ids (:mod:`ordering`). A page
without a search is the first ids that pass its filters, walked in id order until the page is
full; a search's is the full-text index's first rowids that pass them (FTS5 reads its doclists
in rowid order and stops at the page's end), so a rare word, a mid-frequency one and two words
that seldom meet cost what a common one does. A page of a few providers or inspections walks
their inspections newest first instead (a search asking the FTS index for one inspection's id
range at a time, in exact terms, :mod:`terms`). Where a walk would pass too many rows for its
page (a filter only old inspections have), the matches are found first, from the rarer side,
and sorted. Join orders are fixed with ``CROSS JOIN`` and filter columns kept off indexes with
``+``: without ``ANALYZE`` statistics (an imported store has none) SQLite otherwise sorted all
findings for every page (domain filter: 426 ms instead of 0.6). Counts join only what a filter
needs.
"""

from __future__ import annotations

import functools
import json
import math
import sqlite3
from collections.abc import Callable, Hashable, Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import replace
from pathlib import Path
from typing import Any

from inspector_gui.domain.dates import PartialDate
from inspector_gui.domain.records import Finding, FindingQuery
from inspector_gui.store.search import fts_query
from inspector_gui.store.search_index import search_errors
from inspector_gui.store.terms import Expansion, expand

RARE = 5_000  # expected matches below which sorting them all beats walking inspections
FIRST_WALK, MAX_WALK = 4, 1_024  # fewest inspections walked at a time; most before giving up
MAX_STEPS = 200  # thousand SQLite steps a walk without search may take per 100 rows wanted (~10 ms)
COLUMNS = (  # in the order of Finding's fields
    "f.id, f.inspection_id, i.provider_id, p.name AS provider_name, i.published, f.domain_code, "
    "(SELECT domain_name FROM standards d WHERE d.framework_id = i.framework_id "
    " AND d.domain_code = f.domain_code LIMIT 1) AS domain_name, f.standard_code, "
    "(SELECT standard_name FROM standards s WHERE s.framework_id = i.framework_id "
    " AND s.standard_code = f.standard_code) AS standard_name, f.kind, f.text, f.source_url, "
    "f.natural_key")
ORDER = "ORDER BY i.published DESC, i.inspection_id, f.id"
"""Newest first as the inspections say it: the same order as ``ID_ORDER`` in a store this app
wrote, for statements that walk inspections."""
ID_ORDER = "ORDER BY f.id"
KEYS_IN = "f.natural_key IN (SELECT value FROM json_each(?))"
"""A tag's findings by their natural keys, one JSON parameter however many: the store never needs
the notebook file attached, and the unique index on ``natural_key`` finds each directly."""
FTS_IN = "f.id IN (SELECT rowid FROM findings_fts WHERE findings_fts MATCH ?)"
NEWEST = ("WITH i AS (SELECT inspection_id, published, framework_id, "
          "(SELECT min(id) FROM findings WHERE inspection_id = x.inspection_id) AS lo, "
          "(SELECT max(id) FROM findings WHERE inspection_id = x.inspection_id) AS hi "
          "FROM inspections x {inspections} ORDER BY published DESC, inspection_id LIMIT ? OFFSET ?) ")
WALK = ("SELECT f.id FROM findings f CROSS JOIN inspections i ON i.inspection_id = f.inspection_id "
        "{where} " + ID_ORDER + " LIMIT ? OFFSET ?")
WALK_INSPECTIONS = ("SELECT f.id FROM inspections i CROSS JOIN findings f "
                    "ON f.inspection_id = i.inspection_id {where} " + ORDER + " LIMIT ? OFFSET ?")
WALK_INDEX = ("SELECT f.id FROM findings_fts CROSS JOIN findings f ON f.id = findings_fts.rowid "
              "CROSS JOIN inspections i ON i.inspection_id = f.inspection_id "
              "WHERE findings_fts MATCH ? {findings} ORDER BY findings_fts.rowid LIMIT ? OFFSET ?")
WALK_FTS = (NEWEST + "SELECT f.id FROM i "
            "CROSS JOIN findings_fts ON findings_fts.rowid BETWEEN i.lo AND i.hi "
            "CROSS JOIN findings f ON f.id = findings_fts.rowid AND f.inspection_id = i.inspection_id "
            "WHERE findings_fts MATCH ? {findings} " + ORDER)
MATCHES_FIRST = ("SELECT f.id FROM findings f "
                 "CROSS JOIN inspections i ON i.inspection_id = f.inspection_id "
                 "{where} " + ID_ORDER + " LIMIT ? OFFSET ?")
PAGE = (f"SELECT {COLUMNS} FROM findings f JOIN inspections i USING (inspection_id) "
        f"JOIN providers p ON p.provider_id = i.provider_id WHERE f.id IN ({{ids}}) {ID_ORDER}")


class FindingReads:
    """Findings methods of the store; needs ``_rows`` and ``conn``."""

    conn: sqlite3.Connection
    path: Path

    def _rows(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> list[sqlite3.Row]:
        raise NotImplementedError

    def _tuples(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> list[tuple[Any, ...]]:
        raise NotImplementedError

    def _capped_rows(self, sql: str, params: Sequence[Any] | dict[str, Any],
                     max_steps: int | None, tuples: bool = False) -> list[Any] | None:
        raise NotImplementedError

    def remembered(self, key: Hashable, compute: Callable[[], Any]) -> Any:
        raise NotImplementedError

    def findings(self, query: FindingQuery) -> list[Finding]:
        """One page of findings matching the query, newest inspection first."""
        with self._searching(query):
            return self._findings_page(query)

    def count_findings(self, query: FindingQuery) -> int:
        """How many findings match (ignores limit and offset)."""
        with self._searching(query):
            return self._count_findings(query)

    def _searching(self, query: FindingQuery) -> AbstractContextManager[None]:
        """A search needs the full-text index: a missing or damaged one is said in one line."""
        return search_errors(self.conn, self.path) if fts_query(query.parsed_search) else nullcontext()

    def _findings_page(self, query: FindingQuery) -> list[Finding]:
        """The page of :meth:`findings`.

        The page's ids are found first and its names and texts read for those ids only, so rows
        skipped by an offset cost no lookups."""
        search = query.parsed_search
        expansion = self.remembered(("search", search), lambda: expand(self.conn, search)
                                    ) if search else None
        ids, keyed = None, query.natural_keys is not None  # a tag's few findings: by key, not walked for
        few = _inspections_filtered(query)
        if not keyed and not search:
            ids = self._walk(query)
        elif not keyed and expansion and not few:
            ids = self._walk_index(query, expansion)
        elif not keyed and expansion and expansion.estimate >= RARE:
            ids = self._walk_search(query, expansion)
        if ids is None:
            leads = None if not search else not (expansion and expansion.estimate >= RARE)
            leads = False if keyed and leads else leads
            where, params = _where(query, expansion.match if expansion else None, leads)
            rows = self._tuples(MATCHES_FIRST.format(where=where), [*params, query.limit, query.offset])
            ids = [r[0] for r in rows]
        if not ids:
            return []
        return [_finding(r) for r in self._tuples(PAGE.format(ids=",".join("?" * len(ids))), ids)]

    def findings_by_id(self, ids: Sequence[int]) -> list[Finding]:
        """The findings with these ids (as the table and ``inspector findings`` show them)."""
        ids = [int(i) for i in ids]
        rows = self._tuples(PAGE.format(ids=",".join("?" * len(ids))), ids) if ids else []
        return [_finding(r) for r in rows]

    def present_keys(self, target: str, keys: Sequence[str]) -> set[str]:
        """Which of these natural keys (of findings, or inspection ids) the store holds: a note
        on any other is orphaned here."""
        finding = target == "finding"
        table, column = ("findings", "natural_key") if finding else ("inspections", "inspection_id")
        return {r[0] for r in self._rows(f"SELECT {column} FROM {table} WHERE {column} IN "
                                         "(SELECT value FROM json_each(?))", (json.dumps(list(keys)),))}

    def _count_findings(self, query: FindingQuery) -> int:
        match = fts_query(query.parsed_search)
        if match and replace(query, search="", limit=0, offset=0) == FindingQuery(limit=0):
            return self._rows("SELECT count(*) FROM findings_fts WHERE findings_fts MATCH ?",
                              (match,))[0][0]
        joined = query.provider_ids is not None or query.domains is not None or bool(query.standard)
        join = "JOIN inspections i USING (inspection_id)" if joined else ""
        where, params = _where(query)
        return self._rows(f"SELECT count(*) FROM findings f {join} {where}", params)[0][0]

    def _shape(self) -> int:
        """How many inspections the store has (remembered until the file changes)."""
        return self.remembered("inspections", lambda: self._rows("SELECT count(*) FROM inspections")[0][0])

    def _walk(self, query: FindingQuery) -> list[int] | None:
        """The page's ids in one statement that walks inspections newest first and stops at the
        page's end; None when a filter is so rare in recent inspections that the walk would take
        more than ``MAX_STEPS`` thousand steps for each 100 rows it must pass."""
        clauses, params = _clauses((
            ("i.provider_id", query.provider_ids), ("i.inspection_id", query.inspection_ids),
            ("i.inspection_id", query.inspection_id), ("+f.domain_code", query.domain_codes),
            ("+f.kind", query.kinds), ("+f.standard_code", query.standard_code)))
        _add_framework_keys(clauses, params, query, "+")
        # a framework's domain or standard: its inspections lead, so a walk in id order does not
        # read every newer framework's findings first (a 2018 domain on 1M: 570 ms -> a few ms)
        framework_led = not _inspections_filtered(query) and (query.domains is not None
                                                              or bool(query.standard))
        newest = self._newest_published(query) if framework_led else None
        if newest is not None:
            clauses.append("i.published <= ?")
            params.append(newest)
        led = framework_led or _inspections_filtered(query)
        walk = WALK_INSPECTIONS if led else WALK
        rows = self._capped_rows(walk.format(where=_join(clauses)),
                                 [*params, query.limit, query.offset], _budget(query), tuples=True)
        return None if rows is None else [r[0] for r in rows]

    def _newest_published(self, query: FindingQuery) -> str | None:
        """The newest publication date of the inspections of the frameworks a domain or standard
        filter names, so that a walk newest first starts there instead of passing every newer
        framework's inspections by the date index (crc-nps-2018's domain 2 on 1M: 14 ms walking
        -> 2.4 ms scanning the inspections here, once while the file is unchanged, + 0.1);
        None when one of them has no date at all (NULL, which ``<=`` would drop; the app
        writes '')."""
        frameworks = sorted({framework for framework, _ in query.domains or ()}
                            | ({query.standard[0]} if query.standard else set()))
        if not frameworks:
            return None

        def newest() -> str | None:
            found, undated = self._rows(
                "SELECT max(published), count(*) - count(published) FROM inspections NOT INDEXED "
                f"WHERE framework_id IN ({','.join('?' * len(frameworks))})", frameworks)[0]
            return None if undated else found or ""

        return self.remembered(("newest published", tuple(frameworks)), newest)

    def _walk_index(self, query: FindingQuery, expansion: Expansion) -> list[int] | None:
        """The page's ids as the FTS index's first matching rowids that pass the filters (in id
        order, newest first); None when that takes more than ``MAX_STEPS`` thousand steps for
        each 100 rows, as a filter only old inspections have, with a common word, would."""
        findings, params = _finding_where(query)
        rows = self._capped_rows(WALK_INDEX.format(findings=findings.replace("WHERE", "AND", 1)),
                                 [expansion.match, *params, query.limit, query.offset],
                                 _budget(query), tuples=True)
        return None if rows is None else [r[0] for r in rows]

    def _walk_search(self, query: FindingQuery, expansion: Expansion) -> list[int] | None:
        """The page's ids by walking inspections newest first, asking the FTS index about one
        inspection at a time, as many at a time as the expected matches per inspection say the
        page needs (then as many as the matches seen so far say); None when that would take more
        than ``MAX_WALK`` inspections."""
        inspections, inspection_params = _inspection_where(query)
        findings, finding_params = _finding_where(query)
        sql = WALK_FTS.format(inspections=inspections,
                              findings=findings.replace("WHERE", "AND", 1))
        everywhere = self._shape()
        available = everywhere if not inspections else self._rows(
            f"SELECT count(*) FROM inspections x {inspections}", inspection_params)[0][0]
        rate = expansion.estimate / (everywhere or 1)
        wanted, ids, start = query.offset + query.limit, [], 0
        while len(ids) < wanted and start < available:
            size = min(_chunk(wanted - len(ids), rate), available - start)
            if start + size > MAX_WALK:
                return None
            ids += [r[0] for r in self._tuples(sql, [*inspection_params, size, start,
                                                     expansion.match, *finding_params])]
            start += size
            rate = len(ids) / start if ids else min(rate / 4, 1 / start)
        return ids[query.offset:wanted]


def _inspections_filtered(query: FindingQuery) -> bool:
    """Whether the query names providers or inspections: then their inspections lead a walk."""
    return (query.provider_ids is not None or query.inspection_ids is not None
            or bool(query.inspection_id))


def _budget(query: FindingQuery) -> int:
    """Thousand SQLite steps a walk may take for its page (``MAX_STEPS`` per 100 rows)."""
    return MAX_STEPS * math.ceil((query.offset + query.limit) / 100)


def _chunk(needed: int, rate: float) -> int:
    """Inspections to walk for ``needed`` more matches at ``rate`` per inspection, with a margin."""
    return max(FIRST_WALK, math.ceil(needed * 1.25 / max(rate, 1e-9)))


@functools.lru_cache(maxsize=4096)
def parse_date(text: str | None) -> PartialDate:
    """Parsed once per distinct date: a page shares a few dates, and parsing was 40% of the cost
    of turning rows into findings (and of the provider tree's 20,000 inspections)."""
    return PartialDate.parse(text)


def _finding(r: tuple[Any, ...]) -> Finding:
    """A row of ``COLUMNS`` as a finding, by position, its fields given as one dict: a frozen
    dataclass's ``__init__`` sets each of the 13 through ``object.__setattr__``, most of the
    Python a page of 100 cost (100 rows: 241 -> 65 us)."""
    finding = object.__new__(Finding)
    object.__setattr__(finding, "__dict__", {
        "finding_id": r[0], "inspection_id": r[1], "provider_id": r[2], "provider_name": r[3],
        "published": parse_date(r[4]), "domain_code": r[5] or "", "domain_name": r[6] or "",
        "standard_code": r[7] or "", "standard_name": r[8] or "", "kind": r[9], "text": r[10],
        "source_url": r[11] or "", "natural_key": r[12] or ""})
    return finding


def _in(column: str, values: Sequence[str]) -> tuple[str, list[str]]:
    values = list(values) or [""]
    return f"{column} IN ({','.join('?' * len(values))})", values


def _clauses(pairs: Sequence[tuple[str, Any]]) -> tuple[list[str], list[Any]]:
    """SQL conditions for the given (column, value) pairs: a tuple is a set, a string one value."""
    clauses: list[str] = []
    params: list[Any] = []
    for column, value in pairs:
        if isinstance(value, tuple):
            sql, values = _in(column, value)
            clauses.append(sql)
            params += values
        elif value:
            clauses.append(f"{column} = ?")
            params.append(value)
    return clauses, params


def _add_framework_keys(clauses: list[str], params: list[Any], query: FindingQuery,
                        prefix: str = "") -> None:
    """The ``domains`` and ``standard`` filters: a code within its inspection's framework."""
    _add_domains(clauses, params, query, prefix + "f.domain_code")
    if query.standard:
        clauses.append(f"(i.framework_id, {prefix}f.standard_code) = (?, ?)")
        params += list(query.standard)


def _add_domains(clauses: list[str], params: list[Any], query: FindingQuery, column: str) -> None:
    """The ``domains`` filter: a finding's domain code within its inspection's framework."""
    if query.domains is None:
        return
    if not query.domains:
        clauses.append("0")
        return
    clauses.append(f"(i.framework_id, {column}) IN (VALUES {', '.join(['(?, ?)'] * len(query.domains))})")
    params += [value for pair in query.domains for value in pair]
    frameworks = sorted({framework for framework, _ in query.domains})
    # implied by the pairs, but tested on each inspection before its findings are read: a walk
    # newest first then passes another framework's inspections without reading their findings
    # (a 2018 framework's domain on the 1M store: 1 s sorting every match -> a walk of ~10 ms)
    clauses.append(f"+i.framework_id IN ({', '.join('?' * len(frameworks))})")
    params += frameworks


def _join(clauses: list[str]) -> str:
    return "WHERE " + " AND ".join(clauses) if clauses else ""


def _inspection_where(query: FindingQuery) -> tuple[str, list[Any]]:
    clauses, params = _clauses((("x.provider_id", query.provider_ids),
                                ("x.inspection_id", query.inspection_ids),
                                ("x.inspection_id", query.inspection_id)))
    return _join(clauses), params


def _finding_where(query: FindingQuery) -> tuple[str, list[Any]]:
    """Finding filters for a walk, kept off their indexes (``+``): each inspection's findings are
    found by ``(inspection_id, id)``, and a domain index would make SQLite read all of a domain."""
    clauses, params = _clauses((("+f.domain_code", query.domain_codes), ("+f.kind", query.kinds),
                                ("+f.standard_code", query.standard_code)))
    _add_framework_keys(clauses, params, query, "+")
    return _join(clauses), params


def _where(query: FindingQuery, match: str | None = None,
           fts_leads: bool | None = None) -> tuple[str, list[Any]]:
    """Every filter of the query, on ``findings f`` joined to ``inspections i``; search by FTS,
    with ``match`` (the search in exact terms) in place of the prefix query when given: FTS5
    merges a prefix's whole doclist before it can skip to the rows a rare word allows.

    ``fts_leads`` fixes which side SQLite starts from (the other is kept off its index with
    ``+``): the search when it is rare, the finding filters when the word is common and a walk
    found them too rare in recent inspections (domain 4 with "the": 286 -> 174 ms); None leaves
    the choice to SQLite."""
    found = "+" if fts_leads else ""
    clauses, params = _clauses((
        ("i.provider_id", query.provider_ids), (found + "f.inspection_id", query.inspection_ids),
        (found + "f.inspection_id", query.inspection_id), (found + "f.domain_code", query.domain_codes),
        (found + "f.kind", query.kinds), (found + "f.standard_code", query.standard_code)))
    _add_framework_keys(clauses, params, query, found)
    if query.natural_keys is not None:
        clauses.append(KEYS_IN)
        params.append(json.dumps(list(query.natural_keys)))
    match = match or fts_query(query.parsed_search)
    if match:
        filtered = len(clauses) > (query.provider_ids is not None)
        clauses.append(("+" if fts_leads is False and filtered else "") + FTS_IN)
        params.append(match)
    return _join(clauses), params
