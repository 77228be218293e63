"""The bundled veto record (data/vetoes.csv), checked against an independent reading of the file."""

from __future__ import annotations

import csv
import io
from collections import Counter
from datetime import date
from importlib import resources

import pytest

import unsc_tracker as ut
from unsc_tracker import veto_table
from unsc_tracker.errors import DateOutOfRecordError, UnknownMemberError
from unsc_tracker.history import (
    Caveat,
    DocumentKind,
    VetoQueryError,
    check_vetoes,
    count_by_agenda,
    count_by_decade,
    count_by_member,
    count_by_year,
    vetoes,
)


def _raw_rows() -> list[dict[str, str]]:
    # Read the file with the csv module alone, so the counts below do not depend on the library.
    text = resources.files("unsc_tracker").joinpath("data/vetoes.csv").read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(text)))


# --- the record loads whole, each row with its source -------------------------------------------


def test_record_has_all_234_rows_each_with_a_source() -> None:
    records = vetoes()
    assert len(records) == len(_raw_rows()) == 234
    assert all(v.source and v.sources for v in records)
    assert [v.date for v in records] == sorted(v.date for v in records)
    assert records[0].date == date(1946, 2, 16)
    assert records[-1].date == date(2026, 4, 7)


def test_every_row_keeps_its_notes_in_full() -> None:
    by_line = {v.line: v for v in vetoes()}
    for line, raw in enumerate(_raw_rows(), start=2):
        assert by_line[line].notes == raw["notes"].strip()
        assert by_line[line].source == raw["source"].strip()


def test_veto_records_are_frozen() -> None:
    record = vetoes()[0]
    with pytest.raises(ValueError, match="frozen"):
        record.agenda = "changed"  # type: ignore[misc]


# --- the notes become structured caveats, and nothing is left over ------------------------------


def test_every_distinct_notes_string_is_classified_clause_by_clause() -> None:
    for notes in {raw["notes"] for raw in _raw_rows() if raw["notes"].strip()}:
        caveats, _ = veto_table._classify(notes)
        assert caveats, notes


def test_unknown_notes_clause_is_refused_with_the_clause_named() -> None:
    note = "symbol and meeting confirmed by the UN's AKN4UN record github:a/b 'x.xml'; moon in Leo"
    with pytest.raises(ValueError, match="notes clause 'moon in Leo' matches no known caveat"):
        veto_table._classify(note)


def test_meeting_record_rows_have_no_draft_symbol_and_keep_the_document() -> None:
    # The UN's list gives meeting records in its draft column for 23 early rows.
    raw_meeting_records = [r for r in _raw_rows() if r["draft_symbol"].startswith("S/PV.")]
    records = [v for v in vetoes() if v.document_kind is DocumentKind.MEETING_RECORD]
    assert len(records) == len(raw_meeting_records) == 23
    assert all(v.draft_symbol is None and v.document and v.meeting_record_as_draft for v in records)
    assert sum(v.meeting_record_as_draft for v in vetoes()) == 23


def test_s_pv_3038_typo_is_kept_with_its_probable_reading() -> None:
    (row,) = [v for v in vetoes() if v.document == "S/PV.3038"]
    assert row.meeting == "S/PV.303"
    assert Caveat.SOURCE_TYPO in row.caveats
    assert row.probable_document == "S/PV.303"


def test_preliminary_question_vetoes_of_1946_and_1947() -> None:
    # Double vetoes (PROCEDURE V8, E11): Spain 1946, Greek question 1947, Czechoslovakia 1948.
    found = [(v.date, v.agenda) for v in vetoes() if v.preliminary_question]
    assert found == [
        (date(1946, 6, 26), "Spain"),
        (date(1947, 9, 15), "Greek Civil War"),
        (date(1948, 5, 24), "Czechoslovakia"),
    ]


