"""Who held each seat of the Council, and when: the record's seating tables, read once.

The five permanent seats with their holders over time (``permanent_seats.csv``), the elected
members year by year (``membership_1946_2009.csv``, ``membership_2010_2027.csv``), terms that did
not run from 1 January to 31 December (``term_dates.csv``), changes of holder within a term
(``elected_changes.csv``) and new names within a year (``renames.csv``): bundled, and extended by
the user's tables (:func:`unsc_tracker.use_data`). :mod:`unsc_tracker.council` builds the Council
of a day from them.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from importlib import resources
from typing import NamedTuple

from . import datafiles
from .errors import DataFileError
from .members import code_of, member

__all__ = [
    "AMENDMENT_IN_FORCE",
    "ENLARGEMENT",
    "FIRST_MEETING",
    "Holder",
    "Row",
    "TermDates",
    "change_days",
    "elected_changes",
    "membership_rows",
    "permanent_holders",
    "record_end",
    "renames",
    "seated_on",
    "term_dates",
]

FIRST_MEETING = date(1946, 1, 17)
"""The Council's first meeting, S/PV.1 (https://en.wikisource.org/wiki/Page:United_Nations_Security_Council_Meeting_1.pdf/1)."""

ENLARGEMENT = date(1966, 1, 1)
"""The enlarged fifteen-member Council took office (GA res. 1991 A (XVIII); research.un.org/en/UN75/1966-1975)."""

AMENDMENT_IN_FORCE = date(1965, 8, 31)
"""The amendment of Articles 23 and 27 entered into force (treaties.un.org, depositary record I-5-a)."""


@dataclass(frozen=True, slots=True)
class Row:
    year: int
    code: str
    name: str
    permanent: bool
    label: str
    source: str
    note: str
    place: str


def read_csv(name: str) -> list[dict[str, str]]:
    text = resources.files("unsc_tracker").joinpath("data", name).read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(text)))


@cache
def membership_rows() -> dict[int, tuple[Row, ...]]:
    by_year: dict[int, list[Row]] = {}
    for raw in datafiles.rows("membership"):
        row = Row(
            year=int(raw["year"]),
            code=code_of(raw["member"]),
            name=raw["member"],
            permanent=raw["permanent"] == "yes",
            label=raw["term"],
            source=raw["source"],
            note=raw["notes"],
            place=raw.place,
        )
        by_year.setdefault(row.year, []).append(row)
    for year, rows in by_year.items():
        check_year(year, rows)
    return {year: tuple(rows) for year, rows in sorted(by_year.items())}


def check_year(year: int, rows: list[Row]) -> None:
    """A year's table names each member once, five permanent, and 11 or 15 members in all."""
    seen: dict[str, Row] = {}
    for row in rows:
        if row.code in seen:
            raise DataFileError(
                f"{row.place}, column member: {row.name!r} is listed twice for {year} "
                f"(also {seen[row.code].place})"
            )
        seen[row.code] = row
    size = 11 if year < ENLARGEMENT.year else 15
    permanent = sum(row.permanent for row in rows)
    if len(rows) != size or permanent != 5:
        where = sorted({row.place.rsplit(", line", 1)[0] for row in rows})
        raise DataFileError(
            f"{', '.join(where)}: {year} lists {len(rows)} members, {permanent} of them "
            f"permanent; the Council of {year} had {size}, 5 permanent"
        )


@dataclass(frozen=True, slots=True)
class Holder:
    seat: str
    code: str
    holder: str
    start: date
    end: date | None
    source: str


@cache
def permanent_holders() -> tuple[Holder, ...]:
    return tuple(
        Holder(
            seat=raw["seat"],
            code=raw["code"],
            holder=raw["holder"],
            start=date.fromisoformat(raw["start"]),
            end=date.fromisoformat(raw["end"]) if raw["end"] else None,
            source=raw["source"],
        )
        for raw in read_csv("permanent_seats.csv")
    )


@cache
def elected_changes() -> tuple[tuple[date, str, str, str], ...]:
    return tuple(
        (date.fromisoformat(raw["date"]), raw["from_code"], raw["to_code"], raw["source"])
        for raw in datafiles.rows("elected_changes")
    )


class TermDates(NamedTuple):
    code: str
    first_day: date
    last_day: date
    what: str
    source: str
    notes: str


@cache
def term_dates() -> dict[str, tuple[TermDates, ...]]:
    """Terms that did not run from 1 January to 31 December, by member code."""
    found: dict[str, list[TermDates]] = {}
    for raw in datafiles.rows("term_dates"):
        code = member(raw["member"]).code
        found.setdefault(code, []).append(
            TermDates(
                code,
                date.fromisoformat(raw["first_day"]),
                date.fromisoformat(raw["last_day"]),
                raw["what"],
                raw["source"],
                raw["notes"],
            )
        )
    return {code: tuple(spans) for code, spans in found.items()}


def seated_on(code: str, day: date) -> TermDates | None:
    """The exact span that leaves ``code`` off the Council on ``day``, if the record has one."""
    for span in term_dates().get(code, ()):
        if span.first_day.year <= day.year <= span.last_day.year and not (
            span.first_day <= day <= span.last_day
        ):
            return span
    return None


def record_end() -> date:
    """The last day of the record in use: the bundled tables and any the user added."""
    return date(max(membership_rows()), 12, 31)


@cache
def renames() -> tuple[tuple[date, str, str], ...]:
    """A member's new name from a day within a year (the year tables give the name of 1 January)."""
    return tuple(
        (date.fromisoformat(raw["date"]), member(raw["member"]).code, raw["new_name"])
        for raw in datafiles.rows("renames")
    )


@cache
def change_days() -> tuple[date, ...]:
    """The days within a year on which the Council changed: a holder, a late seat, a new name."""
    days = {holder.start for holder in permanent_holders()}
    days |= {holder.end + timedelta(days=1) for holder in permanent_holders() if holder.end}
    days |= {when for when, *_ in elected_changes()} | {when for when, *_ in renames()}
    for spans in term_dates().values():
        for span in spans:
            days |= {span.first_day, span.last_day + timedelta(days=1)}
    return tuple(sorted(days))


@datafiles.on_change
def _forget() -> None:
    for cached in (
        membership_rows,
        permanent_holders,
        elected_changes,
        term_dates,
        renames,
        change_days,
    ):
        cached.cache_clear()
