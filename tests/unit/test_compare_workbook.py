"""``inspector compare … -o x.xlsx``: a workbook of two inspections compared, read back with
openpyxl — sheet names, header rows, every value equal to the comparison's, palette fills on
rating cells, the Notes sheet naming the two inspections and the matching thresholds — and
imported text kept as text."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import openpyxl
from badinput import sha256
from click.testing import CliRunner
from workbook_readback import COMPARISON_SHEETS, check_comparison_workbook, comparison, table

from inspector_gui.cli import main
from inspector_gui.reports.compare import MAPPED
from inspector_gui.store import Store


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_compare_workbook_equals_the_comparison(store_path: Path, store: Store, tmp_path: Path) -> None:
    before = sha256(store_path)
    out = tmp_path / "wy.xlsx"
    code, text, err = run("compare", "West Yorkshire CRC", "--from", "2018-10-31", "--to", "2020-03",
                          "-o", str(out), "--store", str(store_path))
    assert code == 0, err
    assert text.strip() == (f"wrote the comparison of west-yorkshire-crc-2018-10-31 with "
                            f"west-yorkshire-crc-2020-03 to {out}")
    c = comparison(store, "West Yorkshire CRC", "2018-10-31", "2020-03")
    assert c.recurring and c.recommendations
    facts = check_comparison_workbook(openpyxl.load_workbook(out), c)
    assert facts["Frameworks"].startswith("the same framework")
    assert sha256(store_path) == before


def test_across_frameworks_the_workbook_says_mapped_not_identical(store_path: Path, store: Store,
                                                                 tmp_path: Path) -> None:
    out = tmp_path / "essex.xlsx"
    code, _, err = run("compare", "Essex North PDU", "--format", "xlsx", "--output", str(out),
                       "--store", str(store_path))
    assert code == 0, err
    c = comparison(store, "Essex North PDU")
    assert not c.same_framework and any(s.mapped for s in c.standards)
    wb = openpyxl.load_workbook(out)
    facts = check_comparison_workbook(wb, c)
    assert facts["Frameworks"].startswith("different frameworks") and MAPPED in facts["Frameworks"]
    _, rows = table(wb["Standards"])
    assert rows[0][9] == MAPPED
    assert sum(r[9] == MAPPED for r in rows[1:]) == sum(s.mapped for s in c.standards)


def test_imported_formulas_and_control_characters_stay_text(store_path: Path, tmp_path: Path) -> None:
    hostile = '=HYPERLINK("http://evil.example/","click") \x1b[31m red\x07 workload'
    with sqlite3.connect(store_path) as conn:  # a store written by another program
        conn.execute("UPDATE findings SET text = ? WHERE id = (SELECT min(id) FROM findings "
                     "WHERE inspection_id = 'west-yorkshire-crc-2020-03')", (hostile,))
    conn.close()
    out = tmp_path / "hostile.xlsx"
    code, _, err = run("compare", "West Yorkshire CRC", "-o", str(out), "--store", str(store_path))
    assert code == 0, err
    ws = openpyxl.load_workbook(out)["Findings"]
    cells = [c for row in ws.iter_rows(min_row=3) for c in row
             if isinstance(c.value, str) and c.value.startswith("=HYPERLINK(")]
    assert cells, "the hostile finding is in the workbook"
    for cell in cells:
        assert cell.data_type == "s" and cell.hyperlink is None
        # OOXML stores a control character as an _xHHHH_ escape: text, shown as the character
        assert cell.value.replace("_x001B_", "\x1b").replace("_x0007_", "\x07") == hostile


def test_compare_workbook_refusals_are_one_line(store_path: Path, tmp_path: Path) -> None:
    code, _, err = run("compare", "West Yorkshire CRC", "--format", "xlsx", "--store", str(store_path))
    assert code == 2 and "give --output FILE.xlsx" in err and len(err.strip().splitlines()) == 1
    out = tmp_path / "x.xlsx"
    code, _, err = run("compare", "West Yorkshire CRC", "--format", "json", "-o", str(out),
                       "--store", str(store_path))
    assert code == 2 and "--output writes an Excel workbook" in err and not out.exists()
    out.write_bytes(b"keep")
    code, _, err = run("compare", "West Yorkshire CRC", "-o", str(out), "--store", str(store_path))
    assert code == 2 and "already exists" in err and out.read_bytes() == b"keep"
    code, _, err = run("compare", "West Yorkshire CRC", "-o", str(out), "--force", "--store", str(store_path))
    assert code == 0 and openpyxl.load_workbook(out).sheetnames == COMPARISON_SHEETS
    code, _, err = run("compare", "Bedfordshire PDU", "-o", str(tmp_path / "y.xlsx"),
                       "--store", str(store_path))
    assert code == 2 and "only one inspection" in err and not (tmp_path / "y.xlsx").exists()
