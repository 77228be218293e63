"""The ``unsc-tracker`` commands, run as a user runs them: what each prints.

A few commands run in a subprocess (``python -m unsc_tracker``), so the entry point, the
package's ``__main__`` and the exit status are real; the others call ``main([...])`` in-process.
``docs/cli.md`` and ``docs/scenario.schema.json`` are checked against the command's actual
output, so neither goes stale. The conventions (streams, formats, standard input, pipes, dates)
are tested in ``test_cli_conventions.py``, the errors in ``test_cli_errors.py``, the tracker's
commands and ``check`` in ``test_cli_track.py``.
"""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path

import pytest
from cli_support import ALEPPO_BALLOTS, NOT_ADOPTED, ROOT, run, run_main

from unsc_tracker import scenario_json_schema
from unsc_tracker.cli import main, schema_text
from unsc_tracker.cli.track import LOG_VARIABLE

# -- as a user runs it (subprocess) ------------------------------------------------------------


def test_replay_aleppo_2016() -> None:
    done = run("replay", "aleppo-2016")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == "S/2016/846: 18 events"
    assert "S/2016/847: 4 events" in lines
    held = [line for line in lines if "vote held at S/PV.7785" in line]
    assert held[0].endswith("vetoed        result: vetoed by Russian Federation (11-2-2)")
    assert held[1].endswith("failed        result: failed: 4 in favour, 9 required (4-9-2)")
    assert any("vetoed by Russian Federation (expected;" in line for line in lines)


def test_council_2016_10_08() -> None:
    done = run("council", "--on", "2016-10-08")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert (
        lines[0] == "Security Council on 2016-10-08: 15 members, 9 votes in favour needed to adopt"
    )
    assert lines[1] == "president: Russian Federation (sourced)"
    assert lines[2].startswith("  source: https://")
    assert "  RUS  Russian Federation  (P)" in lines
    assert "  NZL  New Zealand" in lines
    assert sum(line.endswith("(P)") for line in lines) == 5


def test_tally_of_the_aleppo_ballots() -> None:
    done = run("tally", "--on", "2016-10-08", *ALEPPO_BALLOTS)
    assert done.returncode == 0, done.stderr
    assert done.stdout == "vetoed by Russian Federation (11-2-2)\n"
    assert done.stderr == ""


