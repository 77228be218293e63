"""Five real cases replayed from their sources (tests/data/scenarios, each event with its source):
Ukraine, February 2022; the DPRK, May 2022; Iraq, March 2003; Israeli settlements, December 2016;
and a vote of 31 May 1990, nine days after Yemen took Democratic Yemen's seat."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from unsc_tracker.errors import IllegalEventError, NotOnCouncilError
from unsc_tracker.lifecycle import Stage
from unsc_tracker.replay import Replay
from unsc_tracker.scenarios import Scenario, ScenarioDraft, load_scenario
from unsc_tracker.voting import Outcome

CASES = Path(__file__).parent / "data" / "scenarios"


def case(name: str) -> Scenario:
    return load_scenario(CASES / f"{name}.toml")


def only(scenario: Scenario, *, infer: bool = False) -> Replay:
    (draft,) = scenario.drafts
    return scenario.replay(draft.id, infer=infer)


@pytest.mark.parametrize("path", sorted(CASES.glob("*.toml")), ids=lambda p: p.stem)
def test_every_event_has_a_source(path: Path) -> None:
    scenario = load_scenario(path)
    assert scenario.sources
    assert scenario.notice
    for draft in scenario.drafts:
        for number, event in enumerate(draft.events, 1):
            assert event.source, f"{path.name}: {draft.id} event {number} has no source"


def test_s_2022_155_vetoed_by_russia() -> None:
    # The UN's coverage of the 8979th meeting: 11-1-3, China, India and the UAE abstaining.
    replay = only(case("ukraine-2022-02"))
    # The draft has its S/ symbol and its record begins at the meeting: it starts in blue.
    assert replay.start is Stage.IN_BLUE
    final = replay.final
    assert final.stage is Stage.VETOED
    assert final.result is not None
    assert final.result.counts == "11-1-3"
    assert [s.name for s in final.result.vetoed_by] == ["Russian Federation"]
    # Vetoed before A/RES/76/262 (26 April 2022): no General Assembly debate is due.
    assert all(s.ga_debate_due_by is None for s in replay)


def test_s_2022_431_vetoed_and_debated_by_the_general_assembly() -> None:
    # SC/14911: 13-2, vetoed by China and the Russian Federation; GA/12423: debated on 8 June.
    replay = only(case("dprk-2022-05"))
    vote, debate = replay[1], replay.final
    assert vote.result is not None
    assert vote.result.counts == "13-2-0"
    assert {s.name for s in vote.result.vetoed_by} == {"China", "Russian Federation"}
    # Ten working days from Thursday 26 May 2022; the record has no list of the UN's holidays
    # for 2022, and the warning says so.
    assert vote.ga_debate_due_by == date(2022, 6, 9)
    assert any("for 2022 not in the record" in w for w in vote.warnings)
    assert debate.event.kind == "ga_debate_held"
    assert debate.stage is Stage.VETOED
    assert debate.ga_debate_due_by is None
    assert debate.warnings == ()  # held on 8 June, before the day it was due


def test_iraq_draft_opposed_by_france_then_not_put_to_a_vote() -> None:
    # France said on 10 March 2003 it would vote no whatever the circumstances; on 17 March the
    # sponsors said they would not seek a vote. A draft never voted on has no vetoer.
    replay = only(case("iraq-2003-03"))
    opposed = replay.as_of(date(2003, 3, 10))
    assert opposed is not None
    assert opposed.expected.outcome is Outcome.VETOED
    assert [s.name for s in opposed.expected.vetoed_by] == ["France"]
    final = replay.final
    assert final.stage is Stage.NOT_PUT_TO_VOTE
    assert final.outcome is None
    assert final.expected.vetoed_by == ()
    assert str(final.expected) == "not put to a vote"
    assert replay.as_of(date(2003, 2, 23)) is None  # before the record begins


def test_resolution_2334_postponed_withdrawn_and_put_to_the_vote_by_four_members() -> None:
    # The UN's AKN4UN record of resolution 2334 (2016): draft S/2016/1100 of Malaysia, New
    # Zealand, Senegal and Venezuela, adopted 14-0-1 at the 7853rd meeting, the US abstaining.
    replay = only(case("settlements-2016-12"))
    assert [s.stage for s in replay] == [
        Stage.IN_BLUE,
        Stage.SCHEDULED,
        Stage.IN_BLUE,  # postponed: no longer scheduled
        Stage.WITHDRAWN,
        Stage.WITHDRAWN,  # the four members' note: a statement, allowed after a withdrawal
        Stage.SCHEDULED,  # revived under a new symbol
        Stage.SCHEDULED,
        Stage.ADOPTED,
        Stage.ADOPTED,
    ]
    withdrawn = replay[3]
    assert withdrawn.expected.closed == "withdrawn"
    assert withdrawn.outcome is None
    revived = replay[5]
    assert revived.symbol == "S/2016/1100"
    assert revived.warnings == ()  # all four sat on the Council in 2016
    assert {"Malaysia", "New Zealand", "Senegal"} <= {s.member for s in revived.sponsors}
    vote = replay[-2]
    assert vote.event.summary == "vote held at S/PV.7853"
    assert vote.symbol == "S/2016/1100"
    assert vote.result is not None
    assert vote.result.outcome is Outcome.ADOPTED
    assert vote.result.counts == "14-0-1"
    assert replay.final.result is vote.result  # the explanation of vote after it


def test_s_21326_needs_its_missing_steps_inferred() -> None:
    scenario = case("yemen-1990-05")
    with pytest.raises(
        IllegalEventError,
        match=r"S/21326: vote_scheduled on 1990-05-31 cannot happen while the draft is negotiation "
        r".*it would assume put_in_blue before it",
    ):
        only(scenario)
    replay = only(scenario, infer=True)
    assert replay[1].inferred == ("put_in_blue (inferred before vote_scheduled on 1990-05-31)",)
    final = replay.final
    assert final.result is not None
    assert final.result.counts == "14-1-0"
    assert [s.name for s in final.result.vetoed_by] == ["United States of America"]


def test_s_21326_yemen_votes_in_the_seat_of_democratic_yemen() -> None:
    # Yemen took Democratic Yemen's seat on 22 May 1990: a ballot under the old name on 31 May
    # is refused, naming the event, the state and the day.
    scenario = case("yemen-1990-05")
    (draft,) = scenario.drafts
    events = list(draft.events)
    vote = events[-1]
    assert vote.kind == "vote_held"
    ballots = dict(vote.ballots)  # type: ignore[union-attr]
    ballots["Democratic Yemen"] = ballots.pop("Yemen")
    events[-1] = vote.model_copy(update={"ballots": ballots})
    renamed = ScenarioDraft(**{**dict(draft), "events": tuple(events)})
    with pytest.raises(
        NotOnCouncilError,
        match="S/21326: vote_held on 1990-05-31: Democratic Yemen was not a member of the "
        "Security Council on 1990-05-31",
    ):
        Replay.from_events(renamed, events, infer=True)
