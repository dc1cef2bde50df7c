"""Spreadsheet import with a mapping file: Ofsted's ILACS sheet gives the source's counts, again
changes nothing, XLSX and ODS copies give the same records, and bad mappings or sheets are refused
with the row and column, exit 2 and the store's bytes unchanged."""

from __future__ import annotations

import csv
import hashlib
import shutil
import sqlite3
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from inspector_gui import paths
from inspector_gui.cli import main
from inspector_gui.store import Store

SHEET = paths.data_dir() / "ofsted-ilacs" / "ofsted_csc_ilacs_history.csv"
LOOKUP = paths.data_dir() / "ofsted-ilacs" / "Provider_data_lookup.csv"
MAPPING = paths.data_dir() / "ofsted-ilacs.toml"
TABLES = ("inspectorates", "frameworks", "scale_levels", "standards", "providers", "inspections",
          "ratings", "peer_groups")


def _import(store: Path, sheet: Path, mapping: Path = MAPPING):
    return CliRunner().invoke(main, ["import", str(sheet), "--mapping", str(mapping), "--store", str(store)])


def _records(path: Path) -> dict[str, list[tuple]]:
    conn = sqlite3.connect(path)
    try:
        return {t: sorted(conn.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in TABLES}
    finally:
        conn.close()


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def ofsted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("ofsted") / "ofsted.db"
    result = _import(path, SHEET)
    assert result.exit_code == 0, result.output
    return path


def test_ilacs_gives_the_sources_counts(ofsted: Path) -> None:
    with Store.open(ofsted) as store:
        counts = store.counts()
        overall = Counter(i.overall.label for i in store.inspections())
        assert [i.name for i in store.inspectorates()] == ["Ofsted"]
        frameworks = store.frameworks()
    assert counts["providers"] == 153 and counts["inspections"] == 497
    assert {k: overall[k] for k in ("Good", "Requires improvement", "Outstanding", "Inadequate")} == {
        "Good": 127, "Requires improvement": 76, "Outstanding": 71, "Inadequate": 34}
    assert overall["Not applicable"] == 11 and overall["Not recorded"] == 178
    assert counts["peer_groups"] == 1530
    assert [r.short for r in frameworks["ilacs-2022"].scale.levels] == ["O", "G", "RI", "I"]


def test_importing_again_changes_nothing(ofsted: Path, tmp_path: Path) -> None:
    copy = tmp_path / "again.db"
    shutil.copyfile(ofsted, copy)
    result = _import(copy, SHEET)
    assert result.exit_code == 0
    assert "(0 new or changed)" in result.stdout and "(1" not in result.stdout
    assert _sha(copy) == _sha(ofsted)


def test_unusual_values_are_warned_about_with_their_row(tmp_path: Path) -> None:
    result = _import(tmp_path / "w.db", SHEET)
    warnings = [line for line in result.stderr.splitlines() if line.startswith("warning:")]
    assert len(warnings) == 2
    assert warnings[0].endswith("help_and_protection_grade: 'to requires improvement' read as "
                                "Requires improvement by a rule the mapping marks as unusual")


def _rows() -> list[list[str]]:
    with SHEET.open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def _as_workbook(folder: Path, suffix: str) -> Path:
    """The sheet saved as a workbook beside a copy of the lookup file, numbers as numbers."""
    folder.mkdir()
    shutil.copyfile(LOOKUP, folder / LOOKUP.name)
    rows = [[int(c) if c.isdigit() else c for c in row] for row in _rows()]
    target = folder / f"history{suffix}"
    (_write_xlsx if suffix == ".xlsx" else _write_ods)(target, rows)
    return target


def _write_xlsx(target: Path, rows: list[list]) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    book.save(target)


def _write_ods(target: Path, rows: list[list]) -> None:
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    doc = OpenDocumentSpreadsheet()
    table = Table(name="History")
    for row in rows:
        line = TableRow()
        for value in row:
            cell = (TableCell(valuetype="float", value=value) if isinstance(value, int)
                    else TableCell(valuetype="string"))
            cell.addElement(P(text=str(value)))
            line.addElement(cell)
        table.addElement(line)
    doc.spreadsheet.addElement(table)
    doc.save(str(target))


@pytest.mark.parametrize("suffix", [".xlsx", ".ods"])
def test_workbooks_import_to_the_same_records(suffix: str, ofsted: Path, tmp_path: Path) -> None:
    sheet = _as_workbook(tmp_path / "in", suffix)
    result = _import(tmp_path / "book.db", sheet)
    assert result.exit_code == 0, result.output
    expected = _records(ofsted)
    found = _records(tmp_path / "book.db")
    for table in TABLES:  # the rows' sources name the file they came from; nothing else differs
        assert found[table] == expected[table], table


def _refused(store: Path, sheet: Path, mapping: Path, expected: str) -> None:
    before = _sha(store)
    result = _import(store, sheet, mapping)
    assert result.exit_code == 2
    assert expected in result.stderr.splitlines(), result.stderr
    assert result.stderr.splitlines()[-1] == f"inspector: import rejected; {store} was not changed"
    assert _sha(store) == before


def test_a_mapping_naming_a_missing_column_is_refused(store_path: Path, tmp_path: Path) -> None:
    mapping = tmp_path / "m.toml"
    mapping.write_text(MAPPING.read_text(encoding="utf-8").replace(
        'column = "inspection_link"', 'column = "report_url"'), encoding="utf-8")
    _refused(store_path, SHEET, mapping, f"{SHEET}:1: report_url: no such column in the header "
             "(inspection.source_url in m.toml names it)")


def test_a_word_the_scale_lacks_is_refused_with_row_and_column(store_path: Path, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copyfile(LOOKUP, folder / LOOKUP.name)
    sheet = folder / "history.csv"
    text = SHEET.read_text(encoding="utf-8").splitlines(keepends=True)
    text[1] = text[1].replace(",outstanding,outstanding,outstanding,outstanding,good,",
                              ",outstanding,superb,outstanding,outstanding,good,")
    sheet.write_text("".join(text), encoding="utf-8")
    _refused(store_path, sheet, MAPPING, f"{sheet}:2: impact_of_leaders_grade: 'superb' is not a "
             "level of the scale 'four-word' (expected Outstanding, Good, Requires improvement, "
             "Inadequate, or a value listed under [values])")


def test_a_broken_mapping_names_the_key(store_path: Path, tmp_path: Path) -> None:
    mapping = tmp_path / "m.toml"
    mapping.write_text(MAPPING.read_text(encoding="utf-8").replace('role = "weak"', 'role = "meh"'),
                       encoding="utf-8")
    _refused(store_path, SHEET, mapping, f"{mapping}: scales.four-word.levels[2].role: unknown colour "
             "role 'meh' (expected best, good, middle, weak, worst)")


@pytest.mark.parametrize(("old", "new", "problem"), [
    ("[inspection]", "[inspectoin]", "inspectoin: unknown section or key"),
    ("[sheet]", "headr_row = 1\n[sheet]", "headr_row: unknown section or key"),
    ("[lookup]", "[lookup]\nfiles = 'x'", "lookup.files: unknown key"),
    ("[[judgements]]", "[[judgements]]\ncolum = 'x'", "judgements[0].colum: unknown key"),
    ("[[frameworks]]", "[[frameworks]]\nscal = 'x'", "frameworks[0].scal: unknown key"),
    ('role = "weak"', 'role = "weak"\nwrod = "x"', "scales.four-word.levels[2].wrod: unknown key"),
], ids=["section", "top-level-key", "lookup", "judgement", "framework", "level"])
def test_a_misspelt_section_or_key_is_refused_not_ignored(old: str, new: str, problem: str,
                                                           store_path: Path, tmp_path: Path) -> None:
    """A misspelt ``[inspectoin]`` was ignored and imported every row again as undated inspections."""
    mapping = tmp_path / "m.toml"
    text = MAPPING.read_text(encoding="utf-8")
    assert old in text
    mapping.write_text(text.replace(old, new, 1), encoding="utf-8")
    _refused(store_path, SHEET, mapping, f"{mapping}: {problem}")


def test_a_date_in_another_format_is_one_problem_per_row(store_path: Path, tmp_path: Path) -> None:
    mapping = tmp_path / "m.toml"
    mapping.write_text(MAPPING.read_text(encoding="utf-8").replace(
        'format = "%d/%m/%y" }', 'format = "%d/%m/%Y" }', 1),
        encoding="utf-8")
    before = _sha(store_path)
    result = _import(store_path, SHEET, mapping)
    assert result.exit_code == 2
    lines = [line for line in result.stderr.splitlines() if ":2: publication_date:" in line]
    assert lines == [f"{SHEET}:2: publication_date: '09/05/25' is not a date in the format %d/%m/%Y"]
    assert _sha(store_path) == before


OGL = "Contains public sector information licensed under the Open Government Licence v3.0 (Ofsted)"


def test_charts_and_exports_carry_the_licence_attribution(ofsted: Path, tmp_path: Path) -> None:
    from inspector_gui.reports.national_charts import load_national
    from inspector_gui.reports.provider_charts import load_history

    with Store.open(ofsted) as store:
        history = load_history(store, "ofsted-80487")
        national = load_national(store)
    assert OGL in history.caption.notes and OGL in national.caption.notes
    assert sum(s.count for s in national.segments) == 308  # graded overall ratings only
    for name in ("barnet.md", "league.csv"):
        args = ["export", "Barnet"] if name.endswith(".md") else ["export", "--all"]
        result = CliRunner().invoke(main, [*args, "-o", str(tmp_path / name), "--store", str(ofsted)])
        assert result.exit_code == 0, result.output
    assert OGL in (tmp_path / "barnet.md").read_text(encoding="utf-8")
    with (tmp_path / "league.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 153 and all(r["attribution"] == OGL for r in rows)


def test_an_inspectorate_with_nothing_in_the_store_is_not_named(ofsted: Path, tmp_path: Path) -> None:
    """A store migrated to schema 4 holds HM Inspectorate of Probation's record whatever it holds:
    an Ofsted store's charts said "HM Inspectorate of Probation and Ofsted publications"."""
    from inspector_gui.reports.provider_charts import source_line

    copy = tmp_path / "migrated.db"
    shutil.copyfile(ofsted, copy)
    conn = sqlite3.connect(copy)
    conn.execute("INSERT INTO inspectorates (inspectorate_id, name) "
                 "VALUES ('hmip', 'HM Inspectorate of Probation')")
    conn.commit()
    conn.close()
    with Store.open(copy) as store:
        assert [i.inspectorate_id for i in store.inspectorates()] == ["ofsted"]
        assert source_line(store) == "Source: Ofsted publications, as imported into migrated.db"
