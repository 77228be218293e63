"""The bundled veto table, ``data/vetoes.csv``: read row by row, its notes classified, each row
checked against the rule.

Each row keeps its source and its full notes, and the caveats in the notes become structured
fields: a classifier reads every clause of every note, and a clause it does not recognise stops
the load, so new data cannot lose text silently. Each row is also checked against Article 27
(``voting.tally``): the listed vetoers must be permanent members that day, and where the counts
are given, a ballot set built from them must come out vetoed by exactly the listed members.
Disagreements are kept in :attr:`Veto.problems <unsc_tracker.veto.Veto.problems>`, never
dropped. The table is read once, on first use (:func:`records`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from functools import cache

from . import datafiles
from .council import council
from .errors import DataFileError
from .members import MemberState, member
from .veto import Caveat, DocumentKind, Veto
from .voting import Ballot, Outcome, tally

__all__ = ["DATA", "records"]

DATA = "vetoes.csv"
"""The bundled table, in ``unsc_tracker/data`` (its sources in ``data/SOURCES.md``)."""


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
            r"counts from (?:secondary manual transcription|news agency reports) only"
            r"(?: \(against (?P<no>[^)]+)\))?"
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
            r"UNVERIFIED candidate symbol from (?:secondary GitHub data|a copy of [^,;]+), not "
            rf"confirmed against a UN document: (?P<symbol>{_SYMBOL}|S/\d+)"
            r"(?:, meeting (?P<meeting>S/PV\.\d+))?"
        ),
        lambda m: {"candidate_symbol": m["symbol"], "candidate_meeting": m["meeting"]},
    ),
    (Caveat.SYMBOL_NOT_SEEN, re.compile(r"(?:amendment|draft) symbols? not seen"), _nothing),
    (Caveat.MEETING_NOT_SEEN, re.compile(r"meeting number not seen"), _nothing),
    (
        Caveat.MEETING_UNVERIFIED,
        re.compile(r"meeting number from [^,;]+ only, not checked against the meeting record"),
        _nothing,
    ),
    (
        Caveat.SEPARATE_VOTE,
        re.compile(
            r"veto in the separate vote on (?P<part>.+), a part of the draft, not a whole draft"
        ),
        lambda m: {"separate_vote_on": m["part"]},
    ),
    (
        Caveat.DATE_CORRECTED,
        re.compile(
            r"date corrected from (?P<was>\d{4}-\d{2}-\d{2}) \((?P<who>[^)]+)\) to (?P<now>\d{4}-\d{2}-\d{2}), "
            r"the date of the meeting record (?P<record>S/PV\.\d+)"
        ),
        lambda m: {"date_in_source_list": m["was"]},
    ),
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
def records() -> tuple[Veto, ...]:
    """Every row of the table as a :class:`Veto`, in date order (then by line); read once.

    The bundled rows first, then the rows of the user's tables (``ut.use_data``) that add to them.
    """
    found: list[Veto] = []
    for row in datafiles.rows("vetoes"):
        try:
            veto = _veto(row.line, dict(row.values))
        except (ValueError, LookupError) as exc:
            raise DataFileError(f"{row.place}: {exc}") from None
        found.append(veto if row.bundled else veto.model_copy(update={"file": row.file}))
    return tuple(
        sorted(found, key=lambda veto: (veto.date, not veto.file.startswith("unsc"), veto.line))
    )


datafiles.on_change(records.cache_clear)
