"""One decision the Council voted on, member by member: the :class:`Vote` of the record.

A :class:`Vote` names the text voted on (a resolution's symbol, a draft's, an amendment's, or a
part of a text put to a separate vote), the day, the meeting or the letters of a written
procedure, the agenda item, how the decision was taken (:class:`Modality`), every member's ballot
where a source gives them and the counts where it gives only those, the outcome the source
records, and the source of each fact. The outcome under Article 27 is computed from the ballots
with :func:`~unsc_tracker.voting.tally`, never copied.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping
from enum import StrEnum
from functools import cache, cached_property
from typing import ClassVar

from pydantic import ConfigDict, Field, field_validator, model_validator

from .. import views
from ..checked import Checked
from ..council import composition, not_on_council
from ..errors import BallotError, RecordQueryError, UnscTrackerError
from ..members import MemberState, all_states, code_of, member
from ..voting import Ballot, Outcome, VoteRecord, VoteResult, _resolve_ballots, tally
from ..wording import clip, plural
from .symbols import draft_symbol, is_symbol, letter_symbol, meeting_symbol, resolution_symbol

__all__ = ["FACTS", "Conflict", "Coverage", "Modality", "TextKind", "Vote"]


class Modality(StrEnum):
    """How the Council took the decision."""

    RECORDED = "recorded"
    """Put to the vote: each member's ballot (or at least the counts) is on record."""
    WITHOUT_VOTE = "without_vote"
    """Adopted without a vote: there are no ballots to record."""
    ACCLAMATION = "acclamation"
    """Adopted by acclamation (an appointment of the Secretary-General, a tribute): no ballots."""


class TextKind(StrEnum):
    """What was put to the vote."""

    RESOLUTION = "resolution"
    """A draft resolution that was adopted: the vote is keyed by the resolution's symbol."""
    DRAFT = "draft"
    """A draft resolution that was not adopted (vetoed, or short of the votes it needed)."""
    AMENDMENT = "amendment"
    """An amendment to a draft (E12), linked to that draft by ``parent_text``."""
    PART = "part"
    """A separate vote on a part of a text (a paragraph, one name in a list of applicants)."""
    QUESTION = "question"
    """A question, not a text: chiefly whether a matter is procedural, the double veto (V8)."""


class Coverage(StrEnum):
    """What the record holds of a vote."""

    BALLOTS = "ballots"
    """Every member's ballot, as a source gives them."""
    COUNTS = "counts"
    """The counts only: no source seen names every member's ballot."""
    NOTHING = "nothing"
    """Neither ballots nor counts: only that the vote took place (and its outcome)."""
    NO_VOTE = "no_vote"
    """Adopted without a vote or by acclamation: there are no ballots to have."""


FACTS = frozenset({"text", "date", "meeting", "agenda", "modality", "counts", "ballots", "outcome"})
"""The facts of a vote that can carry a source of their own (``Vote.fact_sources``)."""


class Conflict(Checked):
    """Two sources that disagree on one fact of one vote, each value beside its source.

    Built with bad values, it raises :class:`~unsc_tracker.errors.BallotError`
    naming the field and the value.

    >>> c = Conflict(symbol="S/2001/270", fact="date", first="2001-03-27",
    ...              first_source="SC/7040", second="2001-04-12", second_source="vetoes.csv line 190")
    >>> print(c)
    S/2001/270: date is 2001-03-27 in SC/7040 but 2001-04-12 in vetoes.csv line 190
    """

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)
    error: ClassVar[type[UnscTrackerError]] = BallotError

    symbol: str = Field(description="the vote the sources disagree on")
    fact: str = Field(description="what they disagree on: 'date', 'yes', 'ballot of RUS', ...")
    first: str = Field(description="the value in the first source, as text")
    first_source: str
    second: str = Field(description="the value in the second source, as text")
    second_source: str

    def __str__(self) -> str:
        return (
            f"{self.symbol}: {self.fact} is {self.first} in {self.first_source} "
            f"but {self.second} in {self.second_source}"
        )


@cache
def _codes() -> frozenset[str]:
    """The ISO codes of every state the library knows."""
    return frozenset(state.code for state in all_states())


def natural_key(resolution: str | None, draft: str | None, part: str | None) -> str | None:
    """The symbol a vote is keyed by: the resolution's, else the draft's (with the part voted)."""
    if resolution is not None:
        return resolution
    if draft is not None:
        return f"{draft} ({part})" if part else draft
    return None


