"""Figures: a draft's timeline, one vote seat by seat, the veto record year by year, and the vote
record: members' voting coincidence and each member's ballots by year.

Each function returns a new :class:`matplotlib.figure.Figure`, built without ``pyplot``, so no
GUI backend and no global state is involved; save it with ``figure.savefig(path)``, or show it
in a notebook by leaving it as the cell's value. matplotlib is the ``plot`` extra and is imported
inside the functions only: importing this package draws nothing and needs no matplotlib.

>>> from unsc_tracker.scenarios import load_scenario
>>> result = load_scenario("aleppo-2016").replay("S/2016/846").final.result
>>> figure = vote_chart(result, title="S/2016/846")
>>> [text.get_text() for text in figure.legends[0].get_texts()]
['yes', 'no', 'abstain', 'veto']
"""

from __future__ import annotations

from .record import agreement_heatmap, ballots_by_year
from .style import BALLOT_COLOURS, SEAT_COLOURS, STAGE_COLOURS
from .timeline import timeline
from .vetoes import vetoes_by_year
from .vote import vote_chart

__all__ = [
    "BALLOT_COLOURS",
    "SEAT_COLOURS",
    "STAGE_COLOURS",
    "agreement_heatmap",
    "ballots_by_year",
    "timeline",
    "vetoes_by_year",
    "vote_chart",
]
