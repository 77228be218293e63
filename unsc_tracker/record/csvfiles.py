"""The library's own CSV format for votes: a votes table and a ballots table beside it.

``votes.csv`` holds one row per vote; ``votes_ballots.csv`` (the votes file's name with
``_ballots`` added) one row per member per vote. The bundled record is written in this format
(``unsc_tracker/data/votes.csv``), and so can a user's own votes be. ``docs/record.md`` has the
columns; :data:`VOTE_COLUMNS` and :data:`BALLOT_COLUMNS` list them.

Reading validates everything before returning anything: a missing or unknown column, a date
that is not ISO or lies outside the record, an unknown member or ballot word, a member not on
the Council that day, a duplicated row, ballots that contradict the counts: each raises
:class:`~unsc_tracker.errors.VoteFileError` naming the file, the line, the column and the value,
and nothing is loaded.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator, Mapping
from datetime import date
from functools import partial
from os import PathLike
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..council import composition
from ..errors import DateOutOfRecordError, NotOnCouncilError, UnscTrackerError, VoteFileError
from ..files import encoded, read_text, write_atomic
from ..members import code_of
from ..voting import Ballot
from .vote import FACTS, Vote

__all__ = [
    "BALLOT_COLUMNS",
    "VOTE_COLUMNS",
    "ballots_path",
    "read_votes",
    "read_votes_text",
    "write_votes",
]

FACT_SOURCE_COLUMNS = tuple(f"{fact}_source" for fact in sorted(FACTS - {"text"}))

VOTE_COLUMNS = (
    "symbol",
    "kind",
    "date",
    "resolution",
    "draft",
    "parent_text",
    "part",
    "meeting",
    "letters",
    "agenda",
    "title",
    "subjects",
    "modality",
    "procedural",
    "yes",
    "no",
    "abstain",
    "non_voting",
    "recorded_outcome",
    "recorded_vetoed_by",
    "source",
    *FACT_SOURCE_COLUMNS,
    "notes",
)
"""The columns of the votes table; ``symbol``, ``kind``, ``date`` and ``source`` are required,
the ``*_source`` columns may be left out."""

REQUIRED_VOTE_COLUMNS = frozenset({"symbol", "kind", "date", "source"})

BALLOT_COLUMNS = ("symbol", "member", "ballot", "source")
"""The columns of the ballots table; ``source`` may be empty: the ballot is then sourced by its
vote's ``ballots_source``, else its ``source``."""

LIST_SEPARATOR = ";"
"""Between the items of ``letters`` and ``recorded_vetoed_by``."""
TEXT_SEPARATOR = " | "
"""Between the items of ``subjects`` and ``notes``."""

_BALLOTS = {ballot.value: ballot for ballot in Ballot}
_TEXT_COLUMNS = (
    "resolution",
    "draft",
    "parent_text",
    "part",
    "meeting",
    "agenda",
    "title",
    "modality",
    "recorded_outcome",
)
_LIST_COLUMNS = (
    ("letters", LIST_SEPARATOR),
    ("recorded_vetoed_by", LIST_SEPARATOR),
    ("subjects", TEXT_SEPARATOR.strip()),
    ("notes", TEXT_SEPARATOR.strip()),
)
_COUNT_COLUMNS = ("yes", "no", "abstain", "non_voting")
_TRUE = {"yes", "true"}
_FALSE = {"no", "false", ""}


def ballots_path(votes: str | PathLike[str]) -> Path:
    """The ballots table beside a votes table: ``votes.csv`` -> ``votes_ballots.csv``."""
    path = Path(votes)
    return path.with_name(f"{path.stem}_ballots{path.suffix}")


def read_votes(
    path: str | PathLike[str], ballots: str | PathLike[str] | None = None
) -> tuple[Vote, ...]:
    """Read a votes table and its ballots table (``ballots``, by default :func:`ballots_path`).

    A votes table with no ballots file beside it is read as votes with counts only. Raises
    :class:`~unsc_tracker.errors.VoteFileError` on any fault, naming file, line, column and value.
    """
    votes_file = Path(path)
    ballots_file = ballots_path(votes_file) if ballots is None else Path(ballots)
    votes_text = _read_text(votes_file)
    if ballots is None and not ballots_file.exists():
        ballots_text = None
    else:
        ballots_text = _read_text(ballots_file)
    return read_votes_text(
        votes_text, ballots_text, votes_name=str(votes_file), ballots_name=str(ballots_file)
    )


