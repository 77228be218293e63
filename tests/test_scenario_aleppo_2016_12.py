"""The bundled scenario of S/2016/1026, the Aleppo draft vetoed on 5 December 2016.

Sources: UN News (http://www.un.org/apps/news/story.asp?NewsID=55721), PROCEDURE D7 and E17
(https://theiranproject.com/blog/2016/12/06/russia-china-veto-un-security-council-resolution-aleppo-ceasefire/;
https://sputnikglobe.com/20161205/frznce-pushing-unsc-veto-syria-1048203967.html).
"""

from __future__ import annotations

from datetime import date, datetime

import pytest

import unsc_tracker as ut
from unsc_tracker.scenarios import bundled_scenarios

NAME = "aleppo-2016-12"
SYMBOL = "S/2016/1026"


def _replay() -> ut.Replay:
    return ut.load_scenario(NAME).replay(SYMBOL)


def test_bundled_and_loads() -> None:
    assert NAME in bundled_scenarios()
    scenario = ut.load_scenario(NAME)
    assert [draft.id for draft in scenario.drafts] == [SYMBOL]
    draft = scenario.draft(SYMBOL)
    assert [s.member for s in draft.sponsors] == ["Egypt", "New Zealand", "Spain"]
    assert scenario.notice is not None
    assert "S/PV.7825" in scenario.notice


def test_s_2016_1026_vetoed_by_china_and_russia_11_3_1() -> None:
    final = _replay().final
    assert final.stage is ut.Stage.VETOED
    assert final.result is not None
    assert final.result.outcome is ut.Outcome.VETOED
    assert [state.name for state in final.result.vetoed_by] == ["China", "Russian Federation"]
    assert str(final.result) == "vetoed by China and Russian Federation (11-3-1)"
    assert (final.result.yes, final.result.no, final.result.abstain) == (11, 3, 1)
    assert final.event.kind == "vote_held"
    assert final.event.meeting == "S/PV.7825"


def test_the_24_hour_convention_warns_and_does_not_refuse() -> None:
    # PROCEDURE D7, E17: in blue at 11:20, voted the same day; a warning, never a refusal.
    replay = _replay()
    (blue,) = [s for s in replay if s.event.kind == "put_in_blue"]
    assert blue.date == datetime(2016, 12, 5, 11, 20)
    assert blue.symbol == SYMBOL
    (vote,) = [s for s in replay if s.event.kind == "vote_held"]
    assert any("24 hours in blue" in w and "(D7)" in w for w in vote.warnings)
    assert any("voted on the day the draft was put in blue" in w for w in replay.warnings)


def test_one_day_record_and_no_ga_debate() -> None:
    replay = _replay()
    assert replay.as_of(date(2016, 12, 5)) is replay.final
    assert replay.final.ga_debate_due_by is None  # before A/RES/76/262 (26 April 2022)


def test_every_event_has_a_source() -> None:
    for draft in ut.load_scenario(NAME).drafts:
        assert draft.source
        assert all(s.source for s in draft.sponsors)
        for number, event in enumerate(draft.events, 1):
            assert event.source, f"{draft.id} event {number} has no source"
            assert event.source.startswith("http"), event.source


def test_agrees_with_the_bundled_veto_record() -> None:
    (veto,) = [v for v in ut.vetoes() if v.draft_symbol == SYMBOL]
    result = _replay().final.result
    assert result is not None
    assert veto.counts == result.counts
    assert {s.code for s in veto.vetoed_by} == {s.code for s in result.vetoed_by}


def test_unknown_name_lists_both_bundled_scenarios() -> None:
    with pytest.raises(
        ut.ScenarioError,
        match=r"no bundled scenario 'aleppo-2017' \(bundled: aleppo-2016, aleppo-2016-12\); "
        "to read a file, give its path",
    ):
        ut.load_scenario("aleppo-2017")
