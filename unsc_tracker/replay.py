"""A draft's event log replayed into immutable snapshots: the log is the truth.

Events are applied in date order; events of the same day keep the order they were given (the
sort is stable, and a day-only date and a timed one on the same day are the same day). Times
of one log are all given with a UTC offset or all without one: a log that mixes them cannot be
put in order, and is refused with a :class:`~unsc_tracker.errors.DateError` naming the two
events. Each event yields one :class:`Snapshot`, holding the stage, the sponsors and the known
positions as of then, the expected outcome, and the result once the vote is held.

The replay starts at ``concept``, or ``in_blue`` for a draft that has an S/ symbol and whose
record begins after it went into blue (:func:`~unsc_tracker.lifecycle.start`).

The expected outcome comes from :func:`~unsc_tracker.forecast.expect`, with the Council of the
day the vote is expected: the meeting date of the last ``vote_scheduled`` event (until a
``vote_postponed``), else the draft's ``expected_vote``, else the event's own date. Positions
come from ``position_stated`` events; a verified sponsor that sits on that Council counts as
supporting unless it stated otherwise. States not on that Council (sponsors, or states stating
a position) are kept in ``positions`` but do not vote. Once the vote is held, the expectation is
recomputed from the ballots themselves, so ``expected`` agrees with ``result``. A draft
withdrawn or not put to a vote has no vote to expect: its expectation is closed (no outcome, no
vetoer; ``expected.closed`` says why) until a revival. The forecast is recomputed only when the
positions, the sponsors or the Council change, and the snapshots share unchanged tuples.

Replay is strict by default: an event the stage does not allow raises
:class:`~unsc_tracker.errors.IllegalEventError`, which names the steps ``infer=True`` would
assume where some would make it legal. With ``infer=True`` the steps the record often leaves
out (circulation to all fifteen, silence passing, putting in blue, scheduling the vote) are
inserted where they make the event legal, and named in ``snapshot.inferred``.

Conventions warn and never refuse: a vote less than 24 hours after the draft went into blue
(PROCEDURE D7), a party to a dispute voting on a Chapter VI decision (V7, through
:func:`~unsc_tracker.voting.tally`), a revival by a state not on the Council (rule 35). After a
veto cast on or after 26 April 2022 the General Assembly is to debate it within ten working days
(A/RES/76/262, D13): ``ga_debate_due_by`` counts UN working days at Headquarters (weekdays, the
UN's holidays skipped where the record has the year's list; the warning names the years it
does not), and a ``ga_debate_held`` event closes it.
"""

from __future__ import annotations

import datetime as _dt
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import date, datetime
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple, overload

from . import views
from .council import council
from .dates import parse_when
from .drafts import DraftResolution, Sponsorship
from .errors import BallotError, DateOutOfRecordError, NotOnCouncilError
from .events import Event, day_of, mixed_times
from .forecast import Expectation, Stance, expect, outlook
from .lifecycle import INFERABLE, MOVES, START, Stage, mermaid, start
from .steps import (
    GA_VETO_DEBATE_FROM,
    STEPS,
    Facts,
    Pairs,
    Stated,
    first_facts,
    inferred_steps,
    no_positions,
)
from .voting import Outcome, VoteResult

if TYPE_CHECKING:
    from pandas import DataFrame  # type: ignore[import-untyped, import-not-found, unused-ignore]

__all__ = ["GA_VETO_DEBATE_FROM", "Replay", "Snapshot", "replay_path"]


