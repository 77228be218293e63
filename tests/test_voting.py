"""Article 27 against the historical record (PROCEDURE.md V1-V10, E1-E4, E10, E13)."""

from __future__ import annotations

from datetime import date

import pytest

import unsc_tracker as ut
from unsc_tracker import Ballot, Outcome

COUNCIL_2016 = [
    "China", "France", "Russian Federation", "United Kingdom", "United States",
    "Angola", "Egypt", "Japan", "Malaysia", "New Zealand", "Senegal", "Spain", "Ukraine",
    "Uruguay", "Venezuela",
]  # fmt: skip


def ballots(yes: list[str] = (), no: list[str] = (), abstain: list[str] = (), **other: list[str]):  # type: ignore[assignment]
    out: dict[str, str] = {}
    for word, names in [("yes", yes), ("no", no), ("abstain", abstain), *other.items()]:
        out.update(dict.fromkeys(names, word))
    return out


# S/2016/846, 8 Oct 2016, S/PV.7785; SC/12545 (https://press.un.org/en/2016/sc12545.doc.htm) names
# the two "no" and two abstentions; the other eleven voted yes (PROCEDURE.md §3.1).
S_2016_846 = ballots(
    no=["Russian Federation", "Venezuela"],
    abstain=["Angola", "China"],
    yes=[
        m for m in COUNCIL_2016 if m not in {"Russian Federation", "Venezuela", "Angola", "China"}
    ],
)
# S/2016/847, same meeting, every member named by SC/12545.
S_2016_847 = ballots(
    yes=["China", "Egypt", "Russian Federation", "Venezuela"],
    abstain=["Angola", "Uruguay"],
    no=["France", "Japan", "Malaysia", "New Zealand", "Senegal", "Spain", "Ukraine",
        "United Kingdom", "United States"],
)  # fmt: skip


def test_s_2016_846_vetoed_by_russia_alone() -> None:
    result = ut.tally(S_2016_846, on=date(2016, 10, 8))
    assert result.outcome is Outcome.VETOED
    assert [m.code for m in result.vetoed_by] == ["RUS"]  # Venezuela's "no" is not a veto
    assert (result.yes, result.no, result.abstain, result.absent) == (11, 2, 2, 0)
    assert str(result) == "vetoed by Russian Federation (11-2-2)"
    assert result.warnings == ()


def test_s_2016_847_failed_without_veto() -> None:
    result = ut.tally(S_2016_847, on=date(2016, 10, 8))
    assert result.outcome is Outcome.FAILED
    assert result.vetoed_by == ()  # France, the UK and the US voted no: none of it a veto (E1)
    assert result.counts == "4-9-2"
    assert str(result) == "failed: 4 in favour, 9 required (4-9-2)"


def test_s_2014_916_us_no_below_threshold_is_no_veto() -> None:
    # S/2014/916, 30 Dec 2014: 8 yes, the US and Australia no, 5 abstentions (E1;
    # https://www.scprocedure.org/chapter-6-section-2). The record used here gives the counts
    # and the two "no" votes; which of the other members abstained does not change the outcome.
    others = [m.name for m in ut.council(on="2014-12-30").members if m.code not in {"USA", "AUS"}]
    result = ut.tally(ballots(no=["United States", "Australia"], yes=others[:8], abstain=others[8:]),
                      on=date(2014, 12, 30))  # fmt: skip
    assert result.outcome is Outcome.FAILED
    assert result.counts == "8-2-5"
    assert result.vetoed_by == ()


def test_resolution_82_1950_adopted_with_ussr_absent() -> None:
    # Res. 82 (1950), 25 Jun 1950: 9-0-1, USSR absent (V5, E2). Counts from the record; the
    # abstention is placed on an elected member, as it must be for the 9 yes to include four
    # permanent members.
    seated = ut.council(on="1950-06-25")
    assert seated.size == 11
    assert seated.threshold == 7
    present = [m.name for m in seated.members if m.code != "SUN"]
    result = ut.tally(ballots(yes=present[:9], abstain=present[9:], absent=["USSR"]),
                      on=date(1950, 6, 25))  # fmt: skip
    assert result.outcome is Outcome.ADOPTED
    assert (result.yes, result.no, result.abstain, result.absent) == (9, 0, 1, 1)
    assert result.vetoed_by == ()


