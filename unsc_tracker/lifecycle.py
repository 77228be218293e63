"""Where a draft stands, and which events can move it where: a transition table as plain data.

The stages follow ``reference/PROCEDURE.md`` §2, simplified where that helps:

- ``concept`` is the start: the penholder prepares a text no one else has seen (D1, D3);
- ``zero_draft`` covers a text shared with a limited circle, the P3, the P5 or a group of
  friends (§2's optional P5 consultation is folded into it; D2, D3);
- ``negotiation`` (all fifteen, D4), ``under_silence`` and ``agreed`` (D5), ``in_blue`` (D6),
  ``scheduled`` (a meeting is called to vote; §2's "at meeting" is folded into it); a vote
  postponed puts the draft back ``in_blue`` (§2.3, ``postpone``);
- ``withdrawn`` (rule 35, first paragraph), which is not an end: a member of the Council that
  seconded the draft may still require that it be put to the vote, keeping its precedence
  (rule 35, second paragraph; D9). ``revived``, that demand, leads to ``scheduled``; until then
  sponsors may join or leave and members may state positions, as before any end (§2.2 keeps a
  ``WITHDRAWN_PENDING`` stage for this; resolution 2334 (2016), D9; S/2017/933, E6);
- the ends: ``adopted``, ``vetoed``, ``failed`` (by the vote, computed by
  :func:`~unsc_tracker.voting.tally`) and ``not_put_to_vote`` (D10). After an end only
  statements (explanations of vote, D12) can follow, and after a veto the General Assembly's
  debate on it (A/RES/76/262, D13), which leaves the draft ``vetoed``.

A draft may go into blue from any stage before agreement: sponsors can ask for a vote at any
time (D6, E8; S/2016/847 went into blue without negotiation among the fifteen).

Events that move no stage (positions, contacts, statements, sponsors joining or leaving) are
allowed in every stage that is not an end. :data:`MOVES` is the whole table: every event each
stage allows, and where it leads; the replay reads it, and :func:`mermaid` draws it. The table
is checked when the module loads: every stage is reachable from ``concept``, every stage can
reach an end, and an end leads to no other stage. ``docs/concepts.md`` gives the table row by
row with the source of each rule.

A draft that already has an S/ symbol has been put in blue (D6): its replay starts ``in_blue``
unless its record tells the life before (:func:`start`).
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterable, Mapping
from enum import StrEnum
from types import MappingProxyType

from .errors import IllegalEventError
from .events import EventKind

__all__ = [
    "BEFORE_BLUE",
    "BLUE_STAGES",
    "END_STAGES",
    "INFERABLE",
    "MOVES",
    "NEUTRAL_EVENTS",
    "START",
    "TRANSITIONS",
    "Stage",
    "allowed",
    "illegal",
    "inferred_path",
    "mermaid",
    "start",
]


class Stage(StrEnum):
    """Where a draft stands (PROCEDURE §2)."""

    CONCEPT = "concept"
    ZERO_DRAFT = "zero_draft"
    NEGOTIATION = "negotiation"
    UNDER_SILENCE = "under_silence"
    AGREED = "agreed"
    IN_BLUE = "in_blue"
    SCHEDULED = "scheduled"
    ADOPTED = "adopted"
    VETOED = "vetoed"
    FAILED = "failed"
    WITHDRAWN = "withdrawn"
    NOT_PUT_TO_VOTE = "not_put_to_vote"

    @property
    def final(self) -> bool:
        """Whether the draft's life has ended (not ``withdrawn``, which can still be revived)."""
        return self in END_STAGES


K = EventKind
S = Stage
_DROP: Mapping[EventKind, tuple[Stage, ...]] = {
    K.WITHDRAWN: (S.WITHDRAWN,),
    K.NOT_PUT_TO_VOTE: (S.NOT_PUT_TO_VOTE,),
    K.ABANDONED: (S.NOT_PUT_TO_VOTE,),
}

