"""Fuzzing every way in: any input is accepted or refused with the library's own error.

"Refused" means an :class:`~unsc_tracker.errors.UnscTrackerError` whose message can be printed,
or a ``TypeError`` when an argument is of a Python type the function does not take; any other
exception fails the test. Accepted scenarios round-trip through TOML, JSON and YAML to equal
scenarios and equal replays, and a write that fails at any step leaves the old file byte for
byte. The number of examples comes from the Hypothesis profile: a few hundred in the suite,
thousands in the ``fuzz`` profile run by hand (``docs/testing.md``).
"""

from __future__ import annotations

import csv
import io
import os
import tempfile
import warnings
from collections.abc import Callable, Mapping
from datetime import date
from pathlib import Path
from typing import Any, TypeVar
from unittest import mock

import pytest
from hypothesis import event, given
from hypothesis import strategies as st
from strategies import (
    SUFFIXES,
    any_texts,
    ballot_sets,
    ballot_words,
    data_tables,
    day_texts,
    days,
    event_data,
    hashable_wrong_types,
    names,
    phrases,
    scenario_data,
    scenario_files,
    wrong_types,
)

import unsc_tracker as ut
from unsc_tracker import files
from unsc_tracker.council import FIRST_MEETING, RECORD_END
from unsc_tracker.datafiles import TABLES, DataReport, forget_data
from unsc_tracker.errors import ScenarioError, UnscTrackerError, VoteFileError
from unsc_tracker.record.csvfiles import read_votes_text
from unsc_tracker.record.undl import read_undl_text

T = TypeVar("T")


