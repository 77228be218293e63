"""Tests for forecast.py: expectations and exact probabilities, checked against tally()."""

from __future__ import annotations

import itertools
import math
import random
from collections.abc import Mapping
from datetime import date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from unsc_tracker.council import council
from unsc_tracker.errors import BallotError, NotOnCouncilError, UnknownMemberError
from unsc_tracker.forecast import Expectation, Probabilities, Stance, expect, probabilities
from unsc_tracker.members import MemberState, member
from unsc_tracker.voting import Ballot, Outcome, tally

VOTE_DAY = date(2016, 10, 8)
"""S/PV.7785, the vote on S/2016/846 and S/2016/847 (https://press.un.org/en/2016/sc12545.doc.htm)."""
NEGOTIATION_DAY = date(2016, 10, 5)
KOREA_DAY = date(1950, 6, 27)
"""The eleven-member Council (threshold 7) of resolution 83 (1950)."""
DAYS = (VOTE_DAY, KOREA_DAY)

RUSSIA = member("Russian Federation")
CHINA = member("China")
US = member("United States of America")

SUPPORTED_846 = ("France", "UK", "US", "Egypt", "Japan", "Malaysia", "New Zealand", "Senegal")
OPPOSED_847 = ("France", "UK", "US", "Japan", "Malaysia", "New Zealand", "Senegal", "Spain")
S_2016_846 = {
    "Russia": "oppose",
    "Venezuela": "oppose",
    "Angola": "abstain",
    "China": "abstain",
    **dict.fromkeys((*SUPPORTED_846, "Spain", "Ukraine", "Uruguay"), "support"),
}
S_2016_847 = {
    **dict.fromkeys(("China", "Egypt", "Russia", "Venezuela"), "support"),
    "Angola": "abstain",
    "Uruguay": "abstain",
    **dict.fromkeys((*OPPOSED_847, "Ukraine"), "oppose"),
}

BALLOT_OF = {Stance.SUPPORT: Ballot.YES, Stance.OPPOSE: Ballot.NO, Stance.ABSTAIN: Ballot.ABSTAIN}
CHOICES = (Ballot.YES, Ballot.NO, Ballot.ABSTAIN)


# --- the Aleppo case, October 2016 -------------------------------------------------------------


def test_s_2016_846_expected_veto_on_5_october() -> None:
    """France's expectation: with Russia opposed, putting the draft to a vote forces a veto."""
    positions = {"Russia": "oppose", "France": "support", "Spain": "support", "UK": "support"}
    e = expect({**positions, "US": "support"}, on=NEGOTIATION_DAY)
    assert e.outcome is Outcome.VETOED
    assert not e.certain
    assert e.vetoed_by == (RUSSIA,)
    assert (e.yes, e.needed, e.threshold, len(e.undecided)) == (4, 5, 9, 10)
    assert CHINA in e.undecided
    assert RUSSIA not in e.undecided
    # Any five of the ten undecided would bring the draft to nine votes: every one can swing it.
    assert e.swing == e.undecided
    assert str(e) == (
        "vetoed by Russian Federation (expected; 5 more votes needed among 10 undecided)"
    )


def test_s_2016_846_vetoed_by_russia() -> None:
    """The ballots of 8 Oct 2016, 11-2-2: Venezuela's no is not a veto, Russia's is."""
    e = expect(S_2016_846, on=VOTE_DAY)
    assert e.outcome is Outcome.VETOED
    assert e.certain
    assert e.vetoed_by == (RUSSIA,)
    assert (e.yes, e.needed, e.undecided, e.swing) == (11, 0, (), ())
    assert str(e) == "vetoed by Russian Federation (certain: 11 in favour reach the 9 needed)"
    ballots = {name: BALLOT_OF[Stance(word)] for name, word in S_2016_846.items()}
    assert tally(ballots, on=VOTE_DAY).vetoed_by == e.vetoed_by


def test_s_2016_847_failed_without_veto() -> None:
    """The Russian draft, 4-9-2: France, the UK and the US voted no, and none of it was a veto."""
    e = expect(S_2016_847, on=VOTE_DAY)
    assert e.outcome is Outcome.FAILED
    assert e.certain
    assert e.vetoed_by == ()
    assert (e.yes, e.needed) == (4, 5)
    assert str(e) == "failed (certain: 4 in favour and 0 undecided cannot reach the 9 needed)"