TRANSITIONS: Mapping[Stage, Mapping[EventKind, tuple[Stage, ...]]] = MappingProxyType(
    {
        S.CONCEPT: {
            K.CIRCULATED: (S.ZERO_DRAFT, S.NEGOTIATION),
            K.PUT_IN_BLUE: (S.IN_BLUE,),
            K.NOT_PUT_TO_VOTE: (S.NOT_PUT_TO_VOTE,),
            K.ABANDONED: (S.NOT_PUT_TO_VOTE,),
        },
        S.ZERO_DRAFT: {
            K.CIRCULATED: (S.ZERO_DRAFT, S.NEGOTIATION),
            K.REVISED: (S.ZERO_DRAFT,),
            K.PUT_IN_BLUE: (S.IN_BLUE,),
            **_DROP,
        },
        S.NEGOTIATION: {
            K.REVISED: (S.NEGOTIATION,),
            K.SILENCE_STARTED: (S.UNDER_SILENCE,),
            K.PUT_IN_BLUE: (S.IN_BLUE,),
            **_DROP,
        },
        S.UNDER_SILENCE: {
            K.SILENCE_BROKEN: (S.NEGOTIATION,),
            K.SILENCE_EXTENDED: (S.UNDER_SILENCE,),
            K.SILENCE_PASSED: (S.AGREED,),
            **_DROP,
        },
        S.AGREED: {
            K.REVISED: (S.NEGOTIATION,),
            K.PUT_IN_BLUE: (S.IN_BLUE,),
            **_DROP,
        },
        S.IN_BLUE: {
            K.REVISED: (S.IN_BLUE,),
            K.VOTE_SCHEDULED: (S.SCHEDULED,),
            **_DROP,
        },
        S.SCHEDULED: {
            K.REVISED: (S.SCHEDULED,),
            K.VOTE_SCHEDULED: (S.SCHEDULED,),
            K.VOTE_POSTPONED: (S.IN_BLUE,),
            K.VOTE_HELD: (S.ADOPTED, S.VETOED, S.FAILED),
            **_DROP,
        },
        S.ADOPTED: {},
        S.VETOED: {K.GA_DEBATE_HELD: (S.VETOED,)},
        S.FAILED: {},
        S.WITHDRAWN: {K.REVIVED: (S.SCHEDULED,)},
        S.NOT_PUT_TO_VOTE: {},
    }
)
"""Stage -> event kind -> the stages it can lead to; the event's content picks one (the
audience of a circulation, the outcome of a vote)."""

START = Stage.CONCEPT
END_STAGES = frozenset({S.ADOPTED, S.VETOED, S.FAILED, S.NOT_PUT_TO_VOTE})
NEUTRAL_EVENTS = frozenset(
    {K.POSITION_STATED, K.DIPLOMATIC_CONTACT, K.STATEMENT, K.SPONSOR_JOINED, K.SPONSOR_LEFT},
)
"""Events that move no stage; allowed in every stage that is not an end."""
AFTER_END = frozenset({K.STATEMENT})
"""Events allowed after an end stage (explanations of vote)."""
BLUE_STAGES = frozenset({S.IN_BLUE, S.SCHEDULED})
"""The stages of a text in blue, the final form put to the vote (D6)."""
BEFORE_BLUE = frozenset(
    kind
    for stage in (S.CONCEPT, S.ZERO_DRAFT, S.NEGOTIATION, S.UNDER_SILENCE, S.AGREED)
    for kind in TRANSITIONS[stage]
) - {kind for stage in BLUE_STAGES for kind in TRANSITIONS[stage]}
"""Events that move a draft only before it goes into blue: circulation, silence, and putting it
in blue itself."""
_MOVING = frozenset(kind for moves in TRANSITIONS.values() for kind in moves)

INFERABLE: Mapping[EventKind, Stage] = MappingProxyType(
    {
        K.CIRCULATED: S.NEGOTIATION,
        K.SILENCE_PASSED: S.AGREED,
        K.PUT_IN_BLUE: S.IN_BLUE,
        K.VOTE_SCHEDULED: S.SCHEDULED,
    }
)
"""Steps the record often leaves out, which replay with ``infer=True`` may insert, and where
each leads: a vote with no "put in blue" or meeting announced before it."""


