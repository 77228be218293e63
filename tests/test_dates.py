"""Dates as sources write them, and days relative to a report (the Reuters Arabic report of 5 Oct 2016)."""

from __future__ import annotations

import warnings
from datetime import date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from unsc_tracker.dates import (
    DateError,
    DateWarning,
    FoundDate,
    Month,
    add_working_days,
    find_dates,
    parse_when,
    relative_day,
    relative_month,
    relative_when,
)

REPORT = date(2016, 10, 5)  # Wednesday: the Reuters Arabic report on the Aleppo draft


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2016-10-08", date(2016, 10, 8)),
        # Year, month, day without the zeros: not read day first (it once gave 12 September).
        ("2016-12-9", date(2016, 12, 9)),
        ("2016-1-13", date(2016, 1, 13)),
        ("6 October 2016", date(2016, 10, 6)),
        ("Thu 6 Oct 2016 15:00", datetime(2016, 10, 6, 15, 0)),
        ("2016-10-08T14:40", datetime(2016, 10, 8, 14, 40)),
        ("13/10/2016", date(2016, 10, 13)),
        # Whole hours keep their time (the minutes are 0).
        ("Sat 8 Oct 2016 3 p.m.", datetime(2016, 10, 8, 15, 0)),
        ("8 October 2016 11 am", datetime(2016, 10, 8, 11, 0)),
        ("8 Oct 2016 15h", datetime(2016, 10, 8, 15, 0)),
        ("8 Oct 2016 15h30", datetime(2016, 10, 8, 15, 30)),
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
        # "this <weekday>" is in the report's week, before or after it.
        ("this Friday", date(2016, 10, 7)),
        ("this Monday", date(2016, 10, 3)),
        ("this Sunday", date(2016, 10, 9)),
        ("Friday next week", date(2016, 10, 14)),
        ("Monday last week", date(2016, 9, 26)),
        # Arabic weekdays with feminine adjectives (الجمعة is feminine).
        ("الجمعة المقبلة", date(2016, 10, 7)),
        ("الجمعة القادمة", date(2016, 10, 7)),
        ("الجمعة الماضية", date(2016, 9, 30)),
        ("الأربعاء الماضي", date(2016, 9, 28)),
        ("الجمعة من الأسبوع المقبل", date(2016, 10, 14)),
        # Parts of the day leave the day as it is.
        ("صباح الغد", date(2016, 10, 6)),
        ("مساء أمس", date(2016, 10, 4)),
        ("ظهر اليوم", REPORT),
        ("غدا صباحا", date(2016, 10, 6)),
        ("tomorrow morning", date(2016, 10, 6)),
        ("this evening", REPORT),
        ("last night", date(2016, 10, 4)),
        ("أول أمس", date(2016, 10, 3)),
        # A day and month, with no year: the one nearest the report.
        ("Thursday 6 October", date(2016, 10, 6)),
        ("الخميس السادس من أكتوبر", date(2016, 10, 6)),
        ("السادس من تشرين الأول/أكتوبر 2016", date(2016, 10, 6)),
        ("الحادي والعشرين من سبتمبر", date(2016, 9, 21)),
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


def test_this_evening_friday_in_arabic() -> None:
    # "مساء اليوم الجمعة": this evening, Friday; the report must be of a Friday.
    assert relative_day("مساء اليوم الجمعة", date(2016, 10, 7)) == date(2016, 10, 7)
    with pytest.raises(DateError, match=r"names a Friday, but .* 2016-10-05, a Wednesday"):
        relative_day("مساء اليوم الجمعة", REPORT)


@pytest.mark.parametrize(
    ("phrase", "report", "expected"),
    [
        ("tomorrow at 3 p.m.", REPORT, datetime(2016, 10, 6, 15, 0)),
        ("3 p.m. tomorrow", REPORT, datetime(2016, 10, 6, 15, 0)),
        ("this Saturday, 11 am", REPORT, datetime(2016, 10, 8, 11, 0)),
        ("15h tomorrow", date(2016, 10, 7), datetime(2016, 10, 8, 15, 0)),
        ("tomorrow at noon", REPORT, datetime(2016, 10, 6, 12, 0)),
        ("يوم السبت الساعة 3 مساء", date(2016, 10, 8), datetime(2016, 10, 8, 15, 0)),
        ("غدا الساعة 15:00", date(2016, 10, 7), datetime(2016, 10, 8, 15, 0)),
        ("tomorrow", REPORT, date(2016, 10, 6)),
    ],
)
def test_relative_when_keeps_whole_hours(phrase: str, report: date, expected: date) -> None:
    assert relative_when(phrase, report) == expected
    assert type(relative_when(phrase, report)) is type(expected)
    assert relative_day(phrase, report) == (
        expected.date() if isinstance(expected, datetime) else expected
    )


