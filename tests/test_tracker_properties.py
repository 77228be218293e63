"""Properties of the tracker: what it accepts survives its export, what it refuses leaves no trace."""

from __future__ import annotations

import sqlite3
import tempfile
from pathlib import Path

from hypothesis import given, settings
from strategies import draft_for_logs, tracker_inputs

from unsc_tracker.errors import UnscTrackerError
from unsc_tracker.events import Event, Retracted, in_force
from unsc_tracker.replay import Replay
from unsc_tracker.scenarios import load_scenario
from unsc_tracker.tracker import Tracker

DRAFT = draft_for_logs()


def rows(path: Path) -> list[str]:
    with sqlite3.connect(path) as db:
        return list(db.iterdump())


def enter(tracker: Tracker, event: Event) -> Event:
    """Add the event, or retract as it says; returns the event the log then holds."""
    if isinstance(event, Retracted):
        tracker.retract(DRAFT.id, event.seq, reason=event.reason, date=event.date)
        return Retracted(kind="retracted", date=event.date, seq=event.seq, reason=event.reason)
    tracker.add(DRAFT.id, event)
    return event


def opened(folder: str) -> Tracker:
    tracker = Tracker(Path(folder) / "log.sqlite")
    tracker.describe(
        DRAFT.id,
        sponsors=DRAFT.sponsors,
        chapter=DRAFT.chapter,
        dispute_parties=DRAFT.dispute_parties,
    )
    return tracker


@settings(max_examples=40)
@given(inputs=tracker_inputs())
def test_what_the_tracker_accepts_replays_the_same_from_its_export(inputs: list[Event]) -> None:
    with tempfile.TemporaryDirectory() as folder, opened(folder) as tracker:
        accepted = []
        for event in inputs:
            try:
                accepted.append(enter(tracker, event))
            except UnscTrackerError:
                continue
        assert [entry.event for entry in tracker.history(DRAFT.id)] == accepted
        replay = tracker.replay(DRAFT.id)
        in_memory = Replay.from_events(tracker.draft(DRAFT.id), in_force(accepted))
        assert list(replay) == list(in_memory)
        for suffix in (".toml", ".json"):
            scenario = load_scenario(tracker.export(Path(folder) / f"log{suffix}"))
            assert scenario == tracker.scenario()
            assert list(scenario.replay(DRAFT.id)) == list(replay)


@settings(max_examples=40)
@given(inputs=tracker_inputs())
def test_what_the_tracker_refuses_leaves_the_log_unchanged(inputs: list[Event]) -> None:
    with tempfile.TemporaryDirectory() as folder, opened(folder) as tracker:
        path = tracker.path
        refused = 0
        for event in inputs:
            before = rows(path)
            try:
                enter(tracker, event)
            except UnscTrackerError:
                refused += 1
                assert rows(path) == before
            else:
                assert len(rows(path)) == len(before) + 1
        assert len(tracker.history(DRAFT.id)) == len(inputs) - refused
