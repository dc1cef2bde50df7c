"""One rule for a change across frameworks in every output: Essex North PDU went from Inadequate
(2021 framework) to Requires improvement (2023 framework): "up, mapped, not identical" in
``inspector ratings``, compare and every summary export format, never "not comparable"."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from inspector_gui.cli import main
from tests.export_readback import pdf_pages

UP_MAPPED = "up, mapped, not identical"


def _run(store_path: Path, *args: str) -> str:
    result = CliRunner().invoke(main, [*args, "--store", str(store_path)])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_ratings_and_compare_say_mapped_not_identical(store_path: Path) -> None:
    (row,) = json.loads(_run(store_path, "ratings", "--provider", "Essex North PDU", "--format", "json"))
    assert row["change"] == UP_MAPPED
    compared = json.loads(_run(store_path, "compare", "Essex North PDU", "--format", "json"))
    assert compared["overall"]["change"] == UP_MAPPED


@pytest.mark.parametrize("fmt", ["md", "csv", "json", "html", "xlsx",
                                 pytest.param("pdf", marks=pytest.mark.needs_qt)])
def test_every_export_format_says_mapped_not_identical(store_path: Path, tmp_path: Path, fmt: str) -> None:
    target = tmp_path / f"essex.{fmt}"
    _run(store_path, "export", "Essex North PDU", "--format", fmt, "-o", str(target), "--no-chart")
    if fmt == "xlsx":
        book = load_workbook(target, read_only=True)
        text = " ".join(str(v) for sheet in book.worksheets for row in sheet.iter_rows(values_only=True)
                        for v in row if v is not None)
    elif fmt == "pdf":
        text = " ".join(pdf_pages(target))
    else:
        text = target.read_text(encoding="utf-8")
    if fmt == "json":
        document = json.loads(text)
        assert document["inspections"][0]["overall_change"] == UP_MAPPED
    assert UP_MAPPED in text
    assert "not comparable" not in text
