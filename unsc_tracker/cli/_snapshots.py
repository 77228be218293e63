"""A draft's replay as the commands print it (``replay``, ``check``, ``track``): the timeline, the
state on a day, each snapshot as JSON and as a CSV row, and its warnings on standard error; and
a scenario read from a file, a bundled name or standard input."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from ..errors import ScenarioError
from ..wording import plural
from ._common import STDIN, Json, codes, iso, read_input, result_json, warn

if TYPE_CHECKING:
    from ..forecast import Expectation
    from ..replay import Replay, Snapshot
    from ..scenarios import Scenario

__all__ = [
    "SNAPSHOT_COLUMNS",
    "draft_json",
    "load",
    "snapshot_json",
    "snapshot_row",
    "state_lines",
    "timeline_lines",
    "warn_about",
]

EVENT_WIDTH = 52
"""The event column of a timeline; longer summaries are cut (JSON and CSV give them whole)."""

SNAPSHOT_COLUMNS = (
    "draft",
    "date",
    "event",
    "summary",
    "stage",
    "symbol",
    "sponsors",
    "expected_outcome",
    "expected_vetoed_by",
    "expected",
    "result_outcome",
    "result_vetoed_by",
    "result",
    "ga_debate_due_by",
    "inferred",
    "warnings",
    "source",
    "note",
)
"""One row per snapshot in ``--format csv``; lists (sponsors, codes) are joined with ``;``."""

_YAML_START = re.compile(r"^(---|[A-Za-z_][\w-]*:(\s|$))")


def load(source: str) -> Scenario:
    """The scenario named by ``source``: a bundled name, a file, or ``-`` for standard input
    (JSON when the text starts with ``{``, YAML when it starts with ``---`` or ``key:``, else
    TOML)."""
    from ..scenarios import load_scenario, loads_scenario

    if source != STDIN:
        return load_scenario(source)
    text, where = read_input(source, "scenario", ScenarioError)
    first = next((line for line in text.splitlines() if line.strip() and line[0] != "#"), "")
    if first.lstrip().startswith("{"):
        format = "json"
    elif _YAML_START.match(first):
        format = "yaml"
    else:
        format = "toml"
    return loads_scenario(text, format, source=where)


# -- text -----------------------------------------------------------------------------------------


def heading(replay: Replay, what: str) -> str:
    title = f" ({replay.draft.title})" if replay.draft.title else ""
    return f"{replay.draft.id}{title}: {what}"


def timeline_lines(
    replay: Replay, snapshots: Sequence[Snapshot], span: str | None = None
) -> Iterator[str]:
    """The timeline: a heading, then one line per snapshot (with the steps inferred before it);
    ``span`` says which part of the record the snapshots are, when not all of it."""
    events = plural(len(replay), "event")
    yield heading(replay, f"{len(snapshots)} of {events}, {span}" if span else events)
    if not snapshots:
        yield "  no events in this span" if span else "  no events"
        return
    yield f"  {'date':<10}  {'event':<{EVENT_WIDTH}}  {'stage':<12}  expected or result"
    for snapshot in snapshots:
        for step in snapshot.inferred:
            yield f"  {'':<10}  inferred: {step}"
        event = snapshot.event.summary
        if len(event) > EVENT_WIDTH:
            event = event[: EVENT_WIDTH - 3] + "..."
        yield (
            f"  {snapshot.day.isoformat():<10}  {event:<{EVENT_WIDTH}}  "
            f"{snapshot.stage.value:<12}  {_said(snapshot)}"
        )
        if snapshot.ga_debate_due_by is not None and snapshot.result is not None:
            yield f"  {'':<10}  {_ga_line(snapshot.ga_debate_due_by)}"


def _said(snapshot: Snapshot) -> str:
    """The result once the vote is held, else the expectation, on one line."""
    if snapshot.result is not None:
        return f"result: {snapshot.result}"
    expected = snapshot.expected
    # The swing list names up to fifteen members: it belongs to the state, not to a timeline.
    return expected.words(swing=expected.outcome is not None or expected.needed == 0)


def state_lines(replay: Replay, snapshot: Snapshot | None, on: date | None) -> Iterator[str]:
    """The state a snapshot describes: last event, stage, symbol, sponsors, positions, and the
    expected outcome or the result. ``on`` is the day asked (None: the latest state)."""
    if snapshot is None:
        start = replay.snapshots[0].day.isoformat() if len(replay) else None
        since = f" (it starts on {start})" if start else ""
        when = on.isoformat() if on is not None else "yet"
        yield heading(replay, f"no record yet on {when}{since}")
        return
    yield heading(replay, f"as of {on.isoformat()}" if on is not None else "latest state")
    yield f"  last event: {snapshot.day.isoformat()} {snapshot.event.summary}"
    yield f"  stage:      {snapshot.stage.value}"
    if snapshot.symbol is not None:
        yield f"  symbol:     {snapshot.symbol}"
    if snapshot.sponsors:
        named = [s.member + ("" if s.verified else " (unverified)") for s in snapshot.sponsors]
        yield f"  sponsors:   {', '.join(named)}"
    if snapshot.positions:
        stances = ", ".join(f"{name}: {stance.value}" for name, stance in _positions(snapshot))
        yield f"  positions:  {stances}"
    if snapshot.result is not None:
        yield f"  result:     {snapshot.result}"
    else:
        expected = snapshot.expected
        open_ = expected.outcome is None and expected.needed > 0
        yield f"  expected:   {expected.words(swing=not open_)}"
        if open_ and expected.swing:  # the members who could still tip it, by code
            yield f"  swing:      {', '.join(state.code for state in expected.swing)}"
    if snapshot.ga_debate_due_by is not None:
        yield f"  {_ga_line(snapshot.ga_debate_due_by)}"


def warn_about(replay: Replay, snapshots: Sequence[Snapshot]) -> None:
    """Each warning the snapshots raised, as a warning line naming the draft, day and event."""
    for snapshot in snapshots:
        for warning in snapshot.warnings:
            warn(
                f"{replay.draft.id}, {snapshot.event.kind} on {snapshot.day.isoformat()}: {warning}"
            )


def until(replay: Replay, last: Snapshot | None) -> list[Snapshot]:
    """The snapshots up to and including ``last`` (none when ``last`` is None)."""
    if last is None:
        return []
    found = []
    for snapshot in replay:
        found.append(snapshot)
        if snapshot is last:
            break
    return found


def _ga_line(due: date) -> str:
    return f"General Assembly debate on the veto due by {due.isoformat()} (A/RES/76/262)"


def _positions(snapshot: Snapshot) -> list[tuple[str, Any]]:
    return sorted(snapshot.positions.items())


# -- JSON and CSV ---------------------------------------------------------------------------------


def draft_json(replay: Replay) -> Json:
    draft = replay.draft
    return {"id": draft.id, "symbol": draft.symbol, "title": draft.title}


def snapshot_json(snapshot: Snapshot) -> Json:
    return {
        "date": snapshot.date.isoformat(),
        "event": snapshot.event.kind,
        "summary": snapshot.event.summary,
        "stage": snapshot.stage.value,
        "symbol": snapshot.symbol,
        "sponsors": [
            {
                "member": str(sponsor.member),
                "role": sponsor.role.value,
                "joined": iso(sponsor.joined),
                "verified": sponsor.verified,
            }
            for sponsor in snapshot.sponsors
        ],
        "positions": {name: stance.value for name, stance in _positions(snapshot)},
        "expected": _expectation_json(snapshot.expected),
        "result": result_json(snapshot.result) if snapshot.result is not None else None,
        "warnings": list(snapshot.warnings),
        "inferred": list(snapshot.inferred),
        "ga_debate_due_by": iso(snapshot.ga_debate_due_by),
        "source": snapshot.event.source,
        "note": snapshot.event.note,
    }


def _expectation_json(expected: Expectation) -> Json:
    return {
        "outcome": expected.outcome.value if expected.outcome is not None else None,
        "certain": expected.certain,
        "vetoed_by": codes(expected.vetoed_by),
        "yes": expected.yes,
        "needed": expected.needed,
        "threshold": expected.threshold,
        "undecided": codes(expected.undecided),
        "swing": codes(expected.swing),
        "text": str(expected),
    }


def snapshot_row(draft: str, snapshot: Snapshot | None) -> dict[str, object]:
    """A snapshot as a CSV row (only ``draft`` filled when there is none)."""
    if snapshot is None:
        return {"draft": draft}
    result = snapshot.result
    expected = snapshot.expected
    return {
        "draft": draft,
        "date": snapshot.date,
        "event": snapshot.event.kind,
        "summary": snapshot.event.summary,
        "stage": snapshot.stage,
        "symbol": snapshot.symbol,
        "sponsors": [str(sponsor.member) for sponsor in snapshot.sponsors],
        "expected_outcome": expected.outcome,
        "expected_vetoed_by": codes(expected.vetoed_by),
        "expected": str(expected),
        "result_outcome": result.outcome if result is not None else None,
        "result_vetoed_by": codes(result.vetoed_by) if result is not None else None,
        "result": str(result) if result is not None else None,
        "ga_debate_due_by": snapshot.ga_debate_due_by,
        "inferred": snapshot.inferred,
        "warnings": snapshot.warnings,
        "source": snapshot.event.source,
        "note": snapshot.event.note,
    }
