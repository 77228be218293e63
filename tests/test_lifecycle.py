"""The transition table: its shape, what each stage allows, and inferable steps."""

from __future__ import annotations

import pytest

from unsc_tracker.events import EventKind
from unsc_tracker.lifecycle import (
    END_STAGES,
    NEUTRAL_EVENTS,
    START,
    TRANSITIONS,
    Stage,
    _check_table,
    allowed,
    illegal,
    inferred_path,
)


def test_every_stage_is_reachable_and_ends_are_closed() -> None:
    _check_table()
    assert START is Stage.CONCEPT
    for stage in END_STAGES:
        expected = {EventKind.REVIVED} if stage is Stage.WITHDRAWN else set()
        assert set(TRANSITIONS[stage]) == expected


def test_neutral_events_allowed_before_the_end_only_statements_after() -> None:
    for stage in Stage:
        for kind in NEUTRAL_EVENTS:
            assert allowed(stage, kind) == (stage not in END_STAGES or kind is EventKind.STATEMENT)


def test_blue_without_agreement_is_allowed() -> None:
    # S/2016/847 went into blue without negotiation among the fifteen (PROCEDURE E8).
    assert allowed(Stage.CONCEPT, "put_in_blue")
    assert allowed(Stage.NEGOTIATION, "put_in_blue")
    assert not allowed(Stage.UNDER_SILENCE, "put_in_blue")


def test_withdrawn_can_only_be_revived() -> None:
    assert allowed(Stage.WITHDRAWN, "revived")
    assert not allowed(Stage.WITHDRAWN, "vote_held")
    assert TRANSITIONS[Stage.WITHDRAWN][EventKind.REVIVED] == (Stage.SCHEDULED,)


def test_inferred_paths() -> None:
    assert inferred_path(Stage.IN_BLUE, "vote_held") == (
        (EventKind.VOTE_SCHEDULED, Stage.SCHEDULED),
    )
    assert [k for k, _ in inferred_path(Stage.CONCEPT, "silence_started") or ()] == [
        EventKind.CIRCULATED
    ]
    assert inferred_path(Stage.NEGOTIATION, "silence_broken") is None
    assert inferred_path(Stage.VETOED, "vote_held") is None


def test_illegal_message_names_draft_kind_date_stage() -> None:
    error = illegal("S/2016/846", "silence_broken", "2016-10-04", Stage.NEGOTIATION)
    assert str(error).startswith(
        "S/2016/846: silence_broken on 2016-10-04 cannot happen while the draft is negotiation"
    )
    assert "allowed here: abandoned, not_put_to_vote, put_in_blue, revised" in str(error)


def test_unknown_kind_is_an_error() -> None:
    with pytest.raises(ValueError, match="'vetoed' is not a valid EventKind"):
        allowed(Stage.NEGOTIATION, "vetoed")
