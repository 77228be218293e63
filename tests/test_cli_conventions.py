"""The conventions of the tools ``unsc-tracker`` is piped into, one test (or a few) each.

Results on standard output, warnings and errors on standard error; ``--format text|json|csv``,
the CSV read back by the ``csv`` module; ``-`` for standard input; a closed pipe ends the
command quietly with status 0; one date option, ``--on``, taking a day, a month or ``today``
where the question allows; and a start that imports no model, so ``--help`` and ``--version``
are fast.
"""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from cli_support import ALEPPO_BALLOTS, NOT_ADOPTED, ROOT, run, run_main

# -- results on stdout, warnings and errors on stderr ---------------------------------------------


def test_a_result_warning_goes_to_stderr() -> None:
    ballots = [b for b in ALEPPO_BALLOTS if not b.startswith("Ukraine")]
    done = run("tally", "--on", "2016-10-08", "--format", "csv", *ballots)
    assert done.returncode == 0
    rows = list(csv.DictReader(io.StringIO(done.stdout)))
    assert [row["outcome"] for row in rows] == ["vetoed"]
    assert done.stderr == "unsc-tracker: warning: no ballot given for Ukraine: counted as absent\n"


def test_replay_warnings_go_to_stderr(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run_main(capsys, "replay", "aleppo-2016", "--draft", "S/2016/847")
    assert status == 0
    assert "warning" not in out
    assert err == (
        "unsc-tracker: warning: S/2016/847, vote_held on 2016-10-08: put in blue the day before "
        "the vote, times unknown: whether it was 24 hours in blue (D7) cannot be checked\n"
    )


def test_a_python_warning_of_the_library_goes_to_stderr(tmp_path: Path) -> None:
    # "next Friday" in a Wednesday report: read as this week's Friday, with a DateWarning.
    done = run(
        "track",
        "add",
        "S/2016/846",
        "circulated",
        "audience=all15",
        "date.report=2016-10-05",
        "date.day=next Friday",
        "--log",
        str(tmp_path / "log.sqlite"),
        "--json",
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["snapshot"]["date"] == "2016-10-07"
    assert done.stderr.startswith("unsc-tracker: warning: relative day 'next Friday': ")
    assert done.stderr.count("\n") == 1


def test_an_error_leaves_stdout_empty() -> None:
    done = run("vetoes", "--by", "Narnia", "--format", "csv")
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr.startswith("unsc-tracker: error: unknown member state 'Narnia'")


# -- --format text|json|csv -----------------------------------------------------------------------

CSV_COMMANDS = [
    (["council", "--on", "2016-10-08"], "code", 15),
    (["council", "--on", "1971-10"], "code", 30),
    (["tally", "--on", "2016-10-08", *ALEPPO_BALLOTS], "outcome", 1),
    (["vetoes", "--agenda", "Aleppo"], "document", 2),
    (["vetoes", "--by", "France", "--count-by", "decade"], "decade", 4),
    (["replay", "aleppo-2016"], "summary", 22),
    (["replay", "aleppo-2016", "--on", "2016-10-05"], "draft", 2),
    (["check", "aleppo-2016", "aleppo-2016-12"], "draft", 3),
    (["akn4un", str(NOT_ADOPTED)], "symbol", 10),
]


@pytest.mark.parametrize(
    ("args", "key", "count"), CSV_COMMANDS, ids=[" ".join(a[:2]) for a, *_ in CSV_COMMANDS]
)
def test_csv_reads_back_with_the_csv_module(
    capsys: pytest.CaptureFixture[str], args: list[str], key: str, count: int
) -> None:
    status, out, _ = run_main(capsys, *args, "--format", "csv")
    assert status == 0
    reader = csv.DictReader(io.StringIO(out, newline=""))
    rows = list(reader)
    assert len(rows) == count
    assert reader.fieldnames is not None
    assert key in reader.fieldnames
    assert all(row[key] for row in rows)
    # One marker for a missing value: an empty cell, never None, nan or a dash.
    cells = {value for row in rows for value in row.values()}
    assert not cells & {"None", "null", "nan", "NaN", "-"}


def test_csv_cells_hold_words_dates_and_lists(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run_main(capsys, "vetoes", "--agenda", "Aleppo", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out, newline="")))
    assert status == 0
    assert rows[1]["date"] == "2016-12-05"
    assert rows[1]["vetoed_by"] == "RUS;CHN"
    assert rows[1]["yes"] == "11"
    status, out, _ = run_main(capsys, "council", "--on", "2016-10-08", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out, newline="")))
    president = [row for row in rows if row["president"] == "true"]
    assert [(row["code"], row["president_basis"]) for row in president] == [("RUS", "sourced")]
    assert {row["president_basis"] for row in rows if row["president"] == "false"} == {""}
    # A summary with a comma stays one cell.
    status, out, _ = run_main(capsys, "replay", "aleppo-2016", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out, newline="")))
    assert any("," in row["summary"] for row in rows)
    assert all(row["draft"] in ("S/2016/846", "S/2016/847") for row in rows)


