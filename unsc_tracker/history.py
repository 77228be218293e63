"""The bundled veto record: every veto cast in the Security Council from 1946 to September 2025.

One :class:`Veto` per vetoed text, read from ``data/vetoes.csv`` (232 rows; sources in
``data/SOURCES.md``). Each record keeps its source and its full notes, and the caveats in the
notes become structured fields: a classifier reads every clause of every note, and a clause it
does not recognise stops the load, so new data cannot lose text silently.

Each record also says whether it agrees with the rule (Art. 27(3), ``voting.tally``): the
listed vetoers must be permanent members that day, and where the counts are given, a ballot set
built from them must come out vetoed by exactly the listed members. Disagreements are kept in
:attr:`Veto.problems` and listed by :func:`check_vetoes`, never dropped.
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from collections.abc import Callable, Iterable
from datetime import date, datetime
from enum import StrEnum
from functools import cache
from importlib import resources

from pydantic import BaseModel, ConfigDict, Field, computed_field

from . import views
from .council import _as_date, council, terms
from .errors import VetoQueryError
from .members import MemberState, all_states, member
from .voting import Ballot, Outcome, tally
from .wording import plural

__all__ = [
    "Caveat",
    "DocumentKind",
    "Veto",
    "VetoQueryError",
    "check_vetoes",
    "count_by_agenda",
    "count_by_decade",
    "count_by_member",
    "count_by_year",
    "vetoes",
]

_DATA = "vetoes.csv"


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
    """The vote counts come only from a secondary manual transcription."""
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


class Veto(BaseModel):
    """One vetoed text, as the bundled record gives it.

    >>> v = vetoes(agenda="Aleppo")[0]
    >>> print(v)
    2016-10-08 S/2016/846 (S/PV.7785) Middle East (Syria) - Aleppo:
    vetoed by Russian Federation (11-2-2)
    >>> v.rival_draft, v.problems
    ('S/2016/847', ())
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    line: int = Field(ge=2, description="line of the row in data/vetoes.csv (the header is line 1)")
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


# --- reading the notes -------------------------------------------------------------------------

_Details = dict[str, object]
_Pattern = tuple[Caveat, re.Pattern[str], Callable[[re.Match[str]], _Details]]


def _nothing(_: re.Match[str]) -> _Details:
    return {}


def _names(text: str) -> tuple[MemberState, ...]:
    return tuple(member(name.strip()) for name in text.split(","))


_SYMBOL = r"S/\d{4}/\d+"

