"""Days relative to a report: the rule that turns "Monday", "tomorrow Thursday" or "الجمعة
المقبلة" into a day counted from the report's date, and months ("last month").

The rule in full is in the package's docstring (:mod:`unsc_tracker.dates`).
"""

from __future__ import annotations

import warnings
from datetime import date, datetime, time, timedelta
from typing import Literal, NamedTuple

from ..errors import DateError, DateWarning
from .parsing import parse_when
from .phrases import _Parse, _Scanner
from .words import _DAY_NAMES, _fold, _tokens, _words

__all__ = ["Month", "Tense", "add_working_days", "relative_day", "relative_month", "relative_when"]

Tense = Literal["past", "future"]


class Month(NamedTuple):
    """A calendar month: what "last month" in a report refers to.

    >>> str(Month(2016, 9))
    '2016-09'
    """

    year: int
    month: int

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"


BEYOND = "falls outside the calendar (years 1 to 9999)"


def _plus(day: date, days: int) -> date | None:
    """``days`` after ``day``, or None beyond the calendar."""
    try:
        return day + timedelta(days=days)
    except OverflowError:
        return None


def text_argument(value: object, what: str) -> str:
    """``value``, once sure it is text: a phrase or a text to search (a TypeError otherwise)."""
    if not isinstance(value, str):
        from ..arguments import given

        raise TypeError(f"{what} is text (str), not {given(value)}")
    return value


def _report_day(report: date | datetime | str) -> date:
    day = parse_when(report, "report date")
    return day.date() if isinstance(day, datetime) else day


def _same_week(a: date, b: date) -> bool:
    return a.isocalendar()[:2] == b.isocalendar()[:2]


_OFFSETS = {
    0: "today: the report's day",
    1: "tomorrow: the day after the report",
    -1: "yesterday: the day before the report",
    2: "the day after tomorrow: two days after the report",
    -2: "the day before yesterday: two days before the report",
}


class _Reading(NamedTuple):
    when: date | datetime | Month | None
    how: str
    ambiguous: bool = False
    alternative: date | Month | None = None


def _resolve(found: _Parse, base: date, words: str) -> _Reading:
    """What a phrase other than a bare weekday means, counted from ``base``."""
    if found.problem is not None:
        return _Reading(None, f"{words!r}: {found.problem}")
    try:
        reading = _resolve_day(found, base, words)
    except OverflowError:
        return _Reading(None, f"{words!r} from {base.isoformat()} {BEYOND}")
    when = reading.when
    if found.clock is not None and type(when) is date:
        when = datetime.combine(when, time(*found.clock))
        reading = reading._replace(when=when)
    return reading