def _read_text(path: Path) -> str:
    return read_text(path, partial(VoteFileError, file=str(path)), "votes file")


def read_votes_text(
    votes: str,
    ballots: str | None = None,
    *,
    votes_name: str = "<votes>",
    ballots_name: str = "<ballots>",
) -> tuple[Vote, ...]:
    """Read the two tables from text; ``votes_name`` and ``ballots_name`` name them in errors."""
    rows = _Table(votes, votes_name, VOTE_COLUMNS, REQUIRED_VOTE_COLUMNS)
    raw_votes: dict[str, tuple[int, dict[str, str]]] = {}
    for line, row in rows:
        symbol = row["symbol"].strip()
        if not symbol:
            raise rows.error(line, "symbol", "", "a vote needs a symbol (or a label)")
        if symbol in raw_votes:
            first = raw_votes[symbol][0]
            raise rows.error(line, "symbol", symbol, f"duplicates the vote of line {first}")
        raw_votes[symbol] = (line, row)
    days = {symbol: _day(rows, line, row) for symbol, (line, row) in raw_votes.items()}
    cast: dict[str, dict[str, Ballot]] = {}
    sources: dict[str, dict[str, str]] = {}
    if ballots is not None:
        table = _Table(ballots, ballots_name, BALLOT_COLUMNS, frozenset(BALLOT_COLUMNS[:3]))
        cast, sources = _ballots(table, days)
    votes_read: list[Vote] = []
    for symbol, (line, row) in raw_votes.items():
        votes_read.append(
            _vote(rows, line, row, days[symbol], cast.get(symbol, {}), sources.get(symbol, {}))
        )
    return tuple(votes_read)


class _Table:
    """A CSV table checked for its columns, read row by row with line numbers."""

    def __init__(
        self, text: str, name: str, columns: tuple[str, ...], required: frozenset[str]
    ) -> None:
        self.name = name
        self.reader = csv.reader(io.StringIO(text))
        try:
            header = next(self.reader, None)
        except csv.Error as err:
            raise self.error(1, None, None, f"not a CSV table ({err})") from None
        if header is None:
            raise VoteFileError(f"{name}: empty file, no header line", file=name, line=1)
        missing = [column for column in columns if column in required and column not in header]
        if missing:
            raise self.error(1, missing[0], None, f"missing column {missing[0]!r}")
        unknown = [column for column in header if column not in columns]
        if unknown:
            known = ", ".join(columns)
            raise self.error(1, unknown[0], None, f"unknown column {unknown[0]!r}; known: {known}")
        if len(set(header)) != len(header):
            twice = next(column for column in header if header.count(column) > 1)
            raise self.error(1, twice, None, f"column {twice!r} appears twice")
        self.header = header

    def __iter__(self) -> Iterator[tuple[int, dict[str, str]]]:
        header = self.header
        for line, values in self.values():
            yield line, dict(zip(header, values, strict=True))

    def values(self) -> Iterator[tuple[int, list[str]]]:
        """Each row as its list of values, in the header's order."""
        width = len(self.header)
        reader = self.reader
        try:
            for values in reader:
                if len(values) != width:
                    if not values:
                        continue  # a blank line
                    raise self.error(
                        reader.line_num, None, None, "the row does not have one value per column"
                    )
                yield reader.line_num, values
        except csv.Error as err:
            raise self.error(reader.line_num, None, None, f"not a CSV table ({err})") from None

    def position(self, column: str) -> int | None:
        """Where ``column`` is in each row's values (``None`` when the table has no such column)."""
        return self.header.index(column) if column in self.header else None

    def error(
        self, line: int, column: str | None, value: str | None, message: str
    ) -> VoteFileError:
        where = f"{self.name}, line {line}" + (f", column {column!r}" if column else "")
        shown = f" (value {value!r})" if value is not None and value != "" else ""
        return VoteFileError(
            f"{where}: {message}{shown}", file=self.name, line=line, column=column, value=value
        )


