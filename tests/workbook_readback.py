"""Reading a workbook back with openpyxl, checking the conventions every workbook the app writes
keeps (Notes first, one header row in row 2, frozen, no merged cells, no blank rows inside a
table, a rating cell's word with its palette fill), and a comparison workbook against the
comparison it was written from; shared by the XLSX tests."""

from __future__ import annotations

import openpyxl

from inspector_gui.domain.palette import NOT_APPLICABLE, swatch
from inspector_gui.domain.ratings import GRADED, STATES, Rating
from inspector_gui.domain.records import KIND_LABELS
from inspector_gui.exchange.writers.compare_sheets import (
    FINDING_COLUMNS,
    RECOMMENDATION_COLUMNS,
    STANDARD_COLUMNS,
)
from inspector_gui.reports.compare import MAPPED, RECURRING, SPEAKS_TO, compare_inspections, pick_inspections
from inspector_gui.store import Store

WORDS = {r.label: r for r in (*GRADED, *STATES) if r.label} | {"Not recorded": Rating.NOT_RECORDED}


def table(ws) -> tuple[list[str], list[list]]:
    """Header (row 2) and body rows of a sheet, after checking the layout conventions."""
    assert ws.freeze_panes == "A3"
    assert not ws.merged_cells.ranges
    header = [c.value for c in ws[2]]
    rows = [list(r) for r in ws.iter_rows(min_row=3, values_only=True)]
    assert all(any(v not in (None, "") for v in row) for row in rows), "no blank rows inside a table"
    return header, rows


def notes(wb) -> dict[str, str]:
    ws = wb["Notes"]
    assert wb.sheetnames[0] == "Notes" and ws["A1"].value
    header, rows = table(ws)
    assert header == ["Item", "Value"]
    return {item: value for item, value in rows}


def assert_fill(cell) -> None:
    """A rating cell: its word, and the palette's fill for that word."""
    applicable = cell.value != NOT_APPLICABLE.label
    expected = swatch(WORDS[cell.value]).fill if applicable else NOT_APPLICABLE.fill
    assert cell.fill.fill_type == "solid"
    assert cell.fill.fgColor.rgb.lower() == "ff" + expected[1:].lower()


COMPARISON_SHEETS = ["Notes", "Inspections", "Standards", "Findings", "Recommendations"]


def comparison(store: Store, name: str, start: str | None = None, end: str | None = None):
    provider = store.find_provider(name)
    return compare_inspections(store, provider, *pick_inspections(store.inspections(provider.provider_id),
                                                                   start, end))


def _label(rating) -> str:
    return rating.label or "Not recorded"


def check_comparison_workbook(wb: openpyxl.Workbook, c) -> dict[str, str]:
    """Every sheet of the workbook against the comparison ``c``; the Notes facts."""
    assert wb.sheetnames == COMPARISON_SHEETS
    facts = notes(wb)
    assert facts["Filter: provider"] == c.provider.name
    assert facts["Filter: earlier inspection"].startswith(f"{c.earlier.inspection_id}, published ")
    assert facts["Filter: later inspection"].startswith(f"{c.later.inspection_id}, published ")
    assert facts["Matching threshold: recurring"].startswith(f"{RECURRING}: ")
    assert facts["Matching threshold: speaks to"].startswith(f"{SPEAKS_TO}: ")
    assert "stemmed" in facts["Matching measure"] and "Open Government Licence" in facts["Attribution"]
    assert facts["Data as at"] == "12 June 2025"

    header, rows = table(wb["Inspections"])
    assert header[:2] == ["Compared as", "Inspection"] and header[5] == "Overall rating"
    assert [r[:2] for r in rows] == [["earlier", c.earlier.inspection_id], ["later", c.later.inspection_id]]
    assert [r[5] for r in rows] == [_label(c.earlier.overall), _label(c.later.overall)]
    for cells in wb["Inspections"].iter_rows(min_row=3, min_col=6, max_col=6):
        assert_fill(cells[0])

    header, rows = table(wb["Standards"])
    assert tuple(header) == STANDARD_COLUMNS
    assert rows[0][2] == "Overall rating" and rows[0][6:9] == [
        _label(c.earlier.overall), _label(c.later.overall), c.overall_change]
    assert len(rows) == 1 + len(c.standards)
    for row, s in zip(rows[1:], c.standards, strict=True):
        assert row[1] == (s.later.code if s.later else None)
        assert row[4] == (s.earlier.code if s.earlier else None)
        assert row[6] == (_label(s.before) if s.earlier else "Not applicable")
        assert row[7] == (_label(s.after) if s.later else "Not applicable")
        assert row[8] == s.change and row[9] == (MAPPED if s.mapped else None)
    for cells in wb["Standards"].iter_rows(min_row=3, min_col=7, max_col=8):
        assert_fill(cells[0])
        assert_fill(cells[1])

    header, rows = table(wb["Findings"])
    assert tuple(header) == FINDING_COLUMNS
    expected = ([["recurring", round(p.strength, 3), p.earlier.finding_id, p.later.finding_id]
                 for p in c.recurring]
                + [["new", None, None, f.finding_id] for f in c.new]
                + [["no longer mentioned", None, f.finding_id, None] for f in c.no_longer])
    assert [[r[0], r[1], r[4], r[7]] for r in rows] == expected
    texts = {f.finding_id: f for p in c.recurring for f in (p.earlier, p.later)} | {
        f.finding_id: f for f in (*c.new, *c.no_longer)}
    for r in rows:
        for id_column in (4, 7):
            if r[id_column] is not None:
                finding = texts[r[id_column]]
                assert r[id_column + 1] == KIND_LABELS[finding.kind] and r[id_column + 2] == finding.text

    header, rows = table(wb["Recommendations"])
    assert tuple(header) == RECOMMENDATION_COLUMNS
    expected_rows = [[f.recommendation.finding_id, a.later.finding_id, round(a.strength, 3)]
                     for f in c.recommendations for a in f.answers] + [
        [f.recommendation.finding_id, None, None] for f in c.recommendations if not f.answers]
    assert sorted(([r[0], r[5], r[4]] for r in rows), key=repr) == sorted(expected_rows, key=repr)
    return facts