def test_amendment_vetoes_are_flagged_e12() -> None:
    amendments = vetoes(since="2023-01-01")
    amendments = tuple(v for v in amendments if v.amendment)
    assert [v.date for v in amendments] == [
        date(2023, 12, 22),
        date(2025, 2, 24),
        date(2025, 2, 24),
    ]
    first = amendments[0]
    assert first.vetoed_by == (ut.member("United States"),)
    assert first.draft_symbol is None
    assert first.document_kind is DocumentKind.NONE
    assert first.symbol_unverified
    assert (first.candidate_symbol, first.candidate_meeting) == ("S/2023/1029", "S/PV.9520")
    assert first.amendment_to == "UAE draft later adopted as resolution 2720 (2023)"
    assert (first.yes, first.no, first.abstain) == (None, 1, None)
    assert first.counts_not_seen == ("yes", "abstain")


def test_written_procedure_votes_of_2020_keep_their_documents() -> None:
    written = [v for v in vetoes() if v.written_procedure]
    assert [v.vote_documents for v in written] == [
        ("S/2020/661", "S/2020/657"),
        ("S/2020/693", "S/2020/681"),
        ("S/2020/870", "S/2020/865"),
    ]
    assert all(v.meeting is None for v in written)


def test_last_row_is_unverified_and_marks_the_end_of_coverage() -> None:
    # China and the Russian Federation on the Strait of Hormuz draft, 7 April 2026: 11-2-2 by
    # news agency reports (AP, ANTARA); no symbol or meeting number seen.
    last = vetoes()[-1]
    assert last.draft_symbol is None
    assert last.meeting is None
    assert [s.code for s in last.vetoed_by] == ["CHN", "RUS"]
    assert last.counts == "11-2-2"
    assert [s.code for s in last.recorded_abstaining] == ["PAK", "COL"]
    assert {Caveat.COVERAGE_END, Caveat.SYMBOL_NOT_SEEN, Caveat.MEETING_NOT_SEEN} <= set(
        last.caveats
    )
    assert not last.problems
    (gaza,) = vetoes(since="2025-09-18", until="2025-09-18")
    assert gaza.candidate_symbol == "S/2025/583"
    assert Caveat.COVERAGE_END not in gaza.caveats


def test_the_republic_of_china_veto_of_13_december_1955() -> None:
    # FRUS 1955-57 vol. XI docs. 219 and 229: the Republic of China vetoed Mongolia's admission in
    # the separate vote on it at the 703d meeting; the counts were not found.
    (mongolia,) = vetoes(by="Republic of China")
    assert mongolia.date == date(1955, 12, 13)
    assert mongolia.cast_as == ("Republic of China",)
    assert mongolia.meeting == "S/PV.703"
    assert mongolia.candidate_symbol == "S/3502"
    assert mongolia.separate_vote_on == "the admission of the Mongolian People's Republic"
    assert not mongolia.amendment
    assert mongolia.counts is None
    assert not mongolia.problems


def test_a_government_name_selects_its_tenure_of_the_seat() -> None:
    roc, prc, seat = (
        vetoes(by=name) for name in ("Republic of China", "People's Republic of China", "China")
    )
    assert [v.date for v in roc] == [date(1955, 12, 13)]
    assert all(v.date >= date(1971, 10, 25) for v in prc)
    assert len(seat) == len(roc) + len(prc) == 21
    assert {name for v in prc for name in v.cast_as} == {
        "People's Republic of China",
        "Russian Federation",
    }


def test_s_2001_270_is_dated_by_its_meeting_record() -> None:
    # S/PV.4305 is dated 27 March 2001 (UNISPAL copy); SC/7040 gives 9-1-4.
    (draft,) = [v for v in vetoes() if v.draft_symbol == "S/2001/270"]
    assert draft.date == date(2001, 3, 27)
    assert draft.date_in_source_list == date(2001, 4, 12)
    assert Caveat.DATE_CORRECTED in draft.caveats
    assert draft.counts == "9-1-4"
    assert not draft.problems