def _day(rows: _Table, line: int, row: Mapping[str, str]) -> date:
    text = row["date"].strip()
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise rows.error(line, "date", text, "not a date in the form YYYY-MM-DD") from None
    try:
        composition(day)
    except DateOutOfRecordError as err:
        raise rows.error(line, "date", text, str(err)) from None
    return day


def _ballots(
    table: _Table, days: Mapping[str, date]
) -> tuple[dict[str, dict[str, Ballot]], dict[str, dict[str, str]]]:
    cast: dict[str, dict[str, Ballot]] = {}
    sources: dict[str, dict[str, str]] = {}
    lines: dict[str, dict[str, int]] = {}
    at_symbol, at_member, at_ballot = (table.header.index(c) for c in BALLOT_COLUMNS[:3])
    at_source = table.position("source")
    symbol: str | None = None  # no vote yet: the first row looks its vote up
    codes: frozenset[str] = frozenset()
    votes_cast: dict[str, Ballot] = {}
    seen: dict[str, int] = {}
    named: dict[str, str] = {}  # member as written -> code, resolved once per spelling
    # The hot loop of loading the record: rows of one vote follow each other, so the vote's
    # Council and dictionaries are looked up once per vote, not once per row.
    for line, row in table.values():
        if row[at_symbol] != symbol:
            symbol = row[at_symbol].strip()
            day = days.get(symbol)
            if day is None:
                raise table.error(
                    line, "symbol", symbol, "no vote of that symbol in the votes table"
                )
            codes = composition(day).codes
            votes_cast = cast.setdefault(symbol, {})
            seen = lines.setdefault(symbol, {})
        name = row[at_member]
        code = named.get(name)
        if code is None:
            try:
                code = named[name] = code_of(name)
            except UnscTrackerError as err:
                raise table.error(line, "member", name, str(err)) from None
        if code not in codes:
            raise table.error(
                line, "member", name, f"not a member of the Council on {days[symbol].isoformat()}"
            )
        word = row[at_ballot]
        ballot = _BALLOTS.get(word)
        if ballot is None:
            try:
                ballot = Ballot.parse(word)
            except UnscTrackerError as err:
                raise table.error(line, "ballot", word, str(err)) from None
        if code in votes_cast:
            raise table.error(
                line,
                "member",
                name,
                f"a second ballot for {code} on {symbol} (first: line {seen[code]})",
            )
        votes_cast[code] = ballot
        seen[code] = line
        if at_source is not None and row[at_source]:
            source = row[at_source].strip()
            if source:
                sources.setdefault(symbol, {})[code] = source
    return cast, sources


def _vote(
    rows: _Table,
    line: int,
    row: Mapping[str, str],
    day: date,
    ballots: dict[str, Ballot],
    ballot_sources: dict[str, str],
) -> Vote:
    # Only the cells that hold something are given: the model's defaults stand for the rest,
    # and their validators do not run (this is the loop that loads the bundled record).
    data: dict[str, Any] = {
        "symbol": row["symbol"].strip(),
        "kind": row["kind"].strip(),
        "date": day,
        "source": row["source"].strip(),
    }
    for column in _TEXT_COLUMNS:
        value = row.get(column)
        if value and (value := value.strip()):
            data[column] = value
    for column, separator in _LIST_COLUMNS:
        value = row.get(column)
        if value and (value := value.strip()):
            data[column] = tuple(part.strip() for part in value.split(separator) if part.strip())
    for column in _COUNT_COLUMNS:
        value = row.get(column)
        if value and (value := value.strip()):
            if not value.isdigit():
                raise rows.error(
                    line, column, value, "a count is a whole number, or empty if not known"
                )
            data[column] = int(value)
    flag = row.get("procedural")
    if flag and (flag := flag.strip().casefold()):
        if flag not in _TRUE | _FALSE:
            raise rows.error(line, "procedural", flag, "procedural is 'yes' or 'no'")
        data["procedural"] = flag in _TRUE
    fact_sources = {}
    for column in FACT_SOURCE_COLUMNS:
        value = row.get(column)
        if value and (value := value.strip()):
            fact_sources[column[: -len("_source")]] = value
    if ballots:
        data["ballots"] = ballots
        # One source for all the ballots is the ballots' source; others stay per member.
        if ballot_sources:
            distinct = set(ballot_sources.values())
            if len(distinct) == 1 and len(ballot_sources) == len(ballots):
                fact_sources["ballots"] = distinct.pop()
            else:
                data["ballot_sources"] = ballot_sources
    if fact_sources:
        data["fact_sources"] = fact_sources
    try:
        return Vote.validated(data)
    except ValidationError as err:
        first = err.errors()[0]
        field = str(first["loc"][0]) if first["loc"] else None
        where = field if field in row else None  # a fault of the row as a whole names no column
        value = row.get(where) if where else None
        message = str(first["msg"]).removeprefix("Value error, ")
        raise rows.error(line, where, value, message) from None
    except (NotOnCouncilError, UnscTrackerError) as err:
        raise rows.error(line, None, None, str(err)) from None


