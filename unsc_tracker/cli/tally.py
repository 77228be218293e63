"""``unsc-tracker tally --on DATE NAME=WORD...``: what Article 27 makes of a set of ballots."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..errors import UnscTrackerError
from ..voting import tally
from ._common import (
    EXIT_OK,
    CliError,
    add_json_flag,
    ballot_file,
    ballot_pairs,
    day,
    print_json,
    result_json,
)

__all__ = ["register", "run"]


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "tally",
        help="apply Article 27 to a set of ballots",
        description="Count the ballots of a vote under Article 27 of the Charter on a date: the "
        "outcome (adopted, vetoed by whom, failed), the counts and any warnings. Members of "
        "that day's Council without a ballot count as absent.",
        epilog='example: unsc-tracker tally --on 2016-10-08 Russia=no "New Zealand=yes" ...',
    )
    parser.add_argument("--on", metavar="DATE", required=True, help="the day of the vote")
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
        type=Path,
        help="read the ballots from a JSON or TOML file mapping names to ballot words",
    )
    add_json_flag(parser)
    parser.set_defaults(command=run)


def run(args: argparse.Namespace) -> int:
    on = day(args.on, "--on")
    if args.file is not None and args.ballots:
        raise CliError("give the ballots either as NAME=WORD arguments or with --file, not both")
    if args.file is not None:
        ballots = ballot_file(args.file)
        try:
            result = tally(ballots, on=on, procedural=args.procedural)
        except UnscTrackerError as err:
            raise CliError(f"{args.file}: {err}") from None
    elif args.ballots:
        result = tally(ballot_pairs(args.ballots), on=on, procedural=args.procedural)
    else:
        raise CliError("no ballots: give NAME=WORD pairs (e.g. Russia=no) or --file F")
    if args.json:
        print_json(result_json(result))
        return EXIT_OK
    print(result)
    for warning in result.warnings:
        print(f"warning: {warning}")
    return EXIT_OK
