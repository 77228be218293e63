"""Who sat on the Security Council on a given day, and what that Council needed to decide.

Composition comes from the bundled, sourced tables in ``data/``: the five permanent seats with
their holders over time (``permanent_seats.csv``), the elected members year by year
(``membership_1946_2009.csv``, ``membership_2010_2026.csv``), changes of holder within a year
(``elected_changes.csv``) and the monthly presidency where it is known (``presidency.csv``).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cache, lru_cache
from importlib import resources
from types import MappingProxyType
from typing import NamedTuple

from pydantic import BaseModel, ConfigDict, Field

from .errors import DateOutOfRecordError, NotOnCouncilError
from .members import MemberState, member

__all__ = [
    "FIRST_MEETING",
    "RECORD_END",
    "Composition",
    "Council",
    "Term",
    "composition",
    "council",
    "terms",
    "threshold_on",
]

FIRST_MEETING = date(1946, 1, 17)
"""The Council's first meeting, S/PV.1 (https://en.wikisource.org/wiki/Page:United_Nations_Security_Council_Meeting_1.pdf/1)."""

ENLARGEMENT = date(1966, 1, 1)
"""The enlarged fifteen-member Council took office (GA res. 1991 A (XVIII); research.un.org/en/UN75/1966-1975)."""

AMENDMENT_IN_FORCE = date(1965, 8, 31)
"""The amendment of Articles 23 and 27 entered into force (treaties.un.org, depositary record I-5-a)."""


class Term(BaseModel):
    """One member's seat over a span of days: a permanent holder or an elected term."""

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)

    member: MemberState
    name_then: str = Field(description="the name the source gives for the state at the time")
    permanent: bool
    label: str = Field(
        description="the term as the source gives it, e.g. '2015-2016' or 'permanent'"
    )
    start: date
    end: date
    sources: tuple[str, ...]
    notes: tuple[str, ...] = ()

    def __str__(self) -> str:
        kind = "permanent" if self.permanent else f"elected {self.label}"
        return f"{self.name_then} ({kind}, {self.start.isoformat()} to {self.end.isoformat()})"

    def __repr__(self) -> str:
        from .display import term_repr

        return term_repr(self)


class Council(BaseModel):
    """The Security Council on one day.

    >>> c = council(on=date(2016, 10, 8))
    >>> c.size, c.threshold, c.president.name
    (15, 9, 'Russian Federation')
    """

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)

    on: date
    permanent: tuple[MemberState, ...]
    elected: tuple[MemberState, ...]
    threshold: int = Field(description="affirmative votes a decision needs (Art. 27(2)-(3))")
    president: MemberState | None = Field(
        default=None, description="president for the month, where known"
    )
    president_source: str | None = None
    holders: tuple[tuple[str, str], ...] = Field(
        default=(), description="(code, name of the government or state then) for every member"
    )
    notes: tuple[str, ...] = Field(default=(), description="caveats the record gives for this day")

    @property
    def members(self) -> tuple[MemberState, ...]:
        """All members: the permanent ones first, then the elected ones by name."""
        return self.permanent + self.elected

    @property
    def size(self) -> int:
        return len(self.permanent) + len(self.elected)

    def __contains__(self, state: object) -> bool:
        if isinstance(state, MemberState | str):
            return member(state) in self.members
        return False

    def is_permanent(self, state: MemberState | str) -> bool:
        return member(state) in self.permanent

    def name_then(self, state: MemberState | str) -> str:
        """The name the state sat under that day (``"Zaire"``, ``"Republic of China"``)."""
        code = member(state).code
        for holder_code, name in self.holders:
            if holder_code == code:
                return name
        raise not_on_council(member(state), self.on)

    def __str__(self) -> str:
        def label(state: MemberState) -> str:
            return self.name_then(state) + (" (P)" if state in self.permanent else "")

        names = ", ".join(label(state) for state in self.members)
        return f"Security Council on {self.on.isoformat()}: {names}"

    def __repr__(self) -> str:
        from .display import council_repr

        return council_repr(self)

    def _repr_html_(self) -> str:
        from .display import council_html

        return council_html(self)


