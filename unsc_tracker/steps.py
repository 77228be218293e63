"""What each kind of event does to a draft: a step, from the replay's state and the event to the
next state.

The state between two events is the stage, the positions stated (:class:`Stated`) and the other
facts (:class:`Facts`). A step takes them and the event and returns the next ones, with the
warnings the event raised; :data:`STEPS` holds one for each kind of event that changes more than
the stage. The others only move the stage where the transition table says
(:data:`~unsc_tracker.lifecycle.MOVES`). :mod:`unsc_tracker.replay` folds the steps over a
draft's log.

Conventions warn and never refuse: a vote less than 24 hours after the draft went into blue (D7),
a draft put in blue or revised under a symbol that is not its own (D6), a draft revived by a
state that was not on the Council that day (rule 35 gives that right to a representative on the
Council who seconded it), a General Assembly debate on a veto held late or when none was due.
After a veto cast on or after 26 April 2022 the General Assembly is to debate it within ten
working days (A/RES/76/262, D13), counted in UN working days at Headquarters
(:func:`~unsc_tracker.holidays.add_un_working_days`); the warning names the years whose
holidays the record lacks. A draft withdrawn or not put to a vote has no vote to expect: its
expectation is closed (:meth:`~unsc_tracker.forecast.Expectation.closing`) until a revival.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date, datetime, timedelta
from types import MappingProxyType
from typing import Any, NamedTuple

from .council import council
from .drafts import DraftResolution, Role, Sponsorship, base_symbol
from .errors import IllegalEventError
from .events import (
    Circulated,
    Event,
    GaDebateHeld,
    NotPutToVote,
    PositionStated,
    PutInBlue,
    Revised,
    Revived,
    SponsorJoined,
    SponsorLeft,
    VoteHeld,
    VotePostponed,
    VoteScheduled,
    Withdrawn,
    day_of,
)
from .forecast import Closed, Expectation, Stance, expect
from .holidays import WorkingDays, add_un_working_days
from .lifecycle import BLUE_STAGES, MOVES, Stage, illegal, inferred_path
from .voting import Ballot, Outcome, VoteRecord, VoteResult, tally

__all__ = [
    "GA_VETO_DEBATE_FROM",
    "GA_WORKING_DAYS",
    "STEPS",
    "Facts",
    "Next",
    "Pairs",
    "Stated",
    "first_facts",
    "inferred_steps",
    "no_positions",
]

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


class Facts(NamedTuple):
    """What a draft's events have established besides its stage and the positions stated."""

    draft: DraftResolution
    symbol: str | None
    sponsors: tuple[Sponsorship, ...]
    blue_at: date | None
    """When the draft went into blue, if known: the 24 hours in blue (D7) count from then."""
    vote_day: date | None
    """The day the vote is expected: the last meeting announced, else the draft's expected_vote."""
    result: VoteResult | None
    voted: Expectation | None
    """What the ballots make of the expectation, once the vote is held."""
    ga_due: date | None
    closed: Closed | None
    """Why no vote is to be expected (withdrawn, not put to a vote), else None."""


Pairs = frozenset[tuple[str, Stance]]


class Stated(NamedTuple):
    """The positions stated so far, as a read-only mapping and as a set of pairs (which the
    forecasts are looked up by).

    Members change their minds back and forth, so sets of positions recur: ``built`` is the
    replay's table of the sets already built, shared by all of them, and each set is built once.
    """

    mapping: MappingProxyType[str, Stance]
    pairs: Pairs
    built: dict[tuple[Pairs, str, Stance], Stated]

    def stating(self, member: str, stance: Stance) -> Stated:
        """The positions after ``member`` states ``stance``."""
        change = (self.pairs, member, stance)
        after = self.built.get(change)
        if after is None:
            mapping = self.mapping.copy()
            mapping[member] = stance
            after = Stated(MappingProxyType(mapping), frozenset(mapping.items()), self.built)
            self.built[change] = after
        return after


Next = tuple[Stage, Stated, Facts, tuple[str, ...]]
"""What a step returns: the next stage, positions and facts, and the warnings the event raised."""


def no_positions() -> Stated:
    """The positions before any is stated, with a table of built sets of its own (one a replay)."""
    return Stated(MappingProxyType({}), frozenset(), {})


