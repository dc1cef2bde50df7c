"""Workbooks of what the user chose: the findings of a filter (with their tags and notes when
asked) and the rating matrix as a league, each with a Notes sheet stating the filters, built from
store queries page by page, so an export never holds every finding at once."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING

from inspector_gui import __version__
from inspector_gui.domain.dates import PartialDate
from inspector_gui.domain.league import LeagueTable, league_table
from inspector_gui.domain.records import KIND_LABELS, Finding, FindingQuery, MatrixRow
from inspector_gui.exchange.writers.wording import provenance
from inspector_gui.exchange.writers.workbook import Notes, Sheet, write_workbook
from inspector_gui.exchange.writers.xlsx_tables import SOURCE, findings_sheet, league_notes, league_sheets
from inspector_gui.reports.summary import paged_findings
from inspector_gui.store.notebook import Notebook

if TYPE_CHECKING:
    from inspector_gui.store import Store

GENERATED_BY = f"Inspector GUI {__version__}"


def query_filters(query: FindingQuery, *, provider: str = "", tag: str = "",
                  focus: str = "") -> list[tuple[str, str]]:
    """The filters of a findings query in words, for the Notes sheet (and a PDF's first page)."""
    pairs = [("provider", provider), ("showing", focus),
             ("inspections", ", ".join(query.inspection_ids or ()) or (query.inspection_id or "")),
             ("domains", "; ".join(c or "whole inspection (no domain)" for c in query.domain_codes or ())),
             ("standard", query.standard_code or ""),
             ("kinds", ", ".join(KIND_LABELS[k] for k in query.kinds or ())),
             ("search", query.search.strip()), ("tag", tag)]
    return [(what, value) for what, value in pairs if value]


def notebook_columns(notebook: Notebook, findings: Sequence[Finding]) -> dict[str, tuple[str, str]]:
    """Natural key → (tags, notes) of these findings, as spreadsheet cells."""
    keys = [f.natural_key for f in findings]
    tags = notebook.tags_of("finding", keys)
    notes: dict[str, list[str]] = {}
    for note in notebook.notes("finding", keys):
        notes.setdefault(note.record.key, []).append(note.text)
    return {k: (", ".join(tags.get(k, [])), " | ".join(notes.get(k, []))) for k in keys}


def write_findings_workbook(store: Store, query: FindingQuery, target: Path, filters: list[tuple[str, str]],
                            *, notebook: Path | None = None, force: bool = False,
                            title: str = "Findings", limit: int | None = None) -> Path:
    """Every finding ``query`` matches (its page limit ignored; ``limit`` caps the total), newest
    first; with ``notebook``, the user's tags and notes on each as two more columns."""
    findings = islice(paged_findings(store, query), limit)
    if notebook is None:
        sheet = findings_sheet(findings)
    else:
        with Notebook.open(notebook, create=False) as opened:
            pages = list(_with_notebook(findings, opened))
        sheet = findings_sheet([f for f, _ in pages], {f.natural_key: cols for f, cols in pages})
    return write_workbook(target, _notes(store, title, filters), [sheet], force=force)


def _with_notebook(findings: Iterator[Finding], notebook: Notebook, page: int = 500
                   ) -> Iterator[tuple[Finding, tuple[str, str]]]:
    batch: list[Finding] = []
    for finding in findings:
        batch.append(finding)
        if len(batch) == page:
            yield from _columns(batch, notebook)
            batch = []
    yield from _columns(batch, notebook)


def _columns(batch: list[Finding], notebook: Notebook) -> Iterator[tuple[Finding, tuple[str, str]]]:
    columns = notebook_columns(notebook, batch) if batch else {}
    return ((f, columns[f.natural_key]) for f in batch)


def _notes(store: Store, title: str, filters: list[tuple[str, str]]) -> Notes:
    as_at = PartialDate.parse(store.as_at())
    table = LeagueTable((), True, as_at, dt.date.today(), GENERATED_BY)
    return Notes(title, SOURCE, as_at.display(), provenance(table), filters)


def write_matrix_workbook(store: Store, rows: Sequence[MatrixRow], target: Path,
                          filters: list[tuple[str, str]], *, latest_only: bool = True,
                          force: bool = False) -> Path:
    """The rating matrix rows as a league: one sheet per framework, ranked by score."""
    table = LeagueTable(tuple(league_table(rows)), latest_only, PartialDate.parse(store.as_at()),
                        dt.date.today(), GENERATED_BY)
    notes = league_notes(table)
    notes = Notes("Rating matrix", notes.source, notes.as_at, notes.generated, [*notes.filters, *filters])
    sheets: list[Sheet] = league_sheets(table, store.frameworks())
    return write_workbook(target, notes, sheets, force=force)
