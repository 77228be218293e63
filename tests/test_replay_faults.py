"""Faults found by replaying real cases, each on its smallest input: a draft that ends without a
vote, withdrawal and revival (rule 35), postponement, the General Assembly's debate on a veto,
times with and without a UTC offset, strict errors, and the stage a draft with a symbol starts
from."""

from __future__ import annotations

import json
import re
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from pydantic import TypeAdapter
from strategies import any_event_logs, draft_for_logs

from unsc_tracker.cli import main
from unsc_tracker.council import council
from unsc_tracker.drafts import DraftResolution
from unsc_tracker.errors import (
    DateError,
    IllegalEventError,
    NotOnCouncilError,
    ScenarioError,
    UnscTrackerError,
)
from unsc_tracker.events import Event
from unsc_tracker.export import replay_frame
from unsc_tracker.lifecycle import Stage
from unsc_tracker.replay import Replay
from unsc_tracker.scenarios import load_scenario
from unsc_tracker.voting import Outcome

EVENTS: TypeAdapter[list[Event]] = TypeAdapter(list[Event])
SEATED_2016 = [state.name for state in council(on=date(2016, 12, 23)).members]


def replay(*events: dict[str, object], infer: bool = False, **draft: object) -> Replay:
    fields = draft or {"id": "a draft"}
    return Replay.from_events(
        DraftResolution.model_validate(fields), EVENTS.validate_python(events), infer=infer
    )


OPPOSED_THEN_DROPPED = (
    {"kind": "put_in_blue", "date": "2003-03-07"},
    {"kind": "position_stated", "date": "2003-03-10", "member": "France", "stance": "oppose"},
    {"kind": "not_put_to_vote", "date": "2003-03-17"},
)


# --- a draft that ends without a vote has no vetoer ------------------------------------------


def test_not_put_to_a_vote_closes_the_expectation() -> None:
    r = replay(*OPPOSED_THEN_DROPPED)
    assert r[1].expected.outcome is Outcome.VETOED  # while a vote was still to come
    final = r.final
    assert final.stage is Stage.NOT_PUT_TO_VOTE
    assert final.outcome is None
    assert final.expected.outcome is None
    assert final.expected.vetoed_by == ()
    assert final.expected.closed == "not put to a vote"
    assert str(final.expected) == "not put to a vote"
    assert "vetoed" not in str(final)
    assert "vetoed" not in repr(final)


def test_not_put_to_a_vote_in_the_frame() -> None:
    pd = pytest.importorskip("pandas")
    frame = replay_frame(replay(*OPPOSED_THEN_DROPPED))
    opposed, row = frame.iloc[1], frame.iloc[-1]
    assert opposed.expected == "vetoed"
    assert "FRA" in opposed.expected_vetoed_by
    assert row.stage == "not_put_to_vote"
    assert pd.isna(row.expected)
    assert row.expected_vetoed_by is pd.NA or len(row.expected_vetoed_by) == 0


def test_not_put_to_a_vote_on_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    events = "".join(
        "\n[[drafts.events]]\n" + "".join(f"{k} = {json.dumps(v)}\n" for k, v in event.items())
        for event in OPPOSED_THEN_DROPPED
    )
    path = tmp_path / "iraq.toml"
    path.write_text('[[drafts]]\nid = "a draft"\n' + events, encoding="utf-8")
    assert main(["replay", str(path)]) == 0
    text = capsys.readouterr().out
    assert text.splitlines()[-1].endswith("not_put_to_vote  not put to a vote")
    assert "vetoed by France" in text  # the line of 10 March, when France's no still counted
    assert main(["replay", str(path), "--json"]) == 0
    final = json.loads(capsys.readouterr().out)["drafts"][0]["snapshots"][-1]
    assert final["expected"]["outcome"] is None
    assert final["expected"]["vetoed_by"] == []
    assert final["expected"]["text"] == "not put to a vote"


