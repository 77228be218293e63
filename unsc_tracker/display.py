"""How the library's objects show themselves: short reprs, notebook HTML and Mermaid diagrams.

The models' ``__repr__``, ``__str__`` and ``_repr_html_`` methods delegate here, importing this
module only when called, so importing the package stays light. Every piece of text that goes into
HTML passes through :func:`html.escape`; the HTML uses only elements with closing tags, so it
parses as XML too. The Mermaid text is a ``stateDiagram-v2`` that GitHub renders: state ids are
the stages' values (no spaces), labels are words, and notes escape their punctuation.

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
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .akn4un import AknRecord
    from .council import Council, Term
    from .drafts import DraftResolution, Resolution, Sponsorship
    from .events import _Event
    from .forecast import Expectation, Probabilities
    from .history import Veto
    from .lifecycle import Stage
    from .replay import Replay, Snapshot
    from .voting import VoteRecord, VoteResult

__all__ = [
    "akn_record_repr",
    "akn_record_str",
    "council_html",
    "council_repr",
    "draft_html",
    "draft_repr",
    "draft_str",
    "event_repr",
    "event_str",
    "expectation_repr",
    "explain",
    "mermaid",
    "probabilities_repr",
    "replay_html",
    "replay_mermaid",
    "replay_path",
    "resolution_repr",
    "snapshot_html",
    "snapshot_repr",
    "sponsorship_repr",
    "sponsorship_str",
    "term_repr",
    "veto_html",
    "veto_repr",
    "vetoes_html",
    "vote_record_html",
    "vote_record_repr",
    "vote_record_str",
    "vote_result_html",
    "vote_result_repr",
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


# --- words ------------------------------------------------------------------------------------

_ARTICLE_WORDS = frozenset(
    {"Republic", "Federation", "Kingdom", "States", "Union", "Islands", "Emirates", "Netherlands"}
)
_ARTICLE_NAMES = frozenset({"Philippines", "Holy See", "Bahamas", "Gambia", "Comoros", "Maldives"})


def _the(name: str) -> str:
    """A state's name as it reads inside a sentence: "the Russian Federation", "China"."""
    head = name.split(" (", 1)[0]
    if head in _ARTICLE_NAMES or _ARTICLE_WORDS & set(head.split()):
        return f"the {name}"
    return name


def _joined(words: Sequence[str]) -> str:
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]


def _day(when: object) -> str:
    isoformat = getattr(when, "isoformat", None)
    return str(isoformat()) if callable(isoformat) else str(when)


def _plural(count: int, word: str) -> str:
    ending = "" if count == 1 else "es" if word.endswith("o") else "s"
    return f"{count} {word}{ending}"


_ROLES = {"main_sponsor": "main sponsor", "co_sponsor": "co-sponsor"}


def _clip(text: str, width: int = 60) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


# --- text: reprs and one-line strings ---------------------------------------------------------


def council_repr(seated: Council) -> str:
    """``<Council 2016-10-08: 15 members, threshold 9, president Russian Federation>``."""
    president = f", president {seated.president.name}" if seated.president is not None else ""
    return (
        f"<Council {seated.on.isoformat()}: {seated.size} members, "
        f"threshold {seated.threshold}{president}>"
    )


def term_repr(term: Term) -> str:
    """``<Term Spain (elected 2015-2016, 2015-01-01 to 2016-12-31)>``."""
    return f"<Term {term}>"


def vote_record_str(record: VoteRecord) -> str:
    """``S/2016/846 at S/PV.7785 on 2016-10-08: 11 yes, 2 no, 2 abstain``."""
    from .voting import Ballot

    cast = list(record.ballots.values())
    counts = [(cast.count(ballot), ballot.value.replace("_", " ")) for ballot in Ballot]
    tally = ", ".join(f"{n} {word}" for n, word in counts if n) or "no ballots"
    what = record.symbol or "a vote"
    where = f" at {record.meeting}" if record.meeting else ""
    kind = " (procedural)" if record.procedural else ""
    return f"{what}{where} on {record.date.isoformat()}{kind}: {tally}"


