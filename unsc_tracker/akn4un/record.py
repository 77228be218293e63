"""The record model: one Security Council text read from an AKN4UN file, and its problems."""

from __future__ import annotations

import datetime as _dt
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from pydantic import ConfigDict, Field

from ..checked import Checked
from ..errors import AknError, UnscTrackerError
from ..members import MemberState
from ..voting import Ballot, Outcome, VoteRecord, tally
from ..wording import day, joined, plural, the
from .document import shown

if TYPE_CHECKING:
    from .checks import OutcomeCheck

__all__ = [
    "LANGUAGES",
    "PLACEHOLDER_DATE",
    "AknRecord",
    "Count",
    "DocumentKind",
    "Modality",
    "Problem",
    "ProblemKind",
]

# The UN fills a date it does not have with year 1: it means "no date".
PLACEHOLDER_DATE = _dt.date(1, 1, 1)

LANGUAGES = {
    "eng": "en",
    "fra": "fr",
    "spa": "es",
    "rus": "ru",
    "zho": "zh",
    "ara": "ar",
    "deu": "de",
}
"""``FRBRlanguage`` codes of the collection (ISO 639-2) and the ISO 639-1 code a record carries."""


class DocumentKind(StrEnum):
    """What the document is: the ``name`` of its document element, checked against its symbol."""

    RESOLUTION = "resolution"
    DRAFT_RESOLUTION = "draftResolution"
    PRESIDENTIAL_STATEMENT = "presidentialStatement"


class Modality(StrEnum):
    """How the Council took the decision, as the decisive workflow step words it."""

    VOTE = "vote"
    """Put to the vote at a meeting."""
    WRITTEN_PROCEDURE = "written_procedure"
    """Voted by letter ("voting by mail", 2020-2021): no meeting; a letter records the vote."""
    WITHOUT_VOTE = "without_vote"
    """Adopted without a vote: there are no ballots."""
    ACCLAMATION = "acclamation"
    """Adopted by acclamation: there are no ballots."""


class ProblemKind(StrEnum):
    """The vocabulary of data problems a record can carry."""

    MEMBER_IN_TWO_COUNTS = "member_in_two_counts"
    """A member named under two options (or twice under one): the vote contradicts itself."""
    COUNT_MISMATCH = "count_mismatch"
    """A count's declared value differs from the number of names under it, or from the step text."""
    COUNT_MALFORMED = "count_malformed"
    """A count whose value is not a number or whose option is not one the reader knows."""
    UNKNOWN_MEMBER = "unknown_member"
    """A sponsor, voter or vetoing member whose name matches no member state."""
    NOT_ON_COUNCIL = "not_on_council"
    """A voter who did not sit on the Council on the day of the vote."""
    STEP_DATE_MISMATCH = "step_date_mismatch"
    """A workflow step dated otherwise than the document (a draft: after the decision, or before
    the year its symbol names)."""
    DATE_MISMATCH = "date_mismatch"
    """A date of the document that disagrees with the date its other sources agree on."""
    DATE_MALFORMED = "date_malformed"
    """A date attribute that is not an ISO date."""
    MEETING_SYMBOL_MALFORMED = "meeting_symbol_malformed"
    """A meeting record symbol not written ``S/PV.<number>`` (``S/PV9261``)."""
    MEETING_MISMATCH = "meeting_mismatch"
    """The step's text or the document's title names another meeting than the step's ``as``."""
    SPONSOR_LIST_SLIP = "sponsor_list_slip"
    """A sponsor list with a missing comma (two names run together) or an empty entry."""
    NO_VOTE = "no_vote"
    """The decision was put to the vote, but the record has no ``<count>``."""
    MODALITY_CONTRADICTION = "modality_contradiction"
    """A text adopted without a vote or by acclamation that lists members under a count."""
    OUTCOME_UNKNOWN = "outcome_unknown"
    """No decisive workflow step, or one whose outcome word the reader does not know."""
    SYMBOL_MISSING = "symbol_missing"
    """An empty ``<docNumber>``: the symbol is read from the FRBR address or the title."""
    SYMBOL_MISMATCH = "symbol_mismatch"
    """The symbol disagrees with the title, the year of the decision or the kind of document."""
    KIND_MISMATCH = "kind_mismatch"
    """The document's ``name`` says one kind of text, its symbol and title another."""
    LANGUAGE_UNKNOWN = "language_unknown"
    """No ``FRBRlanguage`` the reader knows."""


