"""What the commands share: reading arguments (dates; ballots by member, given as arguments or in
a file) and writing results (JSON), the exit statuses, and the error for bad input the command
line finds itself.

Arguments are read when a command runs, not by argparse's ``type=``: a bad date or member is
the library's own error, reported as one ``unsc-tracker: error: ...`` line (:func:`fail`), not
as argparse's usage message.
"""

from __future__ import annotations

import argparse
import json
import sys
import tomllib
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

from ..dates import parse_when
from ..errors import BallotError
from ..members import MemberState
from ..voting import Ballot, VoteResult

__all__ = [
    "EXIT_OK",
    "EXIT_USAGE",
    "PROG",
    "Ballots",
    "CliError",
    "Json",
    "add_json_flag",
    "ballot_file",
    "ballot_pairs",
    "codes",
    "day",
    "fail",
    "iso",
    "optional_day",
    "print_json",
    "result_json",
]

PROG = "unsc-tracker"
EXIT_OK = 0
EXIT_USAGE = 2
"""Bad input, as argparse uses for a bad command line."""

Json = dict[str, Any]
Ballots = dict[str | MemberState, str | Ballot]


class CliError(Exception):
    """Bad input found by the command line itself (not by the library): a message for the user."""


def fail(message: str) -> int:
    """Print ``message`` as one error line on standard error; returns :data:`EXIT_USAGE`."""
    # A multi-line message (a scenario with several problems) is joined with "; ".
    line = "; ".join(part.strip() for part in message.splitlines() if part.strip())
    print(f"{PROG}: error: {line}", file=sys.stderr)
    return EXIT_USAGE


# -- arguments ------------------------------------------------------------------------------------


def add_json_flag(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print the result as JSON")


def day(text: str, what: str) -> date:
    """The day ``text`` names (ISO or words); ``what`` names the argument in errors."""
    when = parse_when(text, what)
    return when.date() if isinstance(when, datetime) else when


def optional_day(text: str | None, what: str) -> date | None:
    return day(text, what) if text is not None else None


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


def ballot_file(path: Path) -> Ballots:
    """Ballots read from a JSON or TOML file mapping member names to ballot words."""
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
    return {str(name): str(word) for name, word in data.items()}


# -- output ---------------------------------------------------------------------------------------


def print_json(data: object) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))


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
