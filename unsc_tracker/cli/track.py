"""``unsc-tracker track add|show|history|retract|export|import``: drafts followed live, in a
tracker log (:class:`~unsc_tracker.tracker.Tracker`).

The log is the SQLite file given by ``--log FILE``, or else by the environment variable
``UNSC_TRACKER_LOG``. ``add`` and ``import`` create it; the other subcommands need it to exist.
An event is typed as its kind and ``FIELD=VALUE`` arguments (see :func:`event_fields`).
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Iterator, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from ._common import (
    EXIT_OK,
    STDIN,
    CliError,
    Json,
    Table,
    add_format,
    day,
    emit,
)
from ._snapshots import (
    SNAPSHOT_COLUMNS,
    draft_json,
    load,
    snapshot_json,
    snapshot_row,
    state_lines,
    until,
    warn_about,
)

if TYPE_CHECKING:
    from ..replay import Replay, Snapshot
    from ..tracker import Entry, Tracker

__all__ = ["LOG_VARIABLE", "event_fields", "register"]

LOG_VARIABLE = "UNSC_TRACKER_LOG"
"""The environment variable naming the tracker log when ``--log`` is not given."""

_HISTORY_COLUMNS = ("draft", "seq", "date", "kind", "summary", "recorded", "source", "withdrawn_by")
_DRAFT_COLUMNS = ("draft", "symbol", "title", "events", "date", "stage", "outcome", "said")


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "track",
        help="follow drafts live in a tracker log: add events, show, history, export",
        description="Follow drafts live in a tracker log (an append-only SQLite file): add each "
        "event as it is reported, checked against the draft's replay before it is written; "
        f"show a draft's state; list its log; retract an event; export the log to a scenario "
        f"file or import one. The log is --log FILE, or else ${LOG_VARIABLE}.",
    )
    actions = parser.add_subparsers(title="actions", metavar="ACTION", required=True)
    log = argparse.ArgumentParser(add_help=False)
    log.add_argument("--log", metavar="FILE", help=f"the tracker log (default: ${LOG_VARIABLE})")

    add = actions.add_parser(
        "add",
        parents=[log],
        help="add an event to a draft's log",
        description="Check an event against the draft's log and append it; print the state it "
        "leaves the draft in. Fields are FIELD=VALUE: a field given twice, or a list field "
        "(members, parties, by of revived), is a list; NAME.KEY=VALUE sets one key of a table "
        "(ballots.Russia=no, date.report=2016-10-05 date.day=Monday); a value starting with [ "
        "or { is read as JSON.",
        epilog="example: unsc-tracker track add S/2026/123 put_in_blue --date 2026-11-30T11:20 "
        "--log drafts.sqlite",
    )
    add.add_argument("draft", metavar="SYMBOL", help="the draft (its symbol, or any name)")
    add.add_argument("kind", metavar="KIND", help="the kind of event: circulated, put_in_blue...")
    add.add_argument("fields", nargs="*", metavar="FIELD=VALUE", help="the event's fields")
    add.add_argument(
        "--date", metavar="DATE", help="when it happened (a day, a day and time, today)"
    )
    add.add_argument("--source", metavar="TEXT", help="where it is reported: a symbol or address")
    add.add_argument("--note", metavar="TEXT", help="a note")
    add_format(add)
    add.set_defaults(command=_add, trailing="fields")

    show = actions.add_parser(
        "show",
        parents=[log],
        help="the state of a draft, or of every draft",
        description="The state of the draft: the last event, stage, sponsors, positions and the "
        "expected outcome or the result, now or --on a day. Without a draft, one line per draft.",
    )
    show.add_argument("draft", nargs="?", metavar="SYMBOL", help="the draft (default: all)")
    show.add_argument("--on", metavar="DATE", help="the state on this day (or today)")
    add_format(show)
    show.set_defaults(command=_show)

    history = actions.add_parser(
        "history",
        parents=[log],
        help="a draft's log as recorded, retractions included",
        description="Every event of the draft's log: its number, date, summary, when it was "
        "recorded (UTC), its source, and the retraction that withdraws it, if any.",
    )
    history.add_argument("draft", metavar="SYMBOL", help="the draft")
    add_format(history)
    history.set_defaults(command=_history)

    retract = actions.add_parser(
        "retract",
        parents=[log],
        help="withdraw an event by a new one",
        description="Withdraw event SEQ of the draft's log (its number in 'track history') by "
        "appending a retraction; print the corrected state. Nothing is ever deleted.",
    )
    retract.add_argument("draft", metavar="SYMBOL", help="the draft")
    retract.add_argument("seq", metavar="SEQ", type=_seq, help="the number of the event")
    retract.add_argument("--reason", required=True, metavar="TEXT", help="why it is withdrawn")
    retract.add_argument("--date", metavar="DATE", help="the day of the correction (default today)")
    retract.add_argument("--source", metavar="TEXT", help="where the correction comes from")
    add_format(retract)
    retract.set_defaults(command=_retract)

    export = actions.add_parser(
        "export",
        parents=[log],
        help="write drafts to a scenario file",
        description="Write the drafts (all, or those named) to a scenario file: TOML, JSON or "
        "YAML by its suffix, or to standard output for - (in the format --to names).",
    )
    export.add_argument("file", metavar="FILE", help="the scenario file, or - for stdout")
    export.add_argument("drafts", nargs="*", metavar="SYMBOL", help="the drafts (default: all)")
    export.add_argument(
        "--to", choices=("toml", "json", "yaml"), default="toml", help="the format for -"
    )
    export.set_defaults(command=_export)

    import_ = actions.add_parser(
        "import",
        parents=[log],
        help="add a scenario's drafts to the log",
        description="Append the drafts of a scenario (a file, a bundled name, or - for "
        "standard input) to the log, all or nothing.",
    )
    import_.add_argument("scenario", metavar="NAME_OR_FILE", help="the scenario")
    import_.set_defaults(command=_import)


def _seq(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not an event number (1, 2, 3...)")
    return int(text)


def _open(args: argparse.Namespace, *, create: bool) -> Tracker:
    from ..tracker import Tracker

    path = args.log or os.environ.get(LOG_VARIABLE)
    if not path:
        raise CliError(f"no tracker log: give --log FILE or set {LOG_VARIABLE}")
    if not create and not os.path.exists(path):
        raise CliError(f"{path}: no such tracker log")
    return Tracker(path)


# -- writing --------------------------------------------------------------------------------------


def event_fields(kind: str, pairs: Sequence[str]) -> dict[str, Any]:
    """The fields of an event of ``kind`` from ``FIELD=VALUE`` arguments.

    A field given twice is a list, and so is a list field of the kind given once
    (``members=France``); ``NAME.KEY=VALUE`` sets a key of a table (``ballots.Russia=no``); a
    value that starts with ``[`` or ``{`` is JSON.

    >>> event_fields("sponsor_joined", ["members=France", "members=Spain", "role=co_sponsor"])
    {'members': ['France', 'Spain'], 'role': 'co_sponsor'}
    >>> event_fields("vote_held", ["ballots.Russia=no", 'ballots.New Zealand=yes'])
    {'ballots': {'Russia': 'no', 'New Zealand': 'yes'}}
    """
    fields: dict[str, Any] = {}
    lists = _list_fields(kind)
    for pair in pairs:
        name, sep, raw = pair.partition("=")
        if not sep or not name.strip():
            raise CliError(f"field {pair!r} is not FIELD=VALUE: write e.g. audience=all15")
        keys = [key.strip() for key in name.split(".", 1)]
        value = _value(raw.strip(), pair)
        table = fields
        if len(keys) == 2:
            table = fields.setdefault(keys[0], {})
            if not isinstance(table, dict):
                raise CliError(f"field {keys[0]!r} is given both as a value and as a table")
        key = keys[-1]
        if key in table:
            previous = table[key]
            table[key] = [*previous, value] if isinstance(previous, list) else [previous, value]
        elif len(keys) == 1 and key in lists and not isinstance(value, list):
            table[key] = [value]
        else:
            table[key] = value
    return fields


def _value(raw: str, pair: str) -> Any:
    """The value of a field: JSON, read as the library reads a file (a key given twice, deep
    nesting or a lone surrogate refused), when it starts with ``[`` or ``{``; else the text."""
    if raw[:1] in ("[", "{"):
        from ..formats import parse

        return parse(raw, ".json", f"field {pair!r}", CliError, "value")
    return raw


def _list_fields(kind: str) -> set[str]:
    """The fields of the event ``kind`` that hold a list (``members``, ``parties``...)."""
    import typing

    from ..events import Event

    union = typing.get_args(Event)[0]
    for model in typing.get_args(union):
        if kind in typing.get_args(model.model_fields["kind"].annotation):
            return {
                name for name, field in model.model_fields.items() if _is_list(field.annotation)
            }
    return set()


def _is_list(annotation: Any) -> bool:
    import types
    import typing

    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        return any(_is_list(arg) for arg in typing.get_args(annotation))
    return origin in (tuple, list)


def _when(text: str) -> Any:
    return day(text, "--date") if text.strip().casefold() == "today" else text


def _add(args: argparse.Namespace) -> int:
    fields = event_fields(args.kind, args.fields)
    for option in ("date", "source", "note"):
        value = getattr(args, option)
        if value is not None:
            if option in fields:
                raise CliError(f"give the {option} once: --{option} or {option}=..., not both")
            fields[option] = _when(value) if option == "date" else value
    with _open(args, create=True) as tracker:
        snapshot = tracker.add(args.draft, args.kind, **fields)
        replay = tracker.replay(args.draft)
    _print_state(args, replay, snapshot, snapshot.day)
    warn_about(replay, [snapshot])
    return EXIT_OK


def _retract(args: argparse.Namespace) -> int:
    with _open(args, create=False) as tracker:
        replay = tracker.retract(
            args.draft,
            args.seq,
            reason=args.reason,
            date=_when(args.date) if args.date is not None else None,
            source=args.source,
        )
    final = replay.snapshots[-1] if len(replay) else None
    _print_state(args, replay, final, None)
    return EXIT_OK


def _export(args: argparse.Namespace) -> int:
    import sys
    import tempfile
    from pathlib import Path

    with _open(args, create=False) as tracker:
        if args.file != STDIN:
            tracker.export(args.file, *args.drafts)
            print(f"wrote {args.file}")
            return EXIT_OK
        with tempfile.TemporaryDirectory() as folder:
            path = tracker.export(Path(folder) / f"scenario.{args.to}", *args.drafts)
            sys.stdout.write(path.read_text(encoding="utf-8"))
    return EXIT_OK


def _import(args: argparse.Namespace) -> int:
    scenario = load(args.scenario)
    with _open(args, create=True) as tracker:
        ids = tracker.import_scenario(scenario)
        print(f"imported {', '.join(ids)} into {tracker.path}")
    return EXIT_OK


# -- reading --------------------------------------------------------------------------------------


def _show(args: argparse.Namespace) -> int:
    on = day(args.on, "--on") if args.on is not None else None
    with _open(args, create=False) as tracker:
        keys = [args.draft] if args.draft is not None else list(tracker.drafts())
        replays = [tracker.replay(key) for key in keys]
    if args.draft is not None:
        replay = replays[0]
        snapshot = _as_of(replay, on)
        _print_state(args, replay, snapshot, on)
        warn_about(replay, until(replay, snapshot))
        return EXIT_OK
    found = [_as_of(replay, on) for replay in replays]
    emit(
        args,
        text=lambda: _draft_lines(replays, found),
        data=lambda: [
            {**draft_json(r), "snapshot": snapshot_json(s) if s is not None else None}
            for r, s in zip(replays, found, strict=True)
        ],
        table=lambda: Table(
            _DRAFT_COLUMNS, [_draft_row(r, s) for r, s in zip(replays, found, strict=True)]
        ),
    )
    return EXIT_OK


def _history(args: argparse.Namespace) -> int:
    with _open(args, create=False) as tracker:
        draft = tracker.draft(args.draft)
        entries = tracker.history(args.draft)
    emit(
        args,
        text=lambda: _history_lines(draft.id, entries),
        data=lambda: [_entry_row(draft.id, entry, iso=True) for entry in entries],
        table=lambda: Table(_HISTORY_COLUMNS, [_entry_row(draft.id, e) for e in entries]),
    )
    return EXIT_OK


def _as_of(replay: Replay, on: date | None) -> Snapshot | None:
    from ..errors import DateOutOfRecordError

    if not len(replay):
        return None
    if on is None:
        return replay.snapshots[-1]
    try:
        return replay.as_of(on)
    except DateOutOfRecordError:
        return None


def _print_state(
    args: argparse.Namespace, replay: Replay, snapshot: Snapshot | None, on: date | None
) -> None:
    emit(
        args,
        text=lambda: state_lines(replay, snapshot, on),
        data=lambda: {
            **draft_json(replay),
            "snapshot": snapshot_json(snapshot) if snapshot is not None else None,
        },
        table=lambda: Table(SNAPSHOT_COLUMNS, [snapshot_row(replay.draft.id, snapshot)]),
    )


def _draft_lines(replays: Sequence[Replay], found: Sequence[Snapshot | None]) -> Iterator[str]:
    from ..wording import plural

    if not replays:
        yield "no drafts in the log"
    for replay, snapshot in zip(replays, found, strict=True):
        row = _draft_row(replay, snapshot)
        if snapshot is None:
            yield f"{replay.draft.id}: {plural(len(replay), 'event')}, none yet on that day"
            continue
        yield (
            f"{replay.draft.id}: {plural(len(replay), 'event')}, last on "
            f"{snapshot.day.isoformat()}, {snapshot.stage.value}: {row['said']}"
        )


def _draft_row(replay: Replay, snapshot: Snapshot | None) -> dict[str, object]:
    row: dict[str, object] = {
        "draft": replay.draft.id,
        "symbol": replay.draft.symbol,
        "title": replay.draft.title,
        "events": len(replay),
    }
    if snapshot is not None:
        said = snapshot.result if snapshot.result is not None else snapshot.expected
        row |= {
            "date": snapshot.date,
            "stage": snapshot.stage,
            "outcome": snapshot.outcome,
            "said": str(said),
        }
    return row


def _history_lines(draft: str, entries: Sequence[Entry]) -> Iterator[str]:
    yield f"{draft}: {len(entries)} events recorded"
    for entry in entries:
        withdrawn = f"  (withdrawn by {entry.withdrawn_by})" if entry.withdrawn_by else ""
        recorded = entry.recorded.strftime("%Y-%m-%dT%H:%MZ")
        yield (
            f"  {entry.seq:>3}  {_day(entry)}  {entry.event.summary}  "
            f"[recorded {recorded}]{withdrawn}"
        )
        if entry.source:
            yield f"       source: {entry.source}"


def _day(entry: Entry) -> str:
    from ..events import day_of

    return day_of(entry.event.date).isoformat()


def _entry_row(draft: str, entry: Entry, *, iso: bool = False) -> Json:
    row: Json = {
        "draft": draft,
        "seq": entry.seq,
        "date": entry.event.date,
        "kind": entry.event.kind,
        "summary": entry.event.summary,
        "recorded": entry.recorded,
        "source": entry.source,
        "withdrawn_by": entry.withdrawn_by,
    }
    if iso:
        row["date"] = row["date"].isoformat()
        row["recorded"] = row["recorded"].isoformat()
    return row
