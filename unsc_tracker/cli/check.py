"""``unsc-tracker check FILE...``: scenario files validated and replayed, without printing the
replay: each file's drafts, events and final stages, or one error line."""

from __future__ import annotations

import argparse
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, NamedTuple

from ..errors import UnscTrackerError
from ._common import EXIT_OK, Json, Table, add_format, emit, fail
from ._snapshots import load, warn_about

if TYPE_CHECKING:
    from ..replay import Replay

__all__ = ["register", "run"]

_COLUMNS = (
    "scenario",
    "valid",
    "draft",
    "events",
    "stage",
    "outcome",
    "inferred",
    "warnings",
    "error",
)


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "check",
        help="validate scenario files without printing their replay",
        description="Read each scenario file (- for standard input, or a bundled name) as "
        "replay does, validate every field and replay every draft (strictly, unless --infer), "
        "and say what it holds: its drafts, their events and final stages. A file that does "
        "not pass gets one error line on standard error, and the status is then 2; the "
        "replay's warnings go to standard error too.",
    )
    parser.add_argument("files", nargs="+", metavar="FILE", help="a scenario file, or - for stdin")
    parser.add_argument(
        "--infer",
        action="store_true",
        help="accept the steps a record leaves out, as replay --infer does",
    )
    add_format(parser)
    parser.set_defaults(command=run)


class _Checked(NamedTuple):
    """One file: its name, its replays when valid, else the error."""

    name: str
    replays: tuple[Replay, ...]
    error: str | None


def run(args: argparse.Namespace) -> int:
    checked = [_check(name, infer=args.infer) for name in args.files]
    emit(
        args,
        text=lambda: _text(checked),
        data=lambda: [_json(item) for item in checked],
        table=lambda: Table(_COLUMNS, [row for item in checked for row in _rows(item)]),
    )
    for item in checked:
        for replay in item.replays:
            warn_about(replay, replay.snapshots)
    status = EXIT_OK
    for item in checked:
        if item.error is not None:
            status = fail(item.error)
    return status


def _check(name: str, *, infer: bool) -> _Checked:
    shown = "<stdin>" if name == "-" else name
    try:
        scenario = load(name)
        replays = tuple(scenario.replay(draft.id, infer=infer) for draft in scenario.drafts)
    except UnscTrackerError as err:
        message = str(err)
        if not message.startswith(shown):
            message = f"{shown}: {message}"
        return _Checked(shown, (), message)
    return _Checked(shown, replays, None)


def _text(checked: Sequence[_Checked]) -> Iterator[str]:
    from ..wording import plural

    for item in checked:
        if item.error is not None:
            continue  # its error line is on standard error
        events = sum(len(replay) for replay in item.replays)
        drafts = plural(len(item.replays), "draft")
        yield f"{item.name}: valid, {drafts}, {plural(events, 'event')}"
        for replay in item.replays:
            if not len(replay):
                yield f"  {replay.draft.id}: no events"
                continue
            yield f"  {replay.draft.id}: {plural(len(replay), 'event')}, {_end(replay)}"


def _end(replay: Replay) -> str:
    final = replay.final
    said = final.result if final.result is not None else final.expected
    return f"{final.stage.value}: {said}"


def _json(item: _Checked) -> Json:
    return {
        "scenario": item.name,
        "valid": item.error is None,
        "error": item.error,
        "drafts": [
            {
                "id": replay.draft.id,
                "events": len(replay),
                "stage": replay.final.stage.value if len(replay) else None,
                "outcome": _outcome(replay),
                "inferred": sum(len(s.inferred) for s in replay),
                "warnings": list(replay.warnings),
            }
            for replay in item.replays
        ],
    }


def _outcome(replay: Replay) -> str | None:
    if not len(replay):
        return None
    outcome = replay.final.outcome
    return outcome.value if outcome is not None else None


def _rows(item: _Checked) -> Iterator[dict[str, object]]:
    if item.error is not None:
        yield {"scenario": item.name, "valid": False, "error": item.error}
    for replay in item.replays:
        yield {
            "scenario": item.name,
            "valid": True,
            "draft": replay.draft.id,
            "events": len(replay),
            "stage": replay.final.stage if len(replay) else None,
            "outcome": _outcome(replay),
            "inferred": sum(len(s.inferred) for s in replay),
            "warnings": len(replay.warnings),
        }