def vote_record_repr(record: VoteRecord) -> str:
    """``<VoteRecord S/2016/846 at S/PV.7785 on 2016-10-08: 15 ballots>``."""
    what = record.symbol or "vote"
    where = f" at {record.meeting}" if record.meeting else ""
    kind = ", procedural" if record.procedural else ""
    return (
        f"<VoteRecord {what}{where} on {record.date.isoformat()}: "
        f"{_plural(len(record.ballots), 'ballot')}{kind}>"
    )


def vote_result_repr(result: VoteResult) -> str:
    """``<VoteResult vetoed by Russian Federation (11-2-2) on 2016-10-08>``."""
    return f"<VoteResult {result} on {result.on.isoformat()}>"


def _sponsor_names(sponsors: Sequence[Sponsorship], limit: int = 3) -> str:
    main = [s.member for s in sponsors if s.role.value == "main_sponsor"]
    shown = main or [s.member for s in sponsors]
    names = ", ".join(shown[:limit]) + (", …" if len(shown) > limit else "")
    return f"{_plural(len(sponsors), 'sponsor')}" + (f": {names}" if names else "")


def draft_str(draft: DraftResolution) -> str:
    """``S/2016/846: The situation in the Middle East`` (the id alone without a title)."""
    return f"{draft.id}: {draft.title}" if draft.title else draft.id


def draft_repr(draft: DraftResolution) -> str:
    """``<DraftResolution S/2016/846 "title": 2 sponsors: France, Spain>``; main sponsors named."""
    title = f' "{_clip(draft.title, 50)}"' if draft.title else ""
    return f"<{type(draft).__name__} {draft.id}{title}: {_sponsor_names(draft.sponsors)}>"


def resolution_repr(resolution: Resolution) -> str:
    """``<Resolution S/RES/2334 (2016), adopted 2016-12-23>``, naming the draft when known."""
    parts = [f" from {resolution.draft}" if resolution.draft else ""]
    if resolution.adopted is not None:
        parts.append(f", adopted {resolution.adopted.isoformat()}")
    return f"<Resolution {resolution.symbol}{''.join(parts)}>"


def sponsorship_str(sponsorship: Sponsorship) -> str:
    """``Spain (main sponsor, joined 2016-10-05)``; unverified records say so."""
    details = [_ROLES.get(sponsorship.role.value, sponsorship.role.value)]
    if sponsorship.joined is not None:
        details.append(f"joined {_day(sponsorship.joined)}")
    if not sponsorship.verified:
        details.append("unverified")
    return f"{sponsorship.member} ({', '.join(details)})"


def sponsorship_repr(sponsorship: Sponsorship) -> str:
    """``<Sponsorship Spain (main sponsor, joined 2016-10-05)>``."""
    return f"<Sponsorship {sponsorship_str(sponsorship)}>"


def event_str(event: _Event) -> str:
    """``2016-10-07 put in blue as S/2016/846``: the date and the event's summary."""
    return f"{_day(event.date)} {event.summary}"


def event_repr(event: _Event) -> str:
    """``<PutInBlue 2016-10-07: put in blue as S/2016/846>``."""
    return f"<{type(event).__name__} {_day(event.date)}: {event.summary}>"


def expectation_repr(expectation: Expectation) -> str:
    """``<Expectation vetoed by Russian Federation, certain: 11 yes, threshold 9>``; short even
    while open, when ``str`` names every swing member."""
    if expectation.outcome is None:
        head = "open"
    elif expectation.vetoed_by:
        head = "vetoed by " + _joined([s.name for s in expectation.vetoed_by])
    else:
        head = expectation.outcome.value
    if expectation.outcome is not None:
        head += ", certain" if expectation.certain else ", expected"
    rest = f"{expectation.yes} yes, threshold {expectation.threshold}"
    if expectation.needed:
        rest += f", {expectation.needed} more needed"
    if expectation.undecided:
        rest += f", {len(expectation.undecided)} undecided ({len(expectation.swing)} swing)"
    return f"<Expectation {head}: {rest}>"


def probabilities_repr(chances: Probabilities) -> str:
    """``<Probabilities adopted 25.0%, vetoed 50.0% (Russian Federation 50.0%), failed 25.0%>``."""
    return f"<Probabilities {chances}>"


