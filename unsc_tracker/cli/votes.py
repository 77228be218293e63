"""``unsc-tracker votes``: the Council's votes, member by member, from the bundled record or a
user's sources."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from typing import TYPE_CHECKING

from ._common import EXIT_OK, Json, Table, add_format, emit, listed, warn
from ._dates import span

if TYPE_CHECKING:
    from ..record import Vote

__all__ = ["register", "run"]

_VOTE_COLUMNS = (
    "symbol",
    "kind",
    "date",
    "resolution",
    "draft",
    "meeting",
    "agenda",
    "modality",
    "procedural",
    "outcome",
    "vetoed_by",
    "yes",
    "no",
    "abstain",
    "coverage",
    "source",
)
_BALLOT_COLUMNS = ("symbol", "date", "member", "name", "ballot")


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "votes",
        help="list the Council's votes, or their ballots member by member",
        description="The Council's votes in date order: every resolution since 2000 and every "
        "draft not adopted the record holds, from the bundled record, or from the sources given "
        "with --source (a UN Digital Library voting CSV, a folder of AKN4UN XML, a votes.csv in "
        "the library's format, or 'bundled'), merged by symbol. A fact the sources disagree on is "
        "kept as the first gives it and reported as a warning. Dates may be a day, a month or a "
        "year.",
    )
    parser.add_argument("--on", metavar="DATE", help="on this day, in this month or this year")
    parser.add_argument("--since", metavar="DATE", help="on or after this date")
    parser.add_argument("--until", metavar="DATE", help="on or before this date")
    parser.add_argument("--member", metavar="MEMBER", help="votes taken while it sat")
    parser.add_argument("--agenda", metavar="TEXT", help="agenda, title or subject containing this")
    parser.add_argument("--outcome", choices=("adopted", "vetoed", "failed"))
    parser.add_argument("--kind", choices=("resolution", "draft", "amendment", "part", "question"))
    parser.add_argument(
        "--source",
        metavar="PATH",
        action="append",
        help="where the votes come from, first in precedence (repeat for several)",
    )
    parser.add_argument(
        "--ballots", action="store_true", help="one row per member per vote instead of per vote"
    )
    add_format(parser)
    parser.set_defaults(command=run)


def run(args: argparse.Namespace) -> int:
    from ..record import votes

    since, until = span(args.on, args.since, args.until)
    found = votes(
        since,
        until,
        member=args.member,
        agenda=args.agenda,
        outcome=args.outcome,
        kind=args.kind,
        sources=args.source,
    )
    if args.ballots:
        rows = [row for vote in found for row in _ballot_rows(vote)]
        emit(
            args,
            text=lambda: (
                f"{row['date']} {row['symbol']}  {row['name']}: {row['ballot']}" for row in rows
            ),
            data=lambda: rows,
            table=lambda: Table(_BALLOT_COLUMNS, rows),
        )
    else:
        emit(
            args,
            text=lambda: listed(found, "vote"),
            data=lambda: [_json(vote) for vote in found],
            table=lambda: Table(_VOTE_COLUMNS, [_json(vote) for vote in found]),
        )
    for conflict in found.conflicts:
        warn(f"sources disagree: {conflict}")
    return EXIT_OK


def _json(vote: Vote) -> Json:
    return {
        "symbol": vote.symbol,
        "kind": vote.kind.value,
        "date": vote.date.isoformat(),
        "resolution": vote.resolution,
        "draft": vote.draft,
        "meeting": vote.meeting,
        "agenda": vote.agenda,
        "modality": vote.modality.value,
        "procedural": vote.procedural,
        "outcome": vote.outcome.value if vote.outcome is not None else None,
        "vetoed_by": [state.code for state in vote.vetoed_by],
        "yes": vote.yes,
        "no": vote.no,
        "abstain": vote.abstain,
        "coverage": vote.coverage.value,
        "ballots": {code: ballot.value for code, ballot in vote.ballots.items()},
        "source": vote.source,
    }


def _ballot_rows(vote: Vote) -> Iterator[Json]:
    from ..members import member

    for code, ballot in vote.ballots.items():
        yield {
            "symbol": vote.symbol,
            "date": vote.date.isoformat(),
            "member": code,
            "name": member(code).name,
            "ballot": ballot.value,
        }
