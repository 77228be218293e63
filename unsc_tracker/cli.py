"""The ``unsc-tracker`` command: replay a scenario, count a vote, query the veto record.

Each subcommand is a thin layer over the library: it parses its arguments, calls the public
functions and prints their results, as text built from the library's own ``str()`` or, with
``--json``, as data with stable keys and ISO dates. Bad input (an unknown member, a date that
cannot be read, a missing file, an invalid scenario, a bad ballot) ends with status 2 and one
line on standard error, ``unsc-tracker: error: ...``; programming errors are left to raise.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tomllib
from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

from . import akn4un
from ._version import __version__
from .council import council
from .dates import parse_when
from .errors import AknError, BallotError, DateOutOfRecordError, UnscTrackerError
from .forecast import Expectation
from .history import (
    Veto,
    count_by_agenda,
    count_by_decade,
    count_by_member,
    count_by_year,
    vetoes,
)
from .members import MemberState
from .replay import Replay, Snapshot
from .scenarios import bundled_scenarios, load_scenario, scenario_json_schema
from .voting import Ballot, VoteResult, tally

__all__ = ["main"]

PROG = "unsc-tracker"
EXIT_OK = 0
EXIT_USAGE = 2
"""Bad input, as argparse uses for a bad command line."""

_Json = dict[str, Any]
_Ballots = dict[str | MemberState, str | Ballot]


class CliError(Exception):
    """Bad input found by the command line itself (not by the library): a message for the user."""


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); returns the exit status.

    >>> main(["vetoes", "--agenda", "Aleppo", "--count-by", "agenda"])
       2  Middle East (Syria) - Aleppo
    2 vetoed texts
    0
    """
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:  # --help, --version and usage errors: argparse has printed
        return exit_.code if isinstance(exit_.code, int) else EXIT_USAGE
    command: Callable[[argparse.Namespace], int] = args.command
    try:
        return command(args)
    except (UnscTrackerError, CliError) as err:
        return _fail(str(err))
    except BrokenPipeError:
        # The reader went away (``| head``): stop quietly, and keep Python from complaining
        # about the unflushable stdout at exit.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    except OSError as err:
        where = f"{err.filename}: " if err.filename else ""
        return _fail(f"{where}{err.strerror or err}")


def _fail(message: str) -> int:
    # One line: a multi-line message (a scenario with several problems) is joined with "; ".
    line = "; ".join(part.strip() for part in message.splitlines() if part.strip())
    print(f"{PROG}: error: {line}", file=sys.stderr)
    return EXIT_USAGE


