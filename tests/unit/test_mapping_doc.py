"""docs/mapping.md's worked example, run from the page itself: the sheet and mapping it shows
import as it says, and the refused edit is refused with the line it prints."""

from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner

from inspector_gui.cli import main
from inspector_gui.store import Store

DOC = Path(__file__).resolve().parents[2] / "docs" / "mapping.md"


def _blocks(kind: str) -> list[str]:
    return re.findall(rf"```{kind}\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S)


def _example(tmp_path: Path) -> tuple[Path, Path]:
    (sheet_text,), (mapping_text,) = _blocks("csv"), _blocks("toml")
    sheet, mapping = tmp_path / "peel.csv", tmp_path / "peel.toml"
    sheet.write_text(sheet_text, encoding="utf-8")
    mapping.write_text(mapping_text, encoding="utf-8")
    return sheet, mapping


def _run(tmp_path: Path, sheet: Path, mapping: Path):
    store = tmp_path / "police.db"
    return store, CliRunner().invoke(main, ["import", str(sheet), "--mapping", str(mapping),
                                            "--store", str(store)])


def test_the_worked_example_imports_as_the_page_says(tmp_path: Path) -> None:
    sheet, mapping = _example(tmp_path)
    store, result = _run(tmp_path, sheet, mapping)
    assert result.exit_code == 0, result.output
    shown = re.search(r"^imported into police\.db: (.*)$", DOC.read_text(encoding="utf-8"), re.M)
    assert result.stdout.strip().split(": ", 1)[1] == shown.group(1)
    with Store.open(store) as opened:
        inspections = opened.inspections()
        assert {i.overall.label for i in inspections} == {"Not applicable"}
        framework = opened.frameworks()["peel-2021"]
        assert [r.short for r in framework.scale.levels] == ["O", "G", "A", "RI", "I"]
        assert framework.max_score("police force") == 8


def test_the_refused_edit_is_refused_with_the_pages_message(tmp_path: Path) -> None:
    sheet, mapping = _example(tmp_path)
    sheet.write_text(sheet.read_text(encoding="utf-8").replace("N01,North,14/03/2022,none,Good",
                                                               "N01,North,14/03/2022,none,Very good"))
    store, result = _run(tmp_path, sheet, mapping)
    assert result.exit_code == 2
    expected = re.search(r"^peel\.csv:2: (.*)$", DOC.read_text(encoding="utf-8"), re.M).group(1)
    assert result.stderr.splitlines()[0] == f"{sheet}:2: {expected}"
    assert not store.exists()
