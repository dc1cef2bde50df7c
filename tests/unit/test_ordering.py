"""Finding ids sort as the findings are shown, newest inspection first, however the files order
them and whatever a later import adds (issue 14, item 2): a page is the first ids that pass its
filters, a search's the full-text index's first rowids."""

from __future__ import annotations

import csv
import sqlite3
from pathlib import Path

import pytest

from inspector_gui.domain.records import FindingQuery
from inspector_gui.store import Store, ordering
from inspector_gui.store.migration import migrate_store
from inspector_gui.store.schema import SCHEMA_VERSION
from inspector_gui.store.synth import SynthSpec, build_synthetic

HEADER = ["inspection_id", "domain_code", "standard_code", "kind", "text", "source_url"]
SEARCHES = ("risk of harm", "staff", "", "the")
BY_PUBLICATION = ("SELECT f.id FROM findings f JOIN inspections i USING (inspection_id) "
                  "ORDER BY i.published DESC, i.inspection_id, f.id")


def _page_keys(path: Path, search: str) -> list[tuple[str, str, str]]:
    """A first page as (inspection, kind, text): what the user sees, apart from row ids."""
    with Store.open(path) as store:
        return [(f.inspection_id, f.kind, f.text)
                for f in store.findings(FindingQuery(search=search, limit=300))]


def _all_matches(path: Path) -> list[tuple[str, str, str]]:
    with Store.open(path) as store:
        return sorted((f.inspection_id, f.kind, f.text)
                      for f in store.findings(FindingQuery(search="risk", limit=100_000)))


def _in_order(path: Path) -> None:
    """Every finding at its place, ids in publication order, and the full-text index intact."""
    conn = sqlite3.connect(path)
    try:
        assert ordering.misplaced(conn) == 0
        ids = [r[0] for r in conn.execute(BY_PUBLICATION)]
        assert ids == sorted(ids) and ids[0] > 0
        conn.execute("INSERT INTO findings_fts (findings_fts) VALUES ('integrity-check')")
    finally:
        conn.close()


def _ids(path: Path) -> dict[str, int]:
    conn = sqlite3.connect(path)
    try:
        return dict(conn.execute("SELECT natural_key, id FROM findings"))
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
        return [r[0] for r in conn.execute("SELECT inspection_id FROM inspections WHERE published <> '' "
                                           "ORDER BY published DESC, inspection_id LIMIT ?", (count,))]
    finally:
        conn.close()


def _new_findings(inspections: list[str], per: int, tag: str) -> list[dict[str, str]]:
    return [{"inspection_id": i, "domain_code": "", "standard_code": "", "kind": kind,
             "text": f"{tag} finding {n} on staff and risk of harm", "source_url": ""}
            for i in inspections for n in range(per)
            for kind in ("strength", "improvement")]


def test_the_bundled_store_is_in_order_with_readable_ids(store_path: Path) -> None:
    _in_order(store_path)
    with Store.open(store_path) as store:
        page = store.findings(FindingQuery(limit=1000))
        assert [f.finding_id for f in page] == sorted(f.finding_id for f in page)
        assert max(f.finding_id for f in page) < 2 ** 53, "exact in any JSON reader"
        assert store.findings_by_id([page[5].finding_id]) == [page[5]]


def test_a_findings_file_sorted_by_kind_is_stored_in_order(store_path: Path, tmp_path: Path) -> None:
    inspections = _inspections(store_path, 5)
    rows = sorted(_new_findings(inspections, 3, "kind-sorted"), key=lambda r: r["kind"])
    with Store.open(store_path, readonly=False) as store:
        store.import_files([_write_findings(tmp_path / "findings.csv", rows)])
    _in_order(store_path)
    with Store.open(store_path) as store:
        assert store.count_findings(FindingQuery(search="kind-sorted")) == len(rows)
        found = store.findings(FindingQuery(search="kind-sorted", limit=100))
        assert [f.inspection_id for f in found] == sorted(
            (f.inspection_id for f in found), key=inspections.index)


def test_findings_added_later_to_older_inspections_take_their_places_after_the_others(
        store_path: Path, tmp_path: Path) -> None:
    older = _inspections(store_path, 40)[20:]
    before_ids = _ids(store_path)
    before = {s: _page_keys(store_path, s) for s in ("risk of harm", "")}
    with Store.open(store_path, readonly=False) as store:
        report = store.import_files([_write_findings(tmp_path / "findings.csv",
                                                     _new_findings(older, 2, "later"))])
        assert report.changed["findings"] == 4 * len(older)
    _in_order(store_path)
    with Store.open(store_path) as store:
        assert store.count_findings(FindingQuery(search="later finding")) == 4 * len(older)
        shown = store.findings(FindingQuery(inspection_id=older[0], limit=1000))
        assert [f.text.startswith("later") for f in shown] == sorted(
            f.text.startswith("later") for f in shown), "added after the inspection's own"
    assert _page_keys(store_path, "")[:50] == before[""][:50]  # newest inspections untouched
    after_ids = _ids(store_path)
    kept = [k for k in before_ids if after_ids[k] == before_ids[k]]
    assert len(kept) > len(before_ids) // 2, "only the dates of those inspections renumbered"


