"""Who sat on the Security Council on a given day, and what that Council needed to decide.

Composition comes from the bundled, sourced tables in ``data/``: the five permanent seats with
their holders over time (``permanent_seats.csv``), the elected members year by year
(``membership_1946_2009.csv``, ``membership_2010_2027.csv``), changes of holder within a year
(``elected_changes.csv``) and the monthly presidency where it is known (``presidency.csv``).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator, Mapping
from datetime import date, datetime, timedelta
from functools import cache, lru_cache
from types import MappingProxyType
from typing import ClassVar, NamedTuple

from pydantic import ConfigDict, Field

from . import datafiles, presidency, seating, views
from .checked import Checked
from .errors import DataFileError, DateOutOfRecordError, NotOnCouncilError, UnscTrackerError
from .members import MemberState, member

__all__ = [
    "FIRST_MEETING",
    "RECORD_END",
    "Composition",
    "Council",
    "Term",
    "composition",
    "council",
    "record_end",
    "terms",
    "threshold_on",
]

FIRST_MEETING = seating.FIRST_MEETING
ENLARGEMENT = seating.ENLARGEMENT
AMENDMENT_IN_FORCE = seating.AMENDMENT_IN_FORCE
record_end = seating.record_end
_membership_rows = seating.membership_rows  # the cache the import-weight test inspects


class Term(Checked):
    """One member's seat over a span of days: a permanent holder or an elected term.

    Built with bad values, it raises :class:`~unsc_tracker.errors.DataFileError`
    naming the field and the value.
    """

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)
    error: ClassVar[type[UnscTrackerError]] = DataFileError

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
        """``<Term Spain (elected 2015-2016, 2015-01-01 to 2016-12-31)>``."""
        return f"<Term {self}>"


class Council(Checked):
    """The Security Council on one day.

    Built with bad values, it raises :class:`~unsc_tracker.errors.DataFileError`
    naming the field and the value.

    >>> c = council(on=date(2016, 10, 8))
    >>> c.size, c.threshold, c.president.name
    (15, 9, 'Russian Federation')
    """

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)
    error: ClassVar[type[UnscTrackerError]] = DataFileError

    on: date
    permanent: tuple[MemberState, ...]
    elected: tuple[MemberState, ...]
    threshold: int = Field(description="affirmative votes a decision needs (Art. 27(2)-(3))")
    president: MemberState | None = Field(
        default=None, description="president for the month, where known"
    )
    president_source: str | None = Field(
        default=None, description="where the president comes from: a source, or rule 18's rotation"
    )
    president_basis: str | None = Field(
        default=None,
        description="how the president is known: 'sourced', 'rotation' (rule 18, checked against "
        "sourced months on both sides), 'projected' (rule 18, no later source), or 'unknown'",
    )
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
        """``<Council 2016-10-08: 15 members, threshold 9, president Russian Federation>``."""
        president = f", president {self.president.name}" if self.president is not None else ""
        return (
            f"<Council {self.on.isoformat()}: {self.size} members, "
            f"threshold {self.threshold}{president}>"
        )

    def _repr_html_(self) -> str:
        return views.html(self) or views.fallback(self)


RECORD_END = date(2027, 12, 31)
"""The last day covered by the bundled membership tables (checked against them in the tests).

