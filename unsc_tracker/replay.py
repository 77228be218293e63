"""A draft's event log replayed into immutable snapshots: the log is the truth.

Events are applied in date order; events of the same day keep the order they were given (the
sort is stable, and a day-only date and a timed one on the same day are the same day). Each
event yields one :class:`Snapshot`, holding the stage, the sponsors and the known positions as
of then, the expected outcome, and the result once the vote is held.

The expected outcome comes from :func:`~unsc_tracker.forecast.expect`, with the Council of the
day the vote is expected: the meeting date of the last ``vote_scheduled`` event, else the
draft's ``expected_vote``, else the event's own date. Positions come from ``position_stated``
events; a verified sponsor that sits on that Council counts as supporting unless it stated
otherwise. States not on that Council (sponsors, or states stating a position) are kept in
``positions`` but do not vote. Once the vote is held, the expectation is recomputed from the
ballots themselves, so ``expected`` agrees with ``result``. The forecast is recomputed only when
the positions, the sponsors or the Council change, and the snapshots share unchanged tuples.

Replay is strict by default: an event the stage does not allow raises
:class:`~unsc_tracker.errors.IllegalEventError`. With ``infer=True`` the steps the record
often leaves out (circulation to all fifteen, silence passing, putting in blue, scheduling the
vote) are inserted where they make the event legal, and named in ``snapshot.inferred``.

Conventions warn and never refuse: a vote less than 24 hours after the draft went into blue
(PROCEDURE D7), a party to a dispute voting on a Chapter VI decision (V7, through
:func:`~unsc_tracker.voting.tally`). After a veto cast on or after 26 April 2022 the General
Assembly is to debate it within ten working days (A/RES/76/262, D13): ``ga_debate_due_by``
counts Monday to Friday and does not count UN holidays yet.
"""

from __future__ import annotations

import datetime as _dt
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import date, datetime, timedelta
from functools import lru_cache
from itertools import islice
from operator import le
from types import MappingProxyType
from typing import TYPE_CHECKING, NamedTuple, cast, overload

from . import views
from .council import council
from .dates import add_working_days, parse_when
from .drafts import DraftResolution, Role, Sponsorship, base_symbol
from .errors import DateOutOfRecordError, IllegalEventError
from .events import (
    Circulated,
    Event,
    PositionStated,
    PutInBlue,
    Revised,
    Revived,
    SponsorJoined,
    SponsorLeft,
    VoteHeld,
    VoteScheduled,
    day_of,
)
from .forecast import Expectation, Stance, expect, outlook
from .lifecycle import (
    AFTER_END,
    END_STAGES,
    INFERABLE,
    NEUTRAL_EVENTS,
    START,
    TRANSITIONS,
    Stage,
    illegal,
    inferred_path,
    mermaid,
)
from .voting import Ballot, Outcome, VoteRecord, VoteResult, tally

if TYPE_CHECKING:
    from pandas import DataFrame  # type: ignore[import-untyped, import-not-found, unused-ignore]

__all__ = ["GA_VETO_DEBATE_FROM", "Replay", "Snapshot", "replay_path"]

GA_VETO_DEBATE_FROM = date(2022, 4, 26)
"""A/RES/76/262 (adopted 26 April 2022): a General Assembly debate within ten working days of a
veto (https://internationallaw.notion.site/4-26-d2afdeeed45541518b14134636816e5d)."""
GA_WORKING_DAYS = 10

