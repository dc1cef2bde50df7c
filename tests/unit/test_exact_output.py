"""Imported text that a terminal, an XML parser or a spreadsheet would choke on (issue 11c): data
sent to a pipe or a file is the data exactly (click.echo would strip ANSI styles), data sent to a
terminal shows controls as escapes, tables escape and align, every CSV ends its rows with CRLF,
and SVG, HTML and XLSX hold only characters XML can (the others written as escapes)."""

from __future__ import annotations

import json
import sqlite3
import xml.dom.minidom
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from inspector_gui.cli import main
from tests.unit.test_cli_edges import _in_terminal

PROVIDER = "merseyside-crc"
ANSI = "\x1b[31mRED\x1b[0m \x1b]0;TITLE\x07 \x9b31m"
NONCHARACTERS = "\uffff\ufffe"
TERMINAL_DANGER = (b"\x1b", b"\x07", "\x9b".encode())


def _hostile(store_path: Path, payload: str) -> Path:
    """The store as another program might write it: ``payload`` in a provider's name, its
    framework's name and one of its findings."""
    conn = sqlite3.connect(store_path)
    with conn:
        conn.execute("UPDATE providers SET name = ? WHERE provider_id = ?",
                     (f"Merseyside {payload} CRC", PROVIDER))
        conn.execute("UPDATE findings SET text = ? WHERE id = (SELECT min(f.id) FROM findings f "
                     "JOIN inspections i USING (inspection_id) WHERE i.provider_id = ?)",
                     (f"Finding {payload} text", PROVIDER))
    conn.close()
    return store_path


def _strings(value: object) -> list[str]:
    """Every string a JSON document holds."""
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return [value] if isinstance(value, str) else []


def _cli(*args: str):
    return CliRunner().invoke(main, list(args))


# 3. To a pipe or a file, the bytes are the data -------------------------------------------------

@pytest.mark.parametrize("command", [
    ["findings", "--format", "csv", "--provider", PROVIDER],
    ["findings", "--format", "json", "--provider", PROVIDER],
    ["ratings", "--format", "csv"],
    ["compare", PROVIDER, "--format", "csv"],
    ["compare", PROVIDER, "--format", "md"],
    ["export", PROVIDER, "--format", "csv", "-o", "-"],
    ["export", PROVIDER, "--format", "md", "-o", "-"],
    ["export", PROVIDER, "--format", "html", "-o", "-"],
])
def test_data_to_a_pipe_is_the_data_exactly(command: list[str], store_path: Path) -> None:
    path = _hostile(store_path, ANSI)
    result = _cli(*command, "--store", str(path))
    assert result.exit_code == 0, result.stderr
    if "json" in command:
        assert f"Merseyside {ANSI} CRC" in _strings(json.loads(result.stdout))
    elif "html" in command:  # markup: what XML cannot hold is an escape, in a file as in a pipe
        assert "Merseyside \\x1b[31mRED\\x1b[0m \\x1b]0;TITLE\\x07 \x9b31m CRC" in result.stdout
    elif "md" in command:  # Markdown escapes its own punctuation, and nothing else
        assert "Merseyside \x1b\\[31mRED\x1b\\[0m \x1b\\]0;TITLE\x07 \x9b31m CRC" in result.stdout
    else:
        assert f"Merseyside {ANSI} CRC" in result.stdout or f"Finding {ANSI} text" in result.stdout, \
            "ANSI styles are data, not stripped"


@pytest.mark.parametrize("command", [["compare", PROVIDER, "--format", "json"],
                                     ["benchmark", PROVIDER, "--format", "json"]])
def test_json_to_a_pipe_is_valid_json_keeping_the_data(command: list[str], store_path: Path) -> None:
    path = _hostile(store_path, ANSI)
    result = _cli(*command, "--store", str(path))
    assert result.exit_code == 0, result.stderr
    assert "\x9b" not in result.stdout and "\x1b" not in result.stdout
    assert f"Merseyside {ANSI} CRC" in _strings(json.loads(result.stdout))


# 2. To a terminal, text formats show controls as escapes ----------------------------------------

@pytest.mark.parametrize("fmt", ["html", "md", "csv", "json"])
def test_text_exports_to_a_terminal_show_escapes(fmt: str, store_path: Path, tmp_path: Path) -> None:
    path = _hostile(store_path, ANSI)
    code, shown, err = _in_terminal(["export", PROVIDER, "--format", fmt, "-o", "-", "--store",
                                     str(path)], tmp_path / "work")
    assert code == 0, err
    assert not any(danger in shown for danger in TERMINAL_DANGER), shown[:200]
    assert b"Merseyside \\x1b" in shown or b"Merseyside \\u001b" in shown


