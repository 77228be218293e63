"""The kinds of event, one typed model each, and :data:`Event`, any of them told apart by its
``kind``."""

from __future__ import annotations

import math
import typing
from datetime import datetime
from typing import Annotated, Literal

from pydantic import Field, field_validator, model_validator

from ..drafts import DraftSymbol, MemberName, Role, When
from ..errors import UnscTrackerError
from ..forecast import Stance
from ..members import member
from ..voting import Ballot
from .base import Audience, _Event

__all__ = [
    "Circulated",
    "DiplomaticContact",
    "Event",
    "GaDebateHeld",
    "NotPutToVote",
    "PositionStated",
    "PutInBlue",
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
    "VotePostponed",
    "VoteScheduled",
    "Withdrawn",
]


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


class VotePostponed(_Event):
    """The vote is put off: the draft stays in blue, no longer scheduled, until a meeting is called
    again (PROCEDURE §2.3, ``postpone``; S/2016/1085, 22 December 2016)."""

    kind: Literal["vote_postponed"]
    by: MemberName | None = Field(default=None, description="the member that asked for it")

    def _summary(self) -> str:
        return f"vote postponed at the request of {self.by}" if self.by else "vote postponed"


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
    symbol: DraftSymbol | None = Field(
        default=None, description="the symbol the revived draft is issued under, when new"
    )

    def _summary(self) -> str:
        issued = f" as {self.symbol}" if self.symbol else ""
        return f"revived by {', '.join(self.by)}{issued}"


class NotPutToVote(_Event):
    """The sponsors decide not to seek a vote (D10; Iraq, March 2003)."""

    kind: Literal["not_put_to_vote", "abandoned"]


class GaDebateHeld(_Event):
    """The General Assembly debates a veto, as A/RES/76/262 calls for within ten working days of
    one cast since 26 April 2022 (PROCEDURE D13); the debate due is then held."""

    kind: Literal["ga_debate_held"]
    meeting: str | None = Field(default=None, description="the Assembly's record, e.g. A/76/PV.77")

    def _summary(self) -> str:
        held = f" at {self.meeting}" if self.meeting else ""
        return f"General Assembly debate on the veto held{held}"


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
    | VotePostponed
    | VoteHeld
    | Withdrawn
    | Revived
    | NotPutToVote
    | GaDebateHeld
    | PositionStated
    | DiplomaticContact
    | Statement
    | Retracted,
    Field(discriminator="kind"),
]
"""Any event, told apart by its ``kind``."""


def fields_of(kind: str) -> tuple[str, ...]:
    """The fields an event of ``kind`` takes, ``kind`` and ``date`` first.

    >>> fields_of("statement")
    ('kind', 'date', 'source', 'note', 'reported_as', 'by')
    """
    for model in typing.get_args(typing.get_args(Event)[0]):
        if kind in typing.get_args(model.model_fields["kind"].annotation):
            names = list(model.model_fields)
            return ("kind", "date", *(name for name in names if name not in ("kind", "date")))
    return ()
