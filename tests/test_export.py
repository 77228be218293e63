"""Exports: pandas frames, Popolo vote events validated against the vendored schemas, OCD actions.

The Aleppo votes of 8 October 2016 (S/PV.7785) are the worked case: S/2016/846 vetoed by the
Russian Federation (11-2-2), S/2016/847 failed for want of votes (4-9-2) with no veto.
"""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

import unsc_tracker as ut
from unsc_tracker.errors import MissingExtraError
from unsc_tracker.events import EventKind
from unsc_tracker.export import (
    OCD_CLASSIFICATIONS,
    council_frame,
    member_id,
    ocd_actions,
    popolo_vote_event,
    replay_frame,
    vetoes_frame,
    vote_frame,
)
from unsc_tracker.voting import Ballot, Outcome, VoteRecord


@pytest.fixture
def pd() -> Any:
    return pytest.importorskip("pandas")


POPOLO = Path(__file__).parent / "data" / "popolo"
SCHEMA_BASE = "http://www.popoloproject.com/schemas/"

# Bill action classifications Open Civic Data defines (OCDEP 3, pupa's BILL_ACTION_CLASSIFICATIONS).
OCD_BILL_ACTIONS = {
    "filing",
    "introduction",
    "reading-1",
    "reading-2",
    "reading-3",
    "passage",
    "failure",
    "withdrawal",
    "substitution",
    "deferral",
    "receipt",
    "referral",
    "referral-committee",
    "amendment-introduction",
    "amendment-passage",
    "amendment-withdrawal",
    "amendment-failure",
    "amendment-amended",
    "amendment-tabled",
    "committee-passage",
    "committee-passage-favorable",
    "committee-passage-unfavorable",
    "committee-failure",
    "executive-receipt",
    "executive-signature",
    "executive-veto",
    "became-law",
}

ALEPPO_846 = {
    "Russia": "no",
    "Venezuela": "no",
    "Angola": "abstain",
    "China": "abstain",
    **dict.fromkeys(
        [
            "France",
            "UK",
            "US",
            "Egypt",
            "Japan",
            "Malaysia",
            "New Zealand",
            "Senegal",
            "Spain",
            "Ukraine",
            "Uruguay",
        ],
        "yes",
    ),
}


@pytest.fixture(scope="module")
def aleppo() -> ut.Scenario:
    return ut.load_scenario("aleppo-2016")


@pytest.fixture(scope="module")
def replay_846(aleppo: ut.Scenario) -> ut.Replay:
    return aleppo.replay("S/2016/846")


@pytest.fixture(scope="module")
def replay_847(aleppo: ut.Scenario) -> ut.Replay:
    return aleppo.replay("S/2016/847")


def _adopted_replay() -> ut.Replay:
    """A draft adopted 14-0-1 at a recorded time, the steps before the vote inferred."""
    from unsc_tracker.drafts import DraftResolution
    from unsc_tracker.events import Circulated, PutInBlue, VoteHeld

    vote = VoteHeld(
        kind="vote_held",
        date=datetime(2016, 12, 23, 14, 30),
        ballots={**dict.fromkeys(ALEPPO_846, "yes"), "US": "abstain"},
    )
    return ut.Replay.from_events(
        DraftResolution(symbol="S/2016/1100"),
        [
            Circulated(kind="circulated", date="2016-12-21", audience="all15"),
            PutInBlue(kind="put_in_blue", date="2016-12-21"),
            vote,
        ],
        infer=True,
    )


def _result(replay: ut.Replay) -> ut.VoteResult:
    result = replay.final.result
    assert result is not None
    return result


# --- pandas frames ------------------------------------------------------------------------------


def test_vote_frame_s_2016_846_columns_and_dtypes(replay_846: ut.Replay, pd: Any) -> None:
    frame = vote_frame(_result(replay_846), symbol="S/2016/846", meeting="S/PV.7785")
    assert list(frame.columns) == [
        "symbol",
        "date",
        "meeting",
        "code",
        "name",
        "seat",
        "ballot",
        "vetoed",
    ]
    assert (frame.symbol == "S/2016/846").all()
    assert (frame.meeting == "S/PV.7785").all()
    assert (frame.date == pd.Timestamp("2016-10-08")).all()
    assert str(frame.date.dtype) == "datetime64[ns]"
    assert str(frame.symbol.dtype) == "string"
    assert str(frame.code.dtype) == "string"
    assert str(frame.name.dtype) == "string"
    assert frame.vetoed.dtype == bool
    assert list(frame.ballot.cat.categories) == [b.value for b in Ballot]
    assert frame.ballot.cat.ordered
    assert list(frame.seat.cat.categories) == ["permanent", "elected"]
    assert len(frame) == 15
    assert list(frame.code[:5]) == ["CHN", "FRA", "RUS", "GBR", "USA"]
    assert (frame.seat[:5] == "permanent").all()
    assert (frame.seat[5:] == "elected").all()
    assert list(frame.code[frame.vetoed]) == ["RUS"]
    assert frame.set_index("code").ballot["VEN"] == "no"