# -- the parser ----------------------------------------------------------------------------------


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="UN Security Council draft resolutions: replay a draft's history, apply "
        "Article 27 to a vote, and query the bundled veto record.",
        epilog=f"Run '{PROG} COMMAND --help' for a command's options.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(title="commands", metavar="COMMAND", required=True)

    replay = commands.add_parser(
        "replay",
        help="replay a scenario's drafts: one line per event, or the state on a date",
        description="Replay the drafts of a scenario, bundled ("
        + ", ".join(bundled_scenarios())
        + ") or a TOML, JSON or YAML file: one line per event (date, event, stage, expected "
        "outcome or result), or with --as-of the state of each draft on that date.",
    )
    replay.add_argument("scenario", metavar="NAME_OR_FILE", help="a bundled scenario or a file")
    replay.add_argument("--draft", metavar="SYMBOL", help="only this draft (id or symbol)")
    replay.add_argument("--as-of", metavar="DATE", help="show the state on this date")
    replay.add_argument(
        "--infer",
        action="store_true",
        help="insert the steps the record leaves out (circulation, silence, blue, scheduling) "
        "instead of refusing an event the stage does not allow",
    )
    _json_flag(replay)
    replay.set_defaults(command=_replay)

    tally_ = commands.add_parser(
        "tally",
        help="apply Article 27 to a set of ballots",
        description="Count the ballots of a vote under Article 27 of the Charter on a date: the "
        "outcome (adopted, vetoed by whom, failed), the counts and any warnings. Members of "
        "that day's Council without a ballot count as absent.",
        epilog='example: unsc-tracker tally --on 2016-10-08 Russia=no "New Zealand=yes" ...',
    )
    tally_.add_argument("--on", metavar="DATE", required=True, help="the day of the vote")
    tally_.add_argument(
        "--procedural", action="store_true", help="a procedural vote: no veto (Art. 27(2))"
    )
    tally_.add_argument(
        "ballots",
        nargs="*",
        metavar="NAME=WORD",
        help="a member and its ballot: yes, no, abstain, absent or not_voting",
    )
    tally_.add_argument(
        "--file",
        metavar="F",
        type=Path,
        help="read the ballots from a JSON or TOML file mapping names to ballot words",
    )
    _json_flag(tally_)
    tally_.set_defaults(command=_tally)

    vetoes_ = commands.add_parser(
        "vetoes",
        help="list or count the bundled veto records",
        description="The vetoed texts of the bundled record, in date order, optionally filtered; "
        "or, with --count-by, how many per member, year, decade or agenda item.",
    )
    vetoes_.add_argument("--by", metavar="MEMBER", help="vetoes cast by this permanent member")
    vetoes_.add_argument("--since", metavar="DATE", help="on or after this date")
    vetoes_.add_argument("--until", metavar="DATE", help="on or before this date")
    vetoes_.add_argument("--agenda", metavar="TEXT", help="agenda items containing this text")
    vetoes_.add_argument(
        "--include-predecessors",
        action="store_true",
        help="with --by, add the vetoes of the seat's earlier holders (the USSR for Russia)",
    )
    vetoes_.add_argument(
        "--count-by",
        choices=tuple(_COUNTERS),
        help="count the records instead of listing them",
    )
    _json_flag(vetoes_)
    vetoes_.set_defaults(command=_vetoes)

    council_ = commands.add_parser(
        "council",
        help="the Security Council on a date",
        description="The members of the Council on a date, permanent ones marked (P), the "
        "president for the month where known, the size, the votes needed to adopt, and the "
        "record's notes for that day.",
    )
    council_.add_argument("date", metavar="DATE", help="e.g. 2016-10-08 or '8 October 2016'")
    _json_flag(council_)
    council_.set_defaults(command=_council)

    akn = commands.add_parser(
        "akn4un",
        help="read UN AKN4UN XML records and check their outcomes",
        description="Read an AKN4UN XML file, or a folder of them (every *.xml below, sorted: "
        "a clone of github.com/UNxml/SCresolutions). For a file: the record, how the decision "
        "was taken, its outcome as recorded and as recomputed under Article 27, and its data "
        "problems. For a folder: what was read, the problems by kind, the disagreements, the "
        "refusals and the language versions that differ. The UN's data problems are reported, "
        "not failures: the exit status is 0 when the folder was read.",
    )
    akn.add_argument("paths", nargs="+", metavar="PATH", help="an XML file or a folder")
    akn.add_argument(
        "--lang",
        metavar="LANG",
        help="in folders, read only the files in this language: en, fr, es, ru, zh, ar or de",
    )
    akn.set_defaults(command=_akn4un)

    schema = commands.add_parser(
        "schema",
        help="the JSON Schema of the scenario file format",
        description="Print the JSON Schema of a scenario file, or write it to a file.",
    )
    schema.add_argument("--output", metavar="PATH", type=Path, help="write the schema here")
    schema.set_defaults(command=_schema)
    return parser


def _json_flag(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print the result as JSON")


def _day(text: str, what: str) -> date:
    when = parse_when(text, what)
    return when.date() if isinstance(when, datetime) else when


def _print_json(data: object) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))


def _codes(states: Sequence[MemberState]) -> list[str]:
    return [state.code for state in states]


def _iso(when: date | None) -> str | None:
    return when.isoformat() if when is not None else None


# -- replay --------------------------------------------------------------------------------------


