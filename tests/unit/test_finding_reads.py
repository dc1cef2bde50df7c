"""Findings pages: every query shape (walk, FTS first, plain filter) gives the same rows in the
same order as sorting every match in Python, and counts agree."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import fields, replace
from pathlib import Path

import pytest

from inspector_gui.domain.records import Finding, FindingQuery
from inspector_gui.domain.search import Search
from inspector_gui.store import Store, finding_reads
from inspector_gui.store.search import fts_query
from inspector_gui.store.synth import SynthSpec, build_synthetic
from inspector_gui.store.terms import _words_for, expand, stems

QUERIES = [
    FindingQuery(), FindingQuery(domain_codes=("2",)), FindingQuery(kinds=("recommendation",)),
    FindingQuery(search="staff"), FindingQuery(search="staffing", domain_codes=("1", "2")),
    FindingQuery(search="the", kinds=("strength",), offset=150), FindingQuery(search="risk harm"),
    FindingQuery(search="work sta", standard_code="2.1"), FindingQuery(search="s"),
    FindingQuery(search="zzzzq"), FindingQuery(search="the", domain_codes=()),
    FindingQuery(search="the", limit=30, offset=3000),
]


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    path = tmp_path_factory.mktemp("synth") / "s.db"
    build_synthetic(path, SynthSpec(providers=20, inspections=150, findings=6000, seed=3))
    with Store.open(path) as store:
        yield store


def _expected(store: Store, query: FindingQuery) -> list[int]:
    """Every match, sorted in Python: newest publication first, then inspection, then id."""
    rows = store.conn.execute(
        "SELECT f.id, f.inspection_id, f.domain_code, f.kind, f.standard_code, i.provider_id, "
        "coalesce(i.published, '') FROM findings f JOIN inspections i USING (inspection_id)").fetchall()
    matching = _fts_ids(store, query)
    kept = [r for r in rows if _keeps(query, r) and (matching is None or r[0] in matching)]
    kept.sort(key=lambda r: (r[1], r[0]))
    kept.sort(key=lambda r: r[6], reverse=True)
    return [r[0] for r in kept]


def _fts_ids(store: Store, query: FindingQuery) -> set[int] | None:
    match = fts_query(query.parsed_search)
    if not match:
        return None
    return {r[0] for r in store.conn.execute(
        "SELECT rowid FROM findings_fts WHERE findings_fts MATCH ?", (match,))}


def _keeps(query: FindingQuery, row: sqlite3.Row) -> bool:
    _, inspection, domain, kind, standard, provider, _ = row
    return all((query.domain_codes is None or domain in (query.domain_codes or ("",)),
                query.kinds is None or kind in (query.kinds or ("",)),
                not query.standard_code or standard == query.standard_code,
                query.provider_ids is None or provider in query.provider_ids))


@pytest.mark.parametrize(("rare", "max_walk", "walks"),
                         [(0, 4096, True), (0, 16, False), (10**9, 4096, True)],
                         ids=["walk", "walk-gives-up", "fts-first"])
@pytest.mark.parametrize("query", QUERIES, ids=[repr(q)[12:60] for q in QUERIES])
def test_pages_and_counts_match_sorting_everything(synthetic: Store, query: FindingQuery, rare: int,
                                                   max_walk: int, walks: bool,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(finding_reads, "RARE", rare)
    monkeypatch.setattr(finding_reads, "MAX_WALK", max_walk)
    if not walks:  # as when the walk runs out of its step budget
        monkeypatch.setattr(finding_reads.FindingReads, "_walk", lambda self, query: None)
    expected = _expected(synthetic, query)
    page = [f.finding_id for f in synthetic.findings(query)]
    assert page == expected[query.offset:query.offset + query.limit]
    assert synthetic.count_findings(query) == len(expected)


def test_a_provider_filter_walks_only_its_inspections(synthetic: Store,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(finding_reads, "RARE", 0)
    provider = synthetic.providers()[3].provider_id
    query = FindingQuery(provider_ids=(provider,), search="the")
    page = synthetic.findings(query)
    assert page and {f.provider_id for f in page} == {provider}
    assert [f.finding_id for f in page] == _expected(synthetic, query)[:100]


def test_expansion_matches_what_fts_matches(synthetic: Store) -> None:
    for text in ("staff", "staffing", "inspectors", "risk harm", "the", "leadership of", "s",
                 '"staff"', '"risk of harm" staff', 'staff "the"'):
        expansion = expand(synthetic.conn, Search.parse(text))
        assert expansion is not None
        native = _fts_ids(synthetic, FindingQuery(search=text))
        exact = {r[0] for r in synthetic.conn.execute(
            "SELECT rowid FROM findings_fts WHERE findings_fts MATCH ?", (expansion.match,))}
        assert exact == native and expansion.estimate > 0


def test_terms_that_stem_again_are_quoted_as_words_that_stem_to_them() -> None:
    terms = ["offens", "happi", "staff", "agre"]
    words = _words_for(terms)
    assert words is not None and stems(words) == terms
    assert words[2] == "staff"


def test_a_walk_over_its_step_budget_gives_way(synthetic: Store,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    query = FindingQuery(domain_codes=("1",), kinds=("recommendation",))
    assert synthetic._walk(query) is not None
    assert synthetic._capped_rows("SELECT count(*) FROM findings a, findings b", (), 1) is None
    monkeypatch.setattr(finding_reads, "MAX_STEPS", 0)
    assert synthetic._walk(replace(query, limit=1000)) is None


def test_stems_are_the_tokenizers() -> None:
    assert stems(["staffing", "inspectors", "café", "a_b"]) == ["staf", "inspector", "cafe", ""]


def test_a_read_only_store_stays_unchanged(tmp_path: Path) -> None:
    path = build_synthetic(tmp_path / "s.db", SynthSpec(5, 10, 200, seed=1))
    before = path.read_bytes()
    with Store.open(path) as store:
        store.findings(FindingQuery(search="the"))
        assert store.conn.execute("PRAGMA query_only").fetchone()[0] == 1
    assert path.read_bytes() == before


def test_a_page_is_made_of_findings_as_their_constructor_makes_them(store: Store) -> None:
    """Pages build findings without calling ``__init__``: each must be the very finding the
    constructor makes from its fields, every field set (one added to ``Finding`` included)."""
    page = store.findings(FindingQuery(limit=20)) + store.findings(FindingQuery(search="staff", limit=20))
    names = [field.name for field in fields(Finding)]
    for finding in page:
        assert list(vars(finding)) == names
        made = Finding(**vars(finding))
        assert (made, hash(made), repr(made)) == (finding, hash(finding), repr(finding))
    assert len(page) == 40