def test_vote_frame_s_2016_847_has_no_veto(replay_847: ut.Replay, pd: Any) -> None:
    frame = _result(replay_847).to_dataframe()
    assert not frame.vetoed.any()
    assert frame.ballot.value_counts()["no"] == 9


def test_vote_frame_accepts_a_vote_record(pd: Any) -> None:
    record = VoteRecord(date=date(2016, 10, 8), symbol="S/2016/846", ballots=ALEPPO_846)
    frame = vote_frame(record)
    assert list(frame.code[frame.vetoed]) == ["RUS"]
    assert (frame.symbol == "S/2016/846").all()
    assert frame.meeting.isna().all()  # the record names no meeting


def test_vote_frame_of_a_result_has_no_symbol_unless_given(replay_846: ut.Replay, pd: Any) -> None:
    frame = vote_frame(_result(replay_846))
    assert frame.symbol.isna().all()
    assert frame.meeting.isna().all()
    assert (frame.date == pd.Timestamp("2016-10-08")).all()


def test_vote_frame_of_a_vote_of_the_record(pd: Any) -> None:
    vote = ut.votes().get("S/2016/846")
    assert vote is not None
    frame = vote_frame(vote)
    assert set(frame.symbol) == {"S/2016/846"}
    assert set(frame.meeting) == {"S/PV.7785"}
    assert list(frame.code[frame.vetoed]) == ["RUS"]


def test_vote_frame_names_states_as_they_sat(pd: Any) -> None:
    result = ut.tally({"US": "yes", "China": "no"}, on=date(1950, 6, 27))
    frame = vote_frame(result).set_index("code")
    assert frame.name["CHN"] == "Republic of China"
    assert frame.ballot["SUN"] == "absent"  # no ballot given: counted as absent
    assert len(frame) == 11


def test_replay_frame_s_2016_846(replay_846: ut.Replay, pd: Any) -> None:
    frame = replay_frame(replay_846)
    assert len(frame) == len(replay_846)
    assert str(frame.date.dtype) == "datetime64[ns]"
    assert str(frame.day.dtype) == "datetime64[ns]"
    assert str(frame.ga_debate_due_by.dtype) == "datetime64[ns]"
    assert list(frame.stage.cat.categories) == [s.value for s in ut.Stage]
    assert list(frame.kind.cat.categories) == [k.value for k in EventKind]
    assert list(frame.result.cat.categories) == [o.value for o in Outcome]
    assert list(frame.expected.cat.categories) == [o.value for o in Outcome]
    for column in ("sponsors", "warnings", "inferred"):
        assert str(frame[column].dtype) == "int64"
    assert frame.day.iloc[0] == pd.Timestamp("2016-09-29")
    assert frame.expected.isna().iloc[0]  # open before any position
    vote = frame[frame.kind == "vote_held"].iloc[0]
    assert (vote.stage, vote.result, vote.counts, vote.expected) == (
        "vetoed",
        "vetoed",
        "11-2-2",
        "vetoed",
    )
    assert vote.expected_vetoed_by == ["RUS"]
    assert vote.warnings == len(replay_846[int(vote.name)].warnings) == 1
    assert frame.result[: vote.name].isna().all()
    assert frame.result[vote.name :].notna().all()
    assert pd.isna(vote.ga_debate_due_by)  # before A/RES/76/262


def test_replay_frame_keeps_the_time_of_day(pd: Any) -> None:
    replay = _adopted_replay()
    frame = replay.to_dataframe()
    vote = frame.iloc[-1]
    assert vote.date == pd.Timestamp("2016-12-23 14:30")
    assert vote.day == pd.Timestamp("2016-12-23")
    assert vote.result == "adopted"
    assert frame.inferred.sum() >= 1  # the steps infer=True inserted are counted


