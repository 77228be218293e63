"""What the vote record holds, year by year and kind by kind: ballots, counts only, or nothing.

>>> table = coverage(votes(since="2016-01-01", until="2016-12-31"))
>>> row = table.row(2016, "draft")
>>> row.votes, row.ballots, row.counts
(4, 4, 0)
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, NamedTuple

from .extras import pandas_or_error
from .query import votes
from .vote import Coverage, TextKind, Vote

if TYPE_CHECKING:
    from pandas import DataFrame  # type: ignore[import-untyped, import-not-found, unused-ignore]

__all__ = ["CoverageRow", "CoverageTable", "coverage"]


class CoverageRow(NamedTuple):
    """One year and kind of text: how many votes, and what the record holds of them."""

    year: int
    kind: TextKind
    votes: int
    ballots: int
    """Votes with every member's ballot."""
    counts: int
    """Votes with the counts only."""
    nothing: int
    """Votes with neither ballots nor counts."""
    no_vote: int
    """Texts adopted without a vote or by acclamation: nothing to record."""


class CoverageTable:
    """Rows of :class:`CoverageRow`, by year and kind of text; ``print`` it for a table."""

    def __init__(self, rows: Iterable[CoverageRow]) -> None:
        self.rows: tuple[CoverageRow, ...] = tuple(rows)

    def __iter__(self) -> Iterator[CoverageRow]:
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)

    def row(self, year: int, kind: TextKind | str) -> CoverageRow:
        """The row of one year and kind; a row of zeros when the record has no such vote."""
        wanted = TextKind(kind)
        for found in self.rows:
            if found.year == year and found.kind is wanted:
                return found
        return CoverageRow(year, wanted, 0, 0, 0, 0, 0)

    def totals(self) -> CoverageRow | None:
        """All rows added up (``year`` is the last year, ``kind`` the first row's)."""
        if not self.rows:
            return None
        return CoverageRow(
            self.rows[-1].year,
            self.rows[0].kind,
            sum(row.votes for row in self.rows),
            sum(row.ballots for row in self.rows),
            sum(row.counts for row in self.rows),
            sum(row.nothing for row in self.rows),
            sum(row.no_vote for row in self.rows),
        )

    def __str__(self) -> str:
        header = ("year", "kind", "votes", "ballots", "counts", "nothing", "no vote")
        lines = [header] + [
            (str(r.year), r.kind.value, *(str(n) for n in r[2:])) for r in self.rows
        ]
        widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
        return "\n".join(
            "  ".join(
                cell.ljust(width) if i < 2 else cell.rjust(width)
                for i, (cell, width) in enumerate(zip(line, widths, strict=True))
            ).rstrip()
            for line in lines
        )

    def __repr__(self) -> str:
        return f"CoverageTable({len(self.rows)} rows)"

    def to_frame(self) -> DataFrame:
        """The table as a pandas DataFrame, one row per year and kind (needs pandas)."""
        pd = pandas_or_error("CoverageTable.to_frame()")
        frame = pd.DataFrame(self.rows, columns=list(CoverageRow._fields))
        frame["kind"] = pd.Categorical(
            [kind.value for kind in frame["kind"]], categories=[k.value for k in TextKind]
        )
        return frame


def coverage(selection: Iterable[Vote] | None = None) -> CoverageTable:
    """What the record holds of each vote, counted by year and kind of text.

    ``selection`` defaults to the whole bundled record (``votes()``). Kinds are those of
    :class:`~unsc_tracker.record.TextKind`; a year and kind with no vote has no row.
    """
    chosen = votes() if selection is None else selection
    tallies: dict[tuple[int, TextKind], Counter[Coverage]] = {}
    for vote in chosen:
        tallies.setdefault((vote.date.year, vote.kind), Counter())[vote.coverage] += 1
    order = {kind: index for index, kind in enumerate(TextKind)}
    rows = [
        CoverageRow(
            year,
            kind,
            sum(found.values()),
            found[Coverage.BALLOTS],
            found[Coverage.COUNTS],
            found[Coverage.NOTHING],
            found[Coverage.NO_VOTE],
        )
        for (year, kind), found in sorted(tallies.items(), key=lambda i: (i[0][0], order[i[0][1]]))
    ]
    return CoverageTable(rows)