def _replay(args: argparse.Namespace) -> int:
    scenario = load_scenario(args.scenario)
    drafts = [scenario.draft(args.draft)] if args.draft else list(scenario.drafts)
    replays = [scenario.replay(draft.id, infer=args.infer) for draft in drafts]
    if args.as_of is None:
        if args.json:
            _print_json(
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
    day = _day(args.as_of, "--as-of")
    found = [_as_of(replay, day, single=args.draft is not None) for replay in replays]
    if all(snapshot is None for snapshot in found):
        starts = ", ".join(f"{r.draft.id} on {r.snapshots[0].day.isoformat()}" for r in replays)
        raise DateOutOfRecordError(f"--as-of {day.isoformat()}: the record starts later ({starts})")
    if args.json:
        _print_json(
            {
                "scenario": args.scenario,
                "as_of": day.isoformat(),
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
        _print_states(replays, found, day)
    return EXIT_OK


def _as_of(replay: Replay, day: date, *, single: bool) -> Snapshot | None:
    """The snapshot on ``day``; None before the record starts, unless only this draft was asked."""
    try:
        return replay.as_of(day)
    except DateOutOfRecordError:
        if single:
            raise
        return None


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


_EVENT_WIDTH = 52
"""The event column of a timeline; longer summaries are cut (``--json`` gives them whole)."""


def _said(snapshot: Snapshot) -> str:
    """The result once the vote is held, else the expectation, on one line."""
    if snapshot.result is not None:
        return f"result: {snapshot.result}"
    expected = snapshot.expected
    if expected.outcome is None and expected.needed > 0:
        # The swing list names up to fifteen members: it belongs to --as-of, not to a timeline.
        expected = expected.model_copy(update={"swing": ()})
    return str(expected)


def _print_states(replays: Sequence[Replay], found: Sequence[Snapshot | None], day: date) -> None:
    for number, (replay, snapshot) in enumerate(zip(replays, found, strict=True)):
        if number:
            print()
        if snapshot is None:
            start = replay.snapshots[0].day.isoformat()
            print(_heading(replay, f"no record yet on {day.isoformat()} (it starts on {start})"))
            continue
        print(_heading(replay, f"as of {day.isoformat()}"))
        print(f"  last event: {snapshot.day.isoformat()} {snapshot.event.summary}")
        print(f"  stage:      {snapshot.stage.value}")
        if snapshot.symbol is not None:
            print(f"  symbol:     {snapshot.symbol}")
        if snapshot.sponsors:
            print(f"  sponsors:   {_sponsor_names(snapshot)}")
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


def _sponsor_names(snapshot: Snapshot) -> str:
    named = [str(s.member) + ("" if s.verified else " (unverified)") for s in snapshot.sponsors]
    return ", ".join(named)


def _positions(snapshot: Snapshot) -> list[tuple[str, Any]]:
    return sorted(snapshot.positions.items())


def _draft_json(replay: Replay) -> _Json:
    draft = replay.draft
    return {"id": draft.id, "symbol": draft.symbol, "title": draft.title}


def _snapshot_json(snapshot: Snapshot) -> _Json:
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
                "joined": sponsor.joined.isoformat() if sponsor.joined is not None else None,
                "verified": sponsor.verified,
            }
            for sponsor in snapshot.sponsors
        ],
        "positions": {name: stance.value for name, stance in _positions(snapshot)},
        "expected": _expectation_json(snapshot.expected),
        "result": _result_json(snapshot.result) if snapshot.result is not None else None,
        "warnings": list(snapshot.warnings),
        "inferred": list(snapshot.inferred),
        "ga_debate_due_by": _iso(snapshot.ga_debate_due_by),
    }


def _expectation_json(expected: Expectation) -> _Json:
    return {
        "outcome": expected.outcome.value if expected.outcome is not None else None,
        "certain": expected.certain,
        "vetoed_by": _codes(expected.vetoed_by),
        "yes": expected.yes,
        "needed": expected.needed,
        "threshold": expected.threshold,
        "undecided": _codes(expected.undecided),
        "swing": _codes(expected.swing),
        "text": str(expected),
    }


