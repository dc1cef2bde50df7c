"""Direction of travel and age: the change since the previous inspection, in words, and the
filters and CLI columns built on it."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from click.testing import CliRunner

from inspector_gui.cli import main
from inspector_gui.domain.change import Change
from inspector_gui.domain.dates import PartialDate
from inspector_gui.domain.ratings import Rating
from inspector_gui.domain.records import Inspection
from inspector_gui.domain.travel import TravelFilter, age_in_years, latest_travel, travel
from inspector_gui.store import Store

TODAY = dt.date(2025, 7, 2)


def _inspection(published: str, overall: Rating, framework: str = "pdu-2021") -> Inspection:
    return Inspection(f"x-{published}", "x", framework, "", PartialDate(), PartialDate.parse(published),
                      overall, "", ())


def test_down_since_the_previous_inspection_in_words_and_symbol() -> None:
    moved = travel(_inspection("2024-07", Rating.INADEQUATE), _inspection("2022-01", Rating.GOOD), TODAY)
    assert moved.change.change is Change.DOWN and moved.worse
    assert moved.short == "▼ 1 y"
    assert moved.words == ("down since the previous inspection (Good, January 2022); "
                           "published 1.0 years ago")


def test_a_change_of_framework_is_shown_but_marked_mapped_not_identical() -> None:
    moved = travel(_inspection("2024-07", Rating.GOOD, "pdu-2023"), _inspection("2022", Rating.GOOD), TODAY)
    assert moved.change.change is Change.SAME and moved.across_frameworks
    assert moved.symbol == "=≈" and "mapped, not identical" in moved.words


def test_first_inspection_not_rated_and_undated() -> None:
    assert travel(_inspection("2025-01", Rating.GOOD), None, TODAY).words.startswith("first inspection")
    not_rated = travel(_inspection("2020", Rating.NOT_RATED), _inspection("2019", Rating.GOOD), TODAY)
    assert not_rated.change.change is Change.NO_LONGER_RATED and not_rated.symbol == ""
    assert age_in_years(PartialDate(), TODAY) is None
    assert latest_travel([]) is None


def test_filters_keep_worse_and_old_ones() -> None:
    down = travel(_inspection("2020-01", Rating.INADEQUATE), _inspection("2019", Rating.GOOD), TODAY)
    level = travel(_inspection("2025-01", Rating.GOOD), _inspection("2022", Rating.GOOD), TODAY)
    assert TravelFilter(worse=True).keeps(down) and not TravelFilter(worse=True).keeps(level)
    assert TravelFilter(older_than=5).keeps(down) and not TravelFilter(older_than=5).keeps(level)
    assert TravelFilter().keeps(None) and not TravelFilter(worse=True).keeps(None)


def test_previous_inspections_follow_the_providers_own_order(store: Store) -> None:
    for provider in store.providers()[:40]:
        newest_first = store.inspections(provider.provider_id)
        previous = store.previous_inspections([i.inspection_id for i in newest_first])
        for later, earlier in zip(newest_first, newest_first[1:], strict=False):
            assert previous[later.inspection_id] == earlier
        if newest_first:
            assert newest_first[-1].inspection_id not in previous


def test_ratings_lists_change_and_age(store_path: Path) -> None:
    result = CliRunner().invoke(main, ["ratings", "--provider", "West Yorkshire CRC", "--all-inspections",
                                       "--format", "json", "--store", str(store_path)])
    rows = {r["published"]: r for r in json.loads(result.stdout)}
    assert rows["2020-03"]["change"] == "same" and rows["2018-10-31"]["change"] == ""
    assert rows["2018-10-31"]["age"] > rows["2020-03"]["age"] > 5
    table = CliRunner().invoke(main, ["ratings", "--type", "PDU", "--store", str(store_path)]).stdout
    assert " change " in table and " age " in table and "mapped, not identical" in table
