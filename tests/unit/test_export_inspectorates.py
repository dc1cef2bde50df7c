"""Export headings name the inspectorate of what is exported, from the store's inspectorates
table, with its licence's attribution where the data set has one: Ofsted's (Open Government
Licence) on the Ofsted store, probation's on the probation store, and never one for the other."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import openpyxl
import pytest
from export_readback import Page, markdown_text, pdf_pages
from mapping_choices import ofsted_store

from inspector_gui.exchange.writers import render_summary, write_league, write_summary
from inspector_gui.exchange.writers.store_workbooks import view_notes
from inspector_gui.exchange.writers.view_doc import render_view_csv
from inspector_gui.exchange.writers.workbook import ATTRIBUTION
from inspector_gui.reports.summary import build_league, build_summary
from inspector_gui.store import Store

OGL = "Contains public sector information licensed under the Open Government Licence v3.0 (Ofsted)"
PROBATION = "HM Inspectorate of Probation"


@pytest.fixture(scope="module")
def ofsted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return ofsted_store(tmp_path_factory.mktemp("ofsted"))


def _texts(store: Store, provider_id: str, tmp_path: Path) -> dict[str, str]:
    summary = build_summary(store, provider_id)
    pdf = write_summary(summary, "pdf", tmp_path / "s.pdf")
    return {"html": " ".join(Page(render_summary(summary, "html").decode()).chunks),
            "md": markdown_text(render_summary(summary, "md").decode()),
            "pdf": " ".join(pdf_pages(pdf))}


def _notes(path: Path) -> dict[str, str]:
    ws = openpyxl.load_workbook(path)["Notes"]
    return {r[0]: r[1] for r in ws.iter_rows(min_row=3, values_only=True)}


@pytest.mark.needs_qt  # the PDF is laid out by Qt
def test_ofsted_summary_names_ofsted_and_its_licence(ofsted: Path, tmp_path: Path) -> None:
    with Store.open(ofsted) as store:
        texts = _texts(store, "ofsted-80486", tmp_path)
        summary = build_summary(store, "ofsted-80486")
    for fmt, text in texts.items():
        assert "Ofsted inspections: provider summary" in text, fmt
        assert PROBATION not in text, fmt
        assert OGL in " ".join(text.split()), fmt
    write_summary(summary, "xlsx", tmp_path / "s.xlsx")
    notes = _notes(tmp_path / "s.xlsx")
    assert notes["Source"].startswith("Ofsted publications") and notes["Attribution"] == OGL


@pytest.mark.needs_qt
def test_probation_summary_names_probation(store: Store, tmp_path: Path) -> None:
    texts = _texts(store, "merseyside-crc", tmp_path)
    for fmt, text in texts.items():
        assert f"{PROBATION} inspections: provider summary" in text, fmt
        assert "Ofsted" not in text, fmt
    write_summary(build_summary(store, "merseyside-crc"), "xlsx", tmp_path / "s.xlsx")
    notes = _notes(tmp_path / "s.xlsx")
    assert notes["Source"].startswith(f"{PROBATION} publications") and notes["Attribution"] == ATTRIBUTION


def test_league_and_view_notes_name_the_inspectorate(ofsted: Path, store: Store, tmp_path: Path) -> None:
    with Store.open(ofsted) as opened:
        table = build_league(opened)
        write_league(table, "xlsx", tmp_path / "league.xlsx", frameworks=opened.frameworks())
        view = render_view_csv(view_notes(opened, "Findings", []), None)
    notes = _notes(tmp_path / "league.xlsx")
    assert notes["Source"].startswith("Ofsted publications") and notes["Attribution"] == OGL
    assert "# Source: Ofsted publications" in view and f"# Attribution: {OGL}" in view
    probation = render_view_csv(view_notes(store, "Findings", []), None)
    assert f"# Source: {PROBATION} publications" in probation and "Ofsted" not in probation
    write_league(table, "csv", tmp_path / "league.csv")
    rows = list(csv.DictReader(io.StringIO((tmp_path / "league.csv").read_text(encoding="utf-8-sig"))))
    assert rows and all(r["attribution"] == OGL for r in rows)
