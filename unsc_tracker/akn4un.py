"""Reader for the UN's Security Council records in Akoma Ntoso for the UN (AKN4UN) XML.

The UN publishes adopted resolutions and failed drafts as AKN4UN documents
(github.com/UNxml/SCresolutions; source: United Nations, DGACM). One file holds one text: its
symbol, its dates, a ``<workflow>`` of steps (the draft with its sponsors, additional sponsors,
then ``adopted``, ``veto`` or ``notAdopted`` with the meeting record) and, under
``<analysis><parliamentary><voting>``, the counts with the members named in each.

The records are real and carry real slips: zero-padded counts, a placeholder date
``0001-01-01``, missing commas in sponsor lists, step dates and meeting numbers that contradict
the rest of the document, and at least one vote (S/2023/638) that names a member under two
options. The reader never guesses through them: each slip becomes a :class:`Problem` on the
record, and a vote that contradicts itself is not built at all.

:func:`load_folder` reads a whole collection (a clone of that repository) into a
:class:`FolderReport`: files that cannot be read are listed with their error, not raised, and
``report.disagreements()`` recomputes every outcome with :func:`check`.

Only the standard library's ``xml.etree.ElementTree`` parses, and a document that declares a
DOCTYPE or an ENTITY is refused before parsing, so no entity is expanded and nothing is fetched.
"""

from __future__ import annotations

import datetime as _dt
import re
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterable
from datetime import date
from enum import StrEnum
from functools import cache
from os import PathLike
from pathlib import Path
from typing import TextIO

from pydantic import BaseModel, ConfigDict, Field

from .errors import AknError, DateOutOfRecordError, NotOnCouncilError, UnknownMemberError
from .members import MemberState, member
from .voting import Ballot, Outcome, VoteRecord, tally

__all__ = [
    "AknRecord",
    "Count",
    "DocumentKind",
    "FolderReport",
    "OutcomeCheck",
    "Problem",
    "ProblemKind",
    "SponsorList",
    "UnreadableFile",
    "check",
    "load",
    "load_folder",
    "loads",
    "parse_sponsors",
]

AKN_NAMESPACE = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
AKN4UN_NAMESPACE = "http://un.org/akn4un"
_A = "{" + AKN_NAMESPACE + "}"
_U = "{" + AKN4UN_NAMESPACE + "}"

# The UN fills the date of an empty additional-sponsors step with year 1: it means "no date".
PLACEHOLDER_DATE = date(1, 1, 1)


class DocumentKind(StrEnum):
    """What the document is, from the ``name`` of its document element."""

    RESOLUTION = "resolution"
    DRAFT_RESOLUTION = "draftResolution"


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
    """A workflow step dated otherwise than the document."""
    DATE_MISMATCH = "date_mismatch"
    """The FRBR date and the date printed on the document disagree."""
    DATE_MALFORMED = "date_malformed"
    """A date attribute that is not an ISO date."""
    MEETING_SYMBOL_MALFORMED = "meeting_symbol_malformed"
    """A meeting record symbol not written ``S/PV.<number>`` (``S/PV9261``)."""
    MEETING_MISMATCH = "meeting_mismatch"
    """The step's text or the document's title names another meeting than the step's ``as``."""
    SPONSOR_LIST_SLIP = "sponsor_list_slip"
    """A sponsor list with a missing comma (two names run together) or an empty entry."""
    NO_VOTE = "no_vote"
    """No ``<count>``: adopted without a vote, by letter, or simply not recorded."""
    OUTCOME_UNKNOWN = "outcome_unknown"
    """No decisive workflow step, or one whose outcome word the reader does not know."""


# A vote built from any of these would rest on a choice the record does not make.
_VOIDING = frozenset(
    {
        ProblemKind.MEMBER_IN_TWO_COUNTS,
        ProblemKind.COUNT_MISMATCH,
        ProblemKind.COUNT_MALFORMED,
        ProblemKind.NOT_ON_COUNCIL,
    }
)


class Problem(BaseModel):
    """One data problem found in a record: its kind, the element it sits in, and what is wrong.

    >>> p = Problem(kind="no_vote", element="analysis/parliamentary/voting",
    ...             message="no <count>: the record carries no vote")
    >>> str(p)
    'no_vote at analysis/parliamentary/voting: no <count>: the record carries no vote'
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    kind: ProblemKind
    element: str = Field(description="where in the document, e.g. workflow/step[3]/@date")
    message: str = Field(min_length=1, description="what is wrong, naming the values")
    voids_vote: bool = Field(default=False, description="whether this problem keeps .vote None")

    def __str__(self) -> str:
        return f"{self.kind.value} at {self.element}: {self.message}"


class SponsorList(BaseModel):
    """A sponsor list split into members, the names that did not resolve, and the slips found.

    ``pieces`` keeps, for each resolved member, the text it was read from, so no name is lost.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    sponsors: tuple[MemberState, ...] = ()
    pieces: tuple[str, ...] = Field(default=(), description="the text each sponsor was read from")
    unresolved: tuple[str, ...] = ()
    problems: tuple[Problem, ...] = ()


