"""Arguments to the exports and the figures: a wrong Python type is a ``TypeError`` that says what
the function takes; a value of the right type that is wrong is the library's own error, naming
the argument and the value. Each case is the smallest input that escaped before."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

import unsc_tracker as ut
from unsc_tracker import export, plot
from unsc_tracker.arguments import items, of_type, optional_text

pytest.importorskip("pandas")
pytest.importorskip("matplotlib")


@pytest.fixture(scope="module")
def replay_846() -> ut.Replay:
    return ut.load_scenario("aleppo-2016").replay("S/2016/846")


@pytest.fixture(scope="module")
def oct_2016() -> ut.Votes:
    return ut.votes(since="2016-10-08", until="2016-10-08")


# -- the checks themselves ------------------------------------------------------------------------


def test_items_refuse_text_mappings_and_strangers() -> None:
    takes = "f() takes votes"
    assert items((n for n in (1, 2)), int, takes) == [1, 2]
    for wrong, shown in [("ab", "str 'ab'"), ({1: 2}, "dict {1: 2}"), (5, "int 5")]:
        with pytest.raises(TypeError, match=rf"^f\(\) takes votes, not {shown}$"):
            items(wrong, int, takes)
    with pytest.raises(TypeError, match=r"^f\(\) takes votes, not str '2' \(item 2\)$"):
        items([1, "2"], int, takes)
    with pytest.raises(TypeError, match=r"not an integer of 5001 digits \(item 1\)$"):
        items([10**5000], str, takes)


def test_of_type_and_optional_text() -> None:
    assert of_type(5, int, "f() takes an int") == 5
    with pytest.raises(TypeError, match=r"^f\(\) takes an int, not NoneType None$"):
        of_type(None, int, "f() takes an int")
    optional_text(None, "f()", "title")
    optional_text("a title", "f()", "title")
    with pytest.raises(TypeError, match=r"^f\(\): title is text \(str\) or None, not bytes b'x'$"):
        optional_text(b"x", "f()", "title")


# -- council_frame: the year that is an int but no year of the record -----------------------------


@pytest.mark.parametrize(
    ("year", "shown"), [(-1, "-1"), (10**40, "an integer of 41 digits"), (5, "5")]
)
def test_a_year_outside_the_record_names_the_argument(year: int, shown: str) -> None:
    # -1 was a ValueError from datetime, 10**40 an OverflowError.
    with pytest.raises(ut.DateOutOfRecordError, match=rf"^council_frame\(\): on={shown} is not a"):
        export.council_frame(year)
    with pytest.raises(ut.DateOutOfRecordError, match=rf"^council_frame\(\): until={shown} is no"):
        export.council_frame(2016, year)


# -- collections of votes, vetoes; replays ----------------------------------------------------------

VOTES = r"takes votes of the record \(from ut\.votes\(\)\): a list or any other iterable of Vote"
VETOES = r"takes Veto records \(from vetoes\(\)\): a list or any other iterable of Veto"
REPLAY = r"takes a Replay \(scenario\.replay\(draft\), or a tracker's\)"

WRONG_COLLECTIONS: list[tuple[Callable[[Any], object], str, Any, str]] = [
    (export.votes_frame, r"votes_frame\(\)", 5, f"{VOTES}, not int 5"),  # was "not iterable"
    (export.votes_frame, r"votes_frame\(\)", ["x"], f"{VOTES}, not str 'x' \\(item 1\\)"),
    (export.ballots_frame, r"ballots_frame\(\)", "S/2016/846", f"{VOTES}, not str 'S/2016/846'"),
    (export.vetoes_frame, r"vetoes_frame\(\)", [1], f"{VETOES}, or None, not int 1 \\(item 1\\)"),
    (export.replay_frame, r"replay_frame\(\)", "x", f"{REPLAY}, not str 'x'"),
    (export.ocd_actions, r"ocd_actions\(\)", [1], f"{REPLAY}, not list \\[1\\]"),
    (plot.timeline, r"timeline\(\)", None, f"{REPLAY}, not NoneType None"),
    (plot.vetoes_by_year, r"vetoes_by_year\(\)", "x", f"{VETOES}, or None, not str 'x'"),
    (plot.agreement_heatmap, r"agreement\(\)", {"a": 1}, f"{VOTES}, not dict"),
    (
        lambda votes: plot.ballots_by_year(votes, "Russia"),
        r"ballots_by_year\(\)",
        [b"x"],
        f"{VOTES}, not bytes b'x' \\(item 1\\)",
    ),
]


@pytest.mark.parametrize(
    ("function", "name", "given", "message"),
    WRONG_COLLECTIONS,
    ids=[f"{name}-{given!r}" for _, name, given, _ in WRONG_COLLECTIONS],
)
def test_a_wrong_collection_is_a_type_error_saying_what_is_taken(
    function: Callable[[Any], object], name: str, given: Any, message: str
) -> None:
    # Each was an AttributeError ("'str' object has no attribute 'ballots'") or a bare
    # "'int' object is not iterable".
    with pytest.raises(TypeError, match=f"^{name} {message}"):
        function(given)


def test_members_that_are_not_names_are_a_type_error(oct_2016: ut.Votes) -> None:
    with pytest.raises(TypeError, match=r"^ballots_by_year\(\) takes a member's name or members"):
        plot.ballots_by_year(oct_2016, b"x")  # type: ignore[arg-type]  # was "not int: 120"
    with pytest.raises(TypeError, match=r"^agreement\(\) takes members .*, not int 5 \(item 1\)"):
        plot.agreement_heatmap(oct_2016, [5])  # type: ignore[list-item]
    with pytest.raises(TypeError, match=r"^agreement\(\): method is text \(str\)"):
        plot.agreement_heatmap(oct_2016, method=5)  # type: ignore[arg-type]
    with pytest.raises(ut.RecordQueryError, match=r"method='x': one of 'identical'"):
        plot.agreement_heatmap(oct_2016, method="x")


# -- text arguments: a symbol, a meeting, a title ------------------------------------------------


def test_text_arguments_of_another_type_are_type_errors(
    replay_846: ut.Replay, oct_2016: ut.Votes
) -> None:
    result = replay_846.final.result
    assert result is not None
    cases: list[tuple[Callable[[], object], str]] = [
        (lambda: export.vote_frame(result, symbol=5), r"vote_frame\(\): symbol"),  # type: ignore[arg-type]
        (lambda: export.popolo_vote_event(result, meeting=5), r"popolo_vote_event\(\): meeting"),  # type: ignore[arg-type]
        (lambda: plot.vote_chart(result, title=5), r"vote_chart\(\): title"),  # type: ignore[arg-type]
        (lambda: plot.agreement_heatmap(oct_2016, title=5), r"agreement_heatmap\(\): title"),  # type: ignore[arg-type]
        (
            lambda: plot.ballots_by_year(oct_2016, "Russia", title=5),  # type: ignore[arg-type]
            r"ballots_by_year\(\): title",
        ),
    ]
    for call, name in cases:
        # Each was accepted: a symbol 5 in a string column, a title 5 drawn as "5".
        with pytest.raises(TypeError, match=f"^{name} is text \\(str\\) or None, not int 5$"):
            call()


def test_a_replay_with_no_vote_is_a_ballot_error() -> None:
    put_in_blue = {"kind": "put_in_blue", "date": "2016-10-07"}
    scenario = ut.Scenario.model_validate(
        {"drafts": [{"symbol": "S/2016/900", "events": [put_in_blue]}]}
    )
    with pytest.raises(ut.BallotError, match=r"vote is the replay of S/2016/900, which holds no"):
        plot.vote_chart(scenario.replay("S/2016/900"))
