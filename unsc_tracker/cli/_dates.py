"""The dates the commands take: one reading for every date option.

``--on`` names a day; ``--since`` and ``--until`` bound a span. Each accepts a day (ISO
``2016-10-08`` or words, ``8 October 2016``, read by :func:`~unsc_tracker.dates.parse_when`) or
``today``; where the question allows it, also a month (``2016-10``, ``October 2016``, ``Oct
2016``, ``this month``, ``last month``) or a year (``2016``). A period is its first and last day:
``--since 2016-10`` means from 1 October 2016, ``--until 2016-10`` to 31 October 2016, and
``--on 2016-10`` the whole month. An option that needs a day refuses a month with a line that
says what to write instead.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from typing import Literal, NamedTuple

from ..errors import DateError

__all__ = ["Period", "day", "period", "span"]

Unit = Literal["day", "month", "year"]

_MONTH_NAMES = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
_ISO_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
_YEAR = re.compile(r"^(\d{4})$")
_NAMED_MONTH = re.compile(r"^([A-Za-z]+)\.?,?\s+(\d{4})$")
_RELATIVE_MONTH = re.compile(r"^(this|last|next)\s+month$", re.IGNORECASE)


class Period(NamedTuple):
    """A day, a month or a year as a span of days, with the words it was read from."""

    first: date
    last: date
    unit: Unit
    text: str

    def __str__(self) -> str:
        if self.unit == "day":
            return self.first.isoformat()
        if self.unit == "month":
            return self.first.isoformat()[:7]
        return str(self.first.year)

    def days(self) -> list[date]:
        """Every day of the period, in order."""
        return [self.first + timedelta(days=n) for n in range((self.last - self.first).days + 1)]


def period(
    text: str,
    what: str,
    *,
    units: tuple[Unit, ...] = ("day", "month", "year"),
    hint: str | None = None,
) -> Period:
    """The period ``text`` names; ``what`` names the option in errors; ``units`` those allowed,
    and ``hint`` what to write instead of a month or a year where a day is needed.

    >>> period("2016-10", "--on")
    Period(first=datetime.date(2016, 10, 1), last=datetime.date(2016, 10, 31), unit='month', text='2016-10')
    >>> str(period("March 1990", "--since")), str(period("8 October 2016", "--on"))
    ('1990-03', '2016-10-08')
    >>> period("2016-10", "--on", units=("day",))
    Traceback (most recent call last):
    unsc_tracker.errors.DateError: --on '2016-10' is a month: this option takes a day, e.g. 2016-10-01
    """
    found = _read(text, what)
    if found.unit not in units:
        instead = f"; {hint}" if hint else ""
        takes = " or a ".join(units)
        raise DateError(
            f"{what} {text!r} is a {found.unit}: this option takes a {takes}, "
            f"e.g. {found.first.isoformat()}{instead}"
        )
    return found


def day(text: str, what: str, *, hint: str | None = None) -> date:
    """The day ``text`` names (a day in ISO or words, or ``today``); ``what`` names the option,
    ``hint`` what to write instead of a month."""
    return period(text, what, units=("day",), hint=hint).first


def _read(text: str, what: str) -> Period:
    raw = text.strip()
    if raw.casefold() == "today":
        today = date.today()
        return Period(today, today, "day", text)
    year = _YEAR.match(raw)
    if year:
        number = int(year.group(1))
        return _month_span(number, 1, text, what, last_month=12, unit="year")
    iso = _ISO_MONTH.match(raw)
    if iso:
        return _month_span(int(iso.group(1)), int(iso.group(2)), text, what)
    named = _NAMED_MONTH.match(raw)
    if named and _month_number(named.group(1)) is not None:
        month = _month_number(named.group(1))
        assert month is not None
        return _month_span(int(named.group(2)), month, text, what)
    if _RELATIVE_MONTH.match(raw):
        from ..dates import relative_month

        found = relative_month(raw, date.today())
        return _month_span(found.year, found.month, text, what)
    from ..dates import parse_when

    when = parse_when(raw, what)
    when = when.date() if isinstance(when, datetime) else when
    return Period(when, when, "day", text)


def _month_number(word: str) -> int | None:
    """1 to 12 for an English month name or its abbreviation of three letters or more."""
    folded = word.casefold()
    if len(folded) < 3:
        return None
    for number, name in enumerate(_MONTH_NAMES, 1):
        if name.startswith(folded):
            return number
    return None


def _month_span(
    year: int,
    month: int,
    text: str,
    what: str,
    *,
    last_month: int | None = None,
    unit: Unit = "month",
) -> Period:
    if not 1 <= month <= 12:
        raise DateError(f"{what} {text!r} is not a month: the month must be in 1..12")
    if not 1 <= year <= 9998:
        raise DateError(f"{what} {text!r} is out of range: give a year from 1 to 9998")
    end_month = last_month or month
    first = date(year, month, 1)
    following = date(year + end_month // 12, end_month % 12 + 1, 1)
    return Period(first, following - timedelta(days=1), unit, text)


def span(on: str | None, since: str | None, until: str | None) -> tuple[date | None, date | None]:
    """The first and last day that ``--on``, or ``--since`` and ``--until``, give (each a day, a
    month or a year: ``--since`` takes its first day, ``--until`` its last, ``--on`` the whole)."""
    if on is not None and (since is not None or until is not None):
        raise DateError("give --on, or --since and --until, not both")
    if on is not None:
        found = period(on, "--on")
        return found.first, found.last
    first = period(since, "--since").first if since is not None else None
    last = period(until, "--until").last if until is not None else None
    return first, last
