"""The vote record as DataFrames (``votes_frame``, ``ballots_frame``) and the voting-coincidence
table (``agreement``); and, without pandas, a clear error naming the extra."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from typing import Any

import pytest

import unsc_tracker as ut
from unsc_tracker.errors import RecordQueryError
from unsc_tracker.export import ballots_frame, votes_frame
from unsc_tracker.record import agreement, votes


@pytest.fixture
def pd() -> Any:
    return pytest.importorskip("pandas")


def test_votes_frame_one_row_per_vote_with_key_columns(pd: Any) -> None:
    record = votes(since="2016-01-01", until="2016-12-31")
    frame = votes_frame(record)
    assert len(frame) == len(record)
    assert list(frame.columns[:6]) == ["symbol", "kind", "resolution", "draft", "date", "meeting"]
    assert frame.symbol.tolist() == [vote.symbol for vote in record]
    for column in ("yes", "no", "abstain", "non_voting"):
        assert str(frame[column].dtype) == "Int64"
    assert str(frame.date.dtype) == "datetime64[ns]"
    assert list(frame.outcome.cat.categories) == ["adopted", "vetoed", "failed"]
    row = frame.set_index("symbol").loc["S/2016/1026"]
    assert (row.yes, row.no, row.abstain, row.outcome) == (11, 3, 1, "vetoed")
    assert row.vetoed_by == ["CHN", "RUS"]
    assert frame.set_index("symbol").loc["S/2016/847"].vetoed_by == []


def test_votes_frame_counts_missing_stay_missing(pd: Any) -> None:
    frame = votes_frame(votes(until="1946-12-31"))
    assert frame.yes.isna().all()  # the first vetoes: no counts seen, never a guess
    assert (frame.coverage == "nothing").all()
    assert (frame.vetoed_by.map(len) >= 1).all()


def test_ballots_frame_how_did_egypt_vote_on_syria(pd: Any) -> None:
    frame = ballots_frame(votes(since=date(2011, 1, 1), agenda="Syria"))
    egypt = frame[frame.code == "EGY"].ballot.value_counts().to_dict()
    assert egypt["yes"] > 0
    assert sum(egypt.values()) == frame[frame.code == "EGY"].symbol.nunique()
    assert list(frame.columns) == ["symbol", "date", "code", "name", "seat", "ballot"]
    assert list(frame.ballot.cat.categories) == [ballot.value for ballot in ut.Ballot]
    assert list(frame.seat.cat.categories) == ["permanent", "elected"]


def test_ballots_frame_names_members_as_they_sat(pd: Any) -> None:
    vote = ut.record.read_undl("tests/data/undl/sc_voting_sample.csv")[0]  # S/RES/242 (1967)
    frame = ballots_frame([vote]).set_index("code")
    assert frame.name["SUN"] == "Union of Soviet Socialist Republics"
    assert frame.name["CHN"] == "Republic of China"
    assert frame.seat["SUN"] == "permanent"
    assert frame.seat["IND"] == "elected"


def test_ballots_frame_rows_match_the_record(pd: Any) -> None:
    record = votes()
    frame = ballots_frame(record)
    assert len(frame) == sum(len(vote.ballots) for vote in record)
    assert frame.symbol.nunique() == sum(1 for vote in record if vote.ballots)
    sample = record.get("S/RES/2720 (2023)")
    assert sample is not None
    rows = frame[frame.symbol == "S/RES/2720 (2023)"].set_index("code").ballot.to_dict()
    assert rows == {code: ballot.value for code, ballot in sample.ballots.items()}
    assert (frame[frame.symbol == "S/RES/2720 (2023)"].date == pd.Timestamp("2023-12-22")).all()


def test_empty_selections_give_empty_frames(pd: Any) -> None:
    assert len(ballots_frame([])) == 0
    assert list(ballots_frame([]).columns) == ["symbol", "date", "code", "name", "seat", "ballot"]
    assert len(votes_frame([])) == 0


def test_agreement_of_the_aleppo_votes(pd: Any) -> None:
    # 8 Oct 2016: on S/2016/846 China abstained, Russia voted no, the US yes; on S/2016/847
    # China and Russia voted yes, the US no.
    day = votes(since="2016-10-08", until="2016-10-08")
    table = agreement(day, ["China", "Russia", "US"])
    assert table.index.tolist() == table.columns.tolist() == ["CHN", "RUS", "USA"]
    assert table.loc["CHN", "RUS"] == table.loc["RUS", "CHN"] == 0.5
    assert table.loc["RUS", "USA"] == 0.0
    assert table.loc["USA", "USA"] == 1.0
    yes_no = agreement(day, ["China", "Russia", "US"], method="yes_no")
    assert yes_no.loc["CHN", "RUS"] == 1.0  # only S/2016/847, where both voted yes
    lijphart = agreement(day, ["China", "Russia", "US"], method="lijphart")
    assert lijphart.loc["CHN", "RUS"] == 0.75  # half agreement on 846, full on 847
    counts = agreement(day, ["China", "Russia", "US"], counts=True)
    assert counts.loc["CHN", "RUS"] == 2


def test_agreement_default_members_put_the_permanent_seats_first(pd: Any) -> None:
    table = agreement(votes(since="2023-01-01", until="2023-12-31"))
    assert table.index[:5].tolist() == ["CHN", "FRA", "RUS", "GBR", "USA"]
    assert len(table) == 15
    assert table.isna().sum().sum() == 0  # one Council all year: every pair voted together
    assert ((table >= 0) & (table <= 1)).all().all()
    assert (table.values == table.values.T).all()


def test_agreement_of_members_who_never_sat_together_is_nan(pd: Any) -> None:
    table = agreement(votes(since="2016-01-01", until="2017-12-31"), ["Venezuela", "Sweden"])
    assert pd.isna(table.loc["VEN", "SWE"])  # Venezuela left when Sweden joined


def test_agreement_unknown_method(pd: Any) -> None:
    with pytest.raises(RecordQueryError, match="method='cosine'"):
        agreement(votes(since="2016-10-08", until="2016-10-08"), method="cosine")


def test_frames_without_pandas_name_the_extra() -> None:
    probe = (
        "import sys\n"
        "sys.modules['pandas'] = None\n"
        "import unsc_tracker as ut\n"
        "for call in (lambda: ut.votes_frame(ut.votes()), lambda: ut.ballots_frame(ut.votes()),\n"
        "             lambda: ut.agreement(ut.votes()), lambda: ut.record.coverage().to_frame()):\n"
        "    try:\n"
        "        call()\n"
        "    except ut.MissingExtraError as err:\n"
        "        print(err)\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], check=True, capture_output=True, text=True)
    lines = out.stdout.splitlines()
    assert len(lines) == 4
    assert lines[0] == (
        "votes_frame() needs pandas, which is not installed: pip install 'unsc-tracker[pandas]'"
    )
    assert all("pip install 'unsc-tracker[pandas]'" in line for line in lines)