def first_facts(draft: DraftResolution) -> Facts:
    """The facts before the first event: the draft as given."""
    return Facts(
        draft=draft,
        symbol=draft.symbol,
        sponsors=draft.sponsors,
        blue_at=None,
        vote_day=day_of(draft.expected_vote) if draft.expected_vote is not None else None,
        result=None,
        voted=None,
        ga_due=None,
        closed=None,
    )


def inferred_steps(
    stage: Stage, facts: Facts, event: Event, infer: bool
) -> tuple[Stage, Facts, tuple[str, ...]]:
    """For an event the stage does not allow: with ``infer``, the stage and facts after the steps
    the record left out (:func:`~unsc_tracker.lifecycle.inferred_path`), and their names; without,
    the error."""
    path = inferred_path(stage, event.kind) if infer else None
    if path is None:
        raise illegal(facts.draft.id, event.kind, event.date.isoformat(), stage)
    blue_at = facts.blue_at
    for _, target in path:
        if target in BLUE_STAGES and stage not in BLUE_STAGES:
            blue_at = None  # put in blue at a time the record does not give
        stage = target
    steps = tuple(f"{kind.value} (inferred before {event.kind} on {event.day})" for kind, _ in path)
    return stage, facts._replace(blue_at=blue_at), steps


def _to(stage: Stage, event: Event) -> Stage:
    """The stage the table leads the event to (the first, where it names several)."""
    targets = MOVES[stage][event.kind]
    return targets[0] if targets else stage


# --- the steps: the state and the event in, the next state and the event's warnings out -------


def _circulated(stage: Stage, positions: Stated, facts: Facts, event: Circulated) -> Next:
    """Circulated to all fifteen, negotiation begins; to fewer, it is a zero draft (D2-D4)."""
    wanted = Stage.NEGOTIATION if event.audience == "all15" else Stage.ZERO_DRAFT
    if wanted not in MOVES[stage][event.kind]:
        what = f"{event.kind} to {event.audience}"
        raise illegal(facts.draft.id, what, event.date.isoformat(), stage)
    return wanted, positions, facts, ()


def _revised(stage: Stage, positions: Stated, facts: Facts, event: Revised) -> Next:
    """A new text; under a symbol that is not a revision of the draft's, a warning (D6)."""
    if event.symbol is None:
        return _to(stage, event), positions, facts, ()
    warnings = _revision_warnings(facts.draft, facts.symbol, event.symbol, stage)
    return _to(stage, event), positions, facts._replace(symbol=event.symbol), warnings


def _put_in_blue(stage: Stage, positions: Stated, facts: Facts, event: PutInBlue) -> Next:
    """In blue, under the draft's symbol or the one given; the 24 hours in blue start (D6, D7)."""
    symbol = event.symbol or facts.symbol
    warnings = _symbol_warnings(facts.draft, symbol)
    return _to(stage, event), positions, facts._replace(symbol=symbol, blue_at=event.date), warnings


def _vote_scheduled(stage: Stage, positions: Stated, facts: Facts, event: VoteScheduled) -> Next:
    """A meeting called to vote; once its day is known, the forecast is for that day's Council."""
    if event.meeting_date is not None:
        facts = facts._replace(vote_day=day_of(event.meeting_date))
    return _to(stage, event), positions, facts, ()


def _vote_postponed(stage: Stage, positions: Stated, facts: Facts, event: VotePostponed) -> Next:
    """The vote put off: back in blue, and no meeting day known until one is called again."""
    return _to(stage, event), positions, facts._replace(vote_day=None), ()


def _vote_held(stage: Stage, positions: Stated, facts: Facts, event: VoteHeld) -> Next:
    """The ballots counted under Article 27: the outcome is the stage, the ballots the forecast."""
    result = tally(
        VoteRecord(
            date=event.day,
            ballots=dict(event.ballots),
            symbol=facts.symbol,
            meeting=event.meeting,
            procedural=event.procedural,
            procedural_basis=event.procedural_basis,
            chapter=facts.draft.chapter,
            dispute_parties=facts.draft.dispute_parties,
        )
    )
    stances = {who: _BALLOT_STANCE[ballot] for who, ballot in event.ballots.items()}
    warnings = result.warnings + _blue_warnings(facts.blue_at, event.date)
    ga_due = None
    if result.outcome is Outcome.VETOED and event.day >= GA_VETO_DEBATE_FROM:
        found = add_un_working_days(event.day, GA_WORKING_DAYS)
        ga_due = found.day
        warnings += (_ga_warning(found),)
    facts = facts._replace(
        result=result,
        voted=expect(stances, event.day, procedural=event.procedural),
        ga_due=ga_due,
    )
    return _OUTCOME_STAGE.get(result.outcome, Stage.FAILED), positions, facts, warnings


