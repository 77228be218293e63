"""A veto, as the bundled record gives it: the :class:`Veto` model and the kinds of caveat its
notes carry.

The record itself (reading ``data/vetoes.csv`` and checking each row against the rule) is in
:mod:`unsc_tracker.veto_table`; asking it questions is :mod:`unsc_tracker.history`.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable
from datetime import date
from enum import StrEnum
from typing import ClassVar

from pydantic import ConfigDict, Field, computed_field

from . import views
from .checked import Checked
from .errors import DataFileError, UnscTrackerError
from .members import MemberState
from .wording import plural

__all__ = ["Caveat", "DocumentKind", "Veto"]


class DocumentKind(StrEnum):
    """What the record's document column holds."""

    DRAFT = "draft"
    """A draft resolution or amendment symbol, e.g. ``S/2016/846``."""
    MEETING_RECORD = "meeting_record"
    """A meeting record (``S/PV.49``): the UN list gives one in place of a draft for early years."""
    NONE = "none"
    """No document: the symbol was not seen (amendments, unverified candidates)."""


class Caveat(StrEnum):
    """A kind of caveat the notes of the record attach to a veto."""

    MEETING_RECORD_AS_DRAFT = "meeting_record_as_draft"
    """The UN list gives a meeting record, not a draft, in its draft column."""
    PRELIMINARY_QUESTION = "preliminary_question"
    """A veto on the preliminary question whether a matter is procedural (double veto, V8, E11)."""
    SOURCE_TYPO = "source_typo"
    """The source has an apparent typo, kept as it is; the likely reading is given."""
    COUNTS_SECONDARY = "counts_secondary"
    """The vote counts come only from secondary sources (a manual transcription, news agencies)."""
    AUTHORS = "authors"
    """The notes name the draft's authors."""
    RIVAL_DRAFT = "rival_draft"
    """A rival draft was voted at the same meeting (and was not vetoed)."""
    SEE_ALSO = "see_also"
    """The notes refer to another document for details."""
    WRITTEN_PROCEDURE = "written_procedure"
    """Voted by written procedure, with no meeting record."""
    DOCUMENTS_AS_MEETING = "documents_as_meeting"
    """The UN list gives documents, not a meeting record, in its meeting column."""
    AKN4UN_CONFIRMED = "akn4un_confirmed"
    """Symbol and meeting confirmed by the UN's own AKN4UN XML record."""
    AMENDMENT = "amendment"
    """The vetoed text was an amendment, not a whole draft (E12)."""
    SYMBOL_UNVERIFIED = "symbol_unverified"
    """A candidate symbol from secondary data, not confirmed against a UN document."""
    SYMBOL_NOT_SEEN = "symbol_not_seen"
    """No symbol for the vetoed text was seen in any source."""
    COUNTS_NOT_SEEN = "counts_not_seen"
    """Some of the yes, no and abstain counts were not seen in any source."""
    COUNTS_ATTRIBUTED = "counts_attributed"
    """Which of several texts received which count rests on one source's statement."""
    COVERAGE_END = "coverage_end"
    """The last veto found: later vetoes, if any, are not covered."""
    SEPARATE_VOTE = "separate_vote"
    """Cast in a separate vote on a part of a draft (an applicant, a paragraph), not on the whole."""
    MEETING_UNVERIFIED = "meeting_unverified"
    """The meeting number comes from one secondary source and was not checked against its record."""
    MEETING_NOT_SEEN = "meeting_not_seen"
    """No meeting number for the vote was seen in any source."""
    DATE_CORRECTED = "date_corrected"
    """The source list gives another date; the row gives the date of the meeting record."""


