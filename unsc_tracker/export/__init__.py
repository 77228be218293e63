"""Results, replays, the vote record, the veto record and the Council's composition, out to
other tools.

Two families of export:

- **pandas DataFrames** (the ``pandas`` extra): :func:`vote_frame`, :func:`replay_frame`,
  :func:`vetoes_frame` and :func:`council_frame` (module :mod:`~unsc_tracker.export.frames`);
  :func:`votes_frame` and :func:`ballots_frame` for the vote record (module
  :mod:`~unsc_tracker.export.record`). Dates are ``datetime64[ns]`` columns (a day is its
  midnight); closed vocabularies (ballots, stages, outcomes, event kinds, seats) are ordered
  ``pandas.CategoricalDtype`` columns whose categories follow the enum's order; text is the
  ``string`` dtype, missing text ``<NA>``; lists are list columns. ``docs/export.md`` has a
  table of columns per frame.
- **Popolo and Open Civic Data** (no dependency, module :mod:`~unsc_tracker.export.popolo`):
  :func:`popolo_vote_event` gives a Popolo ``VoteEvent`` (popoloproject.com, version 1.0.1) and
  :func:`ocd_actions` a draft's history as Open Civic Data bill actions. Both are plain
  JSON-ready dicts. What those specifications have no field for (the veto above all) goes in
  extension fields prefixed ``unsc:``.

pandas is imported inside the functions that need it, never when this package loads.
"""

from __future__ import annotations

from .frames import KEYS, SEATS, council_frame, replay_frame, vetoes_frame, vote_frame
from .popolo import OCD_CLASSIFICATIONS, POPOLO_OPTIONS, member_id, ocd_actions, popolo_vote_event
from .record import ballots_frame, votes_frame

__all__ = [
    "KEYS",
    "OCD_CLASSIFICATIONS",
    "POPOLO_OPTIONS",
    "SEATS",
    "ballots_frame",
    "council_frame",
    "member_id",
    "ocd_actions",
    "popolo_vote_event",
    "replay_frame",
    "vetoes_frame",
    "vote_frame",
    "votes_frame",
]