class Snapshot(NamedTuple):
    """The world as one event left it: immutable, and sharing unchanged parts with its neighbours.

    ``positions`` maps members (UN short names) to their stated stances; ``expected`` is the
    forecast (see the module docstring for how); ``result`` is the vote's result once held;
    ``warnings`` are those this event raised; ``inferred`` names the steps inserted before it.
    """

    event: Event
    stage: Stage
    symbol: str | None
    sponsors: tuple[Sponsorship, ...]
    positions: Mapping[str, Stance]
    expected: Expectation
    result: VoteResult | None
    warnings: tuple[str, ...]
    inferred: tuple[str, ...]
    ga_debate_due_by: date | None
    draft: str

    @property
    def date(self) -> _dt.date:
        """When the event happened: a day, or a datetime when the time is known."""
        return self.event.date

    @property
    def day(self) -> _dt.date:
        return day_of(self.event.date)

    @property
    def outcome(self) -> Outcome | None:
        """The outcome of the vote once held, else the expected one (None while open)."""
        return self.result.outcome if self.result is not None else self.expected.outcome

    def __str__(self) -> str:
        said = self.result if self.result is not None else self.expected
        return f"{self.day.isoformat()}  {self.event.summary}  [{self.stage.value}]  {said}"

    def __repr__(self) -> str:
        """``<Snapshot S/2016/846 2016-10-08 [vetoed] vote held at S/PV.7785: vetoed by ...>``."""
        said = self.result if self.result is not None else outlook(self.expected)
        return (
            f"<Snapshot {self.draft} {self.day.isoformat()} [{self.stage.value}] "
            f"{self.event.summary}: {said}>"
        )

    def _repr_html_(self) -> str:
        return views.html(self) or views.fallback(self)


class Replay:
    """The snapshots of one draft's replayed log, in order.

    >>> from unsc_tracker.events import Circulated, PositionStated
    >>> draft = DraftResolution(symbol="S/2016/846", sponsors=[Sponsorship(member="France")])
    >>> r = Replay.from_events(draft, [
    ...     Circulated(kind="circulated", date="2016-10-03", audience="all15"),
    ...     PositionStated(kind="position_stated", date="2016-10-05", member="Russia",
    ...                    stance="oppose")])
    >>> r.as_of(date(2016, 10, 5)).stage, str(r.final.expected.outcome)
    (<Stage.NEGOTIATION: 'negotiation'>, 'vetoed')
    """

    __slots__ = ("_days", "draft", "snapshots", "start")

    def __init__(
        self,
        draft: DraftResolution,
        snapshots: Sequence[Snapshot],
        days: Sequence[date] | None = None,
        start: Stage = START,
    ) -> None:
        self.draft = draft
        self.snapshots: tuple[Snapshot, ...] = tuple(snapshots)
        self._days = list(days) if days is not None else [s.day for s in self.snapshots]
        self.start = start
        """The stage the replay started from, before the first event."""

    @classmethod
    def from_events(
        cls, draft: DraftResolution, events: Iterable[Event], *, infer: bool = False
    ) -> Replay:
        """Replay ``events`` for ``draft``; strict unless ``infer`` (see the module docstring).

        Raises :class:`~unsc_tracker.errors.IllegalEventError` for an event its stage does not
        allow, and :class:`~unsc_tracker.errors.DateError` for a log that gives some times with a
        UTC offset and others without.
        """
        log, days = _in_date_order(draft.id, events)
        first = start(draft.symbol, (event.kind for event in log))
        return cls(draft, _snapshots(draft, log, days, first, infer), days, first)

    @property
    def final(self) -> Snapshot:
        """The last snapshot: where the draft stands at the end of the record."""
        if not self.snapshots:
            raise DateOutOfRecordError(f"{self.draft.id}: no events, so no snapshot to show")
        return self.snapshots[-1]

    def as_of(self, when: date | datetime | str) -> Snapshot | None:
        """The last snapshot on or before the day ``when``; ``None`` before the first event (or
        for a draft with no events), when the record says nothing yet.

        >>> from unsc_tracker import load_scenario
        >>> replay = load_scenario("aleppo-2016").replay("S/2016/846")
        >>> replay.as_of("2016-10-05").stage, replay.as_of("2016-09-01")
        (<Stage.NEGOTIATION: 'negotiation'>, None)
        """
        index = bisect_right(self._days, day_of(parse_when(when, "as_of date")))
        return self.snapshots[index - 1] if index else None

    @property
    def warnings(self) -> tuple[str, ...]:
        """Every warning raised along the way, in order."""
        return tuple(w for snapshot in self.snapshots for w in snapshot.warnings)

    def __iter__(self) -> Iterator[Snapshot]:
        return iter(self.snapshots)

    def __len__(self) -> int:
        return len(self.snapshots)

    @overload
    def __getitem__(self, index: int) -> Snapshot: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[Snapshot, ...]: ...
    def __getitem__(self, index: int | slice) -> Snapshot | tuple[Snapshot, ...]:
        return self.snapshots[index]

    def __repr__(self) -> str:
        stage = self.snapshots[-1].stage.value if self.snapshots else "no events"
        return f"<Replay {self.draft.id}: {len(self.snapshots)} snapshots, {stage}>"

    def _repr_html_(self) -> str:
        return views.html(self) or views.fallback(self)

    def to_mermaid(self) -> str:
        """The lifecycle as a Mermaid diagram with this draft's path marked (``class ... visited``).

        >>> from unsc_tracker import load_scenario
        >>> diagram = load_scenario("aleppo-2016").replay("S/2016/846").to_mermaid()
        >>> diagram.splitlines()[-2:]
        ['    class concept,zero_draft,negotiation,in_blue,scheduled,vetoed visited',
         '    class vetoed current']
        """
        return mermaid(replay_path(self))

    def to_dataframe(self) -> DataFrame:
        """One row per snapshot: see :func:`unsc_tracker.export.replay_frame` (needs pandas)."""
        from .export import replay_frame

        return replay_frame(self)