# Each clause of a note must match one of these in full; order only breaks ties.
_PATTERNS: tuple[_Pattern, ...] = (
    (
        Caveat.MEETING_RECORD_AS_DRAFT,
        re.compile(
            r"DHL list gives a meeting record, not a draft document, in the draft column "
            r"\(no separate draft symbol\)"
        ),
        _nothing,
    ),
    (
        Caveat.PRELIMINARY_QUESTION,
        re.compile(r"veto on a preliminary \(procedural-status\) question, per DHL agenda text"),
        _nothing,
    ),
    (
        Caveat.SOURCE_TYPO,
        re.compile(
            r"source draft field reads (?P<read>\S+) - apparently a typo for (?P<meant>\S+)"
            r"(?: \([^)]*\))?"
        ),
        lambda m: {"probable_document": m["meant"]},
    ),
    (Caveat.SOURCE_TYPO, re.compile(r"kept as in source"), _nothing),
    (
        Caveat.COUNTS_SECONDARY,
        re.compile(
            r"counts from secondary manual transcription only(?: \(against (?P<no>[^)]+)\))?"
        ),
        lambda m: {"recorded_against": _names(m["no"])} if m["no"] else {},
    ),
    (
        Caveat.AUTHORS,
        re.compile(r"(?P<authors>[A-Z][\w-]*(?:/[A-Z][\w-]*)*) draft"),
        lambda m: {"authors": m["authors"]},
    ),
    (
        Caveat.RIVAL_DRAFT,
        re.compile(
            rf"rival \w+ draft (?P<symbol>{_SYMBOL}) failed same meeting \d+-\d+-\d+ \(not a veto\)"
        ),
        lambda m: {"rival_draft": m["symbol"]},
    ),
    (Caveat.SEE_ALSO, re.compile(r"See (?P<ref>\S+)"), lambda m: {"see_also": m["ref"]}),
    (Caveat.WRITTEN_PROCEDURE, re.compile(r"Vote by written procedure(?: \([^)]+\))?"), _nothing),
    (
        Caveat.DOCUMENTS_AS_MEETING,
        re.compile(
            rf"DHL list gives (?P<docs>{_SYMBOL}(?: and {_SYMBOL})*) in its meeting-record "
            r"column instead of an S/PV"
        ),
        lambda m: {"vote_documents": tuple(m["docs"].split(" and "))},
    ),
    (
        Caveat.AKN4UN_CONFIRMED,
        re.compile(
            r"symbol and meeting confirmed by the UN's AKN4UN record (?P<repo>github:\S+) "
            r"'(?P<path>[^']+)'"
        ),
        lambda m: {"akn4un_record": f"{m['repo']}/{m['path']}"},
    ),
    (
        Caveat.AMENDMENT,
        re.compile(r"Veto of an? \w+ AMENDMENT to the (?P<target>.+)"),
        lambda m: {"amendment_to": m["target"]},
    ),
    (Caveat.AMENDMENT, re.compile(r"(?:AMENDMENT, )?not a whole draft"), _nothing),
    (
        Caveat.SYMBOL_UNVERIFIED,
        re.compile(
            r"UNVERIFIED candidate symbol from secondary GitHub data, not confirmed against a UN "
            rf"document: (?P<symbol>{_SYMBOL})(?:, meeting (?P<meeting>S/PV\.\d+))?"
        ),
        lambda m: {"candidate_symbol": m["symbol"], "candidate_meeting": m["meeting"]},
    ),
    (Caveat.SYMBOL_NOT_SEEN, re.compile(r"amendment symbols? not seen"), _nothing),
    (
        Caveat.COUNTS_NOT_SEEN,
        re.compile(r"(?P<which>(?:yes|no|abstain)(?:/(?:yes|no|abstain))*) counts not seen"),
        lambda m: {"counts_not_seen": tuple(m["which"].split("/"))},
    ),
    (
        Caveat.COUNTS_ATTRIBUTED,
        re.compile(
            r"which of the two amendments got \d+ vs \d+ votes is as stated in \S+ \([^)]+\)"
        ),
        _nothing,
    ),
    (
        Caveat.COVERAGE_END,
        re.compile(r"latest veto found \(later vetoes, if any, not covered\)"),
        _nothing,
    ),
)

# Clauses are separated by semicolons, or by a full stop that ends a sentence.
_CLAUSES = re.compile(r";\s+|\.\s+(?=[A-Z])")


def _classify(notes: str) -> tuple[tuple[Caveat, ...], _Details]:
    """The caveats in a notes string and the details they carry; every clause must be known."""
    caveats: list[Caveat] = []
    details: _Details = {}
    for clause in _CLAUSES.split(notes.strip()):
        clause = clause.strip().rstrip(".")
        if not clause:
            continue
        for kind, pattern, extract in _PATTERNS:
            found = pattern.fullmatch(clause)
            if found:
                caveats.append(kind)
                details.update({k: v for k, v in extract(found).items() if v is not None})
                break
        else:
            raise ValueError(f"notes clause {clause!r} matches no known caveat pattern")
    return tuple(dict.fromkeys(caveats)), details


# --- checking a row against the rule ------------------------------------------------------------


def _holder_problems(vetoers: tuple[MemberState, ...], day: date) -> list[str]:
    seated = council(on=day)
    return [
        f"{state.name} did not hold a permanent seat on {day.isoformat()}, so cannot have vetoed"
        for state in vetoers
        if not seated.is_permanent(state)
    ]


