"""Tally the two Aleppo votes of 8 October 2016 (7785th meeting, S/PV.7785) under Article 27.

Ballots from the UN press release SC/12545 (https://press.un.org/en/2016/sc12545.doc.htm); the
eleven "yes" votes on S/2016/846 are the members the release does not name as voting no or
abstaining (confirmed by Lusa and, for Egypt, by Mada Masr; see docs/voting.md).
"""

from datetime import date

import unsc_tracker as ut

VOTE_DAY = date(2016, 10, 8)

FRENCH_SPANISH_DRAFT = {  # S/2016/846
    "Russian Federation": "no",
    "Venezuela": "no",
    "Angola": "abstain",
    "China": "abstain",
    **dict.fromkeys(
        [
            "France",
            "United Kingdom",
            "United States",
            "Egypt",
            "Japan",
            "Malaysia",
            "New Zealand",
            "Senegal",
            "Spain",
            "Ukraine",
            "Uruguay",
        ],
        "yes",
    ),
}

RUSSIAN_DRAFT = {  # S/2016/847
    **dict.fromkeys(["China", "Egypt", "Russian Federation", "Venezuela"], "yes"),
    **dict.fromkeys(["Angola", "Uruguay"], "abstain"),
    **dict.fromkeys(
        [
            "France",
            "Japan",
            "Malaysia",
            "New Zealand",
            "Senegal",
            "Spain",
            "Ukraine",
            "United Kingdom",
            "United States",
        ],
        "no",
    ),
}


def main() -> None:
    seated = ut.council(on=VOTE_DAY)
    print(
        f"Security Council on {VOTE_DAY:%d %B %Y}: {seated.size} members, "
        f"{seated.threshold} votes needed, president {seated.president}"
    )
    for symbol, ballots in [("S/2016/846", FRENCH_SPANISH_DRAFT), ("S/2016/847", RUSSIAN_DRAFT)]:
        result = ut.tally(ballots, on=VOTE_DAY)
        print(f"{symbol}: {result}")


if __name__ == "__main__":
    main()
