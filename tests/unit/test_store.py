"""Store queries against the bundled data, checked against the CSV files themselves."""

from __future__ import annotations

import csv
import sqlite3
from collections import Counter
from pathlib import Path

import pytest

from inspector_gui import paths
from inspector_gui.domain import FindingQuery, Rating
from inspector_gui.errors import StoreError, UnknownProviderError
from inspector_gui.store import Store


def _csv(name: str) -> list[dict[str, str]]:
    with (paths.data_dir() / f"{name}.csv").open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_counts_match_the_bundled_files(store: Store) -> None:
    expected = {name: len(_csv(name)) for name in
                ("frameworks", "standards", "providers", "inspections", "ratings", "findings",
                 "inspectorates")}
    assert store.counts() == expected | {"scale_levels": 0, "peer_groups": 0}
    assert expected["inspections"] == 114


def test_info_reports_coverage_and_as_at(store: Store) -> None:
    info = store.info()
    assert info.ratings_recorded == 95
    assert 95 < info.ratings_possible < 114 * 10
    assert info.as_at == max(r["published"] for r in _csv("inspections"))
    assert not info.synthetic


def test_round_2018_19_holds_28_inspections(store: Store) -> None:
    rows = store.rating_matrix(round="2018/19", latest_only=False)
    types = Counter(r.provider.provider_type for r in rows)
    assert len(rows) == 28 and types == {"CRC": 21, "NPS division": 7}


def test_matrix_latest_only_gives_one_row_per_provider(store: Store) -> None:
    rows = store.rating_matrix()
    assert len(rows) == len({r.provider.provider_id for r in rows}) == 93


def test_matrix_rows_carry_ratings_with_basis_and_coverage(store: Store) -> None:
    (row,) = store.rating_matrix(provider_ids=["durham-tees-valley-crc"])
    assert row.inspection.published.iso() == "2020-04"
    assert row.cells["1.1"].rating is Rating.OUTSTANDING and row.cells["1.1"].stated
    assert row.cells["4.2"].basis == "news report" and not row.cells["4.2"].stated
    assert row.score is not None and row.score.label == "2 of 10 standards recorded"


def test_domain_filter_returns_exactly_that_domains_findings(store: Store) -> None:
    expected = sum(1 for r in _csv("findings") if r["domain_code"] == "2")
    query = FindingQuery(domain_codes=("2",), limit=1000)
    assert store.count_findings(query) == expected == len(store.findings(query))
    assert {f.domain_code for f in store.findings(query)} == {"2"}


def test_findings_page_newest_first_and_pages_do_not_overlap(store: Store) -> None:
    first = store.findings(FindingQuery(limit=20))
    second = store.findings(FindingQuery(limit=20, offset=20))
    assert not {f.finding_id for f in first} & {f.finding_id for f in second}
    dates = [f.published for f in first + second if f.published.known]
    assert dates == sorted(dates, reverse=True)


def test_search_is_words_and_matches_stems(store: Store) -> None:
    found = store.findings(FindingQuery(search="risk of harm", domain_codes=("2",)))
    assert found and all("risk" in f.text.lower() and "harm" in f.text.lower() for f in found)
    plain = store.count_findings(FindingQuery(search="risk harm"))
    assert store.count_findings(FindingQuery(search='"risk* (-harm:')) == plain > 0
    assert store.count_findings(FindingQuery(search="risk OR nonsenseword")) == 0


def test_filters_combine_provider_kind_and_inspection(store: Store) -> None:
    query = FindingQuery(provider_ids=("merseyside-crc",), kinds=("strength",))
    found = store.findings(query)
    expected = [r for r in _csv("findings")
                if r["inspection_id"].startswith("merseyside-crc-") and r["kind"] == "strength"]
    assert len(found) == len(expected) > 0