class Vote(Checked):
    """One vote of the Council, as the record holds it.

    Built with bad values, it raises :class:`~unsc_tracker.errors.BallotError`
    naming the field and the value.

    ``ballots`` maps ISO codes to ballots (any name :func:`~unsc_tracker.member` accepts can be
    given); a member of that day's Council with no ballot did not vote, or the source does not say
    how. The counts are derived from the ballots when there are ballots, and checked against them
    when both are given. ``source`` is the source of every fact that has none of its own in
    ``fact_sources`` (keys in :data:`FACTS`) or, for one member's ballot, in ``ballot_sources``.

    >>> v = Vote(symbol="S/2016/847", kind="draft", draft="S/2016/847", date="2016-10-08",
    ...          meeting="S/PV.7785", source="https://press.un.org/en/2016/sc12545.doc.htm",
    ...          ballots={"China": "yes", "Russia": "yes", "Egypt": "yes", "Venezuela": "yes",
    ...                   "Angola": "abstain", "Uruguay": "abstain", "France": "no", "UK": "no",
    ...                   "US": "no", "Japan": "no", "Malaysia": "no", "New Zealand": "no",
    ...                   "Senegal": "no", "Spain": "no", "Ukraine": "no"})
    >>> v.counts, v.outcome, v.vetoed_by
    ('4-9-2', <Outcome.FAILED: 'failed'>, ())
    >>> v
    Vote('S/2016/847', 2016-10-08, failed 4-9-2, 15 ballots)
    """

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)
    error: ClassVar[type[UnscTrackerError]] = BallotError

    symbol: str = Field(
        min_length=1,
        description="the key of the vote: the resolution's symbol, else the draft's (with the "
        "part voted); a vote on a text whose symbol is not known has a label instead",
    )
    kind: TextKind
    date: _dt.date
    resolution: str | None = Field(default=None, description="S/RES/2334 (2016), when adopted")
    draft: str | None = Field(default=None, description="the draft or amendment voted on")
    parent_text: str | None = Field(
        default=None, description="the text an amendment or a separate vote belongs to"
    )
    part: str | None = Field(default=None, description="the part put to a separate vote")
    meeting: str | None = Field(default=None, description="the meeting record, S/PV.7785")
    letters: tuple[str, ...] = Field(
        default=(), description="the letters recording a vote by written procedure (2020)"
    )
    agenda: str | None = Field(default=None, description="the agenda item as the source words it")
    title: str | None = None
    subjects: tuple[str, ...] = Field(default=(), description="subject headings of the text")
    modality: Modality = Modality.RECORDED
    procedural: bool = False
    ballots: dict[str, Ballot] = Field(default_factory=dict, description="ISO code to ballot")
    yes: int | None = Field(default=None, ge=0)
    no: int | None = Field(default=None, ge=0)
    abstain: int | None = Field(default=None, ge=0)
    non_voting: int | None = Field(
        default=None, ge=0, description="members absent or present and not voting"
    )
    recorded_outcome: Outcome | None = Field(
        default=None, description="the outcome as the source records it"
    )
    recorded_vetoed_by: tuple[str, ...] = Field(
        default=(), description="ISO codes of the members the source names as vetoing"
    )
    source: str = Field(min_length=1, description="the source of the facts with none of their own")
    fact_sources: dict[str, str] = Field(default_factory=dict)
    ballot_sources: dict[str, str] = Field(default_factory=dict)
    notes: tuple[str, ...] = Field(default=(), description="gaps and caveats, stated")
    conflicts: tuple[Conflict, ...] = Field(
        default=(), description="facts on which the sources merged into this vote disagree"
    )

    # -- validation -----------------------------------------------------------------------------

    @field_validator("date", mode="before")
    @classmethod
    def _day(cls, value: object) -> object:
        return value.date() if isinstance(value, _dt.datetime) else value

    @field_validator("resolution", mode="after")
    @classmethod
    def _resolution(cls, value: str | None) -> str | None:
        return resolution_symbol(value) if value is not None else None

    @field_validator("draft", "parent_text", mode="after")
    @classmethod
    def _draft(cls, value: str | None) -> str | None:
        return draft_symbol(value) if value is not None else None

    @field_validator("meeting", mode="after")
    @classmethod
    def _meeting(cls, value: str | None) -> str | None:
        return meeting_symbol(value) if value is not None else None

    @field_validator("letters", mode="after")
    @classmethod
    def _letters(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(letter_symbol(letter) for letter in value)

    @field_validator("ballots", mode="before")
    @classmethod
    def _ballots(cls, value: object) -> object:
        if not isinstance(value, Mapping):
            return value
        if type(value) is dict:
            codes = _codes()
            # Already codes and ballots (as a reader gives them): nothing to resolve.
            if all(type(w) is Ballot and k in codes for k, w in value.items()):
                return value
        return _resolve_ballots(value)

    @field_validator("recorded_vetoed_by", mode="before")
    @classmethod
    def _vetoers(cls, value: object) -> object:
        if isinstance(value, list | tuple):
            return tuple(
                state.code if isinstance(state, MemberState) else code_of(state) for state in value
            )
        return value

    @model_validator(mode="after")
    def _consistent(self) -> Vote:
        self._check_text()
        seated = composition(self.date)  # a day outside the record: DateOutOfRecordError
        for code in self.ballots:
            if code not in seated.codes:
                raise not_on_council(member(code), self.date)
        for code in self.recorded_vetoed_by:
            if code not in seated.permanent:
                raise ValueError(
                    f"{member(code).name} is named as vetoing but held no permanent seat on "
                    f"{self.date.isoformat()}"
                )
        if self.recorded_vetoed_by and self.recorded_outcome is not Outcome.VETOED:
            raise ValueError("recorded_vetoed_by names vetoing members of a vote not vetoed")
        if self.procedural and self.recorded_outcome is Outcome.VETOED:
            raise ValueError("a procedural vote cannot be vetoed (Art. 27(2))")
        if self.modality is not Modality.RECORDED and (
            self.ballots or self.yes is not None or self.no is not None
        ):
            raise ValueError(
                f"a text adopted {self.modality.value.replace('_', ' ')} has no ballots or counts"
            )
        if self.ballots:
            self._derive_counts(len(seated.codes))
        unknown = self.fact_sources.keys() - FACTS
        if unknown:
            raise ValueError(
                f"fact_sources: unknown fact {sorted(unknown)[0]!r}; facts are {sorted(FACTS)}"
            )
        strays = self.ballot_sources.keys() - self.ballots.keys()
        if strays:
            raise ValueError(f"ballot_sources names {sorted(strays)[0]}, which has no ballot")
        return self

    def _check_text(self) -> None:
        if self.kind is TextKind.RESOLUTION:
            if self.resolution is None:
                raise ValueError("a vote of kind 'resolution' needs the resolution's symbol")
            if self.recorded_outcome not in (None, Outcome.ADOPTED):
                raise ValueError(
                    f"{self.resolution} is a resolution, so it was adopted, "
                    f"not {self.recorded_outcome}"
                )
        elif self.resolution is not None:
            raise ValueError(
                f"a vote of kind {self.kind.value!r} has no resolution symbol "
                f"({self.resolution}); an adopted draft is of kind 'resolution'"
            )
        if (self.kind is TextKind.PART) != bool(self.part):
            raise ValueError(
                "a separate vote, and only a separate vote (kind 'part'), names a part"
            )
        key = natural_key(self.resolution, self.draft, self.part)
        if key is not None and self.symbol != key:
            raise ValueError(f"symbol {self.symbol!r} should be {key!r}, the text's own symbol")
        if key is None and is_symbol(self.symbol):
            raise ValueError(
                f"symbol {self.symbol!r} reads as a UN symbol: give it as the resolution or the "
                "draft; a vote on a text of unknown symbol has a label that does not start 'S/'"
            )

    def _derive_counts(self, size: int) -> None:
        yes = no = abstain = 0
        for ballot in self.ballots.values():
            if ballot is Ballot.YES:
                yes += 1
            elif ballot is Ballot.NO:
                no += 1
            elif ballot is Ballot.ABSTAIN:
                abstain += 1
        derived = {
            "yes": yes,
            "no": no,
            "abstain": abstain,
            "non_voting": size - yes - no - abstain,
        }
        given = {name: getattr(self, name) for name in derived}
        for name, count in given.items():
            if count is not None and count != derived[name]:
                raise BallotError(
                    f"{self.symbol}: the ballots give {name}={derived[name]}, the counts "
                    f"{name}={count}"
                )
        self.__dict__.update(derived)  # derived values of a frozen model, set once

    # -- what the record makes of it ------------------------------------------------------------

    @cached_property
    def result(self) -> VoteResult | None:
        """What Article 27 makes of the ballots (``None`` without ballots)."""
        if not self.ballots:
            return None
        return tally(self.ballots, on=self.date, procedural=self.procedural)

    @property
    def outcome(self) -> Outcome | None:
        """The outcome under the rule where the ballots are known, else the recorded one."""
        result = self.result
        return result.outcome if result is not None else self.recorded_outcome

    @property
    def vetoed_by(self) -> tuple[MemberState, ...]:
        """The vetoing members: from the ballots where known, else as the source records them."""
        result = self.result
        if result is not None:
            return result.vetoed_by
        return tuple(member(code) for code in self.recorded_vetoed_by)

    @property
    def outcome_agrees(self) -> bool | None:
        """Whether the computed outcome is the recorded one (``None`` if either is unknown)."""
        result = self.result
        if result is None or self.recorded_outcome is None:
            return None
        return result.outcome is self.recorded_outcome

    @property
    def counts(self) -> str | None:
        """In favour, against, abstaining (``"11-2-2"``), when all three are known."""
        if self.yes is None or self.no is None or self.abstain is None:
            return None
        return f"{self.yes}-{self.no}-{self.abstain}"

    @property
    def coverage(self) -> Coverage:
        """Ballots, counts only, nothing, or no vote to record (adopted without one)."""
        if self.modality is not Modality.RECORDED:
            return Coverage.NO_VOTE
        if self.ballots:
            return Coverage.BALLOTS
        if self.yes is not None or self.no is not None or self.abstain is not None:
            return Coverage.COUNTS
        return Coverage.NOTHING

    @property
    def year(self) -> int:
        return self.date.year

    def ballot_of(self, state: MemberState | str) -> Ballot | None:
        """How a member voted, or ``None`` when the record has no ballot of it."""
        return self.ballots.get(member(state).code)

    def source_of(self, fact: str, state: MemberState | str | None = None) -> str:
        """The source of one fact (a name in :data:`FACTS`), or of one member's ballot.

        >>> from unsc_tracker.record import votes
        >>> votes().get("S/2016/847").source_of("ballots", "Russia")
        'https://press.un.org/en/2016/sc12545.doc.htm (bundled scenario aleppo-2016)'
        """
        if fact not in FACTS:
            raise RecordQueryError(f"unknown fact {fact!r}; facts are {sorted(FACTS)}")
        if state is not None and fact == "ballots":
            found = self.ballot_sources.get(member(state).code)
            if found is not None:
                return found
        return self.fact_sources.get(fact, self.source)

    def to_record(self) -> VoteRecord:
        """The vote as a :class:`~unsc_tracker.VoteRecord`, for the rule and the exports."""
        if not self.ballots:
            raise BallotError(
                f"{self.symbol} ({self.date.isoformat()}) has no ballots on record "
                f"({self.coverage.value}): a VoteRecord needs them"
            )
        return VoteRecord(
            date=self.date,
            ballots=self.ballots,
            symbol=self.draft or self.resolution,
            meeting=self.meeting,
            procedural=self.procedural,
        )

    # -- words ----------------------------------------------------------------------------------

    def __str__(self) -> str:
        where = self.meeting or (", ".join(self.letters) if self.letters else None)
        head = f"{self.date.isoformat()} {self.symbol}" + (f" ({where})" if where else "")
        agenda = f" {clip(self.agenda, 50)}" if self.agenda else ""
        return f"{head}{agenda}: {self._outcome_words()}"

    def __repr__(self) -> str:
        held = (
            plural(len(self.ballots), "ballot")
            if self.ballots
            else self.coverage.value.replace("_", " ")
        )
        return f"Vote({self.symbol!r}, {self.date.isoformat()}, {self._outcome_words()}, {held})"

    def _repr_html_(self) -> str:
        return views.html(self) or views.fallback(self)

    def _outcome_words(self) -> str:
        if self.modality is Modality.WITHOUT_VOTE:
            return "adopted without a vote"
        if self.modality is Modality.ACCLAMATION:
            return "adopted by acclamation"
        outcome = self.outcome
        counts = f" {self.counts}" if self.counts else ""
        if outcome is None:
            return f"outcome not recorded{counts}"
        if outcome is Outcome.VETOED:
            who = "/".join(state.code for state in self.vetoed_by)
            return f"vetoed by {who}{counts}" if who else f"vetoed{counts}"
        return f"{outcome.value}{counts}"

    def __hash__(self) -> int:
        return hash((self.symbol, self.date))