def test_withdrawn_closes_the_expectation_until_revived() -> None:
    ballots = dict.fromkeys(SEATED_2016, "yes")
    r = replay(
        {"kind": "put_in_blue", "date": "2016-12-21"},
        {"kind": "position_stated", "date": "2016-12-21", "member": "US", "stance": "oppose"},
        {"kind": "withdrawn", "date": "2016-12-23", "by": "Egypt"},
        {"kind": "revived", "date": "2016-12-23", "by": ["Malaysia"]},
        {"kind": "vote_held", "date": "2016-12-23", "ballots": ballots},
    )
    withdrawn, revived = r[2], r[3]
    assert withdrawn.expected.closed == "withdrawn"
    assert withdrawn.outcome is None
    assert str(withdrawn.expected).startswith("withdrawn: no vote unless")
    assert revived.expected.closed is None
    assert revived.expected.outcome is Outcome.VETOED
    assert r.final.outcome is Outcome.ADOPTED


# --- withdrawn is not an end (rule 35) --------------------------------------------------------


def test_sponsors_join_a_withdrawn_draft() -> None:
    r = replay(
        {"kind": "put_in_blue", "date": "2016-12-21"},
        {"kind": "withdrawn", "date": "2016-12-23", "by": "Egypt"},
        {"kind": "sponsor_joined", "date": "2016-12-23", "members": ["Malaysia"]},
    )
    assert r.final.stage is Stage.WITHDRAWN
    assert [s.member for s in r.final.sponsors] == ["Malaysia"]


def test_a_reviving_member_not_on_the_council_is_warned_of() -> None:
    r = replay(
        {"kind": "put_in_blue", "date": "2016-12-21"},
        {"kind": "withdrawn", "date": "2016-12-23"},
        {"kind": "revived", "date": "2016-12-23", "by": ["Malaysia", "Germany"]},
    )
    assert r.final.stage is Stage.SCHEDULED  # a warning, never a refusal
    assert r.final.warnings == (
        "Germany revives the draft on 2016-12-23 but was not on the Council that day: rule 35 "
        "lets a representative on the Council who seconded a withdrawn draft require that it be "
        "put to the vote",
    )


def test_a_revival_under_a_new_symbol() -> None:
    r = replay(
        {"kind": "put_in_blue", "date": "2016-12-21"},
        {"kind": "withdrawn", "date": "2016-12-23"},
        {"kind": "revived", "date": "2016-12-23", "by": ["Malaysia"], "symbol": "S/2016/1100"},
        symbol="S/2016/1085",
    )
    assert [s.symbol for s in r] == ["S/2016/1085", "S/2016/1085", "S/2016/1100"]
    assert r.final.event.summary == "revived by Malaysia as S/2016/1100"
    assert r.final.warnings == ()


# --- a vote postponed -------------------------------------------------------------------------


def test_a_postponed_vote_is_no_longer_scheduled() -> None:
    r = replay(
        {"kind": "put_in_blue", "date": "2016-12-21"},
        {"kind": "vote_scheduled", "date": "2016-12-21", "meeting_date": "2016-12-22"},
        {"kind": "vote_postponed", "date": "2016-12-22", "by": "Egypt"},
        {"kind": "statement", "date": "2016-12-22"},
    )
    assert [s.stage for s in r] == [
        Stage.IN_BLUE,
        Stage.SCHEDULED,
        Stage.IN_BLUE,
        Stage.IN_BLUE,
    ]
    assert r.final.event.kind == "statement"
    assert r[2].event.summary == "vote postponed at the request of Egypt"


# --- the General Assembly's debate on a veto (A/RES/76/262) ----------------------------------


def _vetoed_in(year_day: date) -> list[dict[str, object]]:
    ballots = dict.fromkeys((s.name for s in council(on=year_day).members), "yes")
    ballots["Russian Federation"] = "no"
    return [
        {"kind": "put_in_blue", "date": year_day.isoformat()},
        {"kind": "vote_scheduled", "date": year_day.isoformat()},
        {"kind": "vote_held", "date": year_day.isoformat(), "ballots": ballots},
    ]