def test_s_2016_846_probability_of_veto_follows_russia() -> None:
    """With everyone else as on 8 Oct, the chance of a veto is the chance that Russia votes no."""
    known = {
        name: {BALLOT_OF[Stance(word)].value: 1.0}
        for name, word in S_2016_846.items()
        if name != "Russia"
    }
    p = probabilities({**known, "Russia": {"no": 0.7, "abstain": 0.2, "yes": 0.1}}, on=VOTE_DAY)
    assert p.vetoed == pytest.approx(0.7)
    assert p.adopted == pytest.approx(0.3)
    assert p.failed == 0.0
    assert dict(p.vetoed_by)[RUSSIA] == pytest.approx(0.7)
    assert str(p) == "adopted 30.0%, vetoed 70.0% (Russian Federation 70.0%), failed 0.0%"


# --- the rule, case by case --------------------------------------------------------------------


def _everyone(day: date, stance: str, **others: str) -> dict[str, str]:
    return {state.code: others.get(state.code, stance) for state in council(on=day).members}


def test_procedural_vote_has_no_veto() -> None:
    """As on resolution 2623 (2022): a permanent no on a procedural matter blocks nothing."""
    positions = _everyone(VOTE_DAY, "support", RUS="oppose", CHN="abstain")
    e = expect(positions, on=VOTE_DAY, procedural=True)
    assert (e.outcome, e.certain, e.vetoed_by) == (Outcome.ADOPTED, True, ())
    assert str(e) == "adopted (certain: 13 in favour, 9 needed, no veto left)"
    assert expect(positions, on=VOTE_DAY).outcome is Outcome.VETOED


def test_procedural_open_and_failed() -> None:
    e = expect({"Russia": "oppose", "France": "support"}, on=VOTE_DAY, procedural=True)
    assert (e.outcome, e.certain, e.needed) == (None, False, 8)
    assert len(e.swing) == 13
    lost = _everyone(VOTE_DAY, "oppose", FRA="support")
    assert expect(lost, on=VOTE_DAY, procedural=True).outcome is Outcome.FAILED


def test_permanent_abstention_never_vetoes() -> None:
    """Four permanent abstentions, as on resolution 2504 (2020): adopted."""
    positions = _everyone(VOTE_DAY, "support", RUS="abstain", CHN="abstain", USA="abstain")
    e = expect({**positions, "GBR": "abstain"}, on=VOTE_DAY)
    assert (e.outcome, e.certain, e.vetoed_by) == (Outcome.ADOPTED, True, ())


def test_threshold_reached_with_permanent_member_undecided_is_open() -> None:
    positions = _everyone(VOTE_DAY, "support")
    del positions["CHN"], positions["USA"]
    e = expect(positions, on=VOTE_DAY)
    assert (e.outcome, e.certain, e.needed) == (None, False, 0)
    assert e.swing == (CHINA, US)
    assert str(e) == (
        "open: 13 in favour reach the 9 needed, but China or United States of America "
        "could still veto; swing: China, United States of America"
    )


def test_threshold_reached_with_only_elected_members_undecided_is_adopted() -> None:
    positions = _everyone(VOTE_DAY, "support")
    del positions["AGO"], positions["EGY"]
    e = expect(positions, on=VOTE_DAY)
    assert (e.outcome, e.certain, e.swing) == (Outcome.ADOPTED, True, ())
    assert len(e.undecided) == 2


def test_open_vote_names_swing_members() -> None:
    positions = _everyone(VOTE_DAY, "abstain")
    for code in ("FRA", "GBR", "USA", "ESP", "NZL", "JPN", "UKR"):
        positions[code] = "support"
    positions["AGO"] = "undecided"
    del positions["EGY"], positions["SEN"]
    e = expect(positions, on=VOTE_DAY)
    assert (e.outcome, e.needed) == (None, 2)
    assert str(e) == "open: 2 more votes needed among 3 undecided; swing: Angola, Egypt, Senegal"
    positions["SEN"] = "support"
    assert str(expect(positions, on=VOTE_DAY)).startswith("open: 1 more vote needed among 2 ")


