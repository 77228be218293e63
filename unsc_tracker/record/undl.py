"""Reader for the UN Digital Library's Security Council voting data (one CSV, 1946 to today).

The Dag Hammarskjöld Library publishes the votes on the Council's adopted resolutions as one
CSV, one row per member per resolution (https://digitallibrary.un.org/record/4055387; "non-
commercial use with attribution": cite it as the United Nations Dag Hammarskjöld Library,
Security Council Voting Data). This module reads it as its data dictionary describes it:

``undl_id, ms_code, ms_name, permanent_member, ms_vote, date, resolution, draft, meeting,
description, agenda, subjects, vote_note, modality, total_yes, total_no, total_abstentions,
total_non_voting, total_ms, undl_link``

- ``ms_vote`` is ``Y``, ``N``, ``A`` or ``X`` (non-voting: read as ``not_voting``, since the
  file does not tell an absent member from one present and not voting);
- a resolution adopted without a vote or by acclamation is recorded with every member ``Y`` and
  ``modality`` saying so: it is read as a :class:`~unsc_tracker.record.Vote` of that modality
  with no ballots, since no vote was taken;
- ``ms_code`` gives the member's present code for its whole history (the USSR's votes under
  ``RUS``): a code whose state was not on the Council that day is read as the seat's holder then
  (the USSR) when ``ms_name`` or the chain of successor states says so;
- ``permanent_member`` (``True``/``False``) and the totals are checked against the ballots and
  the Council of that day.

Every fault raises :class:`~unsc_tracker.errors.VoteFileError` naming the file, the line, the
column and the value; nothing is returned from a file with a fault.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from os import PathLike
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..council import composition
from ..errors import DateOutOfRecordError, UnscTrackerError, VoteFileError
from ..files import read_text
from ..members import code_of, member, predecessors
from ..voting import Ballot, Outcome
from .symbols import draft_symbol, letter_symbol, meeting_symbol, resolution_symbol
from .vote import Modality, TextKind, Vote

__all__ = ["UNDL_COLUMNS", "UNDL_DATASET", "read_undl", "read_undl_text"]

UNDL_COLUMNS = (
    "undl_id",
    "ms_code",
    "ms_name",
    "permanent_member",
    "ms_vote",
    "date",
    "resolution",
    "draft",
    "meeting",
    "description",
    "agenda",
    "subjects",
    "vote_note",
    "modality",
    "total_yes",
    "total_no",
    "total_abstentions",
    "total_non_voting",
    "total_ms",
    "undl_link",
)
"""The columns of the data dictionary; a file may hold more, which are not read."""

UNDL_DATASET = "https://digitallibrary.un.org/record/4055387"
"""Where the UN publishes the file and its data dictionary."""

BALLOT_LETTERS: Mapping[str, Ballot] = {
    "Y": Ballot.YES,
    "N": Ballot.NO,
    "A": Ballot.ABSTAIN,
    "X": Ballot.NOT_VOTING,
}
"""``ms_vote`` letter to ballot."""

_VOTE_COLUMNS = (
    "date",
    "resolution",
    "draft",
    "meeting",
    "description",
    "agenda",
    "subjects",
    "modality",
    "total_yes",
    "total_no",
    "total_abstentions",
    "total_non_voting",
    "total_ms",
    "undl_link",
)
"""Columns that describe the vote, the same on every row of one ``undl_id``."""

_BOOLEANS = {"true": True, "false": False}


def read_undl(path: str | PathLike[str]) -> tuple[Vote, ...]:
    """Every vote in a UN Digital Library Security Council voting file, in file order."""
    file = Path(path)
    text = read_text(file, partial(VoteFileError, file=str(file)), "voting data file")
    return read_undl_text(text, name=str(file))


@dataclass
class _Group:
    """The rows of one ``undl_id``: the first row's vote columns, then each member's letter."""

    line: int
    row: dict[str, str]
    letters: dict[str, tuple[int, str, str]] = field(default_factory=dict)
    """member code -> (line, letter, the ms_code as written)"""


def read_undl_text(text: str, name: str = "<undl>") -> tuple[Vote, ...]:
    """Read the file's text; ``name`` names it in errors and in each vote's source."""
    reader = csv.DictReader(io.StringIO(text))
    try:
        header = reader.fieldnames or []
    except csv.Error as err:
        raise _error(name, 1, None, None, f"not a CSV table ({err})") from None
    missing = [column for column in UNDL_COLUMNS if column not in header]
    if missing:
        raise _error(name, 1, missing[0], None, f"missing column {missing[0]!r}")
    groups: dict[str, _Group] = {}
    for line, row in _rows(reader, name):
        undl_id = row["undl_id"].strip()
        if not undl_id.isdigit():
            raise _error(name, line, "undl_id", undl_id, "undl_id is the record's number")
        group = groups.get(undl_id)
        if group is None:
            group = groups[undl_id] = _Group(line, row)
            day = _day(name, line, row)
        else:
            for column in _VOTE_COLUMNS:
                if row[column].strip() != group.row[column].strip():
                    raise _error(
                        name,
                        line,
                        column,
                        row[column],
                        f"differs from line {group.line} of the same undl_id "
                        f"({group.row[column]!r})",
                    )
            day = date.fromisoformat(group.row["date"].strip())
        code = _member(name, line, row, day)
        letter = row["ms_vote"].strip().upper()
        if letter not in BALLOT_LETTERS:
            raise _error(name, line, "ms_vote", row["ms_vote"], "ms_vote is one of Y, N, A, X")
        earlier = group.letters.get(code)
        if earlier is not None:
            raise _error(
                name,
                line,
                "ms_code",
                row["ms_code"],
                f"a second row for {code} in undl_id {undl_id} (first: line {earlier[0]})",
            )
        group.letters[code] = (line, letter, row["ms_code"])
    return tuple(_vote(name, undl_id, group) for undl_id, group in groups.items())


def _rows(reader: csv.DictReader[str], name: str) -> Iterator[tuple[int, dict[str, str]]]:
    try:
        for row in reader:
            line = reader.line_num
            if None in row or any(value is None for value in row.values()):
                raise _error(name, line, None, None, "the row does not have one value per column")
            yield line, row
    except csv.Error as err:
        raise _error(name, reader.line_num, None, None, f"not a CSV table ({err})") from None


def _error(
    name: str, line: int, column: str | None, value: str | None, message: str
) -> VoteFileError:
    where = f"{name}, line {line}" + (f", column {column!r}" if column else "")
    shown = f" (value {value!r})" if value else ""
    return VoteFileError(
        f"{where}: {message}{shown}", file=name, line=line, column=column, value=value
    )


def _day(name: str, line: int, row: Mapping[str, str]) -> date:
    text = row["date"].strip()
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise _error(name, line, "date", text, "not a date in the form YYYY-MM-DD") from None
    try:
        composition(day)
    except DateOutOfRecordError as err:
        raise _error(name, line, "date", text, str(err)) from None
    return day


def _member(name: str, line: int, row: Mapping[str, str], day: date) -> str:
    """The code of the member that sat that day, from ms_code, ms_name or the successor chain."""
    written, called = row["ms_code"].strip(), row["ms_name"].strip()
    seated = composition(day)
    candidates: list[str] = []
    for text in (written, called):
        try:
            candidates.append(code_of(text))
        except UnscTrackerError:
            continue
    if not candidates:
        raise _error(name, line, "ms_code", written, f"unknown member code (ms_name {called!r})")
    for code in candidates:
        if code in seated.codes:
            return _check_seat(name, line, row, code, day)
        holders = ({code} | predecessors(code)) & seated.codes
        if len(holders) == 1:
            return _check_seat(name, line, row, next(iter(holders)), day)
    raise _error(
        name,
        line,
        "ms_code",
        written,
        f"{member(candidates[0]).name} was not a member of the Security Council on "
        f"{day.isoformat()}",
    )


def _check_seat(name: str, line: int, row: Mapping[str, str], code: str, day: date) -> str:
    text = row["permanent_member"].strip()
    flag = _BOOLEANS.get(text.casefold())
    if flag is None:
        raise _error(name, line, "permanent_member", text, "permanent_member is True or False")
    if flag != (code in composition(day).permanent):
        seat = "a permanent" if flag else "an elected"
        raise _error(
            name,
            line,
            "permanent_member",
            text,
            f"{member(code).name} did not hold {seat} seat on {day.isoformat()}",
        )
    return code


def _modality(name: str, line: int, row: Mapping[str, str]) -> Modality:
    """The modality column, helped by the vote note, which names acclamation where the column
    says only that no vote was taken."""
    text = row["modality"].strip()
    words = text.casefold()
    note = row["vote_note"].casefold()
    if "acclamation" in words or ("acclamation" in note and "without" in words):
        return Modality.ACCLAMATION
    if "without" in words or words in ("no vote", "consensus"):
        return Modality.WITHOUT_VOTE
    if words in (
        "",
        "recorded",
        "recorded vote",
        "voting",
        "vote",
        "with vote",
        "adopted with vote",
    ):
        return Modality.RECORDED
    raise _error(
        name,
        line,
        "modality",
        text,
        "modality is read as a recorded vote ('Recorded', 'Voting', 'With vote'), adopted without "
        "a vote ('Without vote') or by acclamation",
    )


def _count(name: str, line: int, row: Mapping[str, str], column: str) -> int | None:
    text = row[column].strip()
    if not text:
        return None
    try:
        value = float(text)  # pandas-written files give "15.0"
    except ValueError:
        value = -1.0
    if value < 0 or value != int(value):
        raise _error(name, line, column, text, "a count is a whole number")
    return int(value)


def _vote(name: str, undl_id: str, group: _Group) -> Vote:
    row, line = group.row, group.line
    day = date.fromisoformat(row["date"].strip())
    modality = _modality(name, line, row)
    try:
        resolution = resolution_symbol(row["resolution"])
    except ValueError as err:
        raise _error(name, line, "resolution", row["resolution"], str(err)) from None
    drafts = [part.strip() for part in row["draft"].split("|") if part.strip()]
    notes: list[str] = []
    try:
        draft = draft_symbol(drafts[0]) if drafts else None
    except ValueError as err:
        raise _error(name, line, "draft", row["draft"], str(err)) from None
    if len(drafts) > 1:
        notes.append(f"the UN Digital Library lists the drafts {', '.join(drafts)}")
    meeting, letters = _meeting(name, line, row)
    ballots: dict[str, Ballot] = {}
    if modality is Modality.RECORDED:
        ballots = {code: BALLOT_LETTERS[letter] for code, (_, letter, _) in group.letters.items()}
        _check_totals(name, group, ballots, day)
    else:
        for member_line, letter, written in group.letters.values():
            if letter not in ("Y", "X"):
                raise _error(
                    name,
                    member_line,
                    "ms_vote",
                    letter,
                    f"{row['modality']!r} says no vote was taken, yet {written} has ballot {letter}",
                )
    if row["vote_note"].strip():
        notes.append(f"UN Digital Library vote note: {row['vote_note'].strip()}")
    link = row["undl_link"].strip()
    source = f"UN Digital Library, Security Council voting data ({name}), undl_id {undl_id}"
    if link:
        source += f": {link}"
    data: dict[str, Any] = {
        "symbol": resolution,
        "kind": TextKind.RESOLUTION,
        "date": day,
        "resolution": resolution,
        "draft": draft,
        "meeting": meeting,
        "letters": letters,
        "agenda": row["agenda"].strip() or None,
        "title": row["description"].strip() or None,
        "subjects": tuple(part.strip() for part in row["subjects"].split("|") if part.strip()),
        "modality": modality,
        "ballots": ballots,
        "recorded_outcome": Outcome.ADOPTED,
        "source": source,
        "notes": tuple(notes),
    }
    try:
        return Vote.validated(data)
    except (ValidationError, UnscTrackerError) as err:
        message = err.errors()[0]["msg"] if isinstance(err, ValidationError) else str(err)
        raise _error(name, line, None, None, f"undl_id {undl_id}: {message}") from None


def _meeting(name: str, line: int, row: Mapping[str, str]) -> tuple[str | None, tuple[str, ...]]:
    text = row["meeting"].strip()
    if not text:
        return None, ()
    try:
        return meeting_symbol(text), ()
    except ValueError:
        pass
    try:
        return None, (letter_symbol(text),)  # a vote by written procedure (2020)
    except ValueError:
        raise _error(
            name, line, "meeting", text, "not a meeting record (S/PV.7785) or a letter (S/2020/654)"
        ) from None


def _check_totals(name: str, group: _Group, ballots: Mapping[str, Ballot], day: date) -> None:
    row, line = group.row, group.line
    found = {
        "total_yes": sum(1 for b in ballots.values() if b is Ballot.YES),
        "total_no": sum(1 for b in ballots.values() if b is Ballot.NO),
        "total_abstentions": sum(1 for b in ballots.values() if b is Ballot.ABSTAIN),
        "total_non_voting": sum(1 for b in ballots.values() if b is Ballot.NOT_VOTING),
    }
    for column, tallied in found.items():
        given = _count(name, line, row, column)
        if given is not None and given != tallied:
            raise _error(
                name, line, column, row[column], f"the rows of this undl_id give {tallied}"
            )
    size = _count(name, line, row, "total_ms")
    seated = len(composition(day).codes)
    if size is not None and size != seated:
        raise _error(
            name, line, "total_ms", row["total_ms"], f"the Council had {seated} members that day"
        )