class Problem(Checked):
    """One data problem found in a record: its kind, the element it sits in, and what is wrong.

    Built with bad values, it raises :class:`~unsc_tracker.errors.AknError`
    naming the field and the value.

    >>> p = Problem(kind="no_vote", element="analysis/parliamentary/voting",
    ...             message="no <count>: the record carries no vote")
    >>> str(p)
    'no_vote at analysis/parliamentary/voting: no <count>: the record carries no vote'
    """

    model_config = ConfigDict(frozen=True, extra="forbid")
    error: ClassVar[type[UnscTrackerError]] = AknError

    kind: ProblemKind
    element: str = Field(description="where in the document, e.g. workflow/step[3]/@date")
    message: str = Field(min_length=1, description="what is wrong, naming the values")
    voids_vote: bool = Field(
        default=False,
        description="whether this problem keeps .vote None: a contradiction in the counts "
        "(member_in_two_counts, count_mismatch, count_malformed, not_on_council) or a voter "
        "no member answers to",
    )

    def __str__(self) -> str:
        return f"{self.kind.value} at {self.element}: {self.message}"


class Count(Checked):
    """One ``<count>`` of a vote as the file gives it: the option, the declared value, the names.

    Built with bad values, it raises :class:`~unsc_tracker.errors.AknError`
    naming the field and the value.

    >>> Count(option="inFavour", ballot="yes", declared=13, names=("ALBANIA",)).matches
    False
    """

    model_config = ConfigDict(frozen=True, extra="forbid")
    error: ClassVar[type[UnscTrackerError]] = AknError

    option: str = Field(description="the refersTo word: inFavour, against, abstaining")
    ballot: Ballot
    declared: int = Field(ge=0, description="the value attribute, zero padding dropped")
    names: tuple[str, ...] = Field(description="the members named, as printed")

    @property
    def matches(self) -> bool:
        """Whether the declared value is the number of names listed."""
        return self.declared == len(self.names)


