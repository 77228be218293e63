"""The vote record as pandas DataFrames: one row per vote, and one row per member per vote.

Both frames are built column by column in one pass over the votes (never one small frame per
vote), so the whole record becomes a frame in about the time pandas takes to read it from CSV
(``benchmarks/bench_record.py``). Conventions as in :mod:`unsc_tracker.export.frames`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from ..arguments import VOTES, items
from ..council import Composition, composition
from ..voting import Ballot, Outcome
from .frames import SEATS, _categories, _days, _lists, _ordered, _text, pandas_module

if TYPE_CHECKING:
    from pandas import DataFrame  # type: ignore[import-untyped, import-not-found, unused-ignore]

    from ..record import Vote

__all__ = ["ballots_frame", "votes_frame"]

_BALLOT_WORDS = [ballot.value for ballot in Ballot]


def _votes(votes: object, caller: str) -> list[Vote]:
    from ..record import Vote

    return items(votes, Vote, f"{caller} takes {VOTES}")


def votes_frame(votes: Iterable[Vote]) -> DataFrame:
    """One row per vote, in the order given (``ut.votes()`` gives date order).

    Columns: ``symbol`` (string, the key: resolution, else draft), ``kind`` (category in
    ``TextKind`` order), ``resolution``, ``draft`` (string), ``date`` (datetime64[ns]),
    ``meeting`` (string), ``letters`` (list), ``agenda``, ``title`` (string), ``modality``
    (category), ``procedural`` (bool), ``outcome`` (category in :class:`Outcome` order:
    computed from the ballots where known, else as recorded), ``recorded_outcome`` (category),
    ``vetoed_by`` (list of ISO codes), ``yes``, ``no``, ``abstain``, ``non_voting`` (Int64,
    ``<NA>`` where not known), ``ballots`` (int64, how many members' ballots are on record),
    ``coverage`` (category: ballots, counts, nothing, no_vote), ``conflicts`` (int64),
    ``source`` (string).

    >>> import unsc_tracker as ut
    >>> frame = votes_frame(ut.votes(agenda="Aleppo", kind="draft"))
    >>> frame[["symbol", "outcome", "yes", "no", "abstain", "vetoed_by"]].to_dict("records")
    [{'symbol': 'S/2016/846', 'outcome': 'vetoed', 'yes': 11, 'no': 2, 'abstain': 2,
      'vetoed_by': ['RUS']},
     {'symbol': 'S/2016/847', 'outcome': 'failed', 'yes': 4, 'no': 9, 'abstain': 2,
      'vetoed_by': []},
     {'symbol': 'S/2016/1026', 'outcome': 'vetoed', 'yes': 11, 'no': 3, 'abstain': 1,
      'vetoed_by': ['CHN', 'RUS']}]
    """
    rows = _votes(votes, "votes_frame()")
    pd = pandas_module("votes_frame()")
    from ..record import Coverage, Modality, TextKind

    def column(values: Iterable[Any], dtype: Any) -> Any:
        return pd.Series(list(values), dtype=dtype)

    def word(value: Any) -> str | None:
        return value.value if value is not None else None

    outcomes = _categories(pd, Outcome)
    return pd.DataFrame(
        {
            "symbol": _text(pd, (v.symbol for v in rows)),
            "kind": column((v.kind.value for v in rows), _categories(pd, TextKind)),
            "resolution": _text(pd, (v.resolution for v in rows)),
            "draft": _text(pd, (v.draft for v in rows)),
            "date": _days(pd, (v.date for v in rows)),
            "meeting": _text(pd, (v.meeting for v in rows)),
            "letters": _lists(pd, (list(v.letters) for v in rows)),
            "agenda": _text(pd, (v.agenda for v in rows)),
            "title": _text(pd, (v.title for v in rows)),
            "modality": column((v.modality.value for v in rows), _categories(pd, Modality)),
            "procedural": column((v.procedural for v in rows), bool),
            "outcome": column((word(v.outcome) for v in rows), outcomes),
            "recorded_outcome": column((word(v.recorded_outcome) for v in rows), outcomes),
            "vetoed_by": _lists(pd, ([s.code for s in v.vetoed_by] for v in rows)),
            "yes": column((v.yes for v in rows), "Int64"),
            "no": column((v.no for v in rows), "Int64"),
            "abstain": column((v.abstain for v in rows), "Int64"),
            "non_voting": column((v.non_voting for v in rows), "Int64"),
            "ballots": column((len(v.ballots) for v in rows), "int64"),
            "coverage": column((v.coverage.value for v in rows), _categories(pd, Coverage)),
            "conflicts": column((len(v.conflicts) for v in rows), "int64"),
            "source": _text(pd, (v.source for v in rows)),
        }
    )


def ballots_frame(votes: Iterable[Vote]) -> DataFrame:
    """One row per member per vote: every ballot on record, the votes in the order given.

    Columns: ``symbol`` (string, the vote's key), ``date`` (datetime64[ns]), ``code`` (string,
    ISO alpha-3), ``name`` (string, the name the state sat under that day: ``USSR`` members are
    ``Union of Soviet Socialist Republics``), ``seat`` (category: permanent, elected), ``ballot``
    (category in :class:`Ballot` order). Votes with no ballots on record (counts only, adopted
    without a vote) have no rows; a member of the Council with no ballot on a vote has no row.

    >>> import unsc_tracker as ut
    >>> frame = ballots_frame(ut.votes(agenda="Aleppo", kind="draft"))
    >>> frame[frame.code == "EGY"][["symbol", "ballot"]].to_dict("records")
    [{'symbol': 'S/2016/846', 'ballot': 'yes'}, {'symbol': 'S/2016/847', 'ballot': 'yes'},
     {'symbol': 'S/2016/1026', 'ballot': 'yes'}]
    """
    votes = _votes(votes, "ballots_frame()")
    pd = pandas_module("ballots_frame()")
    import numpy as np

    symbols: list[str] = []
    days: list[Any] = []
    sizes: list[int] = []
    spans: list[int] = []
    codes: list[str] = []
    cast: list[Ballot] = []
    councils: list[Composition] = []
    known: dict[int, int] = {}
    # One pass over the votes; per ballot only two list extensions at C speed. The names and
    # seats, which depend on the member and the Council of the day, are looked up afterwards in
    # a small table of (Council, member), not once per ballot.
    for vote in votes:
        ballots = vote.ballots
        if not ballots:
            continue
        seated = composition(vote.date)
        span = known.get(id(seated))
        if span is None:
            span = known[id(seated)] = len(councils)
            councils.append(seated)
        symbols.append(vote.symbol)
        days.append(vote.date)
        sizes.append(len(ballots))
        spans.append(span)
        codes.extend(ballots)
        cast.extend(ballots.values())
    repeat = np.asarray(sizes, dtype=np.int64)
    members = pd.Categorical(codes)
    distinct = [str(code) for code in members.categories]
    names = np.empty((len(councils), len(distinct)), dtype=object)
    elected = np.ones((len(councils), len(distinct)), dtype=np.int8)
    for row, seated in enumerate(councils):
        for column, code in enumerate(distinct):
            names[row, column] = seated.names.get(code)
            elected[row, column] = code not in seated.permanent
    where = (np.repeat(np.asarray(spans, dtype=np.int64), repeat), members.codes)
    dates = np.repeat(np.asarray(days, dtype="datetime64[D]"), repeat).astype("datetime64[ns]")
    return pd.DataFrame(
        {
            "symbol": pd.array(np.repeat(np.asarray(symbols, dtype=object), repeat), "string"),
            "date": dates,
            "code": pd.array(codes, dtype="string"),
            "name": pd.array(names[where], dtype="string"),
            "seat": pd.Categorical.from_codes(elected[where], dtype=_ordered(pd, SEATS)),
            "ballot": pd.Categorical(cast, dtype=_ordered(pd, _BALLOT_WORDS)),
        }
    )
