"""From members' positions, or per-member ballot probabilities, to the outcome a vote should have.

:func:`expect` takes known positions. ``support`` counts as a yes, ``oppose`` as a no, ``abstain``
as an abstention. Members of that day's Council who are missing from ``positions``, or marked
``undecided``, may still vote any way. A state not on that day's Council raises
:class:`~unsc_tracker.errors.NotOnCouncilError`, and an unknown stance word raises
:class:`~unsc_tracker.errors.BallotError`. The outcomes below follow Article 27 as
:func:`~unsc_tracker.voting.tally` applies it. ``yes`` is the known support, ``u`` the number
undecided, ``T`` the threshold:

- procedural: adopted if ``yes >= T``; failed if ``yes + u < T``; open otherwise;
- a permanent member opposes: vetoed by the opposing permanent members if ``yes + u >= T``
  (certain once ``yes >= T``, since the vote would force their veto), failed otherwise;
- no permanent member opposes: adopted if ``yes >= T`` and no permanent member is undecided;
  failed if ``yes + u < T``; open otherwise, including while an undecided permanent member
  could still veto a draft that has reached the threshold.

An expectation is ``certain`` when every way the undecided members could vote gives that
outcome. Only the outcome counts here: another undecided permanent member joining a certain veto
does not change it. A member is a ``swing`` member when, for some votes of the others, its own
yes, no or abstention changes the outcome.

:func:`probabilities` takes a distribution over ballots for every member of the Council. It gives
the exact chances of adoption, veto and failure by dynamic programming over the count of yes votes.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from datetime import date, datetime
from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from .council import Seats, _as_date, not_on_council, seats
from .errors import BallotError
from .members import MemberState, code_of, member
from .voting import Ballot, Outcome

__all__ = [
    "Closed",
    "Distributions",
    "Expectation",
    "Positions",
    "Probabilities",
    "Stance",
    "expect",
    "outlook",
    "probabilities",
]

_TOLERANCE = 1e-9
"""How far a sum of probabilities may stray from 1 before it counts as an input error."""


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

Distribution = Mapping[str, float] | Mapping[Ballot, float] | Mapping[Ballot | str, float]
Distributions = (
    Mapping[str, Distribution]
    | Mapping[MemberState, Distribution]
    | Mapping[str | MemberState, Distribution]
)
"""Per-member chances over ballots, keyed like :data:`Positions`."""


def _probability(value: float) -> float:
    return min(1.0, max(0.0, value))


class Probabilities(BaseModel):
    """Exact chances of each outcome, given independent per-member ballot distributions.

    ``vetoed_by`` pairs each permanent member with the chance that the draft is vetoed and that
    member voted no. Several can veto together, so these may add up to more than ``vetoed``.

    >>> str(Probabilities(adopted=0.25, vetoed=0.5, failed=0.25,
    ...                   vetoed_by=((member("Russia"), 0.5),)))
    'adopted 25.0%, vetoed 50.0% (Russian Federation 50.0%), failed 25.0%'
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    adopted: float = Field(ge=0.0, le=1.0)
    vetoed: float = Field(ge=0.0, le=1.0)
    failed: float = Field(ge=0.0, le=1.0)
    vetoed_by: tuple[tuple[MemberState, float], ...] = Field(
        default=(), description="(permanent member, P(vetoed and that member voted no))"
    )

    @model_validator(mode="after")
    def _consistent(self) -> Probabilities:
        total = math.fsum((self.adopted, self.vetoed, self.failed))
        if abs(total - 1.0) > _TOLERANCE:
            raise ValueError(
                f"adopted + vetoed + failed must be 1, got {total!r} "
                f"({self.adopted!r} + {self.vetoed!r} + {self.failed!r})"
            )
        for state, chance in self.vetoed_by:
            if not 0.0 <= chance <= self.vetoed + _TOLERANCE:
                raise ValueError(
                    f"vetoed_by: {state.name} has {chance!r}, which must lie between 0 and "
                    f"vetoed ({self.vetoed!r})"
                )
        return self

    def __str__(self) -> str:
        vetoes = ", ".join(f"{s.name} {p:.1%}" for s, p in self.vetoed_by if p > 0.0)
        detail = f" ({vetoes})" if vetoes else ""
        chances = f"adopted {self.adopted:.1%}, vetoed {self.vetoed:.1%}{detail}"
        return f"{chances}, failed {self.failed:.1%}"

    def __repr__(self) -> str:
        """``<Probabilities adopted 25.0%, vetoed 50.0% (Russian Federation 50.0%), failed 25.0%>``."""
        return f"<Probabilities {self}>"


