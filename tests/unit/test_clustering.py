"""Each inspection's findings stay on consecutive ids, however the files order them: the search
walk's one-range-per-inspection lookups depend on it (issue 14, item 2)."""

from __future__ import annotations

import csv
import sqlite3
from pathlib import Path

import pytest

from inspector_gui.domain.records import FindingQuery
from inspector_gui.store import Store, clustering
from inspector_gui.store.clustering import loose_inspections
from inspector_gui.store.migration import migrate_store
from inspector_gui.store.schema import SCHEMA_VERSION

HEADER = ["inspection_id", "domain_code", "standard_code", "kind", "text", "source_url"]
SEARCHES = ("risk of harm", "staff", "", "the")


def _page_keys(path: Path, search: str) -> list[tuple[str, str, str]]:
    """A first page as (inspection, kind, text): what the user sees, apart from row ids."""
    with Store.open(path) as store:
        return [(f.inspection_id, f.kind, f.text)
                for f in store.findings(FindingQuery(search=search, limit=300))]


def _all_matches(path: Path) -> list[tuple[str, str, str]]:
    with Store.open(path) as store:
        return sorted((f.inspection_id, f.kind, f.text)
                      for f in store.findings(FindingQuery(search="risk", limit=100_000)))


def _fts_intact(path: Path) -> None:
    conn = sqlite3.connect(path)
    try:
        conn.execute("INSERT INTO findings_fts (findings_fts) VALUES ('integrity-check')")
    finally:
        conn.close()


def _write_findings(path: Path, rows: list[dict[str, str]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, HEADER)
        writer.writeheader()
        writer.writerows(rows)
    return path


def _inspections(store_path: Path, count: int) -> list[str]:
    conn = sqlite3.connect(store_path)
    try:
        return [r[0] for r in conn.execute("SELECT inspection_id FROM inspections "
                                           "ORDER BY published DESC, inspection_id LIMIT ?", (count,))]
    finally:
        conn.close()


def _new_findings(inspections: list[str], per: int, tag: str) -> list[dict[str, str]]:
    return [{"inspection_id": i, "domain_code": "", "standard_code": "", "kind": kind,
             "text": f"{tag} finding {n} on staff and risk of harm", "source_url": ""}
            for i in inspections for n in range(per)
            for kind in ("strength", "improvement")]


def test_a_findings_file_sorted_by_kind_is_stored_inspection_by_inspection(
        store_path: Path, tmp_path: Path) -> None:
    inspections = _inspections(store_path, 5)
    rows = sorted(_new_findings(inspections, 3, "kind-sorted"), key=lambda r: r["kind"])
    with Store.open(store_path, readonly=False) as store:
        store.import_files([_write_findings(tmp_path / "findings.csv", rows)])
        assert loose_inspections(store.conn) == []
    _fts_intact(store_path)
    with Store.open(store_path) as store:
        assert store.count_findings(FindingQuery(search="kind-sorted")) == len(rows)


def test_findings_added_to_older_inspections_later_move_to_consecutive_ids(
        store_path: Path, tmp_path: Path) -> None:
    older = _inspections(store_path, 40)[20:]
    before = {s: _page_keys(store_path, s) for s in ("risk of harm", "")}
    with Store.open(store_path, readonly=False) as store:
        report = store.import_files([_write_findings(tmp_path / "findings.csv",
                                                     _new_findings(older, 2, "later"))])
        assert report.changed["findings"] == 4 * len(older)
        assert loose_inspections(store.conn) == []
    _fts_intact(store_path)
    with Store.open(store_path) as store:
        assert store.count_findings(FindingQuery(search="later finding")) == 4 * len(older)
        found = store.findings(FindingQuery(search="later finding", limit=1000))
        assert {f.inspection_id for f in found} == set(older)
    assert _page_keys(store_path, "")[:50] == before[""][:50]  # newest inspections untouched


def test_importing_the_same_files_again_changes_nothing(store_path: Path, tmp_path: Path) -> None:
    source = _write_findings(tmp_path / "findings.csv",
                             _new_findings(_inspections(store_path, 30)[10:], 2, "again"))
    with Store.open(store_path, readonly=False) as store:
        store.import_files([source])
    data = store_path.read_bytes()
    with Store.open(store_path, readonly=False) as store:
        report = store.import_files([source])
    assert report.changed["findings"] == 0
    assert store_path.read_bytes() == data


SCATTERS = {
    # half of each inspection's findings after all the others, as a later import left them
    "later-import": "ORDER BY late, id",
    # in kind order, as an older import of a findings file sorted by kind left them
    "kind-sorted": "ORDER BY kind, id",
}


def _scatter(path: Path, order: str) -> None:
    """Renumber findings in another order (the FTS index follows by its trigger) and stamp the
    store schema 2, the last that did not keep the order."""
    conn = sqlite3.connect(path, isolation_level=None)
    top = conn.execute("SELECT max(id) FROM findings").fetchone()[0]
    conn.execute("UPDATE findings SET id = id + ?", (top * 10,))
    conn.execute(f"UPDATE findings SET id = (SELECT n FROM (SELECT id AS old, row_number() OVER "
                 f"({order}) AS n FROM (SELECT id, kind, row_number() OVER (PARTITION BY "
                 f"inspection_id ORDER BY id) * 2 > count(*) OVER (PARTITION BY inspection_id) "
                 f"AS late FROM findings)) WHERE old = findings.id)")
    conn.execute("PRAGMA user_version = 2")
    conn.close()


@pytest.mark.parametrize("bulk", [False, True], ids=["by-trigger", "rebuilt"])
@pytest.mark.parametrize("scatter", list(SCATTERS))
def test_migration_to_schema_3_clusters_a_scattered_store(
        store_path: Path, scatter: str, bulk: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    """Pages are the same before and after: the same findings, the same inspections in the
    same order, and within an inspection the order the ids had (file order, or kind order)."""
    if bulk:
        monkeypatch.setattr(clustering, "BULK", 1)
    expected = {s: _page_keys(store_path, s) for s in SEARCHES}
    every_match = _all_matches(store_path)
    _scatter(store_path, SCATTERS[scatter])
    conn = sqlite3.connect(store_path)
    assert len(loose_inspections(conn)) > 50
    conn.close()
    assert migrate_store(store_path).to_version == SCHEMA_VERSION
    with Store.open(store_path) as store:
        assert loose_inspections(store.conn) == []
        assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    _fts_intact(store_path)
    found = {s: _page_keys(store_path, s) for s in SEARCHES}
    if scatter == "later-import":
        assert found == expected
    for search in SEARCHES:
        assert [k[0] for k in found[search]] == [k[0] for k in expected[search]]
    assert _all_matches(store_path) == every_match