def test_a_query_says_where_the_record_is_known_to_be_incomplete() -> None:
    ussr = vetoes(by="USSR")
    assert [gap.since for gap in ussr.gaps] == [date(1955, 12, 13), date(2026, 4, 8)]
    assert "USSR" in ussr.gaps[0].what
    assert [gap.since for gap in vetoes(by="France").gaps] == [date(2026, 4, 8)]
    assert vetoes(by="France", until="2020-01-01").gaps == ()
    assert vetoes(since="1956-01-01", until="2020-01-01").gaps == ()
    # A gap on the admission of members is no gap in the record of the Syria vetoes.
    assert [gap.since for gap in vetoes(by="USSR", agenda="Syria").gaps] == [date(2026, 4, 8)]
    assert next(gap.since for gap in vetoes(agenda="admission").gaps) == date(1955, 12, 13)


def test_s_2016_846_vetoed_by_russia_with_its_rival_draft() -> None:
    # SC/12545, 7785th meeting: 11-2-2, against Russian Federation and Venezuela.
    (aleppo,) = [v for v in vetoes() if v.draft_symbol == "S/2016/846"]
    assert aleppo.vetoed_by == (ut.member("Russia"),)
    assert aleppo.counts == "11-2-2"
    assert aleppo.rival_draft == "S/2016/847"
    assert aleppo.authors == "French-Spanish"
    assert [s.code for s in aleppo.recorded_against] == ["RUS", "VEN"]
    assert [s.code for s in aleppo.recorded_abstaining] == ["AGO", "CHN"]


def test_akn4un_confirmed_rows_name_their_file() -> None:
    confirmed = [v for v in vetoes() if Caveat.AKN4UN_CONFIRMED in v.caveats]
    assert len(confirmed) == 13
    for record in confirmed:
        assert record.akn4un_record is not None
        assert record.akn4un_record.startswith("github:UNxml/SCresolutions/Not adopted/English/")


# --- the seat holder who cast it ----------------------------------------------------------------


def test_ussr_vetoes_before_24_december_1991_russian_after() -> None:
    for record in vetoes():
        codes = {s.code for s in record.vetoed_by}
        if "SUN" in codes:
            assert record.date < date(1991, 12, 24)
            assert "Union of Soviet Socialist Republics" in record.cast_as
        if "RUS" in codes:
            assert record.date >= date(1991, 12, 24)


def test_china_cast_as_names_the_government_of_the_day() -> None:
    # E14: the same CHN seat, Republic of China until 24 Oct 1971.
    china = ut.member("China")
    assert veto_table._cast_as(china, date(1955, 12, 13)) == "Republic of China"
    (_, bangladesh) = vetoes(by="China", until="1972-12-31")  # the seat as a whole
    assert bangladesh.date == date(1972, 8, 25)
    assert bangladesh.cast_as == ("People's Republic of China",)


def test_by_russia_follows_the_seat_and_predecessors_are_opt_in() -> None:
    russia = vetoes(by="Russia")
    with_ussr = vetoes(by="Russia", include_predecessors=True)
    ussr = vetoes(by="USSR")
    assert all(ut.member("Russia") in v.vetoed_by for v in russia)
    assert russia[0].date == date(1993, 5, 11)
    assert len(with_ussr) == len(russia) + len(ussr)
    assert {v.cast_as for v in with_ussr} >= {
        ("Union of Soviet Socialist Republics",),
        ("Russian Federation",),
    }
    # The USSR has no earlier holder, and its vetoes never include the Russian Federation's.
    assert vetoes(by="USSR", include_predecessors=True) == ussr


