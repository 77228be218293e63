"""Time forecast.expect and forecast.probabilities on the fifteen-member Council.

Run by hand from the repository root: ``python benchmarks/bench_forecast.py``. The replay calls
``expect`` on every snapshot, so it has to stay in the tens of microseconds.
"""

from __future__ import annotations

import timeit
from collections.abc import Callable
from datetime import date

from unsc_tracker.council import council
from unsc_tracker.forecast import Stance, expect, probabilities

DAY = date(2016, 10, 5)
"""Negotiation of S/2016/846, three days before the vote."""


def _per_call(label: str, call: Callable[[], object], number: int) -> None:
    call()  # the first call loads the bundled tables; leave it out of the timing
    best = min(timeit.repeat(call, number=number, repeat=5)) / number
    print(f"{label:<58} {best * 1e6:9.2f} µs per call")


def main() -> None:
    members = council(on=DAY).members
    by_name = {"Russia": "oppose", "France": "support", "Spain": "support", "UK": "support"}
    by_name |= {"US": "support", "China": "abstain", "Angola": "undecided"}
    by_state = dict.fromkeys(members[5:], Stance.SUPPORT)
    by_state |= {members[2]: Stance.OPPOSE}
    by_code = {state.code: "support" for state in members}
    uncertain = {
        state: {"yes": 0.6, "no": 0.1, "abstain": 0.2, "absent": 0.05, "not_voting": 0.05}
        for state in members
    }
    print(f"Council of {DAY.isoformat()}: {len(members)} members")
    _per_call("expect, 7 positions by name, 8 undecided", lambda: expect(by_name, on=DAY), 20_000)
    _per_call(
        "expect, 11 positions by MemberState and Stance", lambda: expect(by_state, on=DAY), 20_000
    )
    _per_call("expect, all 15 by ISO code, adopted", lambda: expect(by_code, on=DAY), 20_000)
    _per_call("expect, no positions at all", lambda: expect({}, on=DAY), 20_000)
    _per_call(
        "probabilities, all 15 uncertain over 5 ballots",
        lambda: probabilities(uncertain, on=DAY),
        2_000,
    )


if __name__ == "__main__":
    main()