class Veto(Checked):
    """One vetoed text, as the bundled record gives it.

    Built with bad values, it raises :class:`~unsc_tracker.errors.DataFileError`
    naming the field and the value.

    >>> from unsc_tracker.history import vetoes
    >>> v = vetoes(agenda="Aleppo")[0]
    >>> print(v)
    2016-10-08 S/2016/846 (S/PV.7785) Middle East (Syria) - Aleppo:
    vetoed by Russian Federation (11-2-2)
    >>> v.rival_draft, v.problems
    ('S/2016/847', ())
    """

    model_config = ConfigDict(frozen=True, extra="forbid")
    error: ClassVar[type[UnscTrackerError]] = DataFileError

    line: int = Field(ge=2, description="line of the row in its file (the header is line 1)")
    file: str = Field(
        default="unsc_tracker/data/vetoes.csv",
        description="the table the row comes from: the bundled one, or a user's (ut.use_data)",
    )
    date: date
    document: str | None = Field(description="the draft column exactly as the source gives it")
    document_kind: DocumentKind
    draft_symbol: str | None = Field(
        description="the document when it is a draft's symbol, else None"
    )
    meeting: str | None = Field(
        description="the meeting record, e.g. S/PV.7785; None for written votes"
    )
    agenda: str = Field(min_length=1)
    vetoed_by: tuple[MemberState, ...] = Field(
        min_length=1, description="the seat holders who cast it"
    )
    cast_as: tuple[str, ...] = Field(
        description="the name each vetoer sat under that day, in order"
    )
    yes: int | None = Field(default=None, ge=0)
    no: int | None = Field(default=None, ge=0)
    abstain: int | None = Field(default=None, ge=0)
    source: str = Field(min_length=1, description="the sources, separated by ' | ' as in the file")
    notes: str = Field(default="", description="the notes, full text")
    caveats: tuple[Caveat, ...] = Field(
        default=(), description="the kinds of caveat the notes carry"
    )
    candidate_symbol: str | None = Field(
        default=None, description="unverified symbol from secondary data"
    )
    candidate_meeting: str | None = Field(
        default=None, description="unverified meeting from secondary data"
    )
    probable_document: str | None = Field(
        default=None, description="likely reading of a source typo"
    )
    akn4un_record: str | None = Field(
        default=None, description="the AKN4UN file that confirms the row"
    )
    rival_draft: str | None = Field(
        default=None, description="a rival draft voted at the same meeting"
    )
    authors: str | None = Field(
        default=None, description="the draft's authors, as the notes name them"
    )
    amendment_to: str | None = Field(
        default=None, description="the text an amendment would have changed"
    )
    vote_documents: tuple[str, ...] = Field(
        default=(), description="documents recording a written vote"
    )
    recorded_against: tuple[MemberState, ...] = Field(
        default=(), description="members the notes or sources name as voting no"
    )
    recorded_abstaining: tuple[MemberState, ...] = Field(
        default=(), description="members the sources name as abstaining"
    )
    counts_not_seen: tuple[str, ...] = Field(
        default=(), description="'yes', 'no', 'abstain' not seen"
    )
    see_also: str | None = Field(default=None, description="a document the notes refer to")
    separate_vote_on: str | None = Field(
        default=None, description="the part of the draft the separate vote was on"
    )
    date_in_source_list: _dt.date | None = Field(
        default=None, description="the other date the source list gives, where it was corrected"
    )
    problems: tuple[str, ...] = Field(
        default=(),
        description="where the row disagrees with the rule or with itself; empty if none",
    )

    @computed_field  # type: ignore[prop-decorator]
    @property
    def amendment(self) -> bool:
        """The vetoed text was an amendment, not a whole draft (E12)."""
        return Caveat.AMENDMENT in self.caveats

    @computed_field  # type: ignore[prop-decorator]
    @property
    def preliminary_question(self) -> bool:
        """A veto on the preliminary question of whether the matter was procedural (V8)."""
        return Caveat.PRELIMINARY_QUESTION in self.caveats

    @computed_field  # type: ignore[prop-decorator]
    @property
    def symbol_unverified(self) -> bool:
        """The only symbol known is an unverified candidate (see ``candidate_symbol``)."""
        return Caveat.SYMBOL_UNVERIFIED in self.caveats

    @computed_field  # type: ignore[prop-decorator]
    @property
    def meeting_record_as_draft(self) -> bool:
        """The source gives a meeting record where the draft's symbol belongs."""
        return Caveat.MEETING_RECORD_AS_DRAFT in self.caveats

    @computed_field  # type: ignore[prop-decorator]
    @property
    def counts_secondary(self) -> bool:
        """The counts come only from a secondary manual transcription."""
        return Caveat.COUNTS_SECONDARY in self.caveats

    @computed_field  # type: ignore[prop-decorator]
    @property
    def written_procedure(self) -> bool:
        """Voted by written procedure (2020), so there is no meeting record."""
        return Caveat.WRITTEN_PROCEDURE in self.caveats

    @property
    def sources(self) -> tuple[str, ...]:
        """Each source on its own."""
        return tuple(part.strip() for part in self.source.split(" | ") if part.strip())

    @property
    def full_counts(self) -> bool:
        """Yes, no and abstain counts are all known."""
        return self.yes is not None and self.no is not None and self.abstain is not None

    @property
    def counts(self) -> str | None:
        """The usual notation, in favour-against-abstaining (``"11-2-2"``), when all are known."""
        return f"{self.yes}-{self.no}-{self.abstain}" if self.full_counts else None

    def __str__(self) -> str:
        text = self.document or self.candidate_symbol or "(no symbol)"
        where = f" ({self.meeting})" if self.meeting and self.meeting != text else ""
        names = " and ".join(self.cast_as)
        counts = f" ({self.counts})" if self.counts else ""
        return f"{self.date.isoformat()} {text}{where} {self.agenda}: vetoed by {names}{counts}"

    def __repr__(self) -> str:
        """``<Veto 2016-10-08 S/2016/846 by Russian Federation (11-2-2)>``."""
        text = self.document or self.candidate_symbol or "(no symbol)"
        counts = f" ({self.counts})" if self.counts else ""
        flags = f", {plural(len(self.problems), 'problem')}" if self.problems else ""
        return (
            f"<Veto {self.date.isoformat()} {text} by {' and '.join(self.cast_as)}{counts}{flags}>"
        )

    def _repr_html_(self) -> str:
        return views.html(self) or views.fallback(self)


