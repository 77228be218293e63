"""``unsc-tracker track`` (a tracker log from the shell) and ``unsc-tracker check``."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from cli_support import ALEPPO_BALLOTS, run, run_main

from unsc_tracker import Tracker, load_scenario
from unsc_tracker.cli.track import LOG_VARIABLE, event_fields


@pytest.fixture
def log(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A tracker log named by the environment, as a user sets it once for a session."""
    path = tmp_path / "drafts.sqlite"
    monkeypatch.setenv(LOG_VARIABLE, str(path))
    return path


def test_track_add_show_history_as_a_user_types_them(tmp_path: Path) -> None:
    path = str(tmp_path / "drafts.sqlite")
    added = run(
        "track", "add", "S/2026/123", "put_in_blue", "--date", "2026-11-30T11:20", "--log", path
    )
    assert added.returncode == 0, added.stderr
    assert added.stdout.splitlines()[:3] == [
        "S/2026/123: as of 2026-11-30",
        "  last event: 2026-11-30 put in blue",
        "  stage:      in_blue",
    ]
    shown = run("track", "show", env={LOG_VARIABLE: path})
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.startswith("S/2026/123: 1 event, last on 2026-11-30, in_blue: open: ")
    with Tracker(path) as tracker:
        assert tracker.replay("S/2026/123").final.event.date.isoformat() == "2026-11-30T11:20:00"


def test_track_add_reads_fields_lists_and_tables(
    capsys: pytest.CaptureFixture[str], log: Path
) -> None:
    steps = [
        ["circulated", "audience=all15", "--date", "2016-10-03", "--source", "Reuters"],
        [
            "sponsor_joined",
            "members=France",
            "members=Spain",
            "role=main_sponsor",
            "--date",
            "2016-10-03",
        ],
        ["position_stated", "member=Russia", "stance=oppose", "--date", "2016-10-05"],
        ["put_in_blue", "--date", "2016-10-07T11:00"],
        ["vote_scheduled", "--date", "2016-10-07", "meeting_date=2016-10-08T15:00"],
        ["vote_held", "--date", "2016-10-08T15:00", "meeting=S/PV.7785"]
        + [f"ballots.{ballot}" for ballot in ALEPPO_BALLOTS],
    ]
    for step in steps:
        status, out, err = run_main(capsys, "track", "add", "S/2016/846", *step)
        assert (status, err) == (0, ""), err
    assert out.splitlines()[-1] == "  result:     vetoed by Russian Federation (11-2-2)"
    status, out, _ = run_main(capsys, "track", "show", "S/2016/846", "--on", "2016-10-05", "--json")
    snapshot = json.loads(out)["snapshot"]
    assert status == 0
    assert [s["member"] for s in snapshot["sponsors"]] == ["France", "Spain"]
    assert snapshot["positions"] == {"Russian Federation": "oppose"}
    status, out, _ = run_main(capsys, "track", "history", "S/2016/846", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out, newline="")))
    assert [row["kind"] for row in rows] == [
        "circulated",
        "sponsor_joined",
        "position_stated",
        "put_in_blue",
        "vote_scheduled",
        "vote_held",
    ]
    assert (rows[0]["seq"], rows[0]["source"], rows[0]["withdrawn_by"]) == ("1", "Reuters", "")
    assert rows[0]["recorded"].endswith("+00:00")


def test_track_retract_export_and_import(
    capsys: pytest.CaptureFixture[str], log: Path, tmp_path: Path
) -> None:
    run_main(
        capsys, "track", "add", "S/2016/846", "circulated", "audience=all15", "--date", "2016-10-03"
    )
    run_main(
        capsys,
        "track",
        "add",
        "S/2016/846",
        "position_stated",
        "member=Russia",
        "stance=oppose",
        "--date",
        "2016-10-05",
    )
    status, out, _ = run_main(
        capsys,
        "track",
        "retract",
        "S/2016/846",
        "2",
        "--reason",
        "a French official's view",
        "--date",
        "2016-10-06",
    )
    assert status == 0
    assert "positions" not in out
    status, out, _ = run_main(capsys, "track", "history", "S/2016/846")
    assert out.splitlines()[2].endswith("(withdrawn by 3)")
    target = tmp_path / "out.json"
    status, out, _ = run_main(capsys, "track", "export", str(target))
    assert (status, out) == (0, f"wrote {target}\n")
    status, printed, _ = run_main(capsys, "track", "export", "-", "--to", "json")
    assert json.loads(printed) == json.loads(target.read_text(encoding="utf-8"))
    # The export read into another log gives the same draft.
    other = tmp_path / "other.sqlite"
    status, out, _ = run_main(capsys, "track", "import", str(target), "--log", str(other))
    assert (status, out) == (0, f"imported S/2016/846 into {other}\n")
    with Tracker(other) as tracker, Tracker(log) as first:
        assert tracker.scenario() == first.scenario()


def test_track_import_a_bundled_scenario_from_stdin(tmp_path: Path) -> None:
    text = load_scenario("aleppo-2016").dump(tmp_path / "aleppo.toml").read_text("utf-8")
    path = str(tmp_path / "aleppo.sqlite")
    done = run("track", "import", "-", "--log", path, input=text)
    assert (done.returncode, done.stdout) == (0, f"imported S/2016/846, S/2016/847 into {path}\n")
    shown = run("track", "show", "--log", path, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(shown.stdout, newline="")))
    assert [(row["draft"], row["stage"], row["outcome"]) for row in rows] == [
        ("S/2016/846", "vetoed", "vetoed"),
        ("S/2016/847", "failed", "failed"),
    ]


