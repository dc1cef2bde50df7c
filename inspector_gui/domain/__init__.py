"""Pure-Python domain: ratings, partial dates, frameworks and scores, plain records."""

from inspector_gui.domain.dates import PartialDate
from inspector_gui.domain.frameworks import Framework, Score, Standard, compute_score
from inspector_gui.domain.ratings import GRADED, Rating
from inspector_gui.domain.records import (
    KIND_LABELS,
    KINDS,
    Finding,
    FindingQuery,
    HistoryPoint,
    Inspection,
    MatrixRow,
    Provider,
    RatingCell,
    StoreInfo,
)

__all__ = [
    "GRADED", "KINDS", "KIND_LABELS", "Finding", "FindingQuery", "Framework", "HistoryPoint",
    "Inspection", "MatrixRow", "PartialDate", "Provider", "Rating", "RatingCell", "Score",
    "Standard", "StoreInfo", "compute_score",
]
