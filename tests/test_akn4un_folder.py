"""Tests for reading a folder of AKN4UN files: the 2023 fixtures, broken files, the progress bar.

The fixtures are unmodified files from github.com/UNxml/SCresolutions (United Nations, DGACM);
see tests/data/akn4un/README.md.
"""

from __future__ import annotations

import io
import re
import shutil
from pathlib import Path

import pytest

import unsc_tracker as ut
from unsc_tracker import akn4un
from unsc_tracker.akn4un import FolderReport, ProblemKind
from unsc_tracker.errors import AknError

DATA = Path(__file__).parent / "data" / "akn4un"
S_2023_638 = DATA / "not-adopted" / "S_2023_638-2316801E.xml"
S_2023_506 = DATA / "not-adopted" / "S_2023_506-2313545E.xml"


@pytest.fixture(scope="module")
def folder_2023(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sixty 2023 fixtures (every draft not adopted, every resolution), in a folder alone."""
    folder = tmp_path_factory.mktemp("akn4un-2023")
    for part in ("not-adopted", "resolutions-2023"):
        shutil.copytree(DATA / part, folder / part)
    shutil.copy(DATA / "README.md", folder)
    return folder


@pytest.fixture(scope="module")
def report(folder_2023: Path) -> FolderReport:
    return akn4un.load_folder(folder_2023, progress=False)


# -- the 2023 fixtures -------------------------------------------------------------------------


def test_every_fixture_is_read_in_sorted_order(report: FolderReport, folder_2023: Path) -> None:
    assert report.folder == folder_2023
    assert len(report.xml_files) == 60
    assert len(report.records) == 60
    assert report.unreadable == report.statements == report.other_languages == ()
    assert list(report.xml_files) == sorted(folder_2023.rglob("*.xml"))
    assert [record.path for record in report.records] == list(report.xml_files)
    assert report.other_files == (folder_2023 / "README.md",)
    assert report.by_language() == {"en": 60}


def test_fifty_nine_agree_and_s_2023_638_is_refused(
    report: FolderReport, folder_2023: Path
) -> None:
    checks = report.compare()
    assert len(checks) == 60
    assert sum(1 for found in checks if found.agrees is True) == 59
    assert report.disagreements() == ()
    (refused,) = report.refusals()
    assert refused.symbol == "S/2023/638"
    assert refused.path == folder_2023 / "not-adopted" / S_2023_638.name
    found = refused.check()
    assert (found.recorded, found.computed, found.refused) == (ut.Outcome.VETOED, None, True)
    assert found.reason == "no vote was built (count_mismatch, member_in_two_counts)"


def test_disagreements_use_check(report: FolderReport) -> None:
    # The same OutcomeCheck as the record's own check(), with the file named.
    for record, found in zip(report.records, report.compare(), strict=True):
        assert found == record.check()
        assert found.path == record.path


def test_problem_counts(report: FolderReport) -> None:
    assert report.without_vote == ()
    assert len(report.with_problems) == 10
    assert report.problem_counts() == {
        ProblemKind.STEP_DATE_MISMATCH: 5,
        ProblemKind.MEETING_SYMBOL_MALFORMED: 2,
        ProblemKind.MEETING_MISMATCH: 2,
        ProblemKind.COUNT_MISMATCH: 1,
        ProblemKind.MEMBER_IN_TWO_COUNTS: 1,
        ProblemKind.SPONSOR_LIST_SLIP: 1,
    }


def test_summary(report: FolderReport, folder_2023: Path) -> None:
    lines = str(report).splitlines()
    assert lines[:5] == [
        f"{folder_2023}: 60 XML files, all languages",
        "read: 60 resolutions and drafts, 0 presidential statements; unreadable: 0; "
        "files not named *.xml: 1",
        "records by language: en 60",
        "votes built: 59; no vote: 0 (without a vote 0, by acclamation 0, vote not recorded 0); "
        "refused: 1",
        "records with data problems: 10",
    ]
    assert "  step_date_mismatch: 5" in lines
    assert "outcomes recomputed with tally: 59 agree with the record, 0 disagree, 1 refused" in (
        lines
    )
    assert lines[-2:] == [
        "refusals (the record contradicts itself, so no vote is built):",
        f"  {folder_2023 / 'not-adopted' / S_2023_638.name}: S/2023/638: declares '013' (13) but "
        "names 14 members; CHINA (China) is listed under both inFavour and abstaining",
    ]
    assert report.summary() == str(report)
    assert repr(report) == (
        f"<FolderReport {folder_2023}: 60 records, 0 statements, 0 unreadable, 0 disagreements, "
        "1 refusal>"
    )


# -- broken and foreign files ------------------------------------------------------------------


def _mixed_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "collection"
    (folder / "2023" / "deep").mkdir(parents=True)
    (folder / ".git").mkdir()
    shutil.copy(S_2023_506, folder / "2023" / "deep" / S_2023_506.name)
    shutil.copy(S_2023_638, folder / "2023" / S_2023_638.name)
    (folder / "2023" / "broken.xml").write_text(
        '<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">\n<statement>\n',
        encoding="utf-8",
    )
    (folder / "extract.xml").write_text('{"symbol": "S/2023/506"}', encoding="utf-8")
    (folder / "html.xml").write_text("<html><body/></html>", encoding="utf-8")
    (folder / "README.md").write_text("UN records\n", encoding="utf-8")
    (folder / ".git" / "config.xml").write_text("<config/>", encoding="utf-8")
    return folder


def test_unreadable_files_are_listed_not_raised(tmp_path: Path) -> None:
    folder = _mixed_folder(tmp_path)
    report = akn4un.load_folder(folder, progress=False)
    assert [path.relative_to(folder).as_posix() for path in report.xml_files] == [
        "2023/S_2023_638-2316801E.xml",
        "2023/broken.xml",
        "2023/deep/S_2023_506-2313545E.xml",
        "extract.xml",
        "html.xml",
    ]
    assert [record.symbol for record in report.records] == ["S/2023/638", "S/2023/506"]
    messages = {entry.path.name: entry.message for entry in report.unreadable}
    assert set(messages) == {"broken.xml", "extract.xml", "html.xml"}
    broken = folder / "2023" / "broken.xml"
    assert messages["broken.xml"] == (
        f"{broken}: not well-formed XML at line 3, column 1: no element found"
    )
    assert messages["extract.xml"] == (
        f"{folder / 'extract.xml'}: not well-formed XML at line 1, column 1: "
        "not well-formed (invalid token)"
    )
    assert messages["html.xml"] == (
        f"{folder / 'html.xml'}: not an AKN4UN document: the root element is <html>"
    )
    assert [str(entry) for entry in report.unreadable] == [
        entry.message for entry in report.unreadable
    ]
    assert report.other_files == (folder / "README.md",)  # .git is not entered
    assert report.disagreements() == ()
    assert [record.symbol for record in report.refusals()] == ["S/2023/638"]
    text = str(report)
    assert "5 XML files, all languages\nread: 2 resolutions and drafts" in text
    assert "unreadable: 3; files not named *.xml: 1" in text
    assert text.endswith(messages["html.xml"])
    assert "unreadable files:" in text


def test_a_record_with_no_vote_is_counted_not_a_disagreement(tmp_path: Path) -> None:
    text = S_2023_506.read_text(encoding="utf-8")
    without_counts = re.sub(r"<count .*?</count>", "", text, flags=re.S)
    assert without_counts != text
    (tmp_path / "no-vote.xml").write_text(without_counts, encoding="utf-8")
    report = akn4un.load_folder(tmp_path, progress=False)
    (record,) = report.without_vote
    assert record.vote is None
    assert record.problem_kinds() == (ProblemKind.NO_VOTE,)
    assert report.disagreements() == report.refusals() == ()
    assert report.compare()[0].agrees is None
    assert "no vote: 1 (without a vote 0, by acclamation 0, vote not recorded 1)" in str(report)


def test_missing_folder_is_named(tmp_path: Path) -> None:
    missing = tmp_path / "SCresolutions"
    with pytest.raises(AknError, match=f"^{re.escape(str(missing))}: no such folder$"):
        akn4un.load_folder(missing)


def test_a_file_is_not_a_folder() -> None:
    with pytest.raises(
        AknError,
        match=f"^{re.escape(str(S_2023_506))}: not a folder; to read one file, use akn4un.load$",
    ):
        akn4un.load_folder(S_2023_506)


def test_an_empty_folder(tmp_path: Path) -> None:
    report = akn4un.load_folder(tmp_path, progress=False)
    assert report.records == report.xml_files == report.unreadable == ()
    assert report.disagreements() == ()


# -- progress ----------------------------------------------------------------------------------

BAR = re.compile(r"\r\[([#.]{30})\] (\d+)/(\d+) files")


def test_progress_forced_on(capsys: pytest.CaptureFixture[str], folder_2023: Path) -> None:
    akn4un.load_folder(folder_2023, progress=True)
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("\r[")
    assert captured.err.endswith("\r[" + "#" * 30 + "] 60/60 files\n")
    drawn = BAR.findall(captured.err)
    assert len(drawn) == captured.err.count("\r")
    done = [int(count) for _, count, _ in drawn]
    assert done == sorted(done)
    assert {total for _, _, total in drawn} == {"60"}
    for bar, count, _ in drawn:
        assert bar.count("#") == 30 * (100 * int(count) // 60) // 100


def test_no_progress_by_default_off_a_terminal(
    capsys: pytest.CaptureFixture[str], folder_2023: Path
) -> None:
    akn4un.load_folder(folder_2023)  # the captured stderr is not a terminal
    akn4un.load_folder(folder_2023, progress=False)
    assert capsys.readouterr().err == ""


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_by_default_on_a_terminal_for_many_files(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, folder_2023: Path
) -> None:
    terminal = _Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    akn4un.load_folder(folder_2023)  # 60 files: too few for a bar
    assert terminal.getvalue() == ""
    for number in range(akn4un.PROGRESS_FROM + 1):
        (tmp_path / f"{number:03d}.xml").write_text("not xml", encoding="utf-8")
    report = akn4un.load_folder(tmp_path)
    assert len(report.unreadable) == akn4un.PROGRESS_FROM + 1
    assert terminal.getvalue().endswith(f"] {akn4un.PROGRESS_FROM + 1}/201 files\n")
    # Redrawn once per whole per cent, not once per file.
    assert terminal.getvalue().count("\r") == 101


def test_progress_on_an_empty_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    akn4un.load_folder(tmp_path, progress=True)
    assert capsys.readouterr().err == "\r[" + "#" * 30 + "] 0/0 files\n"


# -- language versions -------------------------------------------------------------------------


def test_versions_of_a_resolution_are_known_by_its_number(tmp_path: Path) -> None:
    # As the French and Spanish files of S/RES/2510 (2020), whose symbols say (2019).
    english = DATA / "resolutions-2023" / "S_RES_2720-2326054E.xml"
    text = english.read_text(encoding="utf-8")
    (tmp_path / "S_RES_2720-2326054E.xml").write_text(text, encoding="utf-8")
    french = text.replace('language="eng"', 'language="fra"').replace(
        ">S/RES/2720 (2023)<", ">S/RES/2720 (2022)<"
    )
    (tmp_path / "S_RES_2720-2326054F.xml").write_text(french, encoding="utf-8")
    report = akn4un.load_folder(tmp_path)
    (symbol, versions), *others = report.versions().items()
    assert (symbol, others) == ("S/RES/2720 (2023)", [])
    assert [record.language for record in versions] == ["en", "fr"]
    assert versions[1].problem_kinds() == (ProblemKind.SYMBOL_MISMATCH, ProblemKind.SYMBOL_MISMATCH)
    assert report.differences() == ()