_OUTCOME_STAGE = {Outcome.ADOPTED: Stage.ADOPTED, Outcome.VETOED: Stage.VETOED}
_BALLOT_STANCE = {
    Ballot.YES: Stance.SUPPORT,
    Ballot.NO: Stance.OPPOSE,
    Ballot.ABSTAIN: Stance.ABSTAIN,
    Ballot.ABSENT: Stance.ABSTAIN,
    Ballot.NOT_VOTING: Stance.ABSTAIN,
}
_NO_POSITIONS: Mapping[str, Stance] = MappingProxyType({})
_BLUE_STAGES = (Stage.IN_BLUE, Stage.SCHEDULED)


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

    __slots__ = ("_days", "draft", "snapshots")

    def __init__(
        self,
        draft: DraftResolution,
        snapshots: Sequence[Snapshot],
        days: Sequence[date] | None = None,
    ) -> None:
        self.draft = draft
        self.snapshots: tuple[Snapshot, ...] = tuple(snapshots)
        self._days = list(days) if days is not None else [s.day for s in self.snapshots]

    @classmethod
    def from_events(
        cls, draft: DraftResolution, events: Iterable[Event], *, infer: bool = False
    ) -> Replay:
        """Replay ``events`` for ``draft``; strict unless ``infer`` (see the module docstring)."""
        snapshots, days = _run(draft, events, infer)
        return cls(draft, snapshots, days)

    @property
    def final(self) -> Snapshot:
        """The last snapshot: where the draft stands at the end of the record."""
        if not self.snapshots:
            raise DateOutOfRecordError(f"{self.draft.id}: no events, so no snapshot to show")
        return self.snapshots[-1]

    def as_of(self, when: date | datetime | str) -> Snapshot:
        """The last snapshot on or before the day ``when``; before the first event, an error."""
        day = day_of(parse_when(when, "as_of date"))
        index = bisect_right(self._days, day)
        if index == 0:
            first = self._days[0].isoformat() if self._days else "none"
            raise DateOutOfRecordError(
                f"{self.draft.id}: no snapshot on or before {day.isoformat()}; "
                f"the record starts on {first}"
            )
        return self.snapshots[index - 1]

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
    path = [START]
    for snapshot in replay.snapshots:
        for step in snapshot.inferred:
            # Inferred steps are written "<event kind> (inferred before ...)" by the replay.
            stage = leads_to.get(step.split(" ", 1)[0])
            if stage is not None:
                path.append(stage)
        path.append(snapshot.stage)
    return [stage for i, stage in enumerate(path) if i == 0 or stage is not path[i - 1]]


@lru_cache(maxsize=1024)
def _seated(day: date) -> frozenset[str]:
    """The names on the Council that day; one shared object per composition."""
    names = frozenset(state.name for state in council(on=day).members)
    return _COMPOSITIONS.setdefault(names, names)


_COMPOSITIONS: dict[frozenset[str], frozenset[str]] = {}


