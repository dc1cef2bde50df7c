"""Themes: inspections with at least one matching finding, per group, against direct SQL."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from click.testing import CliRunner

from inspector_gui.cli import main
from inspector_gui.reports.themes import resolve_theme, starter_themes, theme_inspections, theme_table
from inspector_gui.store import Store


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def _direct(path: Path, sql: str, params: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
    with sqlite3.connect(path) as conn:
        return conn.execute(sql, params).fetchall()


def test_risk_of_harm_by_year_equals_a_direct_full_text_count(store_path: Path) -> None:
    code, out, _ = run("themes", "risk of harm", "--by", "year", "--format", "json",
                       "--store", str(store_path))
    assert code == 0
    got = {r["year"]: (r["inspections_matching"], r["inspections"]) for r in json.loads(out)}
    matching = dict(_direct(store_path, (
        "SELECT substr(i.published, 1, 4), count(DISTINCT i.inspection_id) FROM findings_fts "
        "JOIN findings f ON f.id = findings_fts.rowid JOIN inspections i USING (inspection_id) "
        "WHERE findings_fts MATCH 'risk AND of AND harm*' GROUP BY 1")))
    based = dict(_direct(store_path, "SELECT substr(i.published, 1, 4), count(DISTINCT i.inspection_id) "
                                     "FROM findings f JOIN inspections i USING (inspection_id) GROUP BY 1"))
    expected = {(year or "date unknown"): (matching.get(year, 0), n) for year, n in based.items()}
    assert got == expected
    assert got["2019"][0] > 0


def test_every_grouping_counts_the_same_inspections_as_searching_them(store: Store) -> None:
    theme = resolve_theme("workloads")
    assert theme.searches == ("workload", "caseload")
    for by in ("year", "round", "type", "domain", "kind"):
        table = theme_table(store, theme, by)
        for row in table.rows:
            ids = theme_inspections(store, theme, by, row.key)
            assert len(ids) == row.count.matching, (by, row.label)
            assert row.count.matching <= row.count.inspections


def test_domains_are_kept_apart_by_framework(store: Store) -> None:
    rows = theme_table(store, resolve_theme("risk of harm"), "domain").rows
    keys = [r.key for r in rows]
    assert ("crc-nps-2018", "2") in keys and ("pdu-2021", "2") in keys
    assert all("(" in r.label for r in rows)


def test_typed_words_are_plain_words_and_a_wordless_text_is_refused(store_path: Path) -> None:
    code, out, _ = run("themes", 'harm" OR (', "--format", "json", "--store", str(store_path))
    assert code == 0 and json.loads(out)
    code, _, err = run("themes", "***", "--store", str(store_path))
    assert code == 2 and err.count("\n") == 1 and "no words" in err


def test_starter_themes_are_data() -> None:
    names = [t.name for t in starter_themes()]
    assert {"risk of harm", "domestic abuse", "safeguarding", "workloads", "staffing",
            "accommodation", "victims"} <= set(names)
    assert resolve_theme("Risk Of  Harm").name == "risk of harm"
    code, out, _ = run("themes", "--list")
    assert code == 0 and "domestic abuse" in out
