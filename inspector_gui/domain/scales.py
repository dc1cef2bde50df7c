"""A framework's scales from its rows: the store's ``scale_levels`` and the interchange format's
``scale_levels.csv`` (one row a level), so the store, the importer's checks and the spreadsheet
mapping build scales the one way."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from inspector_gui.domain.ratings import FOUR_WORD, GRADED, Rating, Scale, make_scale

POINT_COLUMNS = ("points_outstanding", "points_good", "points_requires_improvement",
                 "points_inadequate")
"""The four-word scale's points, as the ``frameworks`` table holds them, best first."""


@dataclass(frozen=True)
class FrameworkScales:
    """The scale a framework's standards are rated on, that of its overall rating, and points."""

    standards: Scale = FOUR_WORD
    overall: Scale = FOUR_WORD
    points: dict[Rating, int] = field(default_factory=dict)


def _levels(rows: list[Mapping[str, Any]], used_for: str) -> Scale | None:
    chosen = sorted((r for r in rows if (r.get("used_for") or "") in ("", used_for)),
                    key=lambda r: int(r["position"]))
    if not chosen:
        return None
    aliases = {alias.strip(): str(r["word"]) for r in chosen
               for alias in str(r.get("aliases") or "").split(";") if alias.strip()}
    return make_scale(((str(r["word"]), str(r["short"]), str(r["role"])) for r in chosen), aliases)


def framework_scales(framework: Mapping[str, Any], rows: Iterable[Mapping[str, Any]]) -> FrameworkScales:
    """A framework's scales from its level rows; without rows, the four-word scale with the
    points of the framework's ``points_*`` columns."""
    rows = list(rows)
    standards = _levels(rows, "standards")
    overall = _levels(rows, "overall") or FOUR_WORD
    if standards is None:
        points = {r: framework[c] for r, c in zip(GRADED, POINT_COLUMNS, strict=True)
                  if framework.get(c) is not None}
        return FrameworkScales(FOUR_WORD, overall, points)
    by_word = {r.value: r for r in standards.levels}
    points = {by_word[str(r["word"])]: int(r["points"]) for r in rows
              if str(r["word"]) in by_word and r.get("points") not in (None, "")
              and (r.get("used_for") or "") in ("", "standards")}
    return FrameworkScales(standards, overall, points)