class OutcomeCheck(BaseModel):
    """The UN's recorded outcome beside the outcome :func:`~unsc_tracker.tally` computes."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    symbol: str
    path: Path | None = Field(default=None, description="the file read, None when read from text")
    recorded: Outcome | None
    computed: Outcome | None
    counts: str | None = Field(default=None, description="yes-no-abstain of the computed vote")
    recorded_vetoed_by: tuple[MemberState, ...] = ()
    computed_vetoed_by: tuple[MemberState, ...] = ()
    agrees: bool | None = Field(description="None when either outcome is unknown")
    reason: str

    def __str__(self) -> str:
        return f"{self.symbol}: {self.reason}"


class Count(BaseModel):
    """One ``<count>`` of a vote as the file gives it: the option, the declared value, the names.

    >>> Count(option="inFavour", ballot="yes", declared=13, names=("ALBANIA",)).matches
    False
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    option: str = Field(description="the refersTo word: inFavour, against, abstaining")
    ballot: Ballot
    declared: int = Field(ge=0, description="the value attribute, zero padding dropped")
    names: tuple[str, ...] = Field(description="the members named, as printed")

    @property
    def matches(self) -> bool:
        """Whether the declared value is the number of names listed."""
        return self.declared == len(self.names)


class AknRecord(BaseModel):
    """One Security Council text read from an AKN4UN file.

    ``vote`` is None when the record has no ``<count>`` (a ``no_vote`` problem) and when its
    counts contradict themselves (a member under two options, a declared count that is not the
    number of names listed, a voter not on the Council): any vote built from a contradiction
    would rest on a guess about which half of the record is right, so the reader reports the
    contradiction in ``problems`` and builds none.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    path: Path | None = Field(default=None, description="the file read, None when read from text")
    symbol: str = Field(description="S/RES/2720 (2023) or, for a draft, S/2023/638")
    kind: DocumentKind
    date: _dt.date = Field(description="adoption or voting date (FRBRWork/FRBRdate, else docDate)")
    title: str | None = None
    draft_symbol: str | None = Field(default=None, description="the draft adopted, S/2023/18")
    meeting: str | None = Field(default=None, description="normalised meeting record, S/PV.9408")
    meeting_raw: str | None = Field(default=None, description="the decisive step's `as`, unchanged")
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

        >>> loads(_example_document()).computed_outcome
        <Outcome.VETOED: 'vetoed'>
        """
        return tally(self.vote).outcome if self.vote is not None else None

    def problem_kinds(self) -> tuple[ProblemKind, ...]:
        """The kinds of the record's problems, in the order found.

        >>> loads(_example_document().replace("S/PV.9371", "S/PV9371")).problem_kinds()
        (<ProblemKind.MEETING_SYMBOL_MALFORMED: 'meeting_symbol_malformed'>,)
        """
        return tuple(problem.kind for problem in self.problems)

    def check(self) -> OutcomeCheck:
        """The recorded outcome beside the computed one; see :func:`check`."""
        return check(self)

    def __str__(self) -> str:
        from .display import akn_record_str

        return akn_record_str(self)

    def __repr__(self) -> str:
        from .display import akn_record_repr

        return akn_record_repr(self)


def check(record: AknRecord) -> OutcomeCheck:
    """Recompute a record's outcome with :func:`~unsc_tracker.tally` and compare it with the UN's.

    ``agrees`` is None when the record has no usable vote or no recorded outcome; for a veto it
    also compares the members the record names as vetoing with those the rule finds.

    >>> record = loads(_example_document())
    >>> result = check(record)
    >>> result.agrees, result.counts, result.recorded.value
    (True, '13-1-1', 'vetoed')
    >>> [state.code for state in result.computed_vetoed_by]
    ['RUS']
    """
    if record.vote is None:
        why = "no vote was built" + _voided_because(record.problems)
        return OutcomeCheck(
            symbol=record.symbol,
            path=record.path,
            recorded=record.recorded_outcome,
            computed=None,
            recorded_vetoed_by=record.recorded_vetoed_by,
            agrees=None,
            reason=why,
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
        recorded=recorded,
        computed=result.outcome,
        counts=result.counts,
        recorded_vetoed_by=record.recorded_vetoed_by,
        computed_vetoed_by=computed_by,
        agrees=agrees,
        reason=reason,
    )


def _voided_because(problems: Iterable[Problem]) -> str:
    kinds = [p.kind.value for p in problems if p.voids_vote or p.kind is ProblemKind.NO_VOTE]
    return f" ({', '.join(dict.fromkeys(kinds))})" if kinds else ""


# -- reading -----------------------------------------------------------------------------------

_DECLARATION = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)
_PARSE_POSITION = re.compile(r":\s*line \d+, column \d+$")


