"""Invariants of Article 27 that must hold for every vote on every day."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

import unsc_tracker as ut
from unsc_tracker import Ballot, Outcome
from unsc_tracker.council import FIRST_MEETING, RECORD_END

days = st.integers(0, (RECORD_END - FIRST_MEETING).days).map(
    lambda n: FIRST_MEETING + timedelta(days=n)
)


@st.composite
def votes(draw: st.DrawFn) -> tuple[date, dict[ut.MemberState, Ballot]]:
    day = draw(days)
    members = ut.council(on=day).members
    ballots = draw(
        st.lists(st.sampled_from(list(Ballot)), min_size=len(members), max_size=len(members))
    )
    return day, dict(zip(members, ballots, strict=True))


@given(votes(), st.randoms(use_true_random=False), st.booleans())
def test_ballot_order_does_not_matter(
    vote: tuple[date, dict[ut.MemberState, Ballot]], rnd: object, procedural: bool
) -> None:
    day, ballots = vote
    items = list(ballots.items())
    rnd.shuffle(items)  # type: ignore[attr-defined]
    assert ut.tally(dict(items), on=day, procedural=procedural) == ut.tally(
        ballots, on=day, procedural=procedural
    )


@given(votes(), st.booleans(), st.data())
def test_more_yes_never_hurts_an_adopted_draft(
    vote: tuple[date, dict[ut.MemberState, Ballot]], procedural: bool, data: st.DataObject
) -> None:
    day, ballots = vote
    before = ut.tally(ballots, on=day, procedural=procedural)
    movable = [
        m for m, b in ballots.items() if b in (Ballot.ABSTAIN, Ballot.ABSENT, Ballot.NOT_VOTING)
    ]
    if before.outcome is not Outcome.ADOPTED or not movable:
        return
    who = data.draw(st.sampled_from(movable))
    after = ut.tally({**ballots, who: Ballot.YES}, on=day, procedural=procedural)
    assert after.outcome is Outcome.ADOPTED


@given(votes())
def test_only_a_permanent_no_vetoes(vote: tuple[date, dict[ut.MemberState, Ballot]]) -> None:
    day, ballots = vote
    seated = ut.council(on=day)
    result = ut.tally(ballots, on=day)
    for state in result.vetoed_by:
        assert seated.is_permanent(state)
        assert ballots[state] is Ballot.NO
    if result.outcome is Outcome.VETOED:
        assert result.yes >= result.threshold
        assert result.vetoed_by
    else:
        assert result.vetoed_by == ()


@given(votes())
def test_elected_no_and_permanent_abstention_never_veto(
    vote: tuple[date, dict[ut.MemberState, Ballot]],
) -> None:
    day, ballots = vote
    seated = ut.council(on=day)
    softened = {
        m: (Ballot.ABSTAIN if b is Ballot.NO and seated.is_permanent(m) else b)
        for m, b in ballots.items()
    }
    assert ut.tally(softened, on=day).outcome is not Outcome.VETOED


@given(votes())
def test_procedural_votes_are_never_vetoed(vote: tuple[date, dict[ut.MemberState, Ballot]]) -> None:
    day, ballots = vote
    result = ut.tally(ballots, on=day, procedural=True)
    assert result.outcome is not Outcome.VETOED
    assert result.outcome is (Outcome.ADOPTED if result.yes >= result.threshold else Outcome.FAILED)


@settings(max_examples=200)
@given(votes(), st.booleans())
def test_counts_add_up_to_the_council(
    vote: tuple[date, dict[ut.MemberState, Ballot]], procedural: bool
) -> None:
    day, ballots = vote
    partial = dict(list(ballots.items())[: len(ballots) // 2])
    for given_ballots in (ballots, partial):
        result = ut.tally(given_ballots, on=day, procedural=procedural)
        assert result.size == ut.council(on=day).size
        assert (
            result.yes + result.no + result.abstain + result.absent + result.not_voting
            == result.size
        )
        assert len(result.ballots) == result.size
