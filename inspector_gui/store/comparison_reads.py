"""Reads that compare: each inspection's previous one (direction of travel), and the ratings
of one framework's standards across providers of a type (benchmarks)."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import Any

from inspector_gui.domain.records import Inspection

PREVIOUS = (
    "SELECT x.inspection_id AS of_id, p.* FROM inspections x JOIN inspections p ON p.inspection_id = ("
    " SELECT n.inspection_id FROM inspections n WHERE n.provider_id = x.provider_id"
    " AND (coalesce(n.published, '') < coalesce(x.published, '') OR (coalesce(n.published, '') ="
    " coalesce(x.published, '') AND n.inspection_id < x.inspection_id))"
    " ORDER BY n.published DESC, n.inspection_id DESC LIMIT 1) "
    "WHERE x.inspection_id IN ({marks})")
"""The inspection before each one of the same provider, in the order ``Store.inspections`` uses
(newest first by published date, then id), one index seek per inspection."""


class ComparisonReads:
    """Comparison methods of :class:`~inspector_gui.store.Store`; needs ``_rows``."""

    def _rows(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> list[sqlite3.Row]:
        raise NotImplementedError

    def previous_inspections(self, inspection_ids: Sequence[str]) -> dict[str, Inspection]:
        """``inspection id -> the provider's inspection before it``; absent for a first one."""
        from inspector_gui.store.reads import inspection_from_row

        ids, found = list(dict.fromkeys(inspection_ids)), {}
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            for row in self._rows(PREVIOUS.format(marks=",".join("?" * len(chunk))), chunk):
                found[row["of_id"]] = inspection_from_row(row)
        return found
