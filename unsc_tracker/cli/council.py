"""``unsc-tracker council --on DATE``: the Security Council on a day, or through a month."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterator, Sequence
from datetime import date
from typing import TYPE_CHECKING, NamedTuple

from ._common import EXIT_OK, CliError, Json, Table, add_format, emit, period

if TYPE_CHECKING:
    from ..council import Council

__all__ = ["register", "run"]

_USAGE = "%(prog)s [-h] [--on DATE] [--format {text,json,csv}] [--json]"
_COLUMNS = (
    "date",
    "until",
    "code",
    "name",
    "name_then",
    "permanent",
    "president",
    "president_basis",
    "president_source",
)


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "council",
        usage=_USAGE,
        help="the Security Council on a day or through a month",
        description="The members of the Council on a day, permanent ones marked (P), the "
        "president for the month and how it is known (sourced, rotation or projected, with "
        "the source), the size, the votes needed to adopt, and the record's notes for that "
        "day. Given a month, the Council on its first day and again from each day it changed "
        "(a new president in 1946, a seat changing hands, a new name).",
    )
    parser.add_argument(
        "--on",
        metavar="DATE",
        help="a day (2016-10-08, '8 October 2016', today) or a month (2016-10, 'March 1990'); "
        "default: today",
    )
    # The first spelling, ``council DATE``, still works; --on is the one documented.
    parser.add_argument("date", nargs="?", metavar="DATE", help=argparse.SUPPRESS)
    add_format(parser)
    parser.set_defaults(command=run)


class _Span(NamedTuple):
    """A Council and the last day of the span it stayed the same."""

    council: Council
    until: date


def run(args: argparse.Namespace) -> int:
    from ..council import council

    if args.on is not None and args.date is not None:
        raise CliError(f"give the day once: --on {args.on} or {args.date}, not both")
    text, what = (args.date, "date") if args.date is not None else (args.on or "today", "--on")
    asked = period(text, what, units=("day", "month"))
    spans = _spans(_councils(council, asked.days()))
    single = asked.unit == "day"
    emit(
        args,
        text=lambda: _text(spans, single=single),
        data=lambda: _json(spans[0].council) if single else _month_json(str(asked), spans),
        table=lambda: _table(spans),
    )
    return EXIT_OK


def _councils(council: Callable[..., Council], days: Sequence[date]) -> list[Council]:
    """The Council of each day; in a month, the days before the first meeting or after the
    record's end are left out (all of them: the first day's error)."""
    from ..errors import DateOutOfRecordError

    found: list[Council] = []
    first_error: DateOutOfRecordError | None = None
    for day in days:
        try:
            found.append(council(on=day))
        except DateOutOfRecordError as err:
            first_error = first_error or err
    if not found and first_error is not None:
        raise first_error
    return found


def _spans(councils: Sequence[Council]) -> list[_Span]:
    """The Councils of consecutive days, one per span in which nothing changed."""
    spans: list[_Span] = []
    for seated in councils:
        if spans and _same(spans[-1].council, seated):
            spans[-1] = spans[-1]._replace(until=seated.on)
        else:
            spans.append(_Span(seated, seated.on))
    return spans


def _same(a: Council, b: Council) -> bool:
    return a.model_dump(exclude={"on"}) == b.model_dump(exclude={"on"})


# -- text -----------------------------------------------------------------------------------------


def _text(spans: Sequence[_Span], *, single: bool) -> Iterator[str]:
    for number, (seated, until) in enumerate(spans):
        if number:
            yield ""
        when = (
            f"on {seated.on.isoformat()}"
            if single or until == seated.on
            else f"from {seated.on.isoformat()} to {until.isoformat()}"
        )
        yield (
            f"Security Council {when}: {seated.size} members, "
            f"{seated.threshold} votes in favour needed to adopt"
        )
        if seated.president is not None:
            yield f"president: {seated.name_then(seated.president)} ({seated.president_basis})"
            if seated.president_source:
                yield f"  source: {seated.president_source}"
        else:
            yield "president: not known for this month"
        for state in seated.members:
            mark = "  (P)" if seated.is_permanent(state) else ""
            yield f"  {state.code}  {seated.name_then(state)}{mark}"
        for note in seated.notes:
            # The source of a president by rotation is also a note: it is said above already.
            if note != f"president: {seated.president_source}":
                yield f"note: {note}"


# -- JSON and CSV ---------------------------------------------------------------------------------


def _json(seated: Council) -> Json:
    president = seated.president
    return {
        "date": seated.on.isoformat(),
        "size": seated.size,
        "threshold": seated.threshold,
        "president": (
            {"code": president.code, "name": president.name} if president is not None else None
        ),
        "president_basis": seated.president_basis,
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


def _month_json(month: str, spans: Sequence[_Span]) -> Json:
    return {
        "month": month,
        "councils": [{**_json(seated), "until": until.isoformat()} for seated, until in spans],
    }


def _table(spans: Sequence[_Span]) -> Table:
    rows = []
    for seated, until in spans:
        for state in seated.members:
            presides = state == seated.president
            rows.append(
                {
                    "date": seated.on,
                    "until": until,
                    "code": state.code,
                    "name": state.name,
                    "name_then": seated.name_then(state),
                    "permanent": seated.is_permanent(state),
                    "president": presides,
                    "president_basis": seated.president_basis if presides else None,
                    "president_source": seated.president_source if presides else None,
                }
            )
    return Table(_COLUMNS, rows)