def load(path: str | PathLike[str]) -> AknRecord:
    """Read one AKN4UN file into an :class:`AknRecord`.

    Raises :class:`~unsc_tracker.errors.AknError`, naming the file, for a missing file, XML that
    is not well-formed (with the line and column), a DOCTYPE or ENTITY declaration (refused
    before parsing), and a document that is not a Security Council resolution or draft.

    >>> load("no/such/S_RES_2720.xml")
    Traceback (most recent call last):
    unsc_tracker.errors.AknError: no/such/S_RES_2720.xml: no such file
    """
    file = Path(path)
    try:
        data = file.read_bytes()
    except FileNotFoundError:
        raise AknError(f"{file}: no such file") from None
    except IsADirectoryError:
        raise AknError(f"{file}: is a directory, not an AKN4UN file") from None
    except OSError as err:
        raise AknError(f"{file}: cannot be read: {err.strerror}") from None
    return _read(data, str(file), file)


def loads(data: str | bytes, source: str = "<string>") -> AknRecord:
    """Read one AKN4UN document from text; ``source`` names it in errors.

    >>> record = loads(_example_document())
    >>> record.symbol, record.kind.value, record.meeting, record.recorded_outcome.value
    ('S/2023/506', 'draftResolution', 'S/PV.9371', 'vetoed')
    >>> [state.code for state in record.sponsors], record.problems
    (['BRA', 'CHE'], ())
    """
    raw = data.encode("utf-8") if isinstance(data, str) else data
    return _read(raw, source, None)


def _read(data: bytes, source: str, path: Path | None) -> AknRecord:
    _refuse_declarations(data, source)
    try:
        root = ET.fromstring(data)
    except ET.ParseError as err:
        line, column = err.position
        reason = _PARSE_POSITION.sub("", str(err))
        raise AknError(
            f"{source}: not well-formed XML at line {line}, column {column + 1}: {reason}"
        ) from None
    if _local(root.tag) != "akomaNtoso":
        raise AknError(
            f"{source}: not an AKN4UN document: the root element is <{_local(root.tag)}>"
        )
    return _Reader(root, source, path).record()


def _refuse_declarations(data: bytes, source: str) -> None:
    # A UTF-16 document would hide the declaration from a byte search: look at its text.
    head = data.decode("utf-16", "replace") if data[:2] in (b"\xff\xfe", b"\xfe\xff") else data
    probe = head.encode("utf-8") if isinstance(head, str) else head
    found = _DECLARATION.search(probe)
    if found is not None:
        line = probe.count(b"\n", 0, found.start()) + 1
        word = found.group(1).decode("ascii").upper()
        article = "an" if word == "ENTITY" else "a"
        raise AknError(
            f"{source}: refused: {article} {word} declaration at line {line}; "
            "AKN4UN documents have none, and entities are not expanded"
        )


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _text(element: ET.Element) -> str:
    return " ".join("".join(element.itertext()).split())


_OUTCOME_WORDS = {
    "adopted": Outcome.ADOPTED,
    "veto": Outcome.VETOED,
    "vetoed": Outcome.VETOED,
    "notadopted": Outcome.FAILED,
}
_DRAFT_STEPS = {"draftresolution", "draftresolutionadditionalsponsors"}
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
_MEETING = re.compile(r"^S/PV(\.?)(\d+)(.*)$")
_ORDINAL_MEETING = re.compile(r"\b(\d+)(?:st|nd|rd|th)\s+meeting\b")
_PV_IN_TEXT = re.compile(r"S/PV\.?(\d+)")
_ORDINAL = re.compile(r"^(\d+)(?:st|nd|rd|th)$")
_SUMMARY = re.compile(r"\b(\d+)-(\d+)-(\d+)\b")
_VETOERS = re.compile(r"permanent members? of the Security Council \(([^)]*)\)")


class _Step:
    def __init__(self, index: int, element: ET.Element) -> None:
        self.index = index
        self.where = f"workflow/step[{index}]"
        self.date_raw = element.get("date")
        self.outcome = (element.get("outcome") or "").strip()
        self.by = " ".join((element.get("by") or "").split())
        self.as_ = (element.get("as") or "").strip()


