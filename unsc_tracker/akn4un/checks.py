"""Counts and checks: the ballots of a record, the vote built from them, and the outcome compared.

A record's ``<count>`` elements are read as the file gives them, checked against one another and
against the step's words ("Adopted 13-0-2", "Adopted unanimously"), and only then built into a
:class:`~unsc_tracker.VoteRecord`. A contradiction keeps the vote unbuilt (a refusal), reported
with the UN's own words. A text adopted over a permanent member's "no" with enough votes in
favour can only have been a procedural vote (Article 27(2): a "no" of a permanent member defeats
any other decision), so such a vote is marked procedural with a note saying it was inferred.
"""

from __future__ import annotations

import datetime as _dt
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from pydantic import ConfigDict, Field

from ..checked import Checked
from ..council import seats
from ..errors import (
    AknError,
    DateOutOfRecordError,
    NotOnCouncilError,
    UnknownMemberError,
    UnscTrackerError,
)
from ..members import MemberState, member
from ..voting import Ballot, Outcome, VoteRecord, tally
from ..wording import clip, joined, the
from .document import children, local, text
from .record import AknRecord, Count, Modality, Problem, ProblemKind
from .sponsors import member_named

__all__ = [
    "OutcomeCheck",
    "ReadCount",
    "ballots_without_vote",
    "check",
    "count_problems",
    "read_counts",
    "vote_from",
]

_COUNT_OPTIONS = {
    "infavour": Ballot.YES,
    "infavor": Ballot.YES,
    "against": Ballot.NO,
    "abstaining": Ballot.ABSTAIN,
    "abstention": Ballot.ABSTAIN,
    "absent": Ballot.ABSENT,
    "notvoting": Ballot.NOT_VOTING,
    "nonvoting": Ballot.NOT_VOTING,
    "presentnotvoting": Ballot.NOT_VOTING,
}
_OPTION_NAMES = {
    Ballot.YES: "inFavour",
    Ballot.NO: "against",
    Ballot.ABSTAIN: "abstaining",
    Ballot.ABSENT: "absent",
    Ballot.NOT_VOTING: "notVoting",
}
_VALUE = re.compile(r"[0-9]{1,3}")  # a count of members, zero-padded to three digits: "013"
_SUMMARY = re.compile(r"\b(\d{1,2})-(\d{1,2})-(\d{1,2})\b")