def test_vetoes_frame_defaults_to_the_whole_record(pd: Any) -> None:
    frame = vetoes_frame()
    assert len(frame) == len(ut.vetoes())
    assert str(frame.date.dtype) == "datetime64[ns]"
    assert frame.date.is_monotonic_increasing
    for column in ("yes", "no", "abstain"):
        assert str(frame[column].dtype) == "Int64"
    assert frame.yes.isna().any()  # early records without counts keep <NA>, never a guess
    assert (frame.vetoers >= 1).all()
    assert (frame.vetoed_by.map(len) == frame.vetoers).all()
    assert frame.symbol.is_unique
    assert set(frame.symbol) <= {vote.symbol for vote in ut.votes()}


def test_vetoes_frame_of_chosen_records(pd: Any) -> None:
    frame = vetoes_frame(ut.vetoes(by="Russia", since=date(2011, 1, 1), agenda="syria"))
    assert len(frame) == 18
    assert frame.vetoed_by.map(lambda codes: "RUS" in codes).all()
    assert frame.vetoed_by.iloc[0] == ["CHN", "RUS"]
    assert frame.cast_as.iloc[0] == ["People's Republic of China", "Russian Federation"]
    assert all(isinstance(caveats, list) for caveats in frame.caveats)
    aleppo = frame[frame.draft_symbol == "S/2016/846"].iloc[0]
    assert (aleppo.yes, aleppo.no, aleppo.abstain, aleppo.meeting) == (11, 2, 2, "S/PV.7785")


def test_vote_exports_want_a_result_or_a_record(replay_846: ut.Replay, pd: Any) -> None:
    message = (
        r"popolo_vote_event\(\) takes a VoteResult or a VoteRecord, not Snapshot; "
        r"a snapshot's vote is snapshot.result"
    )
    with pytest.raises(TypeError, match=message):
        popolo_vote_event(replay_846.final)  # type: ignore[arg-type]
    with pytest.raises(
        TypeError,
        match=r"vote_frame\(\) takes a Vote of the record, a VoteResult or a VoteRecord, not dict$",
    ):
        vote_frame({"Russia": "no"})  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("name", "call"),
    [
        ("vote_frame()", lambda r: vote_frame(_result(r))),
        ("replay_frame()", replay_frame),
        ("vetoes_frame()", lambda r: vetoes_frame()),
        ("council_frame()", lambda r: council_frame(2016)),
        ("replay_frame()", lambda r: r.to_dataframe()),
        ("vote_frame()", lambda r: _result(r).to_dataframe()),
    ],
)
def test_frames_without_pandas_name_the_extra(
    monkeypatch: pytest.MonkeyPatch, replay_846: ut.Replay, name: str, call: Any
) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(MissingExtraError) as caught:
        call(replay_846)
    assert str(caught.value) == (
        f"{name} needs pandas, which is not installed: pip install 'unsc-tracker[pandas]'"
    )
    assert isinstance(caught.value, ImportError)
    assert caught.value.extra == "pandas"


