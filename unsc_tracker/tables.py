"""The record's tables: the files each is read from, its columns, and what each column must hold.

Each kind of table (membership, presidency, term dates, changes of holder, renames, vetoes, the
veto record's gaps, UN holidays) is a :class:`Table`: its bundled files, the pattern of the user's
files that extend it (``use_data``), its columns with what each value must be, and the columns
that identify a fact and those two rows with one key must agree on. Reading and merging is
:mod:`unsc_tracker.datafiles`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from types import MappingProxyType

from .errors import UnknownMemberError
from .members import member

__all__ = ["AS_IS", "MEMBER_LIST", "TABLES", "Column", "Table"]

# --- what a table is --------------------------------------------------------------------------

MEMBER_LIST = re.compile(r"\s*;\s*")
AS_IS = "\0"  # marks a problem worded in full, not as "is not <what the column needs>"


def _year(text: str) -> str | None:
    if not re.fullmatch(r"\d{4}", text) or not 1946 <= int(text) <= 2999:
        return "a year from 1946 (four digits)"
    return None


def _month(text: str) -> str | None:
    return None if text.isdigit() and 1 <= int(text) <= 12 else "a month number from 1 to 12"


def _day(text: str) -> str | None:
    try:
        date.fromisoformat(text)
    except ValueError:
        return "a date in the form YYYY-MM-DD"
    return None if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text) else "a date in the form YYYY-MM-DD"


def _count(text: str) -> str | None:
    return None if text.isdigit() and len(text) <= 2 and int(text) <= 15 else "a count from 0 to 15"


def _yes_no(text: str) -> str | None:
    return None if text in ("yes", "no") else "'yes' or 'no'"


def _member(text: str) -> str | None:
    try:
        member(text)
    except UnknownMemberError as err:
        return AS_IS + str(err)
    return None


def _members(text: str) -> str | None:
    for name in MEMBER_LIST.split(text):
        problem = _member(name)
        if problem is not None:
            return problem
    return None


def _code(text: str) -> str | None:
    return (
        None if re.fullmatch(r"[A-Z]{3}", text) and _member(text) is None else "a member's ISO code"
    )


_KINDS: Mapping[str, Callable[[str], str | None]] = {
    "year": _year,
    "month": _month,
    "date": _day,
    "count": _count,
    "yes/no": _yes_no,
    "member": _member,
    "members": _members,
    "code": _code,
}


@dataclass(frozen=True)
class Column:
    """A column of a table: its name, what its values must be, and whether one is required."""

    name: str
    kind: str = "text"
    required: bool = True

    def problem(self, value: str) -> str | None:
        """What is wrong with ``value`` in this column, or ``None``."""
        if not value:
            return "a value" if self.required else None
        check = _KINDS.get(self.kind)
        return check(value) if check is not None else None


@dataclass(frozen=True)
class Table:
    """One kind of table: the files that hold it, its columns, and what identifies a row."""

    name: str
    bundled: tuple[str, ...]
    columns: tuple[Column, ...]
    key: tuple[str, ...]
    """The columns that identify a fact: two rows with the same key say the same thing or clash."""
    compared: tuple[str, ...]
    """The columns two rows with one key must agree on."""
    user_pattern: str

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(column.name for column in self.columns)


def _text(name: str, required: bool = True) -> Column:
    return Column(name, "text", required)


TABLES: Mapping[str, Table] = MappingProxyType(
    {
        "membership": Table(
            name="membership",
            bundled=("membership_1946_2009.csv", "membership_2010_2027.csv"),
            columns=(
                Column("year", "year"),
                Column("member", "member"),
                Column("permanent", "yes/no"),
                _text("term"),
                _text("source"),
                _text("notes", required=False),
            ),
            key=("year", "member"),
            compared=("permanent", "term"),
            user_pattern="membership*.csv",
        ),
        "presidency": Table(
            name="presidency",
            bundled=("presidency.csv",),
            columns=(
                Column("year", "year"),
                Column("month", "month"),
                Column("president_member", "member", required=False),
                _text("representative_if_seen", required=False),
                _text("source"),
                _text("notes", required=False),
            ),
            key=("year", "month"),
            compared=("president_member",),
            user_pattern="presidency*.csv",
        ),
        "term_dates": Table(
            name="term_dates",
            bundled=("term_dates.csv",),
            columns=(
                Column("member", "member"),
                Column("first_day", "date"),
                Column("last_day", "date"),
                _text("what"),
                _text("source"),
                _text("notes", required=False),
            ),
            key=("member", "first_day"),
            compared=("last_day",),
            user_pattern="term_dates*.csv",
        ),
        "elected_changes": Table(
            name="elected_changes",
            bundled=("elected_changes.csv",),
            columns=(
                Column("date", "date"),
                Column("from_code", "code"),
                Column("to_code", "code"),
                _text("source"),
            ),
            key=("date", "from_code"),
            compared=("to_code",),
            user_pattern="elected_changes*.csv",
        ),
        "renames": Table(
            name="renames",
            bundled=("renames.csv",),
            columns=(
                Column("date", "date"),
                Column("member", "member"),
                _text("old_name"),
                _text("new_name"),
                _text("source"),
            ),
            key=("date", "member"),
            compared=("new_name",),
            user_pattern="renames*.csv",
        ),
        "vetoes": Table(
            name="vetoes",
            bundled=("vetoes.csv",),
            columns=(
                Column("date", "date"),
                _text("draft_symbol", required=False),
                _text("meeting", required=False),
                _text("agenda"),
                Column("vetoed_by", "members"),
                Column("yes", "count", required=False),
                Column("no", "count", required=False),
                Column("abstain", "count", required=False),
                _text("source"),
                _text("notes", required=False),
            ),
            key=("date", "draft_symbol", "meeting"),
            compared=("vetoed_by", "yes", "no", "abstain"),
            user_pattern="vetoes*.csv",
        ),
        "veto_gaps": Table(
            name="veto_gaps",
            bundled=("veto_gaps.csv",),
            columns=(
                Column("vetoed_by", "members", required=False),
                Column("since", "date"),
                Column("until", "date", required=False),
                _text("agenda", required=False),
                _text("what"),
                _text("source"),
            ),
            key=("vetoed_by", "since"),
            compared=("until", "what"),
            user_pattern="veto_gaps*.csv",
        ),
        "un_holidays": Table(
            name="un_holidays",
            bundled=("un_holidays.csv",),
            columns=(Column("date", "date"), _text("name"), _text("source")),
            key=("date",),
            compared=(),
            user_pattern="un_holidays*.csv",
        ),
    }
)
