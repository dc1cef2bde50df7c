"""League scores and ranks: ties share a rank, unscored rows are never ranked."""

from __future__ import annotations

from inspector_gui.domain.league import LeagueScore, league_ranks, league_score, parse_published
from inspector_gui.store import Store


def test_ranks_share_ties_and_skip_unscored():
    scores = [LeagueScore(20, 30), LeagueScore(None, 30, 4, 10), LeagueScore(27, 30),
              LeagueScore(18, 27), LeagueScore(10, 15)]
    assert league_ranks(scores) == ["=2", "", "1", "=2", "=2"]
    assert league_ranks([]) == []


def test_published_scores_parse_and_nonsense_does_not():
    assert parse_published("3 of 27") == (3, 27)
    assert parse_published("21/30") == (21, 30)
    assert parse_published("31 of 30") is None
    assert parse_published("") is None


def test_bundled_published_score_is_used_when_ratings_are_missing(store: Store):
    row = store.rating_matrix(inspection_ids=["lambeth-pdu-2022-10"], latest_only=False)[0]
    score = league_score(row)
    assert (score.points, score.maximum, score.published) == (3, 27, True)
    assert "published" in score.explanation


def test_incomplete_scores_say_how_many_standards_are_recorded(store: Store):
    row = next(r for r in store.rating_matrix() if r.provider.name == "West Yorkshire CRC")
    score = league_score(row)
    assert not score.complete
    assert score.label == "6/10 recorded"
    assert score.fraction is None
