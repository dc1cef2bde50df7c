"""A store whose full-text index is missing or damaged (in ways the integrity check does not
look at), or whose tables have the wrong columns: one line naming the fix, and
``inspector rebuild-index`` rebuilds the index in place after a backup or into a copy
(issue 11, item 7)."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from badinput import sha256, snapshot
from click.testing import CliRunner

from inspector_gui.cli import main
from inspector_gui.domain.records import FindingQuery
from inspector_gui.errors import StoreError
from inspector_gui.store import Store
from inspector_gui.store.search_index import index_broken

BROKEN_INDEX = {
    "dropped": "DROP TABLE findings_fts",
    "data-overwritten": "UPDATE findings_fts_data SET block = randomblob(length(block)) WHERE id > 10",
    "config-emptied": "DELETE FROM findings_fts_config",
    "other-columns": ("DROP TABLE findings_fts; CREATE VIRTUAL TABLE findings_fts USING "
                      "fts5(body, content='findings', content_rowid='id')"),
    "not-about-findings": "DROP TABLE findings_fts; CREATE VIRTUAL TABLE findings_fts USING fts5(text)",
}
WRONG_COLUMNS = {
    "findings-text": ("DROP TRIGGER findings_ai; DROP TRIGGER findings_au; DROP TRIGGER findings_ad; "
                      "ALTER TABLE findings RENAME COLUMN text TO body", ["findings", "--search", "risk"]),
    "providers-name": ("ALTER TABLE providers RENAME COLUMN name TO title", ["info"]),
    "ratings-rating": ("ALTER TABLE ratings RENAME COLUMN rating TO grade", ["ratings"]),
}


def _broken(store_path: Path, sql: str) -> Path:
    conn = sqlite3.connect(store_path)
    conn.executescript(sql)
    conn.close()
    return store_path


@pytest.mark.parametrize("case", BROKEN_INDEX, ids=str)
def test_a_search_on_a_broken_index_says_how_to_rebuild_it(case: str, store_path: Path) -> None:
    path = _broken(store_path, BROKEN_INDEX[case])
    before = sha256(path)
    result = CliRunner().invoke(main, ["findings", "--search", "risk", "--store", str(path)])
    assert result.exit_code == 2
    assert result.stderr == f"inspector: {path}: {index_broken(path)}\n"
    with Store.open(path) as store:
        for query in (FindingQuery(search="risk"), FindingQuery(search="risk", kinds=("strength",))):
            with pytest.raises(StoreError) as raised:
                store.findings(query)
            assert raised.value.message == index_broken(path)
            with pytest.raises(StoreError):
                store.count_findings(query)
        assert store.count_findings(FindingQuery()) == 538, "reading without a search still works"
    assert CliRunner().invoke(main, ["findings", "--store", str(path)]).exit_code == 0
    assert sha256(path) == before


@pytest.mark.parametrize("case", BROKEN_INDEX, ids=str)
def test_rebuild_index_in_place_keeps_a_backup(case: str, store_path: Path) -> None:
    path = _broken(store_path, BROKEN_INDEX[case])
    original = path.read_bytes()
    result = CliRunner().invoke(main, ["rebuild-index", str(path)])
    assert result.exit_code == 0, result.stderr
    backup = path.with_name(path.name + ".bak-index")
    assert result.stdout == (f"rebuilt the search index of {path} (538 findings); the original is kept "
                             f"as {backup}\n")
    assert backup.read_bytes() == original
    with Store.open(path) as store:
        assert store.count_findings(FindingQuery(search="risk")) == 78
    again = CliRunner().invoke(main, ["rebuild-index", str(path)])
    assert again.exit_code == 0 and path.with_name(path.name + ".bak-index-2").exists()


def test_rebuild_index_into_a_copy_leaves_the_store_alone(store_path: Path, tmp_path: Path) -> None:
    path = _broken(store_path, BROKEN_INDEX["data-overwritten"])
    copy = tmp_path / "repaired.db"
    before = sha256(path)
    result = CliRunner().invoke(main, ["rebuild-index", str(path), "-o", str(copy)])
    assert result.exit_code == 0, result.stderr
    assert sha256(path) == before
    with Store.open(copy) as store:
        assert store.count_findings(FindingQuery(search="risk")) == 78
    taken = CliRunner().invoke(main, ["rebuild-index", str(path), "-o", str(copy)])
    assert taken.exit_code == 2
    assert taken.stderr == f"inspector: {copy}: already exists; choose a new file name\n"


def test_rebuild_index_refuses_what_it_must_not_change(store_path: Path, tmp_path: Path) -> None:
    (tmp_path / "notes.db").write_bytes(b"not a database")
    shutil.copyfile(store_path, tmp_path / "wiped.db")
    _broken(tmp_path / "wiped.db",
            "CREATE TRIGGER wipe AFTER INSERT ON findings BEGIN DELETE FROM findings; END")
    before = snapshot(tmp_path)
    for name in ("notes.db", "wiped.db", "missing.db"):
        result = CliRunner().invoke(main, ["rebuild-index", str(tmp_path / name)])
        assert result.exit_code == 2 and result.stderr.count("\n") == 1, result.stderr
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize("case", WRONG_COLUMNS, ids=str)
def test_tables_with_the_wrong_columns_get_one_line(case: str, store_path: Path) -> None:
    sql, command = WRONG_COLUMNS[case]
    path = _broken(store_path, sql)
    result = CliRunner().invoke(main, [*command, "--store", str(path)])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"inspector: {path}: does not have the tables and columns this "
                                    "version of Inspector GUI reads (no such column: ")
    assert result.stderr.count("\n") == 1


STALE_INDEX = {
    "finding-written-without-the-trigger": (
        "DROP TRIGGER findings_ai; INSERT INTO findings (id, inspection_id, domain_code, standard_code, "
        "kind, text, source_url, natural_key) SELECT 9999999, inspection_id, domain_code, standard_code, "
        "kind, 'zebra crossing', source_url, natural_key || '-copy' FROM findings LIMIT 1"),
    "index-entries-deleted": (
        "INSERT INTO findings_fts (findings_fts, rowid, text) SELECT 'delete', id, text FROM findings "
        "WHERE text LIKE '%risk%' LIMIT 5"),
}


@pytest.mark.parametrize("case", STALE_INDEX, ids=str)
def test_check_finds_an_index_that_no_longer_matches_the_findings(case: str, store_path: Path) -> None:
    from inspector_gui.store.search_index import stale_index

    assert CliRunner().invoke(main, ["check", "--store", str(store_path)]).exit_code == 0
    path = _broken(store_path, STALE_INDEX[case])
    before = sha256(path)
    result = CliRunner().invoke(main, ["check", "--store", str(path)])
    assert result.exit_code == 2
    with Store.open(path) as store:
        problem = stale_index(store.conn, path)
    assert problem and "does not match the findings" in problem and "rebuild-index" in problem
    assert result.stderr == f"inspector: {path}: {problem}\n"
    assert sha256(path) == before
    assert CliRunner().invoke(main, ["rebuild-index", str(path)]).exit_code == 0
    assert CliRunner().invoke(main, ["check", "--store", str(path)]).exit_code == 0
