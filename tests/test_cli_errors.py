"""Bad input to the command line: one ``unsc-tracker: error: ...`` line on standard error, status
2, no traceback, for every command; any other exception is an internal error (status 1, one
line), with the traceback only under ``--debug``.

The many cases run ``main([...])`` in-process; one bad input per command runs as a subprocess,
so that the status and the streams are those a shell sees.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from cli_support import ROOT, run, run_main

from unsc_tracker.cli import council as council_command

# -- errors: status 2, one line on stderr, no traceback ------------------------------------------


def _ballot_file(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


ERRORS = [
    (["council", "2016-13-01"], "date '2016-13-01' is not a valid day: month must be in 1..12"),
    (["council", "--on", "2016-13-01"], "--on '2016-13-01' is not a valid day: month must be"),
    (["council", "--on", "2016-13"], "--on '2016-13' is not a month: the month must be in 1..12"),
    (["council", "--on", "2016"], "--on '2016' is a year: this option takes a day or a month"),
    (["council", "--on", "2030-01"], "no membership record for 2030-01-01"),
    (["council", "--on", "2016-10-08", "2016-10-09"], "give the day once: --on 2016-10-08 or"),
    (["council", "someday"], "date 'someday' cannot be read as a date"),
    (
        ["council", "1900-01-01"],
        "no Security Council on 1900-01-01: its first meeting was on 1946-01-17",
    ),
    (["council", "2030-01-01"], "no membership record for 2030-01-01"),
    (
        ["tally", "--on", "2016-10-08", "Atlantis=no"],
        "unknown member state 'Atlantis'; did you mean",
    ),
    (["tally", "--on", "2016-10-08", "Russia"], "ballot 'Russia' is not NAME=WORD"),
    (["tally", "--on", "2016-10-08", "Russia="], "ballot 'Russia=' is not NAME=WORD"),
    (
        ["tally", "--on", "2016-10-08", "Russia=maybe"],
        "unknown ballot 'maybe' for Russian Federation; a ballot is one of: yes, no,",
    ),
    (
        ["tally", "--on", "2016-10-08", "Russia=no", "Russia=yes"],
        "'Russia' is given two ballots ('no' and 'yes')",
    ),
    (
        ["tally", "--on", "2016-10-08", "Russia=no", "Russian Federation=yes"],
        "Russian Federation has two ballots ('no' and 'yes')",
    ),
    (
        ["tally", "--on", "2016-10-08", "Germany=no"],
        "Germany was not a member of the Security Council on 2016-10-08",
    ),
    (["tally", "--on", "2016-10-08"], "no ballots: give NAME=WORD pairs"),
    (["tally", "--on", "8/10/2016", "Russia=no"], "--on '8/10/2016' is ambiguous"),
    (
        ["tally", "--on", "2016-10", "Russia=no"],
        "--on '2016-10' is a month: this option takes a day",
    ),
    (["replay", "nosuch"], "no bundled scenario 'nosuch' (bundled: aleppo-2016"),
    (["replay", "no/such/file.toml"], "no/such/file.toml: cannot read the scenario file"),
    (["replay", "aleppo-2016", "--draft", "S/2016/999"], "no draft 'S/2016/999' in this scenario"),
    (["replay", "aleppo-2016", "--on", "not a date"], "--on 'not a date' cannot be read"),
    (["replay", "aleppo-2016", "--as-of", "not a date"], "--on 'not a date' cannot be read"),
    (
        ["replay", "aleppo-2016", "--on", "2016-10"],
        "--on '2016-10' is a month: this option takes a day, e.g. 2016-10-01; for the events of "
        "that span, write --since 2016-10 --until 2016-10",
    ),
    (
        ["replay", "aleppo-2016", "--since", "2016-11", "--until", "2016-10"],
        "--since 2016-11 is after",
    ),
    (["replay", "aleppo-2016", "--on", "2016-10-08", "--since", "2016-10"], "give --on (the state"),
    (["check", "no/such/file.toml"], "no/such/file.toml: cannot read the scenario file"),
    (["check", "nosuch"], "nosuch: no bundled scenario 'nosuch'"),
    (["vetoes", "--by", "Egypt"], "by='Egypt': only permanent members can veto"),
    (["vetoes", "--by", "Narnia"], "unknown member state 'Narnia'"),
    (["vetoes", "--since", "2020-01-01", "--until", "2019-01-01"], "since=2020-01-01 is after"),
    (["vetoes", "--since", "soon"], "--since 'soon' cannot be read as a date"),
    (["vetoes", "--agenda", " "], "agenda=' ': give a part of an agenda item"),
    (["vetoes", "--include-predecessors"], "--include-predecessors needs --by MEMBER"),
    (["vetoes", "--on", "2016", "--since", "2015"], "give --on, or --since and --until, not both"),
    (["vetoes", "--until", "2016-02-30"], "--until '2016-02-30' is not a valid day"),
    (["akn4un", "no/such/folder"], "no/such/folder: no such file or folder"),
    (["akn4un", "tests/data/akn4un", "--lang", "xx"], "language 'xx' is none of"),
    (
        ["schema", "--output", "no/such/folder/schema.json"],
        "no/such/folder/schema.json: cannot write the schema",
    ),
    # A bad command line: argparse's message, on one line too.
    (["council", "--bogus"], "unrecognized arguments: --bogus"),
    (["vetoes", "--format", "xml"], "argument --format: invalid choice: 'xml'"),
    (["tally", "Russia=no"], "the following arguments are required: --on"),
    (["nosuch"], "argument COMMAND: invalid choice: 'nosuch'"),
]


@pytest.mark.parametrize(("args", "message"), ERRORS, ids=[" ".join(a) for a, _ in ERRORS])
def test_bad_input_is_one_error_line(
    capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    status, out, err = run_main(capsys, *args)
    assert status == 2
    assert out == ""
    assert err.startswith(f"unsc-tracker: error: {message}"), err
    assert err.count("\n") == 1
    assert "Traceback" not in err


def test_ballot_file_errors_name_the_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    cases = [
        (str(tmp_path / "missing.json"), "missing.json: cannot read the ballot file"),
        (_ballot_file(tmp_path, "bad.json", "{"), "bad.json: not valid JSON"),
        (_ballot_file(tmp_path, "bad.toml", "= 1"), "bad.toml: not valid TOML"),
        (_ballot_file(tmp_path, "b.txt", "Russia=no"), "b.txt: unknown ballot file format '.txt'"),
        (_ballot_file(tmp_path, "list.json", "[]"), "list.json: a ballot file maps member names"),
        (_ballot_file(tmp_path, "empty.json", "{}"), "empty.json: no ballots in the file"),
        (
            _ballot_file(tmp_path, "n.json", '{"Russia": 1}'),
            "n.json: the ballot of 'Russia' is 1, not a word",
        ),
        (
            _ballot_file(tmp_path, "who.json", '{"Atlantis": "no"}'),
            "who.json: unknown member state 'Atlantis'",
        ),
        (
            _ballot_file(tmp_path, "word.toml", 'Russia = "veto"'),
            "word.toml: unknown ballot 'veto' for Russian Federation",
        ),
    ]
    for path, message in cases:
        status, out, err = run_main(capsys, "tally", "--on", "2016-10-08", "--file", path)
        assert (status, out) == (2, ""), path
        assert err.startswith("unsc-tracker: error: "), err
        assert message in err
        assert str(Path(path).parent) in err
        assert err.count("\n") == 1
    status, _, err = run_main(
        capsys, "tally", "--on", "2016-10-08", "Russia=no", "--file", str(tmp_path / "x.json")
    )
    assert status == 2
    assert err == (
        "unsc-tracker: error: give the ballots either as NAME=WORD arguments or with --file, "
        "not both\n"
    )


def test_a_ballot_given_twice_in_a_json_file_is_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # JSON lets the last of two equal keys win: Russia's "no" would silently become "yes".
    path = _ballot_file(tmp_path, "twice.json", '{"Russia":"no","Russia":"yes"}')
    status, out, err = run_main(capsys, "tally", "--on", "2016-10-08", "--file", path)
    assert (status, out) == (2, "")
    assert err == f"unsc-tracker: error: {path}: top level: the key 'Russia' appears twice\n"


def test_a_ballot_file_is_read_as_every_file_of_the_library(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # The traps formats.parse closes for scenario files are closed for ballot files too.
    cases = [
        ('{"Russia": "\\ud800"}', "field Russia: '\\ud800' holds '\\ud800', a lone surrogate"),
        ('{"Russia": ' + "[" * 40 + "]" * 40 + "}", "nested more than 32 deep"),
        ('{"Russia": ' + "9" * 5000 + "}", "an integer of more than 4,300 digits"),
    ]
    for text, message in cases:
        path = _ballot_file(tmp_path, "bad.json", text)
        status, out, err = run_main(capsys, "tally", "--on", "2016-10-08", "--file", path)
        assert (status, out) == (2, ""), text
        assert err.startswith(f"unsc-tracker: error: {path}"), err
        assert message in err, err
        assert err.count("\n") == 1
    (tmp_path / "ansi.toml").write_bytes('"Côte d\'Ivoire" = "yes"\n'.encode("cp1252"))
    status, _, err = run_main(
        capsys, "tally", "--on", "2013-10-08", "--file", str(tmp_path / "ansi.toml")
    )
    assert status == 2
    assert err == (
        f"unsc-tracker: error: {tmp_path / 'ansi.toml'}, line 1, column 3: byte 0xf4 is not UTF-8 "
        "(in Windows-1252, \"ANSI\", it is 'ô'): save the ballot file as UTF-8\n"
    )


def test_a_json_field_of_track_add_is_read_as_a_file_is(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    log = str(tmp_path / "log.sqlite")
    status, out, err = run_main(
        capsys, "track", "add", "S/2016/846", "vote_held", "--date", "2016-10-08", "--log", log,
        'ballots={"Russia": "no", "Russia": "yes"}',
    )  # fmt: skip
    assert (status, out) == (2, "")
    assert err == (
        'unsc-tracker: error: field \'ballots={"Russia": "no", "Russia": "yes"}\': '
        "top level: the key 'Russia' appears twice\n"
    )


def test_text_that_cannot_be_encoded_leaves_the_file_as_it_was(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from unsc_tracker.cli import schema as schema_command

    target = tmp_path / "schema.json"
    target.write_bytes(b"the old schema\n")
    monkeypatch.setattr(schema_command, "schema_text", lambda: '{"title": "half a pair \udc00"}')
    status, out, err = run_main(capsys, "schema", "--output", str(target))
    assert (status, out) == (2, "")
    assert err == (
        f"unsc-tracker: error: {target}: cannot write the schema: '\\udc00' on line 1 is a lone "
        "surrogate, not a character UTF-8 can encode; the file was not changed\n"
    )
    assert target.read_bytes() == b"the old schema\n"
    assert [path.name for path in tmp_path.iterdir()] == ["schema.json"]


def test_a_line_break_in_an_argument_is_shown_escaped_on_the_one_error_line(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # argparse repeats an unrecognized argument as given: a "\r" in it made a second line.
    status, out, err = run_main(capsys, "vetoes", "x\ry")
    assert (status, out) == (2, "")
    assert err == "unsc-tracker: error: unrecognized arguments: x\\ry (see 'unsc-tracker --help')\n"
    assert len(err.splitlines()) == 1


def test_an_invalid_scenario_is_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "broken.toml"
    path.write_text(
        '[[drafts]]\nsymbol = "S/2016/846"\n\n[[drafts.events]]\nkind = "circulated"\n'
        'date = "2016-13-40"\n\n[[drafts.events]]\nkind = "no_such_kind"\ndate = "2016-10-01"\n',
        encoding="utf-8",
    )
    status, out, err = run_main(capsys, "replay", str(path))
    assert (status, out) == (2, "")
    assert err.startswith(f"unsc-tracker: error: {path}: draft S/2016/846, event 1")
    assert err.count("\n") == 1


def test_an_unreadable_xml_file_given_by_name(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "broken.xml"
    path.write_text("<akomaNtoso>", encoding="utf-8")
    status, out, err = run_main(capsys, "akn4un", str(path))
    assert (status, out) == (2, "")
    assert (
        err
        == f"unsc-tracker: error: {path}: not well-formed XML at line 1, column 13: no element found\n"
    )


SUBPROCESS_ERRORS = [
    (["council", "8/10/2016"], "date '8/10/2016' is ambiguous"),
    (["tally", "--on", "2016-10-08", "Germany=no"], "Germany was not a member"),
    (["replay", "aleppo-2016", "--draft", "S/2016/999"], "no draft 'S/2016/999'"),
    (["check", "no/such/file.toml"], "no/such/file.toml: cannot read the scenario file"),
    (["vetoes", "--by", "Egypt"], "by='Egypt': only permanent members can veto"),
    (["track", "show", "--log", "no/such/log.sqlite"], "no/such/log.sqlite: no such tracker log"),
    (["akn4un", "no/such/folder"], "no/such/folder: no such file or folder"),
    (["schema", "--output", "no/such/folder/schema.json"], "no/such/folder/schema.json"),
    (["vetoes", "--format", "xml"], "argument --format: invalid choice"),
]


@pytest.mark.parametrize(
    ("args", "message"), SUBPROCESS_ERRORS, ids=[a[0] for a, _ in SUBPROCESS_ERRORS]
)
def test_bad_input_in_a_real_process(args: list[str], message: str) -> None:
    done = run(*args)
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.startswith(f"unsc-tracker: error: {message}"), done.stderr
    assert done.stderr.count("\n") == 1
    assert "Traceback" not in done.stderr


def test_a_ballot_given_twice_on_stdin_in_a_real_process() -> None:
    done = run("tally", "--on", "2016-10-08", "--file", "-", input='{"Russia":"no","Russia":"yes"}')
    assert (done.returncode, done.stdout) == (2, "")
    assert (
        done.stderr == "unsc-tracker: error: <stdin>: top level: the key 'Russia' appears twice\n"
    )


def test_debug_adds_the_traceback_to_a_library_error(
    capsys: pytest.CaptureFixture[str],
) -> None:
    for args in (
        ["--debug", "council", "--on", "someday"],
        ["council", "--on", "someday", "--debug"],
    ):
        status, out, err = run_main(capsys, *args)
        assert (status, out) == (2, "")
        assert err.startswith("Traceback (most recent call last):")
        assert err.splitlines()[-1].startswith("unsc-tracker: error: --on 'someday' cannot be read")


def _boom(args: object) -> int:
    raise RuntimeError("an error in the program\nwith a second line")


def test_an_internal_error_is_one_line_and_status_1(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(council_command, "run", _boom)
    status, out, err = run_main(capsys, "council", "--on", "2016-10-08")
    assert (status, out) == (1, "")
    assert err == (
        "unsc-tracker: internal error: RuntimeError: an error in the program "
        "(run again with --debug for the traceback)\n"
    )
    status, out, err = run_main(capsys, "council", "--on", "2016-10-08", "--debug")
    assert (status, out) == (1, "")
    assert err.startswith("Traceback (most recent call last):")
    assert 'raise RuntimeError("an error in the program' in err
    assert (
        err.splitlines()[-1]
        == "unsc-tracker: internal error: RuntimeError: an error in the program"
    )


_PATCHED = """
import sys
from unsc_tracker.cli import main, council
def boom(args):
    raise KeyError("a bug")