def _count_problems(
    day: date,
    vetoers: tuple[MemberState, ...],
    counts: tuple[int | None, int | None, int | None],
    against: tuple[MemberState, ...],
    abstaining: tuple[MemberState, ...],
) -> list[str]:
    seated = council(on=day)
    yes, no, abstain = counts
    problems: list[str] = []
    if no is not None and no < len(vetoers):
        problems.append(f"{no} 'no' vote(s) recorded but {len(vetoers)} vetoer(s) listed")
    if yes is not None and yes < seated.threshold:
        problems.append(
            f"{yes} in favour is below the threshold of {seated.threshold}: a permanent member's "
            "'no' would not have been a veto (E1)"
        )
    given = sum(count for count in counts if count is not None)
    if given > seated.size:
        problems.append(f"{given} votes recorded but the Council had {seated.size} members")
    named = dict.fromkeys((*vetoers, *against))
    for state in (*named, *abstaining):
        if state not in seated:
            problems.append(f"{state.name} is named as voting but was not on the Council that day")
    for word, count, who in (("no", no, named), ("abstain", abstain, abstaining)):
        if count is not None and len(who) > count:
            problems.append(f"{len(who)} members named for {word!r} but the count is {count}")
    if problems or yes is None or no is None or abstain is None:
        return problems
    # Named members vote as named; other noes go to elected members, so none becomes a veto.
    ballots = {state.code: Ballot.NO for state in named}
    ballots |= {state.code: Ballot.ABSTAIN for state in abstaining}
    rest = [s for s in (*seated.elected, *seated.permanent) if s.code not in ballots]
    ballots |= {state.code: Ballot.NO for state in rest[: no - len(named)]}
    rest = [s for s in seated.members if s.code not in ballots]
    ballots |= {state.code: Ballot.YES for state in rest[:yes]}
    ballots |= {s.code: Ballot.ABSTAIN for s in rest[yes : yes + abstain - len(abstaining)]}
    ballots |= {s.code: Ballot.ABSENT for s in rest[yes + abstain - len(abstaining) :]}
    result = tally(ballots, on=day, procedural=False)
    if result.outcome is not Outcome.VETOED:
        problems.append(f"a ballot set with these counts is {result} under Art. 27, not vetoed")
    elif {s.code for s in result.vetoed_by} != {s.code for s in vetoers}:
        found = " and ".join(s.name for s in result.vetoed_by)
        listed = " and ".join(s.name for s in vetoers)
        problems.append(f"a ballot set with these counts is vetoed by {found}, not by {listed}")
    elif result.counts != f"{yes}-{no}-{abstain}":
        problems.append(f"the ballot set comes out {result.counts}, not {yes}-{no}-{abstain}")
    return problems


_NAMED_VOTES = re.compile(r"\b(?P<how>against|abst\.) (?P<names>[^;)]+)")


def _named_votes(source: str) -> tuple[tuple[MemberState, ...], tuple[MemberState, ...]]:
    """Members a source names as voting no ("against X, Y") and abstaining ("abst. Z")."""
    against: list[MemberState] = []
    abstaining: list[MemberState] = []
    for found in _NAMED_VOTES.finditer(source):
        names = _names(found["names"])
        (against if found["how"] == "against" else abstaining).extend(names)
    return tuple(dict.fromkeys(against)), tuple(dict.fromkeys(abstaining))


def _self_problems(veto: Veto) -> list[str]:
    problems: list[str] = []
    if veto.meeting_record_as_draft != (veto.document_kind is DocumentKind.MEETING_RECORD):
        problems.append(
            f"document {veto.document!r} is a {veto.document_kind.value} but the notes "
            f"{'say' if veto.meeting_record_as_draft else 'do not say'} it is a meeting record"
        )
    for word in veto.counts_not_seen:
        if getattr(veto, word) is not None:
            problems.append(f"the notes say the {word} count was not seen, but the row gives one")
    if veto.akn4un_record and veto.draft_symbol:
        found = re.search(r"S_(\d{4})[_-](\d+)-", veto.akn4un_record)
        confirmed = f"S/{found[1]}/{found[2]}" if found else None
        if confirmed != veto.draft_symbol:
            problems.append(
                f"the AKN4UN record {veto.akn4un_record!r} is not for {veto.draft_symbol}"
            )
    return problems


# --- loading ------------------------------------------------------------------------------------

_MEETING_RECORD = re.compile(r"S/PV\.\d+")


def _count(text: str) -> int | None:
    return int(text) if text.strip() else None


def _cast_as(state: MemberState, day: date) -> str:
    """The name the state sat under on ``day``: "Republic of China" for CHN before 1971-10-25."""
    seated = council(on=day)
    return seated.name_then(state) if state in seated else state.name


