"""Reads that compare: each inspection's previous one (direction of travel), and the ratings
of one framework's standards across providers of a type (benchmarks)."""

from __future__ import annotations

import json
import math
import sqlite3
from collections.abc import Sequence
from typing import Any

from inspector_gui.domain.records import Inspection

PREVIOUS = (
    "WITH wanted AS (SELECT DISTINCT value AS id FROM json_each(?)), "
    "w AS (SELECT inspection_id AS of_id, LAG(inspection_id) OVER (PARTITION BY provider_id "
    " ORDER BY coalesce(published, ''), inspection_id) AS prev_id FROM inspections "
    " WHERE provider_id IN (SELECT provider_id FROM inspections WHERE inspection_id IN "
    " (SELECT id FROM wanted))) "
    "SELECT w.of_id, p.* FROM w JOIN wanted ON wanted.id = w.of_id "
    "JOIN inspections p ON p.inspection_id = w.prev_id")
"""The inspection before each one of the same provider, in the order ``Store.inspections`` uses
(newest first by published date, then id): the providers' inspections in one window pass, where
a subquery per row made SQLite compare every pair at 20,000 inspections. The ids go in as one
JSON array, so any number of them is one statement and one window pass."""


class ComparisonReads:
    """Comparison methods of :class:`~inspector_gui.store.Store`; needs ``_rows``."""

    conn: sqlite3.Connection

    def _rows(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> list[sqlite3.Row]:
        raise NotImplementedError

    def previous_inspections(self, inspection_ids: Sequence[str]) -> dict[str, Inspection]:
        """``inspection id -> the provider's inspection before it``; absent for a first one."""
        from inspector_gui.store.reads import inspection_from_row

        rows = self._rows(PREVIOUS, (json.dumps(list(inspection_ids)),))
        frameworks = self.frameworks()  # type: ignore[attr-defined]  # ReadQueries, beside it in Store
        return {row["of_id"]: inspection_from_row(row, frameworks) for row in rows}

    def term_weights(self, terms: Sequence[str]) -> dict[str, float]:
        """How telling each term is: its inverse document frequency over the store's findings
        (BM25's form, always positive), from the index's own counts; "the" weighs almost nothing,
        "caseload" much."""
        from inspector_gui.store.terms import VOCAB, _ensure_vocab

        conn = self.conn
        _ensure_vocab(conn)
        total = self._rows("SELECT count(*) FROM findings")[0][0]
        wanted = list(dict.fromkeys(terms))
        counts: dict[str, int] = {}
        for start in range(0, len(wanted), 500):
            chunk = wanted[start:start + 500]
            rows = conn.execute(f"SELECT term, doc FROM {VOCAB} WHERE term IN "
                                f"({','.join('?' * len(chunk))})", chunk).fetchall()
            counts.update({term: doc for term, doc in rows})
        return {t: math.log((total - counts.get(t, 0) + 0.5) / (counts.get(t, 0) + 0.5) + 1) for t in wanted}


def text_terms(texts: Sequence[str]) -> list[set[str]]:
    """Each text's terms as the store's full-text index holds them (Porter-stemmed, by SQLite's
    own tokenizer, in a memory database so that a read-only store stays untouched)."""
    from inspector_gui.store.terms import TOKENIZER

    memory = sqlite3.connect(":memory:")
    try:
        memory.execute(f"CREATE VIRTUAL TABLE t USING fts5(x, tokenize='{TOKENIZER}')")
        memory.execute("CREATE VIRTUAL TABLE v USING fts5vocab(t, 'instance')")
        memory.executemany("INSERT INTO t (rowid, x) VALUES (?, ?)", enumerate(texts))
        found: list[set[str]] = [set() for _ in texts]
        for doc, term in memory.execute("SELECT doc, term FROM v"):
            found[doc].add(term)
    finally:
        memory.close()
    return found


LATEST_IN_FRAMEWORK = (
    "SELECT x.inspection_id, x.overall_rating FROM (SELECT i.inspection_id, i.provider_id, "
    "i.overall_rating, ROW_NUMBER() OVER (PARTITION BY i.provider_id ORDER BY i.published DESC, "
    "i.inspection_id DESC) AS k FROM inspections i WHERE i.framework_id = ? {until}) x "
    "JOIN providers p ON p.provider_id = x.provider_id "
    "WHERE x.k = 1 AND p.provider_type = ? AND x.provider_id != ? {among}")
"""Every other provider of a type, by its latest inspection under one framework (one each), or its
latest published by a date (``{until}``)."""


class DistributionReads:
    """Rating distributions of :class:`~inspector_gui.store.Store`; needs ``_rows``."""

    def _rows(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> list[sqlite3.Row]:
        raise NotImplementedError

    def rating_distribution(self, framework_id: str, provider_type: str, exclude: str,
                            among: Sequence[str] | None = None) -> dict[str, dict[str, int]]:
        """``standard code -> rating word -> count`` over the latest inspection under
        ``framework_id`` of every provider of ``provider_type`` but ``exclude`` (only those in
        ``among`` when given); the overall rating under the key ``""``."""
        where, params = "", [framework_id, provider_type, exclude]
        if among is not None:
            where = f"AND x.provider_id IN ({','.join('?' * len(among)) or 'NULL'})"
            params += list(among)
        latest = LATEST_IN_FRAMEWORK.format(among=where, until="")
        result: dict[str, dict[str, int]] = {}
        for r in self._rows(f"WITH l AS ({latest}) SELECT '' AS code, overall_rating AS rating, "
                            "count(*) AS n FROM l WHERE coalesce(overall_rating, '') != '' GROUP BY 2 "
                            "UNION ALL "
                            "SELECT r.standard_code, r.rating, count(*) FROM l JOIN ratings r "
                            "ON r.inspection_id = l.inspection_id GROUP BY 1, 2", params):
            result.setdefault(r["code"], {})[r["rating"]] = r["n"]
        return result

    def overall_distribution_until(self, framework_id: str, provider_type: str, exclude: str,
                                   published: str) -> dict[str, int]:
        """``overall rating word -> count`` over every provider of ``provider_type`` but ``exclude``,
        each by its latest inspection under ``framework_id`` published on or before ``published``
        (an ISO date or its start, ``2020-03``: then any day of March 2020 counts; undated
        inspections never count): the national picture as it stood at one of its inspections."""
        latest = LATEST_IN_FRAMEWORK.format(among="", until=(
            "AND coalesce(i.published, '') != '' AND substr(i.published, 1, length(?)) <= ?"))
        rows = self._rows(f"SELECT overall_rating AS rating, count(*) AS n FROM ({latest}) "
                          "WHERE coalesce(overall_rating, '') != '' GROUP BY 1",
                          (framework_id, published, published, provider_type, exclude))
        return {r["rating"]: r["n"] for r in rows}

    def region_members(self, region: str) -> list[str]:
        return [r[0] for r in self._rows("SELECT provider_id FROM providers WHERE region = ? "
                                         "ORDER BY provider_id", (region,))]
