"""The record's tables: the bundled files, the user's own, read, checked and merged.

The historical record (membership, presidency, term dates, vetoes, UN holidays, votes) ships as
CSV files in ``unsc_tracker/data/``. Users extend it with files of the same names and columns in
folders of their own: :func:`use_data` in Python, or the environment variable
``UNSC_TRACKER_DATA`` (folders separated by ``os.pathsep``) for the command line. Every user file
is checked before any of it is used: a missing column, a value that does not read, or a member
the library does not know is a :class:`~unsc_tracker.errors.DataFileError` naming the file, the
line, the column and the value, and nothing of that folder is loaded.

A user row that contradicts a bundled row (another term for the same member and year, another
president for the same month, other counts for the same veto) is reported, never silently
preferred: it is listed in the :class:`DataReport` that :func:`use_data` returns and raised as a
:class:`UserDataWarning`, and the bundled row stays in force unless ``override=True``.

This module knows no model but members; the council, the veto record and the vote record read
their tables through :func:`rows`.
"""

from __future__ import annotations

import csv
import io
import os
import warnings
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from types import MappingProxyType

from .errors import DataFileError
from .files import read_text
from .members import member
from .tables import AS_IS, TABLES, Column, Table

__all__ = [
    "TABLES",
    "Column",
    "DataConflict",
    "DataReport",
    "Row",
    "Table",
    "UserDataWarning",
    "data_folders",
    "on_change",
    "rows",
    "use_data",
]

ENVIRONMENT_VARIABLE = "UNSC_TRACKER_DATA"
"""Folders of the user's own tables for every process (the command line), ``os.pathsep``-separated."""


class UserDataWarning(UserWarning):
    """A user row that contradicts the bundled record; the bundled row stays unless overridden."""


# --- rows -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Row:
    """One row of a table, with where it was read: the file, its line, and whether it is bundled."""

    values: Mapping[str, str]
    file: str
    line: int
    bundled: bool

    def __getitem__(self, column: str) -> str:
        return self.values[column]

    @property
    def place(self) -> str:
        """``file, line n``: where the row was read."""
        return f"{self.file}, line {self.line}"


@dataclass(frozen=True)
class DataConflict:
    """A user row that says something else than the bundled row with the same key."""

    table: str
    key: tuple[str, ...]
    bundled: Row
    user: Row

    def __str__(self) -> str:
        differ = [
            f"{column} {self.bundled[column]!r} (bundled, {self.bundled.place}) but "
            f"{self.user[column]!r} ({self.user.place})"
            for column in TABLES[self.table].compared
            if self.bundled[column] != self.user[column]
        ]
        return f"{self.table} {', '.join(self.key)}: " + "; ".join(differ)


@dataclass
class DataReport:
    """What :func:`use_data` read: rows added per table, and rows that contradict the record."""

    folder: Path
    added: dict[str, int] = field(default_factory=dict)
    conflicts: list[DataConflict] = field(default_factory=list)
    override: bool = False

    def __str__(self) -> str:
        tables = ", ".join(f"{n} {table}" for table, n in self.added.items()) or "no rows"
        said = f"{self.folder}: {tables} added"
        if self.conflicts:
            kept = "the user's rows override them" if self.override else "the bundled rows stand"
            said += f"; {len(self.conflicts)} contradict the bundled record ({kept})"
        return said


