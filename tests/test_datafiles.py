"""The user's own tables: use_data, UNSC_TRACKER_DATA, checks naming file, line and column."""

from __future__ import annotations

import csv
import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

import unsc_tracker as ut
from unsc_tracker import datafiles
from unsc_tracker.errors import DataFileError

P5 = ["China", "France", "Russian Federation", "United Kingdom", "United States"]
ELECTED_2028 = [  # a made-up Council for a year the record does not hold: only the mechanism is tested
    ("Austria", "2027-2028"),
    ("Portugal", "2027-2028"),
    ("Trinidad and Tobago", "2027-2028"),
    ("Zimbabwe", "2027-2028"),
    ("Kyrgyzstan", "2027-2028"),
    ("Brazil", "2028-2029"),
    ("India", "2028-2029"),
    ("Kenya", "2028-2029"),
    ("Norway", "2028-2029"),
    ("Jordan", "2028-2029"),
]
HEADER = ["year", "member", "permanent", "term", "source", "notes"]


@pytest.fixture(autouse=True)
def _bundled_only() -> Iterator[None]:
    datafiles.forget_data()
    yield
    datafiles.forget_data()


def write(path: Path, rows: list[list[str]], header: list[str] = HEADER) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def council_2028(folder: Path) -> Path:
    rows = [["2028", name, "yes", "permanent", "test table", ""] for name in P5]
    rows += [["2028", name, "no", term, "test table", ""] for name, term in ELECTED_2028]
    return write(folder / "membership_2028.csv", rows)


def test_the_record_stops_where_the_tables_stop_and_says_how_to_extend() -> None:
    with pytest.raises(ut.DateOutOfRecordError, match=r"2028-01-05.*ut\.use_data\(folder\)"):
        ut.council(on=date(2028, 1, 5))


def test_use_data_extends_the_council_and_the_rule(tmp_path: Path) -> None:
    council_2028(tmp_path)
    report = ut.use_data(tmp_path)
    assert report.added == {"membership": 15}
    assert not report.conflicts
    seated = ut.council(on=date(2028, 3, 1))
    assert seated.size == 15
    assert "NOR" in {state.code for state in seated.elected}
    assert ut.council.__module__ == "unsc_tracker.council"
    ballots = dict.fromkeys(P5, "yes") | {name: "yes" for name, _ in ELECTED_2028}
    assert ut.tally(ballots, on=date(2028, 3, 1)).outcome is ut.Outcome.ADOPTED
    datafiles.forget_data(tmp_path)
    with pytest.raises(ut.DateOutOfRecordError):
        ut.council(on=date(2028, 3, 1))


def test_a_malformed_user_file_names_file_line_and_column(tmp_path: Path) -> None:
    path = council_2028(tmp_path)
    text = path.read_text().replace("2028,Norway,no", "2028,Norway,maybe")
    path.write_text(text)
    with pytest.raises(
        DataFileError,
        match=r"membership_2028\.csv, line 15, column permanent: 'maybe' is not 'yes' or 'no'",
    ):
        ut.use_data(tmp_path)
    with pytest.raises(ut.DateOutOfRecordError):  # nothing of the folder was used
        ut.council(on=date(2028, 3, 1))


def test_an_unknown_member_is_named_with_its_place(tmp_path: Path) -> None:
    path = council_2028(tmp_path)
    path.write_text(path.read_text().replace("Kenya", "Narnia"))
    with pytest.raises(
        DataFileError, match=r"line 14, column member: unknown member state 'Narnia'"
    ):
        ut.use_data(tmp_path)


def test_a_missing_column_is_named(tmp_path: Path) -> None:
    write(tmp_path / "membership.csv", [["2028", "China", "yes", "permanent"]], HEADER[:4])
    with pytest.raises(DataFileError, match=r"membership\.csv, line 1: missing column source"):
        ut.use_data(tmp_path)


def test_a_year_with_the_wrong_number_of_members_is_refused(tmp_path: Path) -> None:
    path = council_2028(tmp_path)
    path.write_text("\n".join(path.read_text().splitlines()[:-1]) + "\n")
    ut.use_data(tmp_path)
    with pytest.raises(
        DataFileError,
        match=r"2028 lists 14 members, 5 of them permanent; the Council of 2028 had 15",
    ):
        ut.council(on=date(2028, 3, 1))


