"""Scales that are not the four words: a five-level scale (HMICFRS-like) and scores 1-4 beside a
four-word overall rating (CQC-like) import from fixtures and show their own words, short labels,
colours and points in the matrix, the history chart, the league and the PDF export."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from export_readback import pdf_pages

from inspector_gui.cli import main
from inspector_gui.domain.frameworks import legend_scales
from inspector_gui.domain.league import league_table
from inspector_gui.domain.matrix import build_matrix
from inspector_gui.domain.palette import ROLE_FILLS, swatch
from inspector_gui.domain.ratings import FOUR_WORD
from inspector_gui.reports.provider_charts import load_history
from inspector_gui.store import Store

FIXTURES = Path(__file__).resolve().parents[1] / "data" / "scales"


def _store(tmp_path: Path, name: str) -> Path:
    path = tmp_path / f"{name}.db"
    result = CliRunner().invoke(main, ["import", str(FIXTURES / f"{name}.csv"), "--mapping",
                                       str(FIXTURES / f"{name}.toml"), "--store", str(path)])
    assert result.exit_code == 0, result.output
    return path


@pytest.fixture
def peel(tmp_path: Path) -> Path:
    return _store(tmp_path, "peel")


@pytest.fixture
def cqc(tmp_path: Path) -> Path:
    return _store(tmp_path, "cqc")


def test_five_levels_in_the_matrix_with_their_middle_colour(peel: Path) -> None:
    with Store.open(peel) as store:
        rows = store.rating_matrix(latest_only=False)
        data = build_matrix(rows, store.frameworks())
    north_2024 = next(i for i, r in enumerate(data.rows) if r.inspection.published.iso() == "2024-09-20")
    adequate, inadequate = data.cells[north_2024]
    assert (adequate.label, adequate.rating.short) == ("Adequate", "A")
    assert swatch(adequate.rating).fill == ROLE_FILLS["middle"]
    assert swatch(inadequate.rating).fill == ROLE_FILLS["worst"]
    assert all(r.inspection.overall.label == "Not applicable" for r in data.rows)


def test_five_levels_in_the_history_chart_and_the_league(peel: Path) -> None:
    with Store.open(peel) as store:
        chart = load_history(store, "hmicfrs-N01")
        entries = league_table(store.rating_matrix(latest_only=False), store.frameworks())
    assert [label for _, label in chart.level_ticks] == ["Outstanding", "Good", "Adequate",
                                                         "Requires improvement", "Inadequate"]
    assert chart.top_level == 4
    scores = {(e.row.provider.name, e.row.inspection.published.iso()): e.score_label for e in entries}
    assert scores[("Southshire Constabulary", "2022-05-02")] == "5 of 8"
    assert scores[("Northshire Police", "2024-09-20")] == "2 of 8"
    assert scores[("Westshire Police", "2024-11-11")].startswith("incomplete")


def test_scores_beside_a_four_word_overall(cqc: Path) -> None:
    with Store.open(cqc) as store:
        data = build_matrix(store.rating_matrix(latest_only=True), store.frameworks())
        chart = load_history(store, "cqc-E1")
        entries = league_table(store.rating_matrix(latest_only=False), store.frameworks())
    west = next(i for i, r in enumerate(data.rows) if r.provider.name == "Westborough")
    assert [c.label for c in data.cells[west]] == ["2", "1", "2"]
    assert data.rows[west].inspection.overall.label == "Requires improvement"
    assert swatch(data.cells[west][1].rating).fill == ROLE_FILLS["worst"]
    assert ("Outstanding" in dict(chart.level_ticks)[3]) and ("4" in dict(chart.level_ticks)[3])
    ranked = [(e.row.provider.name, e.score_label, e.rank) for e in entries
              if e.row.inspection.published.iso().startswith("2024")]
    assert ranked == [("Eastborough", "10 of 12", 1), ("Westborough", "5 of 12", 2)]


@pytest.mark.needs_qt
@pytest.mark.parametrize(("name", "provider", "words"), [
    ("peel", "hmicfrs-N01", ["Adequate", "Inadequate", "Not applicable"]),
    ("cqc", "cqc-W2", ["Requires improvement"]),
])
def test_the_pdf_export_shows_the_scales_words(name: str, provider: str, words: list[str],
                                               tmp_path: Path) -> None:
    store = _store(tmp_path, name)
    output = tmp_path / "summary.pdf"
    result = CliRunner().invoke(main, ["export", provider, "-o", str(output), "--store", str(store)])
    assert result.exit_code == 0, result.output
    text = " ".join(pdf_pages(output))
    for word in words:
        assert word in text


def test_legend_scales_one_line_per_distinct_scale(peel: Path, cqc: Path) -> None:
    with Store.open(peel) as store:
        lone = legend_scales(store.frameworks().values())
    assert [(label, [r.label for r in s.levels]) for label, s in lone] == [
        ("", ["Outstanding", "Good", "Adequate", "Requires improvement", "Inadequate"])]
    with Store.open(cqc) as store:
        both = legend_scales(store.frameworks().values())
    assert [(label, [r.short for r in s.levels]) for label, s in both] == [
        ("CQC local authority assessment 2023 (standards)", ["4", "3", "2", "1"]),
        ("CQC local authority assessment 2023 (overall)", ["O", "G", "RI", "I"])]
    assert legend_scales([]) == [("", FOUR_WORD)]
