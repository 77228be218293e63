"""unsc-tracker: UN Security Council draft resolutions, the Charter's voting rule and the veto."""

from . import akn4un, errors
from ._version import __version__
from .council import Council, Term, council, terms
from .dates import Month, parse_when, relative_day, relative_month
from .drafts import DraftResolution, Resolution, Role, Sponsorship
from .errors import (
    AknError,
    BallotError,
    DateError,
    DateOutOfRecordError,
    IllegalEventError,
    NotOnCouncilError,
    ScenarioError,
    UnknownMemberError,
    UnscTrackerError,
    VetoQueryError,
)
from .events import Event, EventKind
from .forecast import Expectation, Probabilities, Stance, expect, probabilities
from .history import (
    Veto,
    check_vetoes,
    count_by_agenda,
    count_by_decade,
    count_by_member,
    count_by_year,
    vetoes,
)
from .lifecycle import Stage
from .members import MemberState, member
from .replay import Replay, Snapshot
from .scenarios import Scenario, load_scenario, save_scenario, scenario_json_schema
from .voting import Ballot, Outcome, VoteRecord, VoteResult, tally

__all__ = [
    "AknError",
    "Ballot",
    "BallotError",
    "Council",
    "DateError",
    "DateOutOfRecordError",
    "DraftResolution",
    "Event",
    "EventKind",
    "Expectation",
    "IllegalEventError",
    "MemberState",
    "Month",
    "NotOnCouncilError",
    "Outcome",
    "Probabilities",
    "Replay",
    "Resolution",
    "Role",
    "Scenario",
    "ScenarioError",
    "Snapshot",
    "Sponsorship",
    "Stage",
    "Stance",
    "Term",
    "UnknownMemberError",
    "UnscTrackerError",
    "Veto",
    "VetoQueryError",
    "VoteRecord",
    "VoteResult",
    "__version__",
    "akn4un",
    "check_vetoes",
    "council",
    "count_by_agenda",
    "count_by_decade",
    "count_by_member",
    "count_by_year",
    "errors",
    "expect",
    "load_scenario",
    "member",
    "parse_when",
    "probabilities",
    "relative_day",
    "relative_month",
    "save_scenario",
    "scenario_json_schema",
    "tally",
    "terms",
    "vetoes",
]