def _veto(line: int, raw: dict[str, str]) -> Veto:
    day = date.fromisoformat(raw["date"])
    document = raw["draft_symbol"].strip() or None
    if document is None:
        kind = DocumentKind.NONE
    elif _MEETING_RECORD.fullmatch(document):
        kind = DocumentKind.MEETING_RECORD
    else:
        kind = DocumentKind.DRAFT
    vetoers = tuple(member(name.strip()) for name in raw["vetoed_by"].split(";"))
    notes = raw["notes"].strip()
    caveats, details = _classify(notes)
    yes, no, abstain = _count(raw["yes"]), _count(raw["no"]), _count(raw["abstain"])
    noted = details.pop("recorded_against", ())
    source_against, abstaining = _named_votes(raw["source"])
    against = tuple(dict.fromkeys((*(noted if isinstance(noted, tuple) else ()), *source_against)))
    problems = _holder_problems(vetoers, day)
    if not problems:
        problems += _count_problems(day, vetoers, (yes, no, abstain), against, abstaining)
    veto = Veto.model_validate(
        {
            "line": line,
            "date": day,
            "document": document,
            "document_kind": kind,
            "draft_symbol": document if kind is DocumentKind.DRAFT else None,
            "meeting": raw["meeting"].strip() or None,
            "agenda": raw["agenda"].strip(),
            "vetoed_by": vetoers,
            "cast_as": tuple(_cast_as(state, day) for state in vetoers),
            "yes": yes,
            "no": no,
            "abstain": abstain,
            "source": raw["source"].strip(),
            "notes": notes,
            "caveats": caveats,
            "recorded_against": against,
            "recorded_abstaining": abstaining,
            **details,
        }
    )
    problems += _self_problems(veto)
    return veto.model_copy(update={"problems": tuple(problems)}) if problems else veto


@cache
def _records() -> tuple[Veto, ...]:
    text = resources.files("unsc_tracker").joinpath("data", _DATA).read_text(encoding="utf-8")
    records: list[Veto] = []
    for line, raw in enumerate(csv.DictReader(io.StringIO(text)), start=2):
        try:
            records.append(_veto(line, raw))
        except (ValueError, LookupError) as exc:
            raise ValueError(f"{_DATA}, line {line}: {exc}") from None
    return tuple(sorted(records, key=lambda veto: (veto.date, veto.line)))


# --- asking the record --------------------------------------------------------------------------


@cache
def _ever_permanent(code: str) -> bool:
    return any(term.permanent for term in terms(code))


@cache
def _predecessors(code: str) -> frozenset[str]:
    """Codes of the states whose membership the state continues (SUN for RUS)."""
    found: set[str] = set()
    for state in all_states():
        step = state
        while step.successor is not None:
            if step.successor == code:
                found.add(state.code)
                break
            step = member(step.successor)
    return frozenset(found)


def vetoes(
    by: str | MemberState | None = None,
    *,
    since: date | datetime | str | None = None,
    until: date | datetime | str | None = None,
    agenda: str | None = None,
    include_predecessors: bool = False,
) -> tuple[Veto, ...]:
    """The bundled veto records, in date order, optionally filtered.

    ``by`` names a permanent member (any name :func:`member` accepts) and selects the records
    it cast as seat holder: ``by="Russia"`` gives the Russian Federation's vetoes from
    24 December 1991; ``include_predecessors=True`` adds those of the seat's earlier holders
    (the USSR), each record saying who cast it in ``vetoed_by`` and ``cast_as``. ``since`` and
    ``until`` are inclusive dates; ``agenda`` matches a part of the agenda, case ignored.

    >>> syria = vetoes(by="Russian Federation", since=date(2011, 1, 1), agenda="syria")
    >>> len(syria), syria[0].date, syria[-1].draft_symbol
    (18, datetime.date(2011, 10, 4), 'S/2023/506')
    >>> len(vetoes(by="Russia")), len(vetoes(by="Russia", include_predecessors=True))
    (41, 131)
    >>> vetoes(by="Egypt")
    Traceback (most recent call last):
    unsc_tracker.errors.VetoQueryError: by='Egypt': only permanent members can veto, and Egypt
    has never held a permanent seat
    """
    records = _records()
    if by is not None:
        state = member(by)
        if not _ever_permanent(state.code):
            given = by if isinstance(by, str) else state.name
            raise VetoQueryError(
                f"by={given!r}: only permanent members can veto, "
                f"and {state.name} has never held a permanent seat"
            )
        wanted = {state.code} | (_predecessors(state.code) if include_predecessors else set())
        records = tuple(v for v in records if any(s.code in wanted for s in v.vetoed_by))
    first = _as_date(since, "since") if since is not None else None
    last = _as_date(until, "until") if until is not None else None
    if first is not None and last is not None and first > last:
        raise VetoQueryError(
            f"since={first.isoformat()} is after until={last.isoformat()}: no day is in that span"
        )
    if first is not None:
        records = tuple(v for v in records if v.date >= first)
    if last is not None:
        records = tuple(v for v in records if v.date <= last)
    if agenda is not None:
        if not isinstance(agenda, str) or not agenda.strip():
            raise VetoQueryError(f"agenda={agenda!r}: give a part of an agenda item, e.g. 'Syria'")
        needle = agenda.strip().casefold()
        records = tuple(v for v in records if needle in v.agenda.casefold())
    return records


