"""Imports: what Excel saves is accepted and stored as the intended text; every bad file is
rejected listing each problem as ``FILE:LINE: column: what is wrong`` with the store unchanged."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest
from badinput import FINDINGS_HEADER, INSPECTION, generated_findings, sha256
from click.testing import CliRunner

from inspector_gui.cli import main
from inspector_gui.domain.records import FindingQuery
from inspector_gui.errors import ImportFailed
from inspector_gui.exchange.readers import read_files
from inspector_gui.exchange.tables import MAX_PROBLEMS
from inspector_gui.store import Store

INSPECTIONS_HEADER = ("inspection_id,provider_id,framework_id,round,fieldwork_start,published,"
                      "overall_rating,score,source_url,notes")
RATINGS_HEADER = "inspection_id,standard_code,rating,basis,source_url,notes"
NOWHERE = "(neither in this import nor in the store)"
TEXT = "Café staff’s “Through the Gate” work – praised, costing €5"  # needs cp1252 beyond ASCII


def _stored_texts(store_path: Path, words: str) -> list[str]:
    with Store.open(store_path) as store:
        return [f.text for f in store.findings(FindingQuery(search=words))]


def _import(store_path: Path, *files: Path):
    return CliRunner().invoke(main, ["import", *map(str, files), "--store", str(store_path)])


# ---- accepted: what Excel saves -----------------------------------------------------------


def _excel_rows(sep: str) -> str:
    header = FINDINGS_HEADER.replace(",", sep)
    row = sep.join([INSPECTION, "1", "1.2", "strength", f'"{TEXT}"', ""])
    multiline = sep.join([INSPECTION, "1", "1.3", "improvement", '"First line;\r\nsecond, line"', ""])
    return f"{header}\r\n{row}\r\n{multiline}\r\n{sep * 5}\r\n"


@pytest.mark.parametrize("encoding,sep,name", [
    ("utf-8-sig", ";", "CSV UTF-8 with semicolons (Excel, continental locale)"),
    ("cp1252", ";", "CSV in cp1252 with semicolons"),
    ("cp1252", ",", "CSV in cp1252 (Excel, UK locale)"),
    ("utf-16", "\t", "Unicode text (UTF-16 with BOM, tabs)"),
])
def test_excel_files_import_as_the_intended_text(encoding: str, sep: str, name: str,
                                                 store_path: Path, tmp_path: Path) -> None:
    source = tmp_path / "findings.csv"
    source.write_bytes(_excel_rows(sep).encode(encoding))
    result = _import(store_path, source)
    assert result.exit_code == 0, result.stderr
    assert "2 findings (2 new or changed)" in result.stdout
    assert _stored_texts(store_path, "Through the Gate costing") == [TEXT]
    assert _stored_texts(store_path, "second line") == ["First line;\nsecond, line"]


def test_excel_bom_does_not_stick_to_the_first_column(tmp_path: Path) -> None:
    source = tmp_path / "export.csv"  # renamed: recognised by its header, BOM and all
    source.write_bytes(b"\xef\xbb\xbf" + f"{FINDINGS_HEADER}\r\n{INSPECTION},,,strength,x,\r\n".encode())
    assert len(read_files([source]).tables["findings"]) == 1


def test_a_100000_row_file_imports_with_progress(store_path: Path, tmp_path: Path) -> None:
    source = generated_findings(tmp_path / "findings.csv", 100_000)
    calls: list[tuple[int, int]] = []
    with Store.open(store_path, readonly=False) as store:
        report = store.import_files([source], lambda done, total: calls.append((done, total)))
        assert store.count_findings(FindingQuery()) == 538 + 100_000
        assert store.count_findings(FindingQuery(search="Generated finding 99999")) == 1
    assert report.changed["findings"] == 100_000
    assert calls[-1] == (100_000, 100_000) and len(calls) == 100
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)


def test_import_creates_a_new_store(tmp_path: Path) -> None:
    from inspector_gui import paths

    target = tmp_path / "new.db"
    result = _import(target, paths.data_dir())
    assert result.exit_code == 0
    with Store.open(target) as store:
        assert store.counts()["inspections"] == 114


# ---- rejected: each problem on its own line, the store unchanged --------------------------


def _rejected(store_path: Path, files: dict[str, str | bytes], expected: list[str], tmp_path: Path) -> None:
    """Import ``files`` (name -> content); exit 2, exactly the ``expected`` problem lines (with
    ``{dir}`` for the folder), and the store's bytes as they were."""
    paths = []
    for name, content in files.items():
        path = tmp_path / name
        path.write_bytes(content if isinstance(content, bytes) else content.encode())
        paths.append(path)
    before = sha256(store_path)
    result = _import(store_path, *paths)
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert lines[:-1] == [e.format(dir=tmp_path) for e in expected]
    assert lines[-1] == f"inspector: import rejected; {store_path} was not changed"
    assert sha256(store_path) == before


