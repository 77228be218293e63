"""Fuzzing the ways out: every public function of ``unsc_tracker.export`` and
``unsc_tracker.plot``, given generated arguments, returns its result, or raises the library's own
error, or a ``TypeError`` raised on purpose by the library to say what it takes; nothing else.

The arguments are drawn for each parameter from what it takes (results, records and replays of
every kind, selections of the record and of the veto record, days and years, names, texts), near
misses (an empty replay, a replay with no vote, a list with one stranger in it) and values of any
other type. The number of examples comes from the Hypothesis profile (``docs/testing.md``).
"""

from __future__ import annotations

import linecache
import warnings
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import event, given
from hypothesis import strategies as st
from strategies import any_texts, days, names, optional_texts, wrong_types

import unsc_tracker as ut
from unsc_tracker import export, plot
from unsc_tracker.errors import UnscTrackerError
from unsc_tracker.record import METHODS

pytest.importorskip("pandas")
pytest.importorskip("matplotlib")

_ALEPPO = ut.load_scenario("aleppo-2016")
_846 = _ALEPPO.replay("S/2016/846")
_UNVOTED = ut.Scenario.model_validate(
    {
        "drafts": [
            {"symbol": "S/2016/900", "events": [{"kind": "put_in_blue", "date": "2016-10-07"}]}
        ]
    }
).replay("S/2016/900")
_VOTES = ut.votes(since="2016-10-01", until="2016-12-31")
_VETOES = ut.vetoes(agenda="Syria")


def _mixed(items: list[Any]) -> st.SearchStrategy[Any]:
    """Collections of ``items``: a list, a tuple, a generator, with a stranger slipped in."""
    chosen = st.lists(st.sampled_from(items), max_size=4)
    return st.one_of(
        chosen,
        chosen.map(tuple),
        chosen.map(lambda found: (item for item in found)),
        st.tuples(chosen, wrong_types | any_texts, st.integers(0, 4)).map(
            lambda drawn: [*drawn[0][: drawn[2]], drawn[1], *drawn[0][drawn[2] :]]
        ),
    )


RESULTS = st.sampled_from(
    [_846.final.result, _846.final, _846, _UNVOTED, _VOTES[0], _VOTES[-1],
     ut.VoteRecord(date="2016-10-08", ballots={"Russia": "no"}, symbol="S/2016/846")]
)  # fmt: skip
REPLAYS = st.sampled_from([_846, _ALEPPO.replay("S/2016/847"), _UNVOTED])
VOTES = st.one_of(
    st.just(_VOTES), st.just(ut.votes(since="1990-01-01", until="1990-01-02")), _mixed(list(_VOTES))
)
VETOES = st.one_of(st.none(), st.just(_VETOES), _mixed(list(_VETOES)))
TEXTS = optional_texts | any_texts
MEMBERS = st.one_of(
    st.none(),
    names,
    st.lists(names, max_size=4),
    st.sampled_from([["Russia", "China", "US"], [ut.member("France")], ()]),
)
DAYS_OR_YEARS = st.one_of(
    days, st.integers(1940, 2030), st.integers(-(10**45), 10**45), st.sampled_from([1946, 2027])
)
ANY = wrong_types | any_texts

# Each function: its positional parameters, then its keyword parameters, each with what it takes.
FUNCTIONS: dict[str, tuple[Callable[..., object], list[Any], dict[str, Any]]] = {
    "vote_frame": (export.vote_frame, [RESULTS], {"symbol": TEXTS, "meeting": TEXTS}),
    "replay_frame": (export.replay_frame, [REPLAYS], {}),
    "vetoes_frame": (export.vetoes_frame, [VETOES], {}),
    "council_frame": (export.council_frame, [DAYS_OR_YEARS], {"until": st.none() | DAYS_OR_YEARS}),
    "votes_frame": (export.votes_frame, [VOTES], {}),
    "ballots_frame": (export.ballots_frame, [VOTES], {}),
    "popolo_vote_event": (
        export.popolo_vote_event,
        [RESULTS],
        {"symbol": TEXTS, "meeting": TEXTS, "title": TEXTS},
    ),
    "ocd_actions": (export.ocd_actions, [REPLAYS], {}),
    "member_id": (export.member_id, [names | st.just(ut.member("Spain"))], {}),
    "agreement_heatmap": (
        plot.agreement_heatmap,
        [VOTES, MEMBERS],
        {"method": st.sampled_from(METHODS) | any_texts, "title": TEXTS},
    ),
    "ballots_by_year": (plot.ballots_by_year, [VOTES, MEMBERS], {"title": TEXTS}),
    "timeline": (plot.timeline, [REPLAYS], {}),
    "vetoes_by_year": (plot.vetoes_by_year, [VETOES], {}),
    "vote_chart": (
        plot.vote_chart,
        [RESULTS],
        {"title": TEXTS, "symbol": TEXTS, "meeting": TEXTS},
    ),
}


@st.composite
def export_calls(draw: st.DrawFn) -> tuple[str, list[Any], dict[str, Any]]:
    """A function's name and arguments: each what the parameter takes, or now and then anything."""
    name = draw(st.sampled_from(sorted(FUNCTIONS)))
    _, positional, keywords = FUNCTIONS[name]

    def value(takes: st.SearchStrategy[Any]) -> Any:
        return draw(ANY if not draw(st.integers(0, 5)) else takes)

    args = [value(takes) for takes in positional]
    kwargs = {key: value(takes) for key, takes in keywords.items() if draw(st.booleans())}
    return name, args, kwargs


def on_purpose(err: TypeError) -> bool:
    """Whether ``err`` was raised by a ``raise`` of the library (to say what a function takes),
    not by Python inside it (``'int' object is not iterable``)."""
    trace = err.__traceback__
    while trace is not None and trace.tb_next is not None:
        trace = trace.tb_next
    if trace is None:
        return False
    file = trace.tb_frame.f_code.co_filename
    return "unsc_tracker" in file and "raise " in linecache.getline(file, trace.tb_lineno)


@given(export_calls())
def test_any_export_or_figure_is_made_or_refused(
    call: tuple[str, list[Any], dict[str, Any]],
) -> None:
    name, args, kwargs = call
    function = FUNCTIONS[name][0]
    refused: Exception | None = None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            function(*args, **kwargs)
    except (UnscTrackerError, TypeError) as err:
        refused = err
    event(f"{name}: {type(refused).__name__ if refused is not None else 'made'}")
    if isinstance(refused, UnscTrackerError):
        str(refused).encode("utf-8")  # a message that can be printed
    elif isinstance(refused, TypeError):
        assert on_purpose(refused), refused


def test_a_type_error_of_python_inside_the_library_is_not_taken_for_one_on_purpose() -> None:
    from unsc_tracker import wording

    with pytest.raises(TypeError) as python:
        wording.clip(5, 3)  # type: ignore[arg-type]  # len(5), inside the library
    with pytest.raises(TypeError) as library:
        export.vote_frame(5)  # type: ignore[arg-type]
    assert (on_purpose(python.value), on_purpose(library.value)) == (False, True)
