"""Replaying drafts: the Aleppo case, illegal sequences, inferred steps, rule 35 revival."""

from __future__ import annotations

import contextlib
from datetime import date, datetime

import pytest
from hypothesis import given, settings
from pydantic import TypeAdapter
from strategies import any_event_logs, draft_for_logs, event_logs

from unsc_tracker.council import council
from unsc_tracker.drafts import DraftResolution, Sponsorship
from unsc_tracker.errors import IllegalEventError, UnscTrackerError
from unsc_tracker.events import Event
from unsc_tracker.lifecycle import Stage
from unsc_tracker.replay import Replay
from unsc_tracker.scenarios import load_scenario
from unsc_tracker.voting import Outcome

EVENT: TypeAdapter[Event] = TypeAdapter(Event)
SEATED_2016 = [state.name for state in council(on=date(2016, 12, 23)).members]


def events(*items: dict[str, object]) -> list[Event]:
    return [EVENT.validate_python(item) for item in items]


def draft(symbol: str = "S/2016/900", **fields: object) -> DraftResolution:
    return DraftResolution.model_validate({"symbol": symbol, **fields})


ALEPPO = load_scenario("aleppo-2016")


def test_s_2016_846_expected_veto_on_5_october() -> None:
    # Reuters Arabic, 5 Oct 2016: French officials expect Moscow to oppose and will force a veto.
    snapshot = ALEPPO.replay("S/2016/846").as_of(date(2016, 10, 5))
    assert snapshot.stage is Stage.NEGOTIATION
    assert snapshot.expected.outcome is Outcome.VETOED
    assert [state.name for state in snapshot.expected.vetoed_by] == ["Russian Federation"]
    assert {s.member for s in snapshot.sponsors} == {"France", "Spain"}


def test_s_2016_846_vetoed_by_russia() -> None:
    # SC/12545, https://press.un.org/en/2016/sc12545.doc.htm: 11-2-2, S/PV.7785.
    final = ALEPPO.replay("S/2016/846").final
    assert final.stage is Stage.VETOED
    assert final.result is not None
    assert final.result.counts == "11-2-2"
    assert [state.name for state in final.result.vetoed_by] == ["Russian Federation"]
    assert final.expected.outcome is Outcome.VETOED
    assert final.expected.certain
    assert final.ga_debate_due_by is None  # before A/RES/76/262 (26 April 2022)


def test_s_2016_847_failed_without_veto() -> None:
    # SC/12545: 4-9-2; the "no" votes of France, the UK and the US are not vetoes (PROCEDURE E1).
    final = ALEPPO.replay("S/2016/847").final
    assert final.stage is Stage.FAILED
    assert final.result is not None
    assert final.result.counts == "4-9-2"
    assert final.result.vetoed_by == ()
    assert final.expected.outcome is Outcome.FAILED


def test_before_the_first_event_there_is_no_snapshot() -> None:
    replay = ALEPPO.replay("S/2016/846")
    assert replay.as_of(date(2016, 9, 1)) is None
    assert replay.as_of(date(2016, 9, 29)) is replay[0]
    assert Replay.from_events(draft(), []).as_of(date(2016, 10, 5)) is None


def test_aleppo_blue_times_are_unknown() -> None:
    warnings = ALEPPO.replay("S/2016/846").warnings
    assert any("times unknown" in w and "cannot be checked" in w for w in warnings)


def test_vote_after_withdrawal_is_illegal() -> None:
    log = events(
        {"kind": "put_in_blue", "date": "2016-12-21"},
        {"kind": "withdrawn", "date": "2016-12-22", "by": "Egypt"},
        {"kind": "vote_held", "date": "2016-12-23", "ballots": {"Egypt": "yes"}},
    )
    with pytest.raises(
        IllegalEventError,
        match="S/2016/900: vote_held on 2016-12-23 cannot happen while the draft is withdrawn",
    ):
        Replay.from_events(draft(), log)
    with pytest.raises(IllegalEventError, match="while the draft is withdrawn"):
        Replay.from_events(draft(), log, infer=True)


def test_silence_broken_without_silence_is_illegal() -> None:
    log = events(
        {"kind": "circulated", "date": "2016-10-03", "audience": "all15"},
        {"kind": "silence_broken", "date": "2016-10-04", "by": "Russia"},
    )
    with pytest.raises(
        IllegalEventError,
        match="S/2016/900: silence_broken on 2016-10-04 cannot happen while the draft is "
        "negotiation",
    ):
        Replay.from_events(draft(), log)


