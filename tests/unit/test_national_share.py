"""The history chart's national share: at each of a provider's inspections, the share of the other
providers of its type rated Good or better under the same framework, each by its latest inspection
published by then — equal to a direct SQL count, on the probation and the bundled Ofsted data."""

from __future__ import annotations

import math
import sqlite3
from pathlib import Path

import pytest

from inspector_gui.domain.chartdata import SharePoint, share_path
from inspector_gui.reports.provider_charts import load_history
from inspector_gui.store import Store

DIRECT = (
    "SELECT sum(i.overall_rating IN ('Outstanding', 'Good')), count(*) FROM inspections i "
    "JOIN providers p ON p.provider_id = i.provider_id "
    "WHERE p.provider_type = :type AND i.provider_id != :own AND i.framework_id = :framework "
    "AND i.overall_rating IN ('Outstanding', 'Good', 'Requires improvement', 'Inadequate') "
    "AND NOT EXISTS (SELECT 1 FROM inspections later WHERE later.provider_id = i.provider_id "
    "  AND later.framework_id = i.framework_id AND later.published != '' "
    "  AND substr(later.published, 1, length(:date)) <= :date "
    "  AND (later.published > i.published OR (later.published = i.published "
    "       AND later.inspection_id > i.inspection_id))) "
    "AND i.published != '' AND substr(i.published, 1, length(:date)) <= :date")
"""Each other provider's latest inspection by the date: none of its later ones is also by then."""


def _direct(path: Path, provider_id: str) -> dict[str, tuple[int, int]]:
    with sqlite3.connect(path) as conn:
        kind = conn.execute("SELECT provider_type FROM providers WHERE provider_id = ?",
                            (provider_id,)).fetchone()[0]
        own = conn.execute("SELECT inspection_id, framework_id, published FROM inspections "
                           "WHERE provider_id = ? AND published != ''", (provider_id,)).fetchall()
        return {inspection: tuple(x or 0 for x in conn.execute(DIRECT, {
            "type": kind, "own": provider_id, "framework": framework, "date": date}).fetchone())
            for inspection, framework, date in own}


def _shares(path: Path, provider_id: str) -> dict[str, tuple[int, int]]:
    with Store.open(path) as store:
        chart = load_history(store, provider_id, national_share=True)
        assert any("Good or better" in note for note in chart.caption.notes)
        assert load_history(store, provider_id).national == ()
    return {p.inspection_id: (p.good, p.n) for p in chart.national}


@pytest.mark.parametrize("provider_id", ["west-yorkshire-crc", "essex-north-pdu", "kirklees-pdu"])
def test_probation_shares_equal_direct_sql(store_path: Path, provider_id: str) -> None:
    shares = _shares(store_path, provider_id)
    assert shares == _direct(store_path, provider_id) and shares
    if provider_id == "west-yorkshire-crc":
        assert shares["west-yorkshire-crc-2020-03"] == (1, 19)


@pytest.mark.parametrize("provider_id", ["ofsted-80426", "ofsted-80446", "ofsted-80481"])
def test_bundled_ofsted_shares_equal_direct_sql(ofsted_store: Path, provider_id: str) -> None:
    shares = _shares(ofsted_store, provider_id)
    assert shares == _direct(ofsted_store, provider_id)
    assert any(n for _, n in shares.values())


def test_the_line_breaks_where_the_framework_changes_and_where_there_is_no_n() -> None:
    points = [SharePoint("a", 2019.0, "old", 1, 4, ()), SharePoint("b", 2020.0, "old", 0, 0, ()),
              SharePoint("c", 2021.0, "old", 2, 4, ()), SharePoint("d", 2023.0, "new", 3, 4, ())]
    xs, ys = share_path(points, top_level=3)
    assert xs[:3] == [2019.0, 2020.0, 2021.0] and math.isnan(xs[3]) and xs[4] == 2023.0
    assert ys[0] == pytest.approx(0.5) and math.isnan(ys[1]) and ys[4] == pytest.approx(2.5)
    assert points[0].label == "25% n 4" and points[1].label == "n 0"


@pytest.mark.needs_qt
def test_chart_command_draws_the_national_share(store_path: Path, tmp_path: Path) -> None:
    from click.testing import CliRunner

    from inspector_gui.cli import main

    target = tmp_path / "wy.svg"
    result = CliRunner().invoke(main, ["chart", "West Yorkshire CRC", "--national-share", "-o", str(target),
                                       "--store", str(store_path)])
    assert result.exit_code == 0, result.output
    text = target.read_text(encoding="utf-8")
    assert "5% n 19" in text and "National share Good or better" in text
    bad = CliRunner().invoke(main, ["chart", "--trend", "--national-share", "-o", str(tmp_path / "t.png"),
                                    "--store", str(store_path)])
    assert bad.exit_code == 2 and "--national-share goes with a PROVIDER's history chart" in bad.stderr