def _read(table: Table, text: str, file: str, bundled: bool, check: bool = True) -> list[Row]:
    """Every row of one file, checked column by column (unless ``check`` is false: the bundled
    tables are checked by the test suite, not at every start); the first fault raises."""
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration:
        raise DataFileError(
            f"{file}: empty file; expected a header {','.join(table.column_names)}"
        ) from None
    except csv.Error as err:
        raise DataFileError(f"{file}, line 1: {err}") from None
    header = [name.strip() for name in header]
    missing = [
        column.name for column in table.columns if column.required and column.name not in header
    ]
    if missing:
        raise DataFileError(
            f"{file}, line 1: missing column{'s' if len(missing) > 1 else ''} "
            f"{', '.join(missing)} (a {table.name} table has {','.join(table.column_names)})"
        )
    found: list[Row] = []
    try:
        for record in reader:
            line = reader.line_num
            if not any(cell.strip() for cell in record):
                continue
            if len(record) != len(header):
                raise DataFileError(
                    f"{file}, line {line}: {len(record)} fields where the header has {len(header)}"
                )
            values = {name: cell.strip() for name, cell in zip(header, record, strict=True)}
            for column in table.columns if check else ():
                value = values.setdefault(column.name, "")
                problem = column.problem(value)
                if problem is not None:
                    place = f"{file}, line {line}, column {column.name}"
                    if problem.startswith(AS_IS):
                        raise DataFileError(f"{place}: {problem[1:]}")
                    if not value:
                        raise DataFileError(f"{place}: empty, expected {problem}")
                    raise DataFileError(f"{place}: {value!r} is not {problem}")
            if not check:
                for column in table.columns:
                    values.setdefault(column.name, "")
            found.append(Row(MappingProxyType(values), file, line, bundled))
    except csv.Error as err:
        raise DataFileError(f"{file}, line {reader.line_num}: {err}") from None
    return found


def _key(table: Table, row: Row) -> tuple[str, ...]:
    return tuple(
        member(row[name]).code if _is_member_column(table, name) else row[name]
        for name in table.key
    )


def _is_member_column(table: Table, name: str) -> bool:
    return any(column.name == name and column.kind == "member" for column in table.columns)


def _same(table: Table, a: Row, b: Row) -> bool:
    for name in table.compared:
        if _is_member_column(table, name) and a[name] and b[name]:
            if member(a[name]) != member(b[name]):
                return False
        elif a[name] != b[name]:
            return False
    return True


# --- the bundled tables and the user's ----------------------------------------------------------


@cache
def _bundled(table_name: str, check: bool = False) -> tuple[Row, ...]:
    """The bundled rows of a table; ``check=True`` checks every cell as user files are checked."""
    table = TABLES[table_name]
    found: list[Row] = []
    for file in table.bundled:
        path = resources.files("unsc_tracker").joinpath("data", file)
        text = path.read_text(encoding="utf-8")
        found += _read(table, text, f"unsc_tracker/data/{file}", True, check)
    return tuple(found)


def check_bundled() -> dict[str, int]:
    """Check every cell of every bundled table as user files are checked; rows per table."""
    return {name: len(_bundled(name, check=True)) for name in TABLES}


VOTE_FILES = ("votes.csv", "votes_ballots.csv")
"""The vote record's files in a user folder: ``ut.votes()`` reads them (``docs/record.md``)."""


@dataclass(frozen=True)
class _Folder:
    path: Path
    tables: Mapping[str, tuple[Row, ...]]
    override: bool


_FOLDERS: list[_Folder] = []
_LISTENERS: list[Callable[[], None]] = []
_ENVIRONMENT_READ: list[str] = []


def on_change(listener: Callable[[], None]) -> Callable[[], None]:
    """Register a cache-clearing function, called whenever user data is added or removed."""
    _LISTENERS.append(listener)
    return listener


def _changed() -> None:
    _merged.cache_clear()
    for listener in _LISTENERS:
        listener()


def _read_folder(folder: Path) -> dict[str, tuple[Row, ...]]:
    if not folder.is_dir():
        raise DataFileError(f"{folder}: not a folder of data files")
    tables: dict[str, tuple[Row, ...]] = {}
    # votes.csv and votes_ballots.csv are the vote record's tables, read by unsc_tracker.record.
    known = {table.user_pattern for table in TABLES.values()} | set(VOTE_FILES)
    csv_files = sorted(folder.glob("*.csv"))
    for table in TABLES.values():
        found: list[Row] = []
        for path in csv_files:
            if path.match(table.user_pattern):
                text = read_text(path, DataFileError, "data file")
                found += _read(table, text, str(path), False)
        if found:
            tables[table.name] = tuple(found)
    strays = [p.name for p in csv_files if not any(p.match(pattern) for pattern in known)]
    if strays and not tables:
        raise DataFileError(
            f"{folder}: no table recognised in {', '.join(strays)}; files are named like the "
            f"bundled tables ({', '.join(sorted(known))})"
        )
    return tables