class _Reader:
    """Reads one parsed document; collects problems as it goes."""

    def __init__(self, root: ET.Element, source: str, path: Path | None) -> None:
        self.root = root
        self.source = source
        self.path = path
        self.problems: list[Problem] = []
        document = next(iter(root), None)
        if document is None:
            raise AknError(f"{source}: not an AKN4UN document: <akomaNtoso> is empty")
        self.document = document

    def problem(self, kind: ProblemKind, element: str, message: str) -> None:
        self.problems.append(
            Problem(kind=kind, element=element, message=message, voids_vote=kind in _VOIDING)
        )

    def find(self, path: str) -> ET.Element | None:
        return self.document.find(path.replace("a:", _A))

    def findall(self, path: str) -> list[ET.Element]:
        return self.document.findall(path.replace("a:", _A))

    def record(self) -> AknRecord:
        kind = self.kind()
        symbol = self.symbol()
        day = self.record_date()
        steps = [_Step(i, el) for i, el in enumerate(self.findall(".//a:workflow/a:step"), 1)]
        self.check_step_dates(steps, day)
        sponsors = self.sponsors(steps)
        decisive = next((s for s in steps if s.outcome.casefold() not in _DRAFT_STEPS), None)
        outcome = self.outcome(decisive)
        meeting = self.meeting(decisive)
        vetoers = self.vetoers(decisive) if outcome is Outcome.VETOED else ()
        draft_symbol = symbol if kind is DocumentKind.DRAFT_RESOLUTION else self.draft_symbol(steps)
        counts = self.counts()
        malformed = any(p.kind is ProblemKind.COUNT_MALFORMED for p in self.problems)
        if decisive is not None and counts and not malformed:
            self.check_summary(decisive, counts)
        vote = self.vote(counts, day, draft_symbol, meeting)
        return AknRecord(
            path=self.path,
            symbol=symbol,
            kind=kind,
            date=day,
            title=self.title(),
            draft_symbol=draft_symbol,
            meeting=meeting,
            meeting_raw=decisive.as_ or None if decisive is not None else None,
            recorded_outcome=outcome,
            outcome_word=decisive.outcome if decisive is not None else None,
            recorded_vetoed_by=vetoers,
            sponsors=sponsors.sponsors,
            unresolved_sponsors=sponsors.unresolved,
            counts=tuple(count for count, _ in counts),
            vote=vote,
            problems=tuple(self.problems),
        )

    # -- identity ------------------------------------------------------------------------------

    def kind(self) -> DocumentKind:
        name = self.document.get("name", "")
        try:
            return DocumentKind(name)
        except ValueError:
            known = ", ".join(repr(k.value) for k in DocumentKind)
            raise AknError(
                f"{self.source}: not a Security Council resolution or draft: "
                f"<{_local(self.document.tag)} name={name!r}>; expected name {known}"
            ) from None

    def symbol(self) -> str:
        for number in self.findall(".//a:docNumber"):
            if number.get("refersTo") == "#symbol" and _text(number):
                return _text(number)
        raise AknError(f"{self.source}: not an AKN4UN record: no <docNumber refersTo='#symbol'>")

    def title(self) -> str | None:
        for keyword in self.findall(".//a:classification/a:keyword"):
            if keyword.get("refersTo") == "title" and (keyword.get("value") or "").strip():
                return " ".join((keyword.get("value") or "").split())
        titles = [_text(t) for t in self.findall(".//a:preface//a:docTitle")]
        return titles[0] if titles and titles[0] else None

    def record_date(self) -> date:
        frbr: date | None = None
        for element in self.findall(".//a:FRBRWork/a:FRBRdate"):
            if element.get("name") in ("adoption", "voting"):
                frbr = self.parse_date(element.get("date"), "FRBRWork/FRBRdate/@date")
                break
        printed: date | None = None
        dates = {el.get("refersTo"): el for el in self.findall(".//a:docDate")}
        for refers in ("#adoptionDate", "#dateOfIssuance"):
            if refers in dates:
                where = f"docDate[@refersTo='{refers}']/@date"
                printed = self.parse_date(dates[refers].get("date"), where)
                break
        if frbr is not None and printed is not None and frbr != printed:
            self.problem(
                ProblemKind.DATE_MISMATCH,
                "FRBRWork/FRBRdate",
                f"FRBRdate {frbr.isoformat()} but docDate {printed.isoformat()}; "
                f"{frbr.isoformat()} is used",
            )
        day = frbr or printed
        if day is None:
            raise AknError(
                f"{self.source}: no date: neither FRBRWork/FRBRdate (adoption or voting) nor "
                "docDate gives one"
            )
        return day

    def parse_date(self, raw: str | None, where: str) -> date | None:
        if raw is None:
            return None
        try:
            day = date.fromisoformat(raw.strip())
        except ValueError:
            self.problem(ProblemKind.DATE_MALFORMED, where, f"{raw!r} is not an ISO date")
            return None
        return None if day == PLACEHOLDER_DATE else day

    # -- workflow ------------------------------------------------------------------------------

    def check_step_dates(self, steps: list[_Step], day: date) -> None:
        for step in steps:
            when = self.parse_date(step.date_raw, f"{step.where}/@date")
            if when is not None and when != day:
                self.problem(
                    ProblemKind.STEP_DATE_MISMATCH,
                    f"{step.where}/@date",
                    f"step {step.outcome!r} is dated {when.isoformat()} but the document "
                    f"{day.isoformat()}; {day.isoformat()} is used",
                )

    def sponsors(self, steps: list[_Step]) -> SponsorList:
        sponsors: list[MemberState] = []
        pieces: list[str] = []
        unresolved: list[str] = []
        for step in steps:
            if step.outcome.casefold() in _DRAFT_STEPS and step.by:
                found = _split_sponsors(step.by, f"{step.where}/@by")
                for state, piece in zip(found.sponsors, found.pieces, strict=True):
                    if state not in sponsors:
                        sponsors.append(state)
                        pieces.append(piece)
                unresolved += found.unresolved
                self.problems += found.problems
        return SponsorList(
            sponsors=tuple(sponsors), pieces=tuple(pieces), unresolved=tuple(unresolved)
        )

    def draft_symbol(self, steps: list[_Step]) -> str | None:
        draft = next((s for s in steps if s.outcome.casefold() == "draftresolution"), None)
        return draft.as_ or None if draft is not None else None

    def outcome(self, step: _Step | None) -> Outcome | None:
        if step is None:
            self.problem(
                ProblemKind.OUTCOME_UNKNOWN,
                "workflow",
                "no step other than draftResolution and draftResolutionAdditionalSponsors",
            )
            return None
        found = _OUTCOME_WORDS.get(step.outcome.casefold())
        if found is None:
            self.problem(
                ProblemKind.OUTCOME_UNKNOWN,
                f"{step.where}/@outcome",
                f"outcome {step.outcome!r} is none of 'adopted', 'veto', 'notAdopted'",
            )
        return found

    def meeting(self, step: _Step | None) -> str | None:
        if step is None or not step.as_:
            return None
        where = f"{step.where}/@as"
        match = _MEETING.match(step.as_)
        if match is None:
            self.problem(
                ProblemKind.MEETING_SYMBOL_MALFORMED,
                where,
                f"{step.as_!r} is not a meeting record symbol S/PV.<number>",
            )
            return None
        dot, number, rest = match.groups()
        normal = f"S/PV.{number}{rest}"
        if not dot:
            self.problem(
                ProblemKind.MEETING_SYMBOL_MALFORMED,
                where,
                f"{step.as_!r} lacks the dot after S/PV; read as {normal!r}",
            )
        cited = [(f"{step.where}/@by", int(n)) for n in _ORDINAL_MEETING.findall(step.by)]
        cited += [(f"{step.where}/@by", int(n)) for n in _PV_IN_TEXT.findall(step.by)]
        for inline in self.findall(".//a:docTitle/a:inline"):
            ordinal = _ORDINAL.match((inline.get("title") or "").strip())
            if inline.get("name") == "adoptionMeeting" and ordinal is not None:
                cited.append(("docTitle/inline[@name='adoptionMeeting']", int(ordinal.group(1))))
        for element, cited_number in cited:
            if cited_number != int(number):
                self.problem(
                    ProblemKind.MEETING_MISMATCH,
                    element,
                    f"names meeting {cited_number} but {where} is {step.as_!r}",
                )
        return normal

    def vetoers(self, step: _Step | None) -> tuple[MemberState, ...]:
        found = _VETOERS.search(step.by) if step is not None else None
        if step is None or found is None:
            return ()
        names = _split_sponsors(found.group(1), f"{step.where}/@by")
        for name in names.unresolved:
            self.problem(
                ProblemKind.UNKNOWN_MEMBER,
                f"{step.where}/@by",
                f"vetoing member {name!r} matches no member state",
            )
        return names.sponsors

    def check_summary(self, step: _Step, counts: list[_Count]) -> None:
        declared = {count.ballot: count.declared for count, _ in counts}
        summary = _SUMMARY.search(step.by)
        if summary is not None:
            said = tuple(int(n) for n in summary.groups())
            have = tuple(declared.get(b, 0) for b in (Ballot.YES, Ballot.NO, Ballot.ABSTAIN))
            if said != have:
                self.problem(
                    ProblemKind.COUNT_MISMATCH,
                    f"{step.where}/@by",
                    f"the step says {summary.group(0)} but the counts declare "
                    f"{have[0]}-{have[1]}-{have[2]}",
                )
        elif "unanimous" in step.by.casefold() and (
            declared.get(Ballot.NO) or declared.get(Ballot.ABSTAIN)
        ):
            self.problem(
                ProblemKind.COUNT_MISMATCH,
                f"{step.where}/@by",
                f"the step says {step.by!r} but the counts declare "
                f"{declared.get(Ballot.NO, 0)} against and {declared.get(Ballot.ABSTAIN, 0)} "
                "abstaining",
            )

    # -- the vote ------------------------------------------------------------------------------

    def counts(self) -> list[_Count]:
        counts: list[_Count] = []
        for element in self.findall(".//a:analysis//a:voting/a:count"):
            option = (element.get("refersTo") or "").strip()
            where = f"voting/count[@refersTo={option!r}]"
            names = tuple(_text(org) for org in element.iter(f"{_A}organization") if _text(org))
            ballot = _COUNT_OPTIONS.get(option.lstrip("#").casefold())
            if ballot is None:
                self.problem(
                    ProblemKind.COUNT_MALFORMED,
                    where,
                    f"option {option!r} is none of 'inFavour', 'against', 'abstaining'",
                )
                continue
            raw = (element.get("value") or "").strip()
            if not raw.isdigit():
                self.problem(
                    ProblemKind.COUNT_MALFORMED, f"{where}/@value", f"value {raw!r} is not a number"
                )
                continue
            value = int(raw)  # zero-padded in the UN's files: "013"
            if value != len(names):
                self.problem(
                    ProblemKind.COUNT_MISMATCH,
                    f"{where}/@value",
                    f"declares {raw!r} ({value}) but names {len(names)} members",
                )
            counts.append((Count(option=option, ballot=ballot, declared=value, names=names), where))
        return counts

    def vote(
        self, counts: list[_Count], day: date, text: str | None, meeting: str | None
    ) -> VoteRecord | None:
        if not counts:
            if not any(p.kind is ProblemKind.COUNT_MALFORMED for p in self.problems):
                self.problem(
                    ProblemKind.NO_VOTE,
                    "analysis/parliamentary/voting",
                    "no <count>: adopted without a vote, by letter, or the vote is not recorded",
                )
            return None
        ballots: dict[str, Ballot] = {}
        options: dict[str, str] = {}
        usable = True
        for count, where in counts:
            ballot, names = count.ballot, count.names
            for name in names:
                try:
                    state = member(name)
                except UnknownMemberError as err:
                    self.problem(
                        ProblemKind.UNKNOWN_MEMBER, where, f"voter {name!r}: {err.args[0]}"
                    )
                    usable = False
                    continue
                option = _OPTION_NAMES[ballot]
                if state.code in ballots:
                    first = options[state.code]
                    twice = "twice under" if first == option else "under both"
                    both = option if first == option else f"{first} and {option}"
                    self.problem(
                        ProblemKind.MEMBER_IN_TWO_COUNTS,
                        where,
                        f"{name} ({state.name}) is listed {twice} {both}",
                    )
                    continue
                ballots[state.code] = ballot
                options[state.code] = option
        if not usable or any(p.voids_vote for p in self.problems):
            return None
        try:
            return VoteRecord(date=day, ballots=ballots, symbol=text, meeting=meeting)
        except (NotOnCouncilError, DateOutOfRecordError) as err:
            self.problem(ProblemKind.NOT_ON_COUNCIL, "voting/count", str(err))
            return None


