"""The public surface and the weight of importing it."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

import unsc_tracker as ut

DOCUMENTED = {
    "AknError",
    "Ballot",
    "BallotError",
    "DataFileError",
    "Council",
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
}


def test_exported_names_are_exactly_the_documented_ones() -> None:
    assert set(ut.__all__) == DOCUMENTED
    assert ut.__all__ == sorted(ut.__all__)
    for name in ut.__all__:
        assert getattr(ut, name) is not None


def test_every_error_derives_from_the_base() -> None:
    for name in ut.errors.__all__:
        assert issubclass(getattr(ut.errors, name), ut.UnscTrackerError)


def test_import_reads_no_data_and_no_optional_library() -> None:
    probe = (
        "import builtins, io, json, sys\n"
        "opened = []\n"
        "real_open = io.open\n"
        "def spy(file, *a, **k):\n"
        "    opened.append(str(file))\n"
        "    return real_open(file, *a, **k)\n"
        "builtins.open = io.open = spy\n"
        "import unsc_tracker\n"
        "heavy = [m for m in ('pandas', 'matplotlib', 'yaml', 'numpy') if m in sys.modules]\n"
        "loaded = sorted(m for m in sys.modules if m.startswith(('unsc_tracker.', 'pydantic')))\n"
        "assert loaded == ['unsc_tracker._version', 'unsc_tracker.errors', 'unsc_tracker.views'], loaded\n"
        "print(json.dumps({'opened': [f for f in opened if 'unsc_tracker' in f and '/data/' in f], 'heavy': heavy}))\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], check=True, capture_output=True, text=True)
    seen = json.loads(out.stdout)
    assert seen == {"opened": [], "heavy": []}


def test_heavier_modules_load_on_first_use() -> None:
    probe = (
        "import sys, types\n"
        "import unsc_tracker as ut\n"
        "lazy = ['akn4un', 'history', 'replay', 'scenarios', 'events', 'forecast', 'export', 'plot',\n"
        "        'tracker', 'record']\n"
        "assert not [m for m in lazy if 'unsc_tracker.' + m in sys.modules]\n"
        "ut.load_scenario('aleppo-2016'); ut.vetoes(); ut.akn4un.load; ut.vote_frame; ut.plot\n"
        "ut.Tracker; ut.votes\n"
        "assert all('unsc_tracker.' + m in sys.modules for m in lazy)\n"
        "assert callable(ut.council) and not isinstance(ut.council, types.ModuleType)\n"
        "print('ok')\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], check=True, capture_output=True, text=True)
    assert out.stdout.strip() == "ok"


def test_unknown_attribute_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="module 'unsc_tracker' has no attribute 'nope'"):
        ut.nope  # noqa: B018