def _resolve_day(found: _Parse, base: date, words: str) -> _Reading:
    if found.fixed is not None:
        try:
            return _Reading(parse_when(found.fixed), "a date written in full")
        except DateError as err:
            return _Reading(None, str(err))
    if found.month_shift is not None:
        index = base.year * 12 + base.month - 1 + found.month_shift
        name = {-1: "last month", 0: "this month", 1: "next month"}[found.month_shift]
        return _Reading(Month(index // 12, index % 12 + 1), f"{name}, from the report's month")
    if found.month is not None and found.day is None:
        if found.year is not None:
            return _Reading(Month(found.year, found.month), "a month and year")
        return _nearest_month(found.month, base)
    if found.month is not None and found.day is not None:
        return _calendar_day(found, base, words)
    weekday = found.weekday
    if found.offset is not None:
        day = base + timedelta(days=found.offset)
        if weekday is not None and weekday != day.weekday():
            return _Reading(
                None,
                f"{words!r} names a {_DAY_NAMES[weekday]}, but from a report dated "
                f"{base.isoformat()} that day is {day.isoformat()}, a {_DAY_NAMES[day.weekday()]}",
            )
        return _Reading(day, _OFFSETS[found.offset])
    assert weekday is not None
    name = _DAY_NAMES[weekday]
    monday = base - timedelta(days=base.weekday())
    qualifier = found.qualifier
    if qualifier == "this":
        day = monday + timedelta(days=weekday)
        return _Reading(day, f"this {name}: the {name} of the report's week (Monday to Sunday)")
    if qualifier in ("next_week", "last_week"):
        weeks = 1 if qualifier == "next_week" else -1
        day = monday + timedelta(days=weekday + 7 * weeks)
        which = "after" if weeks == 1 else "before"
        return _Reading(day, f"{name} of the week {which} the report's")
    if qualifier == "next":
        day = base + timedelta(days=(weekday - base.weekday()) % 7 or 7)
        how = f"next {name}: the first {name} after the report"
        other = day + timedelta(days=7)
    else:
        day = base - timedelta(days=(base.weekday() - weekday) % 7 or 7)
        how = f"last {name}: the most recent {name} before the report"
        other = day - timedelta(days=7)
    if found.english and _same_week(day, base):
        # "next Friday" on a Wednesday: this week's Friday, or the next week's?
        week = "next" if qualifier == "next" else "last"
        how += (
            f"; it may also mean {other.isoformat()}, the {name} of {week} week: "
            f"write 'this {name}' or '{name} {week} week'"
        )
        return _Reading(day, how, True, other)
    return _Reading(day, how)


def _nearest_month(month: int, base: date) -> _Reading:
    here = base.year * 12 + base.month - 1
    options = sorted(
        (abs(year * 12 + month - 1 - here), year)
        for year in (base.year - 1, base.year, base.year + 1)
    )
    (gap, year), (next_gap, other) = options[0], options[1]
    how = f"{date(2000, month, 1):%B} with no year: the one nearest the report"
    if gap == next_gap:
        alternative = Month(other, month)
        how += f"; {alternative} is as near"
        return _Reading(Month(year, month), how, True, alternative)
    return _Reading(Month(year, month), how)


def _calendar_day(found: _Parse, base: date, words: str) -> _Reading:
    assert found.month is not None
    assert found.day is not None
    years = [found.year] if found.year is not None else [base.year - 1, base.year, base.year + 1]
    days = []
    for year in years:
        try:
            days.append(date(year, found.month, found.day))
        except ValueError:
            continue
    if not days:
        return _Reading(None, f"{words!r} is not a day of the calendar")
    day = min(days, key=lambda d: abs((d - base).days))
    if found.weekday is not None and found.weekday != day.weekday():
        return _Reading(
            None,
            f"{words!r} names a {_DAY_NAMES[found.weekday]}, but {day.isoformat()} is a "
            f"{_DAY_NAMES[day.weekday()]}",
        )
    if found.year is not None:
        return _Reading(day, "a date with its year")
    return _Reading(day, "a day and month with no year: the one nearest the report")


def _bare_weekday(weekday: int, base: date, tense: Tense | None) -> _Reading:
    """A weekday name alone, by the tense given or the default rule (the past one)."""
    name = _DAY_NAMES[weekday]
    past = _plus(base, -((base.weekday() - weekday) % 7))
    future = _plus(base, (weekday - base.weekday()) % 7)
    chosen = future if tense == "future" else past
    if chosen is None:
        return _Reading(None, f"{name} from {base.isoformat()} {BEYOND}")
    if tense == "future":
        return _Reading(chosen, f"{name} (tense='future'): the first {name} on or after the report")
    if tense == "past" or future is None:  # no coming one: at the end of the calendar
        said = " (tense='past')" if tense else ""
        return _Reading(chosen, f"{name}{said}: the most recent {name} up to the report")
    if past == future:
        return _Reading(past, f"{name}: the report's own day")
    return _Reading(
        past,
        f"{name}, no tense given: the most recent {name}, by the default rule; the coming one "
        f"is {future.isoformat()}: pass tense='future' if the text means it",
        True,
        future,
    )


def relative_when(
    phrase: str, report: date | datetime | str, *, tense: Tense | None = None
) -> date | datetime:
    """The day, or day and time, a report means by ``phrase``, counted from the report's date.

    The rule is in the module docstring; a bare weekday follows ``tense`` (default: the past).
    A phrase that reads two ways (English "next Friday" on a Wednesday) gives the first reading
    and a :class:`~unsc_tracker.errors.DateWarning` naming the other.

    >>> relative_when("Saturday at 3 p.m.", date(2016, 10, 7), tense="future")
    datetime.datetime(2016, 10, 8, 15, 0)
    >>> relative_when("مساء اليوم الجمعة", date(2016, 10, 7))
    datetime.date(2016, 10, 7)
    """
    base = _report_day(report)
    folded, _ = _fold(text_argument(phrase, "a relative day"))
    tokens = _tokens(folded)
    start, end = 0, len(tokens)
    while start < end and tokens[start].text in ("on", "في"):
        start += 1
    while end > start and tokens[end - 1].text in (".", ",", "،"):
        end -= 1
    if start == end:
        raise DateError(f"relative day {phrase!r} names no day")
    scanner = _Scanner(tokens[:end], whole=True)
    found = scanner.parse(start)
    if found is None or found.end != end:
        raise DateError(
            f"relative day {phrase!r} cannot be read: expected a weekday name (English or "
            "Arabic), optionally after today, yesterday, tomorrow, the day after tomorrow, this, "
            "next or last, or a day and month"
        )
    if found.bare:
        assert found.weekday is not None
        reading = _bare_weekday(found.weekday, base, tense or "past")
        if found.clock is not None and type(reading.when) is date:
            reading = reading._replace(when=datetime.combine(reading.when, time(*found.clock)))
    else:
        reading = _resolve(found, base, phrase)
    when = reading.when
    if when is None:
        raise DateError(f"relative day {reading.how}")
    if isinstance(when, Month):
        raise DateError(
            f"relative day {phrase!r} names a month ({when}), not a day: use relative_month"
        )
    if reading.ambiguous:
        warnings.warn(DateWarning(f"relative day {phrase!r}: {reading.how}"), stacklevel=2)
    return when


def relative_day(
    phrase: str,
    report: date | datetime | str,
    *,
    tense: Tense | None = None,
) -> date:
    """The day a report means by ``phrase``, counted from the report's date.

    The rule is in the module docstring; see :func:`relative_when` for the day and time.

    With the Reuters report of Wednesday 5 October 2016 on the Aleppo draft:

    >>> report = date(2016, 10, 5)
    >>> relative_day("يوم الاثنين", report), relative_day("Monday", report)
    (datetime.date(2016, 10, 3), datetime.date(2016, 10, 3))
    >>> relative_day("غدا الخميس", report), relative_day("the day after tomorrow Friday", report)
    (datetime.date(2016, 10, 6), datetime.date(2016, 10, 7))
    >>> relative_day("Friday", report, tense="future"), relative_day("this Friday", report)
    (datetime.date(2016, 10, 7), datetime.date(2016, 10, 7))
    >>> relative_day("الجمعة المقبلة", report)
    datetime.date(2016, 10, 7)
    """
    when = relative_when(phrase, report, tense=tense)
    return when.date() if isinstance(when, datetime) else when


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
    words = [
        w for w in _words(text_argument(phrase, "a relative month")) if w not in {"the", "in", "في"}
    ]
    shift = _MONTHS.get((words[0], words[1])) if len(words) == 2 else None
    if shift is None:
        raise DateError(
            f"relative month {phrase!r} cannot be read: "
            "expected last month, this month or next month"
        )
    index = day.year * 12 + day.month - 1 + shift
    if not 1 <= index // 12 <= 9999:
        raise DateError(f"relative month {phrase!r} from {day.isoformat()} {BEYOND}")
    return Month(index // 12, index % 12 + 1)


def add_working_days(start: date, days: int) -> date:
    """The day ``days`` working days (Monday to Friday) after ``start``, holidays not counted.

    UN working days at Headquarters, the UN's holidays skipped, are
    :func:`~unsc_tracker.holidays.add_un_working_days`.

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