def _check_table() -> dict[tuple[Stage, EventKind], tuple[tuple[EventKind, Stage], ...]]:
    """Check the table's shape and return the shortest inferable path to each legal event."""
    if set(TRANSITIONS) != set(Stage):
        raise RuntimeError("transition table: every stage needs an entry")
    for stage, moves in TRANSITIONS.items():
        for kind, targets in moves.items():
            if kind in NEUTRAL_EVENTS or not targets:
                raise RuntimeError(f"transition table: {stage} -> {kind} is not a stage change")
        if stage in END_STAGES and any(targets != (stage,) for targets in moves.values()):
            raise RuntimeError(f"transition table: end stage {stage} leads to another stage")
    reached = {START}
    queue = deque([START])
    while queue:
        for targets in TRANSITIONS[queue.popleft()].values():
            for target in targets:
                if target not in reached:
                    reached.add(target)
                    queue.append(target)
    if reached != set(Stage):
        missing = ", ".join(sorted(set(Stage) - reached))
        raise RuntimeError(f"transition table: unreachable from {START}: {missing}")
    for stage in Stage:
        if stage not in END_STAGES and not _reaches_end(stage):
            raise RuntimeError(f"transition table: {stage} cannot reach an end")
    paths: dict[tuple[Stage, EventKind], tuple[tuple[EventKind, Stage], ...]] = {}
    for stage in Stage:
        # Breadth first over inferable steps: the first stage where each kind is legal.
        seen = {stage}
        frontier: deque[tuple[Stage, tuple[tuple[EventKind, Stage], ...]]] = deque([(stage, ())])
        while frontier:
            here, path = frontier.popleft()
            for kind in TRANSITIONS[here]:
                paths.setdefault((stage, kind), path)
            for kind, target in INFERABLE.items():
                if target in TRANSITIONS[here].get(kind, ()) and target not in seen:
                    seen.add(target)
                    frontier.append((target, (*path, (kind, target))))
    return paths


def _reaches_end(stage: Stage) -> bool:
    seen = {stage}
    queue = deque([stage])
    while queue:
        for targets in TRANSITIONS[queue.popleft()].values():
            for target in targets:
                if target in END_STAGES:
                    return True
                if target not in seen:
                    seen.add(target)
                    queue.append(target)
    return False


_PATHS = _check_table()


def _moves(stage: Stage) -> Mapping[str, tuple[Stage, ...]]:
    quiet = AFTER_END if stage in END_STAGES else NEUTRAL_EVENTS
    moves: dict[str, tuple[Stage, ...]] = dict.fromkeys(quiet, ())
    for kind, targets in TRANSITIONS[stage].items():
        moves[kind] = targets
    return MappingProxyType(moves)


MOVES: Mapping[Stage, Mapping[str, tuple[Stage, ...]]] = MappingProxyType(
    {stage: _moves(stage) for stage in Stage}
)
"""Every event each stage allows, and the stages it can lead to (``()`` for an event that moves
no stage): :data:`TRANSITIONS` with the events that move no stage added. An event missing from
its stage's entry cannot happen there."""


def allowed(stage: Stage, kind: EventKind | str) -> bool:
    """Whether an event of ``kind`` can happen to a draft in ``stage``.

    >>> allowed(Stage.NEGOTIATION, "position_stated"), allowed(Stage.WITHDRAWN, "vote_held")
    (True, False)
    >>> allowed(Stage.WITHDRAWN, "revived"), allowed(Stage.VETOED, "statement")
    (True, True)
    """
    return EventKind(kind) in MOVES[stage]


def inferred_path(
    stage: Stage, kind: EventKind | str
) -> tuple[tuple[EventKind, Stage], ...] | None:
    """The steps to insert before an event the stage does not allow, or None if none can.

    >>> [k.value for k, _ in inferred_path(Stage.NEGOTIATION, "vote_held")]
    ['put_in_blue', 'vote_scheduled']
    >>> inferred_path(Stage.WITHDRAWN, "vote_held") is None
    True
    """
    return _PATHS.get((stage, EventKind(kind)))


def start(symbol: str | None, kinds: Iterable[str]) -> Stage:
    """The stage a draft's replay starts from, given its S/ symbol and its events' kinds in order.

    A draft with no symbol starts at ``concept``. A draft with one has been put in blue (D6): it
    starts at ``concept`` when the first of its events that moves a stage belongs to the life
    before blue (:data:`BEFORE_BLUE`: circulation, silence, putting it in blue), so that the
    record tells that life, and ``in_blue`` otherwise (a record that begins at the vote).

    >>> start("S/2022/155", ["statement", "vote_held"]), start("S/2016/846", ["circulated"])
    (<Stage.IN_BLUE: 'in_blue'>, <Stage.CONCEPT: 'concept'>)
    """
    if symbol is None:
        return START
    for kind in kinds:
        if kind in _MOVING:
            return START if kind in BEFORE_BLUE else S.IN_BLUE
    return S.IN_BLUE