# --- writing ------------------------------------------------------------------------------------


def write_votes(votes: Iterable[Vote], path: str | PathLike[str]) -> tuple[Path, Path]:
    """Write votes as a votes table at ``path`` and a ballots table beside it.

    The ``*_source`` columns written are those some vote uses. Returns both paths. What is
    written reads back equal (:func:`read_votes`).
    """
    chosen = tuple(votes)
    used = [
        column
        for column in FACT_SOURCE_COLUMNS
        if any(column[: -len("_source")] in vote.fact_sources for vote in chosen)
    ]
    columns = [column for column in VOTE_COLUMNS if column not in FACT_SOURCE_COLUMNS]
    columns[columns.index("source") + 1 : columns.index("source") + 1] = used
    votes_file = Path(path)
    out = io.StringIO()
    writer = csv.DictWriter(out, columns, lineterminator="\n")
    writer.writeheader()
    for vote in chosen:
        writer.writerow(_vote_row(vote, used))
    ballots_file = ballots_path(votes_file)
    ballots_out = io.StringIO()
    writer = csv.DictWriter(ballots_out, BALLOT_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for vote in chosen:
        for code in sorted(vote.ballots):
            writer.writerow(
                {
                    "symbol": vote.symbol,
                    "member": code,
                    "ballot": vote.ballots[code].value,
                    "source": vote.ballot_sources.get(code, ""),
                }
            )
    # Both encoded before either is written; each is then written whole or not at all.
    tables = [(ballots_file, ballots_out.getvalue(), "ballots table")]
    tables.append((votes_file, out.getvalue(), "votes table"))
    data = [encoded(text, file, VoteFileError, what) for file, text, what in tables]
    for (file, _, what), content in zip(tables, data, strict=True):
        write_atomic(file, content, partial(VoteFileError, file=str(file)), what)
    return votes_file, ballots_file


def _vote_row(vote: Vote, source_columns: Iterable[str]) -> dict[str, str]:
    derived = bool(vote.ballots)  # counts follow from the ballots: not written twice

    def count(value: int | None) -> str:
        return "" if value is None or derived else str(value)

    row = {
        "symbol": vote.symbol,
        "kind": vote.kind.value,
        "date": vote.date.isoformat(),
        "resolution": vote.resolution or "",
        "draft": vote.draft or "",
        "parent_text": vote.parent_text or "",
        "part": vote.part or "",
        "meeting": vote.meeting or "",
        "letters": LIST_SEPARATOR.join(vote.letters),
        "agenda": vote.agenda or "",
        "title": vote.title or "",
        "subjects": TEXT_SEPARATOR.join(vote.subjects),
        "modality": vote.modality.value,
        "procedural": "yes" if vote.procedural else "no",
        "yes": count(vote.yes),
        "no": count(vote.no),
        "abstain": count(vote.abstain),
        "non_voting": count(vote.non_voting),
        "recorded_outcome": vote.recorded_outcome.value if vote.recorded_outcome else "",
        "recorded_vetoed_by": LIST_SEPARATOR.join(vote.recorded_vetoed_by),
        "source": vote.source,
        "notes": TEXT_SEPARATOR.join(vote.notes),
    }
    for column in source_columns:
        row[column] = vote.fact_sources.get(column[: -len("_source")], "")
    return row