def test_two_votes_on_one_draft_are_illegal() -> None:
    ballots = dict.fromkeys(SEATED_2016, "yes")
    log = events(
        {"kind": "put_in_blue", "date": "2016-10-07"},
        {"kind": "vote_scheduled", "date": "2016-10-07"},
        {"kind": "vote_held", "date": "2016-10-08", "ballots": ballots},
        {"kind": "vote_held", "date": "2016-10-09", "ballots": ballots},
    )
    with pytest.raises(
        IllegalEventError, match="vote_held on 2016-10-09 cannot happen while the draft is adopted"
    ):
        Replay.from_events(draft(), log)


def test_inferred_steps_are_marked() -> None:
    ballots = dict.fromkeys(SEATED_2016, "yes")
    log = events(
        {"kind": "circulated", "date": "2016-10-03", "audience": "all15"},
        {"kind": "vote_held", "date": "2016-10-08", "ballots": ballots},
    )
    with pytest.raises(
        IllegalEventError,
        match="vote_held on 2016-10-08 cannot happen while the draft is negotiation",
    ):
        Replay.from_events(draft(), log)
    final = Replay.from_events(draft(), log, infer=True).final
    assert final.stage is Stage.ADOPTED
    assert final.inferred == (
        "put_in_blue (inferred before vote_held on 2016-10-08)",
        "vote_scheduled (inferred before vote_held on 2016-10-08)",
    )


def test_resolution_2334_revived_under_rule_35() -> None:
    # PROCEDURE D9: Egypt put the draft in blue on 21 Dec 2016 and withdrew it; Malaysia, New
    # Zealand, Senegal and Venezuela revived it, and it was adopted on 23 Dec 2016, 14-0-1 with
    # the US abstaining (https://database.ecf.org.il/issues/issue/1537;
    # http://fox43.com/2016/12/23/us-abstains-as-un-security-council-passes-resolution-to-end-israeli-settlements/).
    ballots = dict.fromkeys(SEATED_2016, "yes")
    ballots["United States of America"] = "abstain"
    log = events(
        {"kind": "put_in_blue", "date": "2016-12-21"},
        {"kind": "withdrawn", "date": "2016-12-23", "by": "Egypt"},
        {
            "kind": "revived",
            "date": "2016-12-23",
            "by": ["Malaysia", "New Zealand", "Senegal", "Venezuela"],
        },
        {"kind": "vote_held", "date": "2016-12-23", "ballots": ballots},
    )
    replay = Replay.from_events(
        draft("S/2016/1154", sponsors=[{"member": "Egypt", "role": "main_sponsor"}]), log
    )
    assert [s.stage for s in replay] == [
        Stage.IN_BLUE,
        Stage.WITHDRAWN,
        Stage.SCHEDULED,
        Stage.ADOPTED,
    ]
    assert replay.final.result is not None
    assert replay.final.result.counts == "14-0-1"
    assert {"Malaysia", "Senegal"} <= {s.member for s in replay.final.sponsors}


def test_iraq_draft_not_put_to_vote() -> None:
    # PROCEDURE D10: on 17 Mar 2003 the UK, the US and Spain said they would not seek a vote
    # (https://reliefweb.int/report/iraq/uk-us-and-spain-withdraw-draft-resolution-may-take-own-steps-disarm-iraq).
    iraq = DraftResolution(
        id="iraq-2003", sponsors=[Sponsorship(member=m) for m in ("UK", "US", "Spain")]
    )
    replay = Replay.from_events(iraq, events({"kind": "not_put_to_vote", "date": "2003-03-17"}))
    assert replay.final.stage is Stage.NOT_PUT_TO_VOTE
    assert replay.final.result is None