def illegal(draft: str, kind: str, when: str, stage: Stage) -> IllegalEventError:
    """The error for an event that cannot happen in ``stage``, naming what can, and what a replay
    with ``infer=True`` would assume where it can make the event legal.

    >>> print(illegal("S/2016/846", "vote_held", "2016-10-09", Stage.VETOED))
    S/2016/846: vote_held on 2016-10-09 cannot happen while the draft is vetoed (an end stage: ...)
    >>> print(illegal("S/2022/155", "vote_held", "2022-02-25", Stage.IN_BLUE))
    S/2022/155: vote_held on 2022-02-25 cannot happen while the draft is in_blue (allowed here: ...);
    replayed with infer=True (--infer on the command line), it would assume vote_scheduled before it
    """
    if stage in END_STAGES:
        after = sorted({*AFTER_END, *TRANSITIONS[stage]})
        hint = f"an end stage: only {' or '.join(after)} can follow"
    else:
        hint = (
            "allowed here: " + ", ".join(sorted(TRANSITIONS[stage])) + " and events moving no stage"
        )
    reason = f"{draft}: {kind} on {when} cannot happen while the draft is {stage.value} ({hint})"
    path = _PATHS.get((stage, EventKind(kind))) if kind in _KINDS else None
    assumed = tuple(step.value for step, _ in path or ())
    message = reason
    if assumed:
        message += (
            "; replayed with infer=True (--infer on the command line), it would assume "
            f"{', then '.join(assumed)} before it"
        )
    error = IllegalEventError(message)
    error.reason, error.assumed = reason, assumed
    return error


_KINDS = frozenset(EventKind)


_MERMAID_SAFE = re.compile(r"[^A-Za-z0-9 ,.'()\-/]")


def _mermaid_text(text: str) -> str:
    """Text for a label or a note: punctuation Mermaid reads as syntax becomes ``#code;``."""
    return _MERMAID_SAFE.sub(lambda found: f"#{ord(found.group())};", text)


def mermaid(path: Iterable[Stage | str] | None = None) -> str:
    """The stages and the transition table as a Mermaid ``stateDiagram-v2``, end stages leading to
    ``[*]``; the stages of ``path`` are marked ``visited`` and its last stage ``current``.

    State ids are the stages' values (no spaces), labels are words, and notes escape their
    punctuation, so that GitHub renders the text as it is.

    >>> text = mermaid(["concept", "negotiation", "in_blue", "scheduled", "vetoed"])
    >>> print(text.splitlines()[0]); "    scheduled --> vetoed : vote held" in text.splitlines()
    stateDiagram-v2
    True
    >>> text.splitlines()[-1]
    '    class vetoed current'
    """
    lines = ["stateDiagram-v2"]
    for stage in Stage:
        lines.append(f'    state "{_mermaid_text(stage.value.replace("_", " "))}" as {stage.value}')
    lines.append(f"    [*] --> {START.value}")
    for stage, moves in TRANSITIONS.items():
        labels: dict[Stage, list[str]] = {}
        for kind, targets in moves.items():
            for target in targets:
                labels.setdefault(target, []).append(kind.value.replace("_", " "))
        for target, kinds in labels.items():
            lines.append(
                f"    {stage.value} --> {target.value} : {_mermaid_text(' / '.join(kinds))}"
            )
    lines += [f"    {stage.value} --> [*]" for stage in Stage if stage in END_STAGES]
    lines.append(
        "    note right of withdrawn : "
        + _mermaid_text("not an end: a seconder on the Council may require a vote (rule 35)")
    )
    stages = [Stage(stage) for stage in path] if path is not None else []
    visited = list(dict.fromkeys(stages))
    lines.append("    classDef ending fill:#f3f4f6,stroke:#6b7280")
    ends = [stage.value for stage in Stage if stage in END_STAGES and stage not in visited]
    if ends:
        lines.append(f"    class {','.join(ends)} ending")
    if visited:
        lines.append("    classDef visited fill:#dbeafe,stroke:#1d4ed8,stroke-width:2px")
        lines.append(
            "    classDef current fill:#1d4ed8,color:#ffffff,stroke:#1e3a8a,stroke-width:3px"
        )
        lines.append(f"    class {','.join(stage.value for stage in visited)} visited")
        lines.append(f"    class {stages[-1].value} current")
    return "\n".join(lines) + "\n"
