"""``unsc-tracker tally --on DATE NAME=WORD...``: what Article 27 makes of a set of ballots."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from ..errors import UnscTrackerError
from ._common import (
    EXIT_OK,
    CliError,
    Table,
    add_format,
    ballot_file,
    ballot_pairs,
    day,
    emit,
    result_json,
    warn,
)

if TYPE_CHECKING:
    from ..voting import VoteResult

__all__ = ["register", "run"]

_COLUMNS = (
    "date",
    "outcome",
    "vetoed_by",
    "yes",
    "no",
    "abstain",
    "absent",
    "not_voting",
    "threshold",
    "procedural",
    "text",
    "warnings",
)


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "tally",
        help="apply Article 27 to a set of ballots",
        description="Count the ballots of a vote under Article 27 of the Charter on a date: the "
        "outcome (adopted, vetoed by whom, failed), the counts and any warnings (on standard "
        "error). Members of that day's Council without a ballot count as absent.",
        epilog='example: unsc-tracker tally --on 2016-10-08 Russia=no "New Zealand=yes" ...',
    )
    parser.add_argument(
        "--on", metavar="DATE", required=True, help="the day of the vote (a day, or today)"
    )
    parser.add_argument(
        "--procedural", action="store_true", help="a procedural vote: no veto (Art. 27(2))"
    )
    parser.add_argument(
        "ballots",
        nargs="*",
        metavar="NAME=WORD",
        help="a member and its ballot: yes, no, abstain, absent or not_voting",
    )
    parser.add_argument(
        "--file",
        metavar="F",
        help="read the ballots from a JSON or TOML file mapping names to ballot words "
        "(- for standard input: JSON when it starts with {, else TOML)",
    )
    add_format(parser)
    parser.set_defaults(command=run, trailing="ballots")


def run(args: argparse.Namespace) -> int:
    from ..voting import tally

    on = day(args.on, "--on")
    if args.file is not None and args.ballots:
        raise CliError("give the ballots either as NAME=WORD arguments or with --file, not both")
    if args.file is not None:
        ballots = ballot_file(args.file)
        try:
            result = tally(ballots, on=on, procedural=args.procedural)
        except UnscTrackerError as err:
            where = "<stdin>" if args.file == "-" else args.file
            raise CliError(f"{where}: {err}") from None
    elif args.ballots:
        result = tally(ballot_pairs(args.ballots), on=on, procedural=args.procedural)
    else:
        raise CliError("no ballots: give NAME=WORD pairs (e.g. Russia=no) or --file F")
    emit(
        args,
        text=lambda: [str(result)],
        data=lambda: result_json(result),
        table=lambda: Table(_COLUMNS, [_row(result)]),
    )
    for warning in result.warnings:
        warn(warning)
    return EXIT_OK


def _row(result: VoteResult) -> dict[str, object]:
    data = result_json(result)
    counts = data.pop("counts")
    return {**data, **counts}
