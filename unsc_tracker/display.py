"""How the library's objects show themselves in a notebook, and why a vote came out as it did.

This module sits above every model, and no model imports it (save akn4un.py, for the text at
the end of this module, kept apart until that reader words its own). The models word their own
``repr`` and ``str`` (with :mod:`unsc_tracker.wording`) and ask :mod:`unsc_tracker.views` for
their HTML; importing this module fills that registry (``@views.register(Model)``). The package
names this module as the registry's loader, so it is imported on the first ``_repr_html_``, not
with the package. Every piece of text that goes into HTML passes through :func:`html.escape`; the HTML
uses only elements with closing tags, so it parses as XML too. The Mermaid diagrams are drawn by
the lifecycle itself (:func:`unsc_tracker.lifecycle.mermaid`, :meth:`Replay.to_mermaid
<unsc_tracker.replay.Replay.to_mermaid>`); they are named here too.

>>> from datetime import date
>>> from unsc_tracker import tally
>>> result = tally({"Russia": "no", "Venezuela": "no", "Angola": "abstain", "China": "abstain",
...                 "France": "yes", "UK": "yes", "US": "yes", "Egypt": "yes", "Japan": "yes",
...                 "Malaysia": "yes", "New Zealand": "yes", "Senegal": "yes", "Spain": "yes",
...                 "Ukraine": "yes", "Uruguay": "yes"}, on=date(2016, 10, 8))
>>> result
<VoteResult vetoed by Russian Federation (11-2-2) on 2016-10-08>
>>> explain(result)
'11 in favour ≥ 9 required; the Russian Federation, a permanent member, voted no: vetoed'
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from html import escape

from . import views
from .council import Council, council
from .drafts import DraftResolution, sponsors_in_brief
from .forecast import outlook
from .lifecycle import Stage, mermaid
from .replay import Replay, Snapshot, replay_path
from .veto import Veto
from .voting import Ballot, VoteRecord, VoteResult, tally
from .wording import day, joined, plural, the

__all__ = [
    "council_html",
    "draft_html",
    "explain",
    "mermaid",
    "replay_html",
    "replay_path",
    "snapshot_html",
    "veto_html",
    "vetoes_html",
    "vote_record_html",
    "vote_result_html",
]

_STYLE = (
    "<style>"
    ".unsc-tracker table{border-collapse:collapse;margin:0.3em 0}"
    ".unsc-tracker th,.unsc-tracker td{border:1px solid #ccc;padding:2px 6px;text-align:left}"
    ".unsc-tracker .permanent{font-weight:bold}"
    ".unsc-tracker .why{font-style:italic}"
    ".unsc-tracker .warning{color:#9a3412}"
    "</style>"
)


# Characters neither HTML nor XML allows in text: C0 controls other than tab, newline and return,
# lone surrogates and the two noncharacters U+FFFE and U+FFFF.
_UNPRINTABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def _escape(text: str) -> str:
    """Text made safe for HTML: :func:`html.escape`, and characters no page may hold replaced."""
    return escape(_UNPRINTABLE.sub("\ufffd", text))


# --- why a vote came out as it did ------------------------------------------------------------


def explain(result: VoteResult) -> str:
    """Why Article 27 gives this outcome, in one sentence naming the rule that decided it.

    >>> from unsc_tracker import tally
    >>> print(explain(tally({"China": "yes", "Russia": "yes", "Egypt": "yes", "Venezuela": "yes",
    ...     "Angola": "abstain", "Uruguay": "abstain", "France": "no", "UK": "no", "US": "no",
    ...     "Japan": "no", "Malaysia": "no", "New Zealand": "no", "Senegal": "no", "Spain": "no",
    ...     "Ukraine": "no"}, on="2016-10-08")))
    4 in favour < 9 required: failed; the no votes of France, the United Kingdom of Great
    Britain and Northern Ireland and the United States of America are not vetoes, since the
    draft fell short
    """
    reached = result.yes >= result.threshold
    count = f"{result.yes} in favour {'≥' if reached else '<'} {result.threshold} required"
    if result.procedural:
        return f"procedural vote, so no veto applies; {count}: {result.outcome.value}"
    permanent = council(on=result.on).permanent
    said_no = [s for s in permanent if result.ballots.get(s.code) is Ballot.NO]
    if not reached:
        if said_no:
            names = joined([the(s.name) for s in said_no])
            return (
                f"{count}: failed; the no vote{'s' if len(said_no) > 1 else ''} of {names} "
                f"{'are' if len(said_no) > 1 else 'is'} not "
                f"{'vetoes' if len(said_no) > 1 else 'a veto'}, since the draft fell short"
            )
        return f"{count}: failed"
    if result.vetoed_by:
        names = joined([the(s.name) for s in result.vetoed_by])
        who = "a permanent member" if len(result.vetoed_by) == 1 else "permanent members"
        return f"{count}; {names}, {who}, voted no: vetoed"
    abstaining = [s for s in permanent if result.ballots.get(s.code) not in (None, Ballot.YES)]
    if abstaining:
        names = joined([the(s.name) for s in abstaining])
        return (
            f"{count}, and no permanent member voted no ({names} did not vote yes, "
            "which is no veto): adopted"
        )
    return f"{count}, and no permanent member voted no: adopted"


# --- HTML -------------------------------------------------------------------------------------


def _wrap(kind: str, *parts: str) -> str:
    """The outermost element of a view, carrying the style once."""
    return f'<div class="unsc-tracker {kind}">{_STYLE}{"".join(parts)}</div>'


def _div(kind: str, *parts: str) -> str:
    return f'<div class="{kind}">{"".join(parts)}</div>'


def _table(head: Sequence[str], rows: Iterable[Sequence[str]], cls: str = "") -> str:
    """A table; ``rows`` cells are HTML already escaped (use :func:`_cell`)."""
    css = f' class="{cls}"' if cls else ""
    top = "".join(f"<th>{_escape(h)}</th>" for h in head)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    return f"<table{css}><thead><tr>{top}</tr></thead><tbody>{body}</tbody></table>"


def _cell(value: object) -> str:
    return "" if value is None else _escape(str(value))


def _list(items: Iterable[str], cls: str = "") -> str:
    css = f' class="{cls}"' if cls else ""
    lines = "".join(f"<li>{_escape(item)}</li>" for item in items)
    return f"<ul{css}>{lines}</ul>" if lines else ""


@views.register(Council)
def council_html(seated: Council) -> str:
    """The Council on one day: each member under the name it sat under, its seat, the president."""
    rows = [
        (
            _cell(seated.name_then(state)),
            _cell(state.code),
            "permanent" if state in seated.permanent else "elected",
            "president" if state == seated.president else "",
        )
        for state in seated.members
    ]
    return _wrap(
        "council",
        f"<h4>Security Council on {seated.on.isoformat()}</h4>",
        f"<p>{seated.size} members; a decision needs {seated.threshold} affirmative votes</p>",
        _table(("Member", "Code", "Seat", ""), rows, "members"),
        _list(seated.notes, "warning"),
    )


@views.register(DraftResolution)
def draft_html(draft: DraftResolution) -> str:
    """A draft: symbol, title, agenda, penholder, rivals and a table of its sponsors."""
    facts = [
        ("Agenda item", draft.agenda_item),
        ("Penholder", draft.penholder),
        ("Chapter", draft.chapter),
        ("Rival drafts", ", ".join(draft.rivals) or None),
        ("Vote expected", day(draft.expected_vote) if draft.expected_vote else None),
        ("Source", draft.source),
        ("Note", draft.note),
    ]
    rows = [(f"<b>{_escape(k)}</b>", _cell(v)) for k, v in facts if v]
    sponsors = [
        (
            _cell(s.member),
            _cell(s.role.words),
            _cell(day(s.joined) if s.joined is not None else None),
            "yes" if s.verified else f"no: {_cell(s.note)}",
        )
        for s in draft.sponsors
    ]
    return _wrap(
        "draft",
        f"<h4>{_escape(draft.symbol or draft.id)}</h4>",
        f"<p>{_escape(draft.title)}</p>" if draft.title else "",
        _table(("", ""), rows) if rows else "",
        f"<p>{_escape(plural(len(sponsors), 'sponsor'))}</p>",
        _table(("Sponsor", "Role", "Joined", "Verified"), sponsors) if sponsors else "",
    )


def _ballot_rows(result: VoteResult) -> list[tuple[str, str, str]]:
    seated = council(on=result.on)
    rows = []
    for state in seated.members:
        ballot = result.ballots.get(state.code)
        permanent = state in seated.permanent
        name = _escape(seated.name_then(state))
        rows.append(
            (
                f'<span class="permanent">{name}</span>' if permanent else name,
                "permanent" if permanent else "elected",
                _cell(ballot.value.replace("_", " ") if ballot is not None else "not recorded"),
            )
        )
    return rows


@views.register(VoteResult)
def vote_result_html(result: VoteResult) -> str:
    """A vote's result: the outcome, why, the counts, and the members with their ballots."""
    return _wrap("vote-result", *_vote_result_parts(result))


