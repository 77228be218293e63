"""The faults of the UN's AKN4UN collection, one real file each, and malformed input.

The files in tests/data/akn4un/faults/ are unmodified files from github.com/UNxml/SCresolutions
(United Nations, DGACM), each chosen for one kind of fault the reader meets in the whole
collection; tests/data/akn4un/README.md says where each comes from and what it shows. The
malformed inputs are small documents built here, one for each kind a fuzzer found.
"""

from __future__ import annotations

import os
import shutil
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import unsc_tracker as ut
from unsc_tracker import akn4un
from unsc_tracker.akn4un import DocumentKind, Modality, ProblemKind
from unsc_tracker.errors import AknError

DATA = Path(__file__).parent / "data" / "akn4un"
FAULTS = DATA / "faults"


def _read(name: str) -> akn4un.AknRecord:
    return akn4un.load(FAULTS / name)


def _codes(states: tuple[ut.MemberState, ...]) -> list[str]:
    return [state.code for state in states]


# -- outcomes: the rule, and votes that are not votes -------------------------------------------


def test_s_res_2623_2022_is_a_procedural_vote_not_a_veto() -> None:
    # Adopted 11-1-3 over the Russian Federation's "no" (S/PV.8980): it called an emergency
    # special session of the General Assembly, a procedural decision; the file does not say so.
    record = _read("S_RES_2623 (2022)-2202879E.xml")
    assert record.recorded_outcome is ut.Outcome.ADOPTED
    assert record.vote is not None
    assert record.vote.procedural
    assert record.vote.procedural_basis == (
        "inferred from the record: adopted with 11 votes in favour over the no of the Russian "
        "Federation, which only a procedural vote allows (Article 27(2))"
    )
    result = ut.tally(record.vote)
    assert (result.outcome, result.counts, result.vetoed_by) == (ut.Outcome.ADOPTED, "11-1-3", ())
    assert record.check().agrees is True
    assert record.problems == ()


def test_an_adopted_text_short_of_nine_is_not_made_procedural() -> None:
    # The inference needs enough votes in favour; without them the record and rule disagree.
    text = (FAULTS / "S_RES_2623 (2022)-2202879E.xml").read_text(encoding="utf-8")
    fewer = text.replace('value="011" refersTo="inFavour"', 'value="008" refersTo="inFavour"')
    for name in ("ALBANIA", "BRAZIL", "FRANCE"):
        fewer = fewer.replace(f'<organization refersTo="memberState">{name}</organization>', "")
    record = akn4un.loads(fewer.replace("Adopted 11-1-3", "Adopted 8-1-3"))
    assert record.vote is not None
    assert not record.vote.procedural
    found = record.check()
    assert (found.agrees, found.computed) == (False, ut.Outcome.FAILED)


def test_s_res_2515_2020_by_written_procedure_has_a_letter_not_a_meeting() -> None:
    record = _read("S_RES_2515 (2020)-2004804E.xml")
    assert record.modality is Modality.WRITTEN_PROCEDURE
    assert (record.meeting, record.letter, record.meeting_raw) == (None, "S/2020/246", "S/2020/246")
    assert record.vote is not None
    assert record.vote.meeting is None
    assert record.problems == ()
    assert record.check().agrees is True


def test_s_res_2521_2020_names_agreeing_with_the_step_outweigh_a_declared_count() -> None:
    # inFavour declares "015" and names twelve; the step says "Adopted 12-0-3; voting by mail".
    record = _read("S_RES_2521 (2020)-2007257E.xml")
    assert record.vote is not None
    assert ut.tally(record.vote).counts == "12-0-3"
    (problem,) = record.problems
    assert problem.kind is ProblemKind.COUNT_MISMATCH
    assert not problem.voids_vote
    assert problem.message == (
        "declares '015' (15) but names 12 members; the step's 12-0-3 agrees with the names, "
        "which are counted"
    )


def test_s_res_2311_2016_by_acclamation_is_no_vote_of_15_0_0() -> None:
    record = _read("S_RES_2311_1617345E.xml")
    assert record.modality is Modality.ACCLAMATION
    assert record.vote is None
    assert not record.refused
    assert len(record.counts[0].names) == 15
    assert record.problem_kinds() == (ProblemKind.MODALITY_CONTRADICTION,)
    assert record.problems[0].message == (
        "adopted by acclamation (workflow/step[3] says 'Adopted by acclamation, 7782nd "
        "meeting'), yet the counts list members (15 inFavour); no vote is built"
    )
    assert record.check().reason == "no vote was built (adopted by acclamation)"