def test_resolution_83_1950_adopted_with_exactly_seven() -> None:
    # Res. 83 (1950), 27 Jun 1950: 7-1-0; Egypt and India present and not voting, USSR absent
    # (E3; http://yellowlegs-and-others.com/Documents/U.N._Res-083_Jun_27_50.html). The draft was
    # adopted, so the one "no" was an elected member's: Yugoslavia, the only one left.
    result = ut.tally(
        ballots(
            yes=["China", "France", "United Kingdom", "United States", "Cuba", "Ecuador", "Norway"],
            no=["Yugoslavia"],
            not_voting=["Egypt", "India"],
            absent=["USSR"],
        ),
        on=date(1950, 6, 27),
    )
    assert result.outcome is Outcome.ADOPTED
    assert (result.yes, result.no, result.not_voting, result.absent) == (7, 1, 2, 1)
    assert result.threshold == 7


def test_one_short_of_seven_fails_in_1950() -> None:
    result = ut.tally(
        ballots(yes=["China", "France", "United Kingdom", "United States", "Cuba", "Ecuador"],
                no=["Yugoslavia"], not_voting=["Egypt", "India", "Norway"], absent=["USSR"]),
        on=date(1950, 6, 27),
    )  # fmt: skip
    assert result.outcome is Outcome.FAILED


def test_resolution_2334_2016_adopted_with_us_abstaining() -> None:
    # Res. 2334 (2016), 23 Dec 2016: 14-0-1, the US abstaining (E2; PROCEDURE.md D9).
    result = ut.tally(
        ballots(abstain=["United States"], yes=[m for m in COUNCIL_2016 if m != "United States"]),
        on=date(2016, 12, 23),
    )
    assert result.outcome is Outcome.ADOPTED
    assert str(result) == "adopted (14-0-1)"


def test_resolution_2504_2020_adopted_with_four_permanent_abstentions() -> None:
    # Res. 2504 (2020), 10 Jan 2020: France the only permanent member voting yes (V5).
    seated = ut.council(on="2020-01-10")
    four = ["China", "Russian Federation", "United Kingdom", "United States"]
    result = ut.tally(
        ballots(abstain=four, yes=["France", *[m.name for m in seated.elected]]), on="2020-01-10"
    )
    assert result.outcome is Outcome.ADOPTED
    assert result.counts == "11-0-4"
    assert result.warnings == ()


def test_all_five_permanent_abstaining_adopts_with_a_warning() -> None:
    # No precedent (E2): the default follows practice (abstention is no bar) and says so.
    seated = ut.council(on="2020-01-10")
    result = ut.tally(
        ballots(abstain=[m.name for m in seated.permanent], yes=[m.name for m in seated.elected]),
        on="2020-01-10",
    )
    assert result.outcome is Outcome.ADOPTED
    assert any("no permanent member voting yes" in w for w in result.warnings)


def test_resolution_2623_2022_procedural_adopted_over_russian_no() -> None:
    # Res. 2623 (2022), 27 Feb 2022: procedural, 11-1-3 with the Russian Federation against
    # (V2, E10; https://press.un.org/en/2022/sc14809.doc.htm). The three abstainers are placed on
    # members that do not change the outcome, whoever they were.
    seated = ut.council(on="2022-02-27")
    others = [m.name for m in seated.members if m.code != "RUS"]
    vote = ballots(no=["Russian Federation"], yes=others[:11], abstain=others[11:])
    procedural = ut.tally(vote, on=date(2022, 2, 27), procedural=True)
    assert procedural.outcome is Outcome.ADOPTED
    assert procedural.vetoed_by == ()
    assert str(procedural) == "adopted (procedural, 11-1-3)"
    substantive = ut.tally(vote, on=date(2022, 2, 27))
    assert substantive.outcome is Outcome.VETOED


def test_several_permanent_members_veto_together() -> None:
    # S/2016/1026, 5 Dec 2016 (S/PV.7825): 11-3-1, vetoed by the Russian Federation and China;
    # against China, the Russian Federation and Venezuela, Angola abstaining (UN News,
    # https://news.un.org/en/story/2016/12/547002-security-council-fails-adopt-resolution-calling-ceasefire-aleppo).
    vote = ballots(
        no=["Russian Federation", "China", "Venezuela"],
        abstain=["Angola"],
        yes=[
            m
            for m in COUNCIL_2016
            if m not in {"Russian Federation", "China", "Venezuela", "Angola"}
        ],
    )
    result = ut.tally(vote, on=date(2016, 12, 5))
    assert result.outcome is Outcome.VETOED
    assert [m.code for m in result.vetoed_by] == ["CHN", "RUS"]
    assert str(result) == "vetoed by China and Russian Federation (11-3-1)"


def test_1965_gap_uses_seven_and_warns() -> None:
    # E13: the amendment was in force from 31 Aug 1965, the Council had 11 members until year end.
    seated = ut.council(on="1965-10-01")
    assert seated.size == 11
    assert seated.threshold == 7
    vote = ballots(
        yes=[m.name for m in seated.members][:7], abstain=[m.name for m in seated.members][7:]
    )
    result = ut.tally(vote, on="1965-10-01")
    assert result.outcome is Outcome.ADOPTED
    assert any("E13" in w for w in result.warnings)
    assert ut.tally(vote, on="1965-10-01", threshold=9).outcome is Outcome.FAILED


