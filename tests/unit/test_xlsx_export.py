"""Every XLSX export, read back with openpyxl: sheet names, the header row, values equal to the
store's, palette fills on rating cells, and the Notes sheet's filters; laid out as accessible
spreadsheets are (Notes first, one header row, frozen, no merged cells, no blank rows)."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from badinput import sha256
from click.testing import CliRunner
from workbook_readback import assert_fill, notes, table

from inspector_gui.cli import main
from inspector_gui.domain.records import FindingQuery
from inspector_gui.exchange.writers.workbook import MAX_CELL, Notes, Sheet, sheet_name, write_workbook
from inspector_gui.store import Store
from inspector_gui.store.notebook import Notebook, finding_record


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_provider_summary_workbook_holds_the_stores_inspections_ratings_and_findings(
        store_path: Path, store: Store, tmp_path: Path) -> None:
    out = tmp_path / "merseyside.xlsx"
    code, _, err = run("export", "Merseyside CRC", "--kind", "strength", "-o", str(out),
                       "--store", str(store_path))
    assert code == 0, err
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["Notes", "Inspections", "Ratings", "Findings", "Comparison", "Sources"]
    facts = notes(wb)
    assert facts["Filter: provider"] == "Merseyside CRC"
    assert "strengths" in facts["Filter: findings"] and facts["Data as at"] == "12 June 2025"
    assert "Open Government Licence" in facts["Attribution"]
    header, rows = table(wb["Inspections"])
    assert header[:2] == ["Inspection", "Published"] and header[5] == "Overall rating"
    history = store.rating_history("merseyside-crc")
    assert [r[0] for r in rows] == [p.inspection.inspection_id for p in reversed(history)]
    assert [r[5] for r in rows] == [p.overall.label for p in reversed(history)]
    for row in wb["Inspections"].iter_rows(min_row=3, min_col=6, max_col=6):
        assert_fill(row[0])
    header, rows = table(wb["Ratings"])
    recorded = {(r[0], r[5]): r[7] for r in rows if r[7] != "Not recorded"}
    assert recorded == {(p.inspection.inspection_id, code): cell.rating.label
                        for p in history for code, cell in p.cells.items()}
    for row in wb["Ratings"].iter_rows(min_row=3, min_col=8, max_col=8):
        assert_fill(row[0])
    header, rows = table(wb["Findings"])
    expected = store.findings(FindingQuery(provider_ids=("merseyside-crc",), kinds=("strength",), limit=500))
    assert sorted(r[9] for r in rows) == sorted(f.text for f in expected)
    assert header[9] == "Finding"
    header, rows = table(wb["Comparison"])
    assert header[5:] == ["Previous rating", "Rating", "Change"]
    header, rows = table(wb["Sources"])
    assert header == ["Number", "URL"] and [r[0] for r in rows] == list(range(1, len(rows) + 1))


def test_findings_workbook_holds_every_match_with_tags_and_states_the_filters(
        store_path: Path, store: Store, tmp_path: Path) -> None:
    query = FindingQuery(domains=(("crc-nps-2018", "2"),), search="risk", limit=10_000)
    expected = store.findings(query)
    with Notebook.open() as notebook:
        notebook.add_tag([finding_record(expected[0])], "evidence")
        notebook.add_note(finding_record(expected[0]), "quote this")
    before = sha256(store_path)
    out = tmp_path / "findings.xlsx"
    code, outtext, err = run("findings", "--domain", "Case supervision", "--search", "risk", "--with-notes",
                             "-o", str(out), "--store", str(store_path))
    assert code == 0, err
    assert f"wrote {len(expected)} findings" in outtext
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["Notes", "Findings"]
    facts = notes(wb)
    assert facts["Filter: domains"] == "crc-nps-2018 2" and facts["Filter: search"] == "risk"
    header, rows = table(wb["Findings"])
    assert header[-2:] == ["Your tags", "Your notes"]
    assert [r[0] for r in rows] == [f.finding_id for f in expected]
    assert [r[9] for r in rows] == [f.text for f in expected]
    assert rows[0][-2:] == ["evidence", "quote this"] and all(r[-2] is None for r in rows[1:])
    assert sha256(store_path) == before


def test_ratings_workbook_and_format_errors(store_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "matrix.xlsx"
    code, _, err = run("ratings", "--round", "2018/19", "--format", "xlsx", "-o", str(out),
                       "--store", str(store_path))
    assert code == 0, err
    wb = openpyxl.load_workbook(out)
    assert notes(wb)["Filter: round"] == "2018/19"
    assert all(row[7] == "2018/19" for ws in wb.worksheets[1:] for row in table(ws)[1])
    code, _, err = run("ratings", "--format", "xlsx", "--store", str(store_path))
    assert code == 2 and "give --output FILE.xlsx" in err
    code, _, err = run("ratings", "-o", str(out), "--store", str(store_path))
    assert code == 2 and "already exists" in err


def test_hostile_text_stays_text_in_a_workbook(hostile_store_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "hostile.xlsx"
    code, _, err = run("findings", "--search", "hyperlink", "-o", str(out),
                       "--store", str(hostile_store_path))
    assert code == 0, err
    ws = openpyxl.load_workbook(out)["Findings"]
    cell = ws.cell(3, 10)
    assert cell.value.startswith("=HYPERLINK(") and cell.data_type == "s"
    assert ws.cell(3, 11).hyperlink is None


def test_workbook_writer_limits(tmp_path: Path) -> None:
    taken: set[str] = {"notes"}
    assert sheet_name("Notes", taken) == "Notes (2)"
    assert sheet_name("a/b:c*?[d]'" + "x" * 40, taken) == "a b c d " + "x" * 23
    out = tmp_path / "long.xlsx"
    sheet = Sheet("Long", "Long", ["Text", "Control"], [["y" * (MAX_CELL + 10), "bell\x07 <b>x</b>"]])
    write_workbook(out, Notes("Title", "source", "today", "now"), [sheet])
    ws = openpyxl.load_workbook(out)["Long"]
    assert len(ws["A3"].value) == MAX_CELL and ws["A3"].value.endswith("[cut at 32,767]")
    assert "<b>x</b>" in ws["B3"].value
    assert openpyxl.load_workbook(out)["Notes"]["B7"].value == "none"


@pytest.mark.parametrize("fmt", ["xlsx"])
def test_an_existing_file_is_kept_without_force(store_path: Path, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"x.{fmt}"
    out.write_bytes(b"keep")
    code, _, err = run("export", "--all", "-o", str(out), "--store", str(store_path))
    assert code == 2 and "already exists" in err and out.read_bytes() == b"keep"


def test_provider_summary_workbook_with_your_tags_and_notes(store_path: Path, store: Store,
                                                            tmp_path: Path) -> None:
    first = store.findings(FindingQuery(provider_ids=("merseyside-crc",), limit=1))[0]
    with Notebook.open() as notebook:
        notebook.add_tag([finding_record(first)], "briefing")
        notebook.add_note(finding_record(first), "use in Q3")
    out = tmp_path / "m.xlsx"
    code, _, err = run("export", "merseyside crc", "--with-notes", "-o", str(out), "--store", str(store_path))
    assert code == 0, err
    header, rows = table(openpyxl.load_workbook(out)["Findings"])
    assert header[-2:] == ["Your tags", "Your notes"]
    assert [r[-2:] for r in rows if r[0] == first.finding_id] == [["briefing", "use in Q3"]]
    code, _, err = run("export", "merseyside crc", "--with-notes", "-o", str(tmp_path / "m.md"),
                       "--store", str(store_path))
    assert code == 2 and "--with-notes" in err and not (tmp_path / "m.md").exists()