def test_syria_vetoes_of_the_russian_federation_since_2011() -> None:
    syria = vetoes(by="Russian Federation", since=date(2011, 1, 1), agenda="Syria")
    expected = [
        r
        for r in _raw_rows()
        if "Russian Federation" in r["vetoed_by"] and "syria" in r["agenda"].lower()
    ]
    assert len(syria) == len(expected) == 18
    assert syria[0].date == date(2011, 10, 4)
    assert syria[0].draft_symbol == "S/2011/612"
    assert syria[-1].date == date(2023, 7, 11)
    assert syria[-1].draft_symbol == "S/2023/506"


def test_since_and_until_are_inclusive_and_agenda_ignores_case() -> None:
    day = vetoes(since="2016-10-08", until=date(2016, 10, 8))
    assert [v.draft_symbol for v in day] == ["S/2016/846"]
    assert vetoes(agenda="ALEPPO") == vetoes(agenda="aleppo")


# --- counting -----------------------------------------------------------------------------------


def test_count_by_member_matches_an_independent_count() -> None:
    expected: Counter[str] = Counter()
    for raw in _raw_rows():
        for name in raw["vetoed_by"].split(";"):
            expected[ut.member(name.strip()).code] += 1
    counted = {state.code: n for state, n in count_by_member(vetoes()).items()}
    assert counted == dict(expected)
    assert counted == {"SUN": 90, "USA": 90, "RUS": 42, "GBR": 29, "CHN": 21, "FRA": 16}


def test_count_by_member_by_seat_merges_the_ussr_into_russia() -> None:
    counted = {s.code: n for s, n in count_by_member(vetoes(), by_seat=True).items()}
    assert counted["RUS"] == 132
    assert "SUN" not in counted


def test_joint_veto_counts_once_per_member_and_once_in_totals() -> None:
    # S/2011/612 (4 Oct 2011) was vetoed by China and the Russian Federation.
    joint = vetoes(since="2011-10-04", until="2011-10-04")
    assert {s.code: n for s, n in count_by_member(joint).items()} == {"CHN": 1, "RUS": 1}
    assert count_by_year(joint) == {2011: 1}


def test_count_by_year_and_decade_match_an_independent_count() -> None:
    years = Counter(int(raw["date"][:4]) for raw in _raw_rows())
    by_year = count_by_year(vetoes())
    assert {y: n for y, n in by_year.items() if n} == dict(years)
    assert list(by_year) == list(range(1946, 2027))
    by_decade = count_by_decade(vetoes())
    assert sum(by_decade.values()) == 234
    assert by_decade[1940] == sum(n for y, n in years.items() if y < 1950)


def test_count_by_agenda_is_ordered_by_count() -> None:
    counted = count_by_agenda(vetoes())
    assert sum(counted.values()) == 234
    assert list(counted.values()) == sorted(counted.values(), reverse=True)
    assert counted["Israel-Palestine"] == sum(
        1 for raw in _raw_rows() if raw["agenda"] == "Israel-Palestine"
    )


def test_counting_nothing_gives_empty_dicts() -> None:
    assert count_by_year(()) == count_by_decade(()) == count_by_agenda(()) == {}
    assert count_by_member(()) == {}


# --- consistency with Article 27 ----------------------------------------------------------------


def test_every_row_with_full_counts_is_a_veto_under_tally_or_flagged() -> None:
    full = [v for v in vetoes() if v.full_counts]
    assert len(full) == sum(1 for r in _raw_rows() if r["yes"] and r["no"] and r["abstain"]) == 49
    for record in full:
        if record.problems:
            assert record in check_vetoes()
            continue
        # An independent ballot set: vetoers no, other noes from elected members, then yes, abstain.
        seated = ut.council(on=record.date)
        assert record.yes is not None
        assert record.no is not None
        assert record.abstain is not None
        ballots = {s.code: "no" for s in record.vetoed_by}
        others = [s for s in seated.elected if s.code not in ballots]
        ballots |= {s.code: "no" for s in others[: record.no - len(ballots)]}
        rest = [s for s in seated.members if s.code not in ballots]
        ballots |= {s.code: "yes" for s in rest[: record.yes]}
        ballots |= {s.code: "abstain" for s in rest[record.yes : record.yes + record.abstain]}
        ballots |= {s.code: "absent" for s in rest[record.yes + record.abstain :]}
        result = ut.tally(ballots, on=record.date, procedural=False)
        assert result.outcome is ut.Outcome.VETOED, record
        assert set(result.vetoed_by) == set(record.vetoed_by), record
        assert result.counts == record.counts
    assert check_vetoes() == ()


