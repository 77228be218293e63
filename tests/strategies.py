"""Hypothesis strategies shared by the tests: drafts, events, and whole event logs."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

from hypothesis import strategies as st
from pydantic import TypeAdapter

from unsc_tracker.council import council
from unsc_tracker.drafts import DraftResolution
from unsc_tracker.events import Event, EventKind
from unsc_tracker.lifecycle import MOVES, START, Stage
from unsc_tracker.voting import Outcome, tally

EVENT = TypeAdapter(Event)
YEAR_START = date(2016, 1, 4)
SEATED_2016 = tuple(state.name for state in council(on=date(2016, 6, 1)).members)
OTHER_STATES = ("Germany", "Canada", "Brazil", "India", "South Africa")
STANCES = ("support", "oppose", "abstain", "undecided")
BALLOTS = ("yes", "no", "abstain", "absent", "not_voting")
OFFSETS = st.sampled_from((None, UTC, timezone(timedelta(hours=-5))))
"""No UTC offset, or that of UTC, or that of New York in winter."""

# Any text a user might put in a note: quotes, backslashes, newlines, Arabic, control characters.
texts = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cs",)),
    max_size=30,
)
optional_texts = st.none() | texts


def _fields(draw: st.DrawFn, kind: str) -> dict[str, Any]:
    """The kind-specific fields of one event."""
    if kind == "circulated":
        return {"audience": draw(st.sampled_from(("P3", "P5", "friends", "all15")))}
    if kind in ("silence_started", "silence_extended"):
        return {
            "deadline": draw(st.none() | st.datetimes(datetime(2016, 1, 1), datetime(2016, 12, 1)))
        }
    if kind == "silence_broken":
        return {"by": draw(st.none() | st.sampled_from(SEATED_2016))}
    if kind == "vote_scheduled":
        return {"meeting": draw(st.none() | st.just("S/PV.7785"))}
    if kind == "vote_held":
        ballots = {name: draw(st.sampled_from(BALLOTS)) for name in SEATED_2016}
        return {"ballots": ballots, "procedural": draw(st.booleans())}
    if kind == "withdrawn":
        return {"by": draw(st.none() | st.sampled_from(SEATED_2016))}
    if kind == "revived":
        symbol = draw(st.none() | st.just("S/2016/901"))
        return {"by": [draw(st.sampled_from(SEATED_2016 + OTHER_STATES))], "symbol": symbol}
    if kind == "vote_postponed":
        return {"by": draw(st.none() | st.sampled_from(SEATED_2016))}
    if kind == "ga_debate_held":
        return {"meeting": draw(st.none() | st.just("A/71/PV.100"))}
    if kind == "position_stated":
        who = draw(st.sampled_from(SEATED_2016 + OTHER_STATES))
        return {"member": who, "stance": draw(st.sampled_from(STANCES))}
    if kind == "diplomatic_contact":
        return {"parties": [draw(texts), draw(texts)], "place": draw(optional_texts)}
    if kind == "statement":
        return {"by": draw(optional_texts)}
    if kind == "retracted":
        return {"seq": draw(st.integers(1, 12)), "reason": draw(texts.filter(bool))}
    return {}


_AFTER_VOTE = {
    Outcome.ADOPTED: Stage.ADOPTED,
    Outcome.VETOED: Stage.VETOED,
    Outcome.FAILED: Stage.FAILED,
}


@st.composite
def event_logs(draw: st.DrawFn, max_events: int = 25) -> list[Event]:
    """A valid log: every event allowed in the stage the previous ones reached. The log of a draft
    with a symbol may begin in blue (then no event of the life before blue comes first)."""
    stage = Stage.IN_BLUE if draw(st.booleans()) else START
    offset = draw(OFFSETS)  # one log gives its times with an offset, or none
    day = YEAR_START
    sponsors: set[str] = {"France"}
    log: list[Event] = []
    for _ in range(draw(st.integers(1, max_events))):
        kind = draw(st.sampled_from(sorted(MOVES[stage])))
        day += timedelta(days=draw(st.integers(0, 3)))
        when: date = day
        if draw(st.booleans()):
            when = datetime(day.year, day.month, day.day, draw(st.integers(0, 23)), tzinfo=offset)
        fields = _fields(draw, kind)
        if kind == "sponsor_joined":
            fields["members"] = [draw(st.sampled_from(SEATED_2016 + OTHER_STATES))]
        if kind == "sponsor_left":
            if not sponsors:
                continue
            fields["members"] = [draw(st.sampled_from(sorted(sponsors)))]
        data = {"kind": kind, "date": when, "note": draw(optional_texts), **fields}
        data["source"] = draw(optional_texts)
        event = EVENT.validate_python({k: v for k, v in data.items() if v is not None})
        if kind == "sponsor_joined":
            sponsors.update(event.members)  # type: ignore[union-attr]
        if kind == "sponsor_left":
            sponsors.difference_update(event.members)  # type: ignore[union-attr]
        targets = MOVES[stage][kind]
        if kind == "circulated":
            stage = targets[-1] if data["audience"] == "all15" else targets[0]
        elif kind == "vote_held":
            outcome = tally(fields["ballots"], on=day, procedural=fields["procedural"]).outcome
            stage = _AFTER_VOTE[outcome]
        elif targets:
            stage = targets[0]
        log.append(event)
        if kind == "revived":
            sponsors.update(event.by)  # type: ignore[union-attr]
    return log


@st.composite
def any_event_logs(draw: st.DrawFn, max_events: int = 12) -> list[Event]:
    """Events of any kind in any order: most such logs are illegal somewhere."""
    log: list[Event] = []
    day = YEAR_START
    for _ in range(draw(st.integers(1, max_events))):
        kind = draw(st.sampled_from([k.value for k in EventKind]))
        day += timedelta(days=draw(st.integers(0, 2)))
        when: date = day
        if draw(st.booleans()):  # a time, with or without an offset, whatever the others have
            when = datetime(day.year, day.month, day.day, draw(st.integers(0, 23)))
            when = when.replace(tzinfo=draw(OFFSETS))
        fields = _fields(draw, kind)
        if kind in ("sponsor_joined", "sponsor_left"):
            fields["members"] = [draw(st.sampled_from(SEATED_2016 + OTHER_STATES))]
        if kind == "vote_held" and draw(st.integers(0, 3)) == 0:
            fields["ballots"][draw(st.sampled_from(OTHER_STATES))] = "yes"  # not on the Council
        data = {"kind": kind, "date": when, **fields}
        log.append(EVENT.validate_python({k: v for k, v in data.items() if v is not None}))
    return log


def draft_for_logs() -> DraftResolution:
    """The draft the random logs belong to."""
    return DraftResolution.model_validate(
        {
            "symbol": "S/2016/900",
            "sponsors": [{"member": "France", "role": "main_sponsor"}],
            "chapter": "VI",
            "dispute_parties": ["Egypt"],
        }
    )


@st.composite
def tracker_inputs(draw: st.DrawFn) -> list[Event]:
    """What a user might type into a tracker for one draft: a valid log with events of any kind
    and retractions mixed in at random places; many of them are refused."""
    valid = draw(event_logs(max_events=10))
    noise = draw(any_event_logs(max_events=6))
    mixed: list[Event] = []
    while valid or noise:
        source = valid if valid and (not noise or draw(st.booleans())) else noise
        mixed.append(source.pop(0))
        if draw(st.integers(0, 4)) == 0:  # a correction of an event entered so far
            seq = draw(st.integers(1, len(mixed)))
            reason = draw(texts.filter(bool))
            data = {"kind": "retracted", "date": mixed[-1].day, "seq": seq, "reason": reason}
            mixed.append(EVENT.validate_python(data))
    return mixed
