"""unsc-tracker: UN Security Council draft resolutions, the Charter's voting rule and the veto."""

from . import errors
from ._version import __version__
from .council import Council, Term, council, terms
from .errors import (
    BallotError,
    DateOutOfRecordError,
    NotOnCouncilError,
    UnknownMemberError,
    UnscTrackerError,
)
from .members import MemberState, member
from .voting import Ballot, Outcome, VoteRecord, VoteResult, tally

__all__ = [
    "Ballot",
    "BallotError",
    "Council",
    "DateOutOfRecordError",
    "MemberState",
    "NotOnCouncilError",
    "Outcome",
    "Term",
    "UnknownMemberError",
    "UnscTrackerError",
    "VoteRecord",
    "VoteResult",
    "__version__",
    "council",
    "errors",
    "member",
    "tally",
    "terms",
]
