"""The UN's AKN4UN XML collection as a source of votes: one language, one vote per text.

:func:`read_akn4un` reads a folder (a clone of github.com/UNxml/SCresolutions, or any part of
it) through :func:`unsc_tracker.akn4un.load_folder` in one language, and makes each resolution
or draft not adopted a :class:`~unsc_tracker.record.Vote`, taking the reader's decisions: its
modality (a text adopted without a vote or by acclamation has no ballots), its ballots where
its vote is usable, else the counts the file declares where they do not contradict the names
listed, with the reader's reasons in the vote's notes. A text held twice in that language (a
file copied into two folders) gives one vote; a difference between the copies is a conflict.

One fact the reader's records do not carry is read from the file itself: the agenda item and
the subject headings (``<keyword refersTo="agenda">``), with a pattern over the tags, never by
an XML parser, so nothing in the file is expanded or fetched.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from os import PathLike
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import ValidationError

from ..errors import UnscTrackerError
from ..voting import Ballot
from .merging import merge, shared_drafts
from .selection import Votes
from .symbols import draft_symbol, letter_symbol, resolution_symbol
from .vote import Conflict, Modality, TextKind, Vote

if TYPE_CHECKING:
    from .. import akn4un

__all__ = ["AKN4UN_REPOSITORY", "LANGUAGES", "AknVotes", "read_akn4un"]

AKN4UN_REPOSITORY = "github:UNxml/SCresolutions"
"""The UN's public collection (source: United Nations, DGACM; acknowledge the United Nations)."""

LANGUAGES = ("ar", "de", "en", "es", "fr", "ru", "zh")
"""The languages of the collection, as ISO 639-1 codes."""

# Problems of a record that bear on its vote, kept as notes; the others (sponsor lists, the dates
# of drafting steps) do not.
_VOTE_PROBLEMS = frozenset(
    {
        "member_in_two_counts",
        "count_mismatch",
        "count_malformed",
        "not_on_council",
        "no_vote",
        "outcome_unknown",
        "date_mismatch",
        "meeting_symbol_malformed",
        "meeting_mismatch",
        "modality_contradiction",
    }
)
# The reader's modalities as the record's: a vote at a meeting or by letter is a recorded vote.
_MODALITIES = {
    "vote": Modality.RECORDED,
    "written_procedure": Modality.RECORDED,
    "without_vote": Modality.WITHOUT_VOTE,
    "acclamation": Modality.ACCLAMATION,
}
_UNUSABLE_COUNTS = frozenset({"member_in_two_counts", "count_mismatch", "count_malformed"})


@dataclass(frozen=True)
class AknVotes:
    """What :func:`read_akn4un` found: the votes, and every record or file it left out, why."""

    votes: tuple[Vote, ...]
    skipped: tuple[str, ...]
    """Files that could not be read, and records that are no vote (a presidential statement)."""
    other_languages: int
    """Records read and left out because they are in another language."""
    conflicts: tuple[Conflict, ...] = ()
    """Differences between two copies of one text in the language read."""


def read_akn4un(
    folder: str | PathLike[str], *, language: str = "en", label: str | None = None
) -> AknVotes:
    """The votes of a folder of AKN4UN files, in one language (``"en"``, ``"fr"``, ...).

    ``label`` prefixes each vote's source in place of the folder's path, e.g.
    ``"github:UNxml/SCresolutions"`` for a clone of the UN's repository. A folder that does not
    exist raises :class:`~unsc_tracker.errors.AknError`.
    """
    if language not in LANGUAGES:
        raise ValueError(f"language={language!r}: one of {', '.join(sorted(LANGUAGES))}")
    from .. import akn4un  # the XML reader loads only when a folder is read

    root = Path(folder)
    report = akn4un.load_folder(root, language=language, progress=False)
    chosen = list(report.records)
    merged, skipped = _votes(chosen, root, label)
    statements = tuple(
        f"{_source(record, root, label)}: {record.symbol} is a presidential statement: left out"
        for record in report.statements
    )
    unreadable = tuple(str(entry) for entry in report.unreadable)
    return AknVotes(
        votes=tuple(merged),
        skipped=(*unreadable, *statements, *skipped),
        other_languages=len(report.other_languages),
        conflicts=merged.conflicts,
    )


