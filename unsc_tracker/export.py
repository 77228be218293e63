"""Results, replays, the veto record and the Council's composition, out to other tools.

Two families of export:

- **pandas DataFrames** (the ``pandas`` extra): :func:`vote_frame`, :func:`replay_frame`,
  :func:`vetoes_frame` and :func:`council_frame`. Dates are ``datetime64[ns]`` columns (a day is
  its midnight); closed vocabularies (ballots, stages, outcomes, event kinds, seats) are ordered
  ``pandas.CategoricalDtype`` columns whose categories follow the enum's order; text is the
  ``string`` dtype, missing text ``<NA>``. ``docs/export.md`` has a table of columns per frame.
- **Popolo and Open Civic Data** (no dependency): :func:`popolo_vote_event` gives a Popolo
  ``VoteEvent`` (popoloproject.com, version 1.0.1) and :func:`ocd_actions` a draft's history as
  Open Civic Data bill actions. Both are plain JSON-ready dicts. What those specifications have
  no field for (the veto above all) goes in extension fields prefixed ``unsc:``.

pandas is imported inside the functions that need it, never when this module loads.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable
from enum import StrEnum
from importlib import import_module
from typing import TYPE_CHECKING, Any

from .council import council
from .errors import DateError, MissingExtraError
from .events import EventKind
from .lifecycle import Stage
from .members import MemberState, member
from .voting import Ballot, Outcome, VoteRecord, VoteResult, tally

if TYPE_CHECKING:
    from pandas import DataFrame  # type: ignore[import-untyped, import-not-found, unused-ignore]

    from .history import Veto
    from .replay import Replay

__all__ = [
    "OCD_CLASSIFICATIONS",
    "POPOLO_OPTIONS",
    "council_frame",
    "member_id",
    "ocd_actions",
    "popolo_vote_event",
    "replay_frame",
    "vetoes_frame",
    "vote_frame",
]

SEATS = ("permanent", "elected")
"""The categories of the ``seat`` columns, in this order."""

POPOLO_OPTIONS: dict[Ballot, str] = {
    Ballot.YES: "yes",
    Ballot.NO: "no",
    Ballot.ABSTAIN: "abstain",
    Ballot.ABSENT: "absent",
    Ballot.NOT_VOTING: "not voting",
}
"""Each ballot as the Popolo vote option of the same meaning."""

OCD_CLASSIFICATIONS: dict[EventKind, tuple[str, ...]] = {
    EventKind.CIRCULATED: ("introduction",),
    EventKind.REVISED: ("substitution",),
    EventKind.PUT_IN_BLUE: ("filing",),
    EventKind.WITHDRAWN: ("withdrawal",),
    EventKind.REVIVED: ("introduction",),
    EventKind.NOT_PUT_TO_VOTE: ("withdrawal",),
    EventKind.ABANDONED: ("withdrawal",),
}
"""Open Civic Data action classifications by event kind; a vote is ``passage`` or ``failure``.