def test_s_2023_638_is_a_refusal_not_a_disagreement() -> None:
    record = akn4un.load(DATA / "not-adopted" / "S_2023_638-2316801E.xml")
    assert record.refused
    found = record.check()
    assert (found.agrees, found.refused) == (None, True)


# -- dates -------------------------------------------------------------------------------------


def test_s_res_1520_2003_a_draft_issued_a_week_before_is_no_problem() -> None:
    record = _read("S_RES_1520_N0366942.xml")
    assert record.date == date(2003, 12, 22)
    assert record.draft_symbol == "S/2003/1176"
    assert record.problems == ()


def test_s_res_2505_2020_arabic_with_placeholder_dates_is_read() -> None:
    # FRBR work date and adoption date 0001-01-01; the step and the issuance say 13 January.
    record = _read("S_RES_2505 (2020)-2000446A.xml")
    assert (record.symbol, record.language, record.date) == (
        "S/RES/2505 (2020)",
        "ar",
        date(2020, 1, 13),
    )
    assert record.problems == ()
    assert record.check().agrees is True


def test_s_res_2655_2022_french_one_wrong_year_does_not_void_the_vote() -> None:
    # The work and adoption dates say 2021, when Albania was not on the Council.
    record = _read("S_RES_2655-2224238F.xml")
    assert record.date == date(2022, 10, 27)
    assert record.vote is not None
    assert record.check().agrees is True
    assert record.problem_kinds() == (ProblemKind.DATE_MISMATCH, ProblemKind.DATE_MISMATCH)
    assert [p.element for p in record.problems] == [
        "docDate[@refersTo='#adoptionDate']/@date",
        "FRBRWork/FRBRdate/@date",
    ]


def test_s_res_2681_2023_arabic_a_wrong_step_loses_to_the_draft_and_issuance() -> None:
    # Placeholder work and adoption dates leave the step (23 March) against the issuance (27
    # April); the draft was issued on 27 April, and a text is not adopted before its draft.
    arabic = _read("S_RES_2681_A.xml")
    english = akn4un.load(DATA / "resolutions-2023" / "S_RES_2681_E.xml")
    assert arabic.date == english.date == date(2023, 4, 27)
    assert arabic.problem_kinds() == (ProblemKind.STEP_DATE_MISMATCH,)


# -- what the document is ----------------------------------------------------------------------


def test_s_res_2511_2020_chinese_empty_symbol_read_from_the_frbr_address() -> None:
    record = _read("S_RES_2511 (2020)-2002954C.xml")
    assert (record.symbol, record.language) == ("S/RES/2511 (2020)", "zh")
    assert record.problem_kinds() == (ProblemKind.SYMBOL_MISSING,)
    assert record.problems[0].message == (
        "empty <docNumber>; S/RES/2511 (2020) is read from the FRBR address"
    )


def test_a_presidential_statement_is_a_statement() -> None:
    record = _read("S_PRST_2006_55-0667113E.xml")
    assert (record.kind, record.symbol, record.date) == (
        DocumentKind.PRESIDENTIAL_STATEMENT,
        "S/PRST/2006/55",
        date(2006, 12, 19),
    )
    assert (record.vote, record.modality, record.recorded_outcome, record.problems) == (
        None,
        None,
        None,
        (),
    )
    assert str(record) == "S/PRST/2006/55 (presidentialStatement) 2006-12-19: statement"


def test_a_statement_that_calls_itself_a_resolution() -> None:
    record = _read("S_PRST_2020_11.xml")
    assert (record.kind, record.symbol) == (DocumentKind.PRESIDENTIAL_STATEMENT, "S/PRST/2020/11")
    assert record.problem_kinds() == (ProblemKind.KIND_MISMATCH,)


def test_a_statement_that_is_not_well_formed_names_the_parsers_reason() -> None:
    path = FAULTS / "S_PRST_2006_27-0640083E.xml"
    with pytest.raises(AknError) as caught:
        akn4un.load(path)
    assert str(caught.value) == f"{path}: not well-formed XML at line 90, column 9: mismatched tag"


# -- sponsors ----------------------------------------------------------------------------------


def test_s_res_2823_2026_bahamas_the() -> None:
    record = _read("S_RES_2823-2609266E.xml")
    assert "BHS" in _codes(record.sponsors)
    assert len(record.sponsors) == 153
    assert (record.unresolved_sponsors, record.problems) == ((), ())


def test_s_res_2015_2011_a_repeated_fragment_is_not_ireland() -> None:
    record = _read("S_RES_2015_N1156103.xml")
    assert "IRL" not in _codes(record.sponsors)
    assert "GBR" in _codes(record.sponsors)
    assert record.unresolved_sponsors == ("Northern Ireland",)
    assert [p.message for p in record.problems] == [
        "sponsor 'Northern Ireland' matches no member state"
    ]


