"""Tests for the AKN4UN reader, against the UN's own 2023 records in tests/data/akn4un/.

The fixtures are unmodified files from github.com/UNxml/SCresolutions (United Nations, DGACM);
see tests/data/akn4un/README.md.
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import unsc_tracker as ut
from unsc_tracker import akn4un
from unsc_tracker.akn4un import AknRecord, DocumentKind, ProblemKind
from unsc_tracker.errors import AknError, UnknownMemberError

DATA = Path(__file__).parent / "data" / "akn4un"
FILES = sorted([*(DATA / "not-adopted").glob("*.xml"), *(DATA / "resolutions-2023").glob("*.xml")])

VOIDED = {"S/2023/638"}  # the one record in the set whose counts contradict themselves


def _find(symbol: str) -> AknRecord:
    for file in FILES:
        record = akn4un.load(file)
        if record.symbol == symbol:
            return record
    raise LookupError(symbol)


def _codes(states: tuple[ut.MemberState, ...]) -> list[str]:
    return [state.code for state in states]


def _kinds(record: AknRecord) -> list[str]:
    return [problem.kind.value for problem in record.problems]


# The Council of 22 December 2023 and its vote on S/RES/2720 (2023), 13-0-2 (S/PV.9520).
YES_2720 = [
    "ALBANIA",
    "BRAZIL",
    "CHINA",
    "ECUADOR",
    "FRANCE",
    "GABON",
    "GHANA",
    "JAPAN",
    "MALTA",
    "MOZAMBIQUE",
    "SWITZERLAND",
    "UNITED ARAB EMIRATES",
    "UNITED KINGDOM",
]
ABSTAIN_2720 = ["RUSSIAN FEDERATION", "UNITED STATES"]


def _count(option: str, names: list[str], value: str | None = None) -> str:
    voters = "".join(f'<organization refersTo="memberState">{n}</organization>' for n in names)
    shown = value if value is not None else f"{len(names):03d}"
    voters = f"<akn4un:voters>{voters}</akn4un:voters>"
    return f'<count value="{shown}" refersTo="{option}">{voters}</count>'


def _document(
    *,
    name: str = "resolution",
    outcome: str = "adopted",
    by: str = "United Arab Emirates",
    meeting: str = "S/PV.9520",
    counts: str | None = None,
    frbr: str = "2023-12-22",
    printed: str = "2023-12-22",
    printed_as: str = "#dateOfIssuance",
    step_by: str = "Adopted 13-0-2, 9520th meeting",
    symbol: str = "S/RES/2720 (2023)",
) -> str:
    """An AKN4UN document shaped like S_RES_2720-2326054E.xml, with the parts a test varies."""
    if counts is None:
        counts = _count("inFavour", YES_2720) + _count("abstaining", ABSTAIN_2720)
    return (
        '<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0" '
        'xmlns:akn4un="http://un.org/akn4un">\n'
        f'<statement name="{name}"><meta><identification><FRBRWork>'
        f'<FRBRdate date="{frbr}" name="adoption"/></FRBRWork>'
        '<FRBRExpression><FRBRlanguage language="eng"/></FRBRExpression></identification>\n'
        f'<workflow><step date="2023-12-22" outcome="draftResolution" as="S/2023/1029" by="{by}"/>'
        '<step date="0001-01-01" outcome="draftResolutionAdditionalSponsors" by=""/>'
        f'<step date="2023-12-22" outcome="{outcome}" as="{meeting}" by="{step_by}"/></workflow>\n'
        f"<analysis><parliamentary><voting>{counts}</voting></parliamentary></analysis></meta>\n"
        f'<coverPage><p><docNumber refersTo="#symbol">{symbol}</docNumber></p>'
        f'<p><docDate date="{printed}" refersTo="{printed_as}">22 December 2023</docDate></p>'
        "</coverPage></statement></akomaNtoso>\n"
    )


# -- the whole set -----------------------------------------------------------------------------


def test_every_fixture_is_read() -> None:
    records = [akn4un.load(file) for file in FILES]
    assert len(records) == 60
    kinds = Counter(record.kind for record in records)
    assert kinds == {DocumentKind.RESOLUTION: 50, DocumentKind.DRAFT_RESOLUTION: 10}
    assert all(record.path in FILES for record in records)
    assert all(record.title for record in records)
    assert len({record.symbol for record in records}) == 60


@pytest.mark.parametrize("file", FILES, ids=lambda file: file.name)
def test_tally_agrees_with_the_recorded_outcome(file: Path) -> None:
    record = akn4un.load(file)
    if record.symbol in VOIDED:
        assert record.vote is None
        assert record.check().agrees is None
        return
    assert record.vote is not None, record.problems
    assert not any(problem.voids_vote for problem in record.problems)
    assert ut.tally(record.vote).outcome == record.recorded_outcome
    assert record.computed_outcome == record.recorded_outcome
    assert record.check().agrees is True


def test_fifty_nine_of_sixty_agree_and_one_is_reported() -> None:
    checks = [akn4un.load(file).check() for file in FILES]
    assert Counter(result.agrees for result in checks) == {True: 59, None: 1}
    assert [result.symbol for result in checks if result.agrees is None] == ["S/2023/638"]


def test_no_record_is_dated_year_one() -> None:
    # Every fixture's additional-sponsors step carries the placeholder 0001-01-01.
    for file in FILES:
        record = akn4un.load(file)
        assert record.date.year == 2023, file.name
        assert "0001" not in " ".join(problem.message for problem in record.problems)


# -- named records -----------------------------------------------------------------------------


def test_s_2023_638_contradiction_reported_not_guessed() -> None:
    # S/2023/638, S/PV.9408: CHINA under inFavour and abstaining; inFavour "013" names 14.
    record = _find("S/2023/638")
    assert record.vote is None
    assert record.recorded_outcome is ut.Outcome.VETOED
    assert _codes(record.recorded_vetoed_by) == ["RUS"]
    assert record.meeting == "S/PV.9408"
    assert sorted(_kinds(record)) == ["count_mismatch", "member_in_two_counts"]
    mismatch, twice = record.problems
    assert mismatch.element == "voting/count[@refersTo='inFavour']/@value"
    assert mismatch.message == "declares '013' (13) but names 14 members"
    assert twice.message == "CHINA (China) is listed under both inFavour and abstaining"
    assert mismatch.voids_vote
    assert twice.voids_vote
    assert record.computed_outcome is None
    result = record.check()
    assert result.agrees is None
    assert result.reason == "no vote was built (count_mismatch, member_in_two_counts)"


def test_s_2023_506_vetoed_by_russia_13_1_1() -> None:
    record = _find("S/2023/506")
    assert record.vote is not None
    result = ut.tally(record.vote)
    assert (result.outcome, result.counts) == (ut.Outcome.VETOED, "13-1-1")
    assert _codes(result.vetoed_by) == _codes(record.recorded_vetoed_by) == ["RUS"]
    assert record.vote.date == date(2023, 7, 11)
    assert record.vote.meeting == "S/PV.9371"
    assert _codes(record.sponsors) == ["BRA", "CHE"]
    assert record.problems == ()


def test_s_2023_212_failed_3_0_12() -> None:
    record = _find("S/2023/212")
    assert record.recorded_outcome is ut.Outcome.FAILED
    assert record.outcome_word == "notAdopted"
    assert record.vote is not None
    result = ut.tally(record.vote)
    assert (result.outcome, result.counts, result.vetoed_by) == (ut.Outcome.FAILED, "3-0-12", ())
    # "Syrian Arab Republic and Bolivarian Republic of Venezuela" ends the list.
    assert _codes(record.sponsors) == ["BLR", "CHN", "PRK", "ERI", "NIC", "RUS", "SYR", "VEN"]


def test_s_2023_792_vetoed_by_china_and_russia() -> None:
    record = _find("S/2023/792")
    assert _codes(record.recorded_vetoed_by) == ["CHN", "RUS"]
    result = record.check()
    assert result.agrees is True
    assert _codes(result.computed_vetoed_by) == ["CHN", "RUS"]


def test_s_res_2720_2023_adopted_13_0_2() -> None:
    record = _find("S/RES/2720 (2023)")
    assert record.kind is DocumentKind.RESOLUTION
    assert record.draft_symbol == "S/2023/1029"
    assert record.meeting == record.meeting_raw == "S/PV.9520"
    assert record.date == date(2023, 12, 22)
    assert _codes(record.sponsors) == ["ARE"]
    # Zero-padded in the file: value="013", value="002".
    assert [(count.option, count.ballot.value, count.declared) for count in record.counts] == [
        ("inFavour", "yes", 13),
        ("abstaining", "abstain", 2),
    ]
    assert record.vote is not None
    assert record.vote.symbol == "S/2023/1029"
    result = ut.tally(record.vote)
    assert (result.outcome, result.counts) == (ut.Outcome.ADOPTED, "13-0-2")
    assert {code for code, ballot in result.ballots.items() if ballot is ut.Ballot.ABSTAIN} == {
        "RUS",
        "USA",
    }
    assert record.problems == ()


def test_s_2023_970_new_zealand_nicaragua_split() -> None:
    # The sponsor list of S/2023/970 reads "..., Namibia, New Zealand Nicaragua, Nigeria, ...".
    record = _find("S/2023/970")
    assert _kinds(record) == ["sponsor_list_slip"]
    assert record.problems[0].element == "workflow/step[1]/@by"
    assert record.problems[0].message == (
        "'New Zealand Nicaragua' runs names together without a comma; "
        "read as 'New Zealand' and 'Nicaragua'"
    )
    codes = _codes(record.sponsors)
    assert {"NZL", "NIC", "AND", "VEN", "BOL", "VCT", "KNA", "TTO"} <= set(codes)
    assert len(codes) == 102
    assert record.unresolved_sponsors == ()


def test_s_res_2681_2023_adopted_step_dated_a_month_early() -> None:
    # The document and its FRBR date say 27 April 2023; the adopted step says 23 March.
    record = _find("S/RES/2681 (2023)")
    assert record.date == date(2023, 4, 27)
    assert record.vote is not None
    assert record.vote.date == date(2023, 4, 27)
    assert _kinds(record) == ["step_date_mismatch"]
    assert record.problems[0].element == "workflow/step[3]/@date"
    assert record.problems[0].message == (
        "step 'adopted' is dated 2023-03-23; the adoption date, the FRBR work date, the date of "
        "issuance and the symbol's year give 2023-04-27, which is used"
    )
    assert len(record.sponsors) == 91


@pytest.mark.parametrize(
    ("symbol", "step", "step_date", "why"),
    [
        # The draft S/2023/64 cannot have been issued in July 2022.
        ("S/RES/2674 (2023)", "draftResolution", "2022-07-28", ", before 2023, the year of its"),
        ("S/RES/2700 (2023)", "adopted", "2023-10-02", "; the adoption date, the FRBR work"),
        ("S/RES/2701 (2023)", "adopted", "2023-10-02", "; the adoption date, the FRBR work"),
        ("S/RES/2707 (2023)", "adopted", "2023-02-15", "; the adoption date, the FRBR work"),
    ],
)
def test_step_dates_that_contradict_the_document(
    symbol: str, step: str, step_date: str, why: str
) -> None:
    record = _find(symbol)
    found = [p for p in record.problems if p.kind is ProblemKind.STEP_DATE_MISMATCH]
    assert len(found) == 1
    assert found[0].message.startswith(f"step {step!r} is dated {step_date}{why}")
    assert record.vote is not None
    assert record.vote.date == record.date != date.fromisoformat(step_date)


@pytest.mark.parametrize(
    ("symbol", "raw", "meeting"),
    [
        ("S/RES/2675 (2023)", "S/PV9261", "S/PV.9261"),
        ("S/RES/2707 (2023)", "S/PV9473", "S/PV.9473"),
    ],
)
def test_meeting_symbol_without_dot(symbol: str, raw: str, meeting: str) -> None:
    record = _find(symbol)
    assert (record.meeting_raw, record.meeting) == (raw, meeting)
    assert record.vote is not None
    assert record.vote.meeting == meeting
    found = [p for p in record.problems if p.kind is ProblemKind.MEETING_SYMBOL_MALFORMED]
    assert [p.message for p in found] == [f"{raw!r} lacks the dot after S/PV; read as {meeting!r}"]


def test_s_res_2717_2023_meeting_9512_not_9492() -> None:
    # as="S/PV.9492" (the meeting of S/RES/2715); the step text and the title say 9512th.
    record = _find("S/RES/2717 (2023)")
    assert record.meeting == "S/PV.9492"
    assert _kinds(record) == ["meeting_mismatch", "meeting_mismatch"]
    assert [p.element for p in record.problems] == [
        "workflow/step[3]/@by",
        "docTitle/inline[@name='adoptionMeeting']",
    ]
    assert record.problems[0].message == (
        "names meeting 9512 but workflow/step[3]/@as is 'S/PV.9492'"
    )


def test_s_res_2677_2023_step_text_says_9283rd() -> None:
    record = _find("S/RES/2677 (2023)")
    assert record.meeting == "S/PV.9281"
    assert [p.message for p in record.problems] == [
        "names meeting 9283 but workflow/step[3]/@as is 'S/PV.9281'"
    ]


# -- outcome words and votes, on documents shaped like the UN's ---------------------------------


@pytest.mark.parametrize(
    ("word", "outcome"),
    [
        ("adopted", ut.Outcome.ADOPTED),
        ("veto", ut.Outcome.VETOED),
        ("Veto", ut.Outcome.VETOED),
        ("notAdopted", ut.Outcome.FAILED),
    ],
)
def test_outcome_words(word: str, outcome: ut.Outcome) -> None:
    record = akn4un.loads(_document(outcome=word))
    assert record.recorded_outcome is outcome
    assert record.outcome_word == word


def test_unknown_outcome_word_is_a_problem() -> None:
    record = akn4un.loads(_document(outcome="withdrawn"))
    assert record.recorded_outcome is None
    assert _kinds(record) == ["outcome_unknown"]
    assert record.problems[0].element == "workflow/step[3]/@outcome"
    assert record.problems[0].message == (
        "outcome 'withdrawn' is none of 'adopted', 'veto', 'notAdopted'"
    )
    assert record.vote is not None
    assert record.check().agrees is None


def test_a_vote_without_counts_is_a_problem() -> None:
    record = akn4un.loads(_document(counts="", step_by="Adopted unanimously, 9520th meeting"))
    assert record.vote is None
    assert record.modality is akn4un.Modality.VOTE
    assert _kinds(record) == ["no_vote"]
    assert record.problems[0].message.startswith("no <count>: the decision was put to the vote")
    assert not record.problems[0].voids_vote
    assert not record.refused
    assert record.check().reason == "no vote was built (no_vote)"


@pytest.mark.parametrize(
    ("words", "modality"),
    [
        ("Adopted without vote, 9520th meeting", akn4un.Modality.WITHOUT_VOTE),
        ("Adopted by acclamation, 9520th meeting", akn4un.Modality.ACCLAMATION),
    ],
)
def test_adopted_without_a_vote_has_no_ballots_and_no_problem(
    words: str, modality: akn4un.Modality
) -> None:
    record = akn4un.loads(_document(counts="", step_by=words))
    assert (record.vote, record.modality, record.problems) == (None, modality, ())
    assert record.recorded_outcome is ut.Outcome.ADOPTED
    assert record.check().agrees is None


def test_fourteen_voters_count_the_fifteenth_absent() -> None:
    counts = _count("inFavour", YES_2720) + _count("abstaining", ["RUSSIAN FEDERATION"])
    record = akn4un.loads(_document(counts=counts, step_by="Adopted, 9520th meeting"))
    assert record.vote is not None
    assert len(record.vote.ballots) == 14
    result = ut.tally(record.vote)
    assert (result.outcome, result.absent) == (ut.Outcome.ADOPTED, 1)
    assert "United States of America" in result.warnings[0]


def test_a_voter_not_on_the_council_voids_the_vote() -> None:
    counts = _count("inFavour", [*YES_2720[:-1], "GERMANY"]) + _count("abstaining", ABSTAIN_2720)
    record = akn4un.loads(_document(counts=counts))
    assert record.vote is None
    assert _kinds(record) == ["not_on_council"]
    assert record.problems[0].message == (
        "Germany was not a member of the Security Council on 2023-12-22"
    )


def test_an_unknown_voter_voids_the_vote() -> None:
    counts = _count("inFavour", [*YES_2720[:-1], "NARNIA"]) + _count("abstaining", ABSTAIN_2720)
    record = akn4un.loads(_document(counts=counts))
    assert record.vote is None
    assert _kinds(record) == ["unknown_member"]
    assert record.problems[0].message.startswith("voter 'NARNIA': unknown member state 'NARNIA'")


def test_a_count_value_that_is_not_a_number() -> None:
    counts = _count("inFavour", YES_2720, value="l3") + _count("abstaining", ABSTAIN_2720)
    record = akn4un.loads(_document(counts=counts))
    assert record.vote is None
    assert _kinds(record) == ["count_malformed"]
    assert record.problems[0].element == "voting/count[@refersTo='inFavour']/@value"
    assert record.problems[0].message == (
        "value 'l3' is not a number of members (one to three digits)"
    )


def test_an_unknown_count_option() -> None:
    counts = _count("inFavour", YES_2720) + _count("maybe", ABSTAIN_2720)
    record = akn4un.loads(_document(counts=counts))
    assert record.vote is None
    assert _kinds(record) == ["count_malformed"]
    assert record.problems[0].message == (
        "option 'maybe' is none of 'inFavour', 'against', 'abstaining'"
    )


def test_step_summary_that_contradicts_the_counts() -> None:
    record = akn4un.loads(_document(step_by="Adopted 14-0-1, 9520th meeting"))
    assert record.vote is None
    assert _kinds(record) == ["count_mismatch"]
    assert record.problems[0].message == "the step says 14-0-1 but the counts declare 13-0-2"


def test_unanimity_that_contradicts_the_counts() -> None:
    record = akn4un.loads(_document(step_by="Adopted unanimously, 9520th meeting"))
    assert record.vote is None
    assert _kinds(record) == ["count_mismatch"]
    assert record.problems[0].message == (
        "the step says 'Adopted unanimously, 9520th meeting' but the counts declare "
        "0 against and 2 abstaining"
    )


def test_a_member_listed_twice_under_one_option() -> None:
    counts = _count("inFavour", [*YES_2720, "CHINA"], value="013") + _count(
        "abstaining", ABSTAIN_2720
    )
    record = akn4un.loads(_document(counts=counts))
    assert record.vote is None
    assert "CHINA (China) is listed twice under inFavour" in [p.message for p in record.problems]


def test_the_dates_that_agree_win_over_one_that_does_not() -> None:
    record = akn4un.loads(_document(printed="2023-12-23", printed_as="#adoptionDate"))
    assert record.date == date(2023, 12, 22)
    assert _kinds(record) == ["date_mismatch"]
    assert record.problems[0].element == "docDate[@refersTo='#adoptionDate']/@date"
    assert record.problems[0].message == (
        "the adoption date is dated 2023-12-23; the FRBR work date, step 'adopted' and the "
        "symbol's year give 2023-12-22, which is used"
    )
    assert record.vote is not None


def test_a_document_issued_days_after_the_vote_is_no_problem() -> None:
    record = akn4un.loads(_document(printed="2023-12-27"))
    assert (record.date, record.problems) == (date(2023, 12, 22), ())


def test_a_document_issued_months_away_from_the_vote_is_a_problem() -> None:
    record = akn4un.loads(_document(printed="2017-11-07"))
    assert record.date == date(2023, 12, 22)
    assert _kinds(record) == ["date_mismatch"]
    assert record.problems[0].message.startswith("the date of issuance is dated 2017-11-07;")


def test_a_malformed_date_attribute() -> None:
    record = akn4un.loads(_document(printed="22 Dec 2023"))
    assert record.date == date(2023, 12, 22)
    assert _kinds(record) == ["date_malformed"]
    assert record.problems[0].message == "'22 Dec 2023' is not an ISO date"


def test_an_unknown_sponsor_is_kept() -> None:
    record = akn4un.loads(_document(by="United Arab Emirates, Narnia and Malta"))
    assert _codes(record.sponsors) == ["ARE", "MLT"]
    assert record.unresolved_sponsors == ("Narnia",)
    assert _kinds(record) == ["unknown_member"]
    assert record.problems[0].message == "sponsor 'Narnia' matches no member state"


def test_a_meeting_symbol_that_is_not_one() -> None:
    record = akn4un.loads(_document(meeting="9520th meeting"))
    assert record.meeting is None
    assert record.meeting_raw == "9520th meeting"
    assert "meeting_symbol_malformed" in _kinds(record)


# -- sponsor lists -----------------------------------------------------------------------------


def test_sponsor_names_containing_and_and_of() -> None:
    found = akn4un.parse_sponsors(
        "Antigua and Barbuda, Bosnia and Herzegovina, Saint Vincent and the Grenadines, "
        "United Kingdom of Great Britain and Northern Ireland and Bolivarian Republic of Venezuela"
    )
    assert _codes(found.sponsors) == ["ATG", "BIH", "VCT", "GBR", "VEN"]
    assert found.problems == ()


def test_sponsor_list_with_an_empty_entry() -> None:
    # The preface of S/2023/970 reads "Morocco, , Namibia".
    found = akn4un.parse_sponsors("Mexico, Morocco, , Namibia")
    assert _codes(found.sponsors) == ["MEX", "MAR", "NAM"]
    assert [p.message for p in found.problems] == ["empty entry between 'Morocco' and 'Namibia'"]


NAMES = [
    "Antigua and Barbuda",
    "Bolivarian Republic of Venezuela",
    "Bosnia and Herzegovina",
    "Brazil",
    "Democratic Republic of the Congo",
    "France",
    "Malta",
    "New Zealand",
    "Nicaragua",
    "Republic of Korea",
    "Russian Federation",
    "Saint Vincent and the Grenadines",
    "Switzerland",
    "Trinidad and Tobago",
    "United Kingdom of Great Britain and Northern Ireland",
    "United States of America",
]
UNKNOWN = st.from_regex(r"Xq[a-z]{2,6}", fullmatch=True)


def _unknown(word: str) -> bool:
    try:
        ut.member(word)
    except UnknownMemberError:
        return True
    return False


@given(
    entries=st.lists(
        st.one_of(st.sampled_from(NAMES), UNKNOWN), min_size=1, max_size=8, unique=True
    ),
    joins=st.lists(st.sampled_from([", ", " and ", " "]), min_size=8, max_size=8),
)
def test_the_splitter_never_loses_a_name(entries: list[str], joins: list[str]) -> None:
    assume(all(entry in NAMES or _unknown(entry) for entry in entries))
    text = entries[0] + "".join(
        join + entry for join, entry in zip(joins, entries[1:], strict=False)
    )
    found = akn4un.parse_sponsors(text)
    # Every word of the input but the joining "and"s comes out, in a sponsor or unresolved.
    out = [w for piece in (*found.pieces, *found.unresolved) for w in piece.split()]
    inside = Counter(w for entry in entries for w in entry.split())
    assert Counter(out) == inside
    codes = set(_codes(found.sponsors))
    for entry in entries:
        if entry in NAMES:
            assert ut.member(entry).code in codes, (text, found)
        else:
            assert any(entry in piece.split() for piece in found.unresolved), (text, found)
    assert len(found.sponsors) == len(found.pieces)


# -- errors ------------------------------------------------------------------------------------


def test_missing_file(tmp_path: Path) -> None:
    missing = tmp_path / "S_RES_2720.xml"
    with pytest.raises(AknError, match=r"^.*S_RES_2720\.xml: no such file$"):
        akn4un.load(missing)


def test_a_directory_is_not_a_file(tmp_path: Path) -> None:
    with pytest.raises(AknError, match="is a directory, not an AKN4UN file"):
        akn4un.load(tmp_path)


def test_malformed_xml_names_line_and_column(tmp_path: Path) -> None:
    text = _document().replace("</workflow>", "</workflw>")
    file = tmp_path / "broken.xml"
    file.write_text(text, encoding="utf-8")
    line = next(i for i, row in enumerate(text.splitlines(), 1) if "</workflw>" in row)
    column = text.splitlines()[line - 1].index("workflw>") + 1  # expat points at the name
    with pytest.raises(AknError) as caught:
        akn4un.load(file)
    assert str(caught.value) == (
        f"{file}: not well-formed XML at line {line}, column {column}: mismatched tag"
    )


def test_doctype_is_refused_before_parsing(tmp_path: Path) -> None:
    laughs = (
        '<?xml version="1.0"?>\n<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n'
        ' <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">\n]>\n'
        "<akomaNtoso>&lol2;</akomaNtoso>\n"
    )
    file = tmp_path / "laughs.xml"
    file.write_text(laughs, encoding="utf-8")
    with pytest.raises(AknError) as caught:
        akn4un.load(file)
    assert str(caught.value) == (
        f"{file}: refused: a DOCTYPE declaration at line 2; AKN4UN documents have none, "
        "and entities are not expanded"
    )


def test_external_entity_is_refused() -> None:
    text = '<!ENTITY xxe SYSTEM "file:///etc/passwd">' + _document()
    with pytest.raises(AknError, match=r"^<string>: refused: an ENTITY declaration at line 1"):
        akn4un.loads(text)


def test_utf16_doctype_is_refused() -> None:
    text = '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE x SYSTEM "http://example.org/x">'
    with pytest.raises(AknError, match="refused: a DOCTYPE declaration"):
        akn4un.loads(text.encode("utf-16"), source="x.xml")


def test_not_akn4un_root() -> None:
    with pytest.raises(AknError) as caught:
        akn4un.loads("<html><body/></html>", source="page.xml")
    assert str(caught.value) == "page.xml: not an AKN4UN document: the root element is <html>"


def test_empty_akoma_ntoso() -> None:
    with pytest.raises(AknError, match=r"^e\.xml: not an AKN4UN document: <akomaNtoso> is empty$"):
        akn4un.loads("<akomaNtoso/>", source="e.xml")


def test_no_symbol() -> None:
    text = _document().replace('refersTo="#symbol"', 'refersTo="#other"')
    with pytest.raises(AknError) as caught:
        akn4un.loads(text, source="nosymbol.xml")
    assert str(caught.value) == (
        "nosymbol.xml: not an AKN4UN record: no <docNumber refersTo='#symbol'>"
    )


def test_not_a_resolution_draft_or_statement() -> None:
    with pytest.raises(AknError) as caught:
        akn4un.loads(_document(name="report"), source="report.xml")
    assert str(caught.value) == (
        "report.xml: not a Security Council resolution, draft or presidential statement: "
        "<statement name='report'>; expected name 'resolution', 'draftResolution', "
        "'presidentialStatement'"
    )


def test_no_date() -> None:
    text = _document().replace("2023-12-22", "0001-01-01")
    with pytest.raises(AknError) as caught:
        akn4un.loads(text, source="undated.xml")
    assert str(caught.value) == (
        "undated.xml: no date: the FRBR work date, the printed dates and the workflow give none "
        "but the placeholder 0001-01-01"
    )


def test_aknerror_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="no such file"):
        akn4un.load("no/such/file.xml")
