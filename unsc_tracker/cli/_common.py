"""What the commands share: the exit statuses, the error and warning lines, reading input
(files, or standard input for ``-``; ballots by member), and writing results as text, JSON or
CSV.

Arguments are read when a command runs, not by argparse's ``type=``: a bad date or member is
the library's own error, reported as one ``unsc-tracker: error: ...`` line (:func:`fail`), not
as argparse's usage message. This module imports nothing of the library at module level, so
that ``--help`` and ``--version`` load no model.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import date, datetime
from enum import Enum
from typing import TYPE_CHECKING, Any, NamedTuple

from ..errors import BallotError
from ._dates import Period, day, period

if TYPE_CHECKING:
    from ..members import MemberState
    from ..voting import Ballot, VoteResult

__all__ = [
    "BALLOT_SUFFIXES",
    "EXIT_INTERNAL",
    "EXIT_OK",
    "EXIT_USAGE",
    "FORMATS",
    "PROG",
    "STDIN",
    "Ballots",
    "CliError",
    "Error",
    "Json",
    "Period",
    "Table",
    "add_format",
    "ballot_file",
    "ballot_pairs",
    "cell",
    "codes",
    "day",
    "emit",
    "escape_breaks",
    "fail",
    "iso",
    "listed",
    "period",
    "print_json",
    "read_input",
    "result_json",
    "warn",
    "write_text",
]

PROG = "unsc-tracker"
EXIT_OK = 0
EXIT_INTERNAL = 1
"""An error in the program itself, not in its input."""
EXIT_USAGE = 2
"""Bad input, as argparse uses for a bad command line."""
STDIN = "-"
"""The file name that means standard input."""
FORMATS = ("text", "json", "csv")
LIST_SEPARATOR = ";"
"""Between the items of a list in one CSV cell (member codes: ``RUS;CHN``)."""

Json = dict[str, Any]
Ballots = dict["str | MemberState", "str | Ballot"]
Error = Callable[[str], Exception]
"""An error class, or a function of the message that makes one."""


class CliError(Exception):
    """Bad input found by the command line itself (not by the library): a message for the user."""


def fail(message: str) -> int:
    """Print ``message`` as one error line on standard error; returns :data:`EXIT_USAGE`."""
    print(f"{PROG}: error: {_one_line(message)}", file=sys.stderr)
    return EXIT_USAGE


def warn(message: str) -> None:
    """Print ``message`` as one warning line on standard error."""
    sys.stdout.flush()  # after the output printed so far, as a terminal shows them
    print(f"{PROG}: warning: {_one_line(message)}", file=sys.stderr)


def _one_line(message: str) -> str:
    # A multi-line message (a scenario with several problems) is joined with "; "; any other
    # character that would break the line (a "\r" given in an argument) is shown as its escape.
    return "; ".join(part.strip() for part in escape_breaks(message).split("\n") if part.strip())


_BREAKS = {ord(mark): repr(mark)[1:-1] for mark in "\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"}


def escape_breaks(text: str) -> str:
    """``text`` with each character that ends a line, but ``\\n``, written as its escape."""
    return text.translate(_BREAKS)


# -- arguments ------------------------------------------------------------------------------------


def add_format(parser: argparse.ArgumentParser) -> None:
    """``--format text|json|csv`` (default text), and ``--json`` for ``--format json``."""
    parser.add_argument(
        "--format",
        choices=FORMATS,
        default="text",
        help="text for reading (default), json, or csv (a header row, then one row per item)",
    )
    parser.add_argument(
        "--json",
        dest="format",
        action="store_const",
        const="json",
        help="the same as --format json",
    )


def read_input(name: str, what: str, error: Error = CliError) -> tuple[str, str]:
    """The text of the file ``name``, or of standard input for ``-``, and the name to give it in
    messages (``<stdin>``). Read as the library reads every file (:func:`unsc_tracker.files.decode`):
    UTF-8, a byte-order mark dropped; ``error`` names the file, the line, the column and the byte
    that is not UTF-8, or says why the file cannot be read. ``what`` says what the file holds."""
    from .. import files

    if name != STDIN:
        return files.read_text(name, error, what), name
    return files.decode(sys.stdin.buffer.read(), "<stdin>", error, what), "<stdin>"


def ballot_pairs(pairs: Sequence[str]) -> Ballots:
    """Ballots given as ``NAME=WORD`` arguments; the names and words are read by the library."""
    ballots: Ballots = {}
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


BALLOT_SUFFIXES = (".json", ".toml")
"""The formats of a ballot file. Not YAML, which reads a bare ``no`` as false."""


def ballot_file(name: str) -> Ballots:
    """Ballots read from a JSON or TOML file (or standard input for ``-``) mapping member names
    to ballot words: JSON by the suffix ``.json`` or, on standard input, by a leading ``{``.

    The file is read and parsed as the library reads scenario files
    (:func:`unsc_tracker.formats.parse`): a key given twice, deep nesting, a huge integer or a
    lone surrogate is refused with a :class:`~unsc_tracker.errors.BallotError` naming the file."""
    from ..formats import parse

    text, where = read_input(name, "ballot file", BallotError)
    if name == STDIN:
        suffix = ".json" if text.lstrip().startswith("{") else ".toml"
    else:
        suffix = os.path.splitext(name)[1].lower()
    if suffix not in BALLOT_SUFFIXES:
        raise BallotError(f"{where}: unknown ballot file format {suffix!r}; use .json or .toml")
    data = parse(text, suffix, where, BallotError, "ballot file")
    if not isinstance(data, Mapping):
        raise BallotError(
            f"{where}: a ballot file maps member names to ballot words, not {type(data).__name__}"
        )
    for member_name, word in data.items():
        if not isinstance(word, str):
            raise BallotError(
                f"{where}: the ballot of {member_name!r} is {word!r}, not a word such as 'no'"
            )
    if not data:
        raise BallotError(f"{where}: no ballots in the file")
    return {str(member_name): str(word) for member_name, word in data.items()}


def write_text(name: str, text: str, what: str) -> None:
    """Write ``text`` (UTF-8) to the file ``name`` whole or not at all, as the library writes
    every file (:func:`unsc_tracker.files.write_atomic`): a failure, or text that cannot be
    encoded, is a :class:`CliError` naming the file, and leaves the old file as it was. ``what``
    names the content in errors (``schema``)."""
    from .. import files

    files.write_atomic(name, text, CliError, what)


# -- output ---------------------------------------------------------------------------------------


class Table(NamedTuple):
    """Rows for ``--format csv``: the columns, and one mapping per row (a missing key is empty)."""

    columns: Sequence[str]
    rows: Iterable[Mapping[str, object]]


def emit(
    args: argparse.Namespace,
    *,
    text: Callable[[], Iterable[str]],
    data: Callable[[], object],
    table: Callable[[], Table],
) -> None:
    """Print the result in the format asked for: ``text`` gives lines, ``data`` the JSON value,
    ``table`` the CSV rows. Only the one asked for is built."""
    if args.format == "json":
        print_json(data())
    elif args.format == "csv":
        print_csv(table())
    else:
        for line in text():
            print(line)


def print_json(data: object) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2, default=_json_default))


def _json_default(value: object) -> str:
    if isinstance(value, date | datetime):
        return value.isoformat()
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


def print_csv(table: Table) -> None:
    """The table as CSV (RFC 4180 quoting, ``\\n`` line ends): a header row, then the rows."""
    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow(table.columns)
    for row in table.rows:
        writer.writerow([cell(row.get(column)) for column in table.columns])


def cell(value: object) -> str:
    """One CSV cell: empty for a missing value (the only marker), ``true``/``false``, ISO dates,
    enum words, list items joined by ``;``."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, list | tuple):
        return LIST_SEPARATOR.join(cell(item) for item in value)
    return str(value)


def codes(states: Sequence[MemberState]) -> list[str]:
    return [state.code for state in states]


def iso(when: date | None) -> str | None:
    return when.isoformat() if when is not None else None


def result_json(result: VoteResult) -> Json:
    """A vote's result as ``tally --json`` prints it (and ``replay --json`` in each snapshot)."""
    return {
        "date": result.on.isoformat(),
        "outcome": result.outcome.value,
        "vetoed_by": codes(result.vetoed_by),
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


def listed(items: Sequence[object], noun: str) -> Iterator[str]:
    """Each item as its ``str``, one a line, then how many: ``2 vetoed texts``."""
    from ..wording import plural

    for item in items:
        yield str(item)
    yield plural(len(items), noun)