def test_importing_the_package_and_export_does_not_import_pandas() -> None:
    code = (
        "import sys, unsc_tracker, unsc_tracker.export, unsc_tracker.voting, unsc_tracker.replay;"
        "assert 'pandas' not in sys.modules, 'pandas imported'"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


# --- Popolo -------------------------------------------------------------------------------------


def _validator() -> Any:
    jsonschema = pytest.importorskip("jsonschema")
    referencing = pytest.importorskip("referencing")
    from referencing.jsonschema import DRAFT3

    resources = []
    for path in sorted(POPOLO.glob("*.json")):
        if path.name.startswith("example_"):
            continue
        contents = json.loads(path.read_text(encoding="utf-8"))
        resources.append((SCHEMA_BASE + path.name, DRAFT3.create_resource(contents)))
    registry = referencing.Registry().with_resources(resources).crawl()
    schema = json.loads((POPOLO / "vote_event.json").read_text(encoding="utf-8"))
    return jsonschema.Draft3Validator(schema, registry=registry)


def test_vendored_schemas_keep_their_licence_notice() -> None:
    readme = (POPOLO / "README.md").read_text(encoding="utf-8")
    assert "Creative" in readme
    assert "Attribution 4.0 International" in readme


def test_the_validator_accepts_popolos_example_and_rejects_a_bad_count() -> None:
    validator = _validator()
    example = json.loads((POPOLO / "example_vote_event.json").read_text(encoding="utf-8"))
    validator.validate(example)
    bad = {"counts": [{"option": "yes", "value": "eleven"}], "motion": {"text": 3}}
    messages = sorted(error.message for error in validator.iter_errors(bad))
    assert messages == ["'eleven' is not of type 'integer'", "3 is not of type 'string', 'null'"]


def test_s_2016_846_vote_event_is_valid_popolo_vetoed_by_russia(replay_846: ut.Replay) -> None:
    event = popolo_vote_event(
        _result(replay_846), symbol="S/2016/846", meeting="S/PV.7785", title="Aleppo"
    )
    _validator().validate(event)
    assert event["result"] == "fail"
    assert event["unsc:outcome"] == "vetoed"
    assert event["unsc:vetoed_by"] == ["RUS"]
    assert event["identifier"] == "S/2016/846"
    assert event["id"] == "S/PV.7785:S/2016/846"
    assert event["start_date"] == "2016-10-08"
    assert event["motion"]["text"] == "Aleppo"
    assert event["motion"]["requirement"] == (
        "9 affirmative votes including the concurring votes of the permanent members"
    )
    assert event["sources"][1] == {"url": "https://undocs.org/S/PV.7785", "note": "meeting record"}
    russia = next(vote for vote in event["votes"] if vote["voter_id"] == "iso3166:RUS")
    assert russia["option"] == "no"
    assert russia["voter"]["name"] == "Russian Federation"
    assert russia["group_id"] == "unsc:permanent"


def test_s_2016_847_vote_event_names_no_veto(replay_847: ut.Replay) -> None:
    event = popolo_vote_event(_result(replay_847), symbol="S/2016/847")
    _validator().validate(event)
    assert event["unsc:outcome"] == "failed"
    assert event["unsc:vetoed_by"] == []
    assert event["result"] == "fail"
    assert "id" not in event
    permanent = {g["group_id"]: g["result"] for g in event["group_results"]}
    assert permanent == {"unsc:permanent": "fail", "unsc:elected": "fail"}


def test_s_2016_846_permanent_group_fails_on_the_veto(replay_846: ut.Replay) -> None:
    # Three permanent "yes" votes do not make the group concur: the Russian Federation voted no.
    event = popolo_vote_event(_result(replay_846), symbol="S/2016/846")
    groups = {g["group_id"]: g["result"] for g in event["group_results"]}
    assert groups == {"unsc:permanent": "fail", "unsc:elected": "pass"}


@pytest.mark.parametrize("symbol", ["S/2016/846", "S/2016/847"])
def test_vote_event_counts_sum_to_the_council_size(aleppo: ut.Scenario, symbol: str) -> None:
    event = popolo_vote_event(_result(aleppo.replay(symbol)), symbol=symbol)
    whole = [c for c in event["counts"] if "group_id" not in c]
    assert [c["option"] for c in whole] == ["yes", "no", "abstain", "absent", "not voting"]
    assert sum(c["value"] for c in whole) == ut.council(on=date(2016, 10, 8)).size == 15
    by_group: dict[str, int] = {}
    for count in event["counts"]:
        if "group_id" in count:
            by_group[count["group_id"]] = by_group.get(count["group_id"], 0) + count["value"]
    assert by_group == {"unsc:permanent": 5, "unsc:elected": 10}
    assert len(event["votes"]) == 15


@pytest.mark.parametrize("symbol", ["S/2016/846", "S/2016/847"])
def test_exports_round_trip_through_json(aleppo: ut.Scenario, symbol: str) -> None:
    replay = aleppo.replay(symbol)
    event = popolo_vote_event(_result(replay), symbol=symbol, meeting="S/PV.7785")
    assert json.loads(json.dumps(event)) == event
    actions = ocd_actions(replay)
    assert json.loads(json.dumps(actions)) == actions


def test_vote_event_from_a_vote_record_takes_its_symbol_and_meeting() -> None:
    record = VoteRecord(
        date=date(2016, 10, 8), symbol="S/2016/846", meeting="S/PV.7785", ballots=ALEPPO_846
    )
    event = popolo_vote_event(record)
    _validator().validate(event)
    assert (event["identifier"], event["id"]) == ("S/2016/846", "S/PV.7785:S/2016/846")
    assert event["motion"]["text"] == "Draft resolution S/2016/846"
    assert event["unsc:vetoed_by"] == ["RUS"]
    assert popolo_vote_event(record, symbol="S/2016/846/Rev.1")["identifier"] == "S/2016/846/Rev.1"


def test_procedural_vote_event_has_no_concurrence_requirement() -> None:
    ballots = {**ALEPPO_846, "US": "no"}
    result = ut.tally(ballots, on=date(2016, 10, 8), procedural=True)
    event = popolo_vote_event(result)
    _validator().validate(event)
    assert event["motion"]["requirement"] == "9 affirmative votes (procedural)"
    assert event["motion"]["classification"] == "procedural"
    assert (event["result"], event["unsc:outcome"], event["unsc:vetoed_by"]) == (
        "pass",
        "adopted",
        [],
    )
    assert event["motion"]["text"] == "Draft resolution"


def test_not_voting_and_eleven_members() -> None:
    # Resolution 83 (1950): Egypt and India present and not voting, the USSR absent (E3).
    result = ut.tally(
        {
            "US": "yes",
            "UK": "yes",
            "France": "yes",
            "China": "yes",
            "Cuba": "yes",
            "Ecuador": "yes",
            "Norway": "yes",
            "Yugoslavia": "no",
            "Egypt": "not_voting",
            "India": "not_voting",
            "USSR": "absent",
        },
        on=date(1950, 6, 27),
    )
    event = popolo_vote_event(result)
    _validator().validate(event)
    whole = {c["option"]: c["value"] for c in event["counts"] if "group_id" not in c}
    assert whole == {"yes": 7, "no": 1, "abstain": 0, "absent": 1, "not voting": 2}
    assert event["motion"]["requirement"].startswith("7 affirmative votes")
    assert event["result"] == "pass"


def test_member_id() -> None:
    assert member_id("Russian Federation") == member_id(ut.member("Russia")) == "iso3166:RUS"


# --- Open Civic Data ----------------------------------------------------------------------------


def test_ocd_actions_s_2016_846_end_with_a_failure_naming_russia(replay_846: ut.Replay) -> None:
    actions = ocd_actions(replay_846)
    last = actions[-1]
    assert last["classification"] == ["failure"]
    assert last["unsc:vetoed_by"] == ["RUS"]
    assert last["unsc:outcome"] == "vetoed"
    assert "Russian Federation" in last["description"]
    assert last["related_entities"] == [
        {
            "name": "Russian Federation",
            "entity_type": "organization",
            "organization_id": "iso3166:RUS",
        }
    ]
    assert actions[0]["classification"] == ["introduction"]
    assert actions[0]["date"] == "2016-10-03"
    assert [a["unsc:kind"] for a in actions] == [
        "circulated",
        "put_in_blue",
        "vote_scheduled",
        "vote_held",
    ]


def test_ocd_actions_s_2016_847_fail_without_a_veto(replay_847: ut.Replay) -> None:
    last = ocd_actions(replay_847)[-1]
    assert last["classification"] == ["failure"]
    assert last["unsc:outcome"] == "failed"
    assert last["unsc:vetoed_by"] == []
    assert last["related_entities"] == []


def test_ocd_classifications_are_ones_ocd_defines(aleppo: ut.Scenario) -> None:
    used = {c for values in OCD_CLASSIFICATIONS.values() for c in values}
    assert used <= OCD_BILL_ACTIONS
    for draft in ("S/2016/846", "S/2016/847"):
        for action in ocd_actions(aleppo.replay(draft)):
            assert set(action["classification"]) <= OCD_BILL_ACTIONS


def test_ocd_actions_adopted_withdrawn_and_timed() -> None:
    from unsc_tracker.drafts import DraftResolution
    from unsc_tracker.events import Circulated, Withdrawn

    adopted = _adopted_replay()
    draft = DraftResolution(symbol="S/2016/1100")
    last = ocd_actions(adopted)[-1]
    assert last["classification"] == ["passage"]
    assert last["date"] == "2016-12-23T14:30:00"
    assert last["unsc:counts"] == "14-0-1"
    withdrawn = ut.Replay.from_events(
        draft,
        [
            Circulated(kind="circulated", date="2016-12-21", audience="P3"),
            Circulated(kind="circulated", date="2016-12-22", audience="all15"),
            Withdrawn(kind="withdrawn", date="2016-12-23"),
        ],
    )
    actions = ocd_actions(withdrawn)
    assert [a["classification"] for a in actions] == [["introduction"], ["withdrawal"]]
    assert actions[-1]["unsc:stage"] == "withdrawn"
