"""The presidency month by month: the sourced table, rule 18's rotation, and its exceptions."""

from __future__ import annotations

import importlib
from collections import Counter
from datetime import date
from itertools import pairwise

import pytest

import unsc_tracker as ut
from unsc_tracker import datafiles
from unsc_tracker.council import FIRST_MEETING, RECORD_END
from unsc_tracker.presidency import Basis, rotation_successor

council_module = importlib.import_module("unsc_tracker.council")

# Sourced months where the president is not the one rule 18's rotation gives, each with its record.
EXCEPTIONS = {
    # Resolution 14 (1946) kept the United States in office to 31 December 1946, so that
    # presidencies ran by calendar month from 1947 (in 1946 they ran from the 17th to the 16th).
    (1946, 12): "USA",
    # Spain presided in Rwanda's turn (S/PV.3422 cover); Rwanda presided in December instead
    # (tribute in S/PV.3486), and Argentina in January 1995 as the rotation resumed from the
    # United States (S/PV.3486 cover).
    (1994, 9): "ESP",
    (1994, 12): "RWA",
    (1995, 1): "ARG",
}


def months() -> list[tuple[int, int]]:
    return [(y, m) for y in range(FIRST_MEETING.year, RECORD_END.year + 1) for m in range(1, 13)]


def first_day(year: int, month: int) -> date:
    return max(date(year, month, 1), FIRST_MEETING)


def test_every_month_of_the_record_has_a_president() -> None:
    bases: Counter[str] = Counter()
    for year, month in months():
        seated = ut.council(on=first_day(year, month))
        assert seated.president is not None, (year, month, seated.notes)
        assert seated.president in seated.members, (year, month)
        assert seated.president_source, (year, month)
        bases[seated.president_basis or ""] += 1
    assert bases[Basis.UNKNOWN] == 0
    assert bases[Basis.SOURCED] >= 256
    assert sum(bases.values()) == len(months())


def test_the_sourced_months_follow_rule_18_but_for_the_known_exceptions() -> None:
    sourced = sorted(
        (int(row["year"]), int(row["month"]), ut.member(row["president_member"]).code)
        for row in datafiles.rows("presidency")
    )
    differ = {}
    for (y0, m0, before), (y1, m1, after) in pairwise(sourced):
        code = before
        year, month = y0, m0
        while (year, month) != (y1, m1):
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
            code = rotation_successor(code, council_module._seated_in(year, month))
        if code != after:
            differ[(y1, m1)] = after
    assert differ == EXCEPTIONS


@pytest.mark.parametrize(
    ("day", "code", "name_then"),
    [
        # Jacob Malik's letter "assuming the presidency ... in August" (Time, 1950).
        (date(1950, 8, 1), "SUN", "Union of Soviet Socialist Republics"),
        (date(2016, 10, 8), "RUS", "Russian Federation"),  # presidency.csv sources
        (date(2016, 12, 5), "ESP", "Spain"),
        (date(2023, 10, 10), "BRA", "Brazil"),  # Brazil's foreign ministry, end of its presidency
    ],
)
def test_presidents_checked_against_their_sources(day: date, code: str, name_then: str) -> None:
    seated = ut.council(on=day)
    assert seated.president is not None
    assert seated.president.code == code
    assert seated.name_then(seated.president) == name_then
    assert seated.president_basis == "sourced"


def test_presidencies_of_1946_ran_from_the_17th() -> None:
    # Australia from 17 January (S/PV.1); on 10 February the January president was still in office.
    assert ut.council(on="1946-02-10").president == ut.member("Australia")
    assert ut.council(on="1946-12-05").president == ut.council(on="1946-11-20").president


def test_a_month_between_sources_is_rotation_checked_at_both_ends() -> None:
    seated = ut.council(on="1975-06-15")
    assert seated.president_basis == "rotation"
    assert "between the sourced presidencies of" in (seated.president_source or "")
    assert any(note.startswith("president: rule 18 rotation") for note in seated.notes)


def test_the_months_ahead_are_projected_and_say_so() -> None:
    seated = ut.council(on="2027-01-05")
    assert seated.president_basis == "projected"
    assert "no later source" in (seated.president_source or "")


def test_rotation_after_a_member_leaves_takes_the_next_name() -> None:
    members = [("AGO", "Angola"), ("ESP", "Spain"), ("VEN", "Venezuela (Bolivarian Republic of)")]
    assert rotation_successor("URY", members) == "VEN"
    assert rotation_successor("VEN", members) == "AGO"
