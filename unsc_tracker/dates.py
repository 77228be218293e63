"""Dates as sources write them: ISO days, English dates, and days relative to a report.

:func:`parse_when` reads a written date and keeps the time of day only when the text gives one;
a numeric date that reads two ways (``03/10/2016``: 3 October or March 10?) is refused.

:func:`relative_day` turns the words a news report uses for nearby days ("Monday", "tomorrow
Thursday", "يوم الاثنين", "بعد غد الجمعة") into dates, counted from the report's own date. The
rule, in full:

- "today" / اليوم is the report's day; "yesterday" / أمس the day before; "tomorrow" / غدا the day
  after; "the day after tomorrow" / بعد غد two days after. A weekday name after these words
  ("tomorrow Thursday", "غدا الخميس") must name that day, or the phrase is an error.
- A bare weekday name ("Monday", "on Monday", "يوم الاثنين") refers to the past: the most recent
  such day within the six days before the report, or the report's own day when it names that
  weekday. A report about what happened speaks of the days just gone.
- "next Monday", "Monday next", "on Monday next" (and الاثنين المقبل / القادم), or a bare weekday
  with ``tense="future"``, is the first such day after the report (the report's own weekday
  counts as today with ``tense="future"``, as in the past).
- "last Monday" (الاثنين الماضي) is the most recent such day strictly before the report.

:func:`relative_month` reads "last month" (الشهر الماضي), "this month" and "next month" and
returns the month as a :class:`Month` (year and month), since a month is not a day.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from typing import Literal, NamedTuple

from dateutil import parser as _dateutil

from .errors import DateError

__all__ = [
    "DateError",
    "Month",
    "add_working_days",
    "parse_when",
    "relative_day",
    "relative_month",
]


class Month(NamedTuple):
    """A calendar month: what "last month" in a report refers to.

    >>> str(Month(2016, 9))
    '2016-09'
    """

    year: int
    month: int

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"


_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ISO_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}")
_NUMERIC = re.compile(r"^\s*(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2,4})\b")
_WEEKDAY_WORDS = {
    "mon": 0,
    "monday": 0,
    "tue": 1,
    "tues": 1,
    "tuesday": 1,
    "wed": 2,
    "wednesday": 2,
    "thu": 3,
    "thur": 3,
    "thurs": 3,
    "thursday": 3,
    "fri": 4,
    "friday": 4,
    "sat": 5,
    "saturday": 5,
    "sun": 6,
    "sunday": 6,
    # Arabic, after _arabic_key: alef forms unified, ta marbuta as ha.
    "الاثنين": 0,
    "الثلاثاء": 1,
    "الاربعاء": 2,
    "الخميس": 3,
    "الجمعه": 4,
    "السبت": 5,
    "الاحد": 6,
}
_DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# Two defaults that differ in every field: a field the text leaves out shows up as a difference.
_DEFAULT_A = datetime(2001, 1, 1, 0, 0, 0)
_DEFAULT_B = datetime(2002, 2, 2, 1, 1, 1)


def parse_when(text: str | date | datetime, what: str = "date") -> date | datetime:
    """A day, or a day and time, from ISO text or an English date; ``what`` names it in errors.

    >>> parse_when("2016-10-08")
    datetime.date(2016, 10, 8)
    >>> parse_when("Thu 6 Oct 2016 15:00")
    datetime.datetime(2016, 10, 6, 15, 0)
    >>> parse_when("03/10/2016")
    Traceback (most recent call last):
    unsc_tracker.errors.DateError: date '03/10/2016' is ambiguous: 3 October 2016 (day first) or ...
    """
    if isinstance(text, datetime | date):
        return text
    if not isinstance(text, str):
        raise DateError(f"{what} {text!r} is not a date: give text such as '2016-10-08'")
    raw = text.strip()
    if _ISO.match(raw):
        try:
            return date.fromisoformat(raw)
        except ValueError as err:
            raise DateError(f"{what} {text!r} is not a valid day: {err}") from None
    if _ISO_TIME.match(raw):
        try:
            return datetime.fromisoformat(raw)
        except ValueError as err:
            raise DateError(f"{what} {text!r} is not a valid day and time: {err}") from None
    numeric = _NUMERIC.match(raw)
    if numeric:
        _check_unambiguous(text, what, numeric)
    try:
        first = _dateutil.parse(raw, default=_DEFAULT_A, dayfirst=True)
        second = _dateutil.parse(raw, default=_DEFAULT_B, dayfirst=True)
    except (ValueError, OverflowError) as err:
        raise DateError(f"{what} {text!r} cannot be read as a date ({err})") from None
    if (first.year, first.month, first.day) != (second.year, second.month, second.day):
        raise DateError(f"{what} {text!r} is incomplete: give the day, the month and the year")
    _check_weekday(text, what, first.date())
    if (first.hour, first.minute) != (second.hour, second.minute):
        return first.date()
    return first


def _check_unambiguous(text: str, what: str, numeric: re.Match[str]) -> None:
    a, b = int(numeric.group(1)), int(numeric.group(2))
    if a <= 12 and b <= 12 and a != b:
        year = numeric.group(3)
        day_first = _spelled(year, b, a)
        month_first = _spelled(year, a, b)
        iso_a = f"{year}-{b:02d}-{a:02d}" if len(year) == 4 else f"..-{b:02d}-{a:02d}"
        iso_b = f"{year}-{a:02d}-{b:02d}" if len(year) == 4 else f"..-{a:02d}-{b:02d}"
        raise DateError(
            f"{what} {text!r} is ambiguous: {day_first} (day first) or {month_first} "
            f"(month first)? Write it as {iso_a} or {iso_b}"
        )


def _spelled(year: str, month: int, day: int) -> str:
    return f"{day} {date(2000, month, 1).strftime('%B')} {year}"


def _check_weekday(text: str, what: str, day: date) -> None:
    for word in re.findall(r"[A-Za-z]+", text):
        weekday = _WEEKDAY_WORDS.get(word.casefold())
        if weekday is not None and weekday != day.weekday():
            raise DateError(
                f"{what} {text!r} names a {_DAY_NAMES[weekday]}, but {day.isoformat()} "
                f"was a {_DAY_NAMES[day.weekday()]}"
            )


_ARABIC_MARKS = re.compile("[\u064b-\u0652\u0640]")  # harakat and tatweel


_ARABIC_FOLD = str.maketrans("أإآةى", "اااهي")


def _arabic_key(text: str) -> str:
    text = _ARABIC_MARKS.sub("", text)
    return text.translate(_ARABIC_FOLD)


def _words(phrase: str) -> list[str]:
    cleaned = _arabic_key(phrase).casefold().replace(",", " ").replace(".", " ")
    return cleaned.split()


_TODAY = {"today": 0, "اليوم": 0, "yesterday": -1, "امس": -1, "tomorrow": 1, "غدا": 1}
_FILLER = {"on", "the", "يوم", "this"}
_NEXT = {"next", "coming", "المقبل", "القادم"}
_LAST = {"last", "past", "الماضي"}


def relative_day(
    phrase: str,
    report: date | datetime | str,
    *,
    tense: Literal["past", "future"] | None = None,
) -> date:
    """The day a report means by ``phrase``, counted from the report's date.

    The rule is in the module docstring.

    With the Reuters report of Wednesday 5 October 2016 on the Aleppo draft:

    >>> report = date(2016, 10, 5)
    >>> relative_day("يوم الاثنين", report), relative_day("Monday", report)
    (datetime.date(2016, 10, 3), datetime.date(2016, 10, 3))
    >>> relative_day("غدا الخميس", report), relative_day("the day after tomorrow Friday", report)
    (datetime.date(2016, 10, 6), datetime.date(2016, 10, 7))
    >>> relative_day("Friday", report, tense="future")
    datetime.date(2016, 10, 7)
    """
    day = parse_when(report, "report date")
    base = day.date() if isinstance(day, datetime) else day
    words = [w for w in _words(phrase) if w not in _FILLER]
    if not words:
        raise DateError(f"relative day {phrase!r} names no day")
    offset: int | None = None
    if words[:3] == ["day", "after", "tomorrow"]:
        offset, rest = 2, words[3:]
    elif words[:2] in (["after", "tomorrow"], ["بعد", "غد"]):
        offset, rest = 2, words[2:]
    elif words[0] in _TODAY:
        offset, rest = _TODAY[words[0]], words[1:]
    if offset is not None:
        found = base + timedelta(days=offset)
        if rest:
            weekday = _weekday(phrase, rest)
            if weekday != found.weekday():
                raise DateError(
                    f"relative day {phrase!r} names a {_DAY_NAMES[weekday]}, but from a report "
                    f"dated {base.isoformat()} that day is {found.isoformat()}, a "
                    f"{_DAY_NAMES[found.weekday()]}"
                )
        return found
    direction = tense or "past"
    strict = False
    if words[0] in _NEXT or words[-1] in _NEXT:
        direction, strict = "future", True
    elif words[0] in _LAST or words[-1] in _LAST:
        direction, strict = "past", True
    names = [w for w in words if w not in _NEXT and w not in _LAST]
    weekday = _weekday(phrase, names)
    if direction == "past":
        back = (base.weekday() - weekday) % 7
        return base - timedelta(days=back or (7 if strict else 0))
    ahead = (weekday - base.weekday()) % 7
    return base + timedelta(days=ahead or (7 if strict else 0))


def _weekday(phrase: str, words: list[str]) -> int:
    if len(words) == 1 and words[0] in _WEEKDAY_WORDS:
        return _WEEKDAY_WORDS[words[0]]
    raise DateError(
        f"relative day {phrase!r} cannot be read: expected a weekday name (English or Arabic), "
        "optionally after today, yesterday, tomorrow, the day after tomorrow, next or last"
    )


_MONTHS = {
    ("last", "month"): -1,
    ("past", "month"): -1,
    ("previous", "month"): -1,
    ("this", "month"): 0,
    ("next", "month"): 1,
    ("الشهر", "الماضي"): -1,
    ("الشهر", "الحالي"): 0,
    ("هذا", "الشهر"): 0,
    ("الشهر", "المقبل"): 1,
    ("الشهر", "القادم"): 1,
}


def relative_month(phrase: str, report: date | datetime | str) -> Month:
    """The month a report means by "last month", "this month" or "next month" (or in Arabic).

    >>> relative_month("last month", date(2016, 10, 5))
    Month(year=2016, month=9)
    >>> str(relative_month("الشهر الماضي", date(2016, 1, 5)))
    '2015-12'
    """
    day = parse_when(report, "report date")
    words = [w for w in _words(phrase) if w not in {"the", "in", "في"}]
    shift = _MONTHS.get((words[0], words[1])) if len(words) == 2 else None
    if shift is None:
        raise DateError(
            f"relative month {phrase!r} cannot be read: "
            "expected last month, this month or next month"
        )
    index = day.year * 12 + day.month - 1 + shift
    return Month(index // 12, index % 12 + 1)


def add_working_days(start: date, days: int) -> date:
    """The day ``days`` working days (Monday to Friday) after ``start``.

    UN holidays are not counted yet: the result can be a day or two early around them.

    >>> add_working_days(date(2022, 5, 26), 10)
    datetime.date(2022, 6, 9)
    """
    found = start
    left = days
    while left > 0:
        found += timedelta(days=1)
        if found.weekday() < 5:
            left -= 1
    return found
