"""Reprs and str (each model words its own), why a vote came out as it did, Mermaid diagrams.

The notebook HTML is tested in test_display_html.py, and in a browser in test_browser.py."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import get_args

import pytest
from html_check import parsed
from hypothesis import given, settings
from pydantic import TypeAdapter
from strategies import draft_for_logs, event_logs

from unsc_tracker import akn4un, display
from unsc_tracker.council import council, terms
from unsc_tracker.drafts import DraftResolution, Resolution, Sponsorship
from unsc_tracker.events import Event
from unsc_tracker.forecast import Probabilities, expect
from unsc_tracker.history import vetoes
from unsc_tracker.lifecycle import END_STAGES, TRANSITIONS, Stage, mermaid
from unsc_tracker.members import member
from unsc_tracker.replay import Replay
from unsc_tracker.scenarios import load_scenario
from unsc_tracker.voting import VoteRecord, tally

ALEPPO = load_scenario("aleppo-2016")
S_2016_846 = ALEPPO.replay("S/2016/846")
S_2016_847 = ALEPPO.replay("S/2016/847")
EVENT: TypeAdapter[Event] = TypeAdapter(Event)
COUNCIL_2016 = council(on=date(2016, 10, 8))


# --- repr and str -----------------------------------------------------------------------------


def test_member_state_repr_and_str_unchanged() -> None:
    russia = member("Russia")
    assert repr(russia) == "MemberState('RUS', 'Russian Federation')"
    assert str(russia) == "Russian Federation"


def test_council_repr_is_short_and_str_unchanged() -> None:
    assert repr(COUNCIL_2016) == (
        "<Council 2016-10-08: 15 members, threshold 9, president Russian Federation>"
    )
    assert str(COUNCIL_2016).startswith(
        "Security Council on 2016-10-08: People's Republic of China (P), France (P)"
    )
    assert repr(council(on=date(1950, 6, 27))).startswith(
        "<Council 1950-06-27: 11 members, threshold 7"
    )


def test_term_repr_wraps_its_str() -> None:
    term = next(t for t in terms("Spain") if t.start.year == 2015)
    assert str(term) == "Spain (elected 2015-2016, 2015-01-01 to 2016-12-31)"
    assert repr(term) == "<Term Spain (elected 2015-2016, 2015-01-01 to 2016-12-31)>"


def test_s_2016_846_vote_result_repr() -> None:
    # S/PV.7785, 8 October 2016: 11-2-2, the Russian Federation voting no.
    result = S_2016_846.final.result
    assert result is not None
    assert repr(result) == "<VoteResult vetoed by Russian Federation (11-2-2) on 2016-10-08>"
    assert str(result) == "vetoed by Russian Federation (11-2-2)"


def test_vote_record_repr_and_str() -> None:
    record = VoteRecord(
        date=date(2016, 10, 8),
        symbol="S/2016/846",
        meeting="S/PV.7785",
        ballots=dict(S_2016_846.final.result.ballots),  # type: ignore[union-attr]
    )
    assert repr(record) == "<VoteRecord S/2016/846 at S/PV.7785 on 2016-10-08: 15 ballots>"
    assert str(record) == "S/2016/846 at S/PV.7785 on 2016-10-08: 11 yes, 2 no, 2 abstain"


def test_draft_repr_names_main_sponsors_not_all_of_them() -> None:
    final = S_2016_846.final
    draft = DraftResolution(
        symbol="S/2016/846", title="The situation in the Middle East", sponsors=final.sponsors
    )
    assert len(draft.sponsors) == 45
    assert repr(draft) == (
        '<DraftResolution S/2016/846 "The situation in the Middle East": '
        "45 sponsors: France, Spain>"
    )
    assert str(draft) == "S/2016/846: The situation in the Middle East"
    assert str(DraftResolution(id="zero draft on Aleppo")) == "zero draft on Aleppo"


def test_scenario_draft_repr_says_what_it_is() -> None:
    assert repr(S_2016_846.draft) == "<ScenarioDraft S/2016/846: 1 sponsor: France>"


def test_resolution_repr_and_str() -> None:
    resolution = Resolution.parse("S/RES/2334 (2016)", adopted=date(2016, 12, 23))
    assert str(resolution) == "S/RES/2334 (2016)"
    assert repr(resolution) == "<Resolution S/RES/2334 (2016), adopted 2016-12-23>"


def test_sponsorship_repr_and_str() -> None:
    spain = Sponsorship(member="Spain", role="main_sponsor", joined=date(2016, 10, 5))
    assert str(spain) == "Spain (main sponsor, joined 2016-10-05)"
    assert repr(spain) == "<Sponsorship Spain (main sponsor, joined 2016-10-05)>"
    doubtful = Sponsorship(member="Andorra", verified=False, note="press release only")
    assert str(doubtful) == "Andorra (co-sponsor, unverified)"


ONE_OF_EACH = [
    {"kind": "circulated", "date": "2016-10-03", "audience": "all15"},
    {"kind": "sponsor_joined", "date": "2016-10-05", "members": ["Spain"], "role": "main_sponsor"},
    {"kind": "sponsor_left", "date": "2016-10-06", "members": ["Spain"]},
    {"kind": "revised", "date": "2016-10-06", "symbol": "S/2016/846/Rev.1"},
    {"kind": "silence_started", "date": "2016-10-06", "deadline": "2016-10-07"},
    {"kind": "silence_broken", "date": "2016-10-07", "by": "Russia"},
    {"kind": "silence_extended", "date": "2016-10-07"},
    {"kind": "silence_passed", "date": "2016-10-07"},
    {"kind": "put_in_blue", "date": "2016-10-07", "symbol": "S/2016/846"},
    {"kind": "vote_scheduled", "date": "2016-10-07", "meeting_date": "2016-10-08"},
    {"kind": "vote_postponed", "date": "2016-10-07", "by": "Spain"},
    {
        "kind": "vote_held",
        "date": "2016-10-08",
        "meeting": "S/PV.7785",
        "ballots": {state.name: "yes" for state in COUNCIL_2016.members},
        "note": "a long note " * 20,
    },
    {"kind": "withdrawn", "date": "2016-10-08", "by": "France"},
    {"kind": "revived", "date": "2016-10-09", "by": ["Spain"]},
    {"kind": "abandoned", "date": "2016-10-09"},
    {"kind": "ga_debate_held", "date": "2016-10-20"},
    {"kind": "position_stated", "date": "2016-10-05", "member": "Russia", "stance": "oppose"},
    {
        "kind": "diplomatic_contact",
        "date": "2016-10-06",
        "parties": ["Ayrault", "Lavrov"],
        "place": "Moscow",
    },
    {"kind": "statement", "date": "2016-10-08", "by": "France"},
    {"kind": "retracted", "date": "2016-10-09", "seq": 3, "reason": "Spain never left"},
]


def test_every_event_class_is_covered() -> None:
    kinds = {EVENT.validate_python(raw).__class__ for raw in ONE_OF_EACH}
    assert kinds == set(get_args(get_args(Event)[0]))


@pytest.mark.parametrize("raw", ONE_OF_EACH, ids=lambda raw: str(raw["kind"]))
def test_event_repr_is_its_date_and_summary(raw: dict[str, object]) -> None:
    event = EVENT.validate_python(raw)
    name = type(event).__name__
    assert repr(event) == f"<{name} {raw['date']}: {event.summary}>"
    assert str(event) == f"{raw['date']} {event.summary}"
    assert len(repr(event)) < 100
    assert "=" not in repr(event)


def test_snapshot_repr_is_one_short_line() -> None:
    first, final = S_2016_846[0], S_2016_846.final
    assert repr(final) == (
        "<Snapshot S/2016/846 2016-10-08 [vetoed] statement by United Kingdom, France, Ukraine "
        "and United States: vetoed by Russian Federation (11-2-2)>"
    )
    # While open, str names every swing member; the repr only says how many are needed.
    assert "swing" in str(first)
    assert repr(first).endswith(
        "[concept] statement by France (Ambassador François Delattre): "
        "open: 8 more votes needed among 14 undecided>"
    )
    assert str(final).startswith("2016-10-08  statement by")


def test_replay_repr() -> None:
    assert repr(S_2016_846) == "<Replay S/2016/846: 18 snapshots, vetoed>"


def test_expectation_repr_is_short_while_open() -> None:
    open_ = S_2016_846[0].expected
    assert repr(open_) == (
        "<Expectation open: 1 yes, threshold 9, 8 more needed, 14 undecided (14 swing)>"
    )
    assert repr(S_2016_846.final.expected) == (
        "<Expectation vetoed by Russian Federation, certain: 11 yes, threshold 9>"
    )
    assert str(S_2016_846.final.expected) == (
        "vetoed by Russian Federation (certain: 11 in favour reach the 9 needed)"
    )
    adopted = expect({state.name: "support" for state in COUNCIL_2016.members}, on="2016-10-08")
    assert repr(adopted) == "<Expectation adopted, certain: 15 yes, threshold 9>"


def test_probabilities_repr() -> None:
    chances = Probabilities(
        adopted=0.25, vetoed=0.5, failed=0.25, vetoed_by=((member("Russia"), 0.5),)
    )
    assert repr(chances) == (
        "<Probabilities adopted 25.0%, vetoed 50.0% (Russian Federation 50.0%), failed 25.0%>"
    )


def test_veto_repr_and_str() -> None:
    veto = vetoes(agenda="Aleppo")[1]
    assert repr(veto) == (
        "<Veto 2016-12-05 S/2016/1026 by Russian Federation and People's Republic of China "
        "(11-3-1)>"
    )
    assert str(veto).startswith("2016-12-05 S/2016/1026 (S/PV.7825)")
    # the tuple vetoes() returns now prints readably
    assert len(repr(vetoes(agenda="Aleppo"))) < 200


def test_akn_record_repr_and_str() -> None:
    record = akn4un.loads(akn4un._example_document())
    assert repr(record) == f"<AknRecord {record}>"
    assert str(record).startswith(f"{record.symbol} ({record.kind.value}) {record.date}: vetoed")
    assert "ballots" in str(record)
    assert "=" not in repr(record)


# --- why ----------------------------------------------------------------------------------------


def test_explain_s_2016_846_veto() -> None:
    result = S_2016_846.final.result
    assert result is not None
    assert display.explain(result) == (
        "11 in favour ≥ 9 required; the Russian Federation, a permanent member, voted no: vetoed"
    )


def test_explain_s_2016_847_no_votes_below_threshold_are_no_veto() -> None:
    # S/PV.7785: the Russian draft failed 4-9-2; France, the UK and the US voted no (E1).
    result = S_2016_847.final.result
    assert result is not None
    why = display.explain(result)
    assert why.startswith("4 in favour < 9 required: failed")
    assert "France" in why
    assert "are not vetoes" in why


def test_explain_resolution_2334_adopted_with_us_abstaining() -> None:
    ballots = {state.name: "yes" for state in council(on="2016-12-23").members}
    ballots["United States of America"] = "abstain"
    why = display.explain(tally(ballots, on="2016-12-23"))
    assert why == (
        "14 in favour ≥ 9 required, and no permanent member voted no (the United States of "
        "America did not vote yes, which is no veto): adopted"
    )


def test_explain_procedural_vote() -> None:
    ballots = {state.name: "no" for state in COUNCIL_2016.members}
    for state in ("China", "Russia", "Egypt", "Venezuela"):
        ballots[member(state).name] = "yes"
    why = display.explain(tally(ballots, on="2016-10-08", procedural=True))
    assert why == "procedural vote, so no veto applies; 4 in favour < 9 required: failed"


def test_explain_two_vetoes() -> None:
    result = tally(
        {"Russia": "no", "China": "no", "Venezuela": "no", "Angola": "abstain",
         **dict.fromkeys(("France", "UK", "US", "Egypt", "Japan", "Malaysia", "New Zealand", "Senegal", "Spain", "Ukraine", "Uruguay"), "yes")},
        on="2016-12-05",
    )  # fmt: skip
    assert display.explain(result).endswith(
        "China and the Russian Federation, permanent members, voted no: vetoed"
    )


# --- Mermaid ------------------------------------------------------------------------------------


def _edges(diagram: str) -> set[tuple[str, str]]:
    found = re.findall(r"^    (\S+) --> (\S+)(?: : .*)?$", diagram, flags=re.MULTILINE)
    return set(found)


def test_mermaid_has_every_stage_and_transition() -> None:
    diagram = mermaid()
    lines = diagram.splitlines()
    assert lines[0] == "stateDiagram-v2"
    for stage in Stage:
        assert f'    state "{stage.value.replace("_", " ")}" as {stage.value}' in lines
    edges = _edges(diagram)
    for stage, moves in TRANSITIONS.items():
        for kind, targets in moves.items():
            for target in targets:
                assert (stage.value, target.value) in edges
                label = next(
                    line
                    for line in lines
                    if line.startswith(f"    {stage.value} --> {target.value} :")
                )
                assert kind.value.replace("_", " ") in label
    assert ("[*]", "concept") in edges
    assert {source for source, target in edges if target == "[*]"} == {s.value for s in END_STAGES}
    assert "visited" not in diagram


def test_mermaid_syntax_github_accepts() -> None:
    for line in mermaid().splitlines()[1:]:
        assert line.startswith("    ")
        # state ids are words; text after the first " : " holds no further colon or semicolon
        if " : " in line:
            head, label = line.split(" : ", 1)
            assert ":" not in label
            assert ";" not in label.replace("#58;", "")
            assert re.fullmatch(r"    (\S+ --> \S+|note right of \w+)", head)
    assert "#58;" in mermaid()  # the note's colon is escaped


def test_aleppo_replay_path_is_marked() -> None:
    diagram = S_2016_846.to_mermaid()
    visited = next(line for line in diagram.splitlines() if line.endswith(" visited"))
    stages = visited.split()[1].split(",")
    assert stages == ["concept", "zero_draft", "negotiation", "in_blue", "scheduled", "vetoed"]
    assert {snapshot.stage.value for snapshot in S_2016_846} <= set(stages)
    assert diagram.splitlines()[-1] == "    class vetoed current"
    assert "classDef visited" in diagram
    assert "classDef current" in diagram
    # end stages not reached keep their own style; the one reached is styled as visited
    assert "    class adopted,failed,not_put_to_vote ending" in diagram


def test_inferred_stages_are_on_the_path() -> None:
    log = [
        EVENT.validate_python({"kind": "circulated", "date": "2016-12-19", "audience": "all15"}),
        EVENT.validate_python(
            {
                "kind": "vote_held",
                "date": "2016-12-19",
                "ballots": {s.name: "yes" for s in council(on="2016-12-19").members},
            }
        ),
    ]
    replay = Replay.from_events(DraftResolution(symbol="S/2016/1074"), log, infer=True)
    assert [stage.value for stage in display.replay_path(replay)] == [
        "concept", "negotiation", "in_blue", "scheduled", "adopted",
    ]  # fmt: skip
    assert "    class concept,negotiation,in_blue,scheduled,adopted visited" in replay.to_mermaid()


def test_mermaid_path_accepts_words_and_rejects_unknown_stages() -> None:
    assert mermaid(["concept", "withdrawn"]).endswith("    class withdrawn current\n")
    with pytest.raises(ValueError, match="'limbo'"):
        mermaid(["concept", "limbo"])


def test_docs_diagram_is_the_aleppo_replay() -> None:
    page = (Path(__file__).parents[1] / "docs" / "display.md").read_text(encoding="utf-8")
    blocks = re.findall(r"^```mermaid\n(.*?)^```$", page, flags=re.MULTILINE | re.DOTALL)
    assert blocks == [S_2016_846.to_mermaid()]


@given(event_logs())
@settings(max_examples=60, deadline=None)
def test_any_valid_replay_displays(log: list[Event]) -> None:
    replay = Replay.from_events(draft_for_logs(), log)
    page = replay._repr_html_()
    parsed(page)
    assert page.count("<tr>") == len(replay) + 1
    for snapshot in replay:
        parsed(snapshot._repr_html_())
        assert repr(snapshot).startswith(f"<Snapshot {snapshot.draft} ")
    diagram = replay.to_mermaid()
    visited = next(line for line in diagram.splitlines() if line.endswith(" visited"))
    assert {snapshot.stage.value for snapshot in replay} <= set(visited.split()[1].split(","))
    assert diagram.splitlines()[-1] == f"    class {replay.final.stage.value} current"