def _vote_result_parts(result: VoteResult) -> tuple[str, ...]:
    counts = (
        f"{result.yes} yes, {result.no} no, {result.abstain} abstaining"
        + (f", {result.absent} absent" if result.absent else "")
        + (f", {result.not_voting} not voting" if result.not_voting else "")
    )
    ballots = (
        _table(("Member", "Seat", "Ballot"), _ballot_rows(result), "ballots")
        if result.ballots
        else "<p>Ballots not recorded member by member.</p>"
    )
    return (
        f"<h4>{_escape(str(result))}</h4>",
        f'<p class="why">{_escape(explain(result))}</p>',
        f"<p>{_escape(counts)}; voted on {result.on.isoformat()}</p>",
        ballots,
        _list(result.warnings, "warning"),
    )


@views.register(VoteRecord)
def vote_record_html(record: VoteRecord) -> str:
    """A recorded vote: what was voted on, where, and what Article 27 makes of its ballots."""
    heading = record.symbol or "Vote"
    where = f" at {record.meeting}" if record.meeting else ""
    kind = " (procedural)" if record.procedural else ""
    return _wrap(
        "vote-record",
        f"<h4>{_escape(heading + where)} on {record.date.isoformat()}{_escape(kind)}</h4>",
        _div("vote-result", *_vote_result_parts(tally(record))),
    )


