"""Every kind of bad input the fuzzing found, each with its smallest input: a library error (or a
``TypeError`` for an argument of the wrong Python type) naming the place and the value."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

import unsc_tracker as ut
from unsc_tracker.errors import BallotError, DateError, DraftError, ScenarioError, VoteFileError
from unsc_tracker.record.csvfiles import read_votes_text
from unsc_tracker.record.undl import read_undl_text

# The Council of 23 December 2016 but the United States (resolution 2334 (2016), 14-0-1).
SEATED = ("China", "France", "Russia", "UK", "Angola", "Egypt", "Japan", "Malaysia")
SEATED += ("New Zealand", "Senegal", "Spain", "Ukraine", "Uruguay", "Venezuela")
FOURTEEN_YES = dict.fromkeys(SEATED, "yes")


# -- dates ------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["0/5/2016", "5/0/2016", "0/0/2016"])
def test_a_day_or_month_of_zero_is_a_date_error(text: str) -> None:
    with pytest.raises(DateError, match=f"date '{text}' cannot be read as a date"):
        ut.parse_when(text)


@pytest.mark.parametrize(
    ("phrase", "report"),
    [("tomorrow", "9999-12-31"), ("yesterday", "0001-01-01"), ("next Monday", "9999-12-31")],
)
def test_a_relative_day_beyond_the_calendar_is_a_date_error(phrase: str, report: str) -> None:
    with pytest.raises(DateError, match=f"'{phrase}' from {report} falls outside the calendar"):
        ut.relative_day(phrase, report)


def test_a_relative_month_beyond_the_calendar_is_a_date_error() -> None:
    with pytest.raises(DateError, match="'next month' from 9999-12-31 falls outside the calendar"):
        ut.relative_month("next month", "9999-12-31")


def test_a_phrase_beyond_the_calendar_in_a_text_is_found_unread() -> None:
    with pytest.warns(ut.DateWarning, match="falls outside the calendar"):
        (found,) = ut.find_dates("tomorrow", date(9999, 12, 31))
    assert found.when is None


def test_a_phrase_that_is_not_text_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="a relative day is text"):
        ut.relative_day(None, "2016-10-05")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="the text to search is text"):
        ut.find_dates(b"Monday", "2016-10-05")  # type: ignore[arg-type]


# -- tally and VoteRecord ---------------------------------------------------------------------


def test_a_vote_record_with_an_unknown_ballot_is_a_ballot_error() -> None:
    with pytest.raises(BallotError, match="field ballots: unknown ballot 'nay' for Russian"):
        ut.VoteRecord(date="2016-10-08", ballots={"Russia": "nay"})  # type: ignore[arg-type]


def test_tally_of_a_list_of_pairs_is_a_type_error() -> None:
    with pytest.raises(TypeError, match=r"not list: pass dict\(pairs\)"):
        ut.tally([("Russia", "no")], on="2016-10-08")  # type: ignore[arg-type]


def test_a_threshold_of_text_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="threshold is a whole number, not str '9'"):
        ut.tally(FOURTEEN_YES, on="2016-12-23", threshold="9")  # type: ignore[arg-type]


@pytest.mark.parametrize("threshold", [0, -1, 16])
def test_a_threshold_the_council_cannot_reach_is_a_ballot_error(threshold: int) -> None:
    with pytest.raises(BallotError, match=f"threshold {threshold} .* from 1 to 15"):
        ut.tally(FOURTEEN_YES, on="2016-12-23", threshold=threshold)


def test_procedural_given_as_a_word_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="procedural is True or False, not str 'no'"):
        ut.tally(FOURTEEN_YES, on="2016-12-23", procedural="no")  # type: ignore[arg-type]


# -- Resolution.parse -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "symbol", ["", "S/RES/0 (2016)", "S/RES/2334 (99999)", "S/RES/99999999999999999999 (2016)"]
)
def test_a_symbol_that_is_no_resolution_is_a_draft_error(symbol: str) -> None:
    with pytest.raises(DraftError, match="is not a resolution symbol"):
        ut.Resolution.parse(symbol)


def test_a_resolution_year_out_of_range_is_a_draft_error() -> None:
    with pytest.raises(DraftError, match=r"S/RES/1 \(1900\): field year: .* \(value 1900\)"):
        ut.Resolution.parse("S/RES/1 (1900)")


def test_a_resolution_symbol_that_is_not_text_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="a resolution symbol is text"):
        ut.Resolution.parse(None)  # type: ignore[arg-type]


# -- scenario files ---------------------------------------------------------------------------


def scenario_file(tmp_path: Path, text: str | bytes, name: str) -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode() if isinstance(text, str) else text)
    return path


@pytest.mark.parametrize("name", ["case.toml", "case.json", "case.yaml"])
def test_a_scenario_saved_as_windows_1252_is_a_scenario_error(tmp_path: Path, name: str) -> None:
    path = scenario_file(tmp_path, 'title = "Caf\u00e9"'.encode("cp1252"), name)
    with pytest.raises(ScenarioError, match=r"line 1, column 13: byte 0xe9 is not UTF-8"):
        ut.load_scenario(path)


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("case.json", "[" * 100_000),
        ("case.toml", "a = " + "[" * 100_000),
        ("case.yaml", "[" * 100_000),
        ("case.json", '{"a": ' * 40 + "1" + "}" * 40),
    ],
)
def test_deep_nesting_is_a_scenario_error(tmp_path: Path, name: str, text: str) -> None:
    with pytest.raises(ScenarioError, match="nested more than 32 deep"):
        ut.load_scenario(scenario_file(tmp_path, text, name))


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("case.json", '{"title": 1' + "0" * 5000 + "}", "an integer of more than 4,300 digits"),
        ("case.toml", "title = 1" + "0" * 5000, "an integer of more than 4,300 digits"),
        ("case.yaml", "title: 1" + "0" * 5000, "an integer of more than 4,300 digits"),
        ("case.yaml", "title: 1" + "0" * 40, "an integer of 41 digits is too large"),
        ("case.json", '{"title": 9223372036854775808}', "is too large for any field"),
    ],
)
def test_a_huge_integer_is_a_scenario_error(
    tmp_path: Path, name: str, text: str, message: str
) -> None:
    with pytest.raises(ScenarioError, match=message):
        ut.load_scenario(scenario_file(tmp_path, text, name))


def test_a_reported_day_beyond_the_calendar_is_a_scenario_error(tmp_path: Path) -> None:
    text = '[[drafts]]\nid = "x"\n[[drafts.events]]\nkind = "statement"\n'
    text += 'date = {report = 9999-12-31, day = "tomorrow"}\n'
    with pytest.raises(
        ScenarioError,
        match=r"draft x, event 1 \(statement\): date: relative day 'tomorrow' from 9999-12-31 "
        "falls outside the calendar",
    ):
        ut.load_scenario(scenario_file(tmp_path, text, "case.toml"))


def test_a_yaml_alias_is_a_scenario_error(tmp_path: Path) -> None:
    # An alias lets a few kilobytes stand for billions of values: none is accepted.
    path = scenario_file(tmp_path, "a: &a 1\nb: *a\n", "case.yaml")
    with pytest.raises(ScenarioError, match=r"line 2, column 4: .*aliases \(\*name\) are not"):
        ut.load_scenario(path)


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("case.json", '{"title": "a", "title": "b"}', r"top level: the key 'title' appears twice"),
        ("case.yaml", "title: a\ntitle: b\n", r"line 2, column 1: .*'title' appears twice"),
        (
            "case.json",
            '{"drafts": [{"id": "x", "events": [{"kind": "statement", "date": "2016-10-05", '
            '"by": "France", "by": "Spain"}]}]}',
            r"draft x, event 1 \(statement\): the key 'by' appears twice",
        ),
    ],
)
def test_a_key_given_twice_is_a_scenario_error(
    tmp_path: Path, name: str, text: str, message: str
) -> None:
    with pytest.raises(ScenarioError, match=message):
        ut.load_scenario(scenario_file(tmp_path, text, name))


def test_a_lone_surrogate_is_refused_when_read(tmp_path: Path) -> None:
    path = scenario_file(tmp_path, '{"title": "\\ud800", "drafts": [{"id": "x"}]}', "case.json")
    with pytest.raises(ScenarioError, match=r"field title: '\\ud800' holds '\\ud800'"):
        ut.load_scenario(path)


def test_a_scenario_written_to_a_missing_folder_is_a_scenario_error(tmp_path: Path) -> None:
    with pytest.raises(ScenarioError, match="no folder"):
        ut.save_scenario(ut.load_scenario("aleppo-2016"), tmp_path / "nope" / "case.json")


# -- vote files -------------------------------------------------------------------------------


def test_a_carriage_return_inside_a_cell_is_a_vote_file_error() -> None:
    with pytest.raises(VoteFileError, match=r"<votes>, line 1: not a CSV table \(new-line"):
        read_votes_text("symbol\r,kind")
    with pytest.raises(VoteFileError, match=r"<undl>, line 1: not a CSV table \(new-line"):
        read_undl_text("undl_id\r,ms_code")


def test_a_ballot_row_with_no_symbol_is_a_vote_file_error() -> None:
    votes = "symbol,kind,date,source\nS/2016/847,draft,2016-10-08,x\n"
    with pytest.raises(VoteFileError, match=r"line 2, column 'symbol': no vote of that symbol"):
        read_votes_text(votes, "symbol,member,ballot\n,China,yes\n")


# -- other ways in ----------------------------------------------------------------------------


def test_counting_what_is_not_a_veto_is_a_type_error() -> None:
    with pytest.raises(TypeError, match=r"count_by_member\(\) counts Veto records .*, not str"):
        ut.count_by_member(["S/2016/846"])  # type: ignore[list-item]
    with pytest.raises(TypeError, match=r"count_by_year\(\) counts Veto records .*, not int"):
        ut.count_by_year(5)  # type: ignore[arg-type]


def test_a_data_folder_named_with_a_lone_surrogate_is_a_data_file_error() -> None:
    with pytest.raises(ut.DataFileError, match="not a folder of data files"):
        ut.use_data("\ud800")
    with pytest.raises(TypeError, match=r"use_data\(\) takes a folder's path"):
        ut.use_data(None)  # type: ignore[arg-type]


def test_a_forecast_of_a_list_of_pairs_is_a_type_error() -> None:
    with pytest.raises(TypeError, match=r"expect\(\) takes a mapping of members to stances"):
        ut.expect([("Russia", "oppose")], on="2016-10-08")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="procedural is True or False, not str"):
        ut.probabilities({}, on="2016-10-08", procedural="no")  # type: ignore[arg-type]


def test_an_integer_too_long_to_print_is_named_by_its_size() -> None:
    # Python refuses to print an integer of more than 4,300 digits: each of these messages
    # raised that ValueError instead of the error it was building.
    huge = 10**5000
    with pytest.raises(TypeError, match="named by a string, not int: an integer of 5001 digits"):
        ut.member(huge)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="procedural is True or False, not an integer of 5001"):
        ut.tally({"Russia": "no"}, on="2016-10-08", procedural=huge)  # type: ignore[arg-type]
    with pytest.raises(BallotError, match="threshold an integer of 5001 digits is not a number"):
        ut.tally({"Russia": "no"}, on="2016-10-08", threshold=huge)
    with pytest.raises(DateError, match="an integer of 5001 digits is not a date"):
        ut.parse_when(huge)  # type: ignore[arg-type]
    with pytest.raises(
        TypeError, match=r"resolution symbol is text \(str\), not int: an integer of 5001 digits"
    ):
        ut.Resolution.parse(huge)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"is text \(str\), not an integer of 5001 digits"):
        ut.relative_when(huge, "2016-10-08")  # type: ignore[arg-type]