def snapshot_repr(snapshot: Snapshot) -> str:
    """``<Snapshot S/2016/846 2016-10-08 [vetoed] vote held at S/PV.7785: vetoed by ...>``."""
    said: object = snapshot.result if snapshot.result is not None else _outlook(snapshot.expected)
    return (
        f"<Snapshot {snapshot.draft} {snapshot.day.isoformat()} [{snapshot.stage.value}] "
        f"{snapshot.event.summary}: {said}>"
    )


def _outlook(expectation: Expectation) -> str:
    """The expectation in a few words: ``str`` without the list of swing members."""
    text = str(expectation)
    return text.split("; swing: ", 1)[0]


def veto_repr(veto: Veto) -> str:
    """``<Veto 2016-10-08 S/2016/846 by Russian Federation (11-2-2)>``."""
    text = veto.document or veto.candidate_symbol or "(no symbol)"
    counts = f" ({veto.counts})" if veto.counts else ""
    flags = f", {_plural(len(veto.problems), 'problem')}" if veto.problems else ""
    return f"<Veto {veto.date.isoformat()} {text} by {' and '.join(veto.cast_as)}{counts}{flags}>"


def akn_record_str(record: AknRecord) -> str:
    """``S/2016/846 (draft) 2016-10-08: vetoed, 15 ballots``; problems counted when there are any."""
    outcome = record.recorded_outcome.value if record.recorded_outcome else "no recorded outcome"
    vote = f", {_plural(len(record.vote.ballots), 'ballot')}" if record.vote is not None else ""
    problems = f", {_plural(len(record.problems), 'problem')}" if record.problems else ""
    return f"{record.symbol} ({record.kind.value}) {record.date.isoformat()}: {outcome}{vote}{problems}"


def akn_record_repr(record: AknRecord) -> str:
    """``<AknRecord S/2016/846 (draft) 2016-10-08: vetoed, 15 ballots>``."""
    return f"<AknRecord {akn_record_str(record)}>"


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
    from .council import seats
    from .voting import Ballot

    reached = result.yes >= result.threshold
    count = f"{result.yes} in favour {'≥' if reached else '<'} {result.threshold} required"
    if result.procedural:
        return f"procedural vote, so no veto applies; {count}: {result.outcome.value}"
    permanent = seats(result.on).council.permanent
    said_no = [s for s in permanent if result.ballots.get(s.code) is Ballot.NO]
    if not reached:
        if said_no:
            names = _joined([_the(s.name) for s in said_no])
            return (
                f"{count}: failed; the no vote{'s' if len(said_no) > 1 else ''} of {names} "
                f"{'are' if len(said_no) > 1 else 'is'} not "
                f"{'vetoes' if len(said_no) > 1 else 'a veto'}, since the draft fell short"
            )
        return f"{count}: failed"
    if result.vetoed_by:
        names = _joined([_the(s.name) for s in result.vetoed_by])
        who = "a permanent member" if len(result.vetoed_by) == 1 else "permanent members"
        return f"{count}; {names}, {who}, voted no: vetoed"
    abstaining = [s for s in permanent if result.ballots.get(s.code) not in (None, Ballot.YES)]
    if abstaining:
        names = _joined([_the(s.name) for s in abstaining])
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


def draft_html(draft: DraftResolution) -> str:
    """A draft: symbol, title, agenda, penholder, rivals and a table of its sponsors."""
    facts = [
        ("Agenda item", draft.agenda_item),
        ("Penholder", draft.penholder),
        ("Chapter", draft.chapter),
        ("Rival drafts", ", ".join(draft.rivals) or None),
        ("Vote expected", _day(draft.expected_vote) if draft.expected_vote else None),
        ("Source", draft.source),
        ("Note", draft.note),
    ]
    rows = [(f"<b>{_escape(k)}</b>", _cell(v)) for k, v in facts if v]
    sponsors = [
        (
            _cell(s.member),
            _cell(_ROLES.get(s.role.value, s.role.value)),
            _cell(_day(s.joined) if s.joined is not None else None),
            "yes" if s.verified else f"no: {_cell(s.note)}",
        )
        for s in draft.sponsors
    ]
    return _wrap(
        "draft",
        f"<h4>{_escape(draft.symbol or draft.id)}</h4>",
        f"<p>{_escape(draft.title)}</p>" if draft.title else "",
        _table(("", ""), rows) if rows else "",
        f"<p>{_escape(_plural(len(sponsors), 'sponsor'))}</p>",
        _table(("Sponsor", "Role", "Joined", "Verified"), sponsors) if sponsors else "",
    )