def test_csv_listing_to_a_terminal_shows_escapes_and_no_stray_cr(store_path: Path,
                                                                 tmp_path: Path) -> None:
    path = _hostile(store_path, ANSI)
    code, shown, err = _in_terminal(["findings", "--format", "csv", "--provider", PROVIDER,
                                     "--store", str(path)], tmp_path / "work")
    assert code == 0, err
    assert not any(danger in shown for danger in TERMINAL_DANGER)
    assert b"Finding \\x1b[31mRED\\x1b[0m" in shown and b"\\r" not in shown


# 4. Tables: escapes as the README says, widths after escaping -----------------------------------

def test_table_cells_show_escapes_and_keep_their_columns(store_path: Path) -> None:
    path = _hostile(store_path, f"{NONCHARACTERS} \x1b[31m")
    result = _cli("ratings", "--store", str(path))
    assert result.exit_code == 0, result.stderr
    assert "\ufffd" not in result.stdout and "\x1b" not in result.stdout
    lines = result.stdout.splitlines()
    at = next(n for n, line in enumerate(lines) if "Merseyside" in line)
    header = next(line for line in reversed(lines[:at]) if line.startswith("provider "))
    assert lines[at].startswith("Merseyside \\uffff\\ufffe \\x1b[31m CRC  ")
    column = header.index("published")
    assert lines[at][column - 2:column] == "  " and lines[at][column:column + 2] in ("19", "20")


# 5. One CSV convention: CRLF after every row ----------------------------------------------------

@pytest.mark.parametrize("command", [
    ["findings", "--format", "csv", "--limit", "5"], ["ratings", "--format", "csv"],
    ["compare", PROVIDER, "--format", "csv"], ["benchmark", PROVIDER, "--format", "csv"],
    ["themes", "workloads", "--format", "csv"], ["export", PROVIDER, "--format", "csv", "-o", "-"],
])
def test_every_csv_row_ends_with_crlf(command: list[str], store_path: Path) -> None:
    result = CliRunner().invoke(main, [*command, "--store", str(store_path)])
    assert result.exit_code == 0, result.stderr
    data = result.stdout_bytes
    assert data.endswith(b"\r\n") and data.count(b"\n") == data.count(b"\r\n") > 1


# 1. XML outputs hold only what XML can ----------------------------------------------------------

@pytest.mark.needs_qt
@pytest.mark.parametrize("payload", [NONCHARACTERS, ANSI], ids=["noncharacters", "escapes"])
@pytest.mark.parametrize("kind", [[PROVIDER], [PROVIDER, "--kind", "heatmap"], ["--national"],
                                  ["--trend"]])
def test_svg_charts_parse_whatever_the_names_hold(payload: str, kind: list[str], store_path: Path,
                                                  tmp_path: Path) -> None:
    path = _hostile(store_path, payload)
    target = tmp_path / "chart.svg"
    result = _cli("chart", *kind, "-o", str(target), "--store", str(path))
    assert result.exit_code == 0, result.output
    document = xml.dom.minidom.parse(str(target))
    if PROVIDER in kind:
        title = document.getElementsByTagName("title")[0].firstChild.data
        assert title.startswith("Merseyside \\x1b[31m" if payload == ANSI else
                                "Merseyside \\uffff\\ufffe CRC")


@pytest.mark.parametrize("payload", [NONCHARACTERS, ANSI], ids=["noncharacters", "escapes"])
def test_html_export_holds_only_xml_characters(payload: str, store_path: Path, tmp_path: Path) -> None:
    path = _hostile(store_path, payload)
    result = _cli("export", PROVIDER, "--format", "html", "-o", str(tmp_path / "s.html"),
                  "--store", str(path))
    assert result.exit_code == 0, result.stderr
    page = (tmp_path / "s.html").read_text("utf-8")
    assert not any(c in page for c in "\x1b\x07\uffff\ufffe")
    assert ("Merseyside \\uffff\\ufffe CRC" if payload == NONCHARACTERS
            else "Merseyside \\x1b[31mRED\\x1b[0m") in page


@pytest.mark.parametrize("payload", [NONCHARACTERS, ANSI], ids=["noncharacters", "escapes"])
def test_xlsx_export_is_well_formed_xml(payload: str, store_path: Path, tmp_path: Path) -> None:
    path = _hostile(store_path, payload)
    result = _cli("export", PROVIDER, "--format", "xlsx", "-o", str(tmp_path / "s.xlsx"),
                  "--store", str(path))
    assert result.exit_code == 0, result.stderr
    with zipfile.ZipFile(tmp_path / "s.xlsx") as book:
        for name in book.namelist():
            if name.endswith((".xml", ".rels")):
                xml.dom.minidom.parseString(book.read(name))


def test_sheet_names_hold_no_character_xml_cannot() -> None:
    from inspector_gui.exchange.writers.workbook import sheet_name

    assert sheet_name("Merseyside \uffff\x1b CRC", set()) == "Merseyside \ufffd\ufffd CRC"
