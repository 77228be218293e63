"""``unsc-tracker votes``: the vote record from the command line."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from tests.cli_support import ALEPPO_BALLOTS, run_main


def test_the_aleppo_votes_of_8_october_2016(capsys: pytest.CaptureFixture[str]) -> None:
    # S/PV.7785: S/2016/846 vetoed by the Russian Federation 11-2-2, S/2016/847 failed 4-9-2.
    status, out, err = run_main(capsys, "votes", "--on", "2016-10-08", "--format", "json")
    assert status == 0
    assert err == ""
    found = {vote["symbol"]: vote for vote in json.loads(out)}
    assert set(found) == {"S/2016/846", "S/2016/847"}
    assert found["S/2016/846"]["outcome"] == "vetoed"
    assert found["S/2016/846"]["vetoed_by"] == ["RUS"]
    assert (found["S/2016/847"]["yes"], found["S/2016/847"]["no"]) == (4, 9)
    assert found["S/2016/846"]["ballots"]["VEN"] == "no"


def test_ballots_as_csv_one_row_per_member(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run_main(capsys, "votes", "--on", "2016-10-08", "--ballots", "--format", "csv")
    assert status == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == 30
    russia = {row["symbol"]: row["ballot"] for row in rows if row["member"] == "RUS"}
    assert russia == {"S/2016/846": "no", "S/2016/847": "yes"}


def test_syria_vetoes_since_2011(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run_main(
        capsys, "votes", "--agenda", "Syria", "--since", "2011", "--outcome", "vetoed"
    )
    assert status == 0
    assert out.splitlines()[-1] == "18 votes"


def test_a_conflicting_source_is_a_warning_on_stderr(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # The library's own vote format: S/2016/846's ballots with Venezuela abstaining, not voting no.
    (tmp_path / "votes.csv").write_text(
        "symbol,kind,date,draft,source\nS/2016/846,draft,2016-10-08,S/2016/846,my notes\n",
        encoding="utf-8",
    )
    ballots = [pair.split("=") for pair in ALEPPO_BALLOTS]
    lines = [
        f"S/2016/846,{name},{'abstain' if name == 'Venezuela' else word}," for name, word in ballots
    ]
    (tmp_path / "votes_ballots.csv").write_text(
        "symbol,member,ballot,source\n" + "\n".join(lines) + "\n", encoding="utf-8"
    )
    status, out, err = run_main(
        capsys,
        "votes",
        "--on",
        "2016-10-08",
        "--source",
        "bundled",
        "--source",
        str(tmp_path / "votes.csv"),
    )
    assert status == 0
    assert "S/2016/846" in out
    (warning,) = err.splitlines()
    assert warning.startswith("unsc-tracker: warning: sources disagree: S/2016/846: ballot of VEN")
    assert warning.endswith("but abstain in my notes")


def test_bad_dates_are_one_error_line(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run_main(capsys, "votes", "--on", "2016-13")
    assert status == 2
    assert out == ""
    assert err.count("\n") == 1
    assert err.startswith("unsc-tracker: error: --on '2016-13'")
    status, _, err = run_main(capsys, "votes", "--on", "2016", "--since", "2015")
    assert status == 2
    assert "give --on, or --since and --until, not both" in err