class OutcomeCheck(Checked):
    """The UN's recorded outcome beside the outcome :func:`~unsc_tracker.tally` computes.

    Built with bad values, it raises :class:`~unsc_tracker.errors.AknError`
    naming the field and the value.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")
    error: ClassVar[type[UnscTrackerError]] = AknError

    symbol: str
    path: Path | None = Field(default=None, description="the file read, None when read from text")
    language: str | None = None
    recorded: Outcome | None
    computed: Outcome | None
    counts: str | None = Field(default=None, description="yes-no-abstain of the computed vote")
    recorded_vetoed_by: tuple[MemberState, ...] = ()
    computed_vetoed_by: tuple[MemberState, ...] = ()
    agrees: bool | None = Field(description="None when either outcome is unknown")
    refused: bool = Field(
        default=False, description="the ballots contradict the record, so no vote was built"
    )
    reason: str

    def __str__(self) -> str:
        return f"{self.symbol}: {self.reason}"


def check(record: AknRecord) -> OutcomeCheck:
    """Recompute a record's outcome with :func:`~unsc_tracker.tally` and compare it with the UN's.

    ``agrees`` is None when the record has no usable vote or no recorded outcome; for a veto it
    also compares the members the record names as vetoing with those the rule finds.
    ``refused`` is True when the record's ballots were not built into a vote because they
    contradict the record (:attr:`AknRecord.refused`).

    >>> from unsc_tracker import akn4un
    >>> result = check(akn4un.loads(akn4un._example_document()))
    >>> result.agrees, result.counts, result.recorded.value
    (True, '13-1-1', 'vetoed')
    >>> [state.code for state in result.computed_vetoed_by]
    ['RUS']
    """
    if record.vote is None:
        return OutcomeCheck(
            symbol=record.symbol,
            path=record.path,
            language=record.language,
            recorded=record.recorded_outcome,
            recorded_vetoed_by=record.recorded_vetoed_by,
            computed=None,
            agrees=None,
            refused=record.refused,
            reason="no vote was built" + _voided_because(record),
        )
    result = tally(record.vote)
    recorded = record.recorded_outcome
    computed_by = tuple(result.vetoed_by)
    if recorded is None:
        agrees: bool | None = None
        reason = f"no recorded outcome to compare with the computed {result}"
    elif recorded is not result.outcome:
        agrees = False
        reason = f"the record says {recorded.value}, the ballots give {result}"
    elif (
        recorded is Outcome.VETOED
        and record.recorded_vetoed_by
        and ({s.code for s in record.recorded_vetoed_by} != {s.code for s in computed_by})
    ):
        agrees = False
        named = ", ".join(s.name for s in record.recorded_vetoed_by)
        reason = f"the record names {named} as vetoing, the ballots give {result}"
    else:
        agrees = True
        reason = f"the record and the ballots agree: {result}"
    return OutcomeCheck(
        symbol=record.symbol,
        path=record.path,
        language=record.language,
        recorded=recorded,
        recorded_vetoed_by=record.recorded_vetoed_by,
        computed=result.outcome,
        counts=result.counts,
        computed_vetoed_by=computed_by,
        agrees=agrees,
        reason=reason,
    )


def _voided_because(record: AknRecord) -> str:
    if record.modality is Modality.WITHOUT_VOTE:
        return " (adopted without a vote)"
    if record.modality is Modality.ACCLAMATION:
        return " (adopted by acclamation)"
    kinds = [p.kind.value for p in record.problems if p.voids_vote or p.kind is ProblemKind.NO_VOTE]
    return f" ({', '.join(dict.fromkeys(kinds))})" if kinds else ""


@dataclass(frozen=True, slots=True)
class ReadCount:
    """A count as read, where it sits and its value as written, for problem messages."""

    count: Count
    where: str
    raw: str


def read_counts(voting: ET.Element | None) -> tuple[list[ReadCount], list[Problem]]:
    """Each ``<count>`` under ``<voting>`` as the file gives it, and those that cannot be read."""
    counts: list[ReadCount] = []
    problems: list[Problem] = []
    for element in children(voting, "count"):
        option = (element.get("refersTo") or "").strip()
        where = f"voting/count[@refersTo={clip(option, 40)!r}]"
        ballot = _COUNT_OPTIONS.get(option.lstrip("#").casefold())
        if ballot is None:
            message = f"option {clip(option)!r} is none of 'inFavour', 'against', 'abstaining'"
            problems.append(_voiding(ProblemKind.COUNT_MALFORMED, where, message))
            continue
        raw = (element.get("value") or "").strip()
        if _VALUE.fullmatch(raw) is None:
            message = f"value {clip(raw, 20)!r} is not a number of members (one to three digits)"
            problems.append(_voiding(ProblemKind.COUNT_MALFORMED, f"{where}/@value", message))
            continue
        names = tuple(_voters(element))
        counts.append(
            ReadCount(
                Count(option=option, ballot=ballot, declared=int(raw), names=names), where, raw
            )
        )
    return counts, problems


def _voters(count: ET.Element) -> Iterable[str]:
    # <count><akn4un:voters><organization>NAME</organization>...; organizations directly too.
    for item in count:
        if not isinstance(item.tag, str):
            continue
        name = local(item.tag)
        found = [item] if name == "organization" else children(item, "organization")
        for organization in found:
            voter = text(organization)
            if voter:
                yield voter


def count_problems(counts: list[ReadCount], by: str, where: str) -> list[Problem]:
    """The declared values against the names listed, and both against the step's words.

    A declared value that is not the number of names listed voids the vote, unless the step's
    own "yes-no-abstain" ("Adopted 12-0-3") agrees with the names: then two sources agree and
    the names are counted, the declared value reported. Step words that agree with neither, or
    "unanimously" over declared votes against or abstentions, void the vote.
    """
    declared = _totals((c.count.ballot, c.count.declared) for c in counts)
    named = _totals((c.count.ballot, len(c.count.names)) for c in counts)
    summary = _SUMMARY.search(by)
    said = tuple(int(n) for n in summary.groups()) if summary is not None else None
    corroborated = summary is not None and said == named
    problems: list[Problem] = []
    for read in counts:
        count, at, raw = read.count, read.where, read.raw
        if count.declared != len(count.names):
            message = f"declares {raw!r} ({count.declared}) but names {len(count.names)} members"
            if summary is not None and corroborated:
                message += (
                    f"; the step's {summary.group(0)} agrees with the names, which are counted"
                )
            problems.append(
                Problem(
                    kind=ProblemKind.COUNT_MISMATCH,
                    element=f"{at}/@value",
                    message=message,
                    voids_vote=not corroborated,
                )
            )
    if summary is not None and said != declared and not corroborated:
        message = (
            f"the step says {summary.group(0)} but the counts declare "
            f"{declared[0]}-{declared[1]}-{declared[2]}"
        )
        problems.append(_voiding(ProblemKind.COUNT_MISMATCH, where, message))
    elif summary is None and "unanimous" in by.casefold() and (declared[1] or declared[2]):
        message = (
            f"the step says {clip(by)!r} but the counts declare {declared[1]} against and "
            f"{declared[2]} abstaining"
        )
        problems.append(_voiding(ProblemKind.COUNT_MISMATCH, where, message))
    return problems


def ballots_without_vote(
    modality: Modality, said: tuple[str, str], counts: list[ReadCount]
) -> list[Problem]:
    """A text adopted without a vote or by acclamation whose counts list members anyway.

    ``said`` is the decisive step (``workflow/step[3]``) and its words.
    """
    if not any(read.count.names for read in counts):
        return []
    how = "without a vote" if modality is Modality.WITHOUT_VOTE else "by acclamation"
    options = ", ".join(f"{len(read.count.names)} {read.count.option}" for read in counts)
    message = (
        f"adopted {how} ({said[0]} says {clip(said[1])!r}), yet the counts list members "
        f"({options}); no vote is built"
    )
    element = "analysis/parliamentary/voting"
    return [Problem(kind=ProblemKind.MODALITY_CONTRADICTION, element=element, message=message)]


def _totals(pairs: Iterable[tuple[Ballot, int]]) -> tuple[int, int, int]:
    found = dict.fromkeys((Ballot.YES, Ballot.NO, Ballot.ABSTAIN), 0)
    for ballot, number in pairs:
        if ballot in found:
            found[ballot] += number
    return found[Ballot.YES], found[Ballot.NO], found[Ballot.ABSTAIN]


def vote_from(
    counts: list[ReadCount],
    day: _dt.date,
    *,
    text_voted: str | None,
    meeting: str | None,
    recorded: Outcome | None,
    voided: bool,
) -> tuple[VoteRecord | None, list[Problem]]:
    """The vote the counts record, or None and why; ``voided`` when an earlier problem voids it."""
    problems: list[Problem] = []
    ballots: dict[str, Ballot] = {}
    options: dict[str, str] = {}
    for read in counts:
        count, where = read.count, read.where
        option = _OPTION_NAMES[count.ballot]
        for name in count.names:
            state = member_named(name)
            if state is None:
                problems.append(_voiding(ProblemKind.UNKNOWN_MEMBER, where, _unknown_voter(name)))
                continue
            if state.code in ballots:
                first = options[state.code]
                twice = "twice under" if first == option else "under both"
                both = option if first == option else f"{first} and {option}"
                message = f"{name} ({state.name}) is listed {twice} {both}"
                problems.append(_voiding(ProblemKind.MEMBER_IN_TWO_COUNTS, where, message))
                continue
            ballots[state.code] = count.ballot
            options[state.code] = option
    if voided or problems:
        return None, problems
    try:
        procedural, basis = _procedural(ballots, day, recorded)
        vote = VoteRecord(
            date=day,
            ballots=ballots,
            symbol=text_voted,
            meeting=meeting,
            procedural=procedural,
            procedural_basis=basis,
        )
    except (NotOnCouncilError, DateOutOfRecordError) as err:
        return None, [_voiding(ProblemKind.NOT_ON_COUNCIL, "voting/count", str(err))]
    return vote, []


def _procedural(
    ballots: dict[str, Ballot], day: _dt.date, recorded: Outcome | None
) -> tuple[bool, str | None]:
    """Whether an adopted text's ballots show a procedural vote: a permanent "no" did not block."""
    if recorded is not Outcome.ADOPTED:
        return False, None
    seated = seats(day)  # raises for a day outside the record, as the vote itself would
    against = [code for code, ballot in ballots.items() if ballot is Ballot.NO]
    permanent_no = [code for code in against if code in seated.permanent]
    yes = sum(1 for ballot in ballots.values() if ballot is Ballot.YES)
    if not permanent_no or yes < seated.council.threshold:
        return False, None
    names = joined([the(member(code).name) for code in permanent_no])
    return True, (
        f"inferred from the record: adopted with {yes} votes in favour over the no of {names}, "
        "which only a procedural vote allows (Article 27(2))"
    )


def _unknown_voter(name: str) -> str:
    try:
        member(name)  # an ISO code or a spelling the interactive lookup knows
    except UnknownMemberError as err:
        return f"voter {clip(name)!r}: {err.args[0]}"
    return f"voter {clip(name)!r} is not a member's name"


def _voiding(kind: ProblemKind, where: str, message: str) -> Problem:
    """A problem that keeps the vote unbuilt: a contradiction, or a voter no member answers to."""
    return Problem(kind=kind, element=where, message=message, voids_vote=True)