def _result_json(result: VoteResult) -> _Json:
    return {
        "date": result.on.isoformat(),
        "outcome": result.outcome.value,
        "vetoed_by": _codes(result.vetoed_by),
        "counts": {
            "yes": result.yes,
            "no": result.no,
            "abstain": result.abstain,
            "absent": result.absent,
            "not_voting": result.not_voting,
        },
        "threshold": result.threshold,
        "procedural": result.procedural,
        "warnings": list(result.warnings),
        "text": str(result),
    }


# -- tally ---------------------------------------------------------------------------------------


def _tally(args: argparse.Namespace) -> int:
    day = _day(args.on, "--on")
    if args.file is not None and args.ballots:
        raise CliError("give the ballots either as NAME=WORD arguments or with --file, not both")
    if args.file is not None:
        ballots = _ballot_file(args.file)
        try:
            result = tally(ballots, on=day, procedural=args.procedural)
        except UnscTrackerError as err:
            raise CliError(f"{args.file}: {err}") from None
    else:
        if not args.ballots:
            raise CliError("no ballots: give NAME=WORD pairs (e.g. Russia=no) or --file F")
        result = tally(_ballot_args(args.ballots), on=day, procedural=args.procedural)
    if args.json:
        _print_json(_result_json(result))
    else:
        print(result)
        for warning in result.warnings:
            print(f"warning: {warning}")
    return EXIT_OK


def _ballot_args(pairs: Sequence[str]) -> _Ballots:
    ballots: _Ballots = {}
    for pair in pairs:
        name, sep, word = pair.partition("=")
        name, word = name.strip(), word.strip()
        if not sep or not name or not word:
            raise BallotError(
                f'ballot {pair!r} is not NAME=WORD: write e.g. Russia=no or "New Zealand=yes"'
            )
        if name in ballots:
            raise BallotError(f"{name!r} is given two ballots ({ballots[name]!r} and {word!r})")
        ballots[name] = word
    return ballots


def _ballot_file(path: Path) -> _Ballots:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as err:
        raise CliError(f"{path}: cannot read the ballot file ({err.strerror})") from None
    suffix = path.suffix.lower()
    data: object
    if suffix == ".json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as err:
            raise BallotError(f"{path}: not valid JSON ({err})") from None
    elif suffix == ".toml":
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as err:
            raise BallotError(f"{path}: not valid TOML ({err})") from None
    else:
        raise BallotError(f"{path}: unknown ballot file format {suffix!r}; use .json or .toml")
    if not isinstance(data, Mapping):
        raise BallotError(
            f"{path}: a ballot file maps member names to ballot words, not {type(data).__name__}"
        )
    for name, word in data.items():
        if not isinstance(word, str):
            raise BallotError(
                f"{path}: the ballot of {name!r} is {word!r}, not a word such as 'no'"
            )
    if not data:
        raise BallotError(f"{path}: no ballots in the file")
    ballots: _Ballots = {str(name): str(word) for name, word in data.items()}
    return ballots


# -- vetoes --------------------------------------------------------------------------------------


def _member_counts(records: Sequence[Veto]) -> list[_Json]:
    return [
        {"member": state.code, "name": state.name, "vetoes": count}
        for state, count in count_by_member(records).items()
    ]


def _keyed(key: str, counts: Mapping[Any, int]) -> list[_Json]:
    return [{key: value, "vetoes": count} for value, count in counts.items()]


_COUNTERS: dict[str, Callable[[Sequence[Veto]], list[_Json]]] = {
    "member": _member_counts,
    "year": lambda records: _keyed("year", count_by_year(records)),
    "decade": lambda records: _keyed("decade", count_by_decade(records)),
    "agenda": lambda records: _keyed("agenda", count_by_agenda(records)),
}


