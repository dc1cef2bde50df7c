"""The store's table of search terms: written by import, migration and synthetic stores, used
only while it describes the index as it is (issue 14, item 3)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from inspector_gui.domain.records import FindingQuery
from inspector_gui.domain.search import Search
from inspector_gui.store import Store, term_table, terms
from inspector_gui.store.synth import SynthSpec, build_synthetic

WORDS = ("staff", "risk of harm", "leadership of", "s", "offen", "the")


def _expansions(path: Path) -> dict[str, terms.Expansion | None]:
    terms.forget()
    with Store.open(path) as store:
        return {w: terms.expand(store.conn, Search.parse(w)) for w in WORDS}


def _vocab_expansions(path: Path, monkeypatch) -> dict[str, terms.Expansion | None]:
    with monkeypatch.context() as patched:
        patched.setattr(term_table, "current", lambda conn: False)
        return _expansions(path)


def test_an_imported_store_expands_from_its_table_as_from_the_index(store_path: Path,
                                                                     monkeypatch) -> None:
    with Store.open(store_path) as store:
        assert term_table.current(store.conn)
        assert store.conn.execute("SELECT count(*) FROM search_terms").fetchone()[0] > 1000
    assert _expansions(store_path) == _vocab_expansions(store_path, monkeypatch)


def test_a_synthetic_store_has_a_current_table(tmp_path: Path, monkeypatch) -> None:
    path = build_synthetic(tmp_path / "s.db", SynthSpec(5, 20, 500, seed=4))
    with Store.open(path) as store:
        assert term_table.current(store.conn)
    assert _expansions(path) == _vocab_expansions(path, monkeypatch)


def test_a_change_by_another_program_retires_the_table(store_path: Path) -> None:
    """Findings added by another tool (through the index's triggers) are still found by a
    prefix: the stale table is no longer used."""
    conn = sqlite3.connect(store_path)
    inspection = conn.execute("SELECT inspection_id FROM inspections LIMIT 1").fetchone()[0]
    conn.execute("INSERT INTO findings (inspection_id, kind, text) VALUES (?, 'strength', "
                 "'Zygomorphic caseload planning')", (inspection,))
    conn.commit()
    conn.close()
    terms.forget()
    with Store.open(store_path) as store:
        assert not term_table.current(store.conn)
        assert store.count_findings(FindingQuery(search="zygomorph")) == 1
        assert len(store.findings(FindingQuery(search="zygomorph"))) == 1


def test_an_import_brings_the_table_up_to_date_again(store_path: Path, tmp_path: Path) -> None:
    test_a_change_by_another_program_retires_the_table(store_path)
    source = tmp_path / "findings.csv"
    with Store.open(store_path) as store:
        inspection = store.conn.execute("SELECT inspection_id FROM inspections LIMIT 1").fetchone()[0]
    source.write_text("inspection_id,domain_code,standard_code,kind,text,source_url\n"
                      f"{inspection},,,strength,Quixotic supervision notes,\n")
    with Store.open(store_path, readonly=False) as store:
        store.import_files([source])
        assert term_table.current(store.conn)
        found = store.conn.execute("SELECT term, doc FROM search_terms WHERE term IN "
                                   "('zygomorph', 'quixot') ORDER BY term").fetchall()
    assert [tuple(row) for row in found] == [("quixot", 1), ("zygomorph", 1)]


def test_the_estimate_counts_findings_not_ids(store_path: Path) -> None:
    """Ids moved to keep inspections together leave the highest id above the count; the
    estimate of two words' matches must not shrink with it."""
    search = Search.parse("risk harm")
    before = _expansion(store_path, search)
    conn = sqlite3.connect(store_path, isolation_level=None)
    top = conn.execute("SELECT max(id) FROM findings").fetchone()[0]
    conn.execute("BEGIN")
    conn.execute("UPDATE findings SET id = id + ?", (top * 2,))  # through the index's trigger
    term_table.refresh(conn)
    conn.execute("COMMIT")
    conn.close()
    assert _expansion(store_path, search) == before


def _expansion(path: Path, search: Search) -> terms.Expansion | None:
    terms.forget()
    with Store.open(path) as store:
        return terms.expand(store.conn, search)