CASES = {
    "missing column": (
        {"findings.csv": f"inspection_id,domain_code,standard_code,text\n{INSPECTION},1,1.2,x\n"},
        ["{dir}/findings.csv:1: kind: missing column for findings"]),
    "unknown column": (
        {"findings.csv": f"{FINDINGS_HEADER},colour\n{INSPECTION},1,1.2,strength,x,,red\n"},
        ["{dir}/findings.csv:1: colour: unknown column for findings"]),
    "renamed file with a wrong header": (
        {"my export.csv": f"{FINDINGS_HEADER},colour\n{INSPECTION},1,1.2,strength,x,,red\n"},
        ["{dir}/my export.csv:1: colour: unknown column for findings"]),
    "header of no table": (
        {"notes.csv": "when,who,what\n2020,me,x\n"},
        ["{dir}/notes.csv:1: header matches none of the tables (inspectorates, frameworks, "
         "scale_levels, standards, providers, inspections, ratings, findings, peer_groups); "
         "name the file after its table"]),
    "unknown rating words": (
        {"ratings.csv": f"{RATINGS_HEADER}\n{INSPECTION},1.1,Superb,stated,,\n"
                        f"{INSPECTION},1.2,Not rated,,,\n",
         "inspections.csv": f"{INSPECTIONS_HEADER}\nx-1,essex-crc,crc-nps-2018,,,2019,Excellent,,,\n"},
        ["{dir}/inspections.csv:2: overall_rating: unknown rating 'Excellent' (expected one of "
         "Outstanding, Good, Requires improvement, Inadequate, Not rated, Not applicable)",
         "{dir}/ratings.csv:2: rating: 'Superb' is not a rating of a standard (expected Outstanding, "
         "Good, Requires improvement or Inadequate)",
         "{dir}/ratings.csv:3: rating: 'Not rated' is not a rating of a standard (expected Outstanding, "
         "Good, Requires improvement or Inadequate)"]),
    "bad and impossible dates": (
        {"inspections.csv": f"{INSPECTIONS_HEADER}\n"
                            "x-1,essex-crc,crc-nps-2018,,2019-02-30,2019-13,Good,,,\n"
                            "x-2,essex-crc,crc-nps-2018,,31/12/2019,2023-02-29,Good,,,\n"},
        ["{dir}/inspections.csv:2: fieldwork_start: '2019-02-30' is not a real date",
         "{dir}/inspections.csv:2: published: '2019-13' has no month 13",
         "{dir}/inspections.csv:3: fieldwork_start: '31/12/2019' is not a date like 2019, 2019-05 "
         "or 2019-05-08",
         "{dir}/inspections.csv:3: published: '2023-02-29' is not a real date"]),
    "duplicate keys": (
        {"providers.csv": "provider_id,name,provider_type\nx-crc,X CRC,CRC\nx-crc,X CRC again,CRC\n",
         "findings.csv": f"{FINDINGS_HEADER}\n{INSPECTION},1,,strength,Same,\n"
                         f"{INSPECTION},1,,strength,Same,\n"},
        ["{dir}/providers.csv:3: provider_id: duplicate x-crc (first at {dir}/providers.csv:2)",
         "{dir}/findings.csv:3: text: duplicate finding (first at {dir}/findings.csv:2)"]),
    "standard not in the inspection's framework": (
        {"ratings.csv": f"{RATINGS_HEADER}\n{INSPECTION},2.5,Good,stated,,\n",
         "findings.csv": f"{FINDINGS_HEADER}\n{INSPECTION},7,,strength,x,\n"},
        ["{dir}/ratings.csv:2: standard_code: no standard '2.5' in framework crc-nps-2018",
         "{dir}/findings.csv:2: domain_code: no domain '7' in framework crc-nps-2018"]),
    "unknown provider, framework and inspection": (
        {"inspections.csv": f"{INSPECTIONS_HEADER}\nx-1,nobody-crc,crc-2099,,,2019,Good,,,\n",
         "findings.csv": f"{FINDINGS_HEADER}\nno-such-inspection,1,1.2,strength,x,\n"},
        [f"{{dir}}/inspections.csv:2: provider_id: unknown provider 'nobody-crc' {NOWHERE}",
         f"{{dir}}/inspections.csv:2: framework_id: unknown framework 'crc-2099' {NOWHERE}",
         f"{{dir}}/findings.csv:2: inspection_id: unknown inspection 'no-such-inspection' {NOWHERE}"]),
    "a rejected row, and references to it not reported as dangling": (
        {"inspections.csv": f"{INSPECTIONS_HEADER}\nx-1,essex-crc,crc-nps-2018,,,May 2019,Good,,,\n",
         "findings.csv": f"{FINDINGS_HEADER}\nx-1,1,1.2,strength,x,\nx-1,1,1.2,strength,x,\n"},
        ["{dir}/inspections.csv:2: published: 'May 2019' is not a date like 2019, 2019-05 or 2019-05-08",
         "{dir}/findings.csv:3: text: duplicate finding (first at {dir}/findings.csv:2)"]),
    "empty files": (
        {"findings.csv": b"", "ratings.csv": b" \r\n", "providers.json": b""},
        ["{dir}/findings.csv: the file is empty", "{dir}/ratings.csv: the file is empty",
         "{dir}/providers.json: the file is empty"]),
    "bytes that are no known encoding": (
        {"findings.csv": FINDINGS_HEADER.encode() + b"\n" + INSPECTION.encode()
         + b",1,1.2,strength,caf\x81 \x8d,\n"},
        ["{dir}/findings.csv:2: the text is neither UTF-8 nor an encoding Excel saves (cp1252, "
         "UTF-16); save it as 'CSV UTF-8'"]),
    "binary file": (
        {"findings.csv": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"},
        ["{dir}/findings.csv:1: the text is neither UTF-8 nor an encoding Excel saves (cp1252, "
         "UTF-16); save it as 'CSV UTF-8'"]),
    "field over 1 MB": (
        {"findings.csv": f"{FINDINGS_HEADER}\n{INSPECTION},1,1.2,strength,{'x' * 1_000_001},\n"
                         f"{INSPECTION},1,1.2,strength,\"{'y' * 5_000_000}\",\n"},
        ["{dir}/findings.csv:2: text: field is over 1,000,000 bytes",
         "{dir}/findings.csv:3: a field is over 1,000,000 bytes"]),
    "control characters": (
        {"findings.csv": f"{FINDINGS_HEADER}\n{INSPECTION},1,1.2,strength,red \x1b[31malert,\n"},
        ["{dir}/findings.csv:2: text: contains the control character U+001B"]),
    "Unicode noncharacters": (
        {"findings.csv": f"{FINDINGS_HEADER}\n{INSPECTION},1,1.2,strength,odd \uffff\ufffe,\n"
                         f"{INSPECTION},1,1.2,strength,odd \ufdd0,\n{INSPECTION},1,1.2,strength,"
                         f"odd \U0010fffe,\n",
         "providers.json": json.dumps({"providers": [
             {"provider_id": "x-crc", "name": "X \U0001ffff CRC", "provider_type": "CRC"}]})},
        ["{dir}/findings.csv:2: text: contains U+FFFF, which Unicode reserves as a noncharacter",
         "{dir}/findings.csv:3: text: contains U+FDD0, which Unicode reserves as a noncharacter",
         "{dir}/findings.csv:4: text: contains U+10FFFE, which Unicode reserves as a noncharacter",
         "{dir}/providers.json: providers[0].name: contains U+1FFFF, which Unicode reserves as a "
         "noncharacter"]),
    "wrong number of fields and empty required field": (
        {"findings.csv": f"{FINDINGS_HEADER}\n{INSPECTION},1,1.2\n{INSPECTION},1,1.2,strength,,\n"},
        ["{dir}/findings.csv:2: 3 fields where the header has 6",
         "{dir}/findings.csv:3: text: must not be empty"]),
    "JSON problems": (
        {"findings.json": json.dumps({"findings": [
            {"inspection_id": INSPECTION, "kind": "strength", "text": {"html": "<b>x</b>"}},
            {"inspection_id": INSPECTION, "kind": "praise", "text": "x", "colour": "red"}]}),
         "ratings.json": '{"ratings": [\n  {"inspection_id": 1,}\n]}',
         "deep.json": "[" * 100_000},
        ["{dir}/findings.json: findings[0].text: expected text or a number, not a list or object",
         "{dir}/findings.json: findings[1].colour: unknown field for findings",
         "{dir}/ratings.json:2: not valid JSON: Expecting property name enclosed in double quotes",
         "{dir}/deep.json: not valid JSON: nested too deeply"]),
}


@pytest.mark.parametrize("case", list(CASES))
def test_bad_files_are_rejected_with_every_problem(case: str, store_path: Path, tmp_path: Path) -> None:
    files, expected = CASES[case]
    _rejected(store_path, files, expected, tmp_path / "in")


@pytest.fixture(autouse=True)
def _input_folder(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()


def test_problems_are_capped_with_a_count_of_the_rest(store_path: Path, tmp_path: Path) -> None:
    rows = "".join(f"{INSPECTION},1,1.2,praise,Finding {n},\n" for n in range(MAX_PROBLEMS + 10))
    expected = [f"{{dir}}/findings.csv:{n + 2}: kind: unknown kind 'praise' (expected strength, "
                "improvement, recommendation)" for n in range(MAX_PROBLEMS)]
    _rejected(store_path, {"findings.csv": FINDINGS_HEADER + "\n" + rows},
              [*expected, "... and 10 more problems"], tmp_path / "in")


def test_a_rejected_import_into_a_new_store_leaves_no_file(tmp_path: Path) -> None:
    source = tmp_path / "findings.csv"
    source.write_text(f"{FINDINGS_HEADER}\n{INSPECTION},1,1.2,strength,x,\n")
    target = tmp_path / "new.db"
    result = _import(target, source)
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == f"inspector: import rejected; {target} was not created"
    assert not target.exists()


def test_unreadable_and_missing_files_are_named(store_path: Path, tmp_path: Path) -> None:
    with pytest.raises(ImportFailed) as raised:
        read_files([tmp_path / "nope.csv", tmp_path / "in"])
    assert str(raised.value) == (f"{tmp_path}/nope.csv: No such file or directory\n"
                                 f"{tmp_path}/in: holds no .csv or .json files")


def test_cli_shows_progress_on_a_terminal_only(store_path: Path, tmp_path: Path) -> None:
    source = generated_findings(tmp_path / "findings.csv", 5_000)
    command = [sys.executable, "-m", "inspector_gui", "import", str(source), "--store", str(store_path)]
    controller, terminal = pty.openpty()
    try:
        done = subprocess.run(command, stderr=terminal, stdout=subprocess.PIPE, text=True,
                              cwd=tmp_path, timeout=120)
    finally:
        os.close(terminal)
    shown = _read_all(controller)
    assert done.returncode == 0
    assert "\rimporting 1,000 of 5,000 rows" in shown and "\rimporting 5,000 of 5,000 rows\r\n" in shown
    quiet = CliRunner().invoke(main, ["import", str(source), "--store", str(store_path)])
    assert quiet.exit_code == 0 and "importing" not in quiet.stderr


def _read_all(fd: int) -> str:
    chunks = []
    while True:
        try:
            chunk = os.read(fd, 4096)
        except OSError:  # EIO: the terminal's other end is closed
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(fd)
    return b"".join(chunks).decode()


def test_problems_quoting_hostile_names_stay_one_line(store_path: Path, tmp_path: Path) -> None:
    """Column names, values and file names with line breaks or terminal escapes are shown escaped,
    so each problem is one line and the terminal is not driven by the file."""
    folder = tmp_path / "in\nbox"
    folder.mkdir()
    header = 'inspection_id,kind,text,"bad\ncol\x1b[2J"'
    (folder / "findings.csv").write_text(f"{header}\n{INSPECTION},strength,x,y\n")
    (folder / "providers.csv").write_text('provider_id,name,provider_type\n"a\nb",A,CRC\n"a\nb",B,CRC\n')
    result = _import(store_path, folder / "findings.csv", folder / "providers.csv")
    assert result.exit_code == 2
    shown = str(folder).replace("\n", "\\n")
    assert result.stderr.splitlines() == [
        f"{shown}/findings.csv:1: bad\\ncol\\x1b[2J: unknown column for findings",
        f"{shown}/providers.csv:4: provider_id: duplicate a\\nb (first at {shown}/providers.csv:2)",
        f"inspector: import rejected; {store_path} was not changed"]