_Count = tuple[Count, str]  # a count and where it sits, for problem messages


# -- folders -----------------------------------------------------------------------------------

PROGRESS_FROM = 200
"""With ``progress=None``, a bar is shown on a terminal only for more files than this."""
_BAR_WIDTH = 30


class UnreadableFile(BaseModel):
    """A file of a folder that could not be read as a record, and the :class:`AknError` why."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    path: Path
    message: str = Field(min_length=1, description="the AknError message, naming the file")

    def __str__(self) -> str:
        return self.message


class FolderReport(BaseModel):
    """What :func:`load_folder` found below a folder: records, unreadable files, other files.

    Nothing is left out silently: every ``*.xml`` file is either a record in ``records`` or an
    entry in ``unreadable``, and every other file (outside hidden folders such as ``.git``) is
    named in ``other_files``.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    folder: Path
    xml_files: tuple[Path, ...] = Field(description="every *.xml file below the folder, sorted")
    records: tuple[AknRecord, ...] = Field(description="the records read, in file order")
    unreadable: tuple[UnreadableFile, ...] = ()
    other_files: tuple[Path, ...] = Field(default=(), description="files not named *.xml")

    @property
    def without_vote(self) -> tuple[AknRecord, ...]:
        """Records that carry no vote at all (a ``no_vote`` problem: no ``<count>``)."""
        return tuple(r for r in self.records if ProblemKind.NO_VOTE in r.problem_kinds())

    @property
    def with_problems(self) -> tuple[AknRecord, ...]:
        """Records with a data problem other than carrying no vote."""
        return tuple(
            r for r in self.records if any(p.kind is not ProblemKind.NO_VOTE for p in r.problems)
        )

    def problem_counts(self) -> dict[ProblemKind, int]:
        """For each problem kind found, the number of records that carry it, most common first."""
        found = Counter(kind for r in self.records for kind in dict.fromkeys(r.problem_kinds()))
        return dict(found.most_common())

    def compare(self) -> tuple[OutcomeCheck, ...]:
        """Every record's recorded outcome beside the computed one (:func:`check`), in order."""
        return tuple(check(record) for record in self.records)

    def disagreements(self) -> tuple[OutcomeCheck, ...]:
        """The checks of records that carry a vote and whose outcome the ballots do not confirm.

        That is every check whose ``agrees`` is not True, except for records with no vote at
        all: the ballots give another outcome than the record, or contradict themselves so that
        no outcome can be computed (S/2023/638), or the record names no outcome to compare.
        Each check names its file in ``path``.
        """
        return tuple(
            found
            for record, found in zip(self.records, self.compare(), strict=True)
            if found.agrees is not True and ProblemKind.NO_VOTE not in record.problem_kinds()
        )

    def summary(self) -> str:
        """A few lines on what was read; ``str(report)`` gives the same."""
        lines = [
            f"{self.folder}: {len(self.xml_files)} XML files, {len(self.records)} records read, "
            f"{len(self.unreadable)} unreadable; files not named *.xml: {len(self.other_files)}",
            f"records with no vote: {len(self.without_vote)}",
            f"records with data problems: {len(self.with_problems)}",
        ]
        lines += [
            f"  {kind.value}: {count}"
            for kind, count in self.problem_counts().items()
            if kind is not ProblemKind.NO_VOTE
        ]
        agreeing = sum(1 for found in self.compare() if found.agrees is True)
        differing = self.disagreements()
        lines.append(
            f"outcomes recomputed with tally: {agreeing} agree with the record, "
            f"{len(differing)} not confirmed"
        )
        lines += [f"  {found.path}: {found}" for found in differing]
        if self.unreadable:
            lines.append("unreadable files:")
            lines += [f"  {entry.message}" for entry in self.unreadable]
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.summary()


