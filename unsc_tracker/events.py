"""The dated, sourced facts of a draft's life, one typed model per kind.

Every event has a ``kind`` (the discriminator, so files round-trip), a ``date`` (a day, or a day
and a time when the source gives one), an optional ``source`` (a document symbol or an address)
and an optional ``note``. A date may also be given as a report would write it,
``{report = "2016-10-05", day = "Monday"}``: it is resolved with
:func:`~unsc_tracker.dates.relative_day` and the words are kept in ``reported_as``.

Some events move the draft from one stage to another (:mod:`unsc_tracker.lifecycle`); others
(positions, contacts, statements, sponsors joining or leaving) change only what to expect.
A vote's outcome is never read from a file: :class:`VoteHeld` carries the ballots, and the
replay applies :func:`~unsc_tracker.voting.tally` to them.
"""

from __future__ import annotations

import datetime as _dt
import math
from collections.abc import Iterable
from datetime import date, datetime
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from . import wording
from .dates import relative_day
from .drafts import DraftSymbol, MemberName, Role, When
from .errors import IllegalEventError, UnscTrackerError
from .forecast import Stance
from .members import member
from .voting import Ballot

__all__ = [
    "Audience",
    "Circulated",
    "DiplomaticContact",
    "Event",
    "EventKind",
    "NotPutToVote",
    "PositionStated",
    "PutInBlue",
    "ReportedDate",
    "Retracted",
    "Revised",
    "Revived",
    "SilenceBroken",
    "SilenceExtended",
    "SilencePassed",
    "SilenceStarted",
    "SponsorJoined",
    "SponsorLeft",
    "Statement",
    "VoteHeld",
    "VoteScheduled",
    "Withdrawn",
    "day_of",
    "in_force",
    "withdrawals",
]


class EventKind(StrEnum):
    """Every kind of event, as written in the ``kind`` field."""

    CIRCULATED = "circulated"
    SPONSOR_JOINED = "sponsor_joined"
    SPONSOR_LEFT = "sponsor_left"
    REVISED = "revised"
    SILENCE_STARTED = "silence_started"
    SILENCE_BROKEN = "silence_broken"
    SILENCE_EXTENDED = "silence_extended"
    SILENCE_PASSED = "silence_passed"
    PUT_IN_BLUE = "put_in_blue"
    VOTE_SCHEDULED = "vote_scheduled"
    VOTE_HELD = "vote_held"
    WITHDRAWN = "withdrawn"
    REVIVED = "revived"
    NOT_PUT_TO_VOTE = "not_put_to_vote"
    ABANDONED = "abandoned"
    """Another word for not_put_to_vote: the sponsors drop the draft."""
    POSITION_STATED = "position_stated"
    DIPLOMATIC_CONTACT = "diplomatic_contact"
    STATEMENT = "statement"
    RETRACTED = "retracted"
    """A correction: an earlier event of the log is withdrawn (the log is never edited)."""


class Audience(StrEnum):
    """Who a text is circulated to (PROCEDURE D2)."""

    P3 = "P3"
    P5 = "P5"
    FRIENDS = "friends"
    """A group of friends on the item."""
    ALL15 = "all15"
    """All fifteen members: negotiation proper begins."""