def _votes(
    records: Iterable[akn4un.AknRecord], root: Path | None, label: str | None
) -> tuple[Votes, tuple[str, ...]]:
    votes: list[Vote] = []
    skipped: list[str] = []
    for record in records:
        source = _source(record, root, label)
        try:
            vote = _vote(record, source, skipped)
        except (ValidationError, UnscTrackerError) as err:
            skipped.append(f"{source}: {record.symbol}: not a valid vote: {_first_error(err)}")
            continue
        if vote is not None:
            votes.append(vote)
    merged = merge([("AKN4UN", votes)])
    shared = {vote.symbol: conflict for vote, conflict in shared_drafts(merged)}
    if not shared:
        return merged, tuple(skipped)
    marked = [
        vote.model_copy(update={"conflicts": (*vote.conflicts, shared[vote.symbol])})
        if vote.symbol in shared
        else vote
        for vote in merged
    ]
    return Votes(marked, conflicts=(*merged.conflicts, *shared.values())), tuple(skipped)


def _source(record: akn4un.AknRecord, root: Path | None, label: str | None) -> str:
    path = record.path
    if path is None:
        return f"{label or 'AKN4UN'} {record.symbol}"
    if root is not None and path.is_relative_to(root):
        shown = path.relative_to(root).as_posix()
        return f"{label}/{shown}" if label else str(root / shown)
    return str(path)


def _first_error(err: Exception) -> str:
    if isinstance(err, ValidationError):
        return str(err.errors()[0]["msg"]).removeprefix("Value error, ")
    return str(err)


def _vote(record: akn4un.AknRecord, source: str, skipped: list[str]) -> Vote | None:
    notes: list[str] = []
    if record.kind.value == "resolution":
        try:
            resolution: str | None = resolution_symbol(record.symbol)
        except ValueError:
            skipped.append(f"{source}: {record.symbol!r} is not a resolution's symbol: left out")
            return None
        kind = TextKind.RESOLUTION
    else:
        resolution, kind = None, TextKind.DRAFT
    draft: str | None = None
    if record.draft_symbol:
        try:
            draft = draft_symbol(record.draft_symbol)
        except ValueError:
            notes.append(f"AKN4UN draft symbol {record.draft_symbol!r} is not a symbol: left out")
    if kind is TextKind.DRAFT and draft is None:
        skipped.append(f"{source}: draft {record.symbol!r} has no usable symbol: left out")
        return None
    letters = (letter_symbol(record.letter),) if record.letter else ()
    kinds = {problem.kind.value for problem in record.problems}
    # The reader decides how the text was adopted; where the file lists names under a text
    # adopted without a vote, its modality_contradiction problem goes into the notes.
    modality = _MODALITIES.get(record.modality.value if record.modality else "", Modality.RECORDED)
    ballots: dict[str, Ballot] = dict(record.vote.ballots) if record.vote is not None else {}
    counts: dict[str, int] = {}
    if record.vote is None and modality is Modality.RECORDED:
        if record.counts and not kinds & _UNUSABLE_COUNTS:
            declared = {count.ballot: count.declared for count in record.counts}
            counts = {
                "yes": declared.get(Ballot.YES, 0),
                "no": declared.get(Ballot.NO, 0),
                "abstain": declared.get(Ballot.ABSTAIN, 0),
            }
        reasons = [
            str(problem)
            for problem in record.problems
            if problem.voids_vote or problem.kind.value in ("unknown_member", "no_vote")
        ]
        what = "the counts it declares" if counts else "neither ballots nor counts"
        notes.append(
            f"no usable ballots in the AKN4UN record, {what} kept: " + "; ".join(reasons)
            if reasons
            else f"no usable ballots in the AKN4UN record, {what} kept"
        )
    for problem in record.problems:
        if problem.kind.value in _VOTE_PROBLEMS and problem.kind.value != "no_vote":
            note = f"AKN4UN record: {problem}"
            if note not in notes and not any(str(problem) in n for n in notes):
                notes.append(note)
    return Vote.validated(
        {
            "symbol": resolution or draft,
            "kind": kind,
            "date": record.date,
            "resolution": resolution,
            "draft": draft,
            "meeting": record.meeting,
            "letters": letters,
            "agenda": record.agenda,
            "title": record.title,
            "subjects": record.subjects,
            "modality": modality,
            "ballots": ballots,
            **counts,
            "recorded_outcome": record.recorded_outcome,
            "recorded_vetoed_by": tuple(state.code for state in record.recorded_vetoed_by),
            "source": source,
            "notes": tuple(notes),
        }
    )
