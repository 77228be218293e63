"""The vote record: the Vote model, the query, sources merged and their conflicts, coverage.

Named cases cite their record: the Aleppo drafts of 8 October 2016 (S/PV.7785, UN press release
SC/12545), resolution 2720 (2023) (S/PV.9520, the UN's AKN4UN file in tests/data/akn4un), the
Syria drafts vetoed since 2011 (data/vetoes.csv and the sources of each row).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

import unsc_tracker as ut
from unsc_tracker.errors import (
    BallotError,
    DateOutOfRecordError,
    NotOnCouncilError,
    RecordQueryError,
    SourceConflictError,
)
from unsc_tracker.record import (
    Conflict,
    Coverage,
    Modality,
    TextKind,
    Vote,
    Votes,
    compare,
    coverage,
    merge,
    read_akn4un,
    read_undl,
    votes,
)
from unsc_tracker.record.merging import shared_drafts

DATA = Path(__file__).parent / "data"
UNDL_SAMPLE = DATA / "undl" / "sc_voting_sample.csv"
AKN = DATA / "akn4un"
SC_12545 = "https://press.un.org/en/2016/sc12545.doc.htm"

S_2016_847 = {
    "China": "yes",
    "Russia": "yes",
    "Egypt": "yes",
    "Venezuela": "yes",
    "Angola": "abstain",
    "Uruguay": "abstain",
    "France": "no",
    "UK": "no",
    "US": "no",
    "Japan": "no",
    "Malaysia": "no",
    "New Zealand": "no",
    "Senegal": "no",
    "Spain": "no",
    "Ukraine": "no",
}


def draft_847(**changes: object) -> Vote:
    data: dict[str, object] = {
        "symbol": "S/2016/847",
        "kind": "draft",
        "draft": "S/2016/847",
        "date": "2016-10-08",
        "meeting": "S/PV.7785",
        "ballots": S_2016_847,
        "source": SC_12545,
    }
    data.update(changes)
    return Vote.model_validate(data)


# --- the model ----------------------------------------------------------------------------------


def test_s_2016_847_failed_though_three_permanent_members_voted_no() -> None:
    vote = draft_847()
    assert vote.counts == "4-9-2"
    assert vote.non_voting == 0
    assert vote.outcome is ut.Outcome.FAILED  # below nine: no veto (E1)
    assert vote.vetoed_by == ()
    assert vote.coverage is Coverage.BALLOTS
    assert vote.ballot_of("Egypt") is ut.Ballot.YES
    assert vote.source_of("ballots", "Egypt") == SC_12545


def test_the_recorded_outcome_is_kept_beside_the_computed_one() -> None:
    vote = draft_847(recorded_outcome="failed")
    assert vote.outcome_agrees is True
    assert draft_847(recorded_outcome="adopted").outcome_agrees is False


def test_counts_only_vote_keeps_the_recorded_vetoers() -> None:
    vote = Vote(
        symbol="S/2012/77",
        kind="draft",
        draft="S/2012/77",
        date=date(2012, 2, 4),
        yes=13,
        no=2,
        abstain=0,
        recorded_outcome="vetoed",
        recorded_vetoed_by=["China", "Russian Federation"],
        source="data/vetoes.csv",
    )
    assert vote.result is None
    assert vote.outcome is ut.Outcome.VETOED
    assert [state.code for state in vote.vetoed_by] == ["CHN", "RUS"]
    assert vote.coverage is Coverage.COUNTS
    assert repr(vote) == "Vote('S/2012/77', 2012-02-04, vetoed by CHN/RUS 13-2-0, counts)"


def test_symbols_are_brought_to_one_form() -> None:
    vote = Vote(
        symbol="S/RES/1310 (2000)",
        kind="resolution",
        resolution="S/RES/1310(2000)",
        date=date(2000, 7, 27),
        modality="without_vote",
        source="test",
    )
    assert vote.resolution == "S/RES/1310 (2000)"


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"symbol": "S/2016/846"}, "symbol 'S/2016/847' should be|symbol 'S/2016/846' should be"),
        ({"kind": "resolution"}, "needs the resolution's symbol"),
        ({"draft": "S/RES/2334 (2016)"}, "is not a draft's symbol"),
        ({"meeting": "S/PV7785"}, "is not a meeting record's symbol"),
        ({"yes": 5}, "the ballots give yes=4, the counts yes=5"),
        ({"modality": "acclamation"}, "adopted acclamation has no ballots"),
        ({"recorded_vetoed_by": ["Egypt"]}, "Egypt is named as vetoing but held no permanent"),
        ({"procedural": True, "recorded_outcome": "vetoed"}, "procedural vote cannot be vetoed"),
        ({"fact_sources": {"weather": "x"}}, "unknown fact 'weather'"),
        ({"ballot_sources": {"BRA": "x"}}, "ballot_sources names BRA, which has no ballot"),
    ],
)
def test_a_vote_that_contradicts_itself_is_refused(
    changes: dict[str, object], message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        draft_847(**changes)


def test_a_ballot_from_a_state_not_on_the_council_names_it_and_the_day() -> None:
    with pytest.raises(
        NotOnCouncilError, match="Brazil was not a member of the Security Council on 2016-10-08"
    ):
        draft_847(ballots={**S_2016_847, "Brazil": "yes"})


def test_a_member_named_twice_is_refused() -> None:
    with pytest.raises(ValueError, match="China has two ballots"):
        draft_847(ballots={**S_2016_847, "CHN": "no"})


def test_a_day_outside_the_record_is_refused() -> None:
    with pytest.raises(DateOutOfRecordError, match="1945-07-01"):
        Vote(symbol="(a vote)", kind="question", date=date(1945, 7, 1), source="x")


def test_a_label_for_a_vote_without_symbol_must_not_pass_for_one() -> None:
    with pytest.raises(ValueError, match="reads as a UN symbol"):
        Vote(symbol="S/2016/847", kind="draft", date=date(2016, 10, 8), source="x")


def test_to_record_feeds_the_rule_and_refuses_without_ballots() -> None:
    assert str(ut.tally(draft_847().to_record())) == "failed: 4 in favour, 9 required (4-9-2)"
    counts_only = votes().get("S/2012/77")
    assert counts_only is None or counts_only.ballots  # the record holds its ballots
    bare = Vote(symbol="(a vote)", kind="question", date=date(1946, 6, 26), source="x")
    with pytest.raises(BallotError, match="has no ballots on record"):
        bare.to_record()


# --- the query ----------------------------------------------------------------------------------


def test_syria_since_2011_the_18_vetoed_drafts_and_the_adopted_resolutions() -> None:
    syria = votes(since=date(2011, 1, 1), agenda="Syria")
    vetoed = syria.filter(outcome="vetoed")
    assert len(vetoed) == 18
    assert {vote.symbol for vote in vetoed} == {
        veto.draft_symbol for veto in ut.vetoes(since=date(2011, 1, 1), agenda="Syria")
    }
    for vote in vetoed:  # ballots where a source gives them, counts and a stated gap otherwise
        assert vote.ballots or (vote.counts and any("ballots" in note for note in vote.notes))
    resolutions = syria.filter(kind="resolution")
    assert {"S/RES/2118 (2013)", "S/RES/2254 (2015)", "S/RES/2401 (2018)"} <= {
        vote.symbol for vote in resolutions
    }
    assert all(vote.coverage is Coverage.BALLOTS for vote in resolutions)
    assert all(vote.outcome is ut.Outcome.ADOPTED for vote in resolutions)


def test_s_2016_846_vetoed_by_russia_with_every_ballot() -> None:
    vote = votes().get("S/2016/846")
    assert vote is not None
    assert vote.counts == "11-2-2"
    assert [state.code for state in vote.vetoed_by] == ["RUS"]
    assert vote.outcome_agrees is True
    assert vote.ballot_of("Venezuela") is ut.Ballot.NO
    assert vote.meeting == "S/PV.7785"


def test_filters_combine_and_keep_date_order() -> None:
    chosen = votes(since="2023-01-01", until="2023-12-31", member="Malta", outcome="vetoed")
    assert chosen
    assert all(vote.date.year == 2023 for vote in chosen)
    assert [vote.date for vote in chosen] == sorted(vote.date for vote in chosen)
    assert "S/2023/970" in chosen
    assert not votes(since="2016-01-01", until="2016-12-31", member="Malta")  # not on the Council


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: votes(since="2017-01-01", until="2016-01-01"), "since=2017-01-01 is after"),
        (lambda: votes(agenda="  "), "give a part of an agenda item"),
        (lambda: votes(outcome="withdrawn"), "outcome is one of 'adopted', 'vetoed', 'failed'"),
        (lambda: votes(kind="statement"), "kind is one of 'resolution'"),
    ],
)
def test_questions_the_record_cannot_answer(call: object, message: str) -> None:
    with pytest.raises(RecordQueryError, match=message):
        call()  # type: ignore[operator]


def test_the_bundled_record_is_read_once() -> None:
    assert ut.record.bundled() is ut.record.bundled()
    assert votes() == votes()


# --- sources merged ------------------------------------------------------------------------------


def test_undl_and_akn4un_give_equal_votes_for_resolution_2720() -> None:
    from_undl = {vote.symbol: vote for vote in read_undl(UNDL_SAMPLE)}["S/RES/2720 (2023)"]
    from_akn = {vote.symbol: vote for vote in read_akn4un(AKN).votes}["S/RES/2720 (2023)"]
    assert compare(from_undl, from_akn) == ()
    assert from_undl.ballots == from_akn.ballots
    for field in ("date", "meeting", "draft", "kind", "modality", "recorded_outcome", "counts"):
        assert getattr(from_undl, field) == getattr(from_akn, field)


def test_a_conflict_between_sources_is_reported_with_both_values_and_sources(
    tmp_path: Path,
) -> None:
    text = UNDL_SAMPLE.read_text(encoding="utf-8")
    rows = text.splitlines()
    changed = []
    for row in rows:
        if row.startswith("3,RUS,"):
            row = row.replace(",A,", ",Y,")
        if row.startswith("3,"):
            row = row.replace(",13,0,2,0,15,", ",14,0,1,0,15,")
        changed.append(row)
    undl = tmp_path / "undl.csv"
    undl.write_text("\n".join(changed) + "\n", encoding="utf-8")
    record = votes(sources=[AKN, undl])
    vote = record.get("S/RES/2720 (2023)")
    assert vote is not None
    [conflict] = record.conflicts
    assert conflict.fact == "ballot of RUS"
    assert (conflict.first, conflict.second) == ("abstain", "yes")
    assert conflict.first_source.endswith("S_RES_2720-2326054E.xml")
    assert str(undl) in conflict.second_source
    assert vote.ballot_of("Russia") is ut.Ballot.ABSTAIN  # the first source's, the conflict kept
    assert vote.conflicts == (conflict,)
    with pytest.raises(SourceConflictError, match="1 conflicts between the sources"):
        votes(sources=[AKN, undl], on_conflict="raise")


def test_merging_fills_what_the_first_source_lacks_with_its_own_source() -> None:
    counts_only = Vote(
        symbol="S/2016/847",
        kind="draft",
        draft="S/2016/847",
        date=date(2016, 10, 8),
        yes=4,
        no=9,
        abstain=2,
        recorded_outcome="failed",
        source="a list of outcomes",
    )
    merged = merge([("list", [counts_only]), ("press", [draft_847()])])
    [vote] = merged
    assert merged.conflicts == ()
    assert vote.ballots == draft_847().ballots
    assert vote.source == "a list of outcomes"
    assert vote.source_of("ballots") == SC_12545
    assert vote.source_of("meeting") == SC_12545
    assert vote.recorded_outcome is ut.Outcome.FAILED


def test_a_resolution_meets_the_draft_it_came_from() -> None:
    resolution = read_undl(UNDL_SAMPLE)[2]
    as_draft = Vote(
        symbol="S/2023/1029",
        kind="draft",
        draft="S/2023/1029",
        date=date(2023, 12, 21),
        source="a wrong date",
    )
    merged = merge([("undl", [resolution]), ("other", [as_draft])])
    assert len(merged) == 1
    assert {c.fact for c in merged.conflicts} == {"kind", "date"}


def test_two_resolutions_sharing_a_draft_stay_two_votes() -> None:
    first = read_undl(UNDL_SAMPLE)[2]
    second = first.model_copy(
        update={"symbol": "S/RES/2721 (2023)", "resolution": "S/RES/2721 (2023)"}
    )
    merged = merge([("a", [first]), ("b", [second])])
    assert len(merged) == 2
    [shared] = merged.conflicts
    assert shared.fact == "draft"
    assert shared.first == "S/2023/1029 (the draft of S/RES/2720 (2023))"
    assert merged.get("S/RES/2721 (2023)").conflicts == (shared,)  # type: ignore[union-attr]
    # Within one source they are two votes too, and shared_drafts names the pair.
    assert len(merge([("a", [first, second])])) == 2
    [(later, conflict)] = shared_drafts([first, second])
    assert later is second
    assert conflict == shared


def test_absent_not_voting_and_no_ballot_are_one_value_for_comparison() -> None:
    ballots = dict(S_2016_847)
    del ballots["Uruguay"]
    absent = draft_847(ballots={**ballots, "Uruguay": "absent"})
    missing = draft_847(ballots=ballots)
    not_voting = draft_847(ballots={**ballots, "Uruguay": "not_voting"})
    assert compare(absent, missing) == compare(absent, not_voting) == ()
    assert compare(draft_847(), missing)[0].fact == "ballot of URY"


def test_votes_is_a_sequence_with_its_conflicts() -> None:
    conflict = Conflict(
        symbol="S/2016/847", fact="date", first="a", first_source="x", second="b", second_source="y"
    )
    chosen = Votes([draft_847()], conflicts=[conflict], sources=["x"])
    assert chosen[0].symbol == "S/2016/847"
    assert isinstance(chosen[:1], Votes)
    assert chosen[:1].conflicts == (conflict,)
    assert "S/2016/847" in chosen
    assert chosen.get("S/2016/846") is None
    assert repr(chosen) == "Votes(1 vote, 2016-10-08 to 2016-10-08, 1 conflict)"
    assert repr(Votes()) == "Votes(none, no conflicts)"


# --- coverage -----------------------------------------------------------------------------------


def test_coverage_by_year_and_kind() -> None:
    table = coverage()
    row = table.row(2016, TextKind.DRAFT)
    assert (row.votes, row.ballots, row.counts, row.nothing) == (4, 4, 0, 0)
    early = table.row(1946, "draft")
    assert early.nothing == early.votes > 0  # the first vetoes: no counts seen
    no_vote = table.row(2006, "resolution").no_vote
    assert no_vote >= 1  # S/RES/1715 (2006), Ban Ki-moon appointed by acclamation
    totals = table.totals()
    assert totals is not None
    assert totals.votes == len(votes())
    assert totals.votes == totals.ballots + totals.counts + totals.nothing + totals.no_vote
    assert str(table).splitlines()[0].split() == [
        "year",
        "kind",
        "votes",
        "ballots",
        "counts",
        "nothing",
        "no",
        "vote",
    ]


def test_acclamation_is_no_gap() -> None:
    vote = votes().get("S/RES/1715 (2006)")
    assert vote is not None
    assert vote.modality is Modality.ACCLAMATION
    assert vote.coverage is Coverage.NO_VOTE
    assert str(vote).endswith("adopted by acclamation")


def test_query_arguments_that_cannot_be_answered_are_the_library_s_errors() -> None:
    with pytest.raises(
        ut.errors.RecordQueryError, match="on_conflict='Raise': 'report' or 'raise'"
    ):
        ut.votes(on_conflict="Raise")  # type: ignore[arg-type]
    with pytest.raises(ut.errors.RecordQueryError, match=r"sources=\[\]: name at least one"):
        ut.votes(sources=[])
    with pytest.raises(ut.errors.RecordQueryError, match="unknown fact 'ballot'"):
        ut.votes().get("S/2016/846").source_of("ballot")  # type: ignore[union-attr]


def test_the_record_s_span_may_be_given_by_year_or_month() -> None:
    assert [v.symbol for v in ut.votes(since="2016-10", until="2016-10")] == [
        v.symbol for v in ut.votes(since="2016-10-01", until="2016-10-31")
    ]
    assert len(ut.votes(since="2011", agenda="Syria")) == 55