@dataclass(frozen=True, slots=True)
class _Row:
    year: int
    code: str
    name: str
    permanent: bool
    label: str
    source: str
    note: str


def _read_csv(name: str) -> list[dict[str, str]]:
    text = resources.files("unsc_tracker").joinpath("data", name).read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(text)))


@cache
def _membership_rows() -> dict[int, tuple[_Row, ...]]:
    by_year: dict[int, list[_Row]] = {}
    for file in ("membership_1946_2009.csv", "membership_2010_2026.csv"):
        for line, raw in enumerate(_read_csv(file), start=2):
            try:
                state = member(raw["member"])
            except LookupError as exc:
                raise ValueError(f"{file}, line {line}: {exc}") from None
            row = _Row(
                year=int(raw["year"]),
                code=state.code,
                name=raw["member"],
                permanent=raw["permanent"] == "yes",
                label=raw["term"],
                source=raw["source"],
                note=raw["notes"],
            )
            by_year.setdefault(row.year, []).append(row)
    return {year: tuple(rows) for year, rows in by_year.items()}


@dataclass(frozen=True, slots=True)
class _Holder:
    seat: str
    code: str
    holder: str
    start: date
    end: date | None
    source: str


@cache
def _permanent_holders() -> tuple[_Holder, ...]:
    return tuple(
        _Holder(
            seat=raw["seat"],
            code=raw["code"],
            holder=raw["holder"],
            start=date.fromisoformat(raw["start"]),
            end=date.fromisoformat(raw["end"]) if raw["end"] else None,
            source=raw["source"],
        )
        for raw in _read_csv("permanent_seats.csv")
    )


@cache
def _elected_changes() -> tuple[tuple[date, str, str, str], ...]:
    return tuple(
        (date.fromisoformat(raw["date"]), raw["from_code"], raw["to_code"], raw["source"])
        for raw in _read_csv("elected_changes.csv")
    )


@cache
def _presidency() -> dict[tuple[int, int], tuple[str, str]]:
    return {
        (int(raw["year"]), int(raw["month"])): (member(raw["president_member"]).code, raw["source"])
        for raw in _read_csv("presidency.csv")
    }


RECORD_END = date(2026, 12, 31)
"""The last day covered by the bundled membership tables (checked against them in the tests)."""


def threshold_on(day: date, size: int) -> int:
    """Affirmative votes needed on ``day`` by a Council of ``size`` members (Art. 27, V9 and E13).

    Seven while the Council had eleven members (also from 31 Aug 1965, when the amendment was in
    force but the Council not yet enlarged), nine from 1 January 1966.

    >>> threshold_on(date(1950, 6, 27), 11), threshold_on(date(2016, 10, 8), 15)
    (7, 9)
    """
    return 7 if size == 11 else 9


def _as_date(on: date | datetime | str, what: str = "on") -> date:
    if isinstance(on, datetime):
        return on.date()
    if isinstance(on, date):
        return on
    if isinstance(on, str):
        try:
            return date.fromisoformat(on.strip())
        except ValueError:
            raise DateOutOfRecordError(
                f"{what}: {on!r} is not a date in the form YYYY-MM-DD"
            ) from None
    raise TypeError(f"{what}: expected a date, got {type(on).__name__} {on!r}")


def council(on: date | datetime | str) -> Council:
    """The Council as it stood on a day, from 17 January 1946 to the end of the bundled record.

    >>> [m.code for m in council(on=date(1971, 1, 1)).permanent]
    ['CHN', 'FRA', 'SUN', 'GBR', 'USA']
    >>> council(on=date(1971, 1, 1)).name_then("China")
    'Republic of China'
    """
    return _council(_as_date(on))


