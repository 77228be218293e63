"""What to expect from a vote: members' stances, and the outcome Article 27 makes of the
positions known (:func:`expect`), or why no vote is to be expected."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from enum import StrEnum
from typing import ClassVar, Literal

from pydantic import ConfigDict, Field, model_validator

from ..checked import Checked
from ..council import _as_date, seats
from ..errors import BallotError, UnscTrackerError
from ..members import MemberState
from ..voting import Outcome
from .chances import Probabilities
from .seats import _arguments, _names, _repeated, _seat_of

__all__ = ["Closed", "Expectation", "Positions", "Stance", "expect", "outlook"]


class Stance(StrEnum):
    """A member's known position on a draft before the vote."""

    SUPPORT = "support"
    OPPOSE = "oppose"
    ABSTAIN = "abstain"
    UNDECIDED = "undecided"

    @classmethod
    def parse(cls, word: Stance | str, who: str = "") -> Stance:
        """A stance from its word, case and surrounding spaces ignored.

        >>> Stance.parse(" Oppose ")
        <Stance.OPPOSE: 'oppose'>
        """
        if isinstance(word, Stance):
            return word
        if not isinstance(word, str):
            found = None
        else:
            # The exact word is the common case; only a miss pays for normalising it.
            found = _STANCE_WORDS.get(word) or _STANCE_WORDS.get(word.strip().casefold())
        if found is None:
            whose = f" for {who}" if who else ""
            allowed = ", ".join(stance.value for stance in cls)
            raise BallotError(f"unknown stance {word!r}{whose}; a stance is one of: {allowed}")
        return found


_STANCE_WORDS = {stance.value: stance for stance in Stance}

Positions = (
    Mapping[str, Stance | str]
    | Mapping[MemberState, Stance | str]
    | Mapping[str | MemberState, Stance | str]
)
"""Known positions keyed by member name or :class:`MemberState` (Mapping keys are invariant)."""


Closed = Literal["not put to a vote", "withdrawn"]
"""Why no vote is to be expected on a draft: its sponsors dropped it (D10), or withdrew it
(rule 35)."""

_CLOSED_WORDS: dict[str, str] = {
    "not put to a vote": "not put to a vote",
    "withdrawn": "withdrawn: no vote unless a Council member that seconded it requires one "
    "(rule 35)",
}


def _votes(count: int) -> str:
    return f"{count} more vote{'' if count == 1 else 's'} needed"


