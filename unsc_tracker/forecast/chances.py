"""Exact chances of each outcome from per-member ballot probabilities, by dynamic programming
over the count of yes votes (:func:`probabilities`)."""

from __future__ import annotations

import math
from collections.abc import Mapping
from datetime import date, datetime
from typing import ClassVar

from pydantic import ConfigDict, Field, model_validator

from ..checked import Checked
from ..council import Seats, _as_date, seats
from ..errors import BallotError, UnscTrackerError
from ..members import MemberState
from ..voting import Ballot
from .seats import _arguments, _names, _repeated, _seat_of

__all__ = ["Distributions", "Probabilities", "probabilities"]

_TOLERANCE = 1e-9
"""How far a sum of probabilities may stray from 1 before it counts as an input error."""

Distribution = Mapping[str, float] | Mapping[Ballot, float] | Mapping[Ballot | str, float]
Distributions = (
    Mapping[str, Distribution]
    | Mapping[MemberState, Distribution]
    | Mapping[str | MemberState, Distribution]
)
"""Per-member chances over ballots, keyed like :data:`Positions`."""


def _probability(value: float) -> float:
    return min(1.0, max(0.0, value))


class Probabilities(Checked):
    """Exact chances of each outcome, given independent per-member ballot distributions.

    Built with bad values, it raises :class:`~unsc_tracker.errors.BallotError`
    naming the field and the value.

    ``vetoed_by`` pairs each permanent member with the chance that the draft is vetoed and that
    member voted no. Several can veto together, so these may add up to more than ``vetoed``.

    >>> from unsc_tracker.members import member
    >>> str(Probabilities(adopted=0.25, vetoed=0.5, failed=0.25,
    ...                   vetoed_by=((member("Russia"), 0.5),)))
    'adopted 25.0%, vetoed 50.0% (Russian Federation 50.0%), failed 25.0%'
    """

    model_config = ConfigDict(frozen=True, extra="forbid")
    error: ClassVar[type[UnscTrackerError]] = BallotError

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
    _arguments(distributions, procedural, "probabilities", "ballot chances")
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
