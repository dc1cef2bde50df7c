"""Comparing two inspections: West Yorkshire CRC 2018 and 2020 (the seed report), standards across
frameworks through their concept, findings paired with a shown strength, bad choices refused."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from click.testing import CliRunner

from inspector_gui.cli import main
from inspector_gui.domain.ratings import Rating
from inspector_gui.reports.compare import (
    MAPPED,
    RECURRING,
    change_between,
    compare_inspections,
    pick_inspections,
)
from inspector_gui.store import Store


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_west_yorkshire_2018_against_2020_as_json(store_path: Path) -> None:
    code, out, _ = run("compare", "West Yorkshire CRC", "--format", "json", "--store", str(store_path))
    assert code == 0
    data = json.loads(out)
    assert data["earlier"]["published"] == "2018-10-31" and data["later"]["published"] == "2020-03"
    assert data["overall"] == {"before": "Requires improvement", "after": "Requires improvement",
                               "change": "same"}
    rated = {s["standard"] for s in data["standards"] if s["after"] != "Not recorded"}
    assert rated == {"1.1 Leadership", "2.1 Assessment", "2.2 Planning", "2.3 Implementation and delivery",
                     "2.4 Reviewing", "4.2 Through the Gate"}
    assert {s["change"] for s in data["standards"] if s["standard"] in rated} == {"newly rated"}
    staffing = [p for p in data["findings"]["recurring"]
                if p["later"]["standard"] == "1.2" and p["earlier"]["standard"] == "1.2"]
    assert any("workload" in p["later"]["text"] and "workload" in p["earlier"]["text"] for p in staffing)
    assert all(p["match_strength"] >= RECURRING for p in data["findings"]["recurring"])
    assert data["recommendations"][0]["later_findings"]


def test_the_same_comparison_named_by_dates_and_in_every_format(store_path: Path) -> None:
    _, default, _ = run("compare", "west yorkshire crc", "--format", "json", "--store", str(store_path))
    _, dated, _ = run("compare", "west yorkshire crc", "--from", "2018-10-31", "--to", "2020-03",
                      "--format", "json", "--store", str(store_path))
    assert default == dated
    for fmt, marker in (("table", "Recurring findings"), ("md", "# West Yorkshire CRC"),
                        ("csv", "section,subject")):
        code, out, _ = run("compare", "West Yorkshire CRC", "--format", fmt, "--store", str(store_path))
        assert code == 0 and marker in out


def test_standards_of_two_frameworks_meet_only_through_their_concept(store: Store) -> None:
    provider = store.find_provider("Essex North PDU")
    earlier, later = pick_inspections(store.inspections(provider.provider_id), None, None)
    assert earlier.framework_id != later.framework_id
    result = compare_inspections(store, provider, earlier, later)
    mapped = [s for s in result.standards if s.mapped]
    assert mapped and all(s.earlier.concept == s.later.concept for s in mapped)
    assert all(s.earlier.framework_id == earlier.framework_id for s in mapped)
    assert any(s.earlier.code != s.later.code for s in mapped), "2021's 2.2 Assessment is 2023's 2.1"
    code, out, _ = run("compare", "Essex North PDU", "--store", str(store.path))
    assert MAPPED in out


def test_changes_in_words() -> None:
    good, ri, none = Rating.GOOD, Rating.REQUIRES_IMPROVEMENT, Rating.NOT_RECORDED
    assert [change_between(ri, good), change_between(good, ri), change_between(good, good),
            change_between(none, good), change_between(good, none), change_between(none, none)] == [
        "up", "down", "same", "newly rated", "no longer rated", "not recorded"]


def test_unknown_dates_and_single_inspections_are_one_line_errors(store_path: Path) -> None:
    code, _, err = run("compare", "Merseyside CRC", "--from", "2019", "--store", str(store_path))
    assert code == 2 and "matches no inspection" in err and "2018-09-26" in err and err.count("\n") == 1
    code, _, err = run("compare", "Barnsley and Rotherham PDU", "--store", str(store_path))
    assert code == 2 and "only one inspection" in err
    code, _, err = run("compare", "Merseyside CRC", "--from", "2020-06", "--to", "2020-06",
                       "--store", str(store_path))
    assert code == 2 and "same inspection" in err


def test_provider_summary_has_a_since_the_previous_inspection_section(store: Store) -> None:
    from inspector_gui.exchange.writers import render_summary
    from inspector_gui.reports.summary import build_summary

    summary = build_summary(store, "west-yorkshire-crc")
    assert summary.since_lines[0] == ("h", "Since the previous inspection")
    markdown = render_summary(summary, "md").decode()
    assert "## Since the previous inspection" in markdown and "### Recurring findings" in markdown
    html = render_summary(summary, "html").decode()
    assert "<h2>Since the previous inspection</h2>" in html
    document = json.loads(render_summary(summary, "json"))
    assert document["since_previous_inspection"]["overall"]["change"] == "same"
    single = build_summary(store, "barnsley-and-rotherham-pdu")
    assert single.since_lines == () and "Since the previous" not in render_summary(single, "md").decode()


def test_terminal_escapes_in_finding_text_cannot_reach_the_terminal(store_path: Path) -> None:
    with sqlite3.connect(store_path) as conn:
        conn.execute("UPDATE findings SET text = text || ' \x1b]0;pwned\x07\x1b[31m' "
                     "WHERE inspection_id = 'west-yorkshire-crc-2020-03'")
    code, out, _ = run("compare", "West Yorkshire CRC", "--store", str(store_path))
    assert code == 0 and "\x1b" not in out and "\x07" not in out
    assert "\\x1b]0;pwned\\x07\\x1b[31m" in out, "shown as escapes, as every table shows controls"