def test_arabic_hour_without_part_of_day_is_not_a_time() -> None:
    # "الساعة 3" alone reads as 3 a.m. or 3 p.m.: the phrase is not read as a time.
    with pytest.raises(DateError, match="cannot be read"):
        relative_when("غدا الساعة 3", REPORT)


@pytest.mark.parametrize(
    ("phrase", "first", "other"),
    [
        ("next Friday", date(2016, 10, 7), "2016-10-14"),
        ("last Monday", date(2016, 10, 3), "2016-09-26"),
    ],
)
def test_next_and_last_within_the_week_warn(phrase: str, first: date, other: str) -> None:
    with pytest.warns(DateWarning, match=f"it may also mean {other}"):
        assert relative_day(phrase, REPORT) == first


def test_next_and_last_beyond_the_week_do_not_warn() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert relative_day("next Monday", REPORT) == date(2016, 10, 10)
        assert relative_day("last Wednesday", REPORT) == date(2016, 9, 28)


def test_a_month_is_not_a_day() -> None:
    with pytest.raises(DateError, match=r"names a month \(2016-09\), not a day"):
        relative_day("last month", REPORT)


# The sentence finder. These sentences are written for the tests from the facts of the Reuters
# The Reuters Arabic report of Wednesday 5 October 2016, in its phrasing of the dates.
ARABIC_REPORT = (
    "بدأ أعضاء مجلس الأمن الخمسة عشر يوم الاثنين التفاوض على مسودة القرار الفرنسي الإسباني. "
    "ويتوجه وزير الخارجية الفرنسي إلى موسكو غدا الخميس ثم إلى واشنطن بعد غد الجمعة، "
    "وقالت الوزارة إنه يزور موسكو يوم الخميس السادس من أكتوبر وواشنطن يوم الجمعة السابع من "
    "أكتوبر، بعد انهيار هدنة الشهر الماضي."
)
ENGLISH_REPORT = (
    "The fifteen members of the Security Council began negotiating the French-Spanish draft on "
    "Monday. France's foreign minister flies to Moscow tomorrow, Thursday, and to Washington the "
    "day after tomorrow, Friday; the ministry said he would be in Moscow on Thursday 6 October "
    "and in Washington on Friday, October 7, after a truce agreed last month collapsed."
)


def _found(text: str, report: date, **kwargs: object) -> list[FoundDate]:
    with pytest.warns(DateWarning) as caught:
        found = find_dates(text, report, **kwargs)  # type: ignore[arg-type]
    assert len(caught) == 1
    return found


def test_find_dates_in_the_arabic_report() -> None:
    found = _found(ARABIC_REPORT, REPORT)
    assert [(f.text, f.when) for f in found] == [
        ("يوم الاثنين", date(2016, 10, 3)),
        ("غدا الخميس", date(2016, 10, 6)),
        ("بعد غد الجمعة", date(2016, 10, 7)),
        ("يوم الخميس السادس من أكتوبر", date(2016, 10, 6)),
        ("يوم الجمعة السابع من أكتوبر", date(2016, 10, 7)),
        ("الشهر الماضي", Month(2016, 9)),
    ]
    for f in found:
        assert ARABIC_REPORT[f.start : f.end] == f.text
    # "Monday" alone could be the coming Monday: it is read by the default rule, and said so.
    monday = found[0]
    assert monday.ambiguous
    assert monday.alternative == date(2016, 10, 10)
    assert [f.ambiguous for f in found[1:]] == [False] * 5


def test_find_dates_warning_names_the_phrase() -> None:
    with pytest.warns(DateWarning, match="'يوم الاثنين' .* 2016-10-03, Monday, no tense given"):
        find_dates(ARABIC_REPORT, REPORT)


def test_find_dates_in_the_english_report() -> None:
    found = _found(ENGLISH_REPORT, REPORT)
    assert [(f.text, f.when) for f in found] == [
        ("Monday", date(2016, 10, 3)),
        ("tomorrow, Thursday", date(2016, 10, 6)),
        ("the day after tomorrow, Friday", date(2016, 10, 7)),
        ("Thursday 6 October", date(2016, 10, 6)),
        ("Friday, October 7", date(2016, 10, 7)),
        ("last month", Month(2016, 9)),
    ]
    for f in found:
        assert ENGLISH_REPORT[f.start : f.end] == f.text