class AknRecord(Checked):
    """One Security Council text read from an AKN4UN file: a resolution, a draft or a statement.

    Built with bad values, it raises :class:`~unsc_tracker.errors.AknError`
    naming the field and the value.

    ``vote`` is None when no ballots were cast (a text adopted without a vote or by acclamation:
    see ``modality``), when the record has no ``<count>`` (a ``no_vote`` problem), and when its
    counts contradict themselves (a member under two options, a declared count that is not the
    number of names listed, a voter not on the Council): a vote built from a contradiction would
    rest on a guess about which half of the record is right, so the reader reports the
    contradiction in ``problems`` and builds none. A presidential statement has no vote.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")
    error: ClassVar[type[UnscTrackerError]] = AknError

    path: Path | None = Field(default=None, description="the file read, None when read from text")
    symbol: str = Field(description="S/RES/2720 (2023), a draft's S/2023/638, S/PRST/2020/11")
    kind: DocumentKind
    language: str | None = Field(
        default=None, description="ISO 639-1 code of the text (en, fr, es, ru, zh, ar, de)"
    )
    date: _dt.date = Field(description="the day of the decision, as the document's dates agree")
    title: str | None = None
    agenda: str | None = Field(
        default=None, description="the agenda item, as the document shows it"
    )
    subjects: tuple[str, ...] = Field(default=(), description="the other subject headings")
    draft_symbol: str | None = Field(default=None, description="the draft adopted, S/2023/18")
    modality: Modality | None = Field(
        default=None, description="how the decision was taken; None for a statement"
    )
    meeting: str | None = Field(default=None, description="normalised meeting record, S/PV.9408")
    meeting_raw: str | None = Field(default=None, description="the decisive step's `as`, unchanged")
    letter: str | None = Field(
        default=None,
        description="for a vote by written procedure, the letter that records it (S/2020/246)",
    )
    recorded_outcome: Outcome | None = None
    outcome_word: str | None = Field(default=None, description="the decisive step's outcome word")
    recorded_vetoed_by: tuple[MemberState, ...] = Field(
        default=(), description="the permanent members the veto step's text names"
    )
    sponsors: tuple[MemberState, ...] = ()
    unresolved_sponsors: tuple[str, ...] = ()
    counts: tuple[Count, ...] = Field(default=(), description="each <count>, as the file gives it")
    vote: VoteRecord | None = None
    problems: tuple[Problem, ...] = ()

    @property
    def computed_outcome(self) -> Outcome | None:
        """What Article 27 makes of the recorded ballots, or None without a vote.

        >>> from unsc_tracker import akn4un
        >>> akn4un.loads(akn4un._example_document()).computed_outcome
        <Outcome.VETOED: 'vetoed'>
        """
        return tally(self.vote).outcome if self.vote is not None else None

    @property
    def refused(self) -> bool:
        """Whether the record's ballots were not built into a vote because they contradict it."""
        return self.vote is None and any(problem.voids_vote for problem in self.problems)

    def problem_kinds(self) -> tuple[ProblemKind, ...]:
        """The kinds of the record's problems, in the order found.

        >>> from unsc_tracker import akn4un
        >>> text = akn4un._example_document().replace("S/PV.9371", "S/PV9371")
        >>> akn4un.loads(text).problem_kinds()
        (<ProblemKind.MEETING_SYMBOL_MALFORMED: 'meeting_symbol_malformed'>,)
        """
        return tuple(problem.kind for problem in self.problems)

    def check(self) -> OutcomeCheck:
        """The recorded outcome beside the computed one; see :func:`~unsc_tracker.akn4un.check`."""
        from .checks import check

        return check(self)

    def summary(self) -> str:
        """The record in a few lines: what it is, how it was decided, the check, the problems.

        >>> from unsc_tracker import akn4un
        >>> print(akn4un.loads(akn4un._example_document()).summary())
        S/2023/506 (draftResolution) 2023-07-11: vetoed, 15 ballots
          language en; a vote at S/PV.9371; sponsors Brazil and Switzerland
          the record and the ballots agree: vetoed by Russian Federation (13-1-1)
        """
        if self.modality is Modality.WRITTEN_PROCEDURE:
            how = f"a vote by written procedure, recorded in {self.letter or 'no letter'}"
        elif self.modality is Modality.VOTE:
            how = f"a vote at {self.meeting or 'an unnamed meeting'}"
        elif self.modality is not None:
            how = "without a vote" if self.modality is Modality.WITHOUT_VOTE else "by acclamation"
            how = f"adopted {how}" + (f" at {self.meeting}" if self.meeting else "")
        elif self.kind is DocumentKind.PRESIDENTIAL_STATEMENT:
            how = "a statement of the President on behalf of the Council"
        else:
            how = "no decision recorded"
        sponsors = (
            f"; sponsors {joined([the(s.name) for s in self.sponsors])}" if self.sponsors else ""
        )
        lines = [str(self), f"  language {self.language or 'unknown'}; {how}{sponsors}"]
        if self.kind is not DocumentKind.PRESIDENTIAL_STATEMENT:
            lines.append(f"  {self.check().reason}")
        if self.vote is not None and self.vote.procedural_basis:
            lines.append(f"  procedural: {self.vote.procedural_basis}")
        lines += [f"  problem: {problem}" for problem in self.problems]
        if self.path is not None:
            lines.insert(1, f"  {shown(self.path)}")
        return "\n".join(lines)

    def __str__(self) -> str:
        """``S/2016/846 (draftResolution) 2016-10-08: vetoed, 15 ballots, 1 problem``."""
        if self.kind is DocumentKind.PRESIDENTIAL_STATEMENT:
            outcome = "statement"
        elif self.recorded_outcome is not None:
            outcome = self.recorded_outcome.value
        else:
            outcome = "no recorded outcome"
        vote = f", {plural(len(self.vote.ballots), 'ballot')}" if self.vote is not None else ""
        problems = f", {plural(len(self.problems), 'problem')}" if self.problems else ""
        return f"{self.symbol} ({self.kind.value}) {day(self.date)}: {outcome}{vote}{problems}"

    def __repr__(self) -> str:
        """``<AknRecord S/2016/846 (draftResolution) 2016-10-08: vetoed, 15 ballots>``."""
        return f"<AknRecord {self}>"
