"""League tables: inspections ranked only within a group of one framework, provider type and round
or year; by points where every score is there, else by overall rating with ties; stated scores
marked; the national inspection never ranked against local units."""

from __future__ import annotations

from inspector_gui.domain.dates import PartialDate
from inspector_gui.domain.frameworks import Framework, Score
from inspector_gui.domain.league import (
    BY_OVERALL,
    BY_POINTS,
    COMPUTED,
    INCOMPLETE,
    NOT_RANKED,
    PUBLISHED,
    league_table,
    score_entry,
)
from inspector_gui.domain.ratings import Rating
from inspector_gui.domain.records import Inspection, MatrixRow, Provider
from inspector_gui.reports.summary import build_league
from inspector_gui.store import Store

FRAMEWORKS = {"fw": Framework("fw", "Test standards", points={
    Rating.OUTSTANDING: 3, Rating.GOOD: 2, Rating.REQUIRES_IMPROVEMENT: 1, Rating.INADEQUATE: 0})}


def _row(name: str, published: str = "", points: int | None = None, maximum: int = 30,
         recorded: int = 10, overall: Rating = Rating.GOOD, kind: str = "CRC",
         round_: str = "2018/19") -> MatrixRow:
    provider = Provider(name.lower(), name, kind)
    inspection = Inspection(f"{name.lower()}-1", provider.provider_id, "fw", round_, PartialDate(),
                            PartialDate(2019), overall, published, ())
    return MatrixRow(provider, inspection, {}, Score(points, maximum, recorded, 10))


def _ranks(rows: list[MatrixRow]) -> list[tuple[str, int | None, bool]]:
    return [(e.row.provider.name, e.rank, e.tied) for e in league_table(rows, FRAMEWORKS)]


def test_published_score_is_used_as_stated_else_a_complete_computed_one() -> None:
    stated = score_entry(_row("A", "3 of 27"))
    assert (stated.points, stated.maximum, stated.stated) == (3, 27, True)
    assert stated.score_label == "3 of 27 (stated by source)"
    bare = score_entry(_row("B", "1", maximum=27))
    assert (bare.points, bare.maximum, bare.basis) == (1, 27, PUBLISHED)
    assert score_entry(_row("C", points=20)).basis == COMPUTED
    incomplete = score_entry(_row("D", recorded=4))
    assert incomplete.basis == INCOMPLETE
    assert incomplete.score_label == "incomplete: 4 of 10 standards recorded"


def test_a_group_with_every_score_is_ranked_by_points_with_shared_ranks() -> None:
    rows = [_row("Low", points=10), _row("High", points=20), _row("Tie", "20 of 30"),
            _row("Even", points=20)]
    assert _ranks(rows) == [("Even", 1, True), ("High", 1, True), ("Tie", 1, True), ("Low", 4, False)]
    assert league_table(rows, FRAMEWORKS)[0].group.ranked_by == BY_POINTS


def test_a_group_with_a_missing_score_is_ranked_by_overall_rating_with_ties() -> None:
    rows = [_row("Scored", points=29, overall=Rating.REQUIRES_IMPROVEMENT),
            _row("Best", recorded=2, overall=Rating.OUTSTANDING),
            _row("Good1", recorded=0), _row("Good2", recorded=3),
            _row("Unrated", recorded=0, overall=Rating.NOT_RATED),
            _row("Worst", recorded=1, overall=Rating.INADEQUATE)]
    assert _ranks(rows) == [("Best", 1, False), ("Good1", 2, True), ("Good2", 2, True),
                            ("Scored", 4, False), ("Worst", 5, False), ("Unrated", None, False)]
    group = league_table(rows, FRAMEWORKS)[0].group
    assert group.ranked_by == BY_OVERALL
    assert group.ranking == "ranked by overall rating (scores incomplete)"


def test_groups_split_by_provider_type_and_round_and_a_lone_inspection_is_not_ranked() -> None:
    rows = [_row("A", overall=Rating.INADEQUATE), _row("B"), _row("N", kind="NPS division"),
            _row("C", round_="2019/20"), _row("D", round_="2019/20", overall=Rating.OUTSTANDING),
            _row("Nat", "0 of 3", kind="national", round_="")]
    entries = league_table(rows, FRAMEWORKS)
    labels = {e.row.provider.name: (e.group.label, e.rank) for e in entries}
    assert labels["A"] == ("Test standards · CRC · 2018/19", 2)
    assert labels["B"] == ("Test standards · CRC · 2018/19", 1)
    assert labels["D"] == ("Test standards · CRC · 2019/20", 1)
    assert labels["N"][1] is None and labels["Nat"][1] is None
    national = next(e for e in entries if e.row.provider.name == "Nat")
    assert national.group.ranked_by == NOT_RANKED and national.group.size == 1


def test_the_bundled_league_keeps_every_provider_in_groups(store: Store) -> None:
    table = build_league(store)
    assert len(table.entries) == len(store.providers())
    for group in table.groups():
        members = [e for e in table.entries if e.group == group]
        assert {(e.row.inspection.framework_id, e.row.provider.provider_type) for e in members} == {
            (group.framework_id, group.provider_type)}
        ranks = [e.rank for e in members if e.rank is not None]
        assert ranks == sorted(ranks)
    national = [e for e in table.entries if e.row.provider.provider_type == "national"]
    assert national and all(e.rank is None for e in national)
    every = build_league(store, latest_only=False)
    assert len(every.entries) == store.counts()["inspections"]


def test_the_21_crcs_of_2018_19_are_one_league_ranked_by_overall_rating(store: Store) -> None:
    table = build_league(store, latest_only=False)
    crcs = [e for e in table.entries if e.group and e.group.key == ("crc-nps-2018", "CRC", "2018/19")]
    assert len(crcs) == 21
    assert crcs[0].group.ranked_by == BY_OVERALL
    levels = [e.row.inspection.overall.level for e in crcs]
    assert levels == sorted(levels, reverse=True)
    assert any(e.tied for e in crcs)
    for entry in crcs:
        level = entry.row.inspection.overall.level
        assert entry.rank == 1 + sum(1 for other in crcs if other.row.inspection.overall.level > level)
