"""UN working days at Headquarters: weekdays that are not the UN's official holidays in New York.

The General Assembly meets within ten working days of a veto (A/RES/76/262, PROCEDURE D13). The
UN announces each year's official holidays at Headquarters in an information circular; the
bundled table ``data/un_holidays.csv`` carries one row per holiday with the circular or page it
comes from. Years with no list in the record count Monday to Friday only, and say so.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache
from typing import NamedTuple

from . import datafiles

__all__ = ["WorkingDays", "add_un_working_days", "un_holidays"]


class Holiday(NamedTuple):
    """One official UN holiday at Headquarters, with its source."""

    day: date
    name: str
    source: str


@cache
def _by_year() -> dict[int, tuple[Holiday, ...]]:
    found: dict[int, list[Holiday]] = {}
    for row in datafiles.rows("un_holidays"):
        day = date.fromisoformat(row["date"])
        found.setdefault(day.year, []).append(Holiday(day, row["name"], row["source"]))
    return {year: tuple(sorted(days)) for year, days in found.items()}


datafiles.on_change(_by_year.cache_clear)


def un_holidays(year: int) -> tuple[Holiday, ...] | None:
    """The official holidays at UN Headquarters in ``year``, or ``None`` when the record has no list.

    >>> [h.name for h in un_holidays(2020) or ()][1:4]
    ['Good Friday', 'Memorial Day', 'Eid al-Fitr']
    >>> un_holidays(2022) is None  # no list found for 2022: see data/SOURCES.md
    True
    """
    return _by_year().get(year)


class WorkingDays(NamedTuple):
    """A day counted in UN working days, and what the count could not take into account."""

    day: date
    holidays: tuple[Holiday, ...]
    """The holidays skipped on the way."""
    years_without_list: tuple[int, ...]
    """Years the count crossed for which the record has no holiday list (weekdays only there)."""

    @property
    def caveat(self) -> str | None:
        """A sentence for a warning when a year's holidays could not be counted, else ``None``."""
        if not self.years_without_list:
            return None
        years = ", ".join(str(year) for year in self.years_without_list)
        return (
            f"UN holidays at Headquarters for {years} not in the record: Monday to Friday counted"
        )


def add_un_working_days(start: date, days: int) -> WorkingDays:
    """The day ``days`` UN working days after ``start``: weekdays, the UN's holidays skipped.

    >>> found = add_un_working_days(date(2024, 5, 22), 10)
    >>> found.day, [h.name for h in found.holidays], found.caveat
    (datetime.date(2024, 6, 6), ['Memorial Day'], None)
    >>> print(add_un_working_days(date(2022, 5, 26), 10).caveat)
    UN holidays at Headquarters for 2022 not in the record: Monday to Friday counted
    """
    if days < 0:
        raise ValueError(f"days: expected a count of days from 0, got {days}")
    found = start
    left = days
    skipped: list[Holiday] = []
    unknown: dict[int, None] = {}
    while left > 0:
        found += timedelta(days=1)
        if found.weekday() >= 5:
            continue
        listed = un_holidays(found.year)
        if listed is None:
            unknown[found.year] = None
        else:
            holiday = next((h for h in listed if h.day == found), None)
            if holiday is not None:
                skipped.append(holiday)
                continue
        left -= 1
    return WorkingDays(found, tuple(skipped), tuple(unknown))