def test_eleven_member_council_needs_seven() -> None:
    """Resolution 83 (1950) was adopted 7-1-0 with the USSR absent (PROCEDURE.md V5)."""
    positions = dict.fromkeys(("China", "France", "UK", "US", "Cuba", "Ecuador"), "support")
    positions |= {"Norway": "support", "Yugoslavia": "oppose", "Egypt": "abstain"}
    e = expect({**positions, "India": "abstain", "USSR": "abstain"}, on=KOREA_DAY)
    assert (e.outcome, e.certain, e.threshold, e.yes) == (Outcome.ADOPTED, True, 7, 7)
    assert str(expect({}, on=KOREA_DAY)) == (
        "open: 7 more votes needed among 11 undecided; swing: China, France, "
        "Union of Soviet Socialist Republics, United Kingdom of Great Britain and Northern "
        "Ireland, United States of America, Cuba, Ecuador, Egypt, India, Norway, Yugoslavia"
    )


def test_accepts_member_states_stances_and_date_forms() -> None:
    by_state = {member(name): Stance(word) for name, word in S_2016_846.items()}
    assert expect(by_state, on=VOTE_DAY) == expect(S_2016_846, on=VOTE_DAY)
    assert expect(by_state, on="2016-10-08") == expect(by_state, on=datetime(2016, 10, 8, 15))
    assert expect({"RUS": " OPPOSE "}, on=VOTE_DAY).vetoed_by == (RUSSIA,)


# --- errors ------------------------------------------------------------------------------------


def test_unknown_stance_names_word_member_and_allowed_words() -> None:
    with pytest.raises(BallotError) as caught:
        expect({"China": "maybe"}, on=VOTE_DAY)
    assert str(caught.value) == (
        "unknown stance 'maybe' for China; a stance is one of: support, oppose, abstain, undecided"
    )
    assert isinstance(caught.value, ValueError)


def test_state_not_on_council_is_named_with_date() -> None:
    with pytest.raises(NotOnCouncilError) as caught:
        expect({"Germany": "support"}, on=VOTE_DAY)
    assert str(caught.value) == "Germany was not a member of the Security Council on 2016-10-08"
    with pytest.raises(
        NotOnCouncilError, match=r"Russian Federation was not a member .* 1950-06-27"
    ):
        probabilities({"Russia": {"yes": 1.0}}, on=KOREA_DAY)


def test_unknown_state_is_an_unknown_member() -> None:
    with pytest.raises(UnknownMemberError, match="'Atlantis'"):
        expect({"Atlantis": "support"}, on=VOTE_DAY)


def test_same_member_twice_is_an_error() -> None:
    with pytest.raises(BallotError) as caught:
        expect({"Russia": "oppose", "RUS": "support"}, on=VOTE_DAY)
    assert str(caught.value) == (
        "Russian Federation has two positions; 'RUS' names the same member as an earlier entry"
    )


def test_member_key_of_wrong_type() -> None:
    with pytest.raises(TypeError, match="not int"):
        expect({42: "support"}, on=VOTE_DAY)  # type: ignore[arg-type]


def _certain(day: date, ballot: str = "yes") -> dict[str, dict[str, float]]:
    return {state.code: {ballot: 1.0} for state in council(on=day).members}


@pytest.mark.parametrize(
    ("distribution", "message"),
    [
        ({"yes": 0.5, "no": 0.4}, "the ballot probabilities for Angola sum to 0.9, not 1"),
        (
            {"yes": 1.5, "no": -0.5},
            "the probability of 'no' for Angola must be a number >= 0, got -0.5",
        ),
        (
            {"yes": math.nan, "no": 1.0},
            "the probability of 'yes' for Angola must be a number >= 0, got nan",
        ),
        ({"yes": math.inf}, "the probability of 'yes' for Angola is infinite"),
        ({"yes": True}, "the probability of 'yes' for Angola must be a number >= 0, got True"),
        ({"maybe": 1.0}, "unknown ballot 'maybe' for Angola; a ballot is one of: yes, no, abstain"),
        (
            {"not voting": 0.5, "not_voting": 0.5},
            "Angola has two probabilities for the ballot 'not_voting'",
        ),
        ([("yes", 1.0)], "the distribution for Angola must map ballots to probabilities, not list"),
    ],
)
def test_bad_distribution_names_member_and_value(distribution: object, message: str) -> None:
    distributions: dict[str, object] = dict(_certain(VOTE_DAY))
    distributions["AGO"] = distribution
    with pytest.raises(BallotError) as caught:
        probabilities(distributions, on=VOTE_DAY)  # type: ignore[arg-type]
    assert str(caught.value).startswith(message)


