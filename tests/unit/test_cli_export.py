"""``inspector export``: every format from the command line, and one-line errors with exit code 2
that leave every file as it was."""

from __future__ import annotations

import csv
import hashlib
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from inspector_gui.cli import main
from inspector_gui.exchange.writers import FORMATS


def run(store_path: Path, *args: str) -> Result:
    return CliRunner().invoke(main, ["export", *args, "--store", str(store_path)])


@pytest.mark.parametrize("fmt", [pytest.param(f, marks=pytest.mark.needs_qt) if f == "pdf" else f
                                 for f in FORMATS])
def test_exports_each_format_from_the_suffix(store_path: Path, tmp_path: Path, fmt: str) -> None:
    output = tmp_path / f"wy.{fmt}"
    result = run(store_path, "west yorkshire crc", "--output", str(output))
    assert result.exit_code == 0, result.output
    assert "wrote West Yorkshire CRC: 2 inspections, 41 findings" in result.stdout
    assert output.stat().st_size > 0


def test_domain_and_kind_narrow_the_findings(store_path: Path, tmp_path: Path) -> None:
    output = tmp_path / "wy.json"
    result = run(store_path, "West Yorkshire CRC", "-o", str(output), "--domain", "case supervision",
                 "--kind", "strength", "--kind", "recommendation")
    assert result.exit_code == 0, result.output
    findings = json.loads(output.read_text())["findings"]
    assert findings and {(f["domain_code"], f["kind"]) for f in findings} <= {("2", "strength"),
                                                                           ("2", "recommendation")}


def test_unknown_provider_names_the_closest(store_path: Path, tmp_path: Path) -> None:
    result = run(store_path, "Yorkshre CRC", "--format", "pdf", "-o", str(tmp_path / "x.pdf"))
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "no provider called 'Yorkshre CRC'" in result.stderr
    assert "West Yorkshire CRC" in result.stderr and not (tmp_path / "x.pdf").exists()


def test_existing_output_is_refused_without_force(store_path: Path, tmp_path: Path) -> None:
    output = tmp_path / "wy.md"
    output.write_text("keep me")
    before = hashlib.sha256(output.read_bytes()).hexdigest()
    result = run(store_path, "west-yorkshire-crc", "-o", str(output))
    assert result.exit_code == 2
    assert result.stderr == f"inspector: {output}: already exists; use --force to replace it\n"
    assert hashlib.sha256(output.read_bytes()).hexdigest() == before
    assert run(store_path, "west-yorkshire-crc", "-o", str(output), "--force").exit_code == 0
    assert output.read_text().startswith("# West Yorkshire CRC")


@pytest.mark.parametrize(("name", "message"), [
    ("no-such-folder/wy.pdf", "the folder .* does not exist"),
    ("a-file.txt/wy.pdf", "is not a folder"),
])
def test_unwritable_path_is_one_line_and_exit_2(store_path: Path, tmp_path: Path, name: str,
                                                message: str) -> None:
    (tmp_path / "a-file.txt").write_text("x")
    result = run(store_path, "west-yorkshire-crc", "-o", str(tmp_path / name))
    assert result.exit_code == 2 and result.stderr.count("\n") == 1
    assert result.stderr.startswith(f"inspector: {tmp_path / name}: cannot be written")
    assert re.search(message, result.stderr)


@pytest.mark.parametrize(("args", "message"), [
    (["-o", "x.txt", "west-yorkshire-crc"], "cannot tell the format"),
    (["-o", "x.pdf"], "give a PROVIDER"),
    (["--all", "-o", "x.pdf"], "written as csv, xlsx or json, not pdf"),
    (["--all", "west-yorkshire-crc", "-o", "x.csv"], "not both"),
    (["--all", "--domain", "2", "-o", "x.csv"], "--all has none"),
])
def test_option_mistakes_are_one_line(store_path: Path, tmp_path: Path, args: list[str],
                                      message: str) -> None:
    result = run(store_path, *[str(tmp_path / a) if a.startswith("x.") else a for a in args])
    assert result.exit_code == 2 and message in result.stderr and result.stderr.count("\n") == 1


def test_all_writes_the_league_table_in_groups(store_path: Path, tmp_path: Path) -> None:
    output = tmp_path / "league.csv"
    result = run(store_path, "--all", "-o", str(output))
    assert result.exit_code == 0, result.output
    with output.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 93 and rows[0]["group"] and rows[0]["ranked_by"]
    for group in {r["group"] for r in rows}:
        members = [r for r in rows if r["group"] == group]
        ranked = [r for r in members if r["rank"]]
        assert members[:len(ranked)] == ranked, "unranked rows follow the ranked ones of their group"
    document = tmp_path / "league.json"
    assert run(store_path, "--all", "--all-inspections", "-o", str(document)).exit_code == 0
    data = json.loads(document.read_text())
    assert data["format"] == "inspector-gui/league-table" and len(data["rows"]) == 114
    assert {g["ranked_by"] for g in data["groups"]} >= {"overall rating", "not ranked"}


