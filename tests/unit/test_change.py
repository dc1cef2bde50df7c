"""The one rule for a rating's change between two inspections (domain/change.py)."""

from __future__ import annotations

import pytest

from inspector_gui.domain.change import Change, Movement, movement
from inspector_gui.domain.ratings import GRADED, Rating

OUT, G, RI, INAD = GRADED


@pytest.mark.parametrize(("previous", "current", "same", "value", "symbol"), [
    (RI, G, True, "up", "▲"),
    (G, RI, True, "down", "▼"),
    (INAD, INAD, True, "same", "="),
    (OUT, INAD, False, "down, mapped, not identical", "▼≈"),
    (G, G, False, "same, mapped, not identical", "=≈"),
    (None, G, True, "", ""),
    (Rating.NOT_RECORDED, G, True, "newly rated", ""),
    (G, Rating.NOT_RECORDED, True, "no longer rated", ""),
    (G, Rating.NOT_RATED, False, "no longer rated, mapped, not identical", ""),
    (Rating.NOT_RECORDED, Rating.NOT_RATED, True, "", ""),
])
def test_each_kind_of_change_in_words_and_symbol(previous: Rating | None, current: Rating, same: bool,
                                                 value: str, symbol: str) -> None:
    moved = movement(previous, current, same)
    assert (moved.value, moved.symbol) == (value, symbol)


def test_the_words_for_a_screen_reader_say_mapped_across_frameworks() -> None:
    assert Movement(Change.DOWN).label == "down since the previous inspection"
    assert Movement(Change.SAME, mapped=True).label == (
        "same as the previous inspection; mapped, not identical: the previous inspection used "
        "another framework")
    assert Movement().label == ""
