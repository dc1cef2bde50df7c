"""What *Export this view* holds: the rating matrix the window shows (one table per league group)
and the findings of its filters, with the filters in words for the first page or sheet. Built in
a worker from store queries; findings are read a page at a time."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from inspector_gui.domain.records import FindingQuery
from inspector_gui.exchange.writers.store_workbooks import findings_with_notebook, view_notes
from inspector_gui.exchange.writers.view_doc import write_view
from inspector_gui.exchange.writers.xlsx_tables import findings_sheet, league_sheets
from inspector_gui.reports.summary import league_of, paged_findings
from inspector_gui.store.notebook import tagged_query

if TYPE_CHECKING:
    from inspector_gui.store import Store

TITLES = {("matrix",): "Rating matrix", ("findings",): "Findings"}
PRINTED_FINDINGS = 5_000
"""A PDF or web page lists at most this many findings (a workbook or CSV has them all)."""


@dataclass(frozen=True)
class ViewRequest:
    """Plain data from the window, so it crosses to the worker thread."""

    fmt: str
    target: Path
    matrix_query: dict[str, Any]
    finding_query: FindingQuery
    tag: str
    notebook: Path
    filters: list[tuple[str, str]] = field(default_factory=list)
    force: bool = True
    parts: tuple[str, ...] = ("matrix", "findings")
    """What to write: the matrix, the findings, or both."""


def export_view(store: Store, request: ViewRequest) -> int:
    """Write the view; returns how many findings it holds."""
    sheets, total = [], 0
    if "matrix" in request.parts:
        rows = store.rating_matrix(**request.matrix_query)
        league = league_of(store, rows, request.matrix_query.get("latest_only", True))
        sheets += league_sheets(league, store.frameworks())
    filters = list(request.filters)
    if "findings" in request.parts:
        query = tagged_query(request.finding_query, request.tag, request.notebook)
        total = store.count_findings(query)
        cap = PRINTED_FINDINGS if request.fmt in ("pdf", "html") else None
        if cap is not None and total > cap:
            filters.append(("findings listed", f"the first {cap:,} of {total:,}; export XLSX or CSV for all"))
            total = cap
        found = findings_with_notebook(paged_findings(store, query), request.notebook, cap)
        sheets.append(findings_sheet(*found))
    title = TITLES.get(request.parts, "Inspector GUI: this view")
    write_view(request.fmt, request.target, view_notes(store, title, filters), sheets, force=request.force)
    return total
