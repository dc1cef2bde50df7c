"""Stores written by another program that carry SQL of their own: nothing of it runs, an import
or migration that would run it is refused naming it, and no read can take the machine
(issue 11, items 3 and 6)."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

import pytest
from badinput import FINDINGS_HEADER, INSPECTION, foreign_sql_message, sha256, snapshot, with_version
from click.testing import CliRunner

from inspector_gui.cli import main
from inspector_gui.errors import StoreError
from inspector_gui.store import Store, guards

FOREIGN_SQL = {
    "wipe-after-insert": ("CREATE TRIGGER wipe AFTER INSERT ON findings BEGIN DELETE FROM findings; END",
                          ["trigger wipe"]),
    "before-insert-on-providers": ("CREATE TRIGGER log_it BEFORE INSERT ON providers BEGIN "
                                   "UPDATE store_meta SET value = 'x'; END", ["trigger log_it"]),
    "own-name-other-body": ("DROP TRIGGER findings_ai; CREATE TRIGGER findings_ai AFTER INSERT ON findings "
                            "BEGIN DELETE FROM ratings; END", ["trigger findings_ai"]),
    "view": ("CREATE VIEW everything AS SELECT * FROM findings", ["view everything"]),
    "generated-column": ("ALTER TABLE ratings ADD COLUMN shout GENERATED ALWAYS AS (upper(basis))",
                         ["generated column ratings.shout"]),
    "several": ("CREATE VIEW v1 AS SELECT 1; CREATE TRIGGER t1 AFTER UPDATE ON providers BEGIN "
                "SELECT 1; END", ["trigger t1", "view v1"]),
}


def _with_foreign_sql(store_path: Path, sql: str) -> Path:
    conn = sqlite3.connect(store_path)
    conn.executescript(sql)
    conn.close()
    return store_path


@pytest.mark.parametrize("case", FOREIGN_SQL, ids=str)
def test_import_into_a_store_with_foreign_sql_is_refused_naming_it(case: str, store_path: Path,
                                                                   tmp_path: Path) -> None:
    sql, names = FOREIGN_SQL[case]
    path = _with_foreign_sql(store_path, sql)
    source = tmp_path / "findings.csv"
    source.write_text(f"{FINDINGS_HEADER}\n{INSPECTION},1,1.2,strength,New finding,\n")
    before = snapshot(tmp_path)
    result = CliRunner().invoke(main, ["import", str(source), "--store", str(path)])
    assert result.exit_code == 2
    message = foreign_sql_message(*names, writing="generated" not in case)
    assert result.stderr == f"inspector: {path}: {message}\n"
    assert snapshot(tmp_path) == before
    migrated = CliRunner().invoke(main, ["migrate", str(path)])
    assert migrated.exit_code == 2 and snapshot(tmp_path) == before


@pytest.mark.parametrize("case", [c for c in FOREIGN_SQL if "generated" not in c], ids=str)
def test_a_store_with_foreign_triggers_or_views_is_still_read(case: str, store_path: Path) -> None:
    """Reading runs no trigger and no view, so such a store is shown as it is."""
    path = _with_foreign_sql(store_path, FOREIGN_SQL[case][0])
    before = sha256(path)
    for command in (["info"], ["findings", "--search", "risk"], ["ratings"]):
        result = CliRunner().invoke(main, [*command, "--store", str(path)])
        assert result.exit_code == 0, result.stderr
    assert sha256(path) == before


def test_an_older_store_with_a_foreign_trigger_is_not_migrated(store_path: Path) -> None:
    old = store_path.with_name("old.db")
    with_version(0)(store_path, old)
    _with_foreign_sql(old, FOREIGN_SQL["wipe-after-insert"][0])
    before = snapshot(old.parent)
    result = CliRunner().invoke(main, ["migrate", str(old)])
    assert result.exit_code == 2
    assert result.stderr == f"inspector: {old}: {foreign_sql_message('trigger wipe')}\n"
    assert snapshot(old.parent) == before


# ---- every statement's work is bounded -----------------------------------------------------

ENDLESS = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c"


@pytest.fixture
def short_bound(monkeypatch: pytest.MonkeyPatch) -> float:
    monkeypatch.setattr(guards, "QUERY_SECONDS", 0.5)
    return 0.5


@pytest.mark.parametrize("readonly", [True, False])
@pytest.mark.parametrize("sql", [
    ENDLESS, "SELECT count(*) FROM findings a, findings b, findings c, findings d"])
def test_a_statement_that_runs_too_long_is_stopped_with_one_line(sql: str, readonly: bool, store_path: Path,
                                                                 short_bound: float) -> None:
    with Store.open(store_path, readonly=readonly) as store:
        started = time.monotonic()
        with pytest.raises(StoreError) as raised:
            store._rows(sql)
        assert time.monotonic() - started < short_bound + 2
        assert raised.value.message == guards.SLOW
        assert store.counts()["findings"] == 538, "the connection goes on working"


@pytest.mark.parametrize("sql", [
    "SELECT length(zeroblob(100000000))", "SELECT length(replace(hex(zeroblob(20000000)), '0', 'xx'))",
    "SELECT length(hex(randomblob(40000000)))"])
def test_a_value_too_large_for_any_store_is_refused(sql: str, store: Store) -> None:
    with pytest.raises(StoreError, match="holds a value larger than 64 MB"):
        store._rows(sql)


def test_the_bound_is_per_statement(store: Store, short_bound: float) -> None:
    """Many quick statements, together longer than the bound, all run."""
    started = time.monotonic()
    while time.monotonic() - started < short_bound * 2:
        assert store._rows("SELECT count(*) FROM findings")[0][0] == 538


def test_a_step_capped_read_keeps_the_time_bound(store: Store, short_bound: float) -> None:
    assert store._capped_rows(ENDLESS, (), 10) is None
    with pytest.raises(StoreError, match="took longer than"):
        store._rows(ENDLESS)