def load_folder(path: str | PathLike[str], *, progress: bool | None = None) -> FolderReport:
    """Read every ``*.xml`` file below a folder (sorted, recursive) into a :class:`FolderReport`.

    A file that cannot be read is listed in ``unreadable`` with its :class:`AknError` message,
    not raised. Hidden folders (``.git``) are not entered. With ``progress`` True a bar is drawn
    on standard error; with None (the default) only when standard error is a terminal and there
    are more than :data:`PROGRESS_FROM` files. A missing folder, or a path that is not a folder,
    raises :class:`AknError` naming it.

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "S_2023_506.xml").write_text(_example_document(), encoding="utf-8")
    >>> _ = (folder / "broken.xml").write_text("<akomaNtoso>", encoding="utf-8")
    >>> report = load_folder(folder)
    >>> [record.symbol for record in report.records], len(report.unreadable)
    (['S/2023/506'], 1)
    >>> report.disagreements()
    ()
    """
    root = Path(path)
    if not root.exists():
        raise AknError(f"{root}: no such folder")
    if not root.is_dir():
        raise AknError(f"{root}: not a folder; to read one file, use akn4un.load")
    xml_files: list[Path] = []
    other_files: list[Path] = []
    for file in sorted(_files_below(root), key=lambda found: found.relative_to(root).parts):
        (xml_files if file.suffix.casefold() == ".xml" else other_files).append(file)
    stream = sys.stderr
    if progress is None:
        progress = len(xml_files) > PROGRESS_FROM and _is_terminal(stream)
    bar = _Progress(len(xml_files), stream) if progress else None
    records: list[AknRecord] = []
    unreadable: list[UnreadableFile] = []
    for done, file in enumerate(xml_files, 1):
        try:
            records.append(load(file))
        except AknError as err:
            unreadable.append(UnreadableFile(path=file, message=str(err)))
        if bar is not None:
            bar.show(done)
    if bar is not None:
        bar.close()
    return FolderReport(
        folder=root,
        xml_files=tuple(xml_files),
        records=tuple(records),
        unreadable=tuple(unreadable),
        other_files=tuple(other_files),
    )


