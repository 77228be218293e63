"""Several sources of votes made into one record: one vote per text, every disagreement kept.

Votes are matched by symbol: the resolution's, the draft's, or (for a resolution or a draft not
adopted) the symbol of the draft, so that a resolution from one source meets the draft it came
from in another. The first source a vote comes from gives its facts; a later source fills the
facts the first lacks (ballots where there were only counts, a meeting, an agenda item), each
with its own source; where both give a fact and they differ, a :class:`Conflict` records both
values and both sources. Nothing is resolved silently: the merged vote keeps the first value and
lists the conflict in ``Vote.conflicts``, and :class:`Votes` lists them all.

Ballots are compared member by member. A member that did not vote is not told apart from one
that was absent: the UN Digital Library's ``X`` ("non-voting") and a name missing from an AKN4UN
record say no more than that, so ``absent``, ``not_voting`` and no ballot at all are one value
for the comparison.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

from ..voting import Ballot
from .selection import Votes
from .vote import Conflict, TextKind, Vote

__all__ = ["compare", "merge"]

_MEETING_NUMBER = re.compile(r"S/PV\.(\d+)")

# Each compared field, and the fact (Vote.fact_sources key) whose source vouches for it.
_SCALARS = (
    ("kind", "text"),
    ("resolution", "text"),
    ("draft", "text"),
    ("parent_text", "text"),
    ("date", "date"),
    ("meeting", "meeting"),
    ("letters", "meeting"),
    ("modality", "modality"),
    ("procedural", "modality"),
    ("recorded_outcome", "outcome"),
    ("recorded_vetoed_by", "outcome"),
)
_FILLED = (
    ("agenda", "agenda"),
    ("title", "agenda"),
    ("subjects", "agenda"),
    ("part", "text"),
)
_COUNTS = ("yes", "no", "abstain", "non_voting")
_DID_NOT_VOTE = "did not vote"


def merge(sources: Sequence[tuple[str, Iterable[Vote]]]) -> Votes:
    """One :class:`Votes` from ``(name, votes)`` pairs, the first source first in precedence.

    Within one source, votes sharing a symbol are merged the same way, so a collection holding
    a text twice yields it once, with any difference between the two copies as a conflict.
    Across sources votes also meet through the draft: a resolution from one source meets its
    draft from another. Two resolutions that two sources give the same draft stay two votes,
    and the shared draft is a conflict; within one source, :func:`shared_drafts` finds them.
    """
    merged: dict[int, Vote] = {}
    index: dict[str, int] = {}  # every key of the votes of the sources already merged
    conflicts: list[Conflict] = []
    for _, votes in sources:
        local: dict[str, int] = {}  # this source's votes, by symbol
        for vote in votes:
            slot = local.get(vote.symbol)
            if slot is None:
                slot = _find(index, vote)
                if slot is not None and _other_resolution(merged[slot], vote):
                    shared = _shared_draft(merged[slot], vote)
                    conflicts.append(shared)
                    vote = vote.model_copy(
                        update={"conflicts": tuple(dict.fromkeys((*vote.conflicts, shared)))}
                    )
                    slot = None
            if slot is None:
                slot = len(merged)
                merged[slot] = vote
            else:
                found: list[Conflict] = []
                merged[slot] = _combine(merged[slot], vote, found)
                conflicts += found
            local[merged[slot].symbol] = slot
        for slot in set(local.values()):
            for key in _keys(merged[slot]):
                index.setdefault(key, slot)
    ordered = sorted(merged.values(), key=_order)
    return Votes(ordered, conflicts=conflicts, sources=[name for name, _ in sources])


def shared_drafts(votes: Iterable[Vote]) -> list[tuple[Vote, Conflict]]:
    """Resolutions of one source that give the same draft: each later one with its conflict."""
    first_of: dict[str, Vote] = {}
    found: list[tuple[Vote, Conflict]] = []
    for vote in votes:
        if vote.resolution is None or vote.draft is None:
            continue
        earlier = first_of.setdefault(vote.draft, vote)
        if earlier is not vote and earlier.resolution != vote.resolution:
            found.append((vote, _shared_draft(earlier, vote)))
    return found


def compare(first: Vote, second: Vote) -> tuple[Conflict, ...]:
    """Every fact two votes of one text give differently (sources and wording aside).

    The facts compared are those :func:`merge` compares: the text and its symbols, the date,
    the meeting or letters, the modality, the recorded outcome and vetoing members, the counts,
    and the ballots member by member (absent, not voting and no ballot being one value). An
    empty tuple means the two record the same vote.
    """
    found: list[Conflict] = []
    _combine(first, second, found)
    return tuple(found)


def _keys(vote: Vote) -> list[str]:
    keys = [vote.symbol]
    if vote.resolution is not None:
        keys.append(vote.resolution)
    if vote.draft is not None and vote.kind in (TextKind.RESOLUTION, TextKind.DRAFT):
        keys.append(vote.draft)
    return keys


def _find(index: dict[str, int], vote: Vote) -> int | None:
    for key in _keys(vote):
        slot = index.get(key)
        if slot is not None:
            return slot
    return None


def _other_resolution(found: Vote, vote: Vote) -> bool:
    """Two resolutions of different symbols are two votes, even if a source gives one draft."""
    return (
        found.resolution is not None
        and vote.resolution is not None
        and found.resolution != vote.resolution
    )


def _shared_draft(found: Vote, vote: Vote) -> Conflict:
    return Conflict(
        symbol=vote.symbol,
        fact="draft",
        first=f"{found.draft} (the draft of {found.symbol})",
        first_source=found.source_of("text"),
        second=f"{vote.draft} (the draft of {vote.symbol})",
        second_source=vote.source_of("text"),
    )


def _order(vote: Vote) -> tuple[object, ...]:
    found = _MEETING_NUMBER.match(vote.meeting or "")
    return (vote.date, int(found[1]) if found else 0, vote.symbol)


def _same(mine: object, theirs: object) -> bool:
    """Equal values; lists (of letters, of vetoing members) in any order."""
    if isinstance(mine, tuple) and isinstance(theirs, tuple):
        return sorted(map(str, mine)) == sorted(map(str, theirs))
    return mine == theirs


def _shown(value: object) -> str:
    if isinstance(value, tuple):
        return ", ".join(str(item) for item in value) or "(none)"
    if hasattr(value, "value"):
        return str(value.value)
    if hasattr(value, "isoformat"):
        return str(value.isoformat())
    return str(value)


def _combine(first: Vote, second: Vote, conflicts: list[Conflict]) -> Vote:
    """``first`` with the facts it lacks taken from ``second``; differences go to ``conflicts``."""
    data: dict[str, Any] = first.model_dump()
    sources = dict(first.fact_sources)

    def differ(
        fact: str, group: str, mine: object, theirs: object, code: str | None = None
    ) -> None:
        conflicts.append(
            Conflict(
                symbol=first.symbol,
                fact=fact,
                first=_shown(mine),
                first_source=first.source_of(group, code),
                second=_shown(theirs),
                second_source=second.source_of(group, code),
            )
        )

    def fill(field: str, group: str, value: object) -> None:
        data[field] = value
        sources.setdefault(group, second.source_of(group))

    for field, group in _SCALARS:
        mine, theirs = getattr(first, field), getattr(second, field)
        if theirs in (None, ()) or _same(mine, theirs):
            continue
        if mine in (None, ()):
            fill(field, group, theirs)
        elif not (field == "procedural" and not theirs):
            differ(field, group, mine, theirs)
    for field, group in _FILLED:
        if not getattr(first, field) and getattr(second, field):
            fill(field, group, getattr(second, field))
    if second.ballots and not first.ballots:
        _compare_counts(first, second, differ)
        data.update({name: getattr(second, name) for name in _COUNTS})
        data["ballots"] = second.ballots
        data["ballot_sources"] = dict(second.ballot_sources)
        sources["ballots"] = second.source_of("ballots")
        sources.setdefault("counts", second.source_of("counts"))
    elif second.ballots:
        _compare_ballots(first, second, differ)
    else:
        has_counts = any(getattr(first, name) is not None for name in _COUNTS)
        if has_counts:
            _compare_counts(first, second, differ)
        elif any(getattr(second, name) is not None for name in _COUNTS):
            for name in _COUNTS:
                data[name] = getattr(second, name)
            sources.setdefault("counts", second.source_of("counts"))
    data["fact_sources"] = {
        fact: source for fact, source in sources.items() if source != first.source
    }
    data["notes"] = tuple(dict.fromkeys((*first.notes, *second.notes)))
    data["conflicts"] = tuple(dict.fromkeys((*first.conflicts, *second.conflicts, *conflicts)))
    return Vote.model_validate(data)


def _compare_counts(first: Vote, second: Vote, differ: Any) -> None:
    for name in _COUNTS:
        mine, theirs = getattr(first, name), getattr(second, name)
        if mine is not None and theirs is not None and mine != theirs:
            differ(name, "counts", mine, theirs)


def _plain(ballot: Ballot | None) -> str:
    if ballot is None or ballot in (Ballot.ABSENT, Ballot.NOT_VOTING):
        return _DID_NOT_VOTE
    return ballot.value


def _compare_ballots(first: Vote, second: Vote, differ: Any) -> None:
    for code in sorted(first.ballots.keys() | second.ballots.keys()):
        mine, theirs = _plain(first.ballots.get(code)), _plain(second.ballots.get(code))
        if mine != theirs:
            differ(f"ballot of {code}", "ballots", mine, theirs, code)
