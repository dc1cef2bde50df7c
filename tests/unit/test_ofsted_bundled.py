"""Compare, benchmark, themes and the travel column on the bundled Ofsted ILACS set: Barnsley was
inspected under ILACS 2018 (2018-11-19) and again under the updated ILACS (2023-10-27)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from click.testing import CliRunner

from inspector_gui.cli import main
from inspector_gui.reports.compare import NO_FINDINGS
from inspector_gui.reports.themes import NO_FINDINGS as NO_THEME_FINDINGS

BARNSLEY = "ofsted-80426"


def _run(store: Path, *args: str) -> CliRunner:
    result = CliRunner().invoke(main, [*args, "--store", str(store)])
    assert result.exit_code == 0, result.output
    return result


def test_compare_across_two_ilacs_frameworks_maps_through_the_concept(ofsted_store: Path) -> None:
    document = json.loads(_run(ofsted_store, "compare", "Barnsley", "--format", "json").stdout)
    assert (document["earlier"]["published"], document["later"]["published"]) == ("2018-11-19", "2023-10-27")
    assert document["frameworks"] == "different frameworks: mapped, not identical"
    assert document["overall"] == {"before": "Good", "after": "Good", "change": "same, mapped, not identical"}
    by_title = {s["standard"]: s for s in document["standards"]}
    in_care = by_title["3 Experiences and progress of children in care"]
    assert in_care["earlier_standard"] == "3 Experiences and progress of children in care and care leavers"
    assert (in_care["before"], in_care["after"]) == ("Good", "Good")
    assert in_care["match"] == "mapped, not identical"
    help_protect = by_title["2 Experiences and progress of children who need help and protection"]
    assert (help_protect["before"], help_protect["after"], help_protect["change"]) == (
        "Good", "Requires improvement", "down")
    leavers = by_title["4 Experiences and progress of care leavers"]
    assert (leavers["earlier_standard"], leavers["change"]) == ("", "newly rated")
    assert document["findings"]["note"] == NO_FINDINGS and document["findings"]["recurring"] == []
    table = _run(ofsted_store, "compare", "Barnsley").stdout
    assert "Recurring findings (0)" not in table and "there is nothing to pair" in table


def test_benchmark_with_neighbours_counts_equal_direct_sql(ofsted_store: Path) -> None:
    document = json.loads(_run(ofsted_store, "benchmark", "Barnsley", "--peers", "neighbours",
                               "--format", "json").stdout)
    neighbours = next(g for g in document["groups"] if g["label"] == "Statistical neighbours")
    with sqlite3.connect(ofsted_store) as conn:
        listed = [r[0] for r in conn.execute("SELECT peer_provider_id FROM peer_groups WHERE provider_id = ? "
                                             "ORDER BY position", (BARNSLEY,))]
        expected = dict(conn.execute(
            "SELECT i.overall_rating, count(*) FROM inspections i WHERE i.framework_id = 'ilacs-2022' "
            "AND i.overall_rating != '' AND i.provider_id IN (SELECT peer_provider_id FROM peer_groups "
            "WHERE provider_id = ?) AND i.inspection_id = (SELECT j.inspection_id FROM inspections j "
            "WHERE j.provider_id = i.provider_id AND j.framework_id = i.framework_id "
            "ORDER BY j.published DESC, j.inspection_id DESC LIMIT 1) GROUP BY 1", (BARNSLEY,)).fetchall())
    assert neighbours["providers"] == listed and len(listed) == 10
    overall = document["rows"][0]
    counted = next(g for g in overall["groups"] if g["group"] == "Statistical neighbours")
    assert {k: v for k, v in counted["counts"].items() if v} == expected
    assert counted["n"] == sum(expected.values())


def test_themes_say_the_store_has_no_findings_rather_than_zeros(ofsted_store: Path) -> None:
    result = _run(ofsted_store, "themes", "risk of harm", "--by", "year", "--format", "json")
    assert json.loads(result.stdout) == []
    assert NO_THEME_FINDINGS in result.stderr
    table = _run(ofsted_store, "themes", "safeguarding")
    assert table.stdout == "" and "holds no findings" in table.stderr


def test_travel_column_and_the_councils_type(ofsted_store: Path) -> None:
    rows = json.loads(_run(ofsted_store, "ratings", "--type", "Local Authority", "--format", "json").stdout)
    barnsley = next(r for r in rows if r["provider"] == "Barnsley")
    assert (barnsley["overall"], barnsley["change"]) == ("Good", "same, mapped, not identical")
    assert len(rows) == 153
    refused = CliRunner().invoke(main, ["ratings", "--type", "PDU", "--store", str(ofsted_store)])
    assert refused.exit_code == 2
    assert refused.stderr.strip() == ("inspector: --type 'PDU': the store has no providers of that type; "
                                      "its types: local authority")