def test_missing_members_are_named_not_assumed_absent() -> None:
    distributions = _certain(VOTE_DAY)
    del distributions["CHN"], distributions["AGO"]
    with pytest.raises(BallotError) as caught:
        probabilities(distributions, on=VOTE_DAY)
    assert str(caught.value) == (
        "no ballot probabilities for China and Angola, on the Council on 2016-10-08; "
        "give {'absent': 1.0} for a member sure to be absent"
    )


def test_same_member_twice_in_distributions() -> None:
    with pytest.raises(BallotError, match="China has two distributions; 'CHN' names the same"):
        probabilities({"China": {"yes": 1.0}, "CHN": {"yes": 1.0}}, on=VOTE_DAY)


def test_sums_within_tolerance_are_accepted_and_normalised() -> None:
    distributions = {**_certain(VOTE_DAY), "AGO": {"yes": 0.5, "no": 0.5 + 5e-10}}
    p = probabilities(distributions, on=VOTE_DAY)
    assert p.adopted + p.vetoed + p.failed == pytest.approx(1.0, abs=1e-12)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"outcome": "adopted"}, "vetoed_by names Russian Federation but outcome is"),
        ({"vetoed_by": ()}, "outcome 'vetoed' needs vetoed_by"),
        ({"outcome": None, "vetoed_by": ()}, "certain=True needs an outcome"),
        ({"needed": 3}, "needed is 3, but yes=11 and threshold=9 leave 0"),
        ({"swing": ({"code": "ESP", "name": "Spain"},)}, "swing names Spain, who are not among"),
        (
            {"yes": -1},
            "Expectation: field yes: Input should be greater than or equal to 0 (value -1)",
        ),
    ],
)
def test_expectation_validation_messages(change: dict[str, object], message: str) -> None:
    fields = expect(S_2016_846, on=VOTE_DAY).model_dump()
    fields.update(change)
    with pytest.raises(BallotError) as caught:
        Expectation.model_validate(fields)
    assert message in str(caught.value)


def test_probabilities_validation_messages() -> None:
    with pytest.raises(BallotError, match=r"adopted \+ vetoed \+ failed must be 1, got 0.9"):
        Probabilities(adopted=0.5, vetoed=0.2, failed=0.2)
    with pytest.raises(BallotError, match=r"vetoed_by: China has 0\.3, which must lie between"):
        Probabilities(adopted=0.6, vetoed=0.2, failed=0.2, vetoed_by=((CHINA, 0.3),))
    with pytest.raises(
        BallotError, match=r"field failed: Input should be less than or equal to 1 \(value 1\.5\)"
    ):
        Probabilities(adopted=-0.5, vetoed=0.0, failed=1.5)


# --- brute force oracles: every completion through tally() -------------------------------------


def _completions(
    fixed: Mapping[MemberState, Ballot], open_: list[MemberState], day: date, procedural: bool
) -> dict[tuple[Ballot, ...], tuple[Outcome, tuple[MemberState, ...]]]:
    found = {}
    for combo in itertools.product(CHOICES, repeat=len(open_)):
        result = tally(
            {**fixed, **dict(zip(open_, combo, strict=True))}, on=day, procedural=procedural
        )
        found[combo] = (result.outcome, result.vetoed_by)
    return found


def _brute_swing(
    completions: Mapping[tuple[Ballot, ...], tuple[Outcome, tuple[MemberState, ...]]], n: int
) -> set[int]:
    swing = set()
    for i in range(n):
        by_others: dict[tuple[Ballot, ...], set[Outcome]] = {}
        for combo, (outcome, _) in completions.items():
            by_others.setdefault(combo[:i] + combo[i + 1 :], set()).add(outcome)
        if any(len(outcomes) > 1 for outcomes in by_others.values()):
            swing.add(i)
    return swing


@st.composite
def stance_maps(draw: st.DrawFn, max_undecided: int = 6) -> tuple[date, dict[MemberState, Stance]]:
    day = draw(st.sampled_from(DAYS))
    members = council(on=day).members
    support_weight = draw(st.sampled_from([1, 2, 4, 8]))
    words = [Stance.SUPPORT] * support_weight + [Stance.OPPOSE, Stance.ABSTAIN, Stance.UNDECIDED]
    stances = draw(
        st.lists(st.sampled_from(words), min_size=len(members), max_size=len(members)).filter(
            lambda chosen: chosen.count(Stance.UNDECIDED) <= max_undecided
        )
    )
    # An undecided member may be marked so or left out: both mean the same.
    leave_out = draw(st.lists(st.booleans(), min_size=len(members), max_size=len(members)))
    return day, {
        state: stance
        for state, stance, gone in zip(members, stances, leave_out, strict=True)
        if not (gone and stance is Stance.UNDECIDED)
    }


