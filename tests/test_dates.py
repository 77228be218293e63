"""Dates as sources write them, and days relative to a report (seed case: Reuters, 5 Oct 2016)."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from unsc_tracker.dates import (
    DateError,
    Month,
    add_working_days,
    parse_when,
    relative_day,
    relative_month,
)

REPORT = date(2016, 10, 5)  # Wednesday: the Reuters Arabic report on the Aleppo draft


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2016-10-08", date(2016, 10, 8)),
        ("6 October 2016", date(2016, 10, 6)),
        ("Thu 6 Oct 2016 15:00", datetime(2016, 10, 6, 15, 0)),
        ("2016-10-08T14:40", datetime(2016, 10, 8, 14, 40)),
        ("13/10/2016", date(2016, 10, 13)),
    ],
)
def test_parse_when_reads_written_dates(text: str, expected: date) -> None:
    assert parse_when(text) == expected
    assert type(parse_when(text)) is type(expected)


def test_numeric_date_that_reads_two_ways_is_refused() -> None:
    with pytest.raises(
        DateError,
        match=r"date '03/10/2016' is ambiguous: 3 October 2016 \(day first\) or 10 March 2016",
    ):
        parse_when("03/10/2016")


def test_incomplete_date_is_refused() -> None:
    with pytest.raises(DateError, match="date 'October 2016' is incomplete"):
        parse_when("October 2016")


def test_wrong_weekday_is_refused() -> None:
    with pytest.raises(DateError, match="names a Friday, but 2016-10-06 was a Thursday"):
        parse_when("Fri 6 Oct 2016")


def test_unreadable_date_names_the_field() -> None:
    with pytest.raises(DateError, match="vote date 'soon' cannot be read"):
        parse_when("soon", "vote date")


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        # The report's own sentences (seed_case_2016.md).
        ("يوم الاثنين", date(2016, 10, 3)),  # the Council began negotiations "on Monday"
        ("غدا الخميس", date(2016, 10, 6)),  # Ayrault goes to Moscow "tomorrow Thursday"
        ("بعد غد الجمعة", date(2016, 10, 7)),  # and to Washington "the day after tomorrow Friday"
        ("Monday", date(2016, 10, 3)),
        ("on Monday", date(2016, 10, 3)),
        ("tomorrow Thursday", date(2016, 10, 6)),
        ("tomorrow", date(2016, 10, 6)),
        ("the day after tomorrow Friday", date(2016, 10, 7)),
        ("after tomorrow Friday", date(2016, 10, 7)),
        ("yesterday", date(2016, 10, 4)),
        ("أمس", date(2016, 10, 4)),
        ("today", REPORT),
        ("اليوم", REPORT),
        ("Wednesday", REPORT),  # the report's own weekday is the report's day
        ("next Monday", date(2016, 10, 10)),
        ("on Monday next", date(2016, 10, 10)),
        ("الاثنين المقبل", date(2016, 10, 10)),
        ("last Wednesday", date(2016, 9, 28)),
        ("Friday", date(2016, 9, 30)),  # a bare weekday is in the past
    ],
)
def test_relative_day_on_the_report(phrase: str, expected: date) -> None:
    assert relative_day(phrase, REPORT) == expected


def test_friday_announced_as_future() -> None:
    assert relative_day("Friday", REPORT, tense="future") == date(2016, 10, 7)
    assert relative_day("الجمعة", REPORT, tense="future") == date(2016, 10, 7)


def test_tomorrow_with_the_wrong_weekday_is_an_error() -> None:
    with pytest.raises(
        DateError, match=r"'tomorrow Friday' names a Friday, but .* 2016-10-06, a Thursday"
    ):
        relative_day("tomorrow Friday", REPORT)


def test_unknown_relative_day_is_an_error() -> None:
    with pytest.raises(DateError, match="relative day 'someday' cannot be read"):
        relative_day("someday", REPORT)


def test_last_month_is_the_month_before() -> None:
    assert relative_month("last month", REPORT) == Month(2016, 9)
    assert relative_month("الشهر الماضي", REPORT) == Month(2016, 9)
    assert str(relative_month("last month", date(2016, 1, 20))) == "2015-12"
    with pytest.raises(DateError, match="relative month 'the other month' cannot be read"):
        relative_month("the other month", REPORT)


def test_working_days_skip_weekends() -> None:
    # The first GA veto debate: veto of 26 May 2022, debate on 8 June 2022 (PROCEDURE D13).
    due = add_working_days(date(2022, 5, 26), 10)
    assert due == date(2022, 6, 9)
    assert date(2022, 6, 8) <= due
