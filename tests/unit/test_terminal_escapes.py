"""Terminal escapes, C1 controls and bidi overrides in a store written by another tool never
reach the terminal: every line the CLI prints escapes them, JSON writes them as escapes, and CSV
sent to a file or a pipe keeps the data (issue 11, item 10)."""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from inspector_gui.cli import main
from inspector_gui.errors import terminal_text

ESCAPES = {
    "osc52-clipboard": "\x1b]52;c;SGVsbG8=\x07",
    "csi-clear": "\x1b[2J\x1b[H",
    "c1-csi": "\x9b31m",
    "bidi-override": "\u202eflipped\u202c",
    "bidi-isolate": "\u2066x\u2069",
    "line-separator": "a\u2028b",
}
DANGER = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]")
PROVIDER = "merseyside-crc"


def _written_by_another_tool(store_path: Path, payload: str) -> Path:
    conn = sqlite3.connect(store_path)
    with conn:
        conn.execute("UPDATE providers SET name = ? WHERE provider_id = ?",
                     (f"Merseyside {payload} CRC", PROVIDER))
        conn.execute("UPDATE frameworks SET name = ? WHERE framework_id = 'crc-nps-2018'",
                     (f"Framework {payload}",))
        conn.execute("UPDATE findings SET text = ? WHERE id = (SELECT min(id) FROM findings)",
                     (f"Finding {payload} text",))
    conn.close()
    return store_path


@pytest.mark.parametrize("payload", ESCAPES.values(), ids=ESCAPES.keys())
@pytest.mark.parametrize("command", [
    ["info"], ["ratings"], ["ratings", "--all-inspections"], ["ratings", "--format", "json"],
    ["findings", "--limit", "600"], ["findings", "--format", "json", "--limit", "600"],
    ["export", PROVIDER, "--format", "json", "-o", "{dir}/out.json"]])
def test_nothing_printed_acts_on_the_terminal(payload: str, command: list[str], store_path: Path,
                                              tmp_path: Path) -> None:
    path = _written_by_another_tool(store_path, payload)
    args = [part.format(dir=tmp_path) for part in command]
    result = CliRunner().invoke(main, [*args, "--store", str(path)])
    assert result.exit_code == 0, result.stderr
    for stream in (result.stdout, result.stderr):
        assert not DANGER.search(stream), repr(DANGER.search(stream))
    if "json" in args:
        document = result.stdout if "-o" not in args else (tmp_path / "out.json").read_text("utf-8")
        assert not DANGER.search(document)
        if "ratings" not in args:
            assert any(payload in text for text in _strings(json.loads(document))), "the data is kept"


def _strings(value: object) -> list[str]:
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return [value] if isinstance(value, str) else []


def test_csv_to_a_pipe_keeps_the_data(store_path: Path) -> None:
    path = _written_by_another_tool(store_path, ESCAPES["bidi-override"])
    result = CliRunner().invoke(main, ["ratings", "--format", "csv", "--store", str(path)])
    assert ESCAPES["bidi-override"] in result.stdout


@pytest.mark.parametrize("text,shown", [
    ("a\x1b[31mb", "a\\x1b[31mb"), ("x\u202ey", "x\\u202ey"), ("tab\tand\nline", "tab\tand\nline"),
    ("bad-\udcff.db", "bad-\\udcff.db"), ("\x9b", "\\x9b")])
def test_terminal_text_escapes_what_would_act(text: str, shown: str) -> None:
    assert terminal_text(text) == shown
