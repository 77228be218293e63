"""Models raise the library's errors for bad input, each problem with its place and value."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from pydantic import ValidationError

import unsc_tracker as ut
import unsc_tracker.akn4un
from unsc_tracker.checked import shown
from unsc_tracker.drafts import DraftResolution, Resolution
from unsc_tracker.errors import BallotError, DraftError, EventError, UnscTrackerError
from unsc_tracker.events import ReportedDate, Statement
from unsc_tracker.history import RecordGap
from unsc_tracker.record import Conflict
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


# -- the models a user may build by hand: the library's error, never pydantic's ------------------

_RUSSIA = {"code": "RUS", "name": "Russian Federation"}
BUILT_BADLY: list[tuple[str, Callable[[], object], type[Exception], str]] = [
    ("Council", lambda: ut.Council(on="2016-10-08", permanent=(), elected=(), threshold="nine"),
     ut.DataFileError, r"^Council: field threshold: .* \(value 'nine'\)$"),
    ("Term", lambda: ut.Term(member=_RUSSIA, name_then="Russia", permanent=True, label="permanent",
                             start="2016-01-01", end="someday", sources=()),
     ut.DataFileError, r"^Term: field end: .* \(value 'someday'\)$"),
    ("MemberState", lambda: ut.MemberState(code="ru", name="Russia"),
     ut.DataFileError, r"^MemberState: field code: String should match pattern"),
    ("Veto", lambda: ut.Veto.model_validate({"line": 1}),
     ut.DataFileError, r"^Veto: field line: Input should be greater than or equal to 2 \(value 1\)"),
    ("RecordGap", lambda: RecordGap(members=(), since="x", until=None, what="w", source="s"),
     ut.DataFileError, r"^RecordGap: field since: .* \(value 'x'\)$"),
    ("Vote", lambda: ut.Vote(symbol="S/2016/846", kind="draft", date="2016-10-08", source=""),
     ut.BallotError, r"^Vote: field source: String should have at least 1 character"),
    ("Conflict", lambda: Conflict(symbol="S/1", fact="date", first=1, first_source="a",
                                  second="2", second_source="b"),
     ut.BallotError, r"^Conflict: field first: Input should be a valid string \(value 1\)$"),
    ("Expectation", lambda: ut.Expectation(outcome="vetoed", certain=False, yes=0, needed=9,
                                           threshold=9),
     ut.BallotError, r"^Expectation: top level: outcome 'vetoed' needs vetoed_by"),
    ("Probabilities", lambda: ut.Probabilities(adopted=0.5, vetoed=0.2, failed=0.2),
     ut.BallotError, r"^Probabilities: top level: adopted \+ vetoed \+ failed must be 1, got 0.9"),
    ("AknRecord", lambda: ut.akn4un.AknRecord(symbol="S/RES/1", kind="resolution", date="x"),
     ut.AknError, r"^AknRecord: field date: .* \(value 'x'\)$"),
    ("Count", lambda: ut.akn4un.Count(option="inFavour", ballot="yes", declared=-1, names=()),
     ut.AknError, r"^Count: field declared: Input should be greater than or equal to 0"),
    ("Problem", lambda: ut.akn4un.Problem(kind="no_vote", element="x", message=""),
     ut.AknError, r"^Problem: field message: String should have at least 1 character"),
    ("UnreadableFile", lambda: ut.akn4un.UnreadableFile(path=5, message="m"),
     ut.AknError, r"^UnreadableFile: field path: .* \(value 5\)$"),
    ("FolderReport", lambda: ut.akn4un.FolderReport(folder=".", xml_files=(), records=5),
     ut.AknError, r"^FolderReport: field records: .* \(value 5\)$"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("model", "build", "error", "message"), BUILT_BADLY, ids=[case[0] for case in BUILT_BADLY]
)
def test_an_output_model_built_badly_raises_the_library_s_error(
    model: str, build: Callable[[], object], error: type[Exception], message: str
) -> None:
    # Each raised pydantic's ValidationError before.
    with pytest.raises(error, match=message):
        build()


def test_every_public_model_raises_the_library_s_errors() -> None:
    from pydantic import BaseModel

    from unsc_tracker.checked import Checked

    modules = (ut, ut.akn4un, ut.record, ut.history, ut.forecast, ut.events)
    plain = sorted(
        f"{module.__name__}.{name}"
        for module in modules
        for name in module.__all__
        if isinstance(getattr(module, name), type)
        and issubclass(getattr(module, name), BaseModel)
        and not issubclass(getattr(module, name), Checked)
    )
    assert plain == []


def test_readers_still_name_the_line_and_column_of_a_bad_vote() -> None:
    # The CSV reader words pydantic's problem in its own terms: Vote.validated lets it through.
    with pytest.raises(ValidationError):
        ut.Vote.validated({"symbol": "S/2016/846", "kind": "draft", "date": "x", "source": "s"})
