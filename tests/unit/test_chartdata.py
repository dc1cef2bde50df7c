"""Chart geometry as plain numbers: steps, offsets, stacks, hit-testing and intervals."""

from __future__ import annotations

import math

import pytest

from inspector_gui.domain.chartdata import (
    BAR_WIDTH,
    NOT_GRADED_LEVEL,
    Caption,
    HeatCell,
    HeatColumn,
    HeatmapChart,
    HeatRow,
    HistoryChart,
    Marker,
    NationalChart,
    Segment,
    TrendPoint,
    TrendSeries,
    series_offsets,
    step_path,
    wilson_interval,
)
from inspector_gui.domain.ratings import Rating

CAPTION = Caption("Title", "Subtitle", "12 June 2025", "Source: test")


def marker(x: float, rating: Rating, dated: bool = True) -> Marker:
    return Marker(f"i-{x}", x, rating, dated, None if dated else (x - 1, x + 1), ("tip",))


def test_step_path_holds_each_rating_until_the_next_inspection():
    xs, ys = step_path([marker(2019.0, Rating.GOOD), marker(2021.0, Rating.INADEQUATE),
                        marker(2023.0, Rating.REQUIRES_IMPROVEMENT)])
    assert xs == [2019.0, 2021.0, 2021.0, 2023.0, 2023.0]
    assert ys == [2, 2, 0, 0, 1]


def test_step_path_breaks_where_an_inspection_has_no_grade():
    xs, ys = step_path([marker(2019.0, Rating.GOOD), marker(2020.0, Rating.NOT_RATED)])
    assert xs == [2019.0, 2020.0, 2020.0]
    assert ys[:2] == [2, 2] and math.isnan(ys[2])
    assert step_path([]) == ([], [])


def test_history_step_uses_dated_markers_only_and_range_spans_two_years():
    chart = HistoryChart(CAPTION, (marker(2019.5, Rating.GOOD), marker(2022.5, Rating.INADEQUATE, False)),
                         (), (), ())
    assert chart.step() == ([2019.5], [2.0])
    low, high = chart.x_range()
    assert low <= 2019.5 - 0.4 and high >= 2023.5
    single = HistoryChart(CAPTION, (marker(2019.5, Rating.GOOD),), (), (), ())
    low, high = single.x_range()
    assert high - low >= 2


def test_ungraded_markers_sit_below_inadequate_and_name_their_lane():
    chart = HistoryChart(CAPTION, (marker(2020.0, Rating.NOT_RATED), marker(2021.0, Rating.GOOD)),
                         (), (), ())
    assert chart.overall[0].level == NOT_GRADED_LEVEL < Rating.INADEQUATE.level
    assert chart.has_ungraded and chart.ungraded_label() == "Not rated"


@pytest.mark.parametrize("count", range(0, 13))
def test_series_offsets_are_distinct_within_the_band_and_clear_of_the_overall_marker(count):
    offsets = series_offsets(count)
    assert len(offsets) == count == len(set(offsets))
    assert all(0.1 - 1e-9 <= abs(o) <= 0.24 + 1e-9 for o in offsets)
    assert offsets == sorted(offsets, reverse=True)


def national() -> NationalChart:
    segments = (Segment("2019", 0, Rating.INADEQUATE, 1, 4, ("a",)),
                Segment("2019", 0, Rating.GOOD, 3, 4, ("b", "c", "d")),
                Segment("2021", 2, Rating.REQUIRES_IMPROVEMENT, 2, 2, ("e", "f")))
    return NationalChart(CAPTION, "year", "CRC", ("2019", "2020", "2021"), segments, ())


def test_stacks_accumulate_per_period_in_counts_and_percentages():
    chart = national()
    assert [(s.rating, b, h) for s, b, h in chart.stacks(False)] == [
        (Rating.INADEQUATE, 0.0, 1.0), (Rating.GOOD, 1.0, 3.0), (Rating.REQUIRES_IMPROVEMENT, 0.0, 2.0)]
    assert [(b, h) for _, b, h in chart.stacks(True)] == [(0.0, 25.0), (25.0, 75.0), (0.0, 100.0)]
    assert chart.totals() == [4, 0, 2]


def test_segment_at_finds_the_segment_under_a_point_and_nothing_between_bars():
    chart = national()
    assert chart.segment_at(0.1, 0.5, False).rating is Rating.INADEQUATE
    assert chart.segment_at(-0.2, 3.9, False).inspection_ids == ("b", "c", "d")
    assert chart.segment_at(0.0, 50, True).rating is Rating.GOOD
    assert chart.segment_at(BAR_WIDTH / 2 + 0.05, 1, False) is None
    assert chart.segment_at(1.0, 0.5, False) is None
    assert chart.segment_at(0.0, 4.5, False) is None


def test_describe_names_rating_period_type_and_count():
    chart = national()
    assert chart.describe(chart.segments[0]) == "Inadequate, 2019, CRC (1 inspection)"
    assert chart.describe(chart.segments[1]) == "Good, 2019, CRC (3 inspections)"


def test_heat_cell_at_and_labels():
    cells = (HeatCell(0, 0, Rating.GOOD, True, True, ("t",)),
             HeatCell(1, 0, Rating.INADEQUATE, True, False, ("t",)),
             HeatCell(0, 1, Rating.NOT_RECORDED, True, True, ("t",)),
             HeatCell(1, 1, Rating.NOT_RECORDED, False, True, ("t",)))
    chart = HeatmapChart(CAPTION, (HeatRow("Overall", ""), HeatRow("1.1 X", "")),
                         (HeatColumn("a", "2019", "F"), HeatColumn("b", "2020", "F")), cells)
    assert chart.cell_at(1.2, 0.9) is cells[3]
    assert chart.cell_at(-0.4, 0.3) is cells[0]
    assert chart.cell_at(2.0, 0.0) is None
    assert [c.text for c in cells] == ["G", "I*", "–", "n/a"]


def test_wilson_interval_is_honest_for_small_samples():
    assert wilson_interval(0, 8) == pytest.approx((0.0, 0.3244), abs=1e-3)
    low, high = wilson_interval(1, 1)
    assert high == 1.0 and low == pytest.approx(0.2065, abs=1e-3)
    assert wilson_interval(0, 0) == (0.0, 1.0)
    wide, narrow = wilson_interval(1, 2), wilson_interval(50, 100)
    assert wide[1] - wide[0] > narrow[1] - narrow[0]


def test_trend_points_and_runs_split_at_missing_years():
    series = TrendSeries("1", "Domain 1", (TrendPoint(2019, 3, 4), TrendPoint(2020, 2, 2),
                                           TrendPoint(2022, 0, 8)))
    assert [[p.year for p in run] for run in series.runs()] == [[2019, 2020], [2022]]
    assert series.points[0].share == 0.75 and series.points[0].small
    assert not series.points[2].small


def test_caption_footer_carries_as_at_and_source():
    assert CAPTION.footer() == "Data as at 12 June 2025 · Source: test"
    assert Caption("t", "s", "", "src").footer().startswith("Data date unknown")
