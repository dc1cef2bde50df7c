"""League tables: ranking by share of the maximum, shared ranks, incomplete scores kept visible."""

from __future__ import annotations

from inspector_gui.domain.dates import PartialDate
from inspector_gui.domain.frameworks import Score
from inspector_gui.domain.league import COMPUTED, INCOMPLETE, PUBLISHED, league_table, score_entry
from inspector_gui.domain.ratings import Rating
from inspector_gui.domain.records import Inspection, MatrixRow, Provider
from inspector_gui.reports.summary import build_league
from inspector_gui.store import Store


def _row(name: str, published: str = "", points: int | None = None, maximum: int = 30,
         recorded: int = 10) -> MatrixRow:
    provider = Provider(name.lower(), name, "CRC")
    inspection = Inspection(f"{name.lower()}-1", provider.provider_id, "fw", "", PartialDate(),
                            PartialDate(2019), Rating.GOOD, published, ())
    return MatrixRow(provider, inspection, {}, Score(points, maximum, recorded, 10))


def test_published_score_is_used_as_published_else_a_complete_computed_one() -> None:
    assert (score_entry(_row("A", "3 of 27")).points, score_entry(_row("A", "3 of 27")).maximum) == (3, 27)
    bare = score_entry(_row("B", "1", maximum=27))
    assert (bare.points, bare.maximum, bare.basis) == (1, 27, PUBLISHED)
    assert score_entry(_row("C", points=20)).basis == COMPUTED
    incomplete = score_entry(_row("D", recorded=4))
    assert incomplete.basis == INCOMPLETE
    assert incomplete.score_label == "incomplete: 4 of 10 standards recorded"


def test_ranks_by_share_with_shared_ranks_and_incomplete_rows_last() -> None:
    rows = [_row("Low", points=10), _row("Zed", recorded=3), _row("High", points=20),
            _row("Tie", "14 of 21"), _row("Abc", recorded=0), _row("Even", points=20)]
    table = league_table(rows)
    assert [(e.row.provider.name, e.rank, e.tied) for e in table] == [
        ("Even", 1, True), ("High", 1, True), ("Tie", 1, True), ("Low", 4, False), ("Abc", None, False),
        ("Zed", None, False)]


def test_league_of_the_bundled_store_keeps_every_provider(store: Store) -> None:
    table = build_league(store)
    assert len(table.entries) == len(store.providers())
    ranked = [e for e in table.entries if e.rank is not None]
    assert ranked and all(e.share is not None for e in ranked)
    shares = [e.share for e in ranked]
    assert shares == sorted(shares, reverse=True)  # type: ignore[type-var]
    assert all(e.rank is None for e in table.entries[len(ranked):])
    every = build_league(store, latest_only=False)
    assert len(every.entries) == store.counts()["inspections"]
