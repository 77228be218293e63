"""Colours, words and shared helpers of the figures (``unsc_tracker.plot``)."""

from __future__ import annotations

from collections.abc import Mapping

from ..errors import MissingExtraError
from ..members import MemberState, member
from ..voting import Ballot

__all__ = [
    "BALLOT_COLOURS",
    "SEAT_COLOURS",
    "STAGE_COLOURS",
    "matplotlib_or_error",
    "present_holder",
]

# Okabe-Ito colours, told apart with the common forms of colour blindness.
BALLOT_COLOURS: Mapping[Ballot, str] = {
    Ballot.YES: "#009E73",
    Ballot.NO: "#D55E00",
    Ballot.ABSTAIN: "#E69F00",
    Ballot.ABSENT: "#BBBBBB",
    Ballot.NOT_VOTING: "#CC79A7",
}
"""The colour of each ballot in :func:`vote_chart`."""

SEAT_COLOURS: Mapping[str, str] = {
    "CHN": "#009E73",
    "FRA": "#F0E442",
    "GBR": "#CC79A7",
    "RUS": "#D55E00",
    "USA": "#0072B2",
}
"""The colour of each permanent seat in :func:`vetoes_by_year`, keyed by its present holder."""

STAGE_COLOURS: Mapping[str, str] = {
    "concept": "#F0F0F0",
    "zero_draft": "#E3ECF7",
    "negotiation": "#CFE1F2",
    "under_silence": "#DCD0EC",
    "agreed": "#D5EDD5",
    "in_blue": "#A9CBEA",
    "scheduled": "#FBE3B8",
    "adopted": "#A8DDB5",
    "vetoed": "#F4B6A6",
    "failed": "#F9D3C6",
    "withdrawn": "#D9D9D9",
    "not_put_to_vote": "#C8C8C8",
}
"""The band colour of each stage (``Stage`` values) in :func:`timeline`."""

_STANCE_COLOURS = {
    "support": BALLOT_COLOURS[Ballot.YES],
    "oppose": BALLOT_COLOURS[Ballot.NO],
    "abstain": BALLOT_COLOURS[Ballot.ABSTAIN],
    "undecided": "#777777",
}
_BALLOT_WORDS = {
    Ballot.YES: "yes",
    Ballot.NO: "no",
    Ballot.ABSTAIN: "abstain",
    Ballot.ABSENT: "absent",
    Ballot.NOT_VOTING: "not voting",
}
_VETO_HATCH = "///"


def matplotlib_or_error(feature: str) -> None:
    """Import matplotlib, or say which extra brings it."""
    try:
        import matplotlib  # the parent first: a blocked parent stops cached submodules
        import matplotlib.figure  # noqa: F401
    except ImportError as err:
        raise MissingExtraError(feature, "plot", "matplotlib") from err


def present_holder(state: MemberState) -> MemberState:
    """The seat's present holder (the Russian Federation for the USSR)."""
    while state.successor is not None:
        state = member(state.successor)
    return state
