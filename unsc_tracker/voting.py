"""Article 27 of the Charter: what the Council's ballots make of a draft.

The rule, as ``reference/PROCEDURE.md`` §2.4 states it with its sources:

- a decision needs ``threshold`` affirmative votes: 7 while the Council had 11 members, 9 since
  1 January 1966 (Art. 27(2)-(3), V9);
- on a procedural matter that is all (Art. 27(2)): there is no veto (V2, E10);
- on any other matter a permanent member's "no" blocks a draft that reached the threshold: that
  is a veto (Art. 27(3), V3, V6); below the threshold the draft simply failed, whoever voted no (E1);
- a permanent member's abstention, absence or not voting is never a veto (V5, E2, E3).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import TYPE_CHECKING, ClassVar, Literal

from pydantic import ConfigDict, Field, field_validator, model_validator

from . import views
from .arguments import given as _given
from .checked import Checked, shown
from .council import AMENDMENT_IN_FORCE, ENLARGEMENT, _as_date, not_on_council, seats
from .errors import BallotError, UnscTrackerError
from .members import MemberState, code_of, member
from .wording import plural

if TYPE_CHECKING:
    from pandas import DataFrame  # type: ignore[import-untyped, import-not-found, unused-ignore]

__all__ = ["Ballot", "Outcome", "VoteRecord", "VoteResult", "tally"]


class Ballot(StrEnum):
    """How one member voted."""

    YES = "yes"
    NO = "no"
    ABSTAIN = "abstain"
    ABSENT = "absent"
    NOT_VOTING = "not_voting"
    """Present and not voting, as Egypt and India were on resolution 83 (1950) (E3)."""

    @classmethod
    def parse(cls, word: str | Ballot, who: str = "") -> Ballot:
        """A ballot from its word, case and separators ignored (``"Not voting"`` is ``not_voting``)."""
        if isinstance(word, Ballot):
            return word
        exact = _BALLOT_WORDS.get(word) if isinstance(word, str) else None
        if exact is not None:
            return exact
        key = (
            word.strip().casefold().replace("-", "_").replace(" ", "_")
            if isinstance(word, str)
            else None
        )
        found = _BALLOT_WORDS.get(key) if key is not None else None
        if found is None:
            whose = f" for {who}" if who else ""
            words = ", ".join(ballot.value for ballot in cls)
            raise BallotError(f"unknown ballot {word!r}{whose}; a ballot is one of: {words}")
        return found


_BALLOT_WORDS = {ballot.value: ballot for ballot in Ballot} | {
    "present_not_voting": Ballot.NOT_VOTING,
}


class Outcome(StrEnum):
    """What became of a draft put to the vote (V10, E22: a veto and a shortfall are distinct)."""

    ADOPTED = "adopted"
    VETOED = "vetoed"
    FAILED = "failed"
    """Not adopted for want of the required number of affirmative votes."""


def _resolve_ballots(ballots: Mapping[str | MemberState, str | Ballot]) -> dict[str, Ballot]:
    resolved: dict[str, Ballot] = {}
    for who, word in ballots.items():
        state = member(who)
        ballot = Ballot.parse(word, state.name)
        if state.code in resolved:
            raise BallotError(
                f"{state.name} has two ballots ({resolved[state.code].value!r} and {ballot.value!r}); "
                f"{who!r} names the same member as an earlier entry"
            )
        resolved[state.code] = ballot
    return resolved


class VoteRecord(Checked):
    """One vote of the Council: the day, the text voted on, the ballots, procedural or not.

    Ballots are keyed by ISO code once validated; any name :func:`member` accepts can be given.
    Bad input raises :class:`~unsc_tracker.errors.BallotError` naming the field and the value
    (:class:`~unsc_tracker.errors.UnknownMemberError` for a name that is no member state,
    :class:`~unsc_tracker.errors.NotOnCouncilError` for a member not seated that day).

    >>> v = VoteRecord(date="2016-10-08", symbol="S/2016/847", meeting="S/PV.7785",
    ...                ballots={"China": "yes", "Russia": "yes", "Egypt": "yes", "Venezuela": "yes",
    ...                         "Angola": "abstain", "Uruguay": "abstain", "France": "no", "UK": "no",
    ...                         "US": "no", "Japan": "no", "Malaysia": "no", "New Zealand": "no",
    ...                         "Senegal": "no", "Spain": "no", "Ukraine": "no"})
    >>> str(tally(v))
    'failed: 4 in favour, 9 required (4-9-2)'
    """

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)
    error: ClassVar[type[UnscTrackerError]] = BallotError

    date: date
    ballots: dict[str, Ballot] = Field(
        description="ISO code to ballot; names are resolved on entry"
    )
    symbol: str | None = Field(default=None, description="the text voted on, e.g. S/2016/846")
    meeting: str | None = Field(default=None, description="the meeting record, e.g. S/PV.7785")
    procedural: bool = False
    procedural_basis: str | None = Field(
        default=None,
        description="why the vote counts as procedural: a ruling, an agreement, a preliminary vote (V8)",
    )
    chapter: Literal["VI", "VII", "VIII"] | None = Field(
        default=None, description="Charter chapter of the decision"
    )
    dispute_parties: tuple[str, ...] = Field(
        default=(),
        description="members party to the dispute, bound to abstain under Chapter VI (V7)",
    )
    threshold: int | None = Field(
        default=None, ge=1, description="override of the dated threshold (E13)"
    )

    @field_validator("date", mode="before")
    @classmethod
    def _day(cls, value: object) -> object:
        return value.date() if isinstance(value, datetime) else value

    @field_validator("ballots", mode="before")
    @classmethod
    def _names(cls, value: object) -> object:
        if not isinstance(value, Mapping):
            return value
        return _resolve_ballots(value)

    @field_validator("dispute_parties", mode="before")
    @classmethod
    def _parties(cls, value: object) -> object:
        if isinstance(value, list | tuple):
            return tuple(member(name).code for name in value)
        return value

    @model_validator(mode="after")
    def _on_council(self) -> VoteRecord:
        codes = seats(self.date).codes
        for code in self.ballots:
            if code not in codes:
                raise not_on_council(member(code), self.date)
        return self

    def __str__(self) -> str:
        """``S/2016/846 at S/PV.7785 on 2016-10-08: 11 yes, 2 no, 2 abstain``."""
        given = list(self.ballots.values())
        counts = [(given.count(ballot), ballot.value.replace("_", " ")) for ballot in Ballot]
        counted = ", ".join(f"{n} {word}" for n, word in counts if n) or "no ballots"
        kind = " (procedural)" if self.procedural else ""
        where = f" at {self.meeting}" if self.meeting else ""
        return f"{self.symbol or 'a vote'}{where} on {self.date.isoformat()}{kind}: {counted}"

    def __repr__(self) -> str:
        """``<VoteRecord S/2016/846 at S/PV.7785 on 2016-10-08: 15 ballots>``."""
        where = f" at {self.meeting}" if self.meeting else ""
        kind = ", procedural" if self.procedural else ""
        return (
            f"<VoteRecord {self.symbol or 'vote'}{where} on {self.date.isoformat()}: "
            f"{plural(len(self.ballots), 'ballot')}{kind}>"
        )

    def _repr_html_(self) -> str:
        return views.html(self) or views.fallback(self)


@dataclass(frozen=True, init=False)
class VoteResult:
    """What Article 27 makes of one vote.

    >>> r = tally({"Russia": "no", "Venezuela": "no", "Angola": "abstain", "China": "abstain",
    ...            "France": "yes", "UK": "yes", "US": "yes", "Egypt": "yes", "Japan": "yes",
    ...            "Malaysia": "yes", "New Zealand": "yes", "Senegal": "yes", "Spain": "yes",
    ...            "Ukraine": "yes", "Uruguay": "yes"}, on=date(2016, 10, 8))
    >>> print(r)
    vetoed by Russian Federation (11-2-2)
    >>> r.outcome, [m.code for m in r.vetoed_by]
    (<Outcome.VETOED: 'vetoed'>, ['RUS'])
    """

    outcome: Outcome
    yes: int
    no: int
    abstain: int
    absent: int
    not_voting: int
    threshold: int
    procedural: bool
    on: date
    vetoed_by: tuple[MemberState, ...] = ()
    warnings: tuple[str, ...] = ()
    ballots: Mapping[str, Ballot] = field(default_factory=dict, compare=False, repr=False)

    def __init__(
        self,
        outcome: Outcome,
        yes: int,
        no: int,
        abstain: int,
        absent: int,
        not_voting: int,
        threshold: int,
        procedural: bool,
        on: date,
        vetoed_by: tuple[MemberState, ...] = (),
        warnings: tuple[str, ...] = (),
        ballots: Mapping[str, Ballot] | None = None,
    ) -> None:
        # Written straight into the instance: the __init__ a frozen dataclass generates sets each
        # field through object.__setattr__, which cost a third of tally() (bench_tally.py).
        self.__dict__.update(
            outcome=outcome,
            yes=yes,
            no=no,
            abstain=abstain,
            absent=absent,
            not_voting=not_voting,
            threshold=threshold,
            procedural=procedural,
            on=on,
            vetoed_by=vetoed_by,
            warnings=warnings,
            ballots={} if ballots is None else ballots,
        )

    @property
    def size(self) -> int:
        return self.yes + self.no + self.abstain + self.absent + self.not_voting

    @property
    def counts(self) -> str:
        """The usual notation: in favour, against, abstaining (``"11-2-2"``)."""
        return f"{self.yes}-{self.no}-{self.abstain}"

    @property
    def adopted(self) -> bool:
        return self.outcome is Outcome.ADOPTED

    def ballot_of(self, state: MemberState | str) -> Ballot:
        """How a member voted; members missing from the ballots count as absent."""
        return self.ballots[member(state).code]

    def __str__(self) -> str:
        kind = "procedural, " if self.procedural else ""
        if self.outcome is Outcome.VETOED:
            names = " and ".join(state.name for state in self.vetoed_by)
            return f"vetoed by {names} ({kind}{self.counts})"
        if self.outcome is Outcome.ADOPTED:
            return f"adopted ({kind}{self.counts})"
        return f"failed: {self.yes} in favour, {self.threshold} required ({kind}{self.counts})"

    def __repr__(self) -> str:
        """``<VoteResult vetoed by Russian Federation (11-2-2) on 2016-10-08>``."""
        return f"<VoteResult {self} on {self.on.isoformat()}>"

    def _repr_html_(self) -> str:
        return views.html(self) or views.fallback(self)

    def to_dataframe(self) -> DataFrame:
        """One row per member: see :func:`unsc_tracker.export.vote_frame` (needs pandas)."""
        from .export import vote_frame

        return vote_frame(self)


# The ballots as module constants: an enum member looked up on its class costs some 40 ns, a
# global next to nothing, and the rule compares each ballot with them (bench_tally.py).
_YES, _NO, _ABSTAIN, _ABSENT, _NOT_VOTING = tuple(Ballot)


def tally(
    ballots: Mapping[str | MemberState, str | Ballot]
    | Mapping[MemberState, Ballot]
    | Mapping[str, Ballot]
    | VoteRecord,
    on: date | datetime | str | None = None,
    procedural: bool | None = None,
    *,
    threshold: int | None = None,
) -> VoteResult:
    """Apply Article 27 of the Charter to a vote.

    ``ballots`` maps members (any name :func:`member` accepts, or a :class:`MemberState`) to
    ballots (a :class:`Ballot` or its word); or pass a :class:`VoteRecord`, which carries its
    own date, ballots and procedural flag. Members of that day's Council with no ballot count as
    absent and are named in ``warnings``. ``threshold`` overrides the dated threshold (E13).

    Raises :class:`~unsc_tracker.errors.BallotError` for a ballot word, or a threshold, that
    cannot be counted, :class:`~unsc_tracker.errors.UnknownMemberError` and
    :class:`~unsc_tracker.errors.NotOnCouncilError` for a name that is no member, or no member
    that day, and ``TypeError`` for arguments of the wrong type (a list of pairs, not a mapping;
    ``procedural="no"``, not ``False``).

    >>> str(tally({"US": "abstain", **{m: "yes" for m in ["China", "France", "Russia", "UK",
    ...     "Angola", "Egypt", "Japan", "Malaysia", "New Zealand", "Senegal", "Spain", "Ukraine",
    ...     "Uruguay", "Venezuela"]}}, on="2016-12-23"))
    'adopted (14-0-1)'
    """
    record: VoteRecord | None = None
    given: (
        Mapping[str | MemberState, str | Ballot]
        | Mapping[MemberState, Ballot]
        | Mapping[str, Ballot]
    )
    if isinstance(ballots, VoteRecord):
        if on is not None or procedural is not None:
            raise TypeError(
                "a VoteRecord carries its own date and procedural flag: pass neither on= nor procedural="
            )
        record, given = ballots, ballots.ballots
        day, is_procedural = record.date, record.procedural
        threshold = threshold if threshold is not None else record.threshold
    else:
        if not isinstance(ballots, Mapping):
            raise TypeError(
                "tally() counts a mapping of members to ballots ({'Russia': 'no', ...}) or a "
                f"VoteRecord, not {type(ballots).__name__}"
                + (": pass dict(pairs) for a list of pairs" if isinstance(ballots, list) else "")
            )
        if on is None:
            raise TypeError("tally() needs the date of the vote: tally(ballots, on=date(...))")
        if procedural is not None and not isinstance(procedural, bool):
            raise TypeError(f"procedural is True or False, not {_given(procedural)}")
        given, day, is_procedural = ballots, _as_date(on), bool(procedural)
    if threshold is not None and (not isinstance(threshold, int) or isinstance(threshold, bool)):
        raise TypeError(f"threshold is a whole number, not {_given(threshold)}")
    counted: dict[str, Ballot] = {}
    yes = no = abstain = absent = not_voting = 0
    for who, word in given.items():
        if isinstance(who, MemberState):
            code = who.code
        elif record is not None:
            code = who  # a record's ballots are keyed by code once validated
        else:
            code = _code_of_name(who)
        ballot = word if isinstance(word, Ballot) else Ballot.parse(word, member(code).name)
        if code in counted:
            raise BallotError(
                f"{member(code).name} has two ballots ({counted[code].value!r} and {ballot.value!r}); "
                f"{who!r} names the same member as an earlier entry"
            )
        counted[code] = ballot
        if ballot is _YES:
            yes += 1
        elif ballot is _NO:
            no += 1
        elif ballot is _ABSTAIN:
            abstain += 1
        elif ballot is _ABSENT:
            absent += 1
        else:
            not_voting += 1
    seating = seats(day)
    seated = seating.council
    if not counted.keys() <= seating.codes:
        stranger = next(code for code in counted if code not in seating.codes)
        raise not_on_council(member(stranger), day)
    warnings: list[str] = []
    if len(counted) < len(seating.codes):
        missing = [state for state in seated.members if state.code not in counted]
        counted.update(dict.fromkeys([state.code for state in missing], _ABSENT))
        absent += len(missing)
        warnings.append(
            "no ballot given for " + ", ".join(s.name for s in missing) + ": counted as absent"
        )
    needed = seated.threshold if threshold is None else threshold
    if not 1 <= needed <= seated.size:
        raise BallotError(
            f"threshold {shown(needed)} is not a number of votes the Council of {day.isoformat()} "
            f"could cast: give one from 1 to {seated.size}"
        )
    vetoed_by: tuple[MemberState, ...] = ()
    if is_procedural:
        outcome = Outcome.ADOPTED if yes >= needed else Outcome.FAILED
    elif yes < needed:
        outcome = Outcome.FAILED
    else:
        if no:
            vetoed_by = tuple([state for state in seated.permanent if counted[state.code] is _NO])
        outcome = Outcome.VETOED if vetoed_by else Outcome.ADOPTED
        if not vetoed_by and _YES not in [counted[state.code] for state in seated.permanent]:
            warnings.append(
                "adopted with no permanent member voting yes: practice treats abstention as no bar "
                "(ICJ, Namibia opinion, 1971), but there is no precedent for all five abstaining (E2)"
            )
    if AMENDMENT_IN_FORCE <= day < ENLARGEMENT:
        warnings.append(
            f"vote between {AMENDMENT_IN_FORCE.isoformat()} and {ENLARGEMENT.isoformat()}: the nine-vote "
            f"amendment was in force but the Council still had eleven members; threshold {needed} used (E13)"
        )
    if record is not None and record.chapter == "VI" and not is_procedural:
        warnings += _party_warnings(record, counted)
    return VoteResult(
        outcome=outcome,
        yes=yes,
        no=no,
        abstain=abstain,
        absent=absent,
        not_voting=not_voting,
        threshold=needed,
        procedural=is_procedural,
        on=day,
        vetoed_by=vetoed_by,
        warnings=tuple(warnings),
        ballots=counted,
    )


def _code_of_name(who: object) -> str:
    if isinstance(who, str):
        return code_of(who)
    raise TypeError(
        f"a ballot is keyed by a member name or MemberState, not {type(who).__name__}: {shown(who)}"
    )


def _party_warnings(record: VoteRecord, counted: Mapping[str, Ballot]) -> list[str]:
    return [
        f"{member(code).name} is a party to the dispute and voted {counted[code].value!r} on a "
        "Chapter VI decision; Art. 27(3) obliges it to abstain, a rule the Council has applied "
        "unevenly (V7)"
        for code in record.dispute_parties
        if counted.get(code) in (_YES, _NO)
    ]
