"""Benchmarks: each distribution's counts equal a direct SQL count over the store, for a probation
provider and for a council of an ILACS-shaped sample with statistical neighbours."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from inspector_gui.cli import main
from inspector_gui.domain.ratings import GRADED, Rating
from inspector_gui.reports.benchmark import Benchmark, benchmark, peer_sources
from inspector_gui.store import Store

SAMPLE = Path(__file__).parents[1] / "data" / "ilacs_sample"
LATEST = ("i.inspection_id = (SELECT j.inspection_id FROM inspections j "
          "WHERE j.provider_id = i.provider_id AND j.framework_id = i.framework_id "
          "ORDER BY j.published DESC, j.inspection_id DESC LIMIT 1)")


def _direct(path: Path, framework: str, kind: str, own: str, code: str,
            among: list[str] | None) -> dict[str, int]:
    scope = f"AND i.provider_id IN ({','.join('?' * len(among))})" if among is not None else ""
    if code:
        sql = ("SELECT r.rating, count(*) FROM ratings r "
               "JOIN inspections i ON i.inspection_id = r.inspection_id "
               "JOIN providers p ON p.provider_id = i.provider_id WHERE r.standard_code = ? AND ")
        params: list[object] = [code]
    else:
        sql = ("SELECT i.overall_rating, count(*) FROM inspections i JOIN providers p ON p.provider_id = "
               "i.provider_id WHERE i.overall_rating != '' AND ")
        params = []
    sql += (f"i.framework_id = ? AND p.provider_type = ? AND i.provider_id != ? AND {LATEST} {scope} "
            "GROUP BY 1")
    with sqlite3.connect(path) as conn:
        return dict(conn.execute(sql, [*params, framework, kind, own, *(among or [])]).fetchall())


def _check(store: Store, path: Path, provider_id: str, peers: str | None) -> Benchmark:
    provider = store.provider(provider_id)
    inspection = store.inspections(provider_id)[0]
    result = benchmark(store, provider, inspection, peer_sources(store, peers))
    for row in result.rows:
        code = row.standard.code if row.standard else ""
        for group, distribution in zip(result.groups, row.groups, strict=True):
            among = list(group.provider_ids) if group.provider_ids is not None else None
            expected = _direct(path, inspection.framework_id, provider.provider_type, provider_id, code,
                               among)
            got = {r.value: c for r, c in distribution.counts.items() if c}
            assert got == expected, (row.title, group.label)
    return result


def test_probation_benchmark_counts_equal_direct_sql(store: Store, store_path: Path) -> None:
    result = _check(store, store_path, "west-yorkshire-crc", None)
    assert [g.label for g in result.groups] == ["National", "Region: Yorkshire and the Humber"]
    overall = result.rows[0].groups[0]
    assert overall.n == 19 and (overall.better, overall.level, overall.worse) == (2, 16, 1)
    _check(store, store_path, "kirklees-pdu", "Leeds PDU, Sheffield PDU")


@pytest.fixture
def council_store(tmp_path: Path) -> Path:
    path = tmp_path / "councils.db"
    with Store.create(path) as store:
        store.import_files([SAMPLE])
    with sqlite3.connect(path) as conn:
        conn.executemany("INSERT INTO peer_groups (provider_id, peer_provider_id, source, position) "
                         "VALUES ('la-a', ?, 'DfE statistical neighbours', ?)",
                         [("la-e", 1), ("la-b", 2)])
    return path


def test_council_benchmark_with_statistical_neighbours_equals_direct_sql(council_store: Path) -> None:
    with Store.open(council_store) as store:
        result = _check(store, council_store, "la-a", None)
        assert [g.label for g in result.groups] == [
            "National", "Region: North East", "Statistical neighbours"]
        overall = {d.group: d for d in result.rows[0].groups}
        assert overall["Statistical neighbours"].counts == {Rating.OUTSTANDING: 1, Rating.INADEQUATE: 1}
        assert (overall["National"].better, overall["National"].level, overall["National"].worse) == (1, 1, 2)
        _check(store, council_store, "la-d", "neighbours")
        none = benchmark(store, store.provider("la-d"), store.inspections("la-d")[0],
                         peer_sources(store, "neighbours"))
        assert none.missing == ("no statistical neighbours for this provider in the store",)


def test_benchmark_command_as_json(council_store: Path) -> None:
    result = CliRunner().invoke(main, ["benchmark", "Council A", "--format", "json",
                                       "--store", str(council_store)])
    assert result.exit_code == 0
    document = json.loads(result.stdout)
    first = document["rows"][0]["groups"][0]
    assert first["group"] == "National" and first["n"] == 4
    assert set(first["counts"]) == {r.value for r in GRADED}
    bad = CliRunner().invoke(main, ["benchmark", "Council A", "--peers", "Nowhere Council",
                                    "--store", str(council_store)])
    assert bad.exit_code == 2 and "Nowhere Council" in bad.stderr


@pytest.mark.parametrize("provider_id", ["ofsted-80481", "ofsted-80487"])  # Leeds, Barnet
def test_bundled_ofsted_benchmark_counts_equal_direct_sql(ofsted_store: Path, provider_id: str) -> None:
    with Store.open(ofsted_store) as store:
        result = _check(store, ofsted_store, provider_id, "neighbours")
    assert [g.label for g in result.groups][-1] == "Statistical neighbours"
    assert all(d.n > 0 for d in result.rows[0].groups)


def test_the_peer_group_is_read_once_closest_first(council_store: Path) -> None:
    with Store.open(council_store) as store:
        assert [(source, p.provider_id) for source, p in store.peer_group("la-a")] == [
            ("DfE statistical neighbours", "la-e"), ("DfE statistical neighbours", "la-b")]
        assert store.peer_group("la-d") == []
        assert not hasattr(store, "statistical_neighbours")