def test_every_inspection_league_ranks_the_2018_19_crcs_as_one_group(store_path: Path,
                                                                     tmp_path: Path) -> None:
    """Done when: the 21 CRCs of 2018/19 are one group ranked by overall rating with ties,
    nothing is ranked against the national inspection, and every standard column names
    framework, code and name, with n/a written as such."""
    output = tmp_path / "league.csv"
    assert run(store_path, "--all", "--all-inspections", "--format", "csv", "-o", str(output)).exit_code == 0
    with output.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        rows, columns = list(reader), reader.fieldnames or []
    crcs = [r for r in rows if r["group"] == "CRC and NPS standards 2018-2020 · CRC · 2018/19"]
    assert len(crcs) == 21 and {r["provider_type"] for r in crcs} == {"CRC"}
    assert {r["ranked_by"] for r in crcs} == {"overall rating"}
    assert [r["rank"] for r in crcs[:3]] == ["1", "2", "2"] and crcs[1]["tied"] == "yes"
    national = [r for r in rows if r["provider_type"] == "national"]
    assert len(national) == 1 and national[0]["rank"] == ""
    assert not [r for r in rows if r["group"] == national[0]["group"] and r is not national[0]]
    standards = columns[columns.index("score") + 1:columns.index("source_url")]
    assert len(standards) == 37 and "crc-nps-2018 4.2 Through the Gate" in standards
    assert all(re.fullmatch(r"[a-z0-9-]+ \d+\.\d+ .+", c) for c in standards)
    west = [r for r in rows if r["provider"] == "West Yorkshire CRC"]
    assert [r["crc-nps-2018 4.2 Through the Gate"] for r in west].count("Good") == 1
    west = west[0]
    assert west["crc-nps-2018 3.1 Court reports and case allocation"] == "n/a"
    assert west["pdu-2023 2.1 Assessment"] == "n/a"


def _run_without_qt(store_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    code = ("import sys; sys.modules['PySide6'] = None\n"
            "from inspector_gui.cli import main\n"
            f"main({['export', *args, '--store', str(store_path)]!r})")
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)


def test_text_formats_never_import_qt(store_path: Path, tmp_path: Path) -> None:
    for fmt in ("html", "md", "csv", "json"):
        done = _run_without_qt(store_path, "west-yorkshire-crc", "-o", str(tmp_path / f"wy.{fmt}"))
        assert done.returncode == 0, done.stderr


def test_pdf_without_qt_is_a_clear_error(store_path: Path, tmp_path: Path) -> None:
    done = _run_without_qt(store_path, "west-yorkshire-crc", "-o", str(tmp_path / "wy.pdf"))
    assert done.returncode == 2 and "PDF export needs Qt" in done.stderr
    assert done.stderr.count("\n") == 1 and [p.name for p in tmp_path.iterdir()] == ["store.db"]


@pytest.mark.needs_qt
def test_html_summary_carries_the_history_chart_unless_told_not_to(store_path: Path, tmp_path: Path) -> None:
    with_chart, without = tmp_path / "a.html", tmp_path / "b.html"
    assert run(store_path, "durham tees valley crc", "-o", str(with_chart)).exit_code == 0
    assert run(store_path, "durham tees valley crc", "-o", str(without), "--no-chart").exit_code == 0
    image = re.search(r'src="data:image/png;base64,([A-Za-z0-9+/=]+)"', with_chart.read_text())
    assert image is not None and len(image.group(1)) > 10_000
    assert "data:image/png" not in without.read_text()


def test_a_pdf_then_a_chart_in_one_process_share_one_application(store_path: Path, tmp_path: Path) -> None:
    """The PDF writer used to make a QGuiApplication, and a chart after it aborted the process."""
    code = (
        "import sys\nfrom click.testing import CliRunner\nfrom inspector_gui.cli import main\n"
        f"store = {str(store_path)!r}\n"
        f"a = CliRunner().invoke(main, ['export', 'essex-crc', '-o', {str(tmp_path / 'a.pdf')!r}, "
        "'--no-chart', '--store', store])\n"
        f"b = CliRunner().invoke(main, ['chart', 'essex-crc', '-o', {str(tmp_path / 'b.png')!r}, "
        "'--store', store])\n"
        "sys.exit(a.exit_code or b.exit_code)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "a.pdf").stat().st_size > 0 and (tmp_path / "b.png").stat().st_size > 0


def test_a_domain_name_exports_only_that_frameworks_domain(store_path: Path, tmp_path: Path) -> None:
    """Essex North was inspected under pdu-2021 ("2" Court work and case supervision) and
    pdu-2023 ("2" Service delivery): --domain "Service delivery" is the 2023 domain only."""
    output = tmp_path / "essex.json"
    result = run(store_path, "essex-north-pdu", "-o", str(output), "--domain", "Service delivery")
    assert result.exit_code == 0, result.stderr
    findings = json.loads(output.read_text())["findings"]
    assert findings and {f["domain"] for f in findings} == {"Service delivery"}
