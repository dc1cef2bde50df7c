"""Values that are valid syntax but mean nothing — a key repeated in a JSON object, a date of year
0, a name with nothing visible in it, an empty or invisible filter — are refused or reported,
never silently dropped or widened to everything (issue 11, item 14)."""

from __future__ import annotations

from pathlib import Path

import pytest
from badinput import INSPECTION, sha256
from click.testing import CliRunner

from inspector_gui.cli import main

INVISIBLE = ["", " ", "\u200b", "\ufeff", "\u200e\u200f", "\u00a0\u3000", "\u2060", "\u0301"]


def _rejected(store_path: Path, source: Path) -> list[str]:
    before = sha256(store_path)
    result = CliRunner().invoke(main, ["import", str(source), "--store", str(store_path)])
    assert result.exit_code == 2
    assert sha256(store_path) == before
    return result.stderr.splitlines()


@pytest.mark.parametrize("document", [
    f'{{"findings": [{{"inspection_id": "{INSPECTION}", "kind": "strength", "text": "A", "text": "B"}}]}}',
    '{"providers": [{"provider_id": "x", "name": "X", "provider_type": "CRC", "name": "Y"}]}',
    '{"providers": [], "providers": [{"provider_id": "x", "name": "X", "provider_type": "CRC"}]}',
])
def test_a_key_repeated_in_a_json_object_is_refused(document: str, store_path: Path, tmp_path: Path) -> None:
    source = tmp_path / "data.json"
    source.write_text(document)
    first = _rejected(store_path, source)[0]
    assert first.startswith(f"{source}: the key ") and "appears twice in one object" in first


@pytest.mark.parametrize("value", ["0000", "0000-05", "0000-05-08"])
def test_a_date_of_year_0_is_refused_not_dropped(value: str, store_path: Path, tmp_path: Path) -> None:
    source = tmp_path / "inspections.csv"
    source.write_text("inspection_id,provider_id,framework_id,published\n"
                      f"new-2020,merseyside-crc,crc-nps-2018,{value}\n")
    assert _rejected(store_path, source)[0] == f"{source}:2: published: '{value}' has no year 0"


@pytest.mark.parametrize("name", INVISIBLE[1:])
@pytest.mark.parametrize("form", ["csv", "json"])
def test_a_name_with_nothing_visible_is_refused(name: str, form: str, store_path: Path,
                                                tmp_path: Path) -> None:
    if form == "csv":
        source = tmp_path / "providers.csv"
        source.write_text(f"provider_id,name,provider_type\nnew-crc,\"{name}\",CRC\n", encoding="utf-8")
        where = f"{source}:2: name"
    else:
        import json

        source = tmp_path / "providers.json"
        source.write_text(json.dumps({"providers": [{"provider_id": "new-crc", "name": name,
                                                     "provider_type": "CRC"}]}))
        where = f"{source}: providers[0].name"
    first = _rejected(store_path, source)[0]
    assert first.startswith(f"{where}: ") and ("invisible" in first or "must not be empty" in first)


@pytest.mark.parametrize("value", INVISIBLE)
@pytest.mark.parametrize("command,option", [
    (["findings"], "--provider"), (["findings"], "--inspection"), (["findings"], "--standard"),
    (["findings"], "--domain"), (["ratings"], "--provider"), (["ratings"], "--round")])
def test_an_empty_or_invisible_filter_is_refused_not_widened(value: str, command: list[str], option: str,
                                                             store_path: Path) -> None:
    result = CliRunner().invoke(main, [*command, f"{option}={value}", "--store", str(store_path)])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (f"inspector: {option}: {ascii(value)} has no visible characters, so it "
                             "would match nothing or everything; leave the option out to see all\n")


def test_visible_names_with_invisible_characters_inside_still_import(store_path: Path,
                                                                     tmp_path: Path) -> None:
    source = tmp_path / "providers.csv"
    source.write_text("provider_id,name,provider_type\nnew-crc,New\u200bCRC,CRC\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["import", str(source), "--store", str(store_path)])
    assert result.exit_code == 0, result.stderr
