"""The command line, through click's runner: output, one-line errors, exit codes."""

from __future__ import annotations

import csv
import hashlib
import io
import json
from pathlib import Path

import click
from click.testing import CliRunner

from inspector_gui.cli import main


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_info_on_the_default_store_lists_the_bundled_inspections() -> None:
    code, out, _ = run("info")
    assert code == 0
    assert "inspections:    114" in out
    assert "coverage:       95 of" in out


def test_findings_by_domain_and_search(store_path: Path) -> None:
    code, out, err = run("findings", "--domain", "Case supervision", "--search", "risk of harm",
                         "--store", str(store_path))
    assert code == 0
    assert "risk of harm" in out
    assert "matching findings" in err


def test_findings_by_domain_name_as_json(store_path: Path) -> None:
    code, out, _ = run("findings", "--domain", "case supervision", "--format", "json", "--limit", "500",
                       "--store", str(store_path))
    rows = json.loads(out)
    assert code == 0 and rows and {r["domain"] for r in rows} == {"2 Case supervision"}


def test_ratings_for_a_round(store_path: Path) -> None:
    code, out, err = run("ratings", "--round", "2018/19", "--format", "csv", "--store", str(store_path))
    assert code == 0
    assert len(out.strip().splitlines()) == 29
    code, _, err = run("ratings", "--round", "2018/19", "--store", str(store_path))
    assert "28 inspections" in err


def test_unknown_provider_is_one_line_with_suggestions(store_path: Path) -> None:
    code, out, err = run("findings", "--provider", "merseysid crc", "--store", str(store_path))
    assert code == 2
    assert err.strip().count("\n") == 0
    assert "did you mean 'Merseyside CRC'" in err


def test_unknown_domain_lists_the_domains(store_path: Path) -> None:
    code, _, err = run("findings", "--domain", "astrology", "--store", str(store_path))
    assert code == 2 and "no domain 'astrology'" in err


def test_missing_store_is_one_line_and_creates_nothing(tmp_path: Path) -> None:
    missing = tmp_path / "nope.db"
    code, _, err = run("info", "--store", str(missing))
    assert code == 2
    assert err == f"inspector: {missing}: no such file\n"
    assert not missing.exists()


def test_malformed_import_exits_2_with_file_and_line(store_path: Path, tmp_path: Path) -> None:
    bad = tmp_path / "findings.csv"
    bad.write_text("inspection_id,kind,text\nmerseyside-crc-2018-09-26,praise,Nice.\n", encoding="utf-8")
    before = hashlib.sha256(store_path.read_bytes()).digest()
    code, _, err = run("import", str(bad), "--store", str(store_path))
    assert code == 2
    assert f"{bad}:2: kind: unknown kind 'praise'" in err
    assert "was not changed" in err
    assert hashlib.sha256(store_path.read_bytes()).digest() == before


def test_import_creates_a_new_store(tmp_path: Path) -> None:
    from inspector_gui import paths

    target = tmp_path / "mine.db"
    code, out, _ = run("import", str(paths.data_dir()), "--store", str(target))
    assert code == 0 and "114 inspections (114 new or changed)" in out
    code, out, _ = run("import", str(paths.data_dir()), "--store", str(target))
    assert code == 0 and "114 inspections (0 new or changed)" in out


def test_store_from_environment(store_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("INSPECTOR_STORE", str(store_path))
    code, out, _ = run("info")
    assert code == 0 and str(store_path) in out


def test_every_command_has_help_with_an_example() -> None:
    for command in main.list_commands(click.Context(main)):
        code, out, _ = run(command, "--help")
        assert code == 0 and "Example:" in out, command


def test_ratings_table_has_a_block_per_framework(store_path: Path) -> None:
    code, out, _ = run("ratings", "--type", "pdu", "--store", str(store_path))
    assert code == 0
    headings = [line for line in out.splitlines() if line.startswith("PDU standards")]
    assert len(headings) == 2
    assert any("2.1 Court work" in h for h in headings) and any("2.1 Assessment" in h for h in headings)


def test_ratings_csv_names_standards_and_marks_not_applicable(store_path: Path) -> None:
    code, out, _ = run("ratings", "--type", "CRC", "--format", "csv", "--store", str(store_path))
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and len(rows) == 21
    assert {r["crc-nps-2018 3.1 Court reports and case allocation"] for r in rows} == {"n/a"}
    assert "crc-nps-2018 2.1 Assessment" in rows[0] and "2.1 Assessment" not in rows[0]


def test_ratings_csv_never_puts_two_frameworks_under_one_column(store_path: Path) -> None:
    code, out, _ = run("ratings", "--format", "csv", "--store", str(store_path))
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and len(rows) == 93
    for row in rows:
        for column, value in row.items():
            if column.split(" ")[0] in ("crc-nps-2018", "pdu-2021", "pdu-2023", "region-2023",
                                        "national-2025") and not column.startswith(row["framework"] + " "):
                assert value == "n/a", (row["provider"], column)


def test_csv_output_defuses_spreadsheet_formulas(store_path: Path, tmp_path: Path) -> None:
    formula = tmp_path / "findings.csv"
    formula.write_text('inspection_id,kind,text\nmerseyside-crc-2018-09-26,strength,"=HYPERLINK(""x"")"\n',
                       encoding="utf-8")
    assert run("import", str(formula), "--store", str(store_path))[0] == 0
    code, out, _ = run("findings", "--search", "hyperlink", "--format", "csv", "--store", str(store_path))
    (row,) = csv.DictReader(io.StringIO(out))
    assert code == 0 and row["text"] == "'=HYPERLINK(\"x\")"