class Expectation(Checked):
    """What to expect from a vote, given the members' known positions.

    Built with bad values, it raises :class:`~unsc_tracker.errors.BallotError`
    naming the field and the value.

    ``closed`` says why no vote is to be expected (a draft withdrawn or not put to a vote): the
    expectation then has no outcome and no vetoer (:meth:`closing`).

    >>> e = expect({"Russia": "oppose", "France": "support", "Spain": "support", "UK": "support",
    ...             "US": "support"}, on=date(2016, 10, 5))
    >>> print(e)
    vetoed by Russian Federation (expected; 5 more votes needed among 10 undecided)
    """

    model_config = ConfigDict(frozen=True, extra="forbid")
    error: ClassVar[type[UnscTrackerError]] = BallotError

    outcome: Outcome | None = Field(description="the expected outcome; None while open")
    certain: bool = Field(description="every vote the undecided members could cast gives it")
    vetoed_by: tuple[MemberState, ...] = Field(
        default=(), description="permanent members expected to veto (empty unless vetoed)"
    )
    yes: int = Field(ge=0, description="members known to support")
    needed: int = Field(ge=0, description="affirmative votes still needed to reach the threshold")
    undecided: tuple[MemberState, ...] = Field(default=(), description="members with no position")
    swing: tuple[MemberState, ...] = Field(
        default=(), description="undecided members whose vote can still change the outcome"
    )
    threshold: int = Field(ge=1)
    probabilities: Probabilities | None = None
    closed: Closed | None = Field(
        default=None,
        description="why no vote is to be expected: the draft was withdrawn or not put to a vote; "
        "None while a vote can come",
    )

    @model_validator(mode="after")
    def _consistent(self) -> Expectation:
        if self.closed is not None and (self.outcome is not None or self.swing):
            raise ValueError(
                f"closed is {self.closed!r}: a draft no vote is to be expected on has no "
                "expected outcome and no swing members"
            )
        if self.vetoed_by and self.outcome is not Outcome.VETOED:
            raise ValueError(
                f"vetoed_by names {_names(self.vetoed_by)} but outcome is {self.outcome!r}: "
                "only a vetoed draft has vetoing members"
            )
        if self.outcome is Outcome.VETOED and not self.vetoed_by:
            raise ValueError("outcome 'vetoed' needs vetoed_by: the permanent members vetoing")
        if self.certain and self.outcome is None:
            raise ValueError("certain=True needs an outcome: an open vote is never certain")
        if self.needed != max(0, self.threshold - self.yes):
            raise ValueError(
                f"needed is {self.needed}, but yes={self.yes} and threshold={self.threshold} "
                f"leave {max(0, self.threshold - self.yes)}"
            )
        strays = tuple(state for state in self.swing if state not in self.undecided)
        if strays:
            raise ValueError(f"swing names {_names(strays)}, who are not among the undecided")
        return self

    def closing(self, why: Closed) -> Expectation:
        """This expectation once no vote is to be expected (``why``): no outcome, so no vetoer
        and no swing member; the positions' counts (``yes``, ``needed``, ``undecided``) stay.

        >>> e = expect({"France": "oppose"}, on=date(2003, 3, 17))
        >>> str(e.outcome), str(e.closing("not put to a vote")), e.closing("withdrawn").outcome
        ('vetoed', 'not put to a vote', None)
        """
        return Expectation.model_construct(
            **{
                **dict(self),
                "outcome": None,
                "certain": False,
                "vetoed_by": (),
                "swing": (),
                "probabilities": None,
                "closed": why,
            }
        )

    def __str__(self) -> str:
        return self.words(swing=True)

    def words(self, *, swing: bool = True) -> str:
        """The expectation in words; ``swing=False`` leaves out the list of swing members."""
        count = len(self.undecided)
        if self.closed is not None:
            return _CLOSED_WORDS[self.closed]
        if self.outcome is None:
            named = f"; swing: {_names(self.swing, ', ')}" if swing and self.swing else ""
            if self.needed == 0:
                vetoers = _names(self.swing, " or ")
                return (
                    f"open: {self.yes} in favour reach the {self.threshold} needed, "
                    f"but {vetoers} could still veto{named}"
                )
            return f"open: {_votes(self.needed)} among {count} undecided{named}"
        head = self.outcome.value
        if self.outcome is Outcome.VETOED:
            head = f"vetoed by {_names(self.vetoed_by)}"
        if not self.certain:
            return f"{head} (expected; {_votes(self.needed)} among {count} undecided)"
        if self.outcome is Outcome.FAILED:
            return (
                f"{head} (certain: {self.yes} in favour and {count} undecided "
                f"cannot reach the {self.threshold} needed)"
            )
        if self.outcome is Outcome.VETOED:
            return f"{head} (certain: {self.yes} in favour reach the {self.threshold} needed)"
        return f"{head} (certain: {self.yes} in favour, {self.threshold} needed, no veto left)"

    def __repr__(self) -> str:
        """``<Expectation vetoed by Russian Federation, certain: 11 yes, threshold 9>``; short
        even while open, when ``str`` names every swing member."""
        if self.closed is not None:
            head: str = self.closed
        elif self.outcome is None:
            head = "open"
        else:
            head = f"vetoed by {_names(self.vetoed_by)}" if self.vetoed_by else self.outcome.value
            head += ", certain" if self.certain else ", expected"
        rest = f"{self.yes} yes, threshold {self.threshold}"
        if self.needed:
            rest += f", {self.needed} more needed"
        if self.undecided:
            rest += f", {len(self.undecided)} undecided ({len(self.swing)} swing)"
        return f"<Expectation {head}: {rest}>"