def test_a_corrected_publication_date_moves_the_inspections_findings(store_path: Path,
                                                                    tmp_path: Path) -> None:
    conn = sqlite3.connect(store_path)
    row = conn.execute("SELECT * FROM inspections WHERE published <> '' "
                       "ORDER BY published LIMIT 1").fetchone()
    columns = [d[0] for d in conn.execute("SELECT * FROM inspections").description]
    conn.close()
    changed = dict(zip(columns, row, strict=True)) | {"published": "2031-01-02"}
    path = tmp_path / "inspections.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, columns)
        writer.writeheader()
        writer.writerow({k: "" if v is None else v for k, v in changed.items()})
    with Store.open(store_path, readonly=False) as store:
        store.import_files([path])
    _in_order(store_path)
    with Store.open(store_path) as store:
        assert store.findings(FindingQuery(limit=1))[0].inspection_id == changed["inspection_id"]


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


def test_a_finding_another_program_put_in_a_dates_range_is_moved_too(store_path: Path,
                                                                     tmp_path: Path) -> None:
    """A finding moved by another tool into the range of a date an import renumbers."""
    newest = _inspections(store_path, 1)
    conn = sqlite3.connect(store_path)
    top = conn.execute("SELECT max(f.id) FROM findings f WHERE inspection_id = ?", newest).fetchone()[0]
    oldest = conn.execute(BY_PUBLICATION.replace("ORDER BY i.published DESC", "ORDER BY i.published")
                          + " LIMIT 1").fetchone()[0]
    conn.execute("UPDATE findings SET id = ? WHERE id = ?", (top + 1, oldest))
    conn.commit()
    conn.close()
    with Store.open(store_path, readonly=False) as store:
        store.import_files([_write_findings(tmp_path / "f.csv", _new_findings(newest, 1, "squat"))])
    _in_order(store_path)


SCATTERS = {
    # half of each inspection's findings after all the others, as a later import left them
    "later-import": "ORDER BY late, id",
    # in kind order, as an older import of a findings file sorted by kind left them
    "kind-sorted": "ORDER BY kind, id",
}


def _scatter(path: Path, order: str) -> None:
    """Renumber findings 1, 2, … in another order (the FTS index follows by its trigger) and
    stamp the store schema 4, the last that did not keep ids in publication order."""
    conn = sqlite3.connect(path, isolation_level=None)
    top = conn.execute("SELECT max(id) FROM findings").fetchone()[0]
    conn.execute("UPDATE findings SET id = id + ?", (top,))
    conn.execute(f"UPDATE findings SET id = (SELECT n FROM (SELECT id AS old, row_number() OVER "
                 f"({order}) AS n FROM (SELECT id, kind, row_number() OVER (PARTITION BY "
                 f"inspection_id ORDER BY id) * 2 > count(*) OVER (PARTITION BY inspection_id) "
                 f"AS late FROM findings)) WHERE old = findings.id)")
    conn.execute("PRAGMA user_version = 4")
    conn.close()


@pytest.mark.parametrize("bulk", [False, True], ids=["by-trigger", "rebuilt"])
@pytest.mark.parametrize("scatter", list(SCATTERS))
def test_migration_to_schema_5_puts_a_scattered_store_in_order(
        store_path: Path, scatter: str, bulk: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    """Pages are the same before and after: the same findings, the same inspections in the
    same order, and within an inspection the order the ids had (file order, or kind order)."""
    if bulk:
        monkeypatch.setattr(ordering, "BULK", 1)
    expected = {s: _page_keys(store_path, s) for s in SEARCHES}
    every_match = _all_matches(store_path)
    _scatter(store_path, SCATTERS[scatter])
    conn = sqlite3.connect(store_path)
    assert ordering.misplaced(conn) > 500
    conn.close()
    assert migrate_store(store_path).to_version == SCHEMA_VERSION
    _in_order(store_path)
    with Store.open(store_path) as store:
        assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    found = {s: _page_keys(store_path, s) for s in SEARCHES}
    if scatter == "later-import":
        assert found == expected
    for search in SEARCHES:
        assert [k[0] for k in found[search]] == [k[0] for k in expected[search]]
    assert _all_matches(store_path) == every_match


def test_a_synthetic_store_is_built_with_the_ids_renumbering_would_give(tmp_path: Path) -> None:
    path = build_synthetic(tmp_path / "s.db", SynthSpec(6, 60, 3_000, seed=5))
    _in_order(path)
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("BEGIN")
        assert ordering.renumber(conn, None) == 0
        conn.execute("ROLLBACK")
    finally:
        conn.close()


@pytest.mark.parametrize("published", ["2019-05-08", "2019-05", "2019", "", "May 2019"])
def test_the_date_key_in_python_is_the_date_key_in_sql(published: str) -> None:
    conn = sqlite3.connect(":memory:")
    expected = conn.execute(f"SELECT {ordering.KEY} FROM (SELECT ? AS published) i",
                            (published,)).fetchone()[0]
    assert ordering.date_key(published) == expected
