"""The vote record: every decision the Council voted on, member by member.

- :class:`Vote`, one vote (the text, the day, the meeting, the modality, each member's ballot,
  the counts, the recorded and the computed outcome, the source of each fact), and
  :class:`Votes`, a selection of them with the conflicts between their sources;
- :func:`votes`, the bundled record (resolutions 2000-2026 from the UN's AKN4UN collection, the
  drafts not adopted, the veto record), alone or merged with the user's sources;
- readers: :func:`read_votes` (the library's CSV format), :func:`read_undl` (the UN Digital
  Library's voting data), :func:`read_akn4un` (a folder of the UN's XML); :func:`write_votes`;
- :func:`merge` and :func:`compare`, sources made one record, their disagreements kept;
- :func:`coverage`, what the record holds by year and kind of text, and :func:`agreement`, how
  often two members voted alike.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from .query import bundled, votes
from .selection import Votes
from .vote import FACTS, Conflict, Coverage, Modality, TextKind, Vote

if TYPE_CHECKING:
    from .akn import AknVotes, read_akn4un
    from .coincidence import METHODS, agreement
    from .coverage_table import CoverageRow, CoverageTable, coverage
    from .csvfiles import BALLOT_COLUMNS, VOTE_COLUMNS, read_votes, write_votes
    from .merging import compare, merge
    from .undl import UNDL_COLUMNS, read_undl

# Names of the readers and of the analysis, imported on first access (PEP 562), so that
# ``ut.votes()`` loads only what reading the bundled record needs.
_LAZY = {
    **dict.fromkeys(["AknVotes", "read_akn4un"], "akn"),
    **dict.fromkeys(["METHODS", "agreement"], "coincidence"),
    **dict.fromkeys(["CoverageRow", "CoverageTable", "coverage"], "coverage_table"),
    **dict.fromkeys(["BALLOT_COLUMNS", "VOTE_COLUMNS", "read_votes", "write_votes"], "csvfiles"),
    **dict.fromkeys(["compare", "merge"], "merging"),
    **dict.fromkeys(["UNDL_COLUMNS", "read_undl"], "undl"),
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'unsc_tracker.record' has no attribute {name!r}")
    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


__all__ = [
    "BALLOT_COLUMNS",
    "FACTS",
    "METHODS",
    "UNDL_COLUMNS",
    "VOTE_COLUMNS",
    "AknVotes",
    "Conflict",
    "Coverage",
    "CoverageRow",
    "CoverageTable",
    "Modality",
    "TextKind",
    "Vote",
    "Votes",
    "agreement",
    "bundled",
    "compare",
    "coverage",
    "merge",
    "read_akn4un",
    "read_undl",
    "read_votes",
    "votes",
    "write_votes",
]