def _seating(day: date) -> tuple[list[tuple[str, str]], dict[str, str], list[str]]:
    """The permanent holders and the elected members on ``day``, as (code, name then), and the
    notes of the record for that year: what a :class:`Council` and a :class:`Composition` are
    built from."""
    if day < FIRST_MEETING:
        raise DateOutOfRecordError(
            f"no Security Council on {day.isoformat()}: its first meeting was on "
            f"{FIRST_MEETING.isoformat()} (S/PV.1)"
        )
    rows = _membership_rows().get(day.year)
    if rows is None or day > RECORD_END:
        raise DateOutOfRecordError(
            f"no membership record for {day.isoformat()}: the bundled record covers "
            f"{FIRST_MEETING.isoformat()} to {RECORD_END.isoformat()}"
        )
    permanent = [
        (holder.code, holder.holder)
        for holder in _permanent_holders()
        if holder.start <= day and (holder.end is None or day <= holder.end)
    ]
    elected_codes: dict[str, str] = {}
    notes: list[str] = []
    for row in rows:
        if row.note:
            notes.append(f"{row.name}: {row.note}")
        if not row.permanent:
            elected_codes[row.code] = row.name
    for when, old, new, _ in _elected_changes():
        if when.year == day.year and day >= when and old in elected_codes:
            del elected_codes[old]
            elected_codes[new] = member(new).name
    return permanent, elected_codes, notes


@lru_cache(maxsize=8192)
def _council(day: date) -> Council:
    holders, elected_codes, notes = _seating(day)
    permanent = [member(code) for code, _ in holders]
    elected = sorted((member(code) for code in elected_codes), key=lambda state: state.name)
    holders += [(state.code, elected_codes[state.code]) for state in elected]
    size = len(permanent) + len(elected)
    if AMENDMENT_IN_FORCE <= day < ENLARGEMENT:
        notes.append(
            "the amendment raising the threshold to nine was in force from 1965-08-31 but the Council "
            "kept eleven members until 1965-12-31; no source settles which threshold applied (E13)"
        )
    president: MemberState | None = None
    president_source: str | None = None
    known = _presidency().get((day.year, day.month))
    if known is not None:
        president, president_source = member(known[0]), known[1]
    return Council(
        on=day,
        permanent=tuple(permanent),
        elected=tuple(elected),
        threshold=threshold_on(day, size),
        president=president,
        president_source=president_source,
        holders=tuple(holders),
        notes=tuple(dict.fromkeys(notes)),
    )


class Seats(NamedTuple):
    """A Council laid out for the hot paths of the rule and the forecast, cached per day."""

    council: Council
    members: tuple[MemberState, ...]
    codes: frozenset[str]
    permanent: frozenset[str]
    position: Mapping[str, int]
    """Member code to its position in ``council.members``."""
    permanent_flags: tuple[bool, ...]
    """Whether each of ``council.members``, in order, holds a permanent seat."""


@lru_cache(maxsize=8192)
def seats(day: date) -> Seats:
    """The Council on ``day`` with its member codes as sets and positions."""
    seated = _council(day)
    permanent = frozenset(state.code for state in seated.permanent)
    return Seats(
        seated,
        seated.members,
        frozenset(state.code for state in seated.members),
        permanent,
        MappingProxyType({state.code: i for i, state in enumerate(seated.members)}),
        tuple(state.code in permanent for state in seated.members),
    )


class Composition(NamedTuple):
    """Who sat on the Council over a span of days in which its membership did not change."""

    codes: frozenset[str]
    permanent: frozenset[str]
    names: Mapping[str, str]
    """Member code to the name the state sat under (``Council.name_then``)."""
    threshold: int


_COMPOSITIONS: dict[tuple[int, tuple[bool, ...], tuple[bool, ...]], Composition] = {}
_COMPOSITION_OF_DAY: dict[date, Composition] = {}