def test_s_res_1905_2009_and_is_never_andorra() -> None:
    # "... Northern Ireland and (and) United States of America".
    record = _read("S_RES_1905_N0966191.xml")
    assert _codes(record.sponsors) == ["JPN", "UGA", "GBR", "USA"]
    assert record.problems == ()


def test_iso_codes_are_not_read_out_of_prose() -> None:
    found = akn4un.parse_sponsors("report of the Secretary-General per the can and are")
    assert found.sponsors == ()
    assert found.unresolved == ("report of the Secretary-General per the can", "are")


# -- a folder in several languages -------------------------------------------------------------


@pytest.fixture(scope="module")
def report() -> akn4un.FolderReport:
    return akn4un.load_folder(DATA, progress=False)


def test_statements_are_counted_apart_and_never_unreadable(report: akn4un.FolderReport) -> None:
    assert [r.symbol for r in report.statements] == ["S/PRST/2006/55", "S/PRST/2020/11"]
    assert all(r.kind is not DocumentKind.PRESIDENTIAL_STATEMENT for r in report.records)
    (unreadable,) = report.unreadable
    assert unreadable.message.endswith("not well-formed XML at line 90, column 9: mismatched tag")


def test_no_disagreement_and_one_refusal(report: akn4un.FolderReport) -> None:
    assert report.disagreements() == ()
    assert [r.symbol for r in report.refusals()] == ["S/2023/638"]
    assert [r.symbol for r in report.without_vote] == ["S/RES/2311 (2016)"]


def test_records_carry_their_language(report: akn4un.FolderReport) -> None:
    assert report.by_language() == {"en": 68, "ar": 2, "de": 1, "zh": 1, "fr": 1}
    versions = report.versions()["S/RES/2681 (2023)"]
    assert sorted(record.language or "" for record in versions) == ["ar", "en"]


def test_one_language(report: akn4un.FolderReport) -> None:
    arabic = akn4un.load_folder(DATA, language="ar")
    assert [r.symbol for r in arabic.records] == ["S/RES/2505 (2020)", "S/RES/2681 (2023)"]
    assert arabic.statements == arabic.unreadable == ()
    assert len(arabic.other_languages) == len(report.xml_files) - 2
    assert "in other languages: 74" in arabic.summary()


def test_an_unknown_language_is_refused() -> None:
    with pytest.raises(AknError, match="language 'eng' is none of en, fr, es, ru, zh, ar, de"):
        akn4un.load_folder(DATA, language="eng")


def test_versions_that_differ_from_the_english_are_listed(report: akn4un.FolderReport) -> None:
    # The German file of S/2023/639 carries the symbol S/2023/506 and the vote of S/2023/639.
    found = report.differences()
    assert [(d.symbol, d.language, d.what, d.other, d.english) for d in found] == [
        ("S/2023/506", "de", "date", "2023-08-30", "2023-07-11"),
        ("S/2023/506", "de", "counts", "1-1-13", "13-1-1"),
        ("S/2023/506", "de", "outcome", "failed", "vetoed"),
    ]
    assert found[0].path == FAULTS / "S_2023_639-2316802G.xml"
    assert found[0].english_path == DATA / "not-adopted" / "S_2023_506-2313545E.xml"
    assert str(found[1]) == (f"S/2023/506 [de] {found[0].path}: counts 1-1-13, English 13-1-1")


# -- malformed input ---------------------------------------------------------------------------

DOCTYPE = '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE x [<!ENTITY e "boo">]><x>&e;</x>'


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_utf16_and_utf32_without_a_mark_carry_no_doctype_past_the_refusal(codec: str) -> None:
    with pytest.raises(AknError, match=r"^x\.xml: refused: a DOCTYPE declaration at line 1;"):
        akn4un.loads(DOCTYPE.encode(codec), source="x.xml")


def test_an_undecodable_file_is_an_akn_error() -> None:
    with pytest.raises(AknError, match=r"^x\.xml: declares the unknown encoding 'klingon'$"):
        akn4un.loads(b'<?xml version="1.0" encoding="klingon"?><a/>', source="x.xml")
    with pytest.raises(AknError, match=r"^x\.xml: not UTF-16-LE text: byte 3 "):
        akn4un.loads(b"<\x00\x00\xd8>\x00", source="x.xml")


