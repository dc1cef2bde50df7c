"""Text that cannot be encoded, whole numbers beyond SQLite's 64 bits and file names that are not
UTF-8: a one-line error naming the field or the path, never a traceback (issue 11, item 8)."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from badinput import INSPECTION, sha256
from click.testing import CliRunner

from inspector_gui.cli import main

SURROGATES = ['"lone \\ud800 high"', '"lone \\udfff low"', '"reversed \\udc00\\ud800 pair"']


def _import(store_path: Path, source: Path):
    return CliRunner().invoke(main, ["import", str(source), "--store", str(store_path)])


@pytest.mark.parametrize("text", SURROGATES)
@pytest.mark.parametrize("field", ["text", "source_url"])
def test_a_lone_surrogate_in_json_is_refused_naming_the_field(text: str, field: str, store_path: Path,
                                                               tmp_path: Path) -> None:
    record = {"inspection_id": INSPECTION, "kind": "strength", "text": "A finding", field: "x"}
    source = tmp_path / "findings.json"
    source.write_text(json.dumps({"findings": [record]}).replace('"x"', text), encoding="utf-8")
    before = sha256(store_path)
    result = _import(store_path, source)
    assert result.exit_code == 2
    problem = result.stderr.splitlines()[0]
    assert problem.startswith(f"{source}: findings[0].{field}: contains U+D"), problem
    assert problem.endswith("half of a UTF-16 pair, which is not a character and cannot be stored as text")
    assert sha256(store_path) == before


@pytest.mark.parametrize("value", ["9223372036854775808", "-9223372036854775809", "1" + "0" * 40])
@pytest.mark.parametrize("form", ["csv", "json-number", "json-text"])
def test_a_whole_number_beyond_64_bits_is_refused(value: str, form: str, store_path: Path,
                                                  tmp_path: Path) -> None:
    if form == "csv":
        source = tmp_path / "frameworks.csv"
        source.write_text(f"framework_id,name,max_score\nbig,Big numbers,{value}\n")
        where = f"{source}:2: max_score"
    else:
        number = value if form == "json-number" else json.dumps(value)
        source = tmp_path / "frameworks.json"
        record = f'{{"framework_id": "big", "name": "Big", "max_score": {number}}}'
        source.write_text(f'{{"frameworks": [{record}]}}')
        where = f"{source}: frameworks[0].max_score"
    before = sha256(store_path)
    result = _import(store_path, source)
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0].startswith(f"{where}: {value[:30]}")
    assert "is too large: whole numbers are stored in 64 bits" in result.stderr
    assert sha256(store_path) == before


def test_a_json_number_too_long_to_read_is_refused(store_path: Path, tmp_path: Path) -> None:
    source = tmp_path / "frameworks.json"
    record = '{"framework_id": "big", "name": "Big", "max_score": ' + "9" * 5000 + "}"
    source.write_text('{"frameworks": [' + record + "]}")
    result = _import(store_path, source)
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0] == f"{source}: not valid JSON: a number is too long"


@pytest.mark.parametrize("limit", ["9223372036854775808", "99999999999999999999999"])
def test_a_limit_beyond_64_bits_is_a_usage_error(limit: str, store_path: Path) -> None:
    result = CliRunner().invoke(main, ["findings", "--limit", limit, "--store", str(store_path)])
    assert result.exit_code == 2
    assert "Traceback" not in result.stderr and "--limit" in result.stderr
    assert "9223372036854775807" in result.stderr


def test_the_largest_limit_works(store_path: Path) -> None:
    result = CliRunner().invoke(main, ["findings", "--limit", "9223372036854775807", "--search", "risk",
                                       "--store", str(store_path)])
    assert result.exit_code == 0 and result.stderr == "78 of 78 matching findings\n"


@pytest.mark.parametrize("name", [b"\xff\xfe.db", b"caf\xe9.db", b"mixed-\xc3\xa9-\xff.db"])
def test_a_store_file_name_that_is_not_utf8_opens(name: bytes, store_path: Path, tmp_path: Path) -> None:
    path = Path(os.fsdecode(os.path.join(os.fsencode(tmp_path), name)))
    shutil.copyfile(store_path, path)
    result = CliRunner().invoke(main, ["info", "--store", str(path)])
    assert result.exit_code == 0, result.stderr
    assert "inspections:    114" in result.stdout
    missing = Path(str(path) + "-missing")
    result = CliRunner().invoke(main, ["info", "--store", str(missing)])
    assert result.exit_code == 2 and result.stderr.count("\n") == 1
    assert result.stderr.endswith(": no such file\n") and "\\udc" in result.stderr


def test_a_new_store_with_a_name_that_is_not_utf8_is_created(tmp_path: Path) -> None:
    from inspector_gui import paths

    path = Path(os.fsdecode(os.fsencode(tmp_path) + b"/new-\xff.db"))
    result = CliRunner().invoke(main, ["import", str(paths.data_dir()), "--store", str(path)])
    assert result.exit_code == 0, result.stderr
    assert os.path.exists(os.fsencode(path))
