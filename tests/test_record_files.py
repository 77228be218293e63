"""Readers of votes: the library's CSV format, the UN Digital Library's voting data, AKN4UN
folders. Every fault in a file names the file, the line, the column and the value, and nothing
is loaded from a file with a fault."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

import unsc_tracker as ut
from unsc_tracker.errors import VoteFileError
from unsc_tracker.record import (
    Modality,
    TextKind,
    read_akn4un,
    read_undl,
    read_votes,
    votes,
    write_votes,
)
from unsc_tracker.record.csvfiles import ballots_path, read_votes_text
from unsc_tracker.record.undl import read_undl_text

DATA = Path(__file__).parent / "data"
SAMPLE = DATA / "votes" / "votes.csv"
UNDL_SAMPLE = DATA / "undl" / "sc_voting_sample.csv"
AKN = DATA / "akn4un"


# --- the library's format -----------------------------------------------------------------------


def test_the_sample_reads_two_votes() -> None:
    counts_only, draft = read_votes(SAMPLE)
    assert counts_only.symbol == "S/2012/77"
    assert counts_only.counts == "13-2-0"
    assert counts_only.ballots == {}
    assert [state.code for state in counts_only.vetoed_by] == ["CHN", "RUS"]
    assert draft.counts == "4-9-2"
    assert draft.ballot_of("Ukraine") is ut.Ballot.NO
    assert draft.source_of("ballots", "UKR").endswith("among the 9 against)")
    assert draft.source_of("ballots", "France") == "https://press.un.org/en/2016/sc12545.doc.htm"


def test_what_is_written_reads_back_equal(tmp_path: Path) -> None:
    chosen = votes(since="2016-10-01", until="2016-12-31")
    out = tmp_path / "mine.csv"
    votes_file, ballots_file = write_votes(chosen, out)
    assert ballots_file == ballots_path(out) == tmp_path / "mine_ballots.csv"
    assert read_votes(votes_file) == tuple(chosen)


def test_the_bundled_record_round_trips(tmp_path: Path) -> None:
    record = tuple(votes())
    write_votes(record, tmp_path / "votes.csv")
    assert read_votes(tmp_path / "votes.csv") == record


def test_a_folder_with_votes_csv_is_a_source(tmp_path: Path) -> None:
    write_votes(read_votes(SAMPLE), tmp_path / "votes.csv")
    chosen = votes(sources=[tmp_path])
    assert [vote.symbol for vote in chosen] == ["S/2012/77", "S/2016/847"]


def test_use_data_adds_a_folder_of_votes(tmp_path: Path) -> None:
    from unsc_tracker.datafiles import forget_data

    write_votes(read_undl(UNDL_SAMPLE)[:1], tmp_path / "votes.csv")  # S/RES/242 (1967)
    ut.use_data(tmp_path)
    try:
        record = votes()
        assert "S/RES/242 (1967)" in record
        assert len(record) == len(votes(sources=["bundled"])) + 1
        assert record.conflicts == ()
        assert str(tmp_path) in record.sources[-1]
    finally:
        forget_data(tmp_path)
    assert "S/RES/242 (1967)" not in votes()


def _faulty(
    tmp_path: Path, votes_text: Callable[[str], str], ballots_text: Callable[[str], str]
) -> Path:
    folder = tmp_path / "faulty"
    folder.mkdir()
    (folder / "votes.csv").write_text(votes_text(SAMPLE.read_text()), encoding="utf-8")
    (folder / "votes_ballots.csv").write_text(
        ballots_text(ballots_path(SAMPLE).read_text()), encoding="utf-8"
    )
    return folder / "votes.csv"


def _same(text: str) -> str:
    return text


@pytest.mark.parametrize(
    ("votes_edit", "ballots_edit", "file", "line", "column", "value", "message"),
    [
        (
            lambda t: t.replace("symbol,kind,date,", "symbol,date,", 1).replace(",draft,2", ",2"),
            _same,
            "votes.csv",
            1,
            "kind",
            None,
            "missing column 'kind'",
        ),
        (
            _same,
            lambda t: t.replace("Angola,abstain", "Angola,maybe"),
            "votes_ballots.csv",
            6,
            "ballot",
            "maybe",
            "unknown ballot 'maybe'",
        ),
        (
            _same,
            lambda t: t.replace("S/2016/847,Egypt,", "S/2016/847,EGX,"),
            "votes_ballots.csv",
            4,
            "member",
            "EGX",
            "unknown member state 'EGX'",
        ),
        (
            lambda t: t.replace("2016-10-08", "2028-10-08"),
            _same,
            "votes.csv",
            3,
            "date",
            "2028-10-08",
            "no membership record for 2028-10-08",
        ),
        (
            lambda t: t.replace("2012-02-04", "4 Feb 2012"),
            _same,
            "votes.csv",
            2,
            "date",
            "4 Feb 2012",
            "not a date in the form YYYY-MM-DD",
        ),
        (
            _same,
            lambda t: t + "S/2016/847,China,no,\n",
            "votes_ballots.csv",
            17,
            "member",
            "China",
            "a second ballot for CHN on S/2016/847 (first: line 2)",
        ),
        (
            lambda t: t + t.splitlines()[1] + "\n",
            _same,
            "votes.csv",
            4,
            "symbol",
            "S/2012/77",
            "duplicates the vote of line 2",
        ),
        (
            _same,
            lambda t: t.replace("S/2016/847,Spain,no,", "S/2016/847,Brazil,no,"),
            "votes_ballots.csv",
            15,
            "member",
            "Brazil",
            "not a member of the Council on 2016-10-08",
        ),
        (
            lambda t: t.replace(",13,2,0,", ",13,2,x,"),
            _same,
            "votes.csv",
            2,
            "abstain",
            "x",
            "a count is a whole number",
        ),
        (
            lambda t: t.replace("S/2016/847,draft,", "S/2016/847,resolution,"),
            _same,
            "votes.csv",
            3,
            None,
            None,
            "needs the resolution's symbol",
        ),
        (
            lambda t: t.replace("symbol,kind,", "symbol,colour,kind,").replace(
                "S/2012/77,draft,", "S/2012/77,red,draft,"
            ),
            _same,
            "votes.csv",
            1,
            "colour",
            None,
            "unknown column 'colour'",
        ),
        (
            _same,
            lambda t: t.replace("S/2016/847,China,yes,", "S/2016/848,China,yes,"),
            "votes_ballots.csv",
            2,
            "symbol",
            "S/2016/848",
            "no vote of that symbol in the votes table",
        ),
    ],
)
def test_bad_input_names_file_line_column_and_value(
    tmp_path: Path,
    votes_edit: Callable[[str], str],
    ballots_edit: Callable[[str], str],
    file: str,
    line: int,
    column: str | None,
    value: str | None,
    message: str,
) -> None:
    path = _faulty(tmp_path, votes_edit, ballots_edit)
    with pytest.raises(VoteFileError) as caught:
        read_votes(path)
    error = caught.value
    assert error.file is not None
    assert Path(error.file).name == file
    assert error.line == line
    assert error.column == column
    assert error.value == value
    assert message in str(error)
    assert str(error).startswith(f"{error.file}, line {line}")


def test_a_missing_file_and_a_ragged_row() -> None:
    with pytest.raises(
        VoteFileError, match=r"nothing\.csv: cannot read the votes file \(No such file"
    ):
        read_votes(DATA / "votes" / "nothing.csv")
    with pytest.raises(VoteFileError, match="line 2: the row does not have one value per column"):
        read_votes_text("symbol,kind,date,source\nS/2016/847,draft\n")


# --- the UN Digital Library's voting data -------------------------------------------------------


def test_undl_sample_three_resolutions() -> None:
    r242, r1715, r2720 = read_undl(UNDL_SAMPLE)
    assert r242.symbol == "S/RES/242 (1967)"
    assert r242.kind is TextKind.RESOLUTION
    assert r242.ballot_of("USSR") is ut.Ballot.YES  # coded RUS by the Library, seated as SUN
    assert "RUS" not in r242.ballots
    assert r242.draft == "S/8247"
    assert r1715.modality is Modality.ACCLAMATION
    assert r1715.ballots == {}  # the Library's Y rows of a text adopted without a vote
    assert r1715.counts is None
    assert r2720.counts == "13-0-2"
    assert r2720.meeting == "S/PV.9520"
    assert "undl_id 3" in r2720.source


UNDL_HEADER = UNDL_SAMPLE.read_text().splitlines()[0]


def _undl(edit: Callable[[list[str]], list[str]]) -> str:
    return "\n".join(edit(UNDL_SAMPLE.read_text().splitlines())) + "\n"


def _row(number: int, old: str, new: str) -> Callable[[list[str]], list[str]]:
    def edit(lines: list[str]) -> list[str]:
        lines[number - 1] = lines[number - 1].replace(old, new, 1)
        return lines

    return edit


@pytest.mark.parametrize(
    ("edit", "line", "column", "value", "message"),
    [
        (
            lambda lines: [lines[0].replace("ms_vote,", "vote,"), *lines[1:]],
            1,
            "ms_vote",
            None,
            "missing column 'ms_vote'",
        ),
        (_row(2, ",True,Y,", ",True,Q,"), 2, "ms_vote", "Q", "ms_vote is one of Y, N, A, X"),
        (_row(3, "1,FRA,FRANCE,", "1,FRX,FRANCX,"), 3, "ms_code", "FRX", "unknown member code"),
        (_row(2, "1967-11-22", "1945-11-22"), 2, "date", "1945-11-22", "no Security Council"),
        (
            lambda lines: [*lines, lines[1]],
            47,
            "ms_code",
            "CHN",
            "a second row for CHN in undl_id 1 (first: line 2)",
        ),
        (_row(2, ",True,Y,", ",False,Y,"), 2, "permanent_member", "False", "did not hold an"),
        (
            _row(33, ",Y,2023-12-22,", ",N,2023-12-22,"),
            32,
            "total_yes",
            "13",
            "the rows of this undl_id give 12",
        ),
        (_row(3, "S/PV.1382", "S/PV.1383"), 3, "meeting", "S/PV.1383", "differs from line 2"),
        (_row(17, ",Y,2006-10-09,", ",A,2006-10-09,"), 17, "ms_vote", "A", "says no vote"),
    ],
)
def test_undl_bad_input_names_file_line_column_and_value(
    edit: Callable[[list[str]], list[str]],
    line: int,
    column: str,
    value: str | None,
    message: str,
) -> None:
    with pytest.raises(VoteFileError) as caught:
        read_undl_text(_undl(edit), name="sc_voting.csv")
    error = caught.value
    assert (error.file, error.line, error.column, error.value) == (
        "sc_voting.csv",
        line,
        column,
        value,
    )
    assert message in str(error)


def test_a_csv_of_neither_format_is_refused(tmp_path: Path) -> None:
    other = tmp_path / "other.csv"
    other.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(VoteFileError, match="neither the UN Digital Library's voting data"):
        votes(sources=[other])


@pytest.mark.parametrize("reader", [read_votes, read_undl, lambda path: votes(sources=[path])])
def test_a_votes_file_saved_as_windows_1252_names_line_column_and_byte(
    tmp_path: Path, reader: Callable[[Path], object]
) -> None:
    path = tmp_path / "votes.csv"
    path.write_bytes(
        "symbol,kind,date,source\nS/2016/847,draft,2016-10-08,Caf\u00e9\n".encode("cp1252")
    )
    with pytest.raises(VoteFileError, match=r"votes\.csv, line 2, column 32: byte 0xe9") as caught:
        reader(path)
    assert caught.value.file == str(path)


def test_votes_that_cannot_be_written_leave_both_tables_as_they_were(tmp_path: Path) -> None:
    out = tmp_path / "mine.csv"
    write_votes(votes(since="2016-10-01", until="2016-10-31"), out)
    before = (out.read_bytes(), ballots_path(out).read_bytes())
    (vote,) = votes(since="2016-10-08", until="2016-10-08", outcome="failed")
    broken = vote.model_copy(update={"source": "half a pair: \udc00"})
    with pytest.raises(VoteFileError, match=r"mine\.csv: cannot write the votes table: '\\udc00'"):
        write_votes([broken], out)
    assert (out.read_bytes(), ballots_path(out).read_bytes()) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine.csv", "mine_ballots.csv"]
    with pytest.raises(VoteFileError, match=r"cannot write the ballots table: no folder"):
        write_votes([vote], tmp_path / "nope" / "votes.csv")


# --- AKN4UN folders -----------------------------------------------------------------------------


def test_an_akn4un_folder_one_vote_per_text() -> None:
    read = read_akn4un(AKN / "resolutions-2023")
    assert len(read.votes) == 50
    assert read.skipped == ()
    assert len({vote.symbol for vote in read.votes}) == 50
    drafts = read_akn4un(AKN / "not-adopted")
    assert len(drafts.votes) == 10
    mali = next(vote for vote in drafts.votes if vote.symbol == "S/2023/638")
    assert mali.ballots == {}  # China under two options: no ballots built from a contradiction
    assert any("member_in_two_counts" in note for note in mali.notes)


def test_an_akn4un_folder_keeps_one_language(tmp_path: Path) -> None:
    english = AKN / "resolutions-2023" / "S_RES_2720-2326054E.xml"
    french = tmp_path / "S_RES_2720-2326054F.xml"
    french.write_text(
        english.read_text(encoding="utf-8").replace(
            'FRBRlanguage language="eng"', 'FRBRlanguage language="fra"'
        ),
        encoding="utf-8",
    )
    (tmp_path / english.name).write_bytes(english.read_bytes())
    assert [vote.symbol for vote in read_akn4un(tmp_path, language="en").votes] == [
        "S/RES/2720 (2023)"
    ]
    french_only = read_akn4un(tmp_path, language="fr")
    assert len(french_only.votes) == 1
    assert french_only.other_languages == 1
    assert french_only.votes[0].source.endswith("S_RES_2720-2326054F.xml")


def test_a_text_held_twice_gives_one_vote(tmp_path: Path) -> None:
    english = AKN / "resolutions-2023" / "S_RES_2720-2326054E.xml"
    for folder in ("2023", "2024"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / english.name).write_bytes(english.read_bytes())
    read = read_akn4un(tmp_path, label="clone")
    assert len(read.votes) == 1
    assert read.conflicts == ()
    assert read.votes[0].source == "clone/2023/S_RES_2720-2326054E.xml"


def test_what_a_folder_holds_that_is_no_vote_is_said() -> None:
    read = read_akn4un(AKN / "faults")
    assert any("is a presidential statement: left out" in entry for entry in read.skipped)
    assert any("not well-formed XML" in entry for entry in read.skipped)
    assert read.other_languages > 0  # the Arabic, Chinese, German copies of the folder


def test_an_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError, match="language='xx'"):
        read_akn4un(AKN, language="xx")