Closed = Literal["not put to a vote", "withdrawn"]
"""Why no vote is to be expected on a draft: its sponsors dropped it (D10), or withdrew it
(rule 35)."""

_CLOSED_WORDS: dict[str, str] = {
    "not put to a vote": "not put to a vote",
    "withdrawn": "withdrawn: no vote unless a Council member that seconded it requires one "
    "(rule 35)",
}


def _names(states: tuple[MemberState, ...], last: str = " and ") -> str:
    names = [state.name for state in states]
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + last + names[-1]


def _votes(count: int) -> str:
    return f"{count} more vote{'' if count == 1 else 's'} needed"


class Expectation(BaseModel):
    """What to expect from a vote, given the members' known positions.

    >>> e = expect({"Russia": "oppose", "France": "support", "Spain": "support", "UK": "support",
    ...             "US": "support"}, on=date(2016, 10, 5))
    >>> print(e)
    vetoed by Russian Federation (expected; 5 more votes needed among 10 undecided)
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

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
        count = len(self.undecided)
        if self.closed is not None:
            return _CLOSED_WORDS[self.closed]
        if self.outcome is None:
            swing = f"; swing: {_names(self.swing, ', ')}" if self.swing else ""
            if self.needed == 0:
                vetoers = _names(self.swing, " or ")
                return (
                    f"open: {self.yes} in favour reach the {self.threshold} needed, "
                    f"but {vetoers} could still veto{swing}"
                )
            return f"open: {_votes(self.needed)} among {count} undecided{swing}"
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
    return str(expectation).split("; swing: ", 1)[0]


def _seat_of(who: object, seating: Seats) -> int:
    """The index of a member on the day's Council, or an error naming the state and the day."""
    if type(who) is MemberState or isinstance(who, MemberState):
        code = who.code
    elif isinstance(who, str):
        code = code_of(who)
    else:
        raise TypeError(f"a member is named by a string or MemberState, not {type(who).__name__}")
    seat = seating.position.get(code)
    if seat is None:
        raise not_on_council(member(code), seating.council.on)
    return seat


def _repeated(seating: Seats, seat: int, who: object, what: str) -> BallotError:
    return BallotError(
        f"{seating.members[seat].name} has two {what}s; {who!r} names the same member "
        "as an earlier entry"
    )


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


def _distribution(seating: Seats, seat: int, raw: object) -> tuple[float, float, float]:
    """(P(yes), P(no), P(abstain, absent or not voting)) for one member, normalised to sum 1."""
    name = seating.members[seat].name
    if not isinstance(raw, Mapping):
        raise BallotError(
            f"the distribution for {name} must map ballots to probabilities, "
            f"not {type(raw).__name__} {raw!r}"
        )
    chances: dict[Ballot, float] = {}
    for word, value in raw.items():
        ballot = Ballot.parse(word, name)
        if ballot in chances:
            raise BallotError(f"{name} has two probabilities for the ballot {ballot.value!r}")
        if isinstance(value, bool) or not isinstance(value, int | float) or not value >= 0.0:
            raise BallotError(
                f"the probability of {ballot.value!r} for {name} must be a number >= 0, "
                f"got {value!r}"
            )
        if math.isinf(value):
            raise BallotError(f"the probability of {ballot.value!r} for {name} is infinite")
        chances[ballot] = float(value)
    total = math.fsum(chances.values())
    if abs(total - 1.0) > _TOLERANCE:
        raise BallotError(f"the ballot probabilities for {name} sum to {total!r}, not 1")
    p_yes = chances.get(Ballot.YES, 0.0) / total
    p_no = chances.get(Ballot.NO, 0.0) / total
    p_rest = (total - chances.get(Ballot.YES, 0.0) - chances.get(Ballot.NO, 0.0)) / total
    return p_yes, p_no, max(0.0, p_rest)


