"""Every DataFrame of the export package: its key columns on every row, its columns and their
dtypes, and one missing-value marker (pandas' NA, ``<NA>``; ``NaT`` in date columns).

The frames are built from the bundled data: the Aleppo scenario, the veto record, the vote
record of 2016 and the Council on 8 October 2016 and over 1971.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

import unsc_tracker as ut
from unsc_tracker.export import (
    KEYS,
    ballots_frame,
    council_frame,
    replay_frame,
    vetoes_frame,
    vote_frame,
    votes_frame,
)

pd = pytest.importorskip("pandas")

TEXT, DAY, CAT, LIST = "string", "datetime64[ns]", "category", "object"

COLUMNS: dict[str, dict[str, str]] = {
    "vote_frame": {
        "symbol": TEXT, "date": DAY, "meeting": TEXT, "code": TEXT, "name": TEXT, "seat": CAT,
        "ballot": CAT, "vetoed": "bool",
    },
    "replay_frame": {
        "draft": TEXT, "seq": "int64", "date": DAY, "day": DAY, "kind": CAT, "summary": TEXT,
        "stage": CAT, "symbol": TEXT, "expected": CAT, "expected_vetoed_by": LIST, "result": CAT,
        "counts": TEXT, "sponsors": "int64", "warnings": "int64", "inferred": "int64",
        "ga_debate_due_by": DAY, "source": TEXT, "note": TEXT,
    },
    "vetoes_frame": {
        "symbol": TEXT, "date": DAY, "document": TEXT, "draft_symbol": TEXT, "meeting": TEXT,
        "agenda": TEXT, "vetoed_by": LIST, "cast_as": LIST, "vetoers": "int64", "yes": "Int64",
        "no": "Int64", "abstain": "Int64", "caveats": LIST, "source": TEXT, "line": "int64",
    },
    "council_frame": {
        "since": DAY, "until": DAY, "code": TEXT, "name": TEXT, "seat": CAT,
        "president": "boolean",
    },
    "votes_frame": {
        "symbol": TEXT, "kind": CAT, "resolution": TEXT, "draft": TEXT, "date": DAY,
        "meeting": TEXT, "letters": LIST, "agenda": TEXT, "title": TEXT, "modality": CAT,
        "procedural": "bool", "outcome": CAT, "recorded_outcome": CAT, "vetoed_by": LIST,
        "yes": "Int64", "no": "Int64", "abstain": "Int64", "non_voting": "Int64",
        "ballots": "int64", "coverage": CAT, "conflicts": "int64", "source": TEXT,
    },
    "ballots_frame": {
        "symbol": TEXT, "date": DAY, "code": TEXT, "name": TEXT, "seat": CAT, "ballot": CAT,
    },
}  # fmt: skip


def _frames() -> dict[str, list[Any]]:
    replay = ut.load_scenario("aleppo-2016").replay("S/2016/846")
    votes_2016 = ut.votes(since=date(2016, 1, 1), until=date(2016, 12, 31))
    vetoed = next(vote for vote in votes_2016 if vote.symbol == "S/2016/846")
    return {
        "vote_frame": [vote_frame(vetoed), vote_frame(replay.final.result, symbol="S/2016/846")],
        "replay_frame": [replay_frame(replay)],
        "vetoes_frame": [vetoes_frame()],
        "council_frame": [council_frame(date(2016, 10, 8)), council_frame(1971)],
        "votes_frame": [votes_frame(votes_2016)],
        "ballots_frame": [ballots_frame(votes_2016)],
    }


FRAMES = _frames()


def test_every_frame_of_the_package_is_checked() -> None:
    assert set(FRAMES) == set(KEYS) == set(COLUMNS)


@pytest.mark.parametrize("name", sorted(FRAMES))
def test_key_columns_are_on_every_row_and_name_it(name: str) -> None:
    for frame in FRAMES[name]:
        keys = list(KEYS[name])
        assert len(frame) > 0
        assert frame[keys].notna().all().all(), f"{name}: a key is missing on some row"
        assert not frame.duplicated(keys).any(), f"{name}: two rows share the keys {keys}"


@pytest.mark.parametrize("name", sorted(FRAMES))
def test_columns_and_dtypes(name: str) -> None:
    for frame in FRAMES[name]:
        assert {column: str(dtype) for column, dtype in frame.dtypes.items()} == COLUMNS[name]


@pytest.mark.parametrize("name", sorted(FRAMES))
def test_categories_are_ordered_pandas_strings(name: str) -> None:
    for frame in FRAMES[name]:
        for column in frame.columns[frame.dtypes == "category"]:
            assert frame[column].cat.ordered, (name, column)
            assert str(frame[column].cat.categories.dtype) == "string", (name, column)


@pytest.mark.parametrize("name", sorted(FRAMES))
def test_one_missing_value_marker(name: str) -> None:
    for frame in FRAMES[name]:
        for column, dtype in frame.dtypes.items():
            shown = frame[[column]].to_html()
            assert ">NaN<" not in shown, (name, column)
            if str(dtype) != DAY:
                assert ">NaT<" not in shown, (name, column)
                assert ">None<" not in shown, (name, column)


def test_list_columns_hold_lists() -> None:
    for name, columns in COLUMNS.items():
        for frame in FRAMES[name]:
            for column in (c for c, dtype in columns.items() if dtype == LIST):
                assert all(isinstance(cell, list) for cell in frame[column]), (name, column)


def test_the_replay_frame_has_each_events_source_and_note() -> None:
    replay = ut.load_scenario("aleppo-2016").replay("S/2016/846")
    frame = FRAMES["replay_frame"][0]
    assert frame.source.tolist() == [snapshot.event.source for snapshot in replay]
    assert frame.note.fillna("").tolist() == [snapshot.event.note or "" for snapshot in replay]
    assert frame.seq.tolist() == list(range(1, len(replay) + 1))


# --- council_frame: the Council on a day, or over a span ---------------------------------------


def test_council_frame_of_8_october_2016_has_the_russian_federation_presiding() -> None:
    # S/PV.7785 (8 October 2016) was held under the Russian Federation's presidency.
    frame = council_frame(date(2016, 10, 8))
    assert list(frame.columns) == ["since", "until", "code", "name", "seat", "president"]
    assert len(frame) == 15
    assert (frame.since == pd.Timestamp("2016-10-08")).all()
    assert (frame.until == pd.Timestamp("2016-10-08")).all()
    assert frame[frame.president].code.tolist() == ["RUS"]
    assert set(frame.code[frame.seat == "permanent"]) == {"CHN", "FRA", "RUS", "GBR", "USA"}
    assert council_frame("2016-10-08").equals(frame)


def test_council_frame_over_a_year_has_a_span_per_presidency() -> None:
    frame = council_frame(2016)
    assert frame.since.nunique() == 12
    presidents = frame[frame.president].sort_values("since")
    assert presidents.code.tolist()[9] == "RUS"  # October 2016
    assert (frame.groupby("since").size() == 15).all()
    assert frame.since.min() == pd.Timestamp("2016-01-01")
    assert frame.until.max() == pd.Timestamp("2016-12-31")


def test_council_frame_span_follows_the_china_seat() -> None:
    # The PRC took the China seat on 25 October 1971 (GA res. 2758 (XXVI)).
    frame = council_frame(date(1971, 10, 20), date(1971, 10, 31))
    china = frame[frame.code == "CHN"][["since", "until", "name"]]
    assert [(str(a.date()), str(b.date()), n) for a, b, n in china.itertuples(index=False)] == [
        ("1971-10-20", "1971-10-24", "Republic of China"),
        ("1971-10-25", "1971-10-31", "People's Republic of China"),
    ]
    sizes = council_frame(date(1965, 12, 31), date(1966, 1, 1)).groupby("since").size()
    assert sizes.tolist() == [11, 15]


def test_council_frame_empty_span_is_an_error() -> None:
    with pytest.raises(ut.DateError, match=r"on=2017-01-01, until=2016-12-31\): on is after until"):
        council_frame(2017, 2016)


def test_council_frame_wants_days_or_years() -> None:
    with pytest.raises(ut.UnscTrackerError, match="'2016-13-01' is not a date"):
        council_frame("2016-13-01")
    with pytest.raises(
        TypeError, match=r"until is a day \(date or ISO text\) or a year \(int\), not float 2017.0"
    ):
        council_frame(2016, 2017.0)  # type: ignore[arg-type]


def test_council_frame_outside_the_record_is_an_error() -> None:
    with pytest.raises(
        ut.DateOutOfRecordError,
        match=r"council_frame\(\): on=1945 is not a year of the record, which covers 1946 to",
    ):
        council_frame(1945)
    with pytest.raises(
        ut.DateOutOfRecordError,
        match=r"council_frame\(\): on=1945-12-31: no Security Council on 1945-12-31",
    ):
        council_frame("1945-12-31", "1946-02-01")