def _files_below(root: Path) -> Iterable[Path]:
    for entry in root.iterdir():
        if entry.name.startswith("."):
            continue
        if entry.is_dir():
            yield from _files_below(entry)
        elif entry.is_file():
            yield entry


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # a closed or replaced stream
        return False


class _Progress:
    """A plain-text bar, ``\\r[#####.....] 120/600 files``, redrawn each whole per cent."""

    def __init__(self, total: int, stream: TextIO) -> None:
        self.total = total
        self.stream = stream
        self.shown = -1  # the per cent last drawn

    def show(self, done: int) -> None:
        per_cent = 100 * done // self.total if self.total else 100
        if per_cent == self.shown and done != self.total:
            return
        filled = _BAR_WIDTH * per_cent // 100
        bar = "#" * filled + "." * (_BAR_WIDTH - filled)
        self.stream.write(f"\r[{bar}] {done}/{self.total} files")
        self.stream.flush()
        self.shown = per_cent

    def close(self) -> None:
        if self.shown < 0:
            self.show(self.total)
        self.stream.write("\n")
        self.stream.flush()


# -- sponsor lists -----------------------------------------------------------------------------

_LONGEST_NAME = 10  # words; "United Kingdom of Great Britain and Northern Ireland" has eight


@cache
def _known(text: str) -> MemberState | None:
    try:
        return member(text)
    except UnknownMemberError:
        return None


def parse_sponsors(text: str) -> SponsorList:
    """Split a UN sponsor list (one string, commas and a final "and") into member states.

    Names that contain "and" or "of" resolve whole, the longest known name first. A piece that
    runs two names together (a missing comma) is split into known names, with a
    ``sponsor_list_slip`` problem; what still matches nothing is kept in ``unresolved``.

    >>> found = parse_sponsors("Trinidad and Tobago, New Zealand Nicaragua and "
    ...                        "United Kingdom of Great Britain and Northern Ireland")
    >>> [state.code for state in found.sponsors]
    ['TTO', 'NZL', 'NIC', 'GBR']
    >>> [problem.kind.value for problem in found.problems]
    ['sponsor_list_slip']
    """
    return _split_sponsors(text, "sponsors")


