"""``unsc-tracker replay NAME_OR_FILE``: a scenario's drafts replayed, event by event, or the
state of each on a date."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from datetime import date
from typing import Any

from ..errors import DateOutOfRecordError
from ..forecast import Expectation
from ..replay import Replay, Snapshot
from ..scenarios import bundled_scenarios, load_scenario
from ._common import EXIT_OK, Json, add_json_flag, codes, day, iso, print_json, result_json

__all__ = ["register", "run"]

_EVENT_WIDTH = 52
"""The event column of a timeline; longer summaries are cut (``--json`` gives them whole)."""


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "replay",
        help="replay a scenario's drafts: one line per event, or the state on a date",
        description="Replay the drafts of a scenario, bundled ("
        + ", ".join(bundled_scenarios())
        + ") or a TOML, JSON or YAML file: one line per event (date, event, stage, expected "
        "outcome or result), or with --as-of the state of each draft on that date.",
    )
    parser.add_argument("scenario", metavar="NAME_OR_FILE", help="a bundled scenario or a file")
    parser.add_argument("--draft", metavar="SYMBOL", help="only this draft (id or symbol)")
    parser.add_argument("--as-of", metavar="DATE", help="show the state on this date")
    parser.add_argument(
        "--infer",
        action="store_true",
        help="insert the steps the record leaves out (circulation, silence, blue, scheduling) "
        "instead of refusing an event the stage does not allow",
    )
    add_json_flag(parser)
    parser.set_defaults(command=run)


def run(args: argparse.Namespace) -> int:
    scenario = load_scenario(args.scenario)
    drafts = [scenario.draft(args.draft)] if args.draft else list(scenario.drafts)
    replays = [scenario.replay(draft.id, infer=args.infer) for draft in drafts]
    if args.as_of is None:
        if args.json:
            print_json(
                {
                    "scenario": args.scenario,
                    "drafts": [
                        {**_draft_json(replay), "snapshots": [_snapshot_json(s) for s in replay]}
                        for replay in replays
                    ],
                }
            )
        else:
            _print_timelines(replays)
        return EXIT_OK
    on = day(args.as_of, "--as-of")
    found = [_as_of(replay, on, single=args.draft is not None) for replay in replays]
    if all(snapshot is None for snapshot in found):
        starts = ", ".join(f"{r.draft.id} on {r.snapshots[0].day.isoformat()}" for r in replays)
        raise DateOutOfRecordError(f"--as-of {on.isoformat()}: the record starts later ({starts})")
    if args.json:
        print_json(
            {
                "scenario": args.scenario,
                "as_of": on.isoformat(),
                "drafts": [
                    {
                        **_draft_json(replay),
                        "snapshot": _snapshot_json(snapshot) if snapshot is not None else None,
                    }
                    for replay, snapshot in zip(replays, found, strict=True)
                ],
            }
        )
    else:
        _print_states(replays, found, on)
    return EXIT_OK


def _as_of(replay: Replay, on: date, *, single: bool) -> Snapshot | None:
    """The snapshot on ``on``; None before the record starts, unless only this draft was asked."""
    try:
        return replay.as_of(on)
    except DateOutOfRecordError:
        if single:
            raise
        return None


# -- text -----------------------------------------------------------------------------------------


def _print_timelines(replays: Sequence[Replay]) -> None:
    for number, replay in enumerate(replays):
        if number:
            print()
        print(_heading(replay, f"{len(replay)} events"))
        print(f"  {'date':<10}  {'event':<{_EVENT_WIDTH}}  {'stage':<12}  expected or result")
        for snapshot in replay:
            for step in snapshot.inferred:
                print(f"  {'':<10}  inferred: {step}")
            event = snapshot.event.summary
            if len(event) > _EVENT_WIDTH:
                event = event[: _EVENT_WIDTH - 3] + "..."
            print(
                f"  {snapshot.day.isoformat():<10}  {event:<{_EVENT_WIDTH}}  "
                f"{snapshot.stage.value:<12}  {_said(snapshot)}"
            )
            for warning in snapshot.warnings:
                print(f"  {'':<10}  warning: {warning}")
            if snapshot.ga_debate_due_by is not None and snapshot.result is not None:
                print(f"  {'':<10}  {_ga_line(snapshot.ga_debate_due_by)}")


def _said(snapshot: Snapshot) -> str:
    """The result once the vote is held, else the expectation, on one line."""
    if snapshot.result is not None:
        return f"result: {snapshot.result}"
    expected = snapshot.expected
    if expected.outcome is None and expected.needed > 0:
        # The swing list names up to fifteen members: it belongs to --as-of, not to a timeline.
        expected = expected.model_copy(update={"swing": ()})
    return str(expected)


def _print_states(replays: Sequence[Replay], found: Sequence[Snapshot | None], on: date) -> None:
    for number, (replay, snapshot) in enumerate(zip(replays, found, strict=True)):
        if number:
            print()
        if snapshot is None:
            start = replay.snapshots[0].day.isoformat()
            print(_heading(replay, f"no record yet on {on.isoformat()} (it starts on {start})"))
            continue
        print(_heading(replay, f"as of {on.isoformat()}"))
        print(f"  last event: {snapshot.day.isoformat()} {snapshot.event.summary}")
        print(f"  stage:      {snapshot.stage.value}")
        if snapshot.symbol is not None:
            print(f"  symbol:     {snapshot.symbol}")
        if snapshot.sponsors:
            named = [s.member + ("" if s.verified else " (unverified)") for s in snapshot.sponsors]
            print(f"  sponsors:   {', '.join(named)}")
        if snapshot.positions:
            stances = ", ".join(f"{name}: {stance.value}" for name, stance in _positions(snapshot))
            print(f"  positions:  {stances}")
        if snapshot.result is not None:
            print(f"  result:     {snapshot.result}")
        else:
            print(f"  expected:   {snapshot.expected}")
        if snapshot.ga_debate_due_by is not None:
            print(f"  {_ga_line(snapshot.ga_debate_due_by)}")
        for warning in _warnings_until(replay, snapshot):
            print(f"  warning: {warning}")


def _warnings_until(replay: Replay, last: Snapshot) -> list[str]:
    """Every warning raised up to and including the snapshot ``last``."""
    found: list[str] = []
    for snapshot in replay:
        found += snapshot.warnings
        if snapshot is last:
            break
    return found


def _heading(replay: Replay, what: str) -> str:
    title = f" ({replay.draft.title})" if replay.draft.title else ""
    return f"{replay.draft.id}{title}: {what}"


def _ga_line(due: date) -> str:
    return f"General Assembly debate on the veto due by {due.isoformat()} (A/RES/76/262)"


def _positions(snapshot: Snapshot) -> list[tuple[str, Any]]:
    return sorted(snapshot.positions.items())


# -- JSON -----------------------------------------------------------------------------------------


def _draft_json(replay: Replay) -> Json:
    draft = replay.draft
    return {"id": draft.id, "symbol": draft.symbol, "title": draft.title}


def _snapshot_json(snapshot: Snapshot) -> Json:
    return {
        "date": snapshot.date.isoformat(),
        "event": snapshot.event.kind,
        "summary": snapshot.event.summary,
        "stage": snapshot.stage.value,
        "symbol": snapshot.symbol,
        "sponsors": [
            {
                "member": str(sponsor.member),
                "role": sponsor.role.value,
                "joined": iso(sponsor.joined),
                "verified": sponsor.verified,
            }
            for sponsor in snapshot.sponsors
        ],
        "positions": {name: stance.value for name, stance in _positions(snapshot)},
        "expected": _expectation_json(snapshot.expected),
        "result": result_json(snapshot.result) if snapshot.result is not None else None,
        "warnings": list(snapshot.warnings),
        "inferred": list(snapshot.inferred),
        "ga_debate_due_by": iso(snapshot.ga_debate_due_by),
    }


def _expectation_json(expected: Expectation) -> Json:
    return {
        "outcome": expected.outcome.value if expected.outcome is not None else None,
        "certain": expected.certain,
        "vetoed_by": codes(expected.vetoed_by),
        "yes": expected.yes,
        "needed": expected.needed,
        "threshold": expected.threshold,
        "undecided": codes(expected.undecided),
        "swing": codes(expected.swing),
        "text": str(expected),
    }
