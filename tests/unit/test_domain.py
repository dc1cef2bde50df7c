"""The rating scale, partial dates and scores: pure Python, no store."""

from __future__ import annotations

import pytest

from inspector_gui.domain import Framework, PartialDate, Rating, Standard, compute_score


@pytest.mark.parametrize(("text", "rating"), [
    ("Outstanding", Rating.OUTSTANDING), ("good", Rating.GOOD),
    ("Requires  Improvement", Rating.REQUIRES_IMPROVEMENT), ("Poor", Rating.INADEQUATE),
    ("Inadequate", Rating.INADEQUATE), ("Not rated", Rating.NOT_RATED), ("", Rating.NOT_RECORDED),
])
def test_rating_words_parse(text: str, rating: Rating) -> None:
    assert Rating.parse(text) is rating


def test_unknown_rating_word_is_rejected() -> None:
    with pytest.raises(ValueError, match="unknown rating 'Excellent'"):
        Rating.parse("Excellent")


def test_not_rated_and_not_recorded_are_distinct_and_ungraded() -> None:
    assert Rating.NOT_RATED is not Rating.NOT_RECORDED
    assert not Rating.NOT_RATED.is_graded and not Rating.NOT_RECORDED.is_graded
    assert Rating.NOT_RECORDED.label == "Not recorded"
    assert [r.level for r in (Rating.OUTSTANDING, Rating.INADEQUATE, Rating.NOT_RATED)] == [3, 0, None]


@pytest.mark.parametrize(("text", "iso", "display"), [
    ("2019", "2019", "2019"), ("2019-05", "2019-05", "May 2019"),
    ("2019-05-08", "2019-05-08", "8 May 2019"), ("", "", "date unknown"),
])
def test_partial_dates_keep_their_precision(text: str, iso: str, display: str) -> None:
    date = PartialDate.parse(text)
    assert date.iso() == iso
    assert date.display() == display


@pytest.mark.parametrize("text", ["2019-13", "2019-02-30", "19-05-08", "May 2019", "2019-5"])
def test_bad_or_impossible_dates_are_rejected(text: str) -> None:
    with pytest.raises(ValueError):
        PartialDate.parse(text)


def test_partial_dates_sort_sensibly() -> None:
    texts = ["2019-05-08", "2018", "2019", "", "2019-05", "2018-12-31"]
    ordered = [d.iso() for d in sorted(PartialDate.parse(t) for t in texts)]
    assert ordered == ["", "2018", "2018-12-31", "2019", "2019-05", "2019-05-08"]


def test_decimal_year_places_partial_dates_mid_period() -> None:
    assert PartialDate.parse("2019").decimal_year() == 2019.5
    assert 2019.33 < PartialDate.parse("2019-05").decimal_year() < 2019.42
    assert PartialDate.parse("2019-01-01").decimal_year() == pytest.approx(2019 + 0.5 / 365)
    assert PartialDate.parse("").decimal_year() is None


def _framework() -> Framework:
    standards = tuple(Standard("fw", "1", "Org", f"1.{i}", f"S{i}") for i in range(1, 4))
    standards += (Standard("fw", "4", "CRC", "4.1", "Unpaid work", applies_to="CRC"),)
    points = {Rating.OUTSTANDING: 3, Rating.GOOD: 2, Rating.REQUIRES_IMPROVEMENT: 1, Rating.INADEQUATE: 0}
    return Framework("fw", "Test", ("CRC", "NPS division"), points=points, standards=standards)


def test_score_needs_every_applicable_standard() -> None:
    fw = _framework()
    ratings = {"1.1": Rating.GOOD, "1.2": Rating.OUTSTANDING, "1.3": Rating.INADEQUATE}
    nps = compute_score(fw, "NPS division", ratings)
    assert (nps.points, nps.maximum, nps.label) == (5, 9, "5 of 9")
    crc = compute_score(fw, "CRC", ratings)
    assert crc.points is None
    assert crc.label == "3 of 4 standards recorded"


def test_not_rated_standard_does_not_complete_a_score() -> None:
    ratings = {"1.1": Rating.GOOD, "1.2": Rating.GOOD, "1.3": Rating.NOT_RATED}
    assert compute_score(_framework(), "NPS division", ratings).label == "2 of 3 standards recorded"