def _position_stated(stage: Stage, positions: Stated, facts: Facts, event: PositionStated) -> Next:
    return stage, positions.stating(event.member, event.stance), facts, ()


def _sponsor_joined(stage: Stage, positions: Stated, facts: Facts, event: SponsorJoined) -> Next:
    sponsors = _add_sponsors(facts.sponsors, event.members, event.role, event, event.verified)
    return stage, positions, facts._replace(sponsors=sponsors), ()


def _sponsor_left(stage: Stage, positions: Stated, facts: Facts, event: SponsorLeft) -> Next:
    sponsors = _drop_sponsors(facts.draft.id, facts.sponsors, event)
    return stage, positions, facts._replace(sponsors=sponsors), ()


def _closing(
    stage: Stage, positions: Stated, facts: Facts, event: Withdrawn | NotPutToVote
) -> Next:
    """Withdrawn, or not put to a vote: no vote to expect, so the expectation closes."""
    why: Closed = "withdrawn" if isinstance(event, Withdrawn) else "not put to a vote"
    return _to(stage, event), positions, facts._replace(closed=why), ()


def _revived(stage: Stage, positions: Stated, facts: Facts, event: Revived) -> Next:
    """A seconder's demand puts a withdrawn draft to the vote, under a new symbol if one is
    given; the seconders join as sponsors, and a vote is to be expected again (rule 35)."""
    sponsors = _add_sponsors(facts.sponsors, event.by, Role.MAIN_SPONSOR, event, True)
    seated = {state.name for state in council(on=event.day).members}
    warnings = tuple(
        f"{who} revives the draft on {event.day.isoformat()} but was not on the Council that "
        "day: rule 35 lets a representative on the Council who seconded a withdrawn draft "
        "require that it be put to the vote"
        for who in event.by
        if who not in seated
    )
    facts = facts._replace(sponsors=sponsors, closed=None, symbol=event.symbol or facts.symbol)
    return _to(stage, event), positions, facts, warnings


def _ga_debate_held(stage: Stage, positions: Stated, facts: Facts, event: GaDebateHeld) -> Next:
    """The General Assembly's debate on the veto: the debate due is held (A/RES/76/262, D13)."""
    due = facts.ga_due
    if due is None:
        warnings: tuple[str, ...] = (
            "no General Assembly debate on this veto was pending: A/RES/76/262 calls for one "
            f"within {GA_WORKING_DAYS} working days of a veto cast on or after 26 April 2022",
        )
    elif event.day > due:
        warnings = (
            f"the General Assembly debated the veto on {event.day.isoformat()}, after "
            f"{due.isoformat()}, the day A/RES/76/262 set ({GA_WORKING_DAYS} working days)",
        )
    else:
        warnings = ()
    return stage, positions, facts._replace(ga_due=None), warnings


STEPS: Mapping[type, Callable[[Stage, Stated, Facts, Any], Next]] = MappingProxyType(
    {
        Circulated: _circulated,
        Revised: _revised,
        PutInBlue: _put_in_blue,
        VoteScheduled: _vote_scheduled,
        VoteHeld: _vote_held,
        PositionStated: _position_stated,
        SponsorJoined: _sponsor_joined,
        SponsorLeft: _sponsor_left,
        VotePostponed: _vote_postponed,
        Withdrawn: _closing,
        NotPutToVote: _closing,
        Revived: _revived,
        GaDebateHeld: _ga_debate_held,
    }
)
"""The step of each kind of event that changes more than the stage. A table rather than a
``match``: a match tries the classes one by one, and this is the replay's hot path."""


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


def _ga_warning(found: WorkingDays) -> str:
    counted = f"{GA_WORKING_DAYS} UN working days, A/RES/76/262"
    if found.holidays:
        skipped = ", ".join(f"{h.name} {h.day.isoformat()}" for h in found.holidays)
        counted += f"; UN holidays skipped: {skipped}"
    if found.caveat is not None:
        counted += f"; {found.caveat}"
    return (
        "veto cast on or after 26 April 2022: the General Assembly is to meet by "
        f"{found.day.isoformat()} ({counted}), unless it meets in an emergency special session "
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
    if stage not in BLUE_STAGES and "/Rev." in new:
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