def replay_path(replay: Replay) -> list[Stage]:
    """The stages a replay went through, from the start, inferred steps included.

    >>> from unsc_tracker import load_scenario
    >>> [s.value for s in replay_path(load_scenario("aleppo-2016").replay("S/2016/847"))]
    ['concept', 'in_blue', 'scheduled', 'failed']
    """
    leads_to = {kind.value: stage for kind, stage in INFERABLE.items()}
    path = [replay.start]
    for snapshot in replay.snapshots:
        for step in snapshot.inferred:
            # Inferred steps are written "<event kind> (inferred before ...)" by the replay.
            stage = leads_to.get(step.split(" ", 1)[0])
            if stage is not None:
                path.append(stage)
        path.append(snapshot.stage)
    return [stage for i, stage in enumerate(path) if i == 0 or stage is not path[i - 1]]


# The tables as plain dicts: the replay's hot path looks them up for every event, and a lookup
# through a read-only mapping (MappingProxyType) costs a call more.
_MOVES = {stage: dict(moves) for stage, moves in MOVES.items()}
_STEPS = dict(STEPS)


def _snapshots(
    draft: DraftResolution, log: list[Event], days: list[date], stage: Stage, infer: bool
) -> list[Snapshot]:
    """Replay the events, in date order (``days`` are theirs), from ``stage``.

    The replay is a fold of the steps of :mod:`unsc_tracker.steps` over the log. Its state is the
    stage, the positions stated and the other facts; each kind of event that changes more than
    the stage has a step that takes them and the event and returns the next ones, and the others
    move the stage where the table (:data:`~unsc_tracker.lifecycle.MOVES`) says. A snapshot is
    the event, the state after it, and the forecast for that state.
    """
    positions, facts = no_positions(), first_facts(draft)
    forecast = _Forecast()
    # The forecast rests on the positions, the facts and the day: it is looked up again only
    # when one of them changed (a step returns the same objects when it changes nothing).
    forecast_for: tuple[Stated, Facts, date] | None = None
    expected: Expectation | None = None
    warnings: tuple[str, ...]
    snapshots = []
    # An error of the rule (a ballot from a state not on the Council, a day outside the record)
    # is raised again naming the event it came from.
    try:
        for day, event in zip(days, log, strict=True):
            inferred: tuple[str, ...] = ()
            targets = _MOVES[stage].get(event.kind)
            if targets is None:
                stage, facts, inferred = inferred_steps(stage, facts, event, infer)
                targets = _MOVES[stage][event.kind]
            step = _STEPS.get(type(event))
            if step is None:  # an event that moves the stage, if anything: the table says where
                stage, warnings = targets[0] if targets else stage, ()
            else:
                stage, positions, facts, warnings = step(stage, positions, facts, event)
            if (
                forecast_for is None
                or positions is not forecast_for[0]
                or facts is not forecast_for[1]
                or day != forecast_for[2]
            ):
                voted, when = facts.voted, facts.vote_day or day
                if voted is not None:
                    expected = voted
                else:
                    expected = forecast(positions, facts.sponsors, when)
                    if facts.closed is not None:
                        expected = expected.closing(facts.closed)
                forecast_for = positions, facts, day
            snapshot = (
                event,
                stage,
                facts.symbol,
                facts.sponsors,
                positions.mapping,
                expected,
                facts.result,
                warnings,
                inferred,
                facts.ga_due,
                draft.id,
            )
            # tuple.__new__ skips the NamedTuple's constructor, a Python function: the values are in
            # the order of the fields, and this saves an eighth of the replay's time (bench_replay.py).
            snapshots.append(tuple.__new__(Snapshot, snapshot))
    except (BallotError, DateOutOfRecordError, NotOnCouncilError) as err:
        raise type(err)(f"{draft.id}: {event.kind} on {event.date.isoformat()}: {err}") from None
    return snapshots