def check_vetoes(records: Iterable[Veto] | None = None) -> tuple[Veto, ...]:
    """The records (all bundled ones by default) that disagree with the rule or with themselves.

    A record is checked when it loads: each vetoer must hold a permanent seat that day; where
    counts are given, yes must reach the threshold, no must cover the vetoers and the total must
    fit the Council; with all three counts, a ballot set built from them (vetoers and members
    the notes name vote no, the other noes go to elected members, then yes, abstain, and absent
    for the rest) must come out vetoed by exactly the listed members under ``tally``.

    >>> check_vetoes()
    ()
    """
    return tuple(v for v in (_records() if records is None else records) if v.problems)


# --- counting -----------------------------------------------------------------------------------


def count_by_member(records: Iterable[Veto], *, by_seat: bool = False) -> dict[MemberState, int]:
    """Vetoes per member, most first (ties by name).

    Counting rule: each vetoed text counts once for each member that vetoed it, so a text
    vetoed by China and the Russian Federation adds one to each; several texts vetoed at one
    meeting count one each. Members are the holders who cast the veto (the USSR and the Russian
    Federation apart); ``by_seat=True`` credits earlier holders to the seat's present holder.

    >>> counts = count_by_member(vetoes(since="2011-01-01", until="2011-12-31"))
    >>> {state.code: n for state, n in counts.items()}
    {'CHN': 1, 'RUS': 1, 'USA': 1}
    """
    tally_: Counter[MemberState] = Counter()
    for veto in records:
        for state in dict.fromkeys(veto.vetoed_by):
            tally_[_present_holder(state) if by_seat else state] += 1
    return dict(sorted(tally_.items(), key=lambda item: (-item[1], item[0].name)))


def _present_holder(state: MemberState) -> MemberState:
    while state.successor is not None:
        state = member(state.successor)
    return state


def count_by_year(records: Iterable[Veto]) -> dict[int, int]:
    """Vetoed texts per calendar year, from the first year to the last, years with none as 0.

    Counting rule: each vetoed text counts once, however many members vetoed it; several texts
    vetoed at one meeting count one each.

    >>> count_by_year(vetoes(since="1989-01-01", until="1993-12-31"))
    {1989: 5, 1990: 2, 1991: 0, 1992: 0, 1993: 1}
    """
    counts = Counter(veto.date.year for veto in records)
    if not counts:
        return {}
    return {year: counts[year] for year in range(min(counts), max(counts) + 1)}


def count_by_decade(records: Iterable[Veto]) -> dict[int, int]:
    """Vetoed texts per decade (keyed by its first year, 1940 for the 1940s), gaps as 0.

    Counting rule as in :func:`count_by_year`: one per text, whoever vetoed it.

    >>> count_by_decade(vetoes(by="France"))
    {1950: 2, 1960: 0, 1970: 7, 1980: 7}
    """
    counts = Counter(veto.date.year // 10 * 10 for veto in records)
    if not counts:
        return {}
    return {decade: counts[decade] for decade in range(min(counts), max(counts) + 1, 10)}


def count_by_agenda(records: Iterable[Veto]) -> dict[str, int]:
    """Vetoed texts per agenda item as the record words it, most first (ties alphabetical).

    Counting rule as in :func:`count_by_year`: one per text. Agenda items are not merged: the
    record words them as the UN list does ("Middle East (Syria)" and "Middle East (Syria) -
    Aleppo" are two items); filter with ``vetoes(agenda=...)`` to group by a word.

    >>> for item, n in count_by_agenda(vetoes(agenda="Admission", since="1975-01-01")).items():
    ...     print(n, item)
    2 Admission of new Members (Democratic Republic of Viet-Nam)
    2 Admission of new Members (Republic of South Viet-Nam)
    1 Admission of new Members (State of Palestine)
    1 Admission of new Members (Viet Nam)
    """
    counts = Counter(veto.agenda for veto in records)
    return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))