def test_json_is_the_same_data_as_format_json(capsys: pytest.CaptureFixture[str]) -> None:
    for args in (["council", "--on", "2016-10-08"], ["vetoes", "--agenda", "Aleppo"]):
        alias = run_main(capsys, *args, "--json")
        spelled = run_main(capsys, *args, "--format", "json")
        assert alias == spelled
        json.loads(alias[1])


# -- - for standard input -------------------------------------------------------------------------


def test_tally_reads_ballots_from_stdin() -> None:
    ballots = dict(ballot.split("=") for ballot in ALEPPO_BALLOTS)
    as_json = run("tally", "--on", "2016-10-08", "--file", "-", input=json.dumps(ballots))
    as_toml = run(
        "tally",
        "--on",
        "2016-10-08",
        "--file",
        "-",
        input="".join(f'"{name}" = "{word}"\n' for name, word in ballots.items()),
    )
    for done in (as_json, as_toml):
        assert (done.returncode, done.stdout, done.stderr) == (
            0,
            "vetoed by Russian Federation (11-2-2)\n",
            "",
        )


@pytest.mark.parametrize("suffix", ["toml", "json", "yaml"])
def test_replay_and_check_read_a_scenario_from_stdin(suffix: str, tmp_path: Path) -> None:
    from unsc_tracker import load_scenario

    text = load_scenario("aleppo-2016").dump(tmp_path / f"aleppo.{suffix}").read_text("utf-8")
    replayed = run("replay", "-", "--draft", "S/2016/847", "--on", "2016-10-09", input=text)
    assert replayed.returncode == 0, replayed.stderr
    assert replayed.stdout.splitlines()[2] == "  stage:      failed"
    checked = run("check", "-", input=text)
    assert checked.returncode == 0, checked.stderr
    assert checked.stdout.splitlines()[0] == "<stdin>: valid, 2 drafts, 22 events"


def test_akn4un_reads_a_record_from_stdin() -> None:
    xml = (NOT_ADOPTED / "S_2023_506-2313545E.xml").read_text(encoding="utf-8")
    done = run("akn4un", "-", "--format", "json", input=xml)
    assert done.returncode == 0, done.stderr
    (record,) = json.loads(done.stdout)["records"]
    assert (record["symbol"], record["computed_outcome"], record["file"]) == (
        "S/2023/506",
        "vetoed",
        None,
    )


def test_stdin_that_is_not_utf8_is_one_error_line() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "unsc_tracker", "replay", "-"],
        input='[[drafts]]\nsymbol = "S/2016/846"\ntitle = "Alep \xe9"\n'.encode("latin-1"),
        capture_output=True,
        timeout=60,
        check=False,
        cwd=ROOT,
    )
    assert done.returncode == 2
    assert done.stderr.decode() == (
        "unsc-tracker: error: <stdin>, line 3, column 15: byte 0xe9 is not UTF-8 "
        "(in Windows-1252, \"ANSI\", it is 'é'): save the scenario as UTF-8\n"
    )


# -- a closed pipe --------------------------------------------------------------------------------


def test_a_closed_pipe_ends_quietly_with_status_0() -> None:
    """``unsc-tracker vetoes --json | head -1``: the reader closes the pipe after one line."""
    command = [sys.executable, "-m", "unsc_tracker", "vetoes", "--format", "json"]
    whole = subprocess.run(command, capture_output=True, check=True, cwd=ROOT, timeout=60)
    assert len(whole.stdout) > 2 * 65536  # more than a pipe holds: the writer must meet the close
    with subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT
    ) as process:
        assert process.stdout is not None
        assert process.stderr is not None
        assert process.stdout.readline() == b"[\n"
        process.stdout.close()
        err = process.stderr.read()
        status = process.wait(timeout=60)
    assert (status, err) == (0, b"")