def use_data(folder: str | os.PathLike[str], *, override: bool = False) -> DataReport:
    """Add the rows in ``folder`` to the record, checked first; returns what was added.

    The folder holds CSV files named and laid out like the bundled tables (``membership*.csv``,
    ``presidency*.csv``, ``term_dates*.csv``, ``elected_changes*.csv``, ``vetoes*.csv``,
    ``un_holidays*.csv``; see ``docs/extending-the-record.md``). A row that contradicts the
    bundled record is reported in :attr:`DataReport.conflicts` and warned about
    (:class:`UserDataWarning`); the bundled row stays unless ``override`` is true. Raises
    :class:`~unsc_tracker.errors.DataFileError` (naming file, line, column and value) on the first
    fault, and then nothing of the folder is used. Using the same folder again replaces it.
    """
    if not isinstance(folder, str | os.PathLike):
        raise TypeError(
            f"use_data() takes a folder's path (str or Path), not {type(folder).__name__}"
        )
    try:
        path = Path(folder).expanduser().resolve()
    except (OSError, ValueError) as err:  # ValueError: a NUL, or a lone surrogate, in the path
        raise DataFileError(f"{folder!r}: not a folder of data files ({err})") from None
    tables = _read_folder(path)
    _FOLDERS[:] = [known for known in _FOLDERS if known.path != path]
    _FOLDERS.append(_Folder(path, MappingProxyType(tables), override))
    _changed()
    report = DataReport(path, override=override)
    for name, found in tables.items():
        merged_conflicts = [c for c in _merged(name)[1] if c.user.file.startswith(str(path))]
        report.added[name] = len(found)
        report.conflicts += merged_conflicts
    for conflict in report.conflicts:
        warnings.warn(str(conflict), UserDataWarning, stacklevel=2)
    return report


def forget_data(folder: str | os.PathLike[str] | None = None) -> None:
    """Stop using one user folder (or all of them): the record is the bundled one again."""
    if folder is None:
        _FOLDERS.clear()
    else:
        path = Path(folder).expanduser().resolve()
        _FOLDERS[:] = [known for known in _FOLDERS if known.path != path]
    _changed()


def data_folders() -> tuple[Path, ...]:
    """The user folders in use, in the order they were added (environment variable first)."""
    _read_environment()
    return tuple(known.path for known in _FOLDERS)


def _read_environment() -> None:
    """Use the folders named by ``UNSC_TRACKER_DATA`` once per value of the variable."""
    value = os.environ.get(ENVIRONMENT_VARIABLE, "")
    if not value or value in _ENVIRONMENT_READ:
        return
    _ENVIRONMENT_READ.append(value)
    for part in value.split(os.pathsep):
        if part.strip():
            use_data(part.strip())


@cache
def _merged(table_name: str) -> tuple[tuple[Row, ...], tuple[DataConflict, ...]]:
    table = TABLES[table_name]
    if not any(table_name in folder.tables for folder in _FOLDERS):
        return _bundled(table_name), ()
    by_key: dict[tuple[str, ...], int] = {}
    merged = list(_bundled(table_name))
    for i, row in enumerate(merged):
        by_key.setdefault(_key(table, row), i)
    conflicts: list[DataConflict] = []
    for folder in _FOLDERS:
        for row in folder.tables.get(table_name, ()):
            key = _key(table, row)
            known = by_key.get(key)
            if known is None:
                by_key[key] = len(merged)
                merged.append(row)
            elif not _same(table, merged[known], row):
                conflicts.append(DataConflict(table_name, key, merged[known], row))
                if folder.override:
                    merged[known] = row
    return tuple(merged), tuple(conflicts)


def rows(table_name: str) -> tuple[Row, ...]:
    """Every row of a table: the bundled ones, then the user's that add to them."""
    _read_environment()
    return _merged(table_name)[0]


def conflicts(table_name: str | None = None) -> tuple[DataConflict, ...]:
    """Every user row that contradicts the bundled record (of one table, or of all)."""
    _read_environment()
    names: Iterable[str] = TABLES if table_name is None else (table_name,)
    return tuple(c for name in names for c in _merged(name)[1])