def _run(
    draft: DraftResolution, events: Iterable[Event], infer: bool
) -> tuple[list[Snapshot], list[date]]:
    """Replay the events; returns the snapshots and their days (for ``as_of``)."""
    log = list(events)
    days = [when.date() if type(when := event.date) is datetime else when for event in log]
    if not all(map(le, days, islice(days, 1, None))):
        order = sorted(range(len(log)), key=days.__getitem__)  # stable: same-day order kept
        log = [log[i] for i in order]
        days = [days[i] for i in order]
    name = draft.id
    stage = START
    symbol = draft.symbol
    sponsors = tuple(draft.sponsors)
    stated: dict[str, Stance] = {}
    stated_key: frozenset[tuple[str, Stance]] = frozenset()
    positions = _NO_POSITIONS
    known_positions: dict[
        tuple[frozenset[tuple[str, Stance]], str, Stance],
        tuple[dict[str, Stance], frozenset[tuple[str, Stance]], Mapping[str, Stance]],
    ] = {}
    blue_at: date | None = None
    meeting_day = day_of(draft.expected_vote) if draft.expected_vote is not None else None
    result: VoteResult | None = None
    ga_due: date | None = None
    expected: Expectation | None = None
    forecasts: dict[tuple[int, frozenset[tuple[str, Stance]], frozenset[str]], Expectation] = {}
    forecast_day: date | None = None
    seated: frozenset[str] = frozenset()
    dirty = True
    out: list[Snapshot] = []
    append = out.append
    new = tuple.__new__
    no_warnings: tuple[str, ...] = ()
    # Event kinds are plain strings on the models; the table's StrEnum keys hash the same.
    transitions = cast(Mapping[Stage, Mapping[str, tuple[Stage, ...]]], TRANSITIONS)
    neutral = NEUTRAL_EVENTS
    ends = END_STAGES
    for day, event in zip(days, log):  # noqa: B905  # built together, same length
        kind = event.kind
        moves = transitions[stage]
        warnings = inferred = no_warnings
        targets = moves.get(kind)
        if (
            targets is None
            and (kind not in neutral or stage in ends)
            and (stage not in ends or kind not in AFTER_END)
        ):
            path = inferred_path(stage, kind) if infer else None
            if path is None:
                raise illegal(name, kind, event.date.isoformat(), stage)
            steps = []
            for step, target in path:
                steps.append(f"{step.value} (inferred before {kind} on {day})")
                if target in _BLUE_STAGES and stage not in _BLUE_STAGES:
                    blue_at = None  # put in blue at an unknown time
                stage = target
            inferred = tuple(steps)
            targets = transitions[stage].get(kind)
        cls = type(event)
        if targets is not None:
            if cls is VoteHeld:
                assert isinstance(event, VoteHeld)
                result = _tally(draft, event, symbol)
                stage = _OUTCOME_STAGE.get(result.outcome, Stage.FAILED)
                warnings = result.warnings + _blue_warnings(blue_at, event.date)
                expected = expect(
                    {who: _BALLOT_STANCE[b] for who, b in event.ballots.items()},
                    day,
                    procedural=event.procedural,
                )
                if result.outcome is Outcome.VETOED and day >= GA_VETO_DEBATE_FROM:
                    ga_due = add_working_days(day, GA_WORKING_DAYS)
                    warnings += (_ga_warning(ga_due),)
            elif cls is Circulated:
                assert isinstance(event, Circulated)
                wanted = Stage.NEGOTIATION if event.audience == "all15" else Stage.ZERO_DRAFT
                if wanted not in targets:
                    what = f"{kind} to {event.audience}"
                    raise illegal(name, what, event.date.isoformat(), stage)
                stage = wanted
            else:
                if cls is Revised:
                    revised: Revised = event  # type: ignore[assignment]  # checked by class
                    if revised.symbol is not None:
                        warnings = _revision_warnings(draft, symbol, revised.symbol, stage)
                        symbol = revised.symbol
                elif cls is PutInBlue:
                    assert isinstance(event, PutInBlue)
                    symbol = event.symbol or symbol
                    blue_at = event.date
                    warnings = _symbol_warnings(draft, symbol)
                elif cls is VoteScheduled:
                    assert isinstance(event, VoteScheduled)
                    if event.meeting_date is not None:
                        meeting_day = day_of(event.meeting_date)
                elif cls is Revived:
                    assert isinstance(event, Revived)
                    sponsors = _add_sponsors(sponsors, event.by, Role.MAIN_SPONSOR, event, True)
                    dirty = True
                stage = targets[0]
        elif cls is PositionStated:
            position: PositionStated = event  # type: ignore[assignment]  # checked by class
            # Positions recur as members change their minds: share one mapping per state.
            step_key = (stated_key, position.member, position.stance)
            shared = known_positions.get(step_key)
            if shared is None:
                stated = {**stated, position.member: position.stance}
                shared = known_positions[step_key] = (
                    stated,
                    frozenset(stated.items()),
                    MappingProxyType(stated),
                )
            stated, stated_key, positions = shared
            dirty = True
        elif cls is SponsorJoined:
            assert isinstance(event, SponsorJoined)
            sponsors = _add_sponsors(sponsors, event.members, event.role, event, event.verified)
            dirty = True
        elif cls is SponsorLeft:
            assert isinstance(event, SponsorLeft)
            sponsors = _drop_sponsors(name, sponsors, event)
            dirty = True
        if result is None:
            when = meeting_day or day
            if when != forecast_day:
                now_seated = _seated(when)
                dirty = dirty or now_seated is not seated
                seated, forecast_day = now_seated, when
            if dirty:
                # Snapshots keep every sponsors tuple alive, so its id is unique in this run.
                key = (id(sponsors), stated_key, seated)
                found = forecasts.get(key)
                if found is None:
                    effective = _effective(sponsors, stated, seated)
                    found = forecasts[key] = expect(effective, when)
                expected = found
                dirty = False
        append(
            new(
                Snapshot,
                (
                    event,
                    stage,
                    symbol,
                    sponsors,
                    positions,
                    expected,
                    result,
                    warnings,
                    inferred,
                    ga_due,
                    name,
                ),
            )
        )
    return out, days


