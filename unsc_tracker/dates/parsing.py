"""A written date read: ISO days and times, English dates; a numeric date that reads two ways is
refused."""

from __future__ import annotations

import re
from datetime import date, datetime

from dateutil import parser as _dateutil

from ..errors import DateError
from .words import _DAY_NAMES, _WEEKDAY_WORDS

__all__ = ["parse_when"]

_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_YEAR_FIRST = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
"""A day written year, month, day without its zeros (2016-12-9): never read day first."""
_ISO_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}")
_NUMERIC = re.compile(r"^\s*(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2,4})\b")
# Two defaults that differ in every field: a field the text leaves out shows up as a difference.
_DEFAULT_A = datetime(2001, 1, 1, 0, 0, 0)
_DEFAULT_B = datetime(2002, 2, 2, 1, 1, 1)


def parse_when(text: str | date | datetime, what: str = "date") -> date | datetime:
    """A day, or a day and time, from ISO text or an English date; ``what`` names it in errors.

    >>> parse_when("2016-10-08"), parse_when("2016-12-9")
    (datetime.date(2016, 10, 8), datetime.date(2016, 12, 9))
    >>> parse_when("Thu 6 Oct 2016 15:00"), parse_when("Sat 8 Oct 2016 3 p.m.")
    (datetime.datetime(2016, 10, 6, 15, 0), datetime.datetime(2016, 10, 8, 15, 0))
    >>> parse_when("03/10/2016")
    Traceback (most recent call last):
    unsc_tracker.errors.DateError: date '03/10/2016' is ambiguous: 3 October 2016 (day first) or ...
    """
    if type(text) is str and len(text) == 10 and text[4] == text[7] == "-":
        # The common case first (files and logs write days this way): a plain ISO day.
        try:
            return date.fromisoformat(text)
        except ValueError:
            pass  # read again below, to say what is wrong
    if isinstance(text, datetime | date):
        return text
    if not isinstance(text, str):
        from ..checked import shown

        raise DateError(f"{what} {shown(text)} is not a date: give text such as '2016-10-08'")
    raw = text.strip()
    if _ISO.match(raw):
        try:
            return date.fromisoformat(raw)
        except ValueError as err:
            raise DateError(f"{what} {text!r} is not a valid day: {err}") from None
    year_first = _YEAR_FIRST.match(raw)
    if year_first:
        try:
            return date(*(int(part) for part in year_first.groups()))
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
    if first.hour != second.hour:
        return first.date()  # no time given
    # A whole hour ("3 p.m.", "15h") leaves the minutes to the default, which is 0 in ``first``.
    return first


def _check_unambiguous(text: str, what: str, numeric: re.Match[str]) -> None:
    a, b = int(numeric.group(1)), int(numeric.group(2))
    if 1 <= a <= 12 and 1 <= b <= 12 and a != b:
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
