"""How the window words league scores (from :mod:`inspector_gui.domain.league`): a compact
score or coverage for the matrix, ranks with ties marked, a sentence on where a score comes from."""

from __future__ import annotations

from inspector_gui.domain.league import (
    BY_OVERALL,
    BY_POINTS,
    COMPUTED,
    PUBLISHED,
    LeagueEntry,
    LeagueGroup,
    score_entry,
)
from inspector_gui.domain.records import MatrixRow


def score_text(entry: LeagueEntry) -> str:
    """``3 of 27`` for a score, ``4/10 recorded`` for coverage only."""
    if entry.points is not None:
        text = f"{entry.points} of {entry.maximum}" if entry.maximum else str(entry.points)
        return f"{text} · stated" if entry.stated else text
    score = entry.row.score
    return f"{score.recorded}/{score.required} recorded" if score and score.required else "no standards"


def rank_text(entry: LeagueEntry) -> str:
    """``4``, ``=1`` for a shared rank, empty for an unscored row."""
    if entry.rank is None:
        return ""
    return f"={entry.rank}" if entry.tied else str(entry.rank)


def league_text(entry: LeagueEntry) -> str:
    """``CRC 2018/19 · by rating``: the league group a row is ranked in, compactly."""
    group = entry.group
    if group is None:
        return ""
    how = {BY_POINTS: " · by points", BY_OVERALL: " · by rating"}.get(group.ranked_by, "")
    return f"{group.provider_type} {group.period}{how}"


def score_explanation(entry: LeagueEntry) -> str:
    """Where the figure comes from and which league the row is ranked in, for tooltips and the
    detail pane."""
    group = entry.group
    return "\n".join([_score_sentence(entry)] + ([_league_sentence(entry, group)] if group else []))


def _league_sentence(entry: LeagueEntry, group: LeagueGroup) -> str:
    place = f"Rank {rank_text(entry)} of {group.size}" if entry.rank else "Unranked"
    return f"{place} in the league {group.label}: {group.ranking}."


def _score_sentence(entry: LeagueEntry) -> str:
    if entry.basis == PUBLISHED:
        return (f"Score {entry.score_label}: stated by a source, with no standard ratings "
                "recorded behind it.")
    if entry.basis == COMPUTED:
        return f"Score {entry.score_label}, the sum of points for every rated standard."
    score = entry.row.score
    if score is None or not score.required:
        return "No score: this framework has no rated standards recorded here."
    return (f"No score: {score.recorded} of {score.required} standards have a recorded rating, "
            "and a score needs all of them.")


def explain_row(row: MatrixRow) -> str:
    """:func:`score_explanation` of a single row."""
    return score_explanation(score_entry(row))