Users extend the record with :func:`unsc_tracker.use_data`; :func:`record_end` gives the last day
of the record in use."""


@datafiles.on_change
def _forget() -> None:
    _presidency.cache_clear()
    _composition.cache_clear()
    _council.cache_clear()
    seats.cache_clear()
    _COMPOSITIONS.clear()
    _COMPOSITION_OF_DAY.clear()


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
        except ValueError as err:
            if re.fullmatch(r"\d{4}-\d{2}-\d{2}", on.strip()):  # the form is right, the day is not
                raise DateOutOfRecordError(f"{what}: {on!r} is not a date: {err}") from None
            raise DateOutOfRecordError(
                f"{what}: {on!r} is not a date in the form YYYY-MM-DD"
            ) from None
    raise TypeError(f"{what}: expected a date or ISO text (YYYY-MM-DD), got {type(on).__name__}")


def as_bound(value: date | datetime | str, what: str, *, last: bool) -> date:
    """The first (or, with ``last``, the last) day a bound of a span names: a day, or as text a
    month (``"2016-10"``) or a year (``"2011"``), which a span starts on the first day of and ends
    on the last.

    >>> as_bound("2011", "since", last=False), as_bound("2016-02", "until", last=True)
    (datetime.date(2011, 1, 1), datetime.date(2016, 2, 29))
    """
    if isinstance(value, str):
        text = value.strip()
        year = re.fullmatch(r"(\d{4})", text)
        if year:
            return date(int(year[1]), 12, 31) if last else date(int(year[1]), 1, 1)
        month = re.fullmatch(r"(\d{4})-(\d{2})", text)
        if month and 1 <= int(month[2]) <= 12:
            first = date(int(month[1]), int(month[2]), 1)
            if not last:
                return first
            return (first.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
    return _as_date(value, what)


def council(on: date | datetime | str) -> Council:
    """The Council as it stood on a day, from 17 January 1946 to the end of the bundled record.

    >>> [m.code for m in council(on=date(1971, 1, 1)).permanent]
    ['CHN', 'FRA', 'SUN', 'GBR', 'USA']
    >>> council(on=date(1971, 1, 1)).name_then("China")
    'Republic of China'
    """
    return _council(_as_date(on))


class _Composition(NamedTuple):
    permanent: tuple[MemberState, ...]
    elected: tuple[MemberState, ...]
    holders: tuple[tuple[str, str], ...]
    notes: tuple[str, ...]


@lru_cache(maxsize=8192)
def _composition(day: date) -> _Composition:
    """Who sat on ``day``, under which names, and the record's caveats for that day."""
    if day < FIRST_MEETING:
        raise DateOutOfRecordError(
            f"no Security Council on {day.isoformat()}: its first meeting was on "
            f"{FIRST_MEETING.isoformat()} (S/PV.1)"
        )
    rows = seating.membership_rows().get(day.year)
    if rows is None:
        last = record_end()
        raise DateOutOfRecordError(
            f"no membership record for {day.isoformat()}: the record covers "
            f"{FIRST_MEETING.isoformat()} to {last.isoformat()}"
            + (
                f"; add the Council of {day.year} from a file with ut.use_data(folder) or the "
                f"{datafiles.ENVIRONMENT_VARIABLE} environment variable (docs: Extending the record)"
                if day > last
                else ""
            )
        )
    permanent: list[MemberState] = []
    holders: list[tuple[str, str]] = []
    for holder in seating.permanent_holders():
        if holder.start <= day and (holder.end is None or day <= holder.end):
            permanent.append(member(holder.code))
            holders.append((holder.code, holder.holder))
    elected_codes: dict[str, str] = {}
    # A caveat the year's table gives every member is the Council's, said once.
    shared = {row.note for row in rows if row.note}
    shared = {note for note in shared if all(row.note == note for row in rows)}
    notes: list[str] = [f"every member of {day.year}: {note}" for note in sorted(shared)]
    for row in rows:
        if row.note and row.note not in shared:
            notes.append(f"{row.name}: {row.note}")
        if row.permanent:
            continue
        away = seating.seated_on(row.code, day)
        if away is None:
            elected_codes[row.code] = row.name
        else:
            notes.append(
                f"{row.name} was not on the Council this day: its term ran from "
                f"{away.first_day.isoformat()} to {away.last_day.isoformat()} "
                f"({away.what.replace('_', ' ')})"
            )
    for when, old, new, _ in seating.elected_changes():
        if when.year == day.year and day >= when and old in elected_codes:
            del elected_codes[old]
            elected_codes[new] = member(new).name
    for when, code, new_name in seating.renames():
        if when.year == day.year and day >= when and code in elected_codes:
            elected_codes[code] = new_name
    elected = sorted((member(code) for code in elected_codes), key=lambda state: state.name)
    holders += [(state.code, elected_codes[state.code]) for state in elected]
    if AMENDMENT_IN_FORCE <= day < ENLARGEMENT:
        notes.append(
            "the amendment raising the threshold to nine was in force from 1965-08-31 but the Council "
            "kept eleven members until 1965-12-31; no source settles which threshold applied (E13)"
        )
    return _Composition(tuple(permanent), tuple(elected), tuple(holders), tuple(notes))


def _seated_in(year: int, month: int) -> tuple[tuple[str, str], ...]:
    """The members of a month as on its first day (17 January in 1946), by the names rule 18
    orders them by: the year table's names ("China", not the name of the government seated)."""
    day = max(date(year, month, 1), FIRST_MEETING)
    # The same Council as on the last day it changed, or on 1 January: one composition a span.
    since = max((d for d in seating.change_days() if date(year, 1, 1) <= d <= day), default=None)
    seated = _composition(since or max(date(year, 1, 1), FIRST_MEETING))
    listed = {row.code: row.name for row in seating.membership_rows()[year] if row.permanent}
    permanent = {state.code for state in seated.permanent}
    return tuple(
        (code, listed.get(code, name) if code in permanent else name)
        for code, name in seated.holders
    )


