"""pandas DataFrames of results, replays, the veto record and the Council's composition.

Dates are ``datetime64[ns]`` columns (a day is its midnight); closed vocabularies (ballots,
stages, outcomes, event kinds, seats) are ordered ``pandas.CategoricalDtype`` columns whose
categories follow the enum's order; text is the ``string`` dtype, missing text ``<NA>``; lists
(of members, of caveats) are list columns. ``docs/export.md`` has a table of columns per frame.

pandas is imported inside the functions that need it, never when this module loads.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable
from enum import StrEnum
from importlib import import_module
from typing import TYPE_CHECKING, Any

from ..council import council
from ..errors import DateError, MissingExtraError
from ..events import EventKind
from ..lifecycle import Stage
from ..members import MemberState
from ..voting import Ballot, Outcome, VoteRecord, VoteResult, tally

if TYPE_CHECKING:
    from pandas import DataFrame  # type: ignore[import-untyped, import-not-found, unused-ignore]

    from ..history import Veto
    from ..record import Vote
    from ..replay import Replay

__all__ = [
    "SEATS",
    "council_frame",
    "pandas_module",
    "replay_frame",
    "vetoes_frame",
    "vote_frame",
]

SEATS = ("permanent", "elected")
"""The categories of the ``seat`` columns, in this order."""


def pandas_module(feature: str) -> Any:
    """pandas, imported on first use; a clear error naming the extra when it is missing."""
    try:
        return import_module("pandas")
    except ImportError:
        raise MissingExtraError(feature, "pandas", "pandas") from None


def _categories(pd: Any, enum: type[StrEnum]) -> Any:
    return pd.CategoricalDtype([item.value for item in enum], ordered=True)


def _days(pd: Any, values: Iterable[_dt.date | None]) -> Any:
    """A datetime64[ns] column: a day as its midnight, a time without its zone, None as NaT."""
    stamps = [
        None
        if value is None
        else value.replace(tzinfo=None)
        if isinstance(value, _dt.datetime)
        else _dt.datetime(value.year, value.month, value.day)
        for value in values
    ]
    return pd.Series(stamps, dtype="datetime64[ns]")


def _text(pd: Any, values: Iterable[str | None]) -> Any:
    return pd.Series(list(values), dtype="string")


def vote_frame(
    result: VoteResult | VoteRecord | Vote,
    *,
    symbol: str | None = None,
    meeting: str | None = None,
) -> DataFrame:
    """One row per member of the Council that voted, permanent members first.

    Columns: ``symbol`` (string, the text voted on), ``date`` (datetime64[ns]), ``meeting``
    (string), then ``code`` (string, ISO alpha-3), ``name`` (string, the name the state sat under
    that day), ``seat`` (category: permanent, elected), ``ballot`` (category in :class:`Ballot`
    order), ``vetoed`` (bool: this member's "no" was a veto). A :class:`VoteRecord` is tallied
    first and gives the symbol and meeting unless they are passed; so does a
    :class:`~unsc_tracker.record.Vote` with ballots. A :class:`VoteResult` knows neither:
    ``symbol`` and ``meeting`` are then ``<NA>`` unless passed.

    >>> import unsc_tracker as ut
    >>> result = ut.load_scenario("aleppo-2016").replay("S/2016/846").final.result
    >>> frame = vote_frame(result, symbol="S/2016/846", meeting="S/PV.7785")
    >>> frame[frame.vetoed][["symbol", "code", "seat", "ballot"]].to_dict("records")
    [{'symbol': 'S/2016/846', 'code': 'RUS', 'seat': 'permanent', 'ballot': 'no'}]
    >>> frame.ballot.value_counts(sort=False).to_dict()
    {'yes': 11, 'no': 2, 'abstain': 2, 'absent': 0, 'not_voting': 0}
    """
    pd = pandas_module("vote_frame()")
    from ..record import Vote

    if isinstance(result, Vote):
        symbol = symbol if symbol is not None else result.symbol
        meeting = meeting if meeting is not None else result.meeting
        result = result.to_record()
    elif isinstance(result, VoteRecord):
        symbol = symbol if symbol is not None else result.symbol
        meeting = meeting if meeting is not None else result.meeting
    result = _as_result(result, "vote_frame()")
    seated = council(on=result.on)
    vetoers = {state.code for state in result.vetoed_by}
    members = [state for state in seated.members if state.code in result.ballots]
    size = len(members)
    return pd.DataFrame(
        {
            "symbol": pd.Series([symbol] * size, dtype="string"),
            "date": _days(pd, [result.on] * size),
            "meeting": pd.Series([meeting] * size, dtype="string"),
            "code": _text(pd, (state.code for state in members)),
            "name": _text(pd, (seated.name_then(state) for state in members)),
            "seat": pd.Series(
                [_seat(seated.is_permanent(state)) for state in members],
                dtype=pd.CategoricalDtype(SEATS, ordered=True),
            ),
            "ballot": pd.Series(
                [result.ballots[state.code].value for state in members],
                dtype=_categories(pd, Ballot),
            ),
            "vetoed": pd.Series([state.code in vetoers for state in members], dtype=bool),
        }
    )


def replay_frame(replay: Replay) -> DataFrame:
    """One row per snapshot of a replayed draft, in order.

    Columns: ``date`` (datetime64[ns]: the event's time when recorded, else the day's midnight),
    ``day`` (datetime64[ns]), ``kind`` (category in :class:`~unsc_tracker.events.EventKind`
    order), ``summary`` (string), ``stage`` (category in :class:`~unsc_tracker.lifecycle.Stage`
    order), ``symbol`` (string), ``expected`` (category in :class:`Outcome` order, NaN while
    open), ``expected_vetoed_by`` (string, ISO codes joined by ", "), ``result`` (category,
    NaN before the vote), ``counts`` (string, e.g. "11-2-2"), ``sponsors`` (int64),
    ``warnings`` (int64, how many this event raised), ``inferred`` (int64, steps inserted
    before it), ``ga_debate_due_by`` (datetime64[ns], NaT unless a veto calls for one).

    >>> import unsc_tracker as ut
    >>> frame = replay_frame(ut.load_scenario("aleppo-2016").replay("S/2016/846"))
    >>> row = frame[frame.kind == "vote_held"].iloc[0]
    >>> str(row.day.date()), row.stage, row.result, row.counts
    ('2016-10-08', 'vetoed', 'vetoed', '11-2-2')
    """
    pd = pandas_module("replay_frame()")
    snapshots = list(replay)
    outcomes = _categories(pd, Outcome)

    def outcome(value: Outcome | None) -> str | None:
        return value.value if value is not None else None

    return pd.DataFrame(
        {
            "date": _days(pd, (s.date for s in snapshots)),
            "day": _days(pd, (s.day for s in snapshots)),
            "kind": pd.Series([s.event.kind for s in snapshots], dtype=_categories(pd, EventKind)),
            "summary": _text(pd, (s.event.summary for s in snapshots)),
            "stage": pd.Series([s.stage.value for s in snapshots], dtype=_categories(pd, Stage)),
            "symbol": _text(pd, (s.symbol for s in snapshots)),
            "expected": pd.Series([outcome(s.expected.outcome) for s in snapshots], dtype=outcomes),
            "expected_vetoed_by": _lists(pd, (_codes(s.expected.vetoed_by) for s in snapshots)),
            "result": pd.Series(
                [outcome(s.result.outcome if s.result else None) for s in snapshots],
                dtype=outcomes,
            ),
            "counts": _text(pd, (s.result.counts if s.result else None for s in snapshots)),
            "sponsors": pd.Series([len(s.sponsors) for s in snapshots], dtype="int64"),
            "warnings": pd.Series([len(s.warnings) for s in snapshots], dtype="int64"),
            "inferred": pd.Series([len(s.inferred) for s in snapshots], dtype="int64"),
            "ga_debate_due_by": _days(pd, (s.ga_debate_due_by for s in snapshots)),
        }
    )


def vetoes_frame(records: Iterable[Veto] | None = None) -> DataFrame:
    """The veto record as a table: every bundled record by default, or the ``records`` given.

    Columns: ``symbol`` (string, the key of the vote in :func:`~unsc_tracker.votes`: the
    draft's symbol, else a label), ``date`` (datetime64[ns]), ``document`` (string, as the
    source gives it), ``draft_symbol`` (string), ``meeting`` (string), ``agenda`` (string),
    ``vetoed_by`` (list of ISO codes), ``cast_as`` (list: the names the vetoers cast under),
    ``vetoers`` (int64), ``yes``, ``no``, ``abstain`` (Int64, ``<NA>`` where the record has no
    count), ``caveats`` (list of words), ``source`` (string), ``line`` (int64, the row in
    ``data/vetoes.csv``).

    >>> import unsc_tracker as ut
    >>> frame = vetoes_frame(ut.vetoes(agenda="Aleppo"))
    >>> frame[["symbol", "vetoed_by", "no"]].to_dict("records")
    [{'symbol': 'S/2016/846', 'vetoed_by': ['RUS'], 'no': 2},
     {'symbol': 'S/2016/1026', 'vetoed_by': ['RUS', 'CHN'], 'no': 3}]
    """
    pd = pandas_module("vetoes_frame()")
    from ..history import vetoes
    from ..record.veto_record import veto_symbol

    everything = vetoes()
    rows = list(everything if records is None else records)
    return pd.DataFrame(
        {
            "symbol": _text(pd, (veto_symbol(v, everything) for v in rows)),
            "date": _days(pd, (v.date for v in rows)),
            "document": _text(pd, (v.document for v in rows)),
            "draft_symbol": _text(pd, (v.draft_symbol for v in rows)),
            "meeting": _text(pd, (v.meeting for v in rows)),
            "agenda": _text(pd, (v.agenda for v in rows)),
            "vetoed_by": _lists(pd, (_codes(v.vetoed_by) for v in rows)),
            "cast_as": _lists(pd, (list(v.cast_as) for v in rows)),
            "vetoers": pd.Series([len(v.vetoed_by) for v in rows], dtype="int64"),
            "yes": pd.Series([v.yes for v in rows], dtype="Int64"),
            "no": pd.Series([v.no for v in rows], dtype="Int64"),
            "abstain": pd.Series([v.abstain for v in rows], dtype="Int64"),
            "caveats": _lists(pd, ([c.value for c in v.caveats] for v in rows)),
            "source": _text(pd, (v.source for v in rows)),
            "line": pd.Series([v.line for v in rows], dtype="int64"),
        }
    )


def council_frame(since: int | _dt.date, until: int | _dt.date | None = None) -> DataFrame:
    """The Council's composition year by year, as it stood on 1 July of each year.

    ``since`` and ``until`` are years (or dates, of which the year counts), both included;
    ``until`` defaults to ``since``. One row per member per year, permanent members first.
    1 July is mid-year: a seat that changed hands during a year (the China seat in October
    1971, the USSR's in December 1991) shows its holder of the first half.

    Columns: ``year`` (int64), ``on`` (datetime64[ns], 1 July of the year), ``code`` (string),
    ``name`` (string, the name the state sat under), ``seat`` (category: permanent, elected),
    ``president`` (bool, presided over the Council in July, where the record knows it).

    >>> frame = council_frame(2016)
    >>> len(frame), frame.seat.value_counts().to_dict()
    (15, {'elected': 10, 'permanent': 5})
    >>> council_frame(2017, 2016)
    Traceback (most recent call last):
    unsc_tracker.errors.DateError: council_frame(since=2017, until=2016): since is after until,
    so no year is in that span
    """
    first = _year(since, "since")
    last = first if until is None else _year(until, "until")
    if first > last:
        raise DateError(
            f"council_frame(since={first}, until={last}): since is after until, "
            "so no year is in that span"
        )
    pd = pandas_module("council_frame()")
    rows: list[tuple[int, _dt.date, str, str, str, bool]] = []
    for year in range(first, last + 1):
        seated = council(on=_dt.date(year, 7, 1))
        for state in seated.members:
            rows.append(
                (
                    year,
                    seated.on,
                    state.code,
                    seated.name_then(state),
                    _seat(seated.is_permanent(state)),
                    seated.president == state,
                )
            )
    return pd.DataFrame(
        {
            "year": pd.Series([row[0] for row in rows], dtype="int64"),
            "on": _days(pd, (row[1] for row in rows)),
            "code": _text(pd, (row[2] for row in rows)),
            "name": _text(pd, (row[3] for row in rows)),
            "seat": pd.Series([row[4] for row in rows], dtype=pd.CategoricalDtype(SEATS, True)),
            "president": pd.Series([row[5] for row in rows], dtype=bool),
        }
    )


def _as_result(value: object, caller: str) -> VoteResult:
    """The result of a vote: a VoteResult as is, a VoteRecord tallied; anything else an error."""
    if isinstance(value, VoteResult):
        return value
    if isinstance(value, VoteRecord):
        return tally(value)
    hint = "; a snapshot's vote is snapshot.result" if type(value).__name__ == "Snapshot" else ""
    raise TypeError(
        f"{caller} takes a VoteResult or a VoteRecord, not {type(value).__name__}{hint}"
    )


def _year(value: object, name: str) -> int:
    if isinstance(value, _dt.date):
        return value.year
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    raise TypeError(
        f"council_frame(): {name} is a year or a date, not {type(value).__name__} {value!r}"
    )


def _seat(permanent: bool) -> str:
    return "permanent" if permanent else "elected"


def _codes(states: Iterable[MemberState]) -> list[str]:
    return [state.code for state in states]


def _lists(pd: Any, values: Iterable[list[str]]) -> Any:
    """An object column holding one Python list per row (empty lists, never NaN)."""
    return pd.Series(list(values), dtype=object)