def test_missing_members_count_as_absent_and_are_named() -> None:
    partial = {k: v for k, v in S_2016_846.items() if k not in {"Angola", "Japan"}}
    result = ut.tally(partial, on=date(2016, 10, 8))
    assert result.absent == 2
    assert result.size == 15
    assert result.warnings == ("no ballot given for Angola, Japan: counted as absent",)
    assert result.ballot_of("Japan") is Ballot.ABSENT


def test_typed_ballots_and_words_give_the_same_result() -> None:
    typed = {ut.member(name): Ballot(word) for name, word in S_2016_846.items()}
    assert ut.tally(typed, on=date(2016, 10, 8)) == ut.tally(S_2016_846, on=date(2016, 10, 8))


def test_names_in_any_form_are_accepted() -> None:
    vote = dict(S_2016_846)
    vote["RUSSIAN FEDERATION"] = vote.pop("Russian Federation")
    vote["روسيا"] = vote.pop("RUSSIAN FEDERATION")
    vote["Venezuela (Bolivarian Republic of)"] = vote.pop("Venezuela")
    assert ut.tally(vote, on=date(2016, 10, 8)).vetoed_by == (ut.member("Russia"),)


def test_vote_record_carries_date_and_flag() -> None:
    record = ut.VoteRecord(
        date=date(2016, 10, 8), ballots=S_2016_846, symbol="S/2016/846", meeting="S/PV.7785"
    )
    assert record.ballots["RUS"] is Ballot.NO
    assert str(ut.tally(record)) == "vetoed by Russian Federation (11-2-2)"


def test_chapter_vi_party_voting_warns() -> None:
    # V7: a warning, never a refusal or a recount.
    record = ut.VoteRecord(
        date=date(2016, 10, 8), ballots=S_2016_847, chapter="VI", dispute_parties=["Ukraine"]
    )
    result = ut.tally(record)
    assert result.outcome is Outcome.FAILED
    assert result.no == 9
    assert any("Ukraine is a party to the dispute" in w for w in result.warnings)


# Errors a user can meet


def test_error_state_not_on_council() -> None:
    with pytest.raises(
        ut.NotOnCouncilError,
        match=r"^Germany was not a member of the Security Council on 2016-10-08$",
    ):
        ut.tally({**S_2016_846, "Germany": "yes"}, on=date(2016, 10, 8))


def test_error_vote_record_voter_not_on_council() -> None:
    with pytest.raises(
        ut.NotOnCouncilError, match="Spain was not a member of the Security Council on 1990-05-01"
    ):
        ut.VoteRecord(date=date(1990, 5, 1), ballots={"Spain": "yes"})


def test_error_same_member_twice() -> None:
    vote = {**S_2016_846, "Russia": "yes"}
    with pytest.raises(
        ut.BallotError,
        match=r"Russian Federation has two ballots \('no' and 'yes'\); 'Russia' names",
    ):
        ut.tally(vote, on=date(2016, 10, 8))


def test_error_unknown_ballot_word() -> None:
    with pytest.raises(
        ut.BallotError,
        match=r"unknown ballot 'yess' for France; a ballot is one of: yes, no, abstain, absent, not_voting",
    ):
        ut.tally({**S_2016_846, "France": "yess"}, on=date(2016, 10, 8))


def test_error_unknown_member_in_ballots() -> None:
    with pytest.raises(
        ut.UnknownMemberError, match="unknown member state 'Frnace'; did you mean 'France'"
    ):
        ut.tally({"Frnace": "yes"}, on=date(2016, 10, 8))


def test_error_date_before_the_council() -> None:
    with pytest.raises(
        ut.DateOutOfRecordError,
        match="no Security Council on 1945-10-24: its first meeting was on 1946-01-17",
    ):
        ut.tally({}, on=date(1945, 10, 24))


def test_error_tally_without_date() -> None:
    with pytest.raises(TypeError, match="needs the date of the vote"):
        ut.tally(S_2016_846)


def test_error_record_with_date() -> None:
    record = ut.VoteRecord(date=date(2016, 10, 8), ballots=S_2016_846)
    with pytest.raises(TypeError, match="carries its own date"):
        ut.tally(record, on=date(2016, 10, 8))


def test_error_bad_date_string() -> None:
    with pytest.raises(
        ut.DateOutOfRecordError, match=r"on: '8 Oct' is not a date in the form YYYY-MM-DD"
    ):
        ut.tally(S_2016_846, on="8 Oct")