@settings(max_examples=300, deadline=None)
@given(case=stance_maps(), procedural=st.booleans())
def test_expect_agrees_with_every_completion_through_tally(
    case: tuple[date, dict[MemberState, Stance]], procedural: bool
) -> None:
    day, stances = case
    e = expect(stances, on=day, procedural=procedural)
    members = council(on=day).members
    fixed = {s: BALLOT_OF[w] for s, w in stances.items() if w is not Stance.UNDECIDED}
    open_ = [state for state in members if state not in fixed]
    completions = _completions(fixed, open_, day, procedural)
    reachable = {outcome for outcome, _ in completions.values()}
    assert e.undecided == tuple(open_)
    assert e.yes == sum(w is Stance.SUPPORT for w in stances.values())
    assert e.needed == max(0, e.threshold - e.yes)
    assert e.threshold == council(on=day).threshold
    assert e.certain == (len(reachable) == 1)
    if e.certain:
        assert reachable == {e.outcome}
    elif e.outcome is None:
        # Open means adoption is still one of the outcomes the undecided can bring about.
        assert Outcome.ADOPTED in reachable
    else:
        # The one uncertain expectation: a known permanent no makes the vote a veto or a failure.
        assert e.outcome is Outcome.VETOED
        assert reachable == {Outcome.VETOED, Outcome.FAILED}
    if e.outcome is Outcome.VETOED:
        all_yes = completions[(Ballot.YES,) * len(open_)]
        assert all_yes == (Outcome.VETOED, e.vetoed_by)
    else:
        assert e.vetoed_by == ()
    assert e.swing == tuple(open_[i] for i in sorted(_brute_swing(completions, len(open_))))
    assert Expectation.model_validate(e.model_dump()) == e


@settings(max_examples=100, deadline=None)
@given(day=st.sampled_from(DAYS), data=st.data(), procedural=st.booleans())
def test_expect_with_nobody_undecided_is_the_tally(
    day: date, data: st.DataObject, procedural: bool
) -> None:
    members = council(on=day).members
    words = [Stance.SUPPORT, Stance.SUPPORT, Stance.OPPOSE, Stance.ABSTAIN]
    stances = {state: data.draw(st.sampled_from(words)) for state in members}
    e = expect(stances, on=day, procedural=procedural)
    result = tally({s: BALLOT_OF[w] for s, w in stances.items()}, on=day, procedural=procedural)
    assert (e.outcome, e.vetoed_by, e.yes, e.certain, e.swing) == (
        result.outcome,
        result.vetoed_by,
        result.yes,
        True,
        (),
    )


@settings(max_examples=100, deadline=None)
@given(case=stance_maps(max_undecided=15), procedural=st.booleans())
def test_certain_expectations_have_probability_one(
    case: tuple[date, dict[MemberState, Stance]], procedural: bool
) -> None:
    """Undecided members voting yes, no or abstain at random: a certain outcome stays certain."""
    day, stances = case
    e = expect(stances, on=day, procedural=procedural)
    uniform = {"yes": 1 / 3, "no": 1 / 3, "abstain": 1 / 3}
    distributions = {
        state: {BALLOT_OF[stance].value: 1.0} if stance in BALLOT_OF else uniform
        for state, stance in stances.items()
    } | dict.fromkeys(e.undecided, uniform)
    p = probabilities(distributions, on=day, procedural=procedural)
    chance = {Outcome.ADOPTED: p.adopted, Outcome.VETOED: p.vetoed, Outcome.FAILED: p.failed}
    if e.certain:
        assert e.outcome is not None
        assert chance[e.outcome] == pytest.approx(1.0, abs=1e-9)
    else:
        assert max(chance.values()) < 1.0 - 1e-9
    if e.outcome is None:
        assert p.adopted > 0.0