def test_vote_within_24_hours_of_blue_warns() -> None:
    # Like 5 Dec 2016 (PROCEDURE D7): in blue at 11:20, voted the same day.
    ballots = dict.fromkeys(SEATED_2016, "yes")
    log = events(
        {"kind": "put_in_blue", "date": "2016-12-05T11:20"},
        {"kind": "vote_scheduled", "date": "2016-12-05"},
        {"kind": "vote_held", "date": "2016-12-05T16:00", "ballots": ballots},
    )
    final = Replay.from_events(draft(), log).final
    assert final.stage is Stage.ADOPTED  # a convention warns, never refuses
    assert any("voted 4.7 hours after the draft was put in blue" in w for w in final.warnings)
    same_day = events(
        {"kind": "put_in_blue", "date": "2016-12-05"},
        {"kind": "vote_scheduled", "date": "2016-12-05"},
        {"kind": "vote_held", "date": "2016-12-05", "ballots": ballots},
    )
    assert any(
        "same day" in w or "on the day" in w
        for w in Replay.from_events(draft(), same_day).final.warnings
    )


def test_party_to_dispute_under_chapter_vi_warns() -> None:
    ballots = dict.fromkeys(SEATED_2016, "yes")
    log = events(
        {"kind": "put_in_blue", "date": "2016-12-21"},
        {"kind": "vote_scheduled", "date": "2016-12-21"},
        {"kind": "vote_held", "date": "2016-12-23", "ballots": ballots},
    )
    final = Replay.from_events(draft(chapter="VI", dispute_parties=["Egypt"]), log).final
    assert any("Egypt is a party to the dispute" in w for w in final.warnings)


def test_ga_debate_due_after_a_veto_since_april_2022() -> None:
    # A constructed vote on the 2022 Council (not a historical tally), vetoed on Thursday 26 May.
    seated = [state.name for state in council(on=date(2022, 5, 26)).members]
    ballots = dict.fromkeys(seated, "yes")
    ballots["Russian Federation"] = "no"
    log = events(
        {"kind": "put_in_blue", "date": "2022-05-24"},
        {"kind": "vote_scheduled", "date": "2022-05-25"},
        {"kind": "vote_held", "date": "2022-05-26", "ballots": ballots},
    )
    final = Replay.from_events(draft("S/2022/431"), log).final
    assert final.stage is Stage.VETOED
    # Ten UN working days; the record has no list of the UN's holidays for 2022, so Monday to
    # Friday are counted, and the warning says so.
    assert final.ga_debate_due_by == date(2022, 6, 9)
    assert any(
        "meet by 2022-06-09" in w
        and "UN holidays at Headquarters for 2022 not in the record: Monday to Friday counted" in w
        for w in final.warnings
    )


def test_same_day_events_keep_their_order_and_days_sort() -> None:
    log = events(
        {"kind": "statement", "date": "2016-10-05", "note": "later"},
        {"kind": "circulated", "date": "2016-10-03", "audience": "all15"},
        {
            "kind": "position_stated",
            "date": "2016-10-05T09:00",
            "member": "Russia",
            "stance": "oppose",
        },
    )
    replay = Replay.from_events(draft(), log)
    assert [s.event.kind for s in replay] == ["circulated", "statement", "position_stated"]
    assert replay.as_of(datetime(2016, 10, 4, 12)).event.kind == "circulated"


def test_sponsor_left_must_be_a_sponsor() -> None:
    log = events({"kind": "sponsor_left", "date": "2016-10-05", "members": ["Japan"]})
    with pytest.raises(
        IllegalEventError, match="S/2016/900: sponsor_left on 2016-10-05 names Japan, not a sponsor"
    ):
        Replay.from_events(draft(), log)


def test_sponsors_on_the_council_count_as_support() -> None:
    log = events({"kind": "circulated", "date": "2016-10-03", "audience": "all15"})
    with_sponsors = draft(sponsors=[{"member": m} for m in ("France", "UK", "Germany")])
    snapshot = Replay.from_events(with_sponsors, log).final
    assert snapshot.expected.yes == 2  # Germany was not on the Council in 2016


@settings(max_examples=60, deadline=None)
@given(event_logs())
def test_valid_logs_replay(log: list[Event]) -> None:
    replay = Replay.from_events(draft_for_logs(), log)
    assert len(replay) == len(log)
    for snapshot in replay:
        if snapshot.result is not None:
            assert snapshot.expected.outcome is snapshot.result.outcome


@settings(max_examples=80, deadline=None)
@given(any_event_logs())
def test_invalid_logs_raise_only_library_errors(log: list[Event]) -> None:
    for infer in (False, True):
        with contextlib.suppress(UnscTrackerError):
            Replay.from_events(draft_for_logs(), log, infer=infer)
