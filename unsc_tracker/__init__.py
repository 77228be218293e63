"""unsc-tracker: UN Security Council draft resolutions, the Charter's voting rule and the veto.

Importing the package loads only its exceptions and version: every other public name (the
Council and the rule, the replay, scenarios, the veto record, the vote record, the UN's XML) is
imported from its module on first use (PEP 562), so that ``import unsc_tracker`` costs little
more than ``import pydantic`` and a command line starts at once. Its models are built when the
module that defines them is first used.
"""

from __future__ import annotations

import sys
from importlib import import_module
from types import ModuleType
from typing import TYPE_CHECKING, Any

from . import errors, views
from ._version import __version__
from .errors import (
    AknError,
    BallotError,
    DataFileError,
    DateError,
    DateOutOfRecordError,
    DateWarning,
    DraftError,
    EventError,
    IllegalEventError,
    MissingExtraError,
    NotOnCouncilError,
    RecordQueryError,
    ScenarioError,
    SourceConflictError,
    TrackerError,
    UnknownMemberError,
    UnscTrackerError,
    VetoQueryError,
    VoteFileError,
)

# The display layer fills the registry of notebook views: imported on the first call for HTML.
views.set_loader("unsc_tracker.display")

if TYPE_CHECKING:
    from . import akn4un, export, plot, record
    from .council import Council, Term, council, terms
    from .datafiles import use_data
    from .dates import (
        FoundDate,
        Month,
        find_dates,
        parse_when,
        relative_day,
        relative_month,
        relative_when,
    )
    from .drafts import DraftResolution, Resolution, Role, Sponsorship
    from .events import Event, EventKind
    from .export import (
        ballots_frame,
        council_frame,
        ocd_actions,
        popolo_vote_event,
        replay_frame,
        vetoes_frame,
        vote_frame,
        votes_frame,
    )
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
    from .record import Vote, Votes, agreement, votes
    from .replay import Replay, Snapshot
    from .scenarios import Scenario, load_scenario, save_scenario, scenario_json_schema
    from .tracker import Tracker
    from .voting import Ballot, Outcome, VoteRecord, VoteResult, tally

# Public name -> the module that defines it, imported on first access (PEP 562).
_LAZY = {
    "akn4un": "",
    **dict.fromkeys(["Council", "Term", "council", "terms"], "council"),
    **dict.fromkeys(["MemberState", "member"], "members"),
    **dict.fromkeys(["Ballot", "Outcome", "VoteRecord", "VoteResult", "tally"], "voting"),
    "export": "",
    "plot": "",
    "record": "",
    **dict.fromkeys(
        [
            "ballots_frame",
            "council_frame",
            "ocd_actions",
            "popolo_vote_event",
            "replay_frame",
            "vetoes_frame",
            "vote_frame",
            "votes_frame",
        ],
        "export",
    ),
    "use_data": "datafiles",
    **dict.fromkeys(
        [
            "FoundDate",
            "Month",
            "find_dates",
            "parse_when",
            "relative_day",
            "relative_month",
            "relative_when",
        ],
        "dates",
    ),
    **dict.fromkeys(["DraftResolution", "Resolution", "Role", "Sponsorship"], "drafts"),
    **dict.fromkeys(["Event", "EventKind"], "events"),
    **dict.fromkeys(
        ["Expectation", "Probabilities", "Stance", "expect", "probabilities"], "forecast"
    ),
    **dict.fromkeys(
        [
            "Veto",
            "check_vetoes",
            "count_by_agenda",
            "count_by_decade",
            "count_by_member",
            "count_by_year",
            "vetoes",
        ],
        "history",
    ),
    "Stage": "lifecycle",
    **dict.fromkeys(["Vote", "Votes", "agreement", "votes"], "record"),
    **dict.fromkeys(["Replay", "Snapshot"], "replay"),
    **dict.fromkeys(
        ["Scenario", "load_scenario", "save_scenario", "scenario_json_schema"], "scenarios"
    ),
    "Tracker": "tracker",
}


_SHADOWED = frozenset(name for name, module in _LAZY.items() if name == module)
"""Public names that are also the names of submodules: ``council`` is the function."""


class _Package(ModuleType):
    """The package's module type: a submodule's import does not replace a public name.

    Importing ``unsc_tracker.council`` (which any model of a Council does) sets the package's
    attribute ``council`` to that module; the public name is the function, as it was when the
    package imported it eagerly, so the module is left to ``sys.modules``.
    """

    def __setattr__(self, name: str, value: Any) -> None:
        if name in _SHADOWED and isinstance(value, ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'unsc_tracker' has no attribute {name!r}")
    value = import_module(f".{module or name}", __name__)
    if module:
        value = getattr(value, name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


__all__ = [
    "AknError",
    "Ballot",
    "BallotError",
    "Council",
    "DataFileError",
    "DateError",
    "DateOutOfRecordError",
    "DateWarning",
    "DraftError",
    "DraftResolution",
    "Event",
    "EventError",
    "EventKind",
    "Expectation",
    "FoundDate",
    "IllegalEventError",
    "MemberState",
    "MissingExtraError",
    "Month",
    "NotOnCouncilError",
    "Outcome",
    "Probabilities",
    "RecordQueryError",
    "Replay",
    "Resolution",
    "Role",
    "Scenario",
    "ScenarioError",
    "Snapshot",
    "SourceConflictError",
    "Sponsorship",
    "Stage",
    "Stance",
    "Term",
    "Tracker",
    "TrackerError",
    "UnknownMemberError",
    "UnscTrackerError",
    "Veto",
    "VetoQueryError",
    "Vote",
    "VoteFileError",
    "VoteRecord",
    "VoteResult",
    "Votes",
    "__version__",
    "agreement",
    "akn4un",
    "ballots_frame",
    "check_vetoes",
    "council",
    "council_frame",
    "count_by_agenda",
    "count_by_decade",
    "count_by_member",
    "count_by_year",
    "errors",
    "expect",
    "export",
    "find_dates",
    "load_scenario",
    "member",
    "ocd_actions",
    "parse_when",
    "plot",
    "popolo_vote_event",
    "probabilities",
    "record",
    "relative_day",
    "relative_month",
    "relative_when",
    "replay_frame",
    "save_scenario",
    "scenario_json_schema",
    "tally",
    "terms",
    "use_data",
    "vetoes",
    "vetoes_frame",
    "vote_frame",
    "votes",
    "votes_frame",
]
