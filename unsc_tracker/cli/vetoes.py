"""``unsc-tracker vetoes``: the bundled veto record, listed or counted."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from ..history import (
    Veto,
    count_by_agenda,
    count_by_decade,
    count_by_member,
    count_by_year,
    vetoes,
)
from ..wording import plural
from ._common import EXIT_OK, CliError, Json, add_json_flag, codes, optional_day, print_json

__all__ = ["register", "run"]


def _member_counts(records: Sequence[Veto]) -> list[Json]:
    return [
        {"member": state.code, "name": state.name, "vetoes": count}
        for state, count in count_by_member(records).items()
    ]


def _keyed(key: str, counts: Mapping[Any, int]) -> list[Json]:
    return [{key: value, "vetoes": count} for value, count in counts.items()]


_COUNTERS: dict[str, Callable[[Sequence[Veto]], list[Json]]] = {
    "member": _member_counts,
    "year": lambda records: _keyed("year", count_by_year(records)),
    "decade": lambda records: _keyed("decade", count_by_decade(records)),
    "agenda": lambda records: _keyed("agenda", count_by_agenda(records)),
}
"""What ``--count-by`` counts by, each as rows with the count under ``vetoes``."""


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "vetoes",
        help="list or count the bundled veto records",
        description="The vetoed texts of the bundled record, in date order, optionally filtered; "
        "or, with --count-by, how many per member, year, decade or agenda item.",
    )
    parser.add_argument("--by", metavar="MEMBER", help="vetoes cast by this permanent member")
    parser.add_argument("--since", metavar="DATE", help="on or after this date")
    parser.add_argument("--until", metavar="DATE", help="on or before this date")
    parser.add_argument("--agenda", metavar="TEXT", help="agenda items containing this text")
    parser.add_argument(
        "--include-predecessors",
        action="store_true",
        help="with --by, add the vetoes of the seat's earlier holders (the USSR for Russia)",
    )
    parser.add_argument(
        "--count-by", choices=tuple(_COUNTERS), help="count the records instead of listing them"
    )
    add_json_flag(parser)
    parser.set_defaults(command=run)


def run(args: argparse.Namespace) -> int:
    if args.include_predecessors and args.by is None:
        raise CliError("--include-predecessors needs --by MEMBER: whose seat's predecessors?")
    records = vetoes(
        args.by,
        since=optional_day(args.since, "--since"),
        until=optional_day(args.until, "--until"),
        agenda=args.agenda,
        include_predecessors=args.include_predecessors,
    )
    if args.count_by is not None:
        rows = _COUNTERS[args.count_by](records)
        if args.json:
            print_json({"count_by": args.count_by, "records": len(records), "counts": rows})
            return EXIT_OK
        for row in rows:
            key = row["name"] if args.count_by == "member" else row[args.count_by]
            print(f"{row['vetoes']:>4}  {key}")
    elif args.json:
        print_json([_json(record) for record in records])
        return EXIT_OK
    else:
        for record in records:
            print(record)
    print(plural(len(records), "vetoed text"))
    return EXIT_OK


def _json(record: Veto) -> Json:
    return {
        "date": record.date.isoformat(),
        "document": record.document,
        "draft_symbol": record.draft_symbol,
        "meeting": record.meeting,
        "agenda": record.agenda,
        "vetoed_by": codes(record.vetoed_by),
        "cast_as": list(record.cast_as),
        "yes": record.yes,
        "no": record.no,
        "abstain": record.abstain,
        "source": record.source,
        "notes": record.notes,
    }