def _effective(
    sponsors: tuple[Sponsorship, ...], stated: Mapping[str, Stance], seated: frozenset[str]
) -> dict[str, Stance]:
    """Stated positions of Council members, and verified sponsors on the Council as support."""
    found = {s.member: Stance.SUPPORT for s in sponsors if s.verified and s.member in seated}
    found.update((who, stance) for who, stance in stated.items() if who in seated)
    return found


def _tally(draft: DraftResolution, event: VoteHeld, symbol: str | None) -> VoteResult:
    record = VoteRecord(
        date=event.day,
        ballots=dict(event.ballots),
        symbol=symbol,
        meeting=event.meeting,
        procedural=event.procedural,
        procedural_basis=event.procedural_basis,
        chapter=draft.chapter,
        dispute_parties=draft.dispute_parties,
    )
    return tally(record)


def _blue_warnings(blue_at: date | None, vote_at: date) -> tuple[str, ...]:
    """The 24-hours-in-blue convention (D7): a warning, never a refusal."""
    if blue_at is None:
        return ()
    if isinstance(blue_at, datetime) and isinstance(vote_at, datetime):
        if vote_at - blue_at < timedelta(hours=24):
            hours = (vote_at - blue_at).total_seconds() / 3600
            return (
                f"voted {hours:.1f} hours after the draft was put in blue: the practice is "
                "24 hours in blue before a vote, a convention, not a rule (D7)",
            )
        return ()
    gap = (day_of(vote_at) - day_of(blue_at)).days
    if gap == 0:
        unknown = "the vote's time unknown" if isinstance(blue_at, datetime) else "times unknown"
        return (
            f"voted on the day the draft was put in blue ({unknown}): the practice is "
            "24 hours in blue before a vote, a convention, not a rule (D7)",
        )
    if gap == 1:
        return (
            "put in blue the day before the vote, times unknown: whether it was 24 hours in "
            "blue (D7) cannot be checked",
        )
    return ()


def _ga_warning(due: date) -> str:
    return (
        "veto cast on or after 26 April 2022: the General Assembly is to meet by "
        f"{due.isoformat()} ({GA_WORKING_DAYS} working days, A/RES/76/262; Monday to Friday, "
        "UN holidays not counted yet), unless it meets in an emergency special session "
        "on the same situation"
    )


def _symbol_warnings(draft: DraftResolution, symbol: str | None) -> tuple[str, ...]:
    if symbol is None:
        return (f"{draft.id} put in blue with no S/ symbol recorded",)
    if draft.symbol is not None and base_symbol(symbol) != base_symbol(draft.symbol):
        return (f"{draft.id} put in blue as {symbol}, not under its own symbol {draft.symbol}",)
    return ()


def _revision_warnings(
    draft: DraftResolution, current: str | None, new: str, stage: Stage
) -> tuple[str, ...]:
    if current is not None and base_symbol(new) != base_symbol(current):
        return (f"{draft.id} revised as {new}, which is not a revision of {current}",)
    if stage not in _BLUE_STAGES and "/Rev." in new:
        return (f"{draft.id} revised as {new} before it was put in blue",)
    return ()


def _add_sponsors(
    sponsors: tuple[Sponsorship, ...],
    names: tuple[str, ...],
    role: Role,
    event: Event,
    verified: bool,
) -> tuple[Sponsorship, ...]:
    present = {s.member for s in sponsors}
    added = tuple(
        Sponsorship.model_construct(
            member=who,
            role=role,
            joined=event.date,
            verified=verified,
            source=event.source,
            note=event.note,
        )
        for who in names
        if who not in present
    )
    return sponsors + added if added else sponsors


def _drop_sponsors(
    draft: str, sponsors: tuple[Sponsorship, ...], event: SponsorLeft
) -> tuple[Sponsorship, ...]:
    leaving = set(event.members)
    missing = leaving - {s.member for s in sponsors}
    if missing:
        raise IllegalEventError(
            f"{draft}: sponsor_left on {event.date.isoformat()} names "
            f"{', '.join(sorted(missing))}, not a sponsor of the draft then"
        )
    return tuple(s for s in sponsors if s.member not in leaving)
