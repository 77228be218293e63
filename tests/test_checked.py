"""Models raise the library's errors for bad input, each problem with its place and value."""

from __future__ import annotations

import pytest

from unsc_tracker.checked import shown
from unsc_tracker.drafts import DraftResolution, Resolution
from unsc_tracker.errors import BallotError, DraftError, EventError, UnscTrackerError
from unsc_tracker.events import ReportedDate, Statement
from unsc_tracker.voting import VoteRecord


def test_a_constructor_raises_the_model_s_error_naming_field_and_value() -> None:
    with pytest.raises(BallotError, match=r"^VoteRecord: field threshold: .* \(value 'x'\)$"):
        VoteRecord(date="2016-10-08", ballots={}, threshold="x")  # type: ignore[arg-type]
    with pytest.raises(EventError, match=r"^Statement: field date: date 'soon' cannot be read"):
        Statement(kind="statement", date="soon")  # type: ignore[arg-type]
    with pytest.raises(EventError, match="field day"):
        ReportedDate(report="2016-10-05", day="")  # type: ignore[arg-type]


def test_model_validate_and_json_raise_it_too() -> None:
    with pytest.raises(BallotError, match="unknown ballot 'nay' for Russian Federation"):
        VoteRecord.model_validate({"date": "2016-10-08", "ballots": {"Russia": "nay"}})
    with pytest.raises(DraftError, match=r"^DraftResolution: field symbol: 'S/1/1' is not"):
        DraftResolution.model_validate_json('{"symbol": "S/1/1"}')


def test_a_model_inside_another_keeps_its_place_in_the_outer_one() -> None:
    with pytest.raises(DraftError, match=r"field sponsors\.1\.member: unknown member state 'Gaul'"):
        DraftResolution(symbol="S/2016/846", sponsors=[{"member": "France"}, {"member": "Gaul"}])  # type: ignore[list-item]


def test_several_problems_are_listed_under_the_first() -> None:
    with pytest.raises(DraftError) as caught:
        Resolution(number=0, year=1900)
    lines = str(caught.value).splitlines()
    assert lines[0].startswith("Resolution: field number: Input should be greater than or equal")
    assert lines[1:] == ["  and 1 more:", lines[2]]
    assert "field year" in lines[2]


def test_a_value_is_shown_short_whatever_its_size() -> None:
    assert shown(10**5000) == "an integer of 5001 digits"
    assert shown(-(10**40)) == "an integer of 41 digits"
    assert shown(10**30000 - 1) == "an integer of 30000 digits"  # too long for str()
    assert len(shown("x" * 10_000)) == 60


def test_a_message_with_a_lone_surrogate_can_be_printed() -> None:
    message = str(UnscTrackerError("bad name '\ud800'"))
    assert message == "bad name '\\ud800'"
    message.encode("utf-8")
