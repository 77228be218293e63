"""``unsc-tracker replay NAME_OR_FILE``: a scenario's drafts replayed, event by event, or the
state of each on a day."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from ._common import EXIT_OK, CliError, Table, add_format, day, emit, period
from ._snapshots import (
    SNAPSHOT_COLUMNS,
    draft_json,
    load,
    snapshot_json,
    snapshot_row,
    state_lines,
    timeline_lines,
    until,
    warn_about,
)

if TYPE_CHECKING:
    from ..replay import Replay, Snapshot

__all__ = ["register", "run"]

_BUNDLED = Path(__file__).parents[1] / "data" / "scenarios"


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    bundled = ", ".join(sorted(path.stem for path in _BUNDLED.glob("*.toml")))
    parser = commands.add_parser(
        "replay",
        help="replay a scenario's drafts: one line per event, or the state on a day",
        description=f"Replay the drafts of a scenario, bundled ({bundled}) or a TOML, JSON or "
        "YAML file (- for standard input): one line per event (date, event, stage, expected "
        "outcome or result), or with --on the state of each draft on that day. Warnings go to "
        "standard error.",
    )
    parser.add_argument(
        "scenario", metavar="NAME_OR_FILE", help="a bundled scenario, a file, or - for stdin"
    )
    parser.add_argument("--draft", metavar="SYMBOL", help="only this draft (id or symbol)")
    parser.add_argument("--on", metavar="DATE", help="show the state on this day (or today)")
    parser.add_argument("--as-of", dest="on", metavar="DATE", help=argparse.SUPPRESS)
    parser.add_argument(
        "--since", metavar="DATE", help="only the events on or after this day, month or year"
    )
    parser.add_argument(
        "--until", metavar="DATE", help="only the events on or before this day, month or year"
    )
    parser.add_argument(
        "--infer",
        action="store_true",
        help="insert the steps the record leaves out (circulation, silence, blue, scheduling) "
        "instead of refusing an event the stage does not allow",
    )
    add_format(parser)
    parser.set_defaults(command=run)


def run(args: argparse.Namespace) -> int:
    if args.on is not None and (args.since is not None or args.until is not None):
        raise CliError(
            "give --on (the state on a day), or --since and --until (the events "
            "of a span), not both"
        )
    on = None
    if args.on is not None:
        span = f"--since {args.on} --until {args.on}"
        on = day(args.on, "--on", hint=f"for the events of that span, write {span}")
    first = period(args.since, "--since").first if args.since is not None else None
    last = period(args.until, "--until").last if args.until is not None else None
    if first is not None and last is not None and first > last:
        raise CliError(f"--since {args.since} is after --until {args.until}")
    scenario = load(args.scenario)
    drafts = [scenario.draft(args.draft)] if args.draft else list(scenario.drafts)
    replays = [scenario.replay(draft.id, infer=args.infer) for draft in drafts]
    name = "<stdin>" if args.scenario == "-" else args.scenario
    if on is None:
        _timelines(args, name, replays, first, last)
    else:
        _states(args, name, replays, on)
    return EXIT_OK


def _timelines(
    args: argparse.Namespace,
    name: str,
    replays: list[Replay],
    first: date | None,
    last: date | None,
) -> None:
    shown = [
        [s for s in replay if (first is None or s.day >= first) and (last is None or s.day <= last)]
        for replay in replays
    ]

    def text() -> list[str]:
        lines: list[str] = []
        span = None
        if first is not None or last is not None:
            span = f"from {first or 'the start'} to {last or 'the end'}"
        for replay, snapshots in zip(replays, shown, strict=True):
            lines += ([""] if lines else []) + list(timeline_lines(replay, snapshots, span))
        return lines

    emit(
        args,
        text=text,
        data=lambda: {
            "scenario": name,
            "drafts": [
                {**draft_json(replay), "snapshots": [snapshot_json(s) for s in snapshots]}
                for replay, snapshots in zip(replays, shown, strict=True)
            ],
        },
        table=lambda: Table(
            SNAPSHOT_COLUMNS,
            [
                snapshot_row(replay.draft.id, s)
                for replay, snapshots in zip(replays, shown, strict=True)
                for s in snapshots
            ],
        ),
    )
    for replay, snapshots in zip(replays, shown, strict=True):
        warn_about(replay, snapshots)


def _states(args: argparse.Namespace, name: str, replays: list[Replay], on: date) -> None:
    found = [_as_of(replay, on) for replay in replays]

    def text() -> list[str]:
        lines: list[str] = []
        for replay, snapshot in zip(replays, found, strict=True):
            lines += ([""] if lines else []) + list(state_lines(replay, snapshot, on))
        return lines

    emit(
        args,
        text=text,
        data=lambda: {
            "scenario": name,
            "as_of": on.isoformat(),
            "drafts": [
                {
                    **draft_json(replay),
                    "snapshot": snapshot_json(snapshot) if snapshot is not None else None,
                }
                for replay, snapshot in zip(replays, found, strict=True)
            ],
        },
        table=lambda: Table(
            ("as_of", *SNAPSHOT_COLUMNS),
            [
                {"as_of": on, **snapshot_row(replay.draft.id, snapshot)}
                for replay, snapshot in zip(replays, found, strict=True)
            ],
        ),
    )
    for replay, snapshot in zip(replays, found, strict=True):
        warn_about(replay, until(replay, snapshot))


def _as_of(replay: Replay, on: date) -> Snapshot | None:
    """The snapshot on ``on``; None before the record starts (or for a draft with no events)."""
    from ..errors import DateOutOfRecordError

    if not len(replay):
        return None
    try:
        return replay.as_of(on)
    except DateOutOfRecordError:
        return None