def test_a_file_not_in_utf8_is_refused_clearly(tmp_path: Path) -> None:
    (tmp_path / "membership.csv").write_bytes(
        "year,member\n2028,C\xf4te d'Ivoire\n".encode("latin-1")
    )
    with pytest.raises(
        DataFileError, match=r"membership\.csv, line 2, column 7: byte 0xf4 is not UTF-8 .*'ô'"
    ):
        ut.use_data(tmp_path)


def test_a_folder_with_no_known_table_is_refused(tmp_path: Path) -> None:
    write(tmp_path / "council.csv", [["2028", "China", "yes", "permanent", "x", ""]])
    with pytest.raises(DataFileError, match=r"no table recognised in council\.csv"):
        ut.use_data(tmp_path)
    with pytest.raises(DataFileError, match=r"not a folder"):
        ut.use_data(tmp_path / "missing")


def test_a_row_contradicting_the_bundled_record_is_reported_not_preferred(tmp_path: Path) -> None:
    # The bundled record has Spain on the Council in 2016 (2015-2016 term).
    write(tmp_path / "membership_fix.csv", [["2016", "Spain", "no", "2016-2017", "my notes", ""]])
    with pytest.warns(
        datafiles.UserDataWarning, match=r"membership 2016, ESP: term '2015-2016' \(bundled"
    ):
        report = ut.use_data(tmp_path)
    (conflict,) = report.conflicts
    assert conflict.bundled["term"] == "2015-2016"
    assert conflict.user["term"] == "2016-2017"
    assert "contradict the bundled record (the bundled rows stand)" in str(report)
    assert [t.label for t in ut.terms("Spain") if t.start.year == 2015] == ["2015-2016"]


def test_override_lets_the_user_row_stand_and_still_reports_it(tmp_path: Path) -> None:
    rows = [["2016", "10", "Spain", "", "my source", ""]]
    write(
        tmp_path / "presidency.csv",
        rows,
        ["year", "month", "president_member", "representative_if_seen", "source", "notes"],
    )
    with pytest.warns(datafiles.UserDataWarning, match=r"presidency 2016, 10: president_member"):
        report = ut.use_data(tmp_path, override=True)
    assert len(report.conflicts) == 1
    assert ut.council(on=date(2016, 10, 8)).president == ut.member("Spain")


def test_the_environment_variable_reaches_the_command_line(tmp_path: Path) -> None:
    council_2028(tmp_path)
    env = dict(os.environ, UNSC_TRACKER_DATA=str(tmp_path))
    done = subprocess.run(
        [sys.executable, "-m", "unsc_tracker", "council", "2028-03-01"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "Norway" in done.stdout


def test_a_bad_environment_folder_is_one_error_line(tmp_path: Path) -> None:
    path = council_2028(tmp_path)
    path.write_text(path.read_text().replace("Kenya", "Narnia"))
    env = dict(os.environ, UNSC_TRACKER_DATA=str(tmp_path))
    done = subprocess.run(
        [sys.executable, "-m", "unsc_tracker", "council", "2016-10-08"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1
    assert "column member: unknown member state 'Narnia'" in done.stderr


def test_every_bundled_table_passes_the_checks_user_files_get() -> None:
    counts = datafiles.check_bundled()
    assert counts["membership"] > 1000
    assert counts["presidency"] >= 256
    assert all(counts.values()), counts


def test_a_contradicting_row_from_the_environment_is_a_warning_on_stderr(tmp_path: Path) -> None:
    write(tmp_path / "membership_fix.csv", [["2016", "Spain", "no", "2016-2017", "my notes", ""]])
    env = dict(os.environ, UNSC_TRACKER_DATA=str(tmp_path))
    done = subprocess.run(
        [sys.executable, "-m", "unsc_tracker", "council", "--on", "2016-10-08"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert done.returncode == 0
    assert "Spain" in done.stdout  # the bundled row stands
    (warning,) = done.stderr.splitlines()
    assert warning.startswith("unsc-tracker: warning: membership 2016, ESP: term '2015-2016'")
    assert "membership_fix.csv, line 2" in warning