Circulation to all fifteen is the introduction (circulation to a smaller circle is no action of
the Council: :func:`ocd_actions` leaves it out); a revision replaces the text (``substitution``); putting a draft in
blue files it as an S/ document (``filing``); a revival reintroduces a withdrawn draft (rule 35);
a draft withdrawn, not put to the vote or abandoned is a ``withdrawal``. Silence procedures and
scheduling have no OCD classification: their actions have an empty list.
"""

_ACTION_KINDS = frozenset(EventKind) - {
    EventKind.POSITION_STATED,
    EventKind.DIPLOMATIC_CONTACT,
    EventKind.STATEMENT,
    EventKind.SPONSOR_JOINED,
    EventKind.SPONSOR_LEFT,
}
"""Events that act on the draft itself; positions, contacts, statements and sponsors do not."""

_COUNCIL = {"id": "un-security-council", "name": "United Nations Security Council"}
_GROUPS = {
    "permanent": {"id": "unsc:permanent", "name": "Permanent members"},
    "elected": {"id": "unsc:elected", "name": "Elected members"},
}


# --- pandas -------------------------------------------------------------------------------------


def _pandas(feature: str) -> Any:
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


def vote_frame(result: VoteResult | VoteRecord) -> DataFrame:
    """One row per member of the Council that voted, permanent members first.

    Columns: ``code`` (string, ISO alpha-3), ``name`` (string, the name the state sat under that
    day), ``seat`` (category: permanent, elected), ``ballot`` (category in :class:`Ballot`
    order), ``vetoed`` (bool: this member's "no" was a veto). A :class:`VoteRecord` is tallied
    first.

    >>> import unsc_tracker as ut
    >>> result = ut.load_scenario("aleppo-2016").replay("S/2016/846").final.result
    >>> frame = vote_frame(result)
    >>> frame[frame.vetoed][["code", "seat", "ballot"]].to_dict("records")
    [{'code': 'RUS', 'seat': 'permanent', 'ballot': 'no'}]
    >>> frame.ballot.value_counts(sort=False).to_dict()
    {'yes': 11, 'no': 2, 'abstain': 2, 'absent': 0, 'not_voting': 0}
    """
    pd = _pandas("vote_frame()")
    result = _as_result(result, "vote_frame()")
    seated = council(on=result.on)
    vetoers = {state.code for state in result.vetoed_by}
    members = [state for state in seated.members if state.code in result.ballots]
    return pd.DataFrame(
        {
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
    pd = _pandas("replay_frame()")
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
            "expected_vetoed_by": _text(pd, (_codes(s.expected.vetoed_by) for s in snapshots)),
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

    Columns: ``date`` (datetime64[ns]), ``document`` (string, as the source gives it),
    ``draft_symbol`` (string), ``meeting`` (string), ``agenda`` (string), ``vetoed_by``
    (string, ISO codes joined by ", "), ``cast_as`` (string, the names the vetoers cast under,
    joined by ", "), ``vetoers`` (int64), ``yes``, ``no``, ``abstain`` (Int64, ``<NA>`` where
    the record has no count), ``caveats`` (string, joined by ", "), ``source`` (string),
    ``line`` (int64, the row in ``data/vetoes.csv``).

    >>> import unsc_tracker as ut
    >>> frame = vetoes_frame(ut.vetoes(agenda="Aleppo"))
    >>> frame[["draft_symbol", "vetoed_by", "no"]].to_dict("records")
    [{'draft_symbol': 'S/2016/846', 'vetoed_by': 'RUS', 'no': 2},
     {'draft_symbol': 'S/2016/1026', 'vetoed_by': 'RUS, CHN', 'no': 3}]
    """
    pd = _pandas("vetoes_frame()")
    if records is None:
        from .history import vetoes

        records = vetoes()
    rows = list(records)
    return pd.DataFrame(
        {
            "date": _days(pd, (v.date for v in rows)),
            "document": _text(pd, (v.document for v in rows)),
            "draft_symbol": _text(pd, (v.draft_symbol for v in rows)),
            "meeting": _text(pd, (v.meeting for v in rows)),
            "agenda": _text(pd, (v.agenda for v in rows)),
            "vetoed_by": _text(pd, (_codes(v.vetoed_by) for v in rows)),
            "cast_as": _text(pd, (", ".join(v.cast_as) for v in rows)),
            "vetoers": pd.Series([len(v.vetoed_by) for v in rows], dtype="int64"),
            "yes": pd.Series([v.yes for v in rows], dtype="Int64"),
            "no": pd.Series([v.no for v in rows], dtype="Int64"),
            "abstain": pd.Series([v.abstain for v in rows], dtype="Int64"),
            "caveats": _text(pd, (", ".join(c.value for c in v.caveats) for v in rows)),
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
    pd = _pandas("council_frame()")
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


def _codes(states: Iterable[MemberState]) -> str | None:
    return ", ".join(state.code for state in states) or None


# --- Popolo and Open Civic Data -----------------------------------------------------------------


def member_id(state: MemberState | str) -> str:
    """The identifier a member state has in Popolo and OCD exports: ``iso3166:`` and its code.

    >>> member_id("Russia")
    'iso3166:RUS'
    """
    return f"iso3166:{member(state).code}"


def _organization(state: MemberState, name: str) -> dict[str, Any]:
    return {
        "id": member_id(state),
        "name": name,
        "classification": "member state",
        "identifiers": [{"scheme": "ISO 3166-1 alpha-3", "identifier": state.code}],
    }


def _undocs(symbol: str) -> str:
    return f"https://undocs.org/{symbol}"


def popolo_vote_event(
    result: VoteResult | VoteRecord,
    *,
    symbol: str | None = None,
    meeting: str | None = None,
    title: str | None = None,
) -> dict[str, Any]:
    """A vote as a Popolo ``VoteEvent``, with its ``Motion``, ``Count``s and ``Vote``s.

    The motion's ``requirement`` states the rule of Article 27: nine (or, before 1966, seven)
    affirmative votes, including the concurring votes of the permanent members unless the vote
    is procedural. Voters are the member states as organizations, ``voter_id`` being
    :func:`member_id`. Counts use Popolo's option names (``"not voting"`` for a member present
    and not voting), one count per option for the whole Council and one per group (permanent
    and elected members). The permanent group's result on a non-procedural vote is ``"pass"``
    when none of them voted no (their concurrence, Art. 27(3)); otherwise a group passes when
    more of its members voted yes than no. The ``result`` is ``"pass"`` when the draft was adopted, else ``"fail"``.

    Popolo has no veto: the extension fields ``unsc:outcome`` (adopted, vetoed or failed),
    ``unsc:vetoed_by`` (ISO codes, empty unless vetoed), ``unsc:threshold`` and
    ``unsc:procedural`` carry it. A :class:`VoteRecord` is tallied first and gives the symbol
    and meeting unless they are passed. Dates are ISO 8601 days (``"2016-10-08"``).

    >>> import unsc_tracker as ut
    >>> result = ut.load_scenario("aleppo-2016").replay("S/2016/846").final.result
    >>> event = popolo_vote_event(result, symbol="S/2016/846", meeting="S/PV.7785")
    >>> event["result"], event["unsc:outcome"], event["unsc:vetoed_by"]
    ('fail', 'vetoed', ['RUS'])
    >>> [(c["option"], c["value"]) for c in event["counts"] if "group_id" not in c]
    [('yes', 11), ('no', 2), ('abstain', 2), ('absent', 0), ('not voting', 0)]
    """
    if isinstance(result, VoteRecord):
        symbol = symbol if symbol is not None else result.symbol
        meeting = meeting if meeting is not None else result.meeting
    result = _as_result(result, "popolo_vote_event()")
    seated = council(on=result.on)
    day = result.on.isoformat()
    passed = "pass" if result.outcome is Outcome.ADOPTED else "fail"
    if result.procedural:
        requirement = f"{result.threshold} affirmative votes (procedural)"
    else:
        requirement = (
            f"{result.threshold} affirmative votes including the concurring votes of the "
            "permanent members"
        )
    members = [state for state in seated.members if state.code in result.ballots]
    groups = {code: _seat(seated.is_permanent(member(code))) for code in result.ballots}
    motion: dict[str, Any] = {
        "organization_id": _COUNCIL["id"],
        "text": title or (f"Draft resolution {symbol}" if symbol else "Draft resolution"),
        "classification": "procedural" if result.procedural else "non-procedural",
        "requirement": requirement,
        "date": day,
        "result": passed,
    }
    if symbol is not None:
        motion["identifier"] = symbol
    counts: list[dict[str, Any]] = [
        {"option": option, "value": _count(result, ballot)}
        for ballot, option in POPOLO_OPTIONS.items()
    ]
    group_results: list[dict[str, Any]] = []
    for seat, group in _GROUPS.items():
        ballots = [b for code, b in result.ballots.items() if groups[code] == seat]
        counts += [
            {"option": option, "value": ballots.count(ballot), "group_id": group["id"]}
            for ballot, option in POPOLO_OPTIONS.items()
        ]
        if seat == "permanent" and not result.procedural:
            group_passed = Ballot.NO not in ballots  # concurrence of the permanent members
        else:
            group_passed = ballots.count(Ballot.YES) > ballots.count(Ballot.NO)
        group_results.append(
            {"group_id": group["id"], "group": dict(group), "result": _pass(group_passed)}
        )
    votes = [
        {
            "voter_id": member_id(state),
            "voter": _organization(state, seated.name_then(state)),
            "option": POPOLO_OPTIONS[result.ballots[state.code]],
            "group_id": _GROUPS[groups[state.code]]["id"],
            "role": f"{groups[state.code]} member",
        }
        for state in members
    ]
    event: dict[str, Any] = {
        "organization_id": _COUNCIL["id"],
        "organization": dict(_COUNCIL),
        "motion": motion,
        "classification": motion["classification"],
        "start_date": day,
        "result": passed,
        "group_results": group_results,
        "counts": counts,
        "votes": votes,
    }
    if symbol is not None:
        event["identifier"] = symbol
    if meeting is not None:
        event["id"] = f"{meeting}:{symbol}" if symbol is not None else meeting
    sources = [
        {"url": _undocs(doc), "note": note}
        for doc, note in ((symbol, "draft resolution"), (meeting, "meeting record"))
        if doc is not None
    ]
    if sources:
        event["sources"] = sources
    event["unsc:outcome"] = result.outcome.value
    event["unsc:vetoed_by"] = [state.code for state in result.vetoed_by]
    event["unsc:threshold"] = result.threshold
    event["unsc:procedural"] = result.procedural
    return event


def _count(result: VoteResult, ballot: Ballot) -> int:
    return int(getattr(result, ballot.value))


def _pass(passed: bool) -> str:
    return "pass" if passed else "fail"


def ocd_actions(replay: Replay) -> list[dict[str, Any]]:
    """A draft's history as Open Civic Data bill actions, oldest first.

    Actions are the events that act on the draft itself: positions, contacts, statements and
    sponsorship changes are left out (OCD keeps sponsors apart from actions). Classifications
    follow :data:`OCD_CLASSIFICATIONS`; a vote is ``passage`` when the draft was adopted and
    ``failure`` otherwise. A vetoed draft's failure names the vetoing members in its
    description, in ``related_entities`` and in the extension field ``unsc:vetoed_by`` (ISO
    codes). Every action also carries ``unsc:kind`` (the event kind) and ``unsc:stage`` (the
    stage it left the draft in); a vote adds ``unsc:outcome`` and ``unsc:counts``. ``date`` is
    an ISO 8601 day, or day and time when the record gives the time.

    >>> import unsc_tracker as ut
    >>> actions = ocd_actions(ut.load_scenario("aleppo-2016").replay("S/2016/846"))
    >>> [(a["date"][:10], a["classification"]) for a in actions]  # doctest: +NORMALIZE_WHITESPACE
    [('2016-10-03', ['introduction']), ('2016-10-07', ['filing']), ('2016-10-07', []),
     ('2016-10-08', ['failure'])]
    >>> actions[-1]["description"]
    'vote held at S/PV.7785: vetoed by Russian Federation (11-2-2)'
    """
    actions: list[dict[str, Any]] = []
    for snapshot in replay:
        event = snapshot.event
        kind = EventKind(event.kind)
        if kind not in _ACTION_KINDS:
            continue
        if kind is EventKind.CIRCULATED and getattr(event, "audience", None) != "all15":
            continue
        description = event.summary
        classification = list(OCD_CLASSIFICATIONS.get(kind, ()))
        action: dict[str, Any] = {
            "date": event.date.isoformat(),
            "description": description,
            "classification": classification,
            "organization_id": _COUNCIL["id"],
            "related_entities": [],
            "unsc:kind": kind.value,
            "unsc:stage": snapshot.stage.value,
        }
        result = snapshot.result
        if kind is EventKind.VOTE_HELD and result is not None:
            action["description"] = f"{description}: {result}"
            action["classification"] = [
                "passage" if result.outcome is Outcome.ADOPTED else "failure"
            ]
            action["related_entities"] = [
                {
                    "name": state.name,
                    "entity_type": "organization",
                    "organization_id": member_id(state),
                }
                for state in result.vetoed_by
            ]
            action["unsc:outcome"] = result.outcome.value
            action["unsc:vetoed_by"] = [state.code for state in result.vetoed_by]
            action["unsc:counts"] = result.counts
        actions.append(action)
    return actions
