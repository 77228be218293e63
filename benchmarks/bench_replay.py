"""Microseconds per event: our replay against the same stage machine built with `transitions`.

Run by hand: ``python benchmarks/bench_replay.py [events]``. The log is one draft cycling
between negotiation and silence, with revisions and members changing position; our figure
includes building every snapshot (stage, sponsors, positions, forecast). The `transitions`
figure is the stage changes alone, on a machine built from our own table.
"""

from __future__ import annotations

import sys
import time
from datetime import date, timedelta

from unsc_tracker.drafts import DraftResolution, Sponsorship
from unsc_tracker.events import (
    Circulated,
    Event,
    PositionStated,
    Revised,
    SilenceBroken,
    SilenceStarted,
)
from unsc_tracker.lifecycle import END_STAGES, NEUTRAL_EVENTS, TRANSITIONS, Stage
from unsc_tracker.replay import Replay

_MEMBERS = ("Russian Federation", "China", "Angola", "Egypt", "Japan", "Uruguay")
_STANCES = ("support", "oppose", "abstain", "undecided")


def build_log(count: int) -> list[Event]:
    """A negotiation cycling through silence, revisions and changing positions."""
    start = date(2016, 10, 3)
    log: list[Event] = [Circulated(kind="circulated", date=start, audience="all15")]
    step = 0
    while len(log) < count:
        day = start + timedelta(days=step // 40)  # stays within 2016-2017 for 10,000 events
        who = _MEMBERS[step % len(_MEMBERS)]
        stance = _STANCES[(step // len(_MEMBERS)) % len(_STANCES)]
        log.append(Revised(kind="revised", date=day))
        log.append(PositionStated(kind="position_stated", date=day, member=who, stance=stance))
        log.append(SilenceStarted(kind="silence_started", date=day))
        log.append(SilenceBroken(kind="silence_broken", date=day, by=who))
        step += 1
    return log[:count]


def time_ours(draft: DraftResolution, log: list[Event], rounds: int) -> float:
    best = float("inf")
    for _ in range(rounds):
        began = time.perf_counter()
        replay = Replay.from_events(draft, log)
        best = min(best, time.perf_counter() - began)
    assert len(replay) == len(log)
    return best / len(log) * 1e6


def time_transitions(log: list[Event], rounds: int) -> float:
    try:
        from transitions import Machine  # benchmark-only dependency
    except ImportError:
        sys.exit("the comparison needs the transitions package: pip install transitions")

    moves = [
        {"trigger": str(kind), "source": str(stage), "dest": str(targets[-1])}
        for stage, table in TRANSITIONS.items()
        for kind, targets in table.items()
    ]
    moves += [
        {"trigger": str(kind), "source": str(stage), "dest": None}
        for stage in Stage
        if stage not in END_STAGES
        for kind in NEUTRAL_EVENTS
    ]
    kinds = [event.kind for event in log]
    best = float("inf")
    for _ in range(rounds):

        class Draft:
            state: str

        model = Draft()
        Machine(model=model, states=[str(s) for s in Stage], transitions=moves, initial="concept")
        began = time.perf_counter()
        for kind in kinds:
            model.trigger(kind)  # type: ignore[attr-defined]
        best = min(best, time.perf_counter() - began)
    return best / len(log) * 1e6


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    draft = DraftResolution(
        symbol="S/2016/846", sponsors=[Sponsorship(member="France", role="main_sponsor")]
    )
    log = build_log(count)
    Replay.from_events(draft, log[:100])  # load the Council tables before timing
    ours = time_ours(draft, log, rounds=5)
    theirs = time_transitions(log, rounds=3)
    print(f"events replayed:            {count}")
    print(f"unsc_tracker replay:        {ours:7.2f} us per event (snapshots included)")
    print(f"transitions state machine:  {theirs:7.2f} us per event (stage changes only)")
    print(f"ratio:                      {theirs / ours:7.1f}x faster")


if __name__ == "__main__":
    main()