def test_a_weekday_alone_takes_the_date_the_text_gives_it() -> None:
    # "on Thursday and Friday" (يومي الخميس والجمعة): the text dates both days elsewhere.
    text = "سيسافر الوزير يومي الخميس والجمعة، فيزور موسكو غدا الخميس وواشنطن بعد غد الجمعة."
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        found = find_dates(text, REPORT)
    assert [(f.text, f.when) for f in found] == [
        ("يومي الخميس", date(2016, 10, 6)),
        ("الجمعة", date(2016, 10, 7)),
        ("غدا الخميس", date(2016, 10, 6)),
        ("بعد غد الجمعة", date(2016, 10, 7)),
    ]
    assert "the same text dates as 2016-10-06 ('غدا الخميس')" in found[0].how


def test_tense_decides_a_weekday_alone() -> None:
    text = "The Council will vote on Saturday at 3 p.m."
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        (vote,) = find_dates(text, REPORT, tense="future")
    assert (vote.text, vote.when) == ("Saturday at 3 p.m.", datetime(2016, 10, 8, 15, 0))
    with pytest.warns(DateWarning, match="the coming one is 2016-10-08"):
        (guess,) = find_dates(text, REPORT)
    assert guess.when == datetime(2016, 10, 1, 15, 0)
    assert guess.ambiguous


def test_find_dates_times_and_parts_of_day() -> None:
    text = "ويصوت المجلس مساء اليوم الجمعة، وكان الوزير قد زار موسكو صباح أمس."
    found = find_dates(text, date(2016, 10, 7))
    assert [(f.text, f.when, f.part) for f in found] == [
        ("مساء اليوم الجمعة", date(2016, 10, 7), "evening"),
        ("صباح أمس", date(2016, 10, 6), "morning"),
    ]
    english = find_dates(
        "The vote is tomorrow at 11 am, not this evening or 15h Friday next week.", REPORT
    )
    assert [(f.text, f.when, f.part) for f in english] == [
        ("tomorrow at 11 am", datetime(2016, 10, 6, 11, 0), None),
        ("this evening", REPORT, "evening"),
        ("15h Friday next week", datetime(2016, 10, 14, 15, 0), None),
    ]


def test_find_dates_refuses_what_reads_two_ways_and_keeps_going() -> None:
    text = "Adopted on 03/10/2016; voted tomorrow Friday; debated on 2016-10-08."
    with pytest.warns(DateWarning, match="2 date phrase"):
        found = find_dates(text, REPORT)
    assert [f.when for f in found] == [None, None, date(2016, 10, 8)]
    assert "ambiguous: 3 October 2016 (day first) or 10 March 2016" in found[0].how
    assert "'tomorrow Friday' names a Friday" in found[1].how


def test_find_dates_skips_words_that_only_look_like_dates() -> None:
    text = "اليوم التالي للاجتماع، في اليوم العالمي للسلام، قال إنه مارس ضغوطا. They may act."
    assert find_dates(text, REPORT) == []


def test_harakat_are_kept_in_the_span() -> None:
    text = "يتوجه الوزير غداً الخميسَ إلى موسكو"
    (found,) = find_dates(text, REPORT)
    assert found.text == "غداً الخميسَ"
    assert found.when == date(2016, 10, 6)


weekdays = st.sampled_from(
    ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
)
reports = st.dates(date(1990, 1, 1), date(2030, 12, 31))


@given(reports, weekdays)
def test_this_is_in_the_report_week(report: date, weekday: str) -> None:
    day = relative_day(f"this {weekday}", report)
    assert day.isocalendar()[:2] == report.isocalendar()[:2]
    assert day.strftime("%A") == weekday


@given(reports, weekdays)
def test_past_and_future_readings_bracket_the_report(report: date, weekday: str) -> None:
    past = relative_day(weekday, report)
    future = relative_day(weekday, report, tense="future")
    assert past <= report <= future
    assert (report - past).days <= 6
    assert (future - report).days <= 6
    assert past.weekday() == future.weekday()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DateWarning)
        assert report < relative_day(f"next {weekday}", report) <= report + timedelta(days=7)
        assert report - timedelta(days=7) <= relative_day(f"last {weekday}", report) < report


@given(
    st.lists(
        st.sampled_from(
            [
                "غدا الخميس",
                "tomorrow",
                "Thursday 6 October",
                "الشهر الماضي",
                "بعد غد",
                "this Friday at 3 p.m.",
                "صباح اليوم",
            ]
        ),
        max_size=5,
    ),
    st.lists(
        st.sampled_from(["the Council met", "وقال", "، ", ". ", "(", "draft S/2016/846"]),
        min_size=6,
        max_size=6,
    ),
)
def test_spans_point_at_the_phrases(phrases: list[str], filler: list[str]) -> None:
    text = " ".join(f"{filler[i]} {p}" for i, p in enumerate(phrases)) + " " + filler[-1]
    found = find_dates(text, REPORT)
    assert [f.text for f in found] == phrases
    for f in found:
        assert text[f.start : f.end] == f.text