def test_check_flags_counts_below_the_threshold_e1() -> None:
    # S/2016/847 style: 4 in favour, so a permanent "no" is no veto.
    russia = ut.member("Russia")
    problems = veto_table._count_problems(date(2016, 10, 8), (russia,), (4, 9, 2), (), ())
    assert problems == [
        "4 in favour is below the threshold of 9: a permanent member's 'no' would not have been "
        "a veto (E1)"
    ]


def test_check_flags_counts_larger_than_the_council() -> None:
    russia = ut.member("Russia")
    problems = veto_table._count_problems(date(2016, 10, 8), (russia,), (12, 2, 2), (), ())
    assert problems == ["16 votes recorded but the Council had 15 members"]


def test_check_flags_a_permanent_no_that_is_not_listed_as_a_veto() -> None:
    russia, france = ut.member("Russia"), ut.member("France")
    problems = veto_table._count_problems(date(2016, 10, 8), (russia,), (11, 2, 2), (france,), ())
    assert problems == [
        "a ballot set with these counts is vetoed by France and Russian Federation, "
        "not by Russian Federation"
    ]


def test_check_flags_a_vetoer_without_a_permanent_seat_that_day() -> None:
    problems = veto_table._holder_problems((ut.member("USSR"),), date(1993, 5, 11))
    assert problems == [
        "Union of Soviet Socialist Republics did not hold a permanent seat on 1993-05-11, "
        "so cannot have vetoed"
    ]


def test_check_flags_a_named_voter_not_on_the_council() -> None:
    russia, peru = ut.member("Russia"), ut.member("Peru")
    problems = veto_table._count_problems(date(2016, 10, 8), (russia,), (11, 2, 2), (peru,), ())
    assert problems == ["Peru is named as voting but was not on the Council that day"]


# --- errors a user can meet ---------------------------------------------------------------------


def test_by_a_state_that_never_held_a_permanent_seat() -> None:
    with pytest.raises(
        VetoQueryError,
        match="by='Egypt': only permanent members can veto, and Egypt has never held a permanent",
    ):
        vetoes(by="Egypt")


def test_by_an_unknown_name_raises_unknown_member() -> None:
    with pytest.raises(UnknownMemberError, match="unknown member state 'Narnia'"):
        vetoes(by="Narnia")


def test_since_after_until() -> None:
    with pytest.raises(
        VetoQueryError, match="since=2020-01-01 is after until=2019-12-31: no day is in that span"
    ):
        vetoes(since="2020-01-01", until=date(2019, 12, 31))


def test_malformed_date_names_the_argument() -> None:
    with pytest.raises(DateOutOfRecordError, match="until: '2020-13-01' is not a date"):
        vetoes(until="2020-13-01")


def test_blank_agenda() -> None:
    with pytest.raises(VetoQueryError, match="agenda='  ': give a part of an agenda item"):
        vetoes(agenda="  ")


def test_query_errors_are_value_errors_of_the_library() -> None:
    assert issubclass(VetoQueryError, ValueError)
    assert issubclass(VetoQueryError, ut.UnscTrackerError)


def test_a_span_may_be_given_by_year_or_month() -> None:
    assert vetoes(since="2011", until="2011") == vetoes(since="2011-01-01", until="2011-12-31")
    assert vetoes(since="2016-10", until="2016-10") == vetoes(agenda="Aleppo", until="2016-10-31")
    assert vetoes(until="2016-02") == vetoes(until="2016-02-29")