def composition(day: date) -> Composition:
    """The Council's members on ``day``, cached per span of unchanged membership, not per day.

    The vote record checks thousands of ballots on as many days: building a :class:`Council`
    for each day would cost more than reading the votes. Membership changes only on 1 January,
    when a permanent seat changes hands and at the changes of ``elected_changes.csv``, so days
    between two such changes share one entry.

    >>> sorted(composition(date(2016, 10, 8)).permanent)
    ['CHN', 'FRA', 'GBR', 'RUS', 'USA']
    >>> composition(date(1971, 1, 1)).names["CHN"]
    'Republic of China'
    """
    known = _COMPOSITION_OF_DAY.get(day)
    if known is not None:
        return known
    key = (
        day.year,
        tuple(
            holder.start <= day and (holder.end is None or day <= holder.end)
            for holder in _permanent_holders()
        ),
        tuple(day >= when for when, _, _, _ in _elected_changes() if when.year == day.year),
    )
    found = _COMPOSITIONS.get(key)
    if found is None:
        holders, elected, _ = _seating(day)  # raises for a day outside the record
        names = dict(holders) | elected
        found = _COMPOSITIONS[key] = Composition(
            codes=frozenset(names),
            permanent=frozenset(code for code, _ in holders),
            names=MappingProxyType(names),
            threshold=threshold_on(day, len(names)),
        )
    if type(day) is date:  # not a datetime, whose hash differs from its day's
        _COMPOSITION_OF_DAY[day] = found
    return found


def not_on_council(state: MemberState, day: date) -> NotOnCouncilError:
    """The error for a state that did not sit on the Council that day, in the domain's words."""
    return NotOnCouncilError(
        f"{state.name} was not a member of the Security Council on {day.isoformat()}"
    )


def terms(state: MemberState | str | None = None) -> Iterator[Term]:
    """Every seat held, permanent holders and elected terms, in date order; or one state's.

    >>> [str(t) for t in terms("Spain") if t.start.year > 2010]
    ['Spain (elected 2015-2016, 2015-01-01 to 2016-12-31)']
    """
    wanted = member(state).code if state is not None else None
    found: list[Term] = []
    for holder in _permanent_holders():
        if wanted in (None, holder.code):
            found.append(
                Term(
                    member=member(holder.code),
                    name_then=holder.holder,
                    permanent=True,
                    label="permanent",
                    start=holder.start,
                    end=holder.end or RECORD_END,
                    sources=(holder.source,),
                )
            )
    open_terms: dict[tuple[str, str], list[_Row]] = {}
    for year in sorted(_membership_rows()):
        for row in _membership_rows()[year]:
            if row.permanent or wanted not in (None, row.code):
                continue
            rows = open_terms.setdefault((row.code, row.label), [])
            if rows and rows[-1].year != year - 1:
                found.append(_elected_term(rows))
                rows.clear()
            rows.append(row)
    found += [_elected_term(rows) for rows in open_terms.values() if rows]
    found.sort(key=lambda term: (term.start, not term.permanent, term.member.name))
    yield from found


def _elected_term(rows: list[_Row]) -> Term:
    start, end = date(rows[0].year, 1, 1), date(rows[-1].year, 12, 31)
    if start < FIRST_MEETING:
        start = FIRST_MEETING
    for when, old, new, _ in _elected_changes():
        if rows[0].code == old and when.year == rows[-1].year:
            end = when - timedelta(days=1)
        if rows[0].code == new and when.year + 1 == rows[0].year:
            start = when
    return Term(
        member=member(rows[0].code),
        name_then=rows[-1].name,
        permanent=False,
        label=rows[0].label,
        start=start,
        end=end,
        sources=tuple(
            dict.fromkeys(part.strip() for row in rows for part in row.source.split(" | "))
        ),
        notes=tuple(dict.fromkeys(row.note for row in rows if row.note)),
    )