@pytest.mark.parametrize("value", ["¹", "٣", "9" * 5000, "-1", "1.5", ""])
def test_a_count_value_that_is_not_digits_is_a_problem(value: str) -> None:
    text = akn4un._example_document().replace(
        'value="001" refersTo="against"', f'value="{value}" refersTo="against"'
    )
    record = akn4un.loads(text)
    assert record.vote is None
    assert record.problem_kinds() == (ProblemKind.COUNT_MALFORMED,)
    assert len(record.problems[0].message) < 120


@pytest.mark.parametrize("depth", [100_000])
def test_deeply_nested_elements_are_read_in_linear_time(depth: int) -> None:
    # Nesting where the reader looks (symbol, voters, analysis) and where it does not (the body).
    deep = "<p>" * depth + "x" + "</p>" * depth
    text = (
        akn4un._example_document()
        .replace(">S/2023/506<", ">S/2023/506" + deep + "<")
        .replace("<organization>CHINA", deep.replace("p>", "organization>") + "<organization>CHINA")
        .replace("<analysis>", "<analysis>" * 50_000 + "<analysis>")
        .replace("</analysis>", "</analysis>" * 50_001)
        .replace("</statement>", f"<mainBody>{deep}</mainBody></statement>")
    )
    record = akn4un.loads(text)
    assert record.symbol.startswith("S/2023/506")
    assert record.problem_kinds() == (ProblemKind.NO_VOTE,)  # the voting is not where it belongs


def test_an_attribute_of_100000_words_is_read_in_bounded_time() -> None:
    words = " ".join(["Brazil", "Narnia", "and"] * 33_334)
    record = akn4un.loads(akn4un._example_document().replace("Brazil and Switzerland", words))
    assert record.sponsors == ()
    (problem,) = record.problems
    assert problem.kind is ProblemKind.UNKNOWN_MEMBER
    assert len(problem.message) < 120


def test_a_folder_whose_links_loop_is_read_once(tmp_path: Path) -> None:
    shutil.copy(DATA / "not-adopted" / "S_2023_506-2313545E.xml", tmp_path)
    (tmp_path / "again").symlink_to(tmp_path, target_is_directory=True)
    (tmp_path / "self").symlink_to(tmp_path / "self")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "up").symlink_to(tmp_path, target_is_directory=True)
    report = akn4un.load_folder(tmp_path)
    assert [record.symbol for record in report.records] == ["S/2023/506"]
    assert report.unreadable == ()


def test_a_file_name_that_is_not_utf8(tmp_path: Path) -> None:
    name = os.fsdecode(b"S_RES_\xff.xml")
    (tmp_path / name).write_bytes(b"<akomaNtoso>")
    shutil.copy(
        DATA / "not-adopted" / "S_2023_506-2313545E.xml", tmp_path / os.fsdecode(b"\xfe.xml")
    )
    report = akn4un.load_folder(tmp_path)
    assert [record.path for record in report.records] == [tmp_path / os.fsdecode(b"\xfe.xml")]
    (unreadable,) = report.unreadable
    assert unreadable.path == tmp_path / name
    assert unreadable.message.startswith(f"{tmp_path}/S_RES_\\xff.xml: not well-formed XML")
    report.summary().encode("utf-8")  # printable, whatever the file names


@settings(max_examples=200, deadline=None)
@given(
    cuts=st.lists(
        st.tuples(st.integers(0, 4000), st.integers(0, 40), st.binary(max_size=8)), max_size=4
    )
)
def test_mangled_documents_give_an_akn_error_or_a_record(
    cuts: list[tuple[int, int, bytes]],
) -> None:
    data = akn4un._example_document().encode("utf-8")
    for start, length, insert in cuts:
        data = data[:start] + insert + data[start + length :]
    outcome: object
    try:
        outcome = akn4un.loads(data, source="mangled.xml")
    except AknError as err:  # any other exception fails the test
        outcome = str(err)
    if isinstance(outcome, str):
        assert outcome.startswith("mangled.xml: ")
    else:
        assert isinstance(outcome, akn4un.AknRecord)


def test_a_record_summary_says_how_the_decision_was_taken() -> None:
    lines = _read("S_RES_2515 (2020)-2004804E.xml").summary().splitlines()
    assert lines[2] == (
        "  language en; a vote by written procedure, recorded in S/2020/246; sponsors the United "
        "States of America"
    )
    statement = _read("S_PRST_2006_55-0667113E.xml").summary().splitlines()
    assert statement[2] == "  language en; a statement of the President on behalf of the Council"
    procedural = _read("S_RES_2623 (2022)-2202879E.xml").summary().splitlines()
    assert procedural[-1].startswith("  procedural: inferred from the record: adopted with 11")
