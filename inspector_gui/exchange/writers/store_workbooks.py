"""Workbooks of what the user chose: the findings of a filter (with their tags and notes when
asked), the rating matrix as a league, and a comparison of two inspections, each with a Notes
sheet stating the filters, built from store queries page by page, so an export never holds every
finding at once."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import replace
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING

from inspector_gui import __version__
from inspector_gui.domain.dates import PartialDate
from inspector_gui.domain.league import LeagueTable
from inspector_gui.domain.records import KIND_LABELS, Finding, FindingQuery, MatrixRow
from inspector_gui.exchange.writers.compare_sheets import (
    comparison_facts,
    comparison_filters,
    comparison_sheets,
    comparison_title,
)
from inspector_gui.exchange.writers.wording import provenance, source_text
from inspector_gui.exchange.writers.workbook import Notes, Sheet, notes_attribution, write_workbook
from inspector_gui.exchange.writers.xlsx_tables import findings_sheet, league_notes, league_sheets
from inspector_gui.reports.summary import inspectorate_names, league_of, paged_findings
from inspector_gui.store.notebook import Notebook

if TYPE_CHECKING:
    from inspector_gui.reports.compare import Comparison
    from inspector_gui.store import Store

GENERATED_BY = f"Inspector GUI {__version__}"


def query_filters(query: FindingQuery, *, provider: str = "", tag: str = "",
                  focus: str = "") -> list[tuple[str, str]]:
    """The filters of a findings query in words, for the Notes sheet (and a PDF's first page)."""
    pairs = [("provider", provider), ("showing", focus),
             ("inspections", ", ".join(query.inspection_ids or ()) or (query.inspection_id or "")),
             ("domains", _domains_in_words(query)),
             ("standard", " ".join(query.standard) if query.standard else query.standard_code or ""),
             ("kinds", ", ".join(KIND_LABELS[k] for k in query.kinds or ())),
             ("search", query.search.strip()), ("tag", tag)]
    return [(what, value) for what, value in pairs if value]


def _domains_in_words(query: FindingQuery) -> str:
    """Each chosen domain as ``framework code`` (a code alone means different domains in
    different frameworks), or the bare codes of a query that gives only codes."""
    if query.domains is not None:
        return "; ".join(f"{framework} {code}" if code else "whole inspection (no domain)"
                         for framework, code in query.domains)
    return "; ".join(c or "whole inspection (no domain)" for c in query.domain_codes or ())


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
    sheet = findings_sheet(findings) if notebook is None else findings_sheet(
        *findings_with_notebook(findings, notebook))
    return write_workbook(target, view_notes(store, title, filters), [sheet], force=force)


def findings_with_notebook(findings: Iterator[Finding], notebook: Path, limit: int | None = None
                           ) -> tuple[list[Finding], dict[str, tuple[str, str]]]:
    """The findings (at most ``limit``) and, by natural key, the notebook's tags and notes on them."""
    chosen = list(islice(findings, limit))
    with Notebook.open(notebook, create=False) as opened:
        columns: dict[str, tuple[str, str]] = {}
        for start in range(0, len(chosen), 500):
            columns |= notebook_columns(opened, chosen[start:start + 500])
    return chosen, columns


def view_notes(store: Store, title: str, filters: list[tuple[str, str]]) -> Notes:
    as_at = PartialDate.parse(store.as_at())
    names = inspectorate_names(store)
    table = LeagueTable((), True, as_at, dt.date.today(), GENERATED_BY)
    return Notes(title, source_text(names), as_at.display(), provenance(table), filters,
                 notes_attribution(names, store.attribution()))


def write_matrix_workbook(store: Store, rows: Sequence[MatrixRow], target: Path,
                          filters: list[tuple[str, str]], *, latest_only: bool = True,
                          force: bool = False) -> Path:
    """The rating matrix rows as a league: one sheet per league group, each ranked on its own."""
    table = league_of(store, rows, latest_only)
    notes = league_notes(table)
    notes = Notes("Rating matrix", notes.source, notes.as_at, notes.generated, [*notes.filters, *filters],
                  notes.attribution)
    sheets: list[Sheet] = league_sheets(table, store.frameworks())
    return write_workbook(target, notes, sheets, force=force)


def write_comparison_workbook(store: Store, comparison: Comparison, target: Path, *,
                              force: bool = False) -> Path:
    """Two inspections compared (:func:`~inspector_gui.reports.compare.compare_inspections`):
    Notes naming them and the matching rule, then inspections, standards, findings and
    recommendations."""
    notes = replace(view_notes(store, comparison_title(comparison), comparison_filters(comparison)),
                    facts=comparison_facts(comparison))
    return write_workbook(target, notes, comparison_sheets(comparison), force=force)