def _ballot_rows(result: VoteResult) -> list[tuple[str, str, str]]:
    from .council import seats

    seated = seats(result.on).council
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


def vote_record_html(record: VoteRecord) -> str:
    """A recorded vote: what was voted on, where, and what Article 27 makes of its ballots."""
    from .voting import tally

    heading = record.symbol or "Vote"
    where = f" at {record.meeting}" if record.meeting else ""
    kind = " (procedural)" if record.procedural else ""
    return _wrap(
        "vote-record",
        f"<h4>{_escape(heading + where)} on {record.date.isoformat()}{_escape(kind)}</h4>",
        _div("vote-result", *_vote_result_parts(tally(record))),
    )


def snapshot_html(snapshot: Snapshot) -> str:
    """A snapshot: the event, the stage, the sponsors, the positions, and what to expect."""
    facts = [
        ("Event", f"{_day(snapshot.date)} {snapshot.event.summary}"),
        ("Stage", snapshot.stage.value.replace("_", " ")),
        ("Symbol", snapshot.symbol),
        ("Sponsors", _sponsor_names(snapshot.sponsors)),
        ("Expected", str(snapshot.expected)),
        ("GA debate due by", _day(snapshot.ga_debate_due_by) if snapshot.ga_debate_due_by else ""),
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
            else _escape(_outlook(snapshot.expected))
        )
        if snapshot.warnings:
            said += "".join(f'<div class="warning">{_escape(w)}</div>' for w in snapshot.warnings)
        rows.append(
            (
                _cell(_day(snapshot.date)),
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
        f"<p>{_escape(_plural(len(rows), 'event'))}; final stage: {_escape(final)}</p>",
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
        f"<p>{_escape(_plural(len(rows), 'veto'))}</p>",
        _table(_VETO_HEAD, rows, "vetoes"),
    )


# --- Mermaid ----------------------------------------------------------------------------------

_MERMAID_SAFE = re.compile(r"[^A-Za-z0-9 ,.'()\-/]")


def _mermaid_text(text: str) -> str:
    """Text for a label or a note: punctuation Mermaid reads as syntax becomes ``#code;``."""
    return _MERMAID_SAFE.sub(lambda found: f"#{ord(found.group())};", text)


def mermaid(path: Iterable[Stage | str] | None = None) -> str:
    """The lifecycle as a Mermaid ``stateDiagram-v2``; the stages of ``path`` marked visited and
    its last one marked current. See :func:`unsc_tracker.lifecycle.mermaid`."""
    from .lifecycle import END_STAGES, START, TRANSITIONS, Stage

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
            label = _mermaid_text(" / ".join(kinds))
            lines.append(f"    {stage.value} --> {target.value} : {label}")
    for stage in Stage:
        if stage in END_STAGES:
            lines.append(f"    {stage.value} --> [*]")
    lines.append(
        "    note right of withdrawn : "
        + _mermaid_text("an end, but a seconder may demand a vote (rule 35): revived")
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


def replay_path(replay: Replay) -> list[Stage]:
    """The stages a replay went through, from the start, inferred steps included."""
    from .lifecycle import INFERABLE, START

    leads_to = {kind.value: stage for kind, stage in INFERABLE.items()}
    path = [START]
    for snapshot in replay.snapshots:
        for step in snapshot.inferred:
            # Inferred steps are written "<event kind> (inferred before ...)" by the replay.
            stage = leads_to.get(step.split(" ", 1)[0])
            if stage is not None:
                path.append(stage)
        path.append(snapshot.stage)
    return [stage for i, stage in enumerate(path) if i == 0 or stage is not path[i - 1]]


def replay_mermaid(replay: Replay) -> str:
    """The lifecycle with the replay's path marked: see :meth:`unsc_tracker.replay.Replay.to_mermaid`."""
    return mermaid(replay_path(replay))