class RecordGap(Checked):
    """A known gap in the veto record: vetoes that were cast but are not rows, with its source.

    Built with bad values, it raises :class:`~unsc_tracker.errors.DataFileError`
    naming the field and the value.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")
    error: ClassVar[type[UnscTrackerError]] = DataFileError

    members: tuple[MemberState, ...] = Field(
        description="the members whose vetoes the gap concerns; empty for every member"
    )
    since: date
    until: date | None = Field(description="the last day the gap covers; None while it is open")
    agenda: str = Field(
        default="", description="the agenda item the gap concerns; empty for every agenda item"
    )
    what: str
    source: str

    def __str__(self) -> str:
        span = (
            f"from {self.since.isoformat()}"
            if self.until is None
            else self.since.isoformat()
            if self.until == self.since
            else f"{self.since.isoformat()} to {self.until.isoformat()}"
        )
        return f"{span}: {self.what}"

    def __repr__(self) -> str:
        return f"<RecordGap {self}>"


class VetoRecords(tuple[Veto, ...]):
    """The vetoes a query found (a tuple), and the record's known gaps for that question.

    ``gaps`` lists what the record is known to lack for the members and the span asked about, so
    that a count is never read as complete when it is not.
    """

    gaps: tuple[RecordGap, ...]

    def __new__(cls, records: Iterable[Veto] = (), gaps: Iterable[RecordGap] = ()) -> VetoRecords:
        made = super().__new__(cls, records)
        made.gaps = tuple(gaps)
        return made

    def __repr__(self) -> str:
        # A long answer prints as its first records and a count, as a shell user reads it.
        if len(self) <= 5:
            return tuple.__repr__(self)
        shown = ", ".join(repr(veto) for veto in self[:3])
        gaps = f", {plural(len(self.gaps), 'known gap')} (.gaps)" if self.gaps else ""
        return f"({shown}, ...) ({plural(len(self), 'veto')}{gaps})"

    def _repr_html_(self) -> str:
        return views.html(self) or views.fallback(self)
