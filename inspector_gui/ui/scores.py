"""How the window words league scores (from :mod:`inspector_gui.domain.league`): a compact
score or coverage for the matrix, ranks with ties marked, a sentence on where a score comes from."""

from __future__ import annotations

from inspector_gui.domain.league import COMPUTED, PUBLISHED, LeagueEntry, score_entry
from inspector_gui.domain.records import MatrixRow


def score_text(entry: LeagueEntry) -> str:
    """``3 of 27`` for a score, ``4/10 recorded`` for coverage only."""
    if entry.points is not None:
        return entry.score_label
    score = entry.row.score
    return f"{score.recorded}/{score.required} recorded" if score and score.required else "no standards"


def rank_text(entry: LeagueEntry) -> str:
    """``4``, ``=1`` for a shared rank, empty for an unscored row."""
    if entry.rank is None:
        return ""
    return f"={entry.rank}" if entry.tied else str(entry.rank)


def score_explanation(entry: LeagueEntry) -> str:
    """One sentence on where the figure comes from, for tooltips and the detail pane."""
    if entry.basis == PUBLISHED:
        return f"Score {entry.score_label}, as published by the inspectorate."
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