def test_event_fields() -> None:
    assert event_fields("revived", ["by=France"]) == {"by": ["France"]}
    assert event_fields("withdrawn", ["by=France"]) == {"by": "France"}
    assert event_fields("circulated", ["date.report=2016-10-05", "date.day=Monday"]) == {
        "date": {"report": "2016-10-05", "day": "Monday"}
    }
    assert event_fields("position_stated", ['probabilities={"yes": 0.5, "abstain": 0.5}']) == {
        "probabilities": {"yes": 0.5, "abstain": 0.5}
    }


TRACK_ERRORS = [
    (["track", "show", "S/2016/846"], "{log}: no such tracker log"),
    (
        ["track", "add", "S/2016/846", "no_such_kind", "--date", "2016-10-03"],
        "{log}: S/2016/846: unknown event kind 'no_such_kind'; kinds: circulated,",
    ),
    (
        ["track", "add", "S/2016/846", "circulated", "audience"],
        "field 'audience' is not FIELD=VALUE",
    ),
    (
        ["track", "add", "S/2016/846", "circulated", "audience=[1,"],
        "field 'audience=[1,': not valid JSON",
    ),
    (
        [
            "track",
            "add",
            "S/2016/846",
            "circulated",
            "audience=all15",
            "date=2016-10-03",
            "--date",
            "2016-10-03",
        ],
        "give the date once",
    ),
    (
        ["track", "add", "S/2016/846", "circulated", "audience=everyone", "--date", "2016-10-03"],
        "{log}: S/2016/846: circulated event: field audience",
    ),
    (
        ["track", "add", "S/2016/846", "vote_held", "ballots.Russia=no", "--date", "2016-10-08"],
        "{log}: S/2016/846: vote_held on 2016-10-08 cannot happen while the draft is",
    ),
    (
        ["track", "add", "S/2016/846", "put_in_blue", "--date", "Friday-ish"],
        "{log}: S/2016/846: put_in_blue event: field date: date 'Friday-ish'",
    ),
]


@pytest.mark.parametrize(
    ("args", "message"), TRACK_ERRORS, ids=[" ".join(a[1:4]) for a, _ in TRACK_ERRORS]
)
def test_track_bad_input_is_one_error_line(
    capsys: pytest.CaptureFixture[str], log: Path, args: list[str], message: str
) -> None:
    if args[1] != "show":  # a log that exists, holding one draft
        run_main(
            capsys,
            "track",
            "add",
            "S/2016/846",
            "circulated",
            "audience=P5",
            "--date",
            "2016-09-30",
        )
    before = log.read_bytes() if log.exists() else None
    status, out, err = run_main(capsys, *args)
    assert (status, out) == (2, "")
    assert err.startswith("unsc-tracker: error: " + message.format(log=log)), err
    assert err.count("\n") == 1
    if before is not None:
        with Tracker(log) as tracker:
            assert len(tracker.history("S/2016/846")) == 1  # nothing was written


def test_track_errors_without_a_log(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv(LOG_VARIABLE, raising=False)
    status, _, err = run_main(capsys, "track", "show")
    assert (status, err) == (
        2,
        f"unsc-tracker: error: no tracker log: give --log FILE or set {LOG_VARIABLE}\n",
    )
    not_a_log = tmp_path / "notes.txt"
    not_a_log.write_text("not a database, " * 100, encoding="utf-8")
    status, _, err = run_main(capsys, "track", "show", "--log", str(not_a_log))
    assert status == 2
    assert err.startswith(f"unsc-tracker: error: {not_a_log}: not an unsc-tracker log")
    status, _, err = run_main(
        capsys, "track", "retract", "S/2016/846", "0", "--reason", "x", "--log", str(not_a_log)
    )
    assert status == 2
    assert err.startswith("unsc-tracker: error: argument SEQ: '0' is not an event number")


# -- check ----------------------------------------------------------------------------------------


def test_check_bundled_scenarios(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run_main(capsys, "check", "aleppo-2016")
    assert status == 0
    assert out.splitlines() == [
        "aleppo-2016: valid, 2 drafts, 22 events",
        "  S/2016/846: 18 events, vetoed: vetoed by Russian Federation (11-2-2)",
        "  S/2016/847: 4 events, failed: failed: 4 in favour, 9 required (4-9-2)",
    ]
    assert err.count("unsc-tracker: warning: ") == err.count("\n") == 2


def test_check_reports_each_bad_file_and_goes_on(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text('[[drafts]]\nsymbol = "S/2016/846"\nkind = "x"\n', encoding="utf-8")
    status, out, err = run_main(capsys, "check", str(broken), "aleppo-2016-12", "--format", "json")
    assert status == 2
    results = json.loads(out)
    assert [(r["scenario"], r["valid"]) for r in results] == [
        (str(broken), False),
        ("aleppo-2016-12", True),
    ]
    errors = [line for line in err.splitlines() if "error" in line]
    assert len(errors) == 1
    assert errors[0].startswith(f"unsc-tracker: error: {broken}: ")


def test_check_is_strict_unless_infer(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "skipping.toml"
    path.write_text(
        '[[drafts]]\nsymbol = "S/2016/846"\n\n[[drafts.events]]\nkind = "circulated"\n'
        'date = 2016-10-03\naudience = "all15"\n\n[[drafts.events]]\nkind = "vote_held"\n'
        'date = 2016-10-08\nballots = { Russia = "no" }\n',
        encoding="utf-8",
    )
    status, _, err = run_main(capsys, "check", str(path))
    assert status == 2
    assert "vote_held on 2016-10-08 cannot happen while the draft is negotiation" in err
    status, out, _ = run_main(capsys, "check", str(path), "--infer", "--format", "csv")
    (row,) = csv.DictReader(io.StringIO(out, newline=""))
    assert (status, row["stage"], row["outcome"], row["inferred"]) == (0, "failed", "failed", "2")
