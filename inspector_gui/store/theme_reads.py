"""How often a theme comes up: inspections with at least one finding that the full-text index
matches, counted in SQL per year, round, provider type, domain or kind.

The share's base is the inspections that have findings recorded at all (in the group; for a
domain, of that domain's framework), since an inspection with none in the store says nothing
either way. A domain is (framework, domain code): the same code in two frameworks is two rows.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

BYS = ("year", "round", "type", "domain", "kind")
_GROUP = {  # the group of a finding's inspection: key columns, in SQL over findings f, i, p
    "year": ("substr(i.published, 1, 4)",),
    "round": ("i.round",),
    "type": ("p.provider_type",),
    "domain": ("i.framework_id", "coalesce(f.domain_code, '')"),
    "kind": ("f.kind",),
}
_BASE = {  # the group's base: inspections with any finding, grouped by what does not depend on f
    "year": _GROUP["year"], "round": _GROUP["round"], "type": _GROUP["type"],
    "domain": ("i.framework_id",), "kind": (),
}
FROM = ("FROM findings f JOIN inspections i ON i.inspection_id = f.inspection_id "
        "JOIN providers p ON p.provider_id = i.provider_id")
FTS_IN = "f.id IN (SELECT rowid FROM findings_fts WHERE findings_fts MATCH ?)"


@dataclass(frozen=True)
class ThemeCount:
    """One group: its key (one value, or framework and domain code), the inspections with at
    least one matching finding, the inspections with any finding, and the matching findings."""

    key: tuple[str, ...]
    matching: int
    inspections: int
    findings: int

    @property
    def share(self) -> float:
        return self.matching / self.inspections if self.inspections else 0.0


class ThemeReads:
    """Theme methods of :class:`~inspector_gui.store.Store`; needs ``_rows``."""

    def _rows(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> list[sqlite3.Row]:
        raise NotImplementedError

    def has_findings(self) -> bool:
        """Whether the store holds any finding at all (a ratings-only data set holds none)."""
        return bool(self._rows("SELECT EXISTS (SELECT 1 FROM findings)")[0][0])

    def theme_counts(self, match: str, by: str) -> list[ThemeCount]:
        """Counts per group for an FTS5 MATCH expression, groups in key order; a group with
        findings but no match has ``matching`` 0."""
        group, base = _columns(by)
        keys = ", ".join(f"{c} AS k{n}" for n, c in enumerate(group))
        hits = self._rows(f"SELECT {keys}, count(DISTINCT f.inspection_id) AS matching, "
                          f"count(*) AS findings {FROM} WHERE {FTS_IN} GROUP BY {_names(group)}",
                          (match,))
        totals = self._base_counts(base)
        found = {tuple(r[f"k{n}"] or "" for n in range(len(group))): r for r in hits}
        if by == "domain":
            keys_seen = set(found) | {k for k in self._domain_keys() if (k[0],) in totals}
        elif by == "kind":
            keys_seen = set(found) | set(self._kind_keys())
        else:
            keys_seen = set(found) | set(totals)
        return [ThemeCount(key, found[key]["matching"] if key in found else 0,
                           totals.get(key[:len(base)], 0), found[key]["findings"] if key in found else 0)
                for key in sorted(keys_seen)]

    def theme_inspections(self, match: str, by: str, key: Sequence[str]) -> list[str]:
        """The inspections behind one group's count, newest first: a table cell's findings."""
        group, _ = _columns(by)
        where = " AND ".join(f"coalesce({c}, '') = ?" for c in group)
        rows = self._rows(f"SELECT DISTINCT i.inspection_id, i.published {FROM} WHERE {FTS_IN} "
                          f"AND {where} ORDER BY i.published DESC, i.inspection_id", (match, *key))
        return [r[0] for r in rows]

    def _base_counts(self, base: tuple[str, ...]) -> dict[tuple[str, ...], int]:
        """Inspections with any finding per group: one index seek per inspection, not a pass over
        every finding."""
        keys = ", ".join(f"{c} AS k{n}" for n, c in enumerate(base)) or "'' AS k0"
        group = f"GROUP BY {_names(base)}" if base else ""
        rows = self._rows(f"SELECT {keys}, count(*) AS n FROM inspections i JOIN providers p "
                          "ON p.provider_id = i.provider_id WHERE EXISTS (SELECT 1 FROM findings f "
                          f"WHERE f.inspection_id = i.inspection_id) {group}")
        return {tuple(r[f"k{n}"] or "" for n in range(len(base))): r["n"] for r in rows}

    def _domain_keys(self) -> list[tuple[str, str]]:
        """Every (framework, domain code) of the frameworks' standards, and each framework's
        whole-inspection findings (code ``""``)."""
        rows = self._rows("SELECT DISTINCT framework_id, domain_code FROM standards "
                          "UNION SELECT framework_id, '' FROM frameworks")
        return [(r[0], r[1] or "") for r in rows]

    def _kind_keys(self) -> list[tuple[str]]:
        return [(r[0],) for r in self._rows("SELECT DISTINCT kind FROM findings")]

    def domain_names(self) -> dict[tuple[str, str], str]:
        """``(framework, domain code) -> domain name``."""
        rows = self._rows("SELECT framework_id, domain_code, min(domain_name) FROM standards "
                          "GROUP BY framework_id, domain_code")
        return {(r[0], r[1]): r[2] or "" for r in rows}


def _columns(by: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    if by not in _GROUP:
        raise ValueError(f"unknown grouping {by!r} (expected one of {', '.join(BYS)})")
    return _GROUP[by], _BASE[by]


def _names(columns: tuple[str, ...]) -> str:
    return ", ".join(f"k{n}" for n in range(len(columns)))