def _in_date_order(draft: str, events: Iterable[Event]) -> tuple[list[Event], list[date]]:
    """The events sorted by day, those of one day in the order given, and their days.

    Raises :class:`~unsc_tracker.errors.DateError` when some times carry a UTC offset and others
    do not (:func:`~unsc_tracker.events.mixed_times`).
    """
    log = list(events)
    dates = [event.date for event in log]
    # day_of, inlined: an event's date is a date or a datetime, never a subclass (pydantic).
    days = [when.date() if type(when) is datetime else when for when in dates]
    if datetime in map(type, dates):  # only a log with times can mix them
        mixed_times(log, draft)
    if days == sorted(days):
        return log, days
    order = sorted(range(len(log)), key=days.__getitem__)  # a stable sort
    return [log[i] for i in order], [days[i] for i in order]


class _Forecast:
    """The expected outcome for the positions stated, the sponsors and the day of the vote.

    Only verified sponsors and the members of that day's Council count (:func:`_effective`).
    Each set of them is worked out once, since positions recur as members change their minds.
    """

    def __init__(self) -> None:
        self._known: dict[tuple[frozenset[str], frozenset[str]], dict[Pairs, Expectation]] = {}
        self._table: dict[Pairs, Expectation] = {}
        self._sponsors: tuple[Sponsorship, ...] | None = None
        self._when: date | None = None
        self._supporting: frozenset[str] = frozenset()
        self._seated: frozenset[str] = frozenset()

    def __call__(
        self, positions: Stated, sponsors: tuple[Sponsorship, ...], when: date
    ) -> Expectation:
        if sponsors is not self._sponsors or when != self._when:
            self._supporting = frozenset(s.member for s in sponsors if s.verified)
            self._seated = _seated(when)
            self._table = self._known.setdefault((self._supporting, self._seated), {})
            self._sponsors, self._when = sponsors, when
        expected = self._table.get(positions.pairs)
        if expected is None:
            effective = _effective(self._supporting, positions.pairs, self._seated)
            expected = self._table[positions.pairs] = expect(effective, when)
        return expected


def _effective(
    supporting: frozenset[str], stated: Pairs, seated: frozenset[str]
) -> dict[str, Stance]:
    """Stated positions of Council members, and verified sponsors on the Council as support."""
    found = dict.fromkeys(supporting & seated, Stance.SUPPORT)
    found.update((who, stance) for who, stance in stated if who in seated)
    return found


@lru_cache(maxsize=1024)
def _seated(day: date) -> frozenset[str]:
    """The names on the Council that day."""
    return frozenset(state.name for state in council(on=day).members)
