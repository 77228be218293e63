"""``unsc-tracker vetoes``: the bundled veto record, listed or counted."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from ._common import EXIT_OK, CliError, Json, Table, add_format, codes, emit, listed, warn
from ._dates import span

if TYPE_CHECKING:
    from ..history import Veto
    from ..veto import RecordGap

__all__ = ["register", "run"]

_COUNT_BY = ("member", "year", "decade", "agenda")
_COLUMNS = (
    "date",
    "document",
    "draft_symbol",
    "meeting",
    "agenda",
    "vetoed_by",
    "cast_as",
    "yes",
    "no",
    "abstain",
    "source",
    "notes",
)


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "vetoes",
        help="list or count the bundled veto records",
        description="The vetoed texts of the bundled record, in date order, optionally filtered; "
        "or, with --count-by, how many per member, year, decade or agenda item. Dates may be a "
        "day, a month (2016-10, 'October 2016') or a year (2016): --since takes its first day, "
        "--until its last, --on the whole of it.",
    )
    parser.add_argument("--by", metavar="MEMBER", help="vetoes cast by this permanent member")
    parser.add_argument("--on", metavar="DATE", help="on this day, in this month or this year")
    parser.add_argument("--since", metavar="DATE", help="on or after this date")
    parser.add_argument("--until", metavar="DATE", help="on or before this date")
    parser.add_argument("--agenda", metavar="TEXT", help="agenda items containing this text")
    parser.add_argument(
        "--include-predecessors",
        action="store_true",
        help="with --by, add the vetoes of the seat's earlier holders (the USSR for Russia)",
    )
    parser.add_argument(
        "--count-by", choices=_COUNT_BY, help="count the records instead of listing them"
    )
    add_format(parser)
    parser.set_defaults(command=run)


def run(args: argparse.Namespace) -> int:
    from ..history import vetoes

    if args.include_predecessors and args.by is None:
        raise CliError("--include-predecessors needs --by MEMBER: whose seat's predecessors?")
    since, until = span(args.on, args.since, args.until)
    records = vetoes(
        args.by,
        since=since,
        until=until,
        agenda=args.agenda,
        include_predecessors=args.include_predecessors,
    )
    if args.count_by is not None:
        rows = _counts(args.count_by, records)
        by = args.count_by
        columns = ("member", "name", "vetoes") if by == "member" else (by, "vetoes")
        emit(
            args,
            text=lambda: _count_lines(args.count_by, rows, len(records)),
            data=lambda: {
                "count_by": args.count_by,
                "records": len(records),
                "counts": rows,
                "gaps": [_gap_json(gap) for gap in records.gaps],
            },
            table=lambda: Table(columns, rows),
        )
    else:
        emit(
            args,
            text=lambda: listed(records, "vetoed text"),
            data=lambda: [_json(record) for record in records],
            table=lambda: Table(_COLUMNS, [_json(record) for record in records]),
        )
    for gap in records.gaps:  # what the record is known to lack for this question
        warn(f"known gap in the record, {gap}")
    return EXIT_OK


def _counts(by: str, records: Sequence[Veto]) -> list[Json]:
    """The counts ``--count-by`` asks for, as rows with the count under ``vetoes``."""
    from ..history import count_by_agenda, count_by_decade, count_by_member, count_by_year

    if by == "member":
        return [
            {"member": state.code, "name": state.name, "vetoes": count}
            for state, count in count_by_member(records).items()
        ]
    counters: dict[str, Callable[[Sequence[Veto]], Mapping[Any, int]]] = {
        "year": count_by_year,
        "decade": count_by_decade,
        "agenda": count_by_agenda,
    }
    return [{by: value, "vetoes": count} for value, count in counters[by](records).items()]


def _count_lines(by: str, rows: Sequence[Json], records: int) -> Iterator[str]:
    from ..wording import plural

    for row in rows:
        key = row["name"] if by == "member" else row[by]
        yield f"{row['vetoes']:>4}  {key}"
    yield plural(records, "vetoed text")


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


def _gap_json(gap: RecordGap) -> Json:
    return {
        "members": codes(gap.members),
        "since": gap.since.isoformat(),
        "until": gap.until.isoformat() if gap.until is not None else None,
        "what": gap.what,
        "source": gap.source,
    }