def attempt(call: Callable[[], T], wrong_type: bool = False) -> T | Exception:
    """What ``call`` gives: its result, or the library's error (or, when an argument was of a
    wrong type, a TypeError); any other exception escapes and fails the test."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # date phrases read by a default rule say so
            return call()
    except UnscTrackerError as err:
        str(err).encode("utf-8")  # a message that can be printed
        return err
    except TypeError as err:
        if not wrong_type:
            raise
        return err


# -- names, ballots, days -----------------------------------------------------------------------


@given(names | hashable_wrong_types)
def test_any_name_is_a_member_or_an_unknown_member_error(name: object) -> None:
    found = attempt(lambda: ut.member(name), wrong_type=not isinstance(name, str))  # type: ignore[arg-type]
    assert isinstance(found, ut.MemberState | ut.UnknownMemberError | TypeError)


@given(ballot_sets())
def test_any_ballots_are_counted_or_refused(vote: tuple[Any, date, Any, Any]) -> None:
    ballots, day, procedural, threshold = vote
    wrong = (
        not isinstance(ballots, Mapping)
        or not all(isinstance(who, str) for who in ballots)
        or not (procedural is None or isinstance(procedural, bool))
        or isinstance(threshold, str)
    )
    result = attempt(
        lambda: ut.tally(ballots, on=day, procedural=procedural, threshold=threshold), wrong
    )
    event(f"tally: {type(result).__name__}")
    if isinstance(result, ut.VoteResult):
        assert result.size == ut.council(on=day).size
        assert result.vetoed_by == () or result.outcome is ut.Outcome.VETOED
    record = attempt(lambda: ut.VoteRecord(date=day, ballots=ballots), wrong)
    if isinstance(record, ut.VoteRecord):
        assert isinstance(attempt(lambda: ut.tally(record)), ut.VoteResult | UnscTrackerError)


STANCES = st.sampled_from(["support", "oppose", "abstain", "undecided", "Oppose"]) | any_texts


@given(
    st.dictionaries(names, STANCES | st.dictionaries(ballot_words, st.floats()), max_size=16)
    | wrong_types,
    st.dates(FIRST_MEETING, RECORD_END),
)
def test_any_positions_give_an_expectation_or_are_refused(positions: Any, day: date) -> None:
    wrong = not isinstance(positions, Mapping)
    expected = attempt(lambda: ut.expect(positions, on=day), wrong)
    assert isinstance(expected, ut.Expectation | Exception)
    chances = attempt(lambda: ut.probabilities(positions, on=day), wrong)
    assert isinstance(chances, ut.Probabilities | Exception)


@given(days | wrong_types)
def test_any_day_is_read_or_refused(day: Any) -> None:
    assert isinstance(attempt(lambda: ut.parse_when(day)), date | UnscTrackerError)
    wrong = not isinstance(day, str | date)
    assert isinstance(attempt(lambda: ut.council(on=day), wrong), ut.Council | Exception)


@given(phrases, days, st.sampled_from([None, "past", "future"]))
def test_any_phrase_is_resolved_or_refused(phrase: str, report: Any, tense: Any) -> None:
    assert isinstance(
        attempt(lambda: ut.relative_when(phrase, report, tense=tense)), date | Exception
    )
    assert isinstance(attempt(lambda: ut.relative_month(phrase, report)), ut.Month | Exception)
    found = attempt(lambda: ut.find_dates(phrase, report, tense=tense))
    assert isinstance(found, list | UnscTrackerError)


@given(
    any_texts
    | st.builds("S/RES/{} ({})".format, st.integers(-5, 10**25), st.integers(0, 99999) | any_texts)
)
def test_any_resolution_symbol_is_parsed_or_refused(symbol: str) -> None:
    assert isinstance(attempt(lambda: ut.Resolution.parse(symbol)), ut.Resolution | Exception)


# -- scenario files -----------------------------------------------------------------------------


def replayed(scenario: ut.Scenario, key: str) -> object:
    """A draft's snapshots, or the library's error refusing its log."""
    outcome = attempt(lambda: list(scenario.replay(key)))
    return (type(outcome), str(outcome)) if isinstance(outcome, Exception) else outcome


@given(scenario_files())
def test_any_scenario_file_is_loaded_or_refused_and_round_trips(file: tuple[str, bytes]) -> None:
    suffix, content = file
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"case{suffix}"
        path.write_bytes(content)
        scenario = attempt(lambda: ut.load_scenario(path))
        event("refused" if isinstance(scenario, Exception) else "accepted")
        if isinstance(scenario, Exception):
            assert isinstance(scenario, ScenarioError)
            assert str(scenario).startswith(str(path))
            return
        assert isinstance(scenario, ut.Scenario)
        replays = {draft.id: replayed(scenario, draft.id) for draft in scenario.drafts}
        for out in SUFFIXES:
            again = ut.load_scenario(ut.save_scenario(scenario, Path(folder) / f"again{out}"))
            assert again == scenario
            assert {key: replayed(again, key) for key in replays} == replays


class _FailingWrite:
    """A file whose write stops after ``cut`` bytes, as on a full disk."""

    def __init__(self, file: Any, cut: int) -> None:
        self._file, self._cut = file, cut

    def __enter__(self) -> _FailingWrite:
        return self

    def __exit__(self, *exc: object) -> None:
        self._file.close()

    def write(self, data: bytes) -> int:
        self._file.write(data[: self._cut])
        self._file.flush()
        raise OSError(28, "No space left on device")


@given(
    old=st.binary(max_size=300),
    data=scenario_data(mutations=0),
    suffix=st.sampled_from(SUFFIXES),
    step=st.sampled_from(["write", "fsync", "chmod", "replace", "interrupt", "encoding"]),
    cut=st.integers(0, 10_000),
)
def test_a_failure_mid_write_leaves_the_target_byte_for_byte(
    old: bytes, data: dict[str, Any], suffix: str, step: str, cut: int
) -> None:
    scenario = ut.Scenario.model_validate(data)
    if step == "encoding":
        scenario = scenario.model_copy(update={"title": "half a pair: \udc00"})
    real_fdopen = os.fdopen
    failures = {
        "write": mock.patch.object(
            files.os, "fdopen", lambda *a: _FailingWrite(real_fdopen(*a), cut)
        ),
        "fsync": mock.patch.object(files.os, "fsync", side_effect=OSError(5, "I/O error")),
        "chmod": mock.patch.object(files.os, "chmod", side_effect=OSError(1, "not permitted")),
        "replace": mock.patch.object(files.os, "replace", side_effect=OSError(18, "cross-device")),
        "interrupt": mock.patch.object(files.os, "fsync", side_effect=KeyboardInterrupt),
        "encoding": mock.patch.object(files.os, "getpid"),  # nothing: the text fails to encode
    }
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / f"case{suffix}"
        target.write_bytes(old)
        with (
            failures[step],
            pytest.raises(KeyboardInterrupt if step == "interrupt" else ScenarioError),
        ):
            ut.save_scenario(scenario, target)
        assert target.read_bytes() == old
        assert os.listdir(folder) == [target.name]


# -- the tracker and the user's tables ----------------------------------------------------------


@given(
    key=st.sampled_from(["S/2016/900", "zero draft", ""]) | any_texts | st.just(None),
    events=st.lists(event_data(), min_size=1, max_size=5),
)
def test_any_event_is_added_to_a_tracker_or_refused(key: Any, events: list[dict[str, Any]]) -> None:
    with tempfile.TemporaryDirectory() as folder, ut.Tracker(Path(folder) / "log.sqlite") as log:
        for item in events:
            added = attempt(lambda item=item: log.add(key, item), not isinstance(key, str))  # type: ignore[misc]
            event(type(added).__name__)
            assert isinstance(added, ut.Snapshot | Exception)
        if isinstance(key, str) and key in log.drafts():
            exported = log.export(Path(folder) / "log.json")
            logged = tuple(entry.event for entry in log.history(key))
            assert ut.load_scenario(exported).draft(key).events == logged


@given(st.data(), st.sampled_from(sorted(TABLES)))
def test_any_user_table_is_used_or_refused(data: st.DataObject, table: str) -> None:
    text = data.draw(data_tables(TABLES[table]))
    with tempfile.TemporaryDirectory() as folder:
        name = TABLES[table].user_pattern.replace("*", "_fuzz")
        (Path(folder) / name).write_bytes(text.encode("utf-8", "surrogatepass"))
        try:
            report = attempt(lambda: ut.use_data(folder))
            event(type(report).__name__)
            assert isinstance(report, DataReport | UnscTrackerError)
            for year in (1946, 2016, 2028, 2040):
                council = attempt(lambda year=year: ut.council(on=date(year, 6, 1)))  # type: ignore[misc]
                event(f"council: {type(council).__name__}")
            assert isinstance(attempt(lambda: ut.vetoes(since=date(2020, 1, 1))), tuple | Exception)
        finally:
            forget_data()


VOTES = Path(__file__).parent / "data" / "votes"
UNDL = Path(__file__).parent / "data" / "undl" / "sc_voting_sample.csv"


def _damaged_csv(draw: st.DrawFn, text: str) -> str:
    rows = list(csv.reader(io.StringIO(text)))
    for _ in range(draw(st.integers(0, 4))):
        row = draw(st.sampled_from(rows))
        if row:
            at = draw(st.integers(0, len(row) - 1))
            row[at] = draw(junk_cells)
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue()


junk_cells = st.one_of(
    st.sampled_from(["", "yes", "no", "Y", "N", "A", "X", "True", "0", "16", "-1", "S/PV.1"]),
    day_texts,
    names,
    any_texts,
)


@given(st.data())
def test_any_votes_table_is_read_or_refused(data: st.DataObject) -> None:
    votes = _damaged_csv(data.draw, (VOTES / "votes.csv").read_text(encoding="utf-8"))
    ballots = _damaged_csv(data.draw, (VOTES / "votes_ballots.csv").read_text(encoding="utf-8"))
    read = attempt(lambda: read_votes_text(votes, ballots))
    event("refused" if isinstance(read, Exception) else "read")
    assert isinstance(read, tuple | VoteFileError)
    undl = _damaged_csv(data.draw, UNDL.read_text(encoding="utf-8"))
    read = attempt(lambda: read_undl_text(undl))
    event("UNDL refused" if isinstance(read, Exception) else "UNDL read")
    assert isinstance(read, tuple | VoteFileError)


AKN4UN = sorted((Path(__file__).parent / "data" / "akn4un").glob("*/*.xml"))


@given(
    st.sampled_from(AKN4UN),
    st.lists(
        st.tuples(
            st.floats(0, 1),
            st.integers(0, 300),
            st.binary(max_size=6)
            | st.sampled_from(
                [b"<", b"&amp;", b"]]>", b"<!--", b"\xe9", b"9" * 40, b"-00-", b"9999"]
            ),
        ),
        max_size=6,
    ),
)
def test_any_akn4un_document_is_read_or_refused(
    file: Path, cuts: list[tuple[float, int, bytes]]
) -> None:
    data = file.read_bytes()
    for where, length, insert in cuts:
        at = int(where * len(data))
        data = data[:at] + insert + data[at + length :]
    record = attempt(lambda: ut.akn4un.loads(data, source=file.name))
    event("refused" if isinstance(record, Exception) else "read")
    assert isinstance(record, ut.akn4un.AknRecord | ut.AknError)


def test_the_fuzz_strategies_reach_both_outcomes() -> None:
    # A strategy that only ever produced valid input (or only invalid) would test little.
    @given(scenario_files())
    def check(file: tuple[str, bytes]) -> None:
        suffix, content = file
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / f"case{suffix}"
            path.write_bytes(content)
            seen.add(isinstance(attempt(lambda: ut.load_scenario(path)), ut.Scenario))

    seen: set[bool] = set()
    check()
    assert seen == {True, False}