def test_find_provider_by_id_or_name_ignoring_case(store: Store) -> None:
    assert store.find_provider("MERSEYSIDE crc").provider_id == "merseyside-crc"
    assert store.find_provider("merseyside-crc").name == "Merseyside CRC"
    with pytest.raises(UnknownProviderError) as caught:
        store.find_provider("Mersyside")
    assert "Merseyside CRC" in caught.value.suggestions


def test_rating_history_is_oldest_first(store: Store) -> None:
    history = store.rating_history("durham-tees-valley-crc")
    assert [p.overall for p in history] == [Rating.REQUIRES_IMPROVEMENT, Rating.GOOD]


def test_national_distribution_counts_overall_ratings(store: Store) -> None:
    by_round = dict(store.national_distribution(by="round"))
    assert sum(by_round["2018/19"].values()) == 28
    by_year = dict(store.national_distribution(by="year"))
    rows = _csv("inspections")
    inadequate_2022 = sum(1 for r in rows
                          if r["published"][:4] == "2022" and r["overall_rating"] == "Inadequate")
    assert by_year["2022"][Rating.INADEQUATE] == inadequate_2022
    ids = store.inspections_in_period("year", "2022", Rating.INADEQUATE)
    assert len(ids) == inadequate_2022


def test_readonly_store_refuses_writes(store: Store) -> None:
    with pytest.raises(StoreError, match="read-only"):
        store.set_meta("x", "y")
    with pytest.raises(sqlite3.OperationalError):
        store.conn.execute("DELETE FROM findings")


def test_opening_a_missing_path_never_creates_a_file(tmp_path: Path) -> None:
    missing = tmp_path / "typo.db"
    with pytest.raises(StoreError, match="no such file"):
        Store.open(missing)
    assert not missing.exists()


def test_fts_table_is_the_sqlite_utils_kind(store: Store) -> None:
    assert store.db["findings"].detect_fts() == "findings_fts"
    hits = list(store.db["findings"].search("harm", limit=3))
    assert hits and all("harm" in h["text"].lower() for h in hits)


def test_national_segments_hold_the_ids_behind_each_count(store: Store) -> None:
    segments = store.national_segments(by="round")
    counts = dict(store.national_distribution(by="round"))
    assert {(p, r): len(ids) for (p, r), ids in segments.items()} == {
        (p, r): n for p, by_rating in counts.items() for r, n in by_rating.items()}
    assert segments[("2018/19", Rating.INADEQUATE)] == store.inspections_in_period(
        "round", "2018/19", Rating.INADEQUATE)


def test_counts_by_provider_type_match_the_files(store: Store) -> None:
    types = {r["provider_id"]: r["provider_type"] for r in _csv("providers")}
    inspections = _csv("inspections")
    crc = {r["inspection_id"] for r in inspections if types[r["provider_id"]] == "CRC"}
    assert store.count_inspections("CRC") == len(crc)
    assert store.count_inspections() == len(inspections)
    assert store.count_ratings("CRC") == sum(1 for r in _csv("ratings") if r["inspection_id"] in crc)
    assert store.count_ratings() == 95


def test_domain_names_joined_across_frameworks_keep_their_commas(store_path: Path, tmp_path: Path) -> None:
    frameworks = tmp_path / "frameworks.csv"
    frameworks.write_text("framework_id,name\nx-2030,Future\n", encoding="utf-8")
    standards = tmp_path / "standards.csv"
    standards.write_text("framework_id,domain_code,domain_name,standard_code,standard_name\n"
                         'x-2030,9,"Leadership, governance",9.1,Vision\n', encoding="utf-8")
    with Store.open(store_path, readonly=False) as writable:
        writable.import_files([frameworks, standards])
        assert dict(writable.domains())["9"] == "Leadership, governance"
        assert dict(writable.domains())["2"].count(" / ") == 3


def test_providers_sort_ignoring_case(store: Store) -> None:
    names = [p.name for p in store.providers()]
    assert names == sorted(names, key=str.casefold)
