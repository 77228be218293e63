"""Every kind of bad input the fuzzing found, each with its smallest input: a library error (or a
``TypeError`` for an argument of the wrong Python type) naming the place and the value."""

from __future__ import annotations

from datetime import date

import pytest

import unsc_tracker as ut
from unsc_tracker.errors import BallotError, DateError, DraftError

# The Council of 23 December 2016 but the United States (resolution 2334 (2016), 14-0-1).
SEATED = ("China", "France", "Russia", "UK", "Angola", "Egypt", "Japan", "Malaysia")
SEATED += ("New Zealand", "Senegal", "Spain", "Ukraine", "Uruguay", "Venezuela")
FOURTEEN_YES = dict.fromkeys(SEATED, "yes")


# -- dates ------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["0/5/2016", "5/0/2016", "0/0/2016"])
def test_a_day_or_month_of_zero_is_a_date_error(text: str) -> None:
    with pytest.raises(DateError, match=f"date '{text}' cannot be read as a date"):
        ut.parse_when(text)


@pytest.mark.parametrize(
    ("phrase", "report"),
    [("tomorrow", "9999-12-31"), ("yesterday", "0001-01-01"), ("next Monday", "9999-12-31")],
)
def test_a_relative_day_beyond_the_calendar_is_a_date_error(phrase: str, report: str) -> None:
    with pytest.raises(DateError, match=f"'{phrase}' from {report} falls outside the calendar"):
        ut.relative_day(phrase, report)


def test_a_relative_month_beyond_the_calendar_is_a_date_error() -> None:
    with pytest.raises(DateError, match="'next month' from 9999-12-31 falls outside the calendar"):
        ut.relative_month("next month", "9999-12-31")


def test_a_phrase_beyond_the_calendar_in_a_text_is_found_unread() -> None:
    with pytest.warns(ut.DateWarning, match="falls outside the calendar"):
        (found,) = ut.find_dates("tomorrow", date(9999, 12, 31))
    assert found.when is None


def test_a_phrase_that_is_not_text_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="a relative day is text"):
        ut.relative_day(None, "2016-10-05")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="the text to search is text"):
        ut.find_dates(b"Monday", "2016-10-05")  # type: ignore[arg-type]


# -- tally and VoteRecord ---------------------------------------------------------------------


def test_a_vote_record_with_an_unknown_ballot_is_a_ballot_error() -> None:
    with pytest.raises(BallotError, match="field ballots: unknown ballot 'nay' for Russian"):
        ut.VoteRecord(date="2016-10-08", ballots={"Russia": "nay"})  # type: ignore[arg-type]


def test_tally_of_a_list_of_pairs_is_a_type_error() -> None:
    with pytest.raises(TypeError, match=r"not list: pass dict\(pairs\)"):
        ut.tally([("Russia", "no")], on="2016-10-08")  # type: ignore[arg-type]


def test_a_threshold_of_text_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="threshold is a whole number, not str '9'"):
        ut.tally(FOURTEEN_YES, on="2016-12-23", threshold="9")  # type: ignore[arg-type]


@pytest.mark.parametrize("threshold", [0, -1, 16])
def test_a_threshold_the_council_cannot_reach_is_a_ballot_error(threshold: int) -> None:
    with pytest.raises(BallotError, match=f"threshold {threshold} .* from 1 to 15"):
        ut.tally(FOURTEEN_YES, on="2016-12-23", threshold=threshold)


def test_procedural_given_as_a_word_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="procedural is True or False, not str 'no'"):
        ut.tally(FOURTEEN_YES, on="2016-12-23", procedural="no")  # type: ignore[arg-type]


# -- Resolution.parse -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "symbol", ["", "S/RES/0 (2016)", "S/RES/2334 (99999)", "S/RES/99999999999999999999 (2016)"]
)
def test_a_symbol_that_is_no_resolution_is_a_draft_error(symbol: str) -> None:
    with pytest.raises(DraftError, match="is not a resolution symbol"):
        ut.Resolution.parse(symbol)


def test_a_resolution_year_out_of_range_is_a_draft_error() -> None:
    with pytest.raises(DraftError, match=r"S/RES/1 \(1900\): field year: .* \(value 1900\)"):
        ut.Resolution.parse("S/RES/1 (1900)")


def test_a_resolution_symbol_that_is_not_text_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="a resolution symbol is text"):
        ut.Resolution.parse(None)  # type: ignore[arg-type]