def _brute_probabilities(
    distributions: Mapping[MemberState, Mapping[Ballot, float]], day: date, procedural: bool
) -> tuple[dict[Outcome, float], dict[MemberState, float]]:
    states = list(distributions)
    options = [[(b, p) for b, p in distributions[s].items() if p > 0.0] for s in states]
    outcomes = dict.fromkeys(Outcome, 0.0)
    vetoers: dict[MemberState, float] = {}
    for combo in itertools.product(*options):
        weight = math.prod(p for _, p in combo)
        ballots = {state: ballot for state, (ballot, _) in zip(states, combo, strict=True)}
        result = tally(ballots, on=day, procedural=procedural)
        outcomes[result.outcome] += weight
        for state in result.vetoed_by:
            vetoers[state] = vetoers.get(state, 0.0) + weight
    return outcomes, vetoers


@st.composite
def distribution_maps(draw: st.DrawFn) -> tuple[date, dict[MemberState, dict[Ballot, float]]]:
    day = draw(st.sampled_from(DAYS))
    members = council(on=day).members
    yes_weight = draw(st.sampled_from([1, 3, 8]))
    sure = st.sampled_from([Ballot.YES] * yes_weight + list(Ballot)[1:])
    chosen: dict[MemberState, dict[Ballot, float]] = {state: {draw(sure): 1.0} for state in members}
    uncertain = draw(st.lists(st.sampled_from(members), min_size=1, max_size=3, unique=True))
    for state in uncertain:
        weights = draw(
            st.lists(st.integers(0, 6), min_size=5, max_size=5).filter(lambda w: sum(w) > 0)
        )
        chosen[state] = {
            ballot: w / sum(weights) for ballot, w in zip(Ballot, weights, strict=True) if w
        }
    return day, chosen


def _assert_matches_brute_force(
    distributions: Mapping[MemberState, Mapping[Ballot, float]], day: date, procedural: bool
) -> Probabilities:
    p = probabilities(distributions, on=day, procedural=procedural)
    outcomes, vetoers = _brute_probabilities(distributions, day, procedural)
    assert p.adopted == pytest.approx(outcomes[Outcome.ADOPTED], abs=1e-9)
    assert p.vetoed == pytest.approx(outcomes[Outcome.VETOED], abs=1e-9)
    assert p.failed == pytest.approx(outcomes[Outcome.FAILED], abs=1e-9)
    assert [state for state, _ in p.vetoed_by] == list(council(on=day).permanent)
    for state, chance in p.vetoed_by:
        assert chance == pytest.approx(vetoers.get(state, 0.0), abs=1e-9)
    return p


@settings(max_examples=300, deadline=None)
@given(case=distribution_maps(), procedural=st.booleans())
def test_probabilities_agree_with_every_combination_through_tally(
    case: tuple[date, dict[MemberState, dict[Ballot, float]]], procedural: bool
) -> None:
    day, distributions = case
    p = _assert_matches_brute_force(distributions, day, procedural)
    assert p.adopted + p.vetoed + p.failed == pytest.approx(1.0, abs=1e-9)
    assert sum(chance for _, chance in p.vetoed_by) >= p.vetoed - 1e-12
    if procedural:
        assert p.vetoed == 0.0
        assert all(chance == 0.0 for _, chance in p.vetoed_by)
    assert Probabilities.model_validate(p.model_dump()) == p


@pytest.mark.parametrize("day", DAYS)
def test_probabilities_with_every_member_uncertain(day: date) -> None:
    """All members torn between yes and another ballot: 2**15 combinations through tally()."""
    rng = random.Random(day.toordinal())
    distributions = {}
    for state in council(on=day).members:
        other = Ballot.NO if state.code in ("RUS", "SUN", "CHN") else rng.choice(list(Ballot)[1:])
        share = rng.uniform(0.3, 0.9)
        distributions[state] = {Ballot.YES: share, other: 1.0 - share}
    p = _assert_matches_brute_force(distributions, day, procedural=False)
    assert min(p.adopted, p.vetoed, p.failed) > 0.0


def test_several_members_vetoing_together() -> None:
    """The 5 Dec 2016 Aleppo truce draft was vetoed by Russia and China together (11-3-1)."""
    distributions = _certain(VOTE_DAY)
    distributions |= {"RUS": {"no": 1.0}, "CHN": {"no": 0.5, "yes": 0.5}, "VEN": {"no": 1.0}}
    p = probabilities(distributions, on=VOTE_DAY)
    assert (p.vetoed, dict(p.vetoed_by)[RUSSIA], dict(p.vetoed_by)[CHINA]) == (1.0, 1.0, 0.5)
    assert str(p) == (
        "adopted 0.0%, vetoed 100.0% (China 50.0%, Russian Federation 100.0%), failed 0.0%"
    )