council.run = boom
sys.exit(main(sys.argv[1:]))
"""


@pytest.mark.parametrize("debug", [False, True])
def test_an_internal_error_in_a_real_process(debug: bool) -> None:
    import subprocess

    args = ["council", "--on", "2016-10-08", *(["--debug"] if debug else [])]
    done = subprocess.run(
        [sys.executable, "-c", _PATCHED, *args],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        cwd=ROOT,
    )
    assert (done.returncode, done.stdout) == (1, "")
    last = done.stderr.splitlines()[-1]
    assert last.startswith("unsc-tracker: internal error: KeyError: 'a bug'")
    assert ("Traceback" in done.stderr) is debug
    assert done.stderr.count("\n") == (1 if not debug else done.stderr.count("\n"))


def test_a_failed_write_leaves_the_file_as_it_was(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import errno
    import os

    target = tmp_path / "schema.json"
    target.write_text("the old schema\n", encoding="utf-8")

    def full_disk(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full_disk)
    status, out, err = run_main(capsys, "schema", "--output", str(target))
    assert (status, out) == (2, "")
    assert (
        err == f"unsc-tracker: error: {target}: cannot write the schema (No space left on device); "
        "the file was not changed\n"
    )
    assert target.read_text(encoding="utf-8") == "the old schema\n"
    assert [path.name for path in tmp_path.iterdir()] == ["schema.json"]
