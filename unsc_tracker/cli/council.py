"""``unsc-tracker council DATE``: the Security Council on a day."""

from __future__ import annotations

import argparse

from ..council import Council, council
from ._common import EXIT_OK, Json, add_json_flag, day, print_json

__all__ = ["register", "run"]


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "council",
        help="the Security Council on a date",
        description="The members of the Council on a date, permanent ones marked (P), the "
        "president for the month where known, the size, the votes needed to adopt, and the "
        "record's notes for that day.",
    )
    parser.add_argument("date", metavar="DATE", help="e.g. 2016-10-08 or '8 October 2016'")
    add_json_flag(parser)
    parser.set_defaults(command=run)


def run(args: argparse.Namespace) -> int:
    seated = council(on=day(args.date, "date"))
    if args.json:
        print_json(_json(seated))
        return EXIT_OK
    print(
        f"Security Council on {seated.on.isoformat()}: {seated.size} members, "
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


def _json(seated: Council) -> Json:
    president = seated.president
    return {
        "date": seated.on.isoformat(),
        "size": seated.size,
        "threshold": seated.threshold,
        "president": (
            {"code": president.code, "name": president.name} if president is not None else None
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
