"""Event models: the discriminated union, dates as reports write them, validation messages."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from pydantic import TypeAdapter, ValidationError

from unsc_tracker.errors import IllegalEventError
from unsc_tracker.events import Circulated, Event, PositionStated, Retracted, VoteHeld, in_force
from unsc_tracker.voting import Ballot

EVENT: TypeAdapter[Event] = TypeAdapter(Event)


def test_kind_selects_the_model() -> None:
    event = EVENT.validate_python({"kind": "circulated", "date": "2016-09-30", "audience": "P5"})
    assert isinstance(event, Circulated)
    assert event.summary == "circulated to P5"


def test_report_relative_date_is_resolved_and_kept() -> None:
    event = EVENT.validate_python(
        {
            "kind": "circulated",
            "date": {"report": "2016-10-05", "day": "Monday"},
            "audience": "all15",
        }
    )
    assert event.date == date(2016, 10, 3)
    assert event.reported_as is not None
    assert event.reported_as.day == "Monday"
    again = EVENT.validate_python(event.model_dump())
    assert again == event


def test_report_date_disagreeing_with_date_is_an_error() -> None:
    with pytest.raises(
        ValidationError, match="date 2016-10-04 disagrees with reported_as: 'Monday'"
    ):
        EVENT.validate_python(
            {
                "kind": "statement",
                "date": "2016-10-04",
                "reported_as": {"report": "2016-10-05", "day": "Monday"},
            }
        )


def test_date_with_time() -> None:
    event = EVENT.validate_python({"kind": "put_in_blue", "date": "Wed 21 Dec 2016 11:20"})
    assert event.date == datetime(2016, 12, 21, 11, 20)


def test_vote_ballots_resolve_names_and_catch_duplicates() -> None:
    event = EVENT.validate_python(
        {"kind": "vote_held", "date": "2016-10-08", "ballots": {"UK": "Yes"}}
    )
    assert isinstance(event, VoteHeld)
    assert event.ballots == {"United Kingdom of Great Britain and Northern Ireland": Ballot.YES}
    with pytest.raises(ValidationError, match="ballots name Russian Federation twice"):
        EVENT.validate_python(
            {
                "kind": "vote_held",
                "date": "2016-10-08",
                "ballots": {"Russia": "no", "Russian Federation": "no"},
            }
        )
    with pytest.raises(ValidationError, match="unknown ballot 'veto'"):
        EVENT.validate_python(
            {"kind": "vote_held", "date": "2016-10-08", "ballots": {"Russia": "veto"}}
        )


def test_outcome_cannot_be_given() -> None:
    with pytest.raises(ValidationError, match="outcome\n  Extra inputs are not permitted"):
        EVENT.validate_python(
            {
                "kind": "vote_held",
                "date": "2016-10-08",
                "ballots": {"Russia": "no"},
                "outcome": "adopted",
            }
        )


def test_position_and_distribution() -> None:
    event = EVENT.validate_python(
        {
            "kind": "position_stated",
            "date": "2016-10-05",
            "member": "Russia",
            "stance": "Oppose",
            "probabilities": {"no": 0.9, "abstain": 0.1},
        }
    )
    assert isinstance(event, PositionStated)
    assert event.member == "Russian Federation"
    with pytest.raises(ValidationError, match="probabilities for Russian Federation must lie in"):
        EVENT.validate_python(
            {
                "kind": "position_stated",
                "date": "2016-10-05",
                "member": "Russia",
                "stance": "oppose",
                "probabilities": {"no": 0.9},
            }
        )
    with pytest.raises(ValidationError, match="unknown stance 'against'"):
        EVENT.validate_python(
            {
                "kind": "position_stated",
                "date": "2016-10-05",
                "member": "Russia",
                "stance": "against",
            }
        )


def test_unknown_kind_is_named() -> None:
    with pytest.raises(ValidationError, match="'vetoed'"):
        EVENT.validate_python({"kind": "vetoed", "date": "2016-10-08"})


def test_unverified_sponsors_need_a_reason() -> None:
    with pytest.raises(ValidationError, match="verified = false must give the reason in note"):
        EVENT.validate_python(
            {
                "kind": "sponsor_joined",
                "date": "2016-10-08",
                "members": ["Andorra"],
                "verified": False,
            }
        )


def _statement(day: str, by: str) -> Event:
    return EVENT.validate_python({"kind": "statement", "date": day, "by": by})


def _retraction(day: str, seq: int) -> Event:
    return EVENT.validate_python({"kind": "retracted", "date": day, "seq": seq, "reason": "wrong"})


def test_retraction_withdraws_an_earlier_event() -> None:
    log = [_statement("2016-10-05", "France"), _statement("2016-10-05", "Spain")]
    withdrawn = [*log, _retraction("2016-10-06", 1)]
    assert in_force(withdrawn) == [log[1]]
    assert isinstance(withdrawn[-1], Retracted)
    assert withdrawn[-1].summary == "retracts event 1: wrong"
    # Withdrawing the retraction restores the event; withdrawing it again is a new retraction.
    restored = [*withdrawn, _retraction("2016-10-07", 3)]
    assert in_force(restored) == log
    assert in_force([*restored, _retraction("2016-10-08", 1)]) == [log[1]]
    assert in_force(log) == log


def test_retraction_must_name_an_earlier_event_once() -> None:
    log = [_statement("2016-10-05", "France"), _retraction("2016-10-06", 2)]
    with pytest.raises(
        IllegalEventError, match=r"S/2016/846: event 2 .* names event 2, which is not"
    ):
        in_force(log, "S/2016/846")
    twice = [_statement("2016-10-05", "France"), _retraction("2016-10-06", 1)]
    twice.append(_retraction("2016-10-07", 1))
    with pytest.raises(IllegalEventError, match="event 1 is withdrawn twice, by events 2 and 3"):
        in_force(twice)


def test_retraction_needs_a_reason_and_a_number() -> None:
    with pytest.raises(ValidationError, match="seq"):
        EVENT.validate_python({"kind": "retracted", "date": "2016-10-06", "seq": 0, "reason": "x"})
    with pytest.raises(ValidationError, match="reason"):
        EVENT.validate_python({"kind": "retracted", "date": "2016-10-06", "seq": 1, "reason": ""})
