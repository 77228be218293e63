"""pandas DataFrames of results, replays, the veto record and the Council's composition.

Each frame starts with its key columns, filled on every row (:data:`KEYS`). Dates are
``datetime64[ns]`` columns (a day is its midnight); closed vocabularies (ballots, stages,
outcomes, event kinds, seats) are ordered ``pandas.CategoricalDtype`` columns whose categories
follow the enum's order; text is the ``string`` dtype, counts ``Int64`` where they may be
unknown, flags that may be unknown ``boolean``; lists (of members, of caveats) are list columns.
A missing value is pandas' ``NA`` in every column, shown ``<NA>`` (categories are held as
pandas strings so that they show it too), except in a date column, where pandas shows its
missing value as ``NaT``. ``docs/export.md`` has a table of columns per frame.

pandas is imported inside the functions that need it, never when this module loads.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable
from enum import StrEnum
from importlib import import_module
from typing import TYPE_CHECKING, Any

from ..arguments import REPLAY, VETOES, given, items, of_type, optional_text
from ..checked import shown
from ..council import council
from ..errors import DateError, DateOutOfRecordError, MissingExtraError
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
    "KEYS",
    "SEATS",
    "council_frame",
    "pandas_module",
    "replay_frame",
    "vetoes_frame",
    "vote_frame",
]

SEATS = ("permanent", "elected")
"""The categories of the ``seat`` columns, in this order."""

KEYS: dict[str, tuple[str, ...]] = {
    "vote_frame": ("symbol", "date", "code"),
    "replay_frame": ("draft", "seq"),
    "vetoes_frame": ("symbol", "line"),
    "council_frame": ("since", "code"),
    "votes_frame": ("symbol",),
    "ballots_frame": ("symbol", "code"),
}
"""Each frame's key columns: together they name a row, and no row lacks them (``vote_frame`` of a
bare :class:`VoteResult` has no symbol unless one is passed)."""


def pandas_module(feature: str) -> Any:
    """pandas, imported on first use; a clear error naming the extra when it is missing."""
    try:
        return import_module("pandas")
    except ImportError:
        raise MissingExtraError(feature, "pandas", "pandas") from None


def _categories(pd: Any, enum: type[StrEnum]) -> Any:
    return _ordered(pd, [item.value for item in enum])


def _ordered(pd: Any, words: Iterable[str]) -> Any:
    """An ordered category of ``words``, held as pandas strings, so a missing value is ``<NA>``
    as in every other column (categories of Python strings would show ``NaN``)."""
    return pd.CategoricalDtype(pd.Index(list(words), dtype="string"), ordered=True)


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
    optional_text(symbol, "vote_frame()", "symbol")
    optional_text(meeting, "vote_frame()", "meeting")
    pd = pandas_module("vote_frame()")
    from ..record import Vote

    if isinstance(result, Vote):
        symbol = symbol if symbol is not None else result.symbol
        meeting = meeting if meeting is not None else result.meeting
        result = result.to_record()
    elif isinstance(result, VoteRecord):
        symbol = symbol if symbol is not None else result.symbol
        meeting = meeting if meeting is not None else result.meeting
    result = _as_result(result, "vote_frame()", "a Vote of the record, ")
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
                dtype=_ordered(pd, SEATS),
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

    Columns: ``draft`` (string, the draft's id) and ``seq`` (int64, the snapshot's number in the
    replay, from 1), the keys; ``date`` (datetime64[ns]: the event's time when recorded, else
    the day's midnight), ``day`` (datetime64[ns]), ``kind`` (category in
    :class:`~unsc_tracker.events.EventKind` order), ``summary`` (string), ``stage`` (category in
    :class:`~unsc_tracker.lifecycle.Stage` order), ``symbol`` (string), ``expected`` (category
    in :class:`Outcome` order, ``<NA>`` while open), ``expected_vetoed_by`` (list of ISO codes),
    ``result`` (category, ``<NA>`` before the vote), ``counts`` (string, e.g. "11-2-2"),
    ``sponsors`` (int64), ``warnings`` (int64, how many this event raised), ``inferred``
    (int64, steps inserted before it), ``ga_debate_due_by`` (datetime64[ns], NaT unless a veto
    calls for one), ``source`` and ``note`` (string: the event's own, as the record gives
    them).

    >>> import unsc_tracker as ut
    >>> frame = replay_frame(ut.load_scenario("aleppo-2016").replay("S/2016/846"))
    >>> row = frame[frame.kind == "vote_held"].iloc[0]
    >>> row.draft, int(row.seq), str(row.day.date()), row.stage, row.result, row.counts
    ('S/2016/846', 17, '2016-10-08', 'vetoed', 'vetoed', '11-2-2')
    >>> row.source
    'https://press.un.org/en/2016/sc12545.doc.htm'
    """
    from ..replay import Replay

    snapshots = list(of_type(replay, Replay, f"replay_frame() takes {REPLAY}"))
    pd = pandas_module("replay_frame()")
    outcomes = _categories(pd, Outcome)

    def outcome(value: Outcome | None) -> str | None:
        return value.value if value is not None else None

    return pd.DataFrame(
        {
            "draft": _text(pd, (s.draft for s in snapshots)),
            "seq": pd.Series(range(1, len(snapshots) + 1), dtype="int64"),
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
            "source": _text(pd, (s.event.source for s in snapshots)),
            "note": _text(pd, (s.event.note for s in snapshots)),
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
    from ..history import Veto, vetoes
    from ..record.veto_record import veto_symbol

    everything = vetoes()
    rows = (
        list(everything)
        if records is None
        else items(records, Veto, f"vetoes_frame() takes {VETOES}, or None")
    )
    pd = pandas_module("vetoes_frame()")
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


def council_frame(on: int | _dt.date | str, until: int | _dt.date | str | None = None) -> DataFrame:
    """The Council on a day, or over a span of days: one row per member per span of days in
    which neither the Council nor its president changed, permanent members first.

    ``on`` is a day (a date, a datetime or an ISO text): the frame is that day's Council, 15
    rows today. With ``until`` (a day, included), it is every Council from ``on`` to ``until``:
    a new span starts on the first of each month (a new president, rule 18) and on each day
    the membership or a member's name changed (a seat changing hands, a late seat). A year
    (an ``int``) stands for its first day as ``on`` and its last as ``until`` (within the record:
    1946 from the first meeting, 17 January), so ``council_frame(2016)`` is every Council of 2016
    (twelve presidencies).

    Columns: ``since`` and ``until`` (datetime64[ns], the first and last day of the span within
    the days asked), ``code`` (string, ISO alpha-3) (``since`` and ``code`` are the keys),
    ``name`` (string, the name the state sat under), ``seat`` (category: permanent, elected),
    ``president`` (boolean: presided over the Council in that span; ``<NA>`` for every member
    where the record does not know the president).

    Errors: :class:`~unsc_tracker.errors.DateError` for a span that ends before it starts,
    :class:`~unsc_tracker.errors.DateOutOfRecordError` for a text that is no day and for a day or
    a year the record does not cover (naming the argument and its value), ``TypeError`` for
    anything that is neither a day nor a year.

    >>> frame = council_frame("2016-10-08")
    >>> len(frame), frame.seat.value_counts(sort=False).to_dict()
    (15, {'permanent': 5, 'elected': 10})
    >>> frame[frame.president.fillna(False)].name.tolist()
    ['Russian Federation']
    >>> spans = council_frame(1971)
    >>> spans.groupby("since").size().size, spans[spans.code == "CHN"].name.unique().tolist()
    (13, ['Republic of China', "People's Republic of China"])
    >>> council_frame(2017, 2016)
    Traceback (most recent call last):
    unsc_tracker.errors.DateError: council_frame(on=2017-01-01, until=2016-12-31): on is after
    until, so no day is in that span
    >>> council_frame(-1)
    Traceback (most recent call last):
    unsc_tracker.errors.DateOutOfRecordError: council_frame(): on=-1 is not a year of the record,
    which covers 1946 to ...
    """
    first = _day(on, "on", last=False)
    last = (
        first
        if until is None and not isinstance(on, int)
        else _day(on if until is None else until, "until", last=True)
    )
    if first > last:
        raise DateError(
            f"council_frame(on={first.isoformat()}, until={last.isoformat()}): on is after "
            "until, so no day is in that span"
        )
    for name, day in (("on", first), ("until", last)):
        try:
            council(on=day)  # either end outside the record raises, naming its day
        except DateOutOfRecordError as err:
            raise DateOutOfRecordError(
                f"council_frame(): {name}={day.isoformat()}: {err}"
            ) from None
    pd = pandas_module("council_frame()")
    starts = _span_starts(first, last)
    ends = [day - _dt.timedelta(days=1) for day in starts[1:]] + [last]
    rows: list[tuple[_dt.date, _dt.date, str, str, str, bool | None]] = []
    for start, end in zip(starts, ends, strict=True):
        seated = council(on=start)
        known = seated.president is not None
        for state in seated.members:
            permanent = _seat(seated.is_permanent(state))
            president = seated.president == state if known else None
            rows.append((start, end, state.code, seated.name_then(state), permanent, president))
    return pd.DataFrame(
        {
            "since": _days(pd, (row[0] for row in rows)),
            "until": _days(pd, (row[1] for row in rows)),
            "code": _text(pd, (row[2] for row in rows)),
            "name": _text(pd, (row[3] for row in rows)),
            "seat": pd.Series([row[4] for row in rows], dtype=_ordered(pd, SEATS)),
            "president": pd.Series([row[5] for row in rows], dtype="boolean"),
        }
    )


def _span_starts(first: _dt.date, last: _dt.date) -> list[_dt.date]:
    """The first day of each span of one Council and one president between two days: ``first``,
    each first of a month, each day the membership changed."""
    from ..council import composition

    days = {first}
    month = _dt.date(first.year, first.month, 1)
    while month <= last:
        days.add(month)
        month = _dt.date(month.year + month.month // 12, month.month % 12 + 1, 1)
    day = first
    while day <= last:  # a change of membership: the composition's span differs
        nxt = day + _dt.timedelta(days=1)
        if nxt <= last and composition(nxt) is not composition(day):
            days.add(nxt)
        day = nxt
    return sorted(d for d in days if first <= d <= last)


def _day(value: object, name: str, *, last: bool) -> _dt.date:
    """A day from a date, a datetime, an ISO text, or a year (its first or ``last`` day)."""
    from ..council import FIRST_MEETING, _as_date, record_end

    if isinstance(value, int) and not isinstance(value, bool):
        if not FIRST_MEETING.year <= value <= record_end().year:
            raise DateOutOfRecordError(
                f"council_frame(): {name}={shown(value)} is not a year of the record, which "
                f"covers {FIRST_MEETING.year} to {record_end().year}"
            )
        # the year's days within the record: 1946 from its first meeting, the last year to its end
        start, end = _dt.date(value, 1, 1), _dt.date(value, 12, 31)
        if start < FIRST_MEETING <= end:
            start = FIRST_MEETING
        if start <= record_end() < end:
            end = record_end()
        return end if last else start
    if isinstance(value, (_dt.date, str)):
        return _as_date(value, f"council_frame(): {name}")
    raise TypeError(
        f"council_frame(): {name} is a day (date or ISO text) or a year (int), not {given(value)}"
    )


def _as_result(value: object, caller: str, also: str = "") -> VoteResult:
    """The result of a vote: a VoteResult as is, a VoteRecord tallied; anything else an error
    (``also`` names the other kinds of vote the caller takes)."""
    if isinstance(value, VoteResult):
        return value
    if isinstance(value, VoteRecord):
        return tally(value)
    hint = "; a snapshot's vote is snapshot.result" if type(value).__name__ == "Snapshot" else ""
    raise TypeError(
        f"{caller} takes {also}a VoteResult or a VoteRecord, not {type(value).__name__}{hint}"
    )


def _seat(permanent: bool) -> str:
    return "permanent" if permanent else "elected"


def _codes(states: Iterable[MemberState]) -> list[str]:
    return [state.code for state in states]


def _lists(pd: Any, values: Iterable[list[str]]) -> Any:
    """An object column holding one Python list per row (empty lists, never NaN)."""
    return pd.Series(list(values), dtype=object)