def test_the_ga_deadline_skips_un_holidays() -> None:
    # A constructed vote on the 2024 Council: Memorial Day (27 May 2024) is a UN holiday at
    # Headquarters in the record, so the tenth working day after 22 May is 6 June, not 5 June.
    final = replay(*_vetoed_in(date(2024, 5, 22))).final
    assert final.ga_debate_due_by == date(2024, 6, 6)
    (warning,) = (w for w in final.warnings if "General Assembly" in w)
    assert "meet by 2024-06-06 (10 UN working days, A/RES/76/262" in warning
    assert "UN holidays skipped: Memorial Day 2024-05-27" in warning
    assert "not in the record" not in warning


def test_the_ga_debate_held_closes_the_deadline() -> None:
    events = _vetoed_in(date(2024, 5, 22))
    held = replay(*events, {"kind": "ga_debate_held", "date": "2024-06-05"})
    assert held[-2].ga_debate_due_by == date(2024, 6, 6)
    assert held.final.ga_debate_due_by is None
    assert held.final.stage is Stage.VETOED
    assert held.final.warnings == ()
    late = replay(*events, {"kind": "ga_debate_held", "date": "2024-06-10"}).final
    assert late.warnings == (
        "the General Assembly debated the veto on 2024-06-10, after 2024-06-06, the day "
        "A/RES/76/262 set (10 working days)",
    )
    before = replay(
        *_vetoed_in(date(2016, 12, 5)), {"kind": "ga_debate_held", "date": "2016-12-09"}
    )
    assert "no General Assembly debate on this veto was pending" in before.final.warnings[0]


def test_the_ga_debate_follows_only_a_veto() -> None:
    adopted = _vetoed_in(date(2024, 5, 22))
    adopted[-1]["ballots"] = dict.fromkeys(
        (s.name for s in council(on=date(2024, 5, 22)).members), "yes"
    )
    with pytest.raises(IllegalEventError, match="ga_debate_held on 2024-06-05 cannot happen while"):
        replay(*adopted, {"kind": "ga_debate_held", "date": "2024-06-05"})


# --- times with and without a UTC offset ------------------------------------------------------

MIXED = (
    {"kind": "put_in_blue", "date": "2016-12-05T11:20:00-05:00"},
    {"kind": "vote_scheduled", "date": "2016-12-05"},
    {"kind": "vote_held", "date": "2016-12-05T16:00", "ballots": {"Egypt": "yes"}},
)


def test_mixed_offsets_are_refused_naming_the_events() -> None:
    with pytest.raises(
        DateError,
        match=r"a draft: event 3 \(vote_held, 2016-12-05T16:00:00\) gives a time without a UTC "
        r"offset, but event 1 \(put_in_blue, 2016-12-05T11:20:00-05:00\) gives one",
    ):
        replay(*MIXED)


def test_mixed_offsets_are_refused_at_load(tmp_path: Path) -> None:
    path = tmp_path / "mixed.json"
    path.write_text(json.dumps({"drafts": [{"id": "a draft", "events": MIXED}]}), encoding="utf-8")
    with pytest.raises(
        ScenarioError, match=r"mixed.json: draft a draft: a draft: event 3 \(vote_held"
    ):
        load_scenario(path)


def test_a_retracted_time_does_not_count(tmp_path: Path) -> None:
    events = [
        {"kind": "put_in_blue", "date": "2016-12-05T11:20"},
        {"kind": "retracted", "date": "2016-12-06", "seq": 1, "reason": "the offset was left out"},
        {"kind": "put_in_blue", "date": "2016-12-05T11:20-05:00"},
        {"kind": "vote_scheduled", "date": "2016-12-05T15:00-05:00"},
    ]
    path = tmp_path / "corrected.json"
    path.write_text(json.dumps({"drafts": [{"id": "a draft", "events": events}]}), encoding="utf-8")
    assert load_scenario(path).replay("a draft").final.stage is Stage.SCHEDULED


