"""A selection of the vote record: the votes in date order, the conflicts between their sources.

:class:`Votes` is what :func:`~unsc_tracker.votes` returns: a read-only sequence of
:class:`~unsc_tracker.record.Vote` (index it, slice it, loop over it, ``len`` it) that also
carries the conflicts found between the sources merged into it, never resolved silently.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Iterator, Sequence
from typing import TypeVar, overload

from .. import views
from ..council import as_bound, composition
from ..errors import RecordQueryError
from ..members import MemberState, member
from ..voting import Outcome
from ..wording import plural
from .vote import Conflict, TextKind, Vote

__all__ = ["Votes"]


class Votes(Sequence[Vote]):
    """Votes in date order, with the conflicts found between their sources.

    ``conflicts`` lists every fact on which two merged sources disagree (a ballot, a date, a
    count), each value beside its source; ``sources`` names the sources merged, in order;
    ``skipped`` says what the sources held that is not a vote here, and why (a file that could
    not be read, a presidential statement among resolutions).

    >>> from unsc_tracker.record import votes
    >>> aleppo = votes(agenda="Aleppo", kind="draft")
    >>> aleppo
    Votes(3 votes, 2016-10-08 to 2016-12-05, no conflicts)
    >>> [vote.symbol for vote in aleppo]
    ['S/2016/846', 'S/2016/847', 'S/2016/1026']
    """

    __slots__ = ("_by_symbol", "_votes", "conflicts", "skipped", "sources")

    def __init__(
        self,
        votes: Iterable[Vote] = (),
        *,
        conflicts: Iterable[Conflict] = (),
        sources: Iterable[str] = (),
        skipped: Iterable[str] = (),
    ) -> None:
        self._votes: tuple[Vote, ...] = tuple(votes)
        self._by_symbol: dict[str, Vote] | None = None
        self.conflicts: tuple[Conflict, ...] = tuple(conflicts)
        self.sources: tuple[str, ...] = tuple(sources)
        self.skipped: tuple[str, ...] = tuple(skipped)

    @overload
    def __getitem__(self, index: int) -> Vote: ...

    @overload
    def __getitem__(self, index: slice) -> Votes: ...

    def __getitem__(self, index: int | slice) -> Vote | Votes:
        if isinstance(index, slice):
            return self._like(self._votes[index])
        return self._votes[index]

    def __len__(self) -> int:
        return len(self._votes)

    def __iter__(self) -> Iterator[Vote]:
        return iter(self._votes)

    def __contains__(self, item: object) -> bool:
        if isinstance(item, str):
            return item in self._index()
        return item in self._votes

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Votes):
            return NotImplemented
        return self._votes == other._votes and self.conflicts == other.conflicts

    __hash__ = None  # type: ignore[assignment]

    def _repr_html_(self) -> str:
        return views.html(self) or views.fallback(self)

    def __repr__(self) -> str:
        if not self._votes:
            span = "none"
        else:
            first, last = self._votes[0].date, self._votes[-1].date
            span = f"{first.isoformat()} to {last.isoformat()}"
            span = plural(len(self._votes), "vote") + ", " + span
        conflicts = plural(len(self.conflicts), "conflict") if self.conflicts else "no conflicts"
        return f"Votes({span}, {conflicts})"

    def _index(self) -> dict[str, Vote]:
        if self._by_symbol is None:
            self._by_symbol = {vote.symbol: vote for vote in self._votes}
        return self._by_symbol

    def _like(self, votes: Iterable[Vote]) -> Votes:
        """A selection of these votes, keeping the conflicts that concern them."""
        chosen = tuple(votes)
        symbols = {vote.symbol for vote in chosen}
        return Votes(
            chosen,
            conflicts=(c for c in self.conflicts if c.symbol in symbols),
            sources=self.sources,
            skipped=self.skipped,
        )

    def get(self, symbol: str) -> Vote | None:
        """The vote keyed by ``symbol`` (``"S/RES/2334 (2016)"``, ``"S/2016/846"``), or None."""
        return self._index().get(symbol)

    def filter(
        self,
        since: _dt.date | _dt.datetime | str | None = None,
        until: _dt.date | _dt.datetime | str | None = None,
        *,
        member: str | MemberState | None = None,
        agenda: str | None = None,
        outcome: Outcome | str | None = None,
        kind: TextKind | str | None = None,
    ) -> Votes:
        """The votes that meet every condition given; see :func:`~unsc_tracker.votes`."""
        return self._like(_select(self._votes, since, until, member, agenda, outcome, kind))


def _select(
    votes: Sequence[Vote],
    since: _dt.date | _dt.datetime | str | None,
    until: _dt.date | _dt.datetime | str | None,
    who: str | MemberState | None,
    agenda: str | None,
    outcome: Outcome | str | None,
    kind: TextKind | str | None,
) -> Iterable[Vote]:
    first = as_bound(since, "since", last=False) if since is not None else None
    last = as_bound(until, "until", last=True) if until is not None else None
    if first is not None and last is not None and first > last:
        raise RecordQueryError(
            f"since={first.isoformat()} is after until={last.isoformat()}: no day is in that span"
        )
    chosen: Iterable[Vote] = votes
    if first is not None:
        chosen = [vote for vote in chosen if vote.date >= first]
    if last is not None:
        chosen = [vote for vote in chosen if vote.date <= last]
    if who is not None:
        code = member(who).code
        chosen = [vote for vote in chosen if code in composition(vote.date).codes]
    if agenda is not None:
        if not isinstance(agenda, str) or not agenda.strip():
            raise RecordQueryError(
                f"agenda={agenda!r}: give a part of an agenda item, e.g. 'Syria'"
            )
        needle = agenda.strip().casefold()
        chosen = [vote for vote in chosen if needle in _searchable(vote)]
    if outcome is not None:
        wanted = _word(Outcome, outcome, "outcome")
        chosen = [vote for vote in chosen if vote.outcome is wanted]
    if kind is not None:
        wanted_kind = _word(TextKind, kind, "kind")
        chosen = [vote for vote in chosen if vote.kind is wanted_kind]
    return chosen


def _searchable(vote: Vote) -> str:
    """The words ``agenda=`` looks in: the agenda item, the title and the subject headings."""
    parts = [vote.agenda or "", vote.title or "", *vote.subjects]
    return "\n".join(parts).casefold()


_E = TypeVar("_E", Outcome, TextKind)


def _word(enum: type[_E], value: object, name: str) -> _E:
    if isinstance(value, enum):
        return value
    if isinstance(value, str):
        try:
            return enum(value.strip().casefold())
        except ValueError:
            pass
    words = ", ".join(repr(item.value) for item in enum)
    raise RecordQueryError(f"{name}={value!r}: {name} is one of {words}")