def _add_member(counts: list[float], p_yes: float, p_other: float) -> list[float]:
    """Fold one member into a distribution over yes-counts; ``p_other`` may leave mass out."""
    folded = [0.0] * (len(counts) + 1)
    for k, p in enumerate(counts):
        folded[k] += p * p_other
        folded[k + 1] += p * p_yes
    return folded


def probabilities(
    distributions: Distributions,
    on: date | datetime | str,
    *,
    procedural: bool = False,
) -> Probabilities:
    """Exact chances of adoption, veto and failure from independent per-member ballot chances.

    ``distributions`` maps every member of the day's Council to its chances over ballots
    (``yes``, ``no``, ``abstain``, ``absent``, ``not_voting``; missing ballots have chance 0).
    Each member's chances must be ``>= 0`` and sum to 1 within 1e-9. A member of the Council left
    out is an error, not an assumed absence: give ``{"absent": 1.0}`` to say so. Article 27 is
    applied exactly, by dynamic programming over the count of yes votes: a permanent member's
    veto needs the draft to reach the threshold with that member voting no.

    >>> sure = {m: {"yes": 1.0} for m in ["France", "UK", "US", "China", "Angola", "Egypt",
    ...         "Japan", "Malaysia", "New Zealand", "Senegal", "Spain", "Ukraine", "Uruguay"]}
    >>> sure["Venezuela"] = {"no": 1.0}
    >>> print(probabilities({**sure, "Russia": {"no": 0.6, "abstain": 0.4}}, on=date(2016, 10, 8)))
    adopted 40.0%, vetoed 60.0% (Russian Federation 60.0%), failed 0.0%
    """
    seating = seats(on if type(on) is date else _as_date(on))
    members = seating.members
    chances: list[tuple[float, float, float] | None] = [None] * len(members)
    for who, raw in distributions.items():
        seat = _seat_of(who, seating)
        if chances[seat] is not None:
            raise _repeated(seating, seat, who, "distribution")
        chances[seat] = _distribution(seating, seat, raw)
    missing = tuple(state for state, given in zip(members, chances, strict=True) if given is None)
    if missing:
        raise BallotError(
            f"no ballot probabilities for {_names(missing)}, on the Council on "
            f"{seating.council.on.isoformat()}; give {{'absent': 1.0}} for a member sure to be absent"
        )
    known = [given for given in chances if given is not None]
    elected: list[float] = [1.0]
    permanent: list[tuple[MemberState, tuple[float, float, float]]] = []
    for state, is_permanent, (p_yes, p_no, p_rest) in zip(
        members, seating.permanent_flags, known, strict=True
    ):
        if is_permanent:
            permanent.append((state, (p_yes, p_no, p_rest)))
        else:
            elected = _add_member(elected, p_yes, p_no + p_rest)
    threshold = seating.council.threshold
    every = elected
    without_no = elected
    for _, (p_yes, p_no, p_rest) in permanent:
        every = _add_member(every, p_yes, p_no + p_rest)
        # Leaving out each permanent no keeps only the ways the draft meets no veto.
        without_no = _add_member(without_no, p_yes, p_rest)
    reached = math.fsum(every[threshold:])
    failed = math.fsum(every[:threshold])
    if procedural:
        adopted, vetoed = reached, 0.0
    else:
        adopted = math.fsum(without_no[threshold:])
        vetoed = max(0.0, reached - adopted)
    vetoers: list[tuple[MemberState, float]] = []
    for j, (state, (_, p_no_j, _)) in enumerate(permanent):
        chance = 0.0
        if not procedural and p_no_j > 0.0:
            # A no from this member vetoes exactly when the others reach the threshold without it.
            others = elected
            for i, (_, (p_yes, p_no, p_rest)) in enumerate(permanent):
                if i != j:
                    others = _add_member(others, p_yes, p_no + p_rest)
            chance = min(vetoed, p_no_j * math.fsum(others[threshold:]))
        vetoers.append((state, chance))
    return Probabilities.model_construct(
        adopted=_probability(adopted),
        vetoed=_probability(vetoed),
        failed=_probability(failed),
        vetoed_by=tuple(vetoers),
    )
