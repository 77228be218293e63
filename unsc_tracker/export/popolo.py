"""Votes and drafts as Popolo and Open Civic Data JSON (no dependency).

:func:`popolo_vote_event` gives a Popolo ``VoteEvent`` (popoloproject.com, version 1.0.1) and
:func:`ocd_actions` a draft's history as Open Civic Data bill actions. Both are plain JSON-ready
dicts. What those specifications have no field for (the veto above all) goes in extension
fields prefixed ``unsc:``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..arguments import REPLAY, of_type, optional_text
from ..council import council
from ..events import EventKind
from ..members import MemberState, member
from ..voting import Ballot, Outcome, VoteRecord, VoteResult
from .frames import _as_result, _seat

if TYPE_CHECKING:
    from ..replay import Replay

__all__ = [
    "OCD_CLASSIFICATIONS",
    "POPOLO_OPTIONS",
    "member_id",
    "ocd_actions",
    "popolo_vote_event",
]

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
    for name, value in (("symbol", symbol), ("meeting", meeting), ("title", title)):
        optional_text(value, "popolo_vote_event()", name)
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
    from ..replay import Replay

    actions: list[dict[str, Any]] = []
    for snapshot in of_type(replay, Replay, f"ocd_actions() takes {REPLAY}"):
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
