"""The dated, sourced facts of a draft's life, one typed model per kind.

Every event has a ``kind`` (the discriminator, so files round-trip), a ``date`` (a day, or a day
and a time when the source gives one), an optional ``source`` (a document symbol or an address)
and an optional ``note``. A date may also be given as a report would write it,
``{report = "2016-10-05", day = "Monday"}``: it is resolved with
:func:`~unsc_tracker.dates.relative_day` and the words are kept in ``reported_as``.

Some events move the draft from one stage to another (:mod:`unsc_tracker.lifecycle`); others
(positions, contacts, statements, sponsors joining or leaving) change only what to expect.
A vote's outcome is never read from a file: :class:`VoteHeld` carries the ballots, and the
replay applies :func:`~unsc_tracker.voting.tally` to them.

The modules: :mod:`~unsc_tracker.events.base` (what every event has: the kinds, the date, the
source), :mod:`~unsc_tracker.events.kinds` (one model per kind, and :data:`Event`) and
:mod:`~unsc_tracker.events.log` (the retractions of a log).
"""

from __future__ import annotations

from .base import Audience, EventDate, EventKind, ReportedDate, day_of
from .kinds import (
    Circulated,
    DiplomaticContact,
    Event,
    GaDebateHeld,
    NotPutToVote,
    PositionStated,
    PutInBlue,
    Retracted,
    Revised,
    Revived,
    SilenceBroken,
    SilenceExtended,
    SilencePassed,
    SilenceStarted,
    SponsorJoined,
    SponsorLeft,
    Statement,
    VoteHeld,
    VotePostponed,
    VoteScheduled,
    Withdrawn,
    fields_of,
)
from .log import in_force, mixed_times, withdrawals

__all__ = [
    "Audience",
    "Circulated",
    "DiplomaticContact",
    "Event",
    "EventDate",
    "EventKind",
    "GaDebateHeld",
    "NotPutToVote",
    "PositionStated",
    "PutInBlue",
    "ReportedDate",
    "Retracted",
    "Revised",
    "Revived",
    "SilenceBroken",
    "SilenceExtended",
    "SilencePassed",
    "SilenceStarted",
    "SponsorJoined",
    "SponsorLeft",
    "Statement",
    "VoteHeld",
    "VotePostponed",
    "VoteScheduled",
    "Withdrawn",
    "day_of",
    "fields_of",
    "in_force",
    "mixed_times",
    "withdrawals",
]