def outlook(expectation: Expectation) -> str:
    """The expectation in a few words: its ``str`` without the list of swing members.

    >>> outlook(expect({}, on=date(2016, 10, 8)))
    'open: 9 more votes needed among 15 undecided'
    """
    return expectation.words(swing=False)


_SUPPORT, _OPPOSE, _ABSTAIN, _UNDECIDED = (
    Stance.SUPPORT,
    Stance.OPPOSE,
    Stance.ABSTAIN,
    Stance.UNDECIDED,
)


def expect(
    positions: Positions,
    on: date | datetime | str,
    *,
    procedural: bool = False,
) -> Expectation:
    """The outcome to expect from members' known positions, under Article 27 on that day.

    ``positions`` maps members (any name :func:`~unsc_tracker.members.member` accepts, or a
    :class:`MemberState`) to a :class:`Stance` or its word; members of the day's Council left
    out are undecided. The rules are in this module's docstring.

    >>> str(expect({"Russia": "oppose", "Venezuela": "oppose", "Angola": "abstain",
    ...             "China": "abstain"}, on=date(2016, 10, 8)))
    'vetoed by Russian Federation (expected; 9 more votes needed among 11 undecided)'
    >>> expect({"Germany": "support"}, on=date(2016, 10, 8))
    Traceback (most recent call last):
    unsc_tracker.errors.NotOnCouncilError: Germany was not a member ... on 2016-10-08
    """
    _arguments(positions, procedural, "expect", "stances")
    seating = seats(on if type(on) is date else _as_date(on))
    members = seating.members
    permanent = seating.permanent_flags
    stances: list[Stance | None] = [None] * len(members)
    for who, word in positions.items():
        seat = _seat_of(who, seating)
        if stances[seat] is not None:
            raise _repeated(seating, seat, who, "position")
        stances[seat] = word if type(word) is Stance else Stance.parse(word, members[seat].name)
    yes = 0
    opposing: list[MemberState] = []
    undecided: list[int] = []
    permanent_undecided = 0
    for seat, stance in enumerate(stances):
        if stance is _SUPPORT:
            yes += 1
        elif stance is None or stance is _UNDECIDED:
            undecided.append(seat)
            permanent_undecided += permanent[seat]
        elif stance is _OPPOSE and permanent[seat] and not procedural:
            opposing.append(members[seat])
    threshold = seating.council.threshold
    reach = yes + len(undecided)
    outcome: Outcome | None = None
    certain = False
    if reach < threshold:
        outcome, certain = Outcome.FAILED, True
    elif procedural:
        if yes >= threshold:
            outcome, certain = Outcome.ADOPTED, True
    elif opposing:
        outcome, certain = Outcome.VETOED, yes >= threshold
    elif yes >= threshold and not permanent_undecided:
        outcome, certain = Outcome.ADOPTED, True
    # A yes or an abstention matters only when it can be the vote that reaches the threshold.
    pivotal = yes < threshold <= reach
    # A permanent member's no matters when the others can reach the threshold and nobody vetoes.
    can_veto = not procedural and not opposing and reach - 1 >= threshold
    swing = tuple(members[seat] for seat in undecided if pivotal or (can_veto and permanent[seat]))
    return Expectation.model_construct(
        outcome=outcome,
        certain=certain,
        vetoed_by=tuple(opposing) if outcome is Outcome.VETOED else (),
        yes=yes,
        needed=threshold - yes if yes < threshold else 0,
        undecided=tuple(members[seat] for seat in undecided),
        swing=swing,
        threshold=threshold,
        probabilities=None,
    )