class ReportedDate(BaseModel):
    """A date as a report wrote it: the report's date and the words it used ("Monday").

    >>> ReportedDate(report=date(2016, 10, 5), day="Monday").resolve()
    datetime.date(2016, 10, 3)
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    report: date
    day: str = Field(min_length=1, description="the report's words: Monday, tomorrow, غدا الخميس")
    tense: Literal["past", "future"] | None = None

    def resolve(self) -> date:
        """The day the words refer to, by the rule of :func:`~unsc_tracker.dates.relative_day`."""
        return relative_day(self.day, self.report, tense=self.tense)


def day_of(when: date) -> date:
    """The calendar day of a date or a datetime.

    >>> day_of(datetime(2016, 10, 8, 15, 0))
    datetime.date(2016, 10, 8)
    """
    return when.date() if isinstance(when, datetime) else when


class _Event(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    date: When
    source: str | None = Field(default=None, description="document symbol or address")
    note: str | None = None
    reported_as: ReportedDate | None = Field(
        default=None, description="the date as a report wrote it, resolved into date"
    )

    @model_validator(mode="before")
    @classmethod
    def _relative_date(cls, data: Any) -> Any:
        if isinstance(data, dict) and isinstance(data.get("date"), dict):
            data = dict(data)
            try:
                reported = ReportedDate.model_validate(data.pop("date"))
                data["date"] = reported.resolve()
            except UnscTrackerError as err:
                raise ValueError(f"date: {err}") from None
            data["reported_as"] = reported
        return data

    @model_validator(mode="after")
    def _agrees_with_report(self) -> _Event:
        if self.reported_as is not None:
            try:
                meant = self.reported_as.resolve()
            except UnscTrackerError as err:
                raise ValueError(f"reported_as: {err}") from None
            if meant != day_of(self.date):
                words, report = self.reported_as.day, self.reported_as.report.isoformat()
                raise ValueError(
                    f"date {self.date.isoformat()} disagrees with reported_as: "
                    f"{words!r} in a report of {report} is {meant.isoformat()}"
                )
        return self

    @property
    def day(self) -> _dt.date:
        return day_of(self.date)

    @property
    def summary(self) -> str:
        """A few words on what happened, for timelines."""
        return self._summary().replace("_", " ")

    def _summary(self) -> str:
        kind: str = getattr(self, "kind", "event")
        return kind

    def __str__(self) -> str:
        """``2016-10-07 put in blue as S/2016/846``: the date and the summary."""
        return f"{wording.day(self.date)} {self.summary}"

    def __repr__(self) -> str:
        """``<PutInBlue 2016-10-07: put in blue as S/2016/846>``."""
        return f"<{type(self).__name__} {wording.day(self.date)}: {self.summary}>"


class Circulated(_Event):
    """The text is circulated: to the P3, the P5, a group of friends, or all fifteen (D2, D3)."""

    kind: Literal["circulated"]
    audience: Audience

    def _summary(self) -> str:
        return f"circulated to {self.audience.value}"


class SponsorJoined(_Event):
    """States join the draft as sponsors; unverified records say why in ``note`` (D8, E19)."""

    kind: Literal["sponsor_joined"]
    members: tuple[MemberName, ...] = Field(min_length=1)
    role: Role = Role.CO_SPONSOR
    verified: bool = True

    @model_validator(mode="after")
    def _reason(self) -> SponsorJoined:
        if not self.verified and not self.note:
            raise ValueError("an event marked verified = false must give the reason in note")
        return self

    def _summary(self) -> str:
        who = self.members[0] if len(self.members) == 1 else f"{len(self.members)} states"
        flag = "" if self.verified else " (unverified)"
        verb = "joins" if len(self.members) == 1 else "join"
        return f"{who} {verb} as {self.role.value.replace('_', '-')}{flag}"


class SponsorLeft(_Event):
    """States withdraw their sponsorship."""

    kind: Literal["sponsor_left"]
    members: tuple[MemberName, ...] = Field(min_length=1)

    def _summary(self) -> str:
        return f"{', '.join(self.members)} leaves the sponsors"


class Revised(_Event):
    """A revised text; once in blue a revision is issued as ``/Rev.n`` (D6)."""

    kind: Literal["revised"]
    symbol: DraftSymbol | None = Field(default=None, description="e.g. S/2016/846/Rev.1, in blue")

    def _summary(self) -> str:
        return f"revised as {self.symbol}" if self.symbol else "revised"


class SilenceStarted(_Event):
    """The text is put under silence until a deadline (D5)."""

    kind: Literal["silence_started"]
    deadline: When | None = None


class SilenceBroken(_Event):
    """A member breaks silence; the text goes back to negotiation (D5)."""

    kind: Literal["silence_broken"]
    by: MemberName | None = None

    def _summary(self) -> str:
        return f"silence broken by {self.by}" if self.by else "silence broken"


class SilenceExtended(_Event):
    """The silence deadline is extended (D5; Gaza, July 2014)."""

    kind: Literal["silence_extended"]
    deadline: When | None = None


class SilencePassed(_Event):
    """The deadline passes with no objection: the text is agreed (D5)."""

    kind: Literal["silence_passed"]


class PutInBlue(_Event):
    """The sponsors put the draft in blue under an S/ symbol (D6); the date may carry the time."""

    kind: Literal["put_in_blue"]
    symbol: DraftSymbol | None = Field(default=None, description="defaults to the draft's symbol")

    def _summary(self) -> str:
        return f"put in blue as {self.symbol}" if self.symbol else "put in blue"


class VoteScheduled(_Event):
    """A meeting is called to vote on the draft; ``meeting_date`` is when, if announced."""

    kind: Literal["vote_scheduled"]
    meeting_date: When | None = None
    meeting: str | None = Field(default=None, description="e.g. S/PV.7785")

    def _summary(self) -> str:
        if self.meeting_date is None:
            return "vote scheduled"
        when = self.meeting_date
        at = when.strftime("%a %d %b %Y %H:%M") if isinstance(when, datetime) else when.isoformat()
        return f"vote scheduled for {at}"


class VoteHeld(_Event):
    """The vote: the ballots member by member. The outcome is computed, never given."""

    kind: Literal["vote_held"]
    ballots: dict[MemberName, Ballot] = Field(min_length=1)
    procedural: bool = False
    procedural_basis: str | None = None
    meeting: str | None = Field(default=None, description="the meeting record, e.g. S/PV.7785")

    @field_validator("ballots", mode="before")
    @classmethod
    def _ballot_words(cls, value: object) -> object:
        # Resolve names here so that two names for one member are caught, not merged.
        if not isinstance(value, dict):
            return value
        out: dict[str, object] = {}
        for who, word in value.items():
            try:
                name = member(who).name if isinstance(who, str) else who
                ballot = Ballot.parse(word, str(name)) if isinstance(word, str) else word
            except UnscTrackerError as err:
                raise ValueError(str(err)) from None
            if name in out:
                raise ValueError(f"ballots name {name} twice ({who!r} is the second name)")
            out[str(name)] = ballot
        return out

    def _summary(self) -> str:
        return f"vote held at {self.meeting}" if self.meeting else "vote held"


class Withdrawn(_Event):
    """The mover withdraws the draft before any vote (rule 35, first paragraph)."""

    kind: Literal["withdrawn"]
    by: MemberName | None = None

    def _summary(self) -> str:
        return f"withdrawn by {self.by}" if self.by else "withdrawn"


class Revived(_Event):
    """A seconder requires a withdrawn draft to be put to the vote (rule 35, second paragraph)."""

    kind: Literal["revived"]
    by: tuple[MemberName, ...] = Field(min_length=1, description="the seconder(s)")

    def _summary(self) -> str:
        return f"revived by {', '.join(self.by)}"


class NotPutToVote(_Event):
    """The sponsors decide not to seek a vote (D10; Iraq, March 2003)."""

    kind: Literal["not_put_to_vote", "abandoned"]


class PositionStated(_Event):
    """A member states (or is reported to hold) a position; ``probabilities`` is optional.

    ``probabilities`` maps ballots to chances that sum to 1.
    """

    kind: Literal["position_stated"]
    member: MemberName
    stance: Stance
    probabilities: dict[Ballot, float] | None = None

    @field_validator("stance", mode="before")
    @classmethod
    def _stance_word(cls, value: object) -> object:
        try:
            return Stance.parse(value, "") if isinstance(value, str) else value
        except UnscTrackerError as err:
            raise ValueError(str(err)) from None

    @model_validator(mode="after")
    def _distribution(self) -> PositionStated:
        if self.probabilities is not None:
            values = list(self.probabilities.values())
            if any(not 0.0 <= p <= 1.0 for p in values) or not math.isclose(
                sum(values), 1.0, abs_tol=1e-6
            ):
                raise ValueError(
                    f"probabilities for {self.member} must lie in [0, 1] and sum to 1, "
                    f"got {self.probabilities}"
                )
        return self

    def _summary(self) -> str:
        return f"{self.member}: {self.stance.value}"


class DiplomaticContact(_Event):
    """Who met whom, where (a minister visiting a capital)."""

    kind: Literal["diplomatic_contact"]
    parties: tuple[str, ...] = Field(min_length=2, description="people or states who met")
    place: str | None = None

    def _summary(self) -> str:
        where = f" in {self.place}" if self.place else ""
        return f"{' meets '.join(self.parties)}{where}"


class Statement(_Event):
    """Something said: a briefing, an explanation of vote. Moves no stage."""

    kind: Literal["statement"]
    by: str | None = None

    def _summary(self) -> str:
        return f"statement by {self.by}" if self.by else "statement"


class Retracted(_Event):
    """A correction: the event numbered ``seq`` in the draft's log is withdrawn, for ``reason``.

    A log is append-only: a wrong event is never edited or deleted; a retraction is added, dated
    the day of the correction. ``seq`` counts the draft's events from 1 in the order they were
    recorded (the order of a scenario file), retractions included. Withdrawing a retraction
    restores the event it withdrew. Retractions never reach the replay: :func:`in_force` drops
    them and the events they withdraw.
    """

    kind: Literal["retracted"]
    seq: int = Field(ge=1, description="number of the withdrawn event in the draft's log, from 1")
    reason: str = Field(min_length=1, description="why the event is withdrawn")

    def _summary(self) -> str:
        return f"retracts event {self.seq}: {self.reason}"


Event = Annotated[
    Circulated
    | SponsorJoined
    | SponsorLeft
    | Revised
    | SilenceStarted
    | SilenceBroken
    | SilenceExtended
    | SilencePassed
    | PutInBlue
    | VoteScheduled
    | VoteHeld
    | Withdrawn
    | Revived
    | NotPutToVote
    | PositionStated
    | DiplomaticContact
    | Statement
    | Retracted,
    Field(discriminator="kind"),
]
"""Any event, told apart by its ``kind``."""


def withdrawals(events: Iterable[Event], draft: str = "draft") -> dict[int, int]:
    """Which events of a log the retractions in force withdraw: event number -> the number of
    the retraction withdrawing it, both counted from 1 in the log's order.

    A retraction is in force unless a later retraction withdraws it. ``draft`` names the log in
    errors. Raises :class:`~unsc_tracker.errors.IllegalEventError` for a retraction that names
    no earlier event, or an event withdrawn twice.

    >>> log = [Statement(kind="statement", date="2016-10-05", by="France"),
    ...        Retracted(kind="retracted", date="2016-10-06", seq=1, reason="it was Spain")]
    >>> withdrawals(log)
    {1: 2}
    """
    log = list(events)
    for number, event in enumerate(log, 1):
        if isinstance(event, Retracted) and event.seq >= number:
            raise IllegalEventError(
                f"{draft}: event {number} (retracted on {event.date.isoformat()}) names event "
                f"{event.seq}, which is not an earlier event of the log"
            )
    withdrawn: dict[int, int] = {}
    # From the end back: whether a retraction is in force depends only on later events.
    for number in range(len(log), 0, -1):
        event = log[number - 1]
        if number in withdrawn or not isinstance(event, Retracted):
            continue
        if event.seq in withdrawn:
            raise IllegalEventError(
                f"{draft}: event {event.seq} is withdrawn twice, by events {number} and "
                f"{withdrawn[event.seq]}"
            )
        withdrawn[event.seq] = number
    return dict(sorted(withdrawn.items()))


def in_force(events: Iterable[Event], draft: str = "draft") -> list[Event]:
    """The events of a log that stand once its retractions are applied, in the log's order.

    Retractions are dropped, and so is every event a retraction in force withdraws (see
    :func:`withdrawals`, which names the errors).

    >>> log = [Statement(kind="statement", date="2016-10-05", by="France"),
    ...        Statement(kind="statement", date="2016-10-05", by="Spain"),
    ...        Retracted(kind="retracted", date="2016-10-06", seq=1, reason="it was Spain")]
    >>> [event.by for event in in_force(log)]
    ['Spain']
    """
    log = list(events)
    if not any(type(event) is Retracted for event in log):
        return log
    withdrawn = withdrawals(log, draft)
    return [
        event
        for number, event in enumerate(log, 1)
        if number not in withdrawn and not isinstance(event, Retracted)
    ]
