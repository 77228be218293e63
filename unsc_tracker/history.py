"""The veto record: every veto found in the Security Council from 1946 to November 2026.

One :class:`Veto` per vetoed text, read from ``data/vetoes.csv`` (234 rows; sources in
``data/SOURCES.md``) and from the user's tables (``ut.use_data``), with the record's known gaps
(``data/veto_gaps.csv``). Each record keeps its source and its full notes, and the caveats in the
notes become structured fields: a classifier reads every clause of every note, and a clause it
does not recognise stops the load, so new data cannot lose text silently.

Each record also says whether it agrees with the rule (Art. 27(3), ``voting.tally``): the
listed vetoers must be permanent members that day, and where the counts are given, a ballot set
built from them must come out vetoed by exactly the listed members. Disagreements are kept in
:attr:`Veto.problems` and listed by :func:`check_vetoes`, never dropped.

This module asks the record questions (:func:`vetoes`, :func:`check_vetoes`) and counts its
answers; the model is in :mod:`unsc_tracker.veto`, reading and checking the table in
:mod:`unsc_tracker.veto_table`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import date, datetime
from functools import cache

from . import datafiles, veto_table
from .council import as_bound, terms
from .errors import VetoQueryError
from .members import MemberState, member, normalize_name, predecessors
from .veto import Caveat, DocumentKind, RecordGap, Veto, VetoRecords

__all__ = [
    "Caveat",
    "DocumentKind",
    "RecordGap",
    "Veto",
    "VetoQueryError",
    "VetoRecords",
    "check_vetoes",
    "count_by_agenda",
    "count_by_decade",
    "count_by_member",
    "count_by_year",
    "gaps",
    "vetoes",
]


# --- asking the record --------------------------------------------------------------------------


@cache
def _ever_permanent(code: str) -> bool:
    return any(term.permanent for term in terms(code))


def _holder(by: str, state: MemberState) -> tuple[date, date] | None:
    """The span of one government's tenure of a seat, when ``by`` names that government and the
    seat had others: "Republic of China" is 1946-01-17 to 1971-10-24 of the China seat."""
    held = [term for term in terms(state) if term.permanent]
    if len(held) < 2:
        return None
    wanted = normalize_name(by)
    for term in held:
        if normalize_name(term.name_then) == wanted:
            return term.start, term.end
    return None


@cache
def _gaps() -> tuple[RecordGap, ...]:
    return tuple(
        RecordGap(
            members=tuple(member(name) for name in row["vetoed_by"].split(";") if name.strip()),
            since=date.fromisoformat(row["since"]),
            until=date.fromisoformat(row["until"]) if row["until"] else None,
            agenda=row["agenda"],
            what=row["what"],
            source=row["source"],
        )
        for row in datafiles.rows("veto_gaps")
    )


datafiles.on_change(_gaps.cache_clear)


def gaps(
    codes: Iterable[str] | None = None,
    first: date | None = None,
    last: date | None = None,
    agenda: str | None = None,
) -> tuple[RecordGap, ...]:
    """The record's known gaps that concern the members ``codes`` (all by default), the span and
    the agenda item (a part of its words, case ignored).

    >>> [str(gap.since) for gap in gaps(["SUN"])]
    ['1955-12-13', '2026-04-08']
    """
    wanted = set(codes) if codes is not None else None
    return tuple(
        gap
        for gap in _gaps()
        if (wanted is None or not gap.members or wanted & {s.code for s in gap.members})
        and (last is None or gap.since <= last)
        and (first is None or gap.until is None or gap.until >= first)
        and (agenda is None or not gap.agenda or agenda.casefold() in gap.agenda.casefold())
    )


def vetoes(
    by: str | MemberState | None = None,
    *,
    since: date | datetime | str | None = None,
    until: date | datetime | str | None = None,
    agenda: str | None = None,
    include_predecessors: bool = False,
) -> VetoRecords:
    """The veto records, in date order, optionally filtered; with the record's known gaps.

    ``by`` names a permanent member (any name :func:`member` accepts) and selects the records
    it cast as seat holder: ``by="Russia"`` gives the Russian Federation's vetoes from
    24 December 1991; ``include_predecessors=True`` adds those of the seat's earlier holders
    (the USSR), each record saying who cast it in ``vetoed_by`` and ``cast_as``. A name that only
    one government of a seat bore selects that government's tenure: ``by="Republic of China"``
    gives the vetoes cast before 25 October 1971, ``by="People's Republic of China"`` those
    after, and ``by="China"`` the seat as a whole. ``since`` and ``until`` are inclusive (a day, or as text a
    month, ``"2016-10"``, or a year, ``"2011"``);
    ``agenda`` matches a part of the agenda, case ignored.

    The result is a tuple (:class:`~unsc_tracker.veto.VetoRecords`) whose ``gaps`` name what the
    record is known to lack for the members and span asked about (vetoes cast but not in the
    table, the months after the last search), so that a count is not read as complete.

    >>> syria = vetoes(by="Russian Federation", since=date(2011, 1, 1), agenda="syria")
    >>> len(syria), syria[0].date, syria[-1].draft_symbol
    (18, datetime.date(2011, 10, 4), 'S/2023/506')
    >>> len(vetoes(by="Russia")), len(vetoes(by="Russia", include_predecessors=True))
    (42, 132)
    >>> [(v.date.isoformat(), v.cast_as) for v in vetoes(by="Republic of China")]
    [('1955-12-13', ('Republic of China',))]
    >>> [str(gap) for gap in vetoes(by="Russia", include_predecessors=True).gaps][0][:60]
    '1955-12-13: the USSR voted against applicants in the separat'
    >>> vetoes(by="Egypt")
    Traceback (most recent call last):
    unsc_tracker.errors.VetoQueryError: by='Egypt': only permanent members can veto, and Egypt
    has never held a permanent seat
    """
    records: tuple[Veto, ...] = veto_table.records()
    wanted: set[str] | None = None
    first = as_bound(since, "since", last=False) if since is not None else None
    last = as_bound(until, "until", last=True) if until is not None else None
    if by is not None:
        state = member(by)
        if not _ever_permanent(state.code):
            given = by if isinstance(by, str) else state.name
            raise VetoQueryError(
                f"by={given!r}: only permanent members can veto, "
                f"and {state.name} has never held a permanent seat"
            )
        wanted = {state.code} | (predecessors(state.code) if include_predecessors else set())
        records = tuple(v for v in records if any(s.code in wanted for s in v.vetoed_by))
        tenure = _holder(by, state) if isinstance(by, str) else None
        if tenure is not None:
            records = tuple(v for v in records if tenure[0] <= v.date <= tenure[1])
            first = max(first, tenure[0]) if first is not None else tenure[0]
            last = min(last, tenure[1]) if last is not None else tenure[1]
    if first is not None and last is not None and first > last:
        raise VetoQueryError(
            f"since={first.isoformat()} is after until={last.isoformat()}: no day is in that span"
        )
    if first is not None:
        records = tuple(v for v in records if v.date >= first)
    if last is not None:
        records = tuple(v for v in records if v.date <= last)
    if agenda is not None:
        if not isinstance(agenda, str) or not agenda.strip():
            raise VetoQueryError(f"agenda={agenda!r}: give a part of an agenda item, e.g. 'Syria'")
        needle = agenda.strip().casefold()
        records = tuple(v for v in records if needle in v.agenda.casefold())
    return VetoRecords(records, gaps(wanted, first, last, agenda.strip() if agenda else None))


def check_vetoes(records: Iterable[Veto] | None = None) -> tuple[Veto, ...]:
    """The records (all bundled ones by default) that disagree with the rule or with themselves.

    A record is checked when it loads: each vetoer must hold a permanent seat that day; where
    counts are given, yes must reach the threshold, no must cover the vetoers and the total must
    fit the Council; with all three counts, a ballot set built from them (vetoers and members
    the notes name vote no, the other noes go to elected members, then yes, abstain, and absent
    for the rest) must come out vetoed by exactly the listed members under ``tally``.

    >>> check_vetoes()
    ()
    """
    return tuple(v for v in (veto_table.records() if records is None else records) if v.problems)


# --- counting -----------------------------------------------------------------------------------


def count_by_member(records: Iterable[Veto], *, by_seat: bool = False) -> dict[MemberState, int]:
    """Vetoes per member, most first (ties by name).

    Counting rule: each vetoed text counts once for each member that vetoed it, so a text
    vetoed by China and the Russian Federation adds one to each; several texts vetoed at one
    meeting count one each. Members are the holders who cast the veto (the USSR and the Russian
    Federation apart); ``by_seat=True`` credits earlier holders to the seat's present holder.

    >>> counts = count_by_member(vetoes(since="2011-01-01", until="2011-12-31"))
    >>> {state.code: n for state, n in counts.items()}
    {'CHN': 1, 'RUS': 1, 'USA': 1}
    """
    tally_: Counter[MemberState] = Counter()
    for veto in _records(records, "count_by_member"):
        for state in dict.fromkeys(veto.vetoed_by):
            tally_[_present_holder(state) if by_seat else state] += 1
    return dict(sorted(tally_.items(), key=lambda item: (-item[1], item[0].name)))


def _records(records: Iterable[Veto], function: str) -> list[Veto]:
    """``records`` as a list, once sure each is a :class:`Veto` (a clear TypeError otherwise)."""
    if isinstance(records, str | bytes) or not isinstance(records, Iterable):
        raise TypeError(
            f"{function}() counts Veto records (from vetoes()), not {type(records).__name__}"
        )
    found = list(records)
    stranger = next((record for record in found if not isinstance(record, Veto)), None)
    if stranger is not None:
        raise TypeError(
            f"{function}() counts Veto records (from vetoes()), not {type(stranger).__name__}"
        )
    return found


def _present_holder(state: MemberState) -> MemberState:
    while state.successor is not None:
        state = member(state.successor)
    return state


def count_by_year(records: Iterable[Veto]) -> dict[int, int]:
    """Vetoed texts per calendar year, from the first year to the last, years with none as 0.

    Counting rule: each vetoed text counts once, however many members vetoed it; several texts
    vetoed at one meeting count one each.

    >>> count_by_year(vetoes(since="1989-01-01", until="1993-12-31"))
    {1989: 5, 1990: 2, 1991: 0, 1992: 0, 1993: 1}
    """
    counts = Counter(veto.date.year for veto in _records(records, "count_by_year"))
    if not counts:
        return {}
    return {year: counts[year] for year in range(min(counts), max(counts) + 1)}


def count_by_decade(records: Iterable[Veto]) -> dict[int, int]:
    """Vetoed texts per decade (keyed by its first year, 1940 for the 1940s), gaps as 0.

    Counting rule as in :func:`count_by_year`: one per text, whoever vetoed it.

    >>> count_by_decade(vetoes(by="France"))
    {1950: 2, 1960: 0, 1970: 7, 1980: 7}
    """
    counts = Counter(veto.date.year // 10 * 10 for veto in _records(records, "count_by_decade"))
    if not counts:
        return {}
    return {decade: counts[decade] for decade in range(min(counts), max(counts) + 1, 10)}


def count_by_agenda(records: Iterable[Veto]) -> dict[str, int]:
    """Vetoed texts per agenda item as the record words it, most first (ties alphabetical).

    Counting rule as in :func:`count_by_year`: one per text. Agenda items are not merged: the
    record words them as the UN list does ("Middle East (Syria)" and "Middle East (Syria) -
    Aleppo" are two items); filter with ``vetoes(agenda=...)`` to group by a word.

    >>> for item, n in count_by_agenda(vetoes(agenda="Admission", since="1975-01-01")).items():
    ...     print(n, item)
    2 Admission of new Members (Democratic Republic of Viet-Nam)
    2 Admission of new Members (Republic of South Viet-Nam)
    1 Admission of new Members (State of Palestine)
    1 Admission of new Members (Viet Nam)
    """
    counts = Counter(veto.agenda for veto in _records(records, "count_by_agenda"))
    return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))
