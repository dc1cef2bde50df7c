"""Direction of travel and age of a provider's latest overall rating: how it moved since the
provider's previous inspection, and how long ago it was published.

The change is the one rule of :mod:`inspector_gui.domain.change`: across a framework change it
is still shown, marked "mapped, not identical" (``≈`` after the sign).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from inspector_gui.domain.change import ACROSS, Change, Movement, movement
from inspector_gui.domain.dates import PartialDate
from inspector_gui.domain.records import Inspection


@dataclass(frozen=True)
class Travel:
    """The latest inspection's overall change since the previous one, and its age in years."""

    change: Movement
    previous: Inspection | None
    age: float | None

    @property
    def worse(self) -> bool:
        return self.change.change is Change.DOWN

    @property
    def across_frameworks(self) -> bool:
        return self.change.mapped

    @property
    def symbol(self) -> str:
        """``▼``, ``▲``, ``=`` (with ``≈`` across frameworks), empty without a graded move."""
        return self.change.symbol

    @property
    def change_words(self) -> str:
        """``down since the previous inspection (Good, March 2019)``; empty without a change."""
        if self.previous is None:
            return "first inspection in the store"
        if self.change.change is Change.NONE:
            return "no graded rating to compare with the previous inspection"
        before = f"{self.previous.overall.label}, {self.previous.published.display()}"
        words = f"{self.change.change.label} ({before})"
        return f"{words}; {ACROSS}" if self.change.mapped else words

    @property
    def age_text(self) -> str:
        """``3 y``, ``8 mo``; empty when the publication date is unknown."""
        if self.age is None:
            return ""
        months = round(self.age * 12)
        return f"{months} mo" if months < 12 else f"{months // 12} y"

    @property
    def age_words(self) -> str:
        if self.age is None:
            return "publication date unknown"
        if round(self.age * 12) < 12:
            return f"published {round(self.age * 12)} months ago"
        return f"published {self.age:.1f} years ago"

    @property
    def short(self) -> str:
        """Symbol and age for a narrow cell: ``▼ 3 y``."""
        return " ".join(x for x in (self.symbol, self.age_text) if x)

    @property
    def words(self) -> str:
        """What the tooltip and the screen reader say."""
        return f"{self.change_words}; {self.age_words}"


def travel(latest: Inspection, previous: Inspection | None, today: dt.date | None = None) -> Travel:
    """The travel of ``latest`` given the provider's inspection before it (None: none)."""
    same = previous is None or previous.framework_id == latest.framework_id
    change = movement(previous.overall if previous else None, latest.overall, same)
    return Travel(change, previous, age_in_years(latest.published, today or dt.date.today()))


def age_in_years(published: PartialDate, today: dt.date) -> float | None:
    """Years from the middle of the published period (a year-only date: mid-year) to ``today``."""
    point = published.decimal_year()
    if point is None:
        return None
    now = today.year + (today.timetuple().tm_yday - 0.5) / (366 if today.year % 4 == 0 else 365)
    return max(0.0, now - point)


def travel_record(moved: Travel) -> dict[str, object]:
    """``change`` and ``age`` as a listing shows them: ``down`` (``down, mapped, not identical``
    across frameworks), empty when there is nothing to compare; years to one decimal."""
    return {"change": moved.change.value, "age": round(moved.age, 1) if moved.age is not None else None}


@dataclass(frozen=True)
class TravelFilter:
    """Keep only providers whose latest rating is worse than before, or older than N years."""

    worse: bool = False
    older_than: int | None = None

    @property
    def active(self) -> bool:
        return self.worse or self.older_than is not None

    def keeps(self, moved: Travel | None) -> bool:
        """An unknown travel (no inspection, inspections not loaded) is kept only when inactive."""
        if not self.active:
            return True
        if moved is None:
            return False
        if self.worse and not moved.worse:
            return False
        return self.older_than is None or (moved.age is not None and moved.age > self.older_than)


def latest_travel(inspections: list[Inspection], today: dt.date | None = None) -> Travel | None:
    """The travel of the newest of a provider's inspections (newest first); None without any."""
    if not inspections:
        return None
    return travel(inspections[0], inspections[1] if len(inspections) > 1 else None, today)