def test_a_closed_pipe_in_a_shell_pipeline() -> None:
    done = subprocess.run(
        [
            "bash",
            "-o",
            "pipefail",
            "-c",
            f"{sys.executable} -m unsc_tracker vetoes --format json | head -1",
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        cwd=ROOT,
    )
    assert (done.returncode, done.stdout) == (0, "[\n")
    # Nothing but the record's warnings, when the command finished writing before head left.
    assert all(line.startswith("unsc-tracker: warning: ") for line in done.stderr.splitlines())


# -- one date option: a day, a month or today -----------------------------------------------------


def test_council_on_a_month_lists_each_change(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run_main(capsys, "council", "--on", "October 1971")
    assert status == 0
    headings = [line for line in out.splitlines() if line.startswith("Security Council")]
    assert headings == [
        "Security Council from 1971-10-01 to 1971-10-24: 15 members, 9 votes in favour needed "
        "to adopt",
        "Security Council from 1971-10-25 to 1971-10-31: 15 members, 9 votes in favour needed "
        "to adopt",
    ]
    assert "  CHN  Republic of China  (P)" in out
    assert "  CHN  People's Republic of China  (P)" in out
    status, out, _ = run_main(capsys, "council", "--on", "2016-10", "--json")
    data = json.loads(out)
    assert data["month"] == "2016-10"
    (only,) = data["councils"]
    assert (only["date"], only["until"], only["president"]["code"]) == (
        "2016-10-01",
        "2016-10-31",
        "RUS",
    )


def test_council_in_1946_changes_president_on_the_17th(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run_main(capsys, "council", "--on", "1946-02", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out, newline="")))
    presidents = [(r["date"], r["until"], r["code"]) for r in rows if r["president"] == "true"]
    assert status == 0
    assert [(first, last) for first, last, _ in presidents] == [
        ("1946-02-01", "1946-02-16"),
        ("1946-02-17", "1946-02-28"),
    ]
    assert presidents[0][2] != presidents[1][2]


def test_today_is_the_day_the_command_runs(capsys: pytest.CaptureFixture[str]) -> None:
    today = date.today().isoformat()
    status, out, _ = run_main(capsys, "council", "--on", "today", "--json")
    assert (status, json.loads(out)["date"]) == (0, today)
    status, out, _ = run_main(capsys, "council", "--json")
    assert (status, json.loads(out)["date"]) == (0, today)
    status, out, _ = run_main(capsys, "tally", "--on", "today", "--json", "Russia=no")
    assert (status, json.loads(out)["date"]) == (0, today)


def test_vetoes_by_month_and_year(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run_main(capsys, "vetoes", "--on", "2016-10", "--json")
    assert (status, [r["document"] for r in json.loads(out)]) == (0, ["S/2016/846"])
    status, out, _ = run_main(capsys, "vetoes", "--on", "2016", "--json")
    assert [r["document"] for r in json.loads(out)] == ["S/2016/846", "S/2016/1026"]
    status, out, _ = run_main(
        capsys, "vetoes", "--since", "Oct 2016", "--until", "December 2016", "--json"
    )
    assert [r["date"] for r in json.loads(out)] == ["2016-10-08", "2016-12-05"]
    assert (
        run_main(capsys, "vetoes", "--since", "2016-10-09", "--until", "2016-12")[1]
        == (run_main(capsys, "vetoes", "--since", "2016-10-09", "--until", "2016-12-31")[1])
    )


# -- a fast start ---------------------------------------------------------------------------------


def test_help_and_version_import_no_model() -> None:
    probe = (
        "import sys\n"
        "from unsc_tracker.cli import _parser\n"
        "_parser().format_help()\n"
        "loaded = sorted(m for m in sys.modules if m.startswith(('pydantic', 'dateutil')))\n"
        "loaded += sorted(m for m in sys.modules if m.startswith('unsc_tracker.')\n"
        "                 and not m.startswith('unsc_tracker.cli'))\n"
        "print(loaded)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert done.stdout.strip() == str(
        [
            "unsc_tracker._version",
            "unsc_tracker.errors",
            "unsc_tracker.views",
            "unsc_tracker.wording",
        ]
    )
    version = run("--version")
    assert (version.returncode, version.stdout.split()[0]) == (0, "unsc-tracker")
