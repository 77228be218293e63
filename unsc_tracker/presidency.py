"""The presidency of the Council month by month: the sourced table, and rule 18 where it is silent.

Rule 18 of the provisional rules of procedure: "The presidency of the Security Council shall be
held in turn by the members of the Security Council in the English alphabetical order of their
names. Each President shall hold office for one calendar month." (S/96/Rev.7; PROCEDURE.md).

The bundled table ``data/presidency.csv`` names the president of every month a source was found
for, with that source. For the other months this module applies rule 18 from the nearest sourced
month before, and says how far the answer can be trusted (:class:`Basis`):

- ``sourced``: a source names the president;
- ``rotation``: rule 18 from the last sourced month, and the same rotation arrives at the next
  sourced month exactly: the gap is checked at both ends;
- ``projected``: rule 18 from the last sourced month, with no later source to check it against
  (the months after the record's last source, and the months ahead);
- ``unknown``: the rotation from the last sourced month does not arrive at the next one, so an
  exception to rule 18 happened somewhere in the gap and no month of it is given.

In 1946 presidencies ran from the 17th of a month to the 16th of the next (the Council first met on
17 January 1946); resolution 14 (1946) of 16 December 1946 kept the United States in office to
31 December so that presidencies ran by calendar month from 1947. The table's 1946 rows name the
member that took office on the 17th.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from .members import member

__all__ = [
    "Basis",
    "MonthPresidency",
    "SourcedMonth",
    "presidencies",
    "rotation_successor",
    "term_month",
]

Seated = Sequence[tuple[str, str]]
"""The members of a month as (code, the name it bore then)."""


class Basis(StrEnum):
    """How the president of a month is known."""

    SOURCED = "sourced"
    ROTATION = "rotation"
    PROJECTED = "projected"
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class MonthPresidency:
    """The president of one month, how that is known, and from where."""

    year: int
    month: int
    code: str | None
    basis: Basis
    source: str
    representative: str | None = None
    note: str = ""


@dataclass(frozen=True, slots=True)
class SourcedMonth:
    """A row of the table: a month and its president as a source gives them."""

    year: int
    month: int
    code: str
    source: str
    representative: str | None
    note: str


def rotation_successor(previous: str, seated: Seated) -> str:
    """Rule 18: the member after ``previous`` in English alphabetical order of the month's names.

    A president whose term ended with the year is followed by the first member whose name sorts
    after its own, wrapping round to the first name.

    >>> rotation_successor("ESP", [("AGO", "Angola"), ("ESP", "Spain"), ("URY", "Uruguay")])
    'URY'
    >>> rotation_successor("URY", [("AGO", "Angola"), ("ESP", "Spain"), ("VEN", "Venezuela")])
    'VEN'
    """
    ordered = sorted(seated, key=lambda item: item[1].casefold())
    codes = [code for code, _ in ordered]
    if previous in codes:
        return codes[(codes.index(previous) + 1) % len(codes)]
    name = member(previous).name.casefold()
    for code, then in ordered:
        if then.casefold() > name:
            return code
    return codes[0]


def _months(first: tuple[int, int], last: tuple[int, int]) -> list[tuple[int, int]]:
    year, month = first
    found = []
    while (year, month) <= last:
        found.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return found


def presidencies(
    table: Sequence[SourcedMonth],
    seated: Callable[[int, int], Seated],
    first: tuple[int, int],
    last: tuple[int, int],
) -> dict[tuple[int, int], MonthPresidency]:
    """Every month from ``first`` to ``last``: the table's president, or rule 18 where it is silent.

    ``seated(year, month)`` gives the members of the month (as on its first day).
    """
    sourced = {(row.year, row.month): row for row in table}
    months = _months(first, last)
    found: dict[tuple[int, int], MonthPresidency] = {}
    pending: list[tuple[tuple[int, int], str]] = []  # rotated months since the last source
    anchor: SourcedMonth | None = None
    previous: str | None = None
    for year, month in months:
        row = sourced.get((year, month))
        if row is not None:
            if pending and anchor is not None:
                agrees = (
                    previous is not None
                    and rotation_successor(previous, seated(year, month)) == row.code
                )
                _settle(found, pending, anchor, row, agrees)
            pending = []
            anchor, previous = row, row.code
            found[(year, month)] = MonthPresidency(
                year, month, row.code, Basis.SOURCED, row.source, row.representative, row.note
            )
        elif previous is not None:
            previous = rotation_successor(previous, seated(year, month))
            pending.append(((year, month), previous))
    if anchor is not None:
        for (year, month), code in pending:
            found[(year, month)] = MonthPresidency(
                year,
                month,
                code,
                Basis.PROJECTED,
                f"rule 18 rotation from {anchor.year}-{anchor.month:02d} ({anchor.source}); "
                "no later source to check it against",
            )
    for year, month in months:
        found.setdefault(
            (year, month),
            MonthPresidency(year, month, None, Basis.UNKNOWN, "no source before this month"),
        )
    return found


def _settle(
    found: dict[tuple[int, int], MonthPresidency],
    pending: list[tuple[tuple[int, int], str]],
    anchor: SourcedMonth,
    after: SourcedMonth,
    agrees: bool,
) -> None:
    span = f"{anchor.year}-{anchor.month:02d} and {after.year}-{after.month:02d}"
    for (year, month), code in pending:
        if agrees:
            found[(year, month)] = MonthPresidency(
                year,
                month,
                code,
                Basis.ROTATION,
                f"rule 18 rotation between the sourced presidencies of {span}, which it joins",
            )
        else:
            found[(year, month)] = MonthPresidency(
                year,
                month,
                None,
                Basis.UNKNOWN,
                f"rule 18 rotation from {anchor.year}-{anchor.month:02d} does not arrive at the "
                f"president of {after.year}-{after.month:02d}: an exception happened between "
                f"{span}",
            )


def term_month(day: date) -> tuple[int, int]:
    """The table month whose president held office on ``day``: in 1946 terms began on the 17th."""
    if day.year == 1946 and day.day < 17:
        return (1946, day.month - 1) if day.month > 1 else (1946, 1)
    return day.year, day.month