def test_times_all_with_offsets_are_ordered() -> None:
    ballots = dict.fromkeys(SEATED_2016, "yes")
    r = replay(
        {"kind": "put_in_blue", "date": "2016-12-05T11:20:00-05:00"},
        {"kind": "vote_scheduled", "date": "2016-12-05"},
        {"kind": "vote_held", "date": "2016-12-05T21:00:00+00:00", "ballots": ballots},
    )
    assert any("voted 4.7 hours after the draft was put in blue" in w for w in r.final.warnings)


# --- strict replay, and where a draft with a symbol starts ------------------------------------


def test_a_record_that_starts_at_the_vote() -> None:
    ballots = dict.fromkeys(SEATED_2016, "yes")
    vote = {"kind": "vote_held", "date": "2016-12-23", "ballots": ballots}
    with pytest.raises(IllegalEventError) as caught:
        replay(vote)
    assert str(caught.value) == (
        "a draft: vote_held on 2016-12-23 cannot happen while the draft is concept (allowed "
        "here: abandoned, circulated, not_put_to_vote, put_in_blue and events moving no stage); "
        "replayed with infer=True (--infer on the command line), it would assume put_in_blue, "
        "then vote_scheduled before it"
    )
    # With its S/ symbol the draft has been put in blue: only the meeting is missing.
    with pytest.raises(
        IllegalEventError, match=r"while the draft is in_blue .* assume vote_scheduled before it"
    ):
        replay(vote, symbol="S/2016/1100")
    inferred = replay(vote, symbol="S/2016/1100", infer=True)
    assert inferred.start is Stage.IN_BLUE
    assert inferred.final.inferred == ("vote_scheduled (inferred before vote_held on 2016-12-23)",)


def test_a_draft_with_a_symbol_and_its_life_before_blue_starts_at_concept() -> None:
    r = replay(
        {"kind": "circulated", "date": "2016-10-03", "audience": "all15"}, symbol="S/2016/846"
    )
    assert r.start is Stage.CONCEPT
    assert r.final.stage is Stage.NEGOTIATION


# --- every refusal names the event refused ----------------------------------------------------


def _first_refused(draft: DraftResolution, log: list[Event], infer: bool) -> Event:
    """The event whose arrival makes the log fail: the last of the shortest failing prefix."""
    for end in range(1, len(log) + 1):
        try:
            Replay.from_events(draft, log[:end], infer=infer)
        except UnscTrackerError:
            return log[end - 1]
    raise AssertionError("no prefix of the log fails")


@settings(max_examples=150, deadline=None)
@given(any_event_logs())
def test_every_refusal_names_the_event(log: list[Event]) -> None:
    draft = draft_for_logs()
    offsets = {e.date.tzinfo is None for e in log if isinstance(e.date, datetime)}
    for infer in (False, True):
        try:
            Replay.from_events(draft, log, infer=infer)
        except UnscTrackerError as err:
            message = str(err)
            assert message.startswith(f"{draft.id}: "), message
            if len(offsets) == 2:  # the whole log is refused first: naming both kinds of time
                named = re.findall(r"event (\d+) \((\w+), ([^)]+)\)", message)
                assert len(named) == 2, message
                for number, kind, when in named:
                    assert (log[int(number) - 1].kind, log[int(number) - 1].date.isoformat()) == (
                        kind,
                        when,
                    )
                continue
            refused = _first_refused(draft, log, infer)
            assert refused.kind in message, (refused, message)
            assert refused.date.isoformat() in message, (refused, message)


def test_a_ballot_from_a_state_not_on_the_council_names_the_event() -> None:
    with pytest.raises(
        NotOnCouncilError,
        match="a draft: vote_held on 2016-12-23: Germany was not a member of the Security "
        "Council on 2016-12-23",
    ):
        replay(
            {"kind": "put_in_blue", "date": "2016-12-21"},
            {"kind": "vote_scheduled", "date": "2016-12-21"},
            {"kind": "vote_held", "date": "2016-12-23", "ballots": {"Germany": "yes"}},
        )