@views.register(Snapshot)
def snapshot_html(snapshot: Snapshot) -> str:
    """A snapshot: the event, the stage, the sponsors, the positions, and what to expect."""
    facts = [
        ("Event", f"{day(snapshot.date)} {snapshot.event.summary}"),
        ("Stage", snapshot.stage.value.replace("_", " ")),
        ("Symbol", snapshot.symbol),
        ("Sponsors", sponsors_in_brief(snapshot.sponsors)),
        ("Expected", str(snapshot.expected)),
        ("GA debate due by", day(snapshot.ga_debate_due_by) if snapshot.ga_debate_due_by else ""),
    ]
    rows = [(f"<b>{_escape(k)}</b>", _cell(v)) for k, v in facts if v]
    positions = [(_cell(who), _cell(stance.value)) for who, stance in snapshot.positions.items()]
    return _wrap(
        "snapshot",
        f"<h4>{_escape(snapshot.draft)} on {snapshot.day.isoformat()}</h4>",
        _table(("", ""), rows),
        _table(("Member", "Position"), positions) if positions else "",
        _div("vote-result", *_vote_result_parts(snapshot.result)) if snapshot.result else "",
        _list(snapshot.inferred),
        _list(snapshot.warnings, "warning"),
    )


@views.register(Replay)
def replay_html(replay: Replay) -> str:
    """A replay as a timeline: date, event, stage (bold where it changed), expected or result."""
    rows = []
    before: Stage | None = None
    for snapshot in replay.snapshots:
        stage = _escape(snapshot.stage.value.replace("_", " "))
        event = _escape(snapshot.event.summary)
        if snapshot.inferred:
            event += "".join(f"<div><i>{_escape(step)}</i></div>" for step in snapshot.inferred)
        said = (
            f"<b>{_escape(str(snapshot.result))}</b>"
            if snapshot.result is not None
            else _escape(outlook(snapshot.expected))
        )
        if snapshot.warnings:
            said += "".join(f'<div class="warning">{_escape(w)}</div>' for w in snapshot.warnings)
        rows.append(
            (
                _cell(day(snapshot.date)),
                event,
                f"<b>{stage}</b>" if snapshot.stage is not before else stage,
                said,
            )
        )
        before = snapshot.stage
    title = f": {replay.draft.title}" if replay.draft.title else ""
    final = replay.snapshots[-1].stage.value if replay.snapshots else "no events"
    return _wrap(
        "replay",
        f"<h4>{_escape(replay.draft.id + title)}</h4>",
        f"<p>{_escape(plural(len(rows), 'event'))}; final stage: {_escape(final)}</p>",
        _table(("Date", "Event", "Stage", "Expected / result"), rows, "timeline"),
    )


def _veto_row(veto: Veto) -> tuple[str, ...]:
    text = veto.document or veto.candidate_symbol or "(no symbol)"
    caveats = ", ".join(c.value.replace("_", " ") for c in veto.caveats)
    return (
        _cell(veto.date.isoformat()),
        _cell(text),
        _cell(veto.meeting),
        _cell(veto.agenda),
        _cell(" and ".join(veto.cast_as)),
        _cell(veto.counts),
        _cell(caveats),
    )


_VETO_HEAD = ("Date", "Draft", "Meeting", "Agenda", "Vetoed by", "Counts", "Caveats")


@views.register(Veto)
def veto_html(veto: Veto) -> str:
    """One veto record as a one-row table, with its problems if the record has any."""
    return _wrap(
        "veto",
        _table(_VETO_HEAD, [_veto_row(veto)], "vetoes"),
        _list(veto.problems, "warning"),
    )


def vetoes_html(records: Iterable[Veto]) -> str:
    """A table of veto records, such as :func:`~unsc_tracker.history.vetoes` returns.

    >>> from unsc_tracker import vetoes
    >>> page = vetoes_html(vetoes(agenda="Aleppo"))
    >>> page.count("<tr>"), "S/2016/846" in page
    (3, True)
    """
    rows = [_veto_row(veto) for veto in records]
    return _wrap(
        "vetoes",
        f"<p>{_escape(plural(len(rows), 'veto'))}</p>",
        _table(_VETO_HEAD, rows, "vetoes"),
    )