@cache
def _presidency() -> dict[tuple[int, int], presidency.MonthPresidency]:
    table = [
        presidency.SourcedMonth(
            int(raw["year"]),
            int(raw["month"]),
            member(raw["president_member"]).code,
            raw["source"],
            raw["representative_if_seen"] or None,
            raw["notes"],
        )
        for raw in datafiles.rows("presidency")
        if raw["president_member"]
    ]
    return presidency.presidencies(
        sorted(table, key=lambda row: (row.year, row.month)),
        _seated_in,
        (FIRST_MEETING.year, FIRST_MEETING.month),
        (record_end().year, 12),
    )


@lru_cache(maxsize=8192)
def _council(day: date) -> Council:
    seated = _composition(day)
    notes = list(seated.notes)
    held = _presidency().get(presidency.term_month(day))
    president: MemberState | None = None
    if held is not None and held.code is not None:
        president = member(held.code)
        if held.basis is not presidency.Basis.SOURCED:
            notes.append(f"president: {held.source}")
    elif held is not None:
        notes.append(f"president unknown: {held.source}")
    return Council(
        on=day,
        permanent=seated.permanent,
        elected=seated.elected,
        threshold=threshold_on(day, len(seated.permanent) + len(seated.elected)),
        president=president,
        president_source=held.source if held is not None and held.code is not None else None,
        president_basis=held.basis.value if held is not None else None,
        holders=seated.holders,
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


_COMPOSITIONS: dict[tuple[int, date | None], Composition] = {}
_COMPOSITION_OF_DAY: dict[date, Composition] = {}


def composition(day: date) -> Composition:
    """The Council's members on ``day``, cached per span of unchanged membership, not per day.

    The vote record checks thousands of ballots on as many days: building the Council of each
    day would cost more than reading the votes. Membership changes only on 1 January and on the
    days of :func:`seating.change_days` (a seat changing hands, a late seat, a new name), so the days
    between two changes share one entry.

    >>> sorted(composition(date(2016, 10, 8)).permanent)
    ['CHN', 'FRA', 'GBR', 'RUS', 'USA']
    >>> composition(date(1971, 1, 1)).names["CHN"]
    'Republic of China'
    """
    known = _COMPOSITION_OF_DAY.get(day)
    if known is not None:
        return known
    changes = seating.change_days()
    last = changes[bisect_right(changes, day) - 1] if changes and changes[0] <= day else None
    key = (day.year, last if last is not None and last.year == day.year else None)
    found = _COMPOSITIONS.get(key)
    if found is None:
        seated = _composition(day)  # raises for a day outside the record
        names = dict(seated.holders)
        found = _COMPOSITIONS[key] = Composition(
            codes=frozenset(names),
            permanent=frozenset(state.code for state in seated.permanent),
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
    for holder in seating.permanent_holders():
        if wanted in (None, holder.code):
            found.append(
                Term(
                    member=member(holder.code),
                    name_then=holder.holder,
                    permanent=True,
                    label="permanent",
                    start=holder.start,
                    end=holder.end or record_end(),
                    sources=(holder.source,),
                )
            )
    open_terms: dict[tuple[str, str], list[seating.Row]] = {}
    for year in sorted(seating.membership_rows()):
        for row in seating.membership_rows()[year]:
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


def _elected_term(rows: list[seating.Row]) -> Term:
    start, end = date(rows[0].year, 1, 1), date(rows[-1].year, 12, 31)
    if start < FIRST_MEETING:
        start = FIRST_MEETING
    for when, old, new, _ in seating.elected_changes():
        if rows[0].code == old and when.year == rows[-1].year:
            end = when - timedelta(days=1)
        if rows[0].code == new and when.year + 1 == rows[0].year:
            start = when
    notes = [row.note for row in rows if row.note]
    sources = [part.strip() for row in rows for part in row.source.split(" | ")]
    for span in seating.term_dates().get(rows[0].code, ()):
        if span.first_day.year == start.year:
            start = span.first_day
        if span.last_day.year == end.year:
            end = span.last_day
        if start.year <= span.first_day.year <= end.year:
            notes.append(f"{span.what}: {span.notes}" if span.notes else span.what)
            sources += [part.strip() for part in span.source.split(" | ")]
    return Term(
        member=member(rows[0].code),
        name_then=rows[-1].name,
        permanent=False,
        label=rows[0].label,
        start=start,
        end=end,
        sources=tuple(dict.fromkeys(sources)),
        notes=tuple(dict.fromkeys(notes)),
    )