def _vetoes(args: argparse.Namespace) -> int:
    if args.include_predecessors and args.by is None:
        raise CliError("--include-predecessors needs --by MEMBER: whose seat's predecessors?")
    records = vetoes(
        args.by,
        since=_day(args.since, "--since") if args.since is not None else None,
        until=_day(args.until, "--until") if args.until is not None else None,
        agenda=args.agenda,
        include_predecessors=args.include_predecessors,
    )
    if args.count_by is not None:
        rows = _COUNTERS[args.count_by](records)
        if args.json:
            _print_json({"count_by": args.count_by, "records": len(records), "counts": rows})
            return EXIT_OK
        for row in rows:
            key = row["name"] if args.count_by == "member" else row[args.count_by]
            print(f"{row['vetoes']:>4}  {key}")
        print(f"{len(records)} vetoed {_texts(len(records))}")
        return EXIT_OK
    if args.json:
        _print_json([_veto_json(record) for record in records])
        return EXIT_OK
    for record in records:
        print(record)
    print(f"{len(records)} vetoed {_texts(len(records))}")
    return EXIT_OK


def _texts(count: int) -> str:
    return "text" if count == 1 else "texts"


def _veto_json(record: Veto) -> _Json:
    return {
        "date": record.date.isoformat(),
        "document": record.document,
        "draft_symbol": record.draft_symbol,
        "meeting": record.meeting,
        "agenda": record.agenda,
        "vetoed_by": _codes(record.vetoed_by),
        "cast_as": list(record.cast_as),
        "yes": record.yes,
        "no": record.no,
        "abstain": record.abstain,
        "source": record.source,
        "notes": record.notes,
    }


# -- council -------------------------------------------------------------------------------------


def _council(args: argparse.Namespace) -> int:
    seated = council(on=_day(args.date, "date"))
    day = seated.on.isoformat()
    if args.json:
        _print_json(
            {
                "date": day,
                "size": seated.size,
                "threshold": seated.threshold,
                "president": (
                    {"code": seated.president.code, "name": seated.president.name}
                    if seated.president is not None
                    else None
                ),
                "president_source": seated.president_source,
                "members": [
                    {
                        "code": state.code,
                        "name": state.name,
                        "name_then": seated.name_then(state),
                        "permanent": seated.is_permanent(state),
                    }
                    for state in seated.members
                ],
                "notes": list(seated.notes),
            }
        )
        return EXIT_OK
    print(
        f"Security Council on {day}: {seated.size} members, "
        f"{seated.threshold} votes in favour needed to adopt"
    )
    if seated.president is not None:
        print(f"president: {seated.name_then(seated.president)}")
        if seated.president_source:
            print(f"  source: {seated.president_source}")
    else:
        print("president: not known for this month")
    for state in seated.members:
        mark = "  (P)" if seated.is_permanent(state) else ""
        print(f"  {state.code}  {seated.name_then(state)}{mark}")
    for note in seated.notes:
        print(f"note: {note}")
    return EXIT_OK


# -- akn4un --------------------------------------------------------------------------------------


def _akn4un(args: argparse.Namespace) -> int:
    for raw in args.paths:
        if not Path(raw).exists():
            raise AknError(f"{raw}: no such file or folder")
    for raw in args.paths:
        path = Path(raw)
        if path.is_dir():
            print(akn4un.load_folder(path, language=args.lang).summary())
        else:
            print(akn4un.load(path).summary())
    return EXIT_OK


# -- schema --------------------------------------------------------------------------------------


def schema_text() -> str:
    """The scenario JSON Schema as the ``schema`` command writes it (two-space indent, newline)."""
    return json.dumps(scenario_json_schema(), ensure_ascii=False, indent=2) + "\n"


def _schema(args: argparse.Namespace) -> int:
    text = schema_text()
    if args.output is None:
        sys.stdout.write(text)
        return EXIT_OK
    try:
        args.output.write_text(text, encoding="utf-8")
    except OSError as err:
        raise CliError(f"{args.output}: cannot write the schema ({err.strerror})") from None
    print(f"wrote {args.output}")
    return EXIT_OK
