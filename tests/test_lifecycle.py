"""The transition table: its shape, what each stage allows, and inferable steps."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from unsc_tracker.events import EventKind
from unsc_tracker.lifecycle import (
    BEFORE_BLUE,
    END_STAGES,
    MOVES,
    NEUTRAL_EVENTS,
    START,
    TRANSITIONS,
    Stage,
    _check_table,
    allowed,
    illegal,
    inferred_path,
    start,
)


def test_every_stage_is_reachable_and_ends_are_closed() -> None:
    _check_table()
    assert START is Stage.CONCEPT
    assert {Stage.ADOPTED, Stage.VETOED, Stage.FAILED, Stage.NOT_PUT_TO_VOTE} == END_STAGES
    for stage in END_STAGES:
        # An end leads to no other stage: after a veto, the Assembly's debate leaves it vetoed.
        assert all(targets == (stage,) for targets in TRANSITIONS[stage].values())
    assert set(TRANSITIONS[Stage.VETOED]) == {EventKind.GA_DEBATE_HELD}


def test_neutral_events_allowed_before_the_end_only_statements_after() -> None:
    for stage in Stage:
        for kind in NEUTRAL_EVENTS:
            assert allowed(stage, kind) == (stage not in END_STAGES or kind is EventKind.STATEMENT)


def test_blue_without_agreement_is_allowed() -> None:
    # S/2016/847 went into blue without negotiation among the fifteen (PROCEDURE E8).
    assert allowed(Stage.CONCEPT, "put_in_blue")
    assert allowed(Stage.NEGOTIATION, "put_in_blue")
    assert not allowed(Stage.UNDER_SILENCE, "put_in_blue")


def test_withdrawn_is_not_an_end() -> None:
    # Rule 35: a seconder may still require a vote, and sponsors may join until the end.
    assert not Stage.WITHDRAWN.final
    assert allowed(Stage.WITHDRAWN, "revived")
    assert allowed(Stage.WITHDRAWN, "sponsor_joined")
    assert allowed(Stage.WITHDRAWN, "position_stated")
    assert not allowed(Stage.WITHDRAWN, "vote_held")
    assert TRANSITIONS[Stage.WITHDRAWN] == {EventKind.REVIVED: (Stage.SCHEDULED,)}


def test_a_postponed_vote_goes_back_in_blue() -> None:
    assert TRANSITIONS[Stage.SCHEDULED][EventKind.VOTE_POSTPONED] == (Stage.IN_BLUE,)
    assert not allowed(Stage.IN_BLUE, "vote_postponed")


def test_a_draft_with_a_symbol_starts_in_blue_unless_its_record_tells_the_life_before() -> None:
    assert start(None, ["vote_held"]) is Stage.CONCEPT
    assert start("S/2022/155", ["statement", "vote_held"]) is Stage.IN_BLUE
    assert start("S/2003/215", ["not_put_to_vote"]) is Stage.IN_BLUE
    assert start("S/2016/846", ["statement", "circulated", "vote_held"]) is Stage.CONCEPT
    assert start("S/2016/847", ["put_in_blue"]) is Stage.CONCEPT
    assert start("S/2016/900", []) is Stage.IN_BLUE
    assert {*BEFORE_BLUE} == {
        EventKind.CIRCULATED,
        EventKind.SILENCE_STARTED,
        EventKind.SILENCE_BROKEN,
        EventKind.SILENCE_EXTENDED,
        EventKind.SILENCE_PASSED,
        EventKind.PUT_IN_BLUE,
    }


def test_inferred_paths() -> None:
    assert inferred_path(Stage.IN_BLUE, "vote_held") == (
        (EventKind.VOTE_SCHEDULED, Stage.SCHEDULED),
    )
    assert [k for k, _ in inferred_path(Stage.CONCEPT, "silence_started") or ()] == [
        EventKind.CIRCULATED
    ]
    assert inferred_path(Stage.NEGOTIATION, "silence_broken") is None
    assert inferred_path(Stage.VETOED, "vote_held") is None


def test_illegal_message_says_what_infer_would_assume() -> None:
    error = illegal("S/2016/846", "vote_held", "2016-10-08", Stage.NEGOTIATION)
    assert str(error).endswith(
        "; replayed with infer=True (--infer on the command line), it would assume "
        "put_in_blue, then vote_scheduled before it"
    )
    # Nothing can be assumed after a withdrawal: the error says no more than what is allowed.
    assert "infer" not in str(illegal("S/2016/846", "vote_held", "2016-10-08", Stage.WITHDRAWN))


def test_illegal_message_names_draft_kind_date_stage() -> None:
    error = illegal("S/2016/846", "silence_broken", "2016-10-04", Stage.NEGOTIATION)
    assert str(error).startswith(
        "S/2016/846: silence_broken on 2016-10-04 cannot happen while the draft is negotiation"
    )
    assert "allowed here: abandoned, not_put_to_vote, put_in_blue, revised" in str(error)


def test_unknown_kind_is_an_error() -> None:
    with pytest.raises(ValueError, match="'vetoed' is not a valid EventKind"):
        allowed(Stage.NEGOTIATION, "vetoed")


CONCEPTS = Path(__file__).parents[1] / "docs" / "concepts.md"


def _documented_table() -> tuple[dict[tuple[Stage, str], set[Stage]], set[Stage]]:
    """The table "What may follow each stage" of docs/concepts.md, and the ends it names."""
    text = CONCEPTS.read_text(encoding="utf-8")
    ends_sentence = re.search(r"The ends are ([^.]*)\.", text)
    assert ends_sentence is not None
    ends = {Stage(name) for name in re.findall(r"`(\w+)`", ends_sentence.group(1))}
    section = text.split("### What may follow each stage", 1)[1].split("\n\n|", 1)[1]
    rows = [line for line in ("|" + section).splitlines() if line.startswith("|")]
    assert rows[0] == "| stage | event | leads to | source |"
    found: dict[tuple[Stage, str], set[Stage]] = {}
    for row in rows[2:]:
        stages_cell, events_cell, targets_cell, source = (
            cell.strip() for cell in row.strip("|").split("|")
        )
        assert source, f"no source for {row}"
        if stages_cell == "every stage before an end":
            stages = set(Stage) - ends
        elif stages_cell == "every end":
            stages = set(ends)
        else:
            stages = {Stage(name) for name in re.findall(r"`(\w+)`", stages_cell)}
        targets = (
            set()
            if targets_cell == "stays"
            else {Stage(n) for n in re.findall(r"`(\w+)`", targets_cell)}
        )
        for stage in stages:
            for kind in re.findall(r"`(\w+)`", events_cell):
                assert (stage, kind) not in found, f"{stage} -> {kind} is documented twice"
                found[stage, EventKind(kind).value] = targets
    return found, ends


def test_the_documented_table_is_the_code() -> None:
    documented, ends = _documented_table()
    assert ends == END_STAGES
    in_code = {
        (stage, str(kind)): set(targets)
        for stage, moves in MOVES.items()
        for kind, targets in moves.items()
    }
    assert documented == in_code
