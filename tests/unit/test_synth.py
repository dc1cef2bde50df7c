"""Synthetic stores: reproducible from a seed, marked as not real, and ordinary stores otherwise."""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

from click.testing import CliRunner

from inspector_gui.cli import main
from inspector_gui.domain.records import FindingQuery
from inspector_gui.store import Store
from inspector_gui.store.schema import TABLE_NAMES
from inspector_gui.store.synth import SynthSpec, build_synthetic
from inspector_gui.store.synth_rows import split, vocabulary

SMALL = SynthSpec(providers=30, inspections=120, findings=3000, seed=7)


def _dump(path: Path) -> dict[str, list[tuple]]:
    with sqlite3.connect(path) as conn:
        return {t: conn.execute(f"SELECT * FROM {t} ORDER BY rowid").fetchall() for t in TABLE_NAMES}


def test_same_seed_gives_the_same_rows(tmp_path: Path) -> None:
    first = _dump(build_synthetic(tmp_path / "a.db", SMALL))
    second = _dump(build_synthetic(tmp_path / "b.db", SMALL))
    assert first == second
    assert [len(first[t]) for t in ("providers", "inspections", "findings")] == [30, 120, 3000]


def test_another_seed_gives_other_rows(tmp_path: Path) -> None:
    first = _dump(build_synthetic(tmp_path / "a.db", SMALL))
    other = _dump(build_synthetic(tmp_path / "b.db", SynthSpec(30, 120, 3000, seed=8)))
    assert first["findings"] != other["findings"]
    assert first["frameworks"] == other["frameworks"]


def test_store_opens_with_full_check_and_is_marked_synthetic(tmp_path: Path) -> None:
    path = build_synthetic(tmp_path / "s.db", SMALL)
    with Store.open(path, check=True) as store:
        info = store.info()
        assert info.synthetic
        assert info.counts["findings"] == 3000
        assert store.meta("synthetic") == "yes"
        assert 0 < info.ratings_recorded < info.ratings_possible
        assert store.count_findings(FindingQuery(search="staff")) > 0
        assert len(store.rating_matrix()) == 30


def test_uses_the_bundled_frameworks_and_a_large_vocabulary(tmp_path: Path, store: Store) -> None:
    path = build_synthetic(tmp_path / "s.db", SMALL)
    with Store.open(path) as synthetic:
        assert synthetic.frameworks() == store.frameworks()
        frameworks = {i.framework_id for i in synthetic.inspections()}
    assert frameworks <= set(store.frameworks())
    assert len(set(vocabulary())) >= 5000


def test_dates_are_partial_like_the_real_data(tmp_path: Path) -> None:
    with sqlite3.connect(build_synthetic(tmp_path / "s.db", SMALL)) as conn:
        lengths = {r[0] for r in conn.execute("SELECT DISTINCT length(published) FROM inspections")}
    assert {10, 7} <= lengths


def test_split_shares_exactly() -> None:
    shares = split(1001, 7, random.Random(1))
    assert sum(shares) == 1001 and min(shares) > 0


def test_cli_builds_and_refuses_to_overwrite(tmp_path: Path) -> None:
    path = tmp_path / "cli.db"
    args = ["synth", str(path), "--providers", "5", "--inspections", "10", "--findings", "100"]
    assert CliRunner().invoke(main, args).exit_code == 0
    again = CliRunner().invoke(main, args)
    assert again.exit_code == 2 and "exists" in again.output
    info = CliRunner().invoke(main, ["info", "--store", str(path)])
    assert "SYNTHETIC DATA" in info.output
