"""Microseconds per tally of a fifteen-member vote, against a bare loop that only counts.

Run by hand: ``python benchmarks/bench_tally.py``. Target (issue: foundation): from typed ballots,
at most three times the bare loop, so no validation runs on the hot path once inputs are typed.
"""

from __future__ import annotations

import timeit
from datetime import date

import unsc_tracker as ut
from unsc_tracker import Ballot

DAY = date(2016, 10, 8)
WORDS = {
    "Russian Federation": "no", "Venezuela": "no", "Angola": "abstain", "China": "abstain",
    "France": "yes", "United Kingdom": "yes", "United States": "yes", "Egypt": "yes", "Japan": "yes",
    "Malaysia": "yes", "New Zealand": "yes", "Senegal": "yes", "Spain": "yes", "Ukraine": "yes",
    "Uruguay": "yes",
}  # fmt: skip
TYPED = {ut.member(name): Ballot(word) for name, word in WORDS.items()}


def bare_count(ballots: dict[ut.MemberState, Ballot]) -> tuple[int, int, int]:
    yes = no = abstain = 0
    for ballot in ballots.values():
        if ballot is Ballot.YES:
            yes += 1
        elif ballot is Ballot.NO:
            no += 1
        elif ballot is Ballot.ABSTAIN:
            abstain += 1
    return yes, no, abstain


def per_call_us(stmt: object, number: int = 20000, repeat: int = 7) -> float:
    return min(timeit.repeat(stmt, number=number, repeat=repeat)) / number * 1e6  # type: ignore[arg-type]


def main() -> None:
    ut.tally(TYPED, on=DAY)  # warm the Council cache, as any second call would find it
    ut.tally(WORDS, on=DAY)
    bare = per_call_us(lambda: bare_count(TYPED))
    typed = per_call_us(lambda: ut.tally(TYPED, on=DAY))
    words = per_call_us(lambda: ut.tally(WORDS, on=DAY))
    print(f"bare loop counting 15 ballots : {bare:6.2f} us")
    print(
        f"tally, typed ballots          : {typed:6.2f} us  ({typed / bare:.2f} x bare; target <= 3)"
    )
    print(f"tally, plain strings          : {words:6.2f} us  ({words / bare:.2f} x bare)")


if __name__ == "__main__":
    main()