def _split_sponsors(text: str, where: str) -> SponsorList:
    sponsors: list[MemberState] = []
    pieces: list[str] = []
    unresolved: list[str] = []
    problems: list[Problem] = []
    entries = [" ".join(entry.split()) for entry in text.split(",")]
    for position, entry in enumerate(entries):
        if not entry:
            if 0 < position < len(entries) - 1:
                before, after = entries[position - 1], entries[position + 1]
                problems.append(
                    Problem(
                        kind=ProblemKind.SPONSOR_LIST_SLIP,
                        element=where,
                        message=f"empty entry between {before!r} and {after!r}",
                    )
                )
            continue
        for kind, words in _segment(entry.split()):
            piece = " ".join(words)
            if kind == "and":
                continue
            if kind == "unknown":
                unresolved.append(piece)
                problems.append(
                    Problem(
                        kind=ProblemKind.UNKNOWN_MEMBER,
                        element=where,
                        message=f"sponsor {piece!r} matches no member state",
                    )
                )
                continue
            state = _known(piece)
            if state is not None and state not in sponsors:
                sponsors.append(state)
                pieces.append(piece)
        runs = _run_together(_segment(entry.split()))
        if runs:
            problems.append(
                Problem(
                    kind=ProblemKind.SPONSOR_LIST_SLIP,
                    element=where,
                    message=f"{entry!r} runs names together without a comma; read as "
                    + " and ".join(repr(run) for run in runs),
                )
            )
    return SponsorList(
        sponsors=tuple(sponsors),
        pieces=tuple(pieces),
        unresolved=tuple(unresolved),
        problems=tuple(problems),
    )


def _run_together(segments: list[tuple[str, tuple[str, ...]]]) -> list[str]:
    """The names of each stretch of two or more known names with no "and" between them."""
    runs: list[list[str]] = []
    previous = "and"
    for kind, words in segments:
        if kind == "name" and previous == "name":
            runs[-1].append(" ".join(words))
        elif kind == "name":
            runs.append([" ".join(words)])
        previous = kind
    flat: list[str] = []
    for run in runs:
        if len(run) > 1:
            flat += run
    return flat


@cache
def _segment_cached(words: tuple[str, ...]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    # best[i]: the cheapest reading of words[i:] as (unknown words, segments, reading)
    n = len(words)
    best: list[tuple[int, int, tuple[tuple[str, tuple[str, ...]], ...]]] = [(0, 0, ())] * (n + 1)
    for i in range(n - 1, -1, -1):
        options: list[tuple[int, int, tuple[tuple[str, tuple[str, ...]], ...]]] = []
        if words[i].casefold() == "and":
            # A lone "and" joins names: never read as Andorra's code AND.
            cost, count, rest = best[i + 1]
            options.append((cost, count, (("and", (words[i],)), *rest)))
        else:
            for j in range(min(n, i + _LONGEST_NAME), i, -1):
                if _known(" ".join(words[i:j])) is not None:
                    cost, count, rest = best[j]
                    options.append((cost, count + 1, (("name", words[i:j]), *rest)))
            cost, count, rest = best[i + 1]
            if rest and rest[0][0] == "unknown":
                merged = (("unknown", (words[i], *rest[0][1])), *rest[1:])
                options.append((cost + 1, count, merged))
            else:
                options.append((cost + 1, count + 1, (("unknown", (words[i],)), *rest)))
        best[i] = min(options, key=lambda option: (option[0], option[1]))
    return best[0][2]


def _segment(words: list[str]) -> list[tuple[str, tuple[str, ...]]]:
    """Read a piece as known names, joining "and"s and unknown runs: fewest unknown words first,
    then fewest segments, so the longest known name wins."""
    return list(_segment_cached(tuple(words)))


def _example_document() -> str:
    """A small AKN4UN document with the vote on S/2023/506 (S/PV.9371), for the examples."""
    council = {
        "inFavour": "ALBANIA ECUADOR FRANCE GABON GHANA JAPAN MALTA MOZAMBIQUE SWITZERLAND "
        "UNITED_ARAB_EMIRATES UNITED_KINGDOM UNITED_STATES BRAZIL",
        "against": "RUSSIAN_FEDERATION",
        "abstaining": "CHINA",
    }
    counts = "".join(
        f'<count value="{len(names.split()):03d}" refersTo="{option}"><akn4un:voters>'
        + "".join(f"<organization>{n.replace('_', ' ')}</organization>" for n in names.split())
        + "</akn4un:voters></count>"
        for option, names in council.items()
    )
    return (
        f'<akomaNtoso xmlns="{AKN_NAMESPACE}" xmlns:akn4un="{AKN4UN_NAMESPACE}">'
        '<statement name="draftResolution"><meta><identification><FRBRWork>'
        '<FRBRdate date="2023-07-11" name="voting"/></FRBRWork></identification>'
        '<workflow><step date="2023-07-11" outcome="draftResolution" by="Brazil and Switzerland"/>'
        '<step date="0001-01-01" outcome="draftResolutionAdditionalSponsors" by=""/>'
        '<step date="2023-07-11" outcome="veto" as="S/PV.9371" by="The draft resolution was not '
        "adopted due to the negative vote of a permanent member of the Security Council "
        '(Russian Federation)."/></workflow>'
        f"<analysis><parliamentary><voting>{counts}</voting></parliamentary></analysis></meta>"
        '<coverPage><p><docNumber refersTo="#symbol">S/2023/506</docNumber></p></coverPage>'
        "</statement></akomaNtoso>"
    )