def test_vetoes_by_russia_on_syria_per_year() -> None:
    done = run(
        "vetoes",
        "--by",
        "Russia",
        "--since",
        "2011-01-01",
        "--agenda",
        "Syria",
        "--count-by",
        "year",
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == "   1  2011"
    assert "   5  2017" in lines
    assert lines[-1] == "18 vetoed texts"


def test_schema_prints_the_scenario_schema() -> None:
    done = run("schema")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == scenario_json_schema()


def test_akn4un_not_adopted() -> None:
    done = run("akn4un", "tests/data/akn4un/not-adopted")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == "tests/data/akn4un/not-adopted: 10 XML files, all languages"
    assert "outcomes recomputed with tally: 9 agree with the record, 0 disagree, 1 refused" in lines
    assert lines[-1].startswith(
        "  tests/data/akn4un/not-adopted/S_2023_638-2316801E.xml: S/2023/638: declares '013'"
    )


# -- output, in-process ------------------------------------------------------------------------


def test_main_returns_the_status_and_help_works(capsys: pytest.CaptureFixture[str]) -> None:
    for command in ("replay", "check", "tally", "vetoes", "council", "track", "akn4un", "schema"):
        status, out, _ = run_main(capsys, command, "--help")
        assert status == 0
        assert out.startswith(f"usage: unsc-tracker {command}")
    status, out, _ = run_main(capsys, "--version")
    assert (status, out.split()[0]) == (0, "unsc-tracker")


def test_no_command_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run_main(capsys)
    assert (status, out) == (2, "")
    assert "error: the following arguments are required: COMMAND" in err


def test_replay_as_of_shows_the_state_that_day(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run_main(capsys, "replay", "aleppo-2016", "--on", "2016-10-05")
    assert (status, err) == (0, "")
    assert out.splitlines() == [
        "S/2016/846: as of 2016-10-05",
        "  last event: 2016-10-05 statement by French Ministry of Foreign Affairs",
        "  stage:      negotiation",
        "  symbol:     S/2016/846",
        "  sponsors:   France, Spain",
        "  positions:  France: support, Russian Federation: oppose",
        "  expected:   vetoed by Russian Federation (expected; 7 more votes needed among 12 undecided)",
        "",
        "S/2016/847: no record yet on 2016-10-05 (it starts on 2016-10-07)",
    ]


def test_replay_one_draft_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run_main(capsys, "replay", "aleppo-2016", "--draft", "S/2016/846", "--json")
    assert status == 0
    data = json.loads(out)
    (draft,) = data["drafts"]
    assert draft["id"] == "S/2016/846"
    assert len(draft["snapshots"]) == 18
    held = next(s for s in draft["snapshots"] if s["event"] == "vote_held")
    assert held["date"] == "2016-10-08T15:00:00" or held["date"].startswith("2016-10-08")
    assert held["stage"] == "vetoed"
    assert held["result"]["vetoed_by"] == ["RUS"]
    assert held["result"]["counts"] == {
        "yes": 11,
        "no": 2,
        "abstain": 2,
        "absent": 0,
        "not_voting": 0,
    }
    first = draft["snapshots"][0]
    assert first["expected"]["outcome"] is None
    assert first["expected"]["needed"] == 8


def test_replay_as_of_json_and_a_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    from unsc_tracker import load_scenario

    path = load_scenario("aleppo-2016").dump(tmp_path / "aleppo.json")
    status, out, _ = run_main(capsys, "replay", str(path), "--on", "9 October 2016", "--json")
    assert status == 0
    data = json.loads(out)
    assert data["as_of"] == "2016-10-09"
    stages = [d["snapshot"]["stage"] for d in data["drafts"]]
    assert stages == ["vetoed", "failed"]


def test_replay_on_before_a_draft_starts(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run_main(capsys, "replay", "aleppo-2016", "--on", "2016-10-05", "--json")
    assert status == 0
    assert [d["snapshot"] is None for d in json.loads(out)["drafts"]] == [False, True]
    # Before every draft's record, or for one draft asked by name: null, as the docs promise.
    status, out, _ = run_main(
        capsys, "replay", "aleppo-2016", "--draft", "S/2016/847", "--on", "2016-10-05", "--json"
    )
    assert status == 0
    assert json.loads(out)["drafts"][0]["snapshot"] is None
    status, out, _ = run_main(capsys, "replay", "aleppo-2016", "--on", "2016-01-01")
    assert status == 0
    assert (
        out.splitlines()[0] == "S/2016/846: no record yet on 2016-01-01 (it starts on 2016-09-29)"
    )


def test_replay_as_of_is_still_read_as_on(capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        run_main(capsys, "replay", "aleppo-2016", "--as-of", "2016-10-05")[1:]
        == run_main(capsys, "replay", "aleppo-2016", "--on", "2016-10-05")[1:]
    )


def test_replay_since_until_shows_part_of_the_timeline(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out, _ = run_main(
        capsys, "replay", "aleppo-2016", "--draft", "S/2016/846", "--since", "2016-10-08"
    )
    assert status == 0
    lines = out.splitlines()
    assert lines[0] == "S/2016/846: 3 of 18 events, from 2016-10-08 to the end"
    assert all(line[2:12] >= "2016-10-08" for line in lines[2:] if line[2:4] == "20")
    status, out, _ = run_main(
        capsys, "replay", "aleppo-2016", "--since", "2016-09", "--until", "September 2016"
    )
    assert out.splitlines()[0] == "S/2016/846: 2 of 18 events, from 2016-09-01 to 2016-09-30"
    assert out.splitlines()[-2:] == [
        "S/2016/847: 0 of 4 events, from 2016-09-01 to 2016-09-30",
        "  no events in this span",
    ]


def test_tally_json(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run_main(capsys, "tally", "--on", "2016-10-08", "--json", *ALEPPO_BALLOTS)
    assert status == 0
    data = json.loads(out)
    assert data["outcome"] == "vetoed"
    assert data["vetoed_by"] == ["RUS"]
    assert data["threshold"] == 9
    assert data["counts"]["yes"] == 11
    assert data["warnings"] == []
    assert data["text"] == "vetoed by Russian Federation (11-2-2)"


def test_tally_warns_on_stderr_and_a_procedural_vote(capsys: pytest.CaptureFixture[str]) -> None:
    ballots = [b for b in ALEPPO_BALLOTS if not b.startswith("Uruguay")]
    status, out, err = run_main(capsys, "tally", "--on", "2016-10-08", "--procedural", *ballots)
    assert status == 0
    assert out == "adopted (procedural, 10-2-2)\n"
    assert err == "unsc-tracker: warning: no ballot given for Uruguay: counted as absent\n"


@pytest.mark.parametrize("suffix", [".json", ".toml"])
def test_tally_reads_a_ballot_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, suffix: str
) -> None:
    pairs = [ballot.split("=") for ballot in ALEPPO_BALLOTS]
    file = tmp_path / f"ballots{suffix}"
    if suffix == ".json":
        file.write_text(json.dumps(dict(pairs)), encoding="utf-8")
    else:
        file.write_text("".join(f'"{name}" = "{word}"\n' for name, word in pairs), encoding="utf-8")
    status, out, _ = run_main(capsys, "tally", "--on", "2016-10-08", "--file", str(file))
    assert (status, out) == (0, "vetoed by Russian Federation (11-2-2)\n")


def test_vetoes_lists_records(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run_main(capsys, "vetoes", "--agenda", "Aleppo")
    assert status == 0
    assert out.splitlines() == [
        "2016-10-08 S/2016/846 (S/PV.7785) Middle East (Syria) - Aleppo: "
        "vetoed by Russian Federation (11-2-2)",
        "2016-12-05 S/2016/1026 (S/PV.7825) Middle East (Syria) - Aleppo: "
        "vetoed by Russian Federation and People's Republic of China (11-3-1)",
        "2 vetoed texts",
    ]


def test_vetoes_json_and_counts(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run_main(capsys, "vetoes", "--agenda", "Aleppo", "--json")
    records = json.loads(out)
    assert status == 0
    assert [r["document"] for r in records] == ["S/2016/846", "S/2016/1026"]
    assert records[1]["vetoed_by"] == ["RUS", "CHN"]
    assert records[0]["date"] == "2016-10-08"
    status, out, _ = run_main(
        capsys, "vetoes", "--by", "Russia", "--include-predecessors", "--count-by", "member"
    )
    assert status == 0
    lines = out.splitlines()
    assert lines[0].endswith("Union of Soviet Socialist Republics")
    assert lines[-1] == "132 vetoed texts"
    status, out, err = run_main(
        capsys, "vetoes", "--by", "France", "--count-by", "decade", "--json"
    )
    data = json.loads(out)
    # The record's known gaps for the question: in the data, and as warnings.
    gaps = data.pop("gaps")
    assert [(gap["members"], gap["since"], gap["until"]) for gap in gaps] == [
        ([], "2026-04-08", None)
    ]
    assert err.startswith("unsc-tracker: warning: known gap in the record, from 2026-04-08: ")
    assert data == {
        "count_by": "decade",
        "records": 16,
        "counts": [
            {"decade": 1950, "vetoes": 2},
            {"decade": 1960, "vetoes": 0},
            {"decade": 1970, "vetoes": 7},
            {"decade": 1980, "vetoes": 7},
        ],
    }


def test_vetoes_count_by_agenda(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run_main(capsys, "vetoes", "--agenda", "Aleppo", "--count-by", "agenda")
    assert (status, out) == (0, "   2  Middle East (Syria) - Aleppo\n2 vetoed texts\n")


def test_council_json_and_notes(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run_main(capsys, "council", "--on", "1971-01-01", "--json")
    assert status == 0
    data = json.loads(out)
    assert (data["size"], data["threshold"]) == (15, 9)
    china = next(m for m in data["members"] if m["code"] == "CHN")
    assert china == {
        "code": "CHN",
        "name": "China",
        "name_then": "Republic of China",
        "permanent": True,
    }
    status, out, _ = run_main(capsys, "council", "--on", "1965-10-01")
    assert status == 0
    assert "Security Council on 1965-10-01: 11 members, 7 votes in favour needed to adopt" in out
    assert "note: the amendment raising the threshold to nine" in out


def test_akn4un_one_file(capsys: pytest.CaptureFixture[str]) -> None:
    path = NOT_ADOPTED / "S_2023_638-2316801E.xml"
    status, out, _ = run_main(capsys, "akn4un", str(path))
    assert status == 0
    assert out.splitlines()[:4] == [
        "S/2023/638 (draftResolution) 2023-08-30: vetoed, 2 problems",
        f"  {path}",
        "  language en; a vote at S/PV.9408; sponsors France and the United Arab Emirates",
        "  no vote was built (count_mismatch, member_in_two_counts)",
    ]
    assert out.splitlines()[-1].startswith("  problem: member_in_two_counts")


def test_akn4un_one_language(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run_main(capsys, "akn4un", "tests/data/akn4un", "--lang", "ar")
    assert status == 0
    assert out.splitlines()[:3] == [
        "tests/data/akn4un: 76 XML files, language ar",
        "read: 2 resolutions and drafts, 0 presidential statements; unreadable: 0; "
        "in other languages: 74; files not named *.xml: 1",
        "records by language: ar 2",
    ]


def test_akn4un_unreadable_file_in_a_folder(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    good = (NOT_ADOPTED / "S_2023_506-2313545E.xml").read_bytes()
    (tmp_path / "a.xml").write_bytes(good)
    (tmp_path / "b.xml").write_text("<akomaNtoso>", encoding="utf-8")
    status, out, err = run_main(capsys, "akn4un", str(tmp_path))
    # The folder was read: what the UN's files hold is reported, and the status is 0.
    assert (status, err) == (0, "")
    assert out.splitlines()[1] == (
        "read: 1 resolutions and drafts, 0 presidential statements; unreadable: 1; "
        "files not named *.xml: 0"
    )
    assert out.splitlines()[-2:] == [
        "unreadable files:",
        f"  {tmp_path / 'b.xml'}: not well-formed XML at line 1, column 13: no element found",
    ]


def test_schema_output_is_the_committed_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "schema.json"
    status, out, _ = run_main(capsys, "schema", "--output", str(target))
    assert (status, out) == (0, f"wrote {target}\n")
    assert target.read_text(encoding="utf-8") == schema_text()
    committed = (ROOT / "docs" / "scenario.schema.json").read_text(encoding="utf-8")
    assert committed == schema_text(), "run: unsc-tracker schema --output docs/scenario.schema.json"
    assert json.loads(committed) == scenario_json_schema()


# -- docs/cli.md shows real output ---------------------------------------------------------------


def _sessions() -> list[tuple[str, str]]:
    """Each ``$ unsc-tracker ...`` command in docs/cli.md's console blocks, with its output."""
    text = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    found: list[tuple[str, str]] = []
    inside = False
    command: str | None = None
    output: list[str] = []
    for line in text.splitlines():
        if line.startswith("```"):
            if inside and command is not None:
                found.append((command, "\n".join(output)))
            inside, command, output = line == "```console", None, []
        elif inside and line.startswith("$ "):
            if command is not None:
                found.append((command, "\n".join(output)))
            command, output = line[2:], []
        elif inside:
            output.append(line)
    return found


def test_the_cli_page_shows_real_output(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Each command of docs/cli.md, run in order (the ``track`` ones on a fresh log), prints what
    the page shows: standard output, then standard error; ``...`` stands for any text."""
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv(LOG_VARIABLE, str(tmp_path / "drafts.sqlite"))
    sessions = _sessions()
    assert len(sessions) >= 20
    for command, shown in sessions:
        words = shlex.split(command)
        assert words[0] == "unsc-tracker", command
        main(words[1:])
        out, err = capsys.readouterr()
        actual = (out + err).rstrip("\n")
        pattern = ".*?".join(re.escape(part) for part in shown.split("..."))
        assert re.fullmatch(pattern, actual, re.DOTALL), f"{command}\n{actual}"


SKIPPING_SCENARIO = """
[[drafts]]
symbol = "S/2016/846"

[[drafts.events]]
kind = "circulated"
date = 2016-10-03
audience = "all15"

[[drafts.events]]
kind = "vote_held"
date = 2016-10-08
meeting = "S/PV.7785"
ballots = { Russia = "no", Venezuela = "no", Angola = "abstain", China = "abstain", \
France = "yes", UK = "yes", US = "yes", Egypt = "yes", Japan = "yes", Malaysia = "yes", \
"New Zealand" = "yes", Senegal = "yes", Spain = "yes", Ukraine = "yes", Uruguay = "yes" }
"""
"""A record that goes from circulation straight to the vote: no blue, no scheduling."""


def test_replay_is_strict_unless_infer(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "skipping.toml"
    path.write_text(SKIPPING_SCENARIO, encoding="utf-8")
    status, out, err = run_main(capsys, "replay", str(path))
    assert (status, out) == (2, "")
    assert err.startswith(
        "unsc-tracker: error: S/2016/846: vote_held on 2016-10-08 cannot happen while the draft "
        "is negotiation"
    )
    assert err.count("\n") == 1
    status, out, _ = run_main(capsys, "replay", str(path), "--infer")
    assert status == 0
    lines = out.splitlines()
    assert lines[3:5] == [
        "              inferred: put_in_blue (inferred before vote_held on 2016-10-08)",
        "              inferred: vote_scheduled (inferred before vote_held on 2016-10-08)",
    ]
    assert lines[5].endswith("vetoed        result: vetoed by Russian Federation (11-2-2)")
