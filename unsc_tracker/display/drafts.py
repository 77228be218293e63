"""Notebook views of drafts, a draft's snapshots and its replay, and scenario files.

Each event's source is shown with its addresses as links, and its note beside it, so that what
a view says can be checked where it was found.
"""

from __future__ import annotations

from .. import views
from ..drafts import DraftResolution, sponsors_in_brief
from ..errors import UnscTrackerError
from ..events import Event
from ..forecast import outlook
from ..lifecycle import Stage
from ..replay import Replay, Snapshot
from ..scenarios import Scenario
from ..wording import day, plural
from .markup import (
    Cell,
    cell,
    date_cell,
    escape,
    facts,
    items,
    nowrap_cell,
    num_cell,
    source_cell,
    source_html,
    table,
    wrap,
)
from .votes import vote_result_parts

__all__ = ["draft_html", "replay_html", "scenario_html", "snapshot_html"]


def _note(text: str | None) -> Cell:
    return Cell(source_html(text)) if text else cell(None)


def _words(stage: Stage) -> str:
    return stage.value.replace("_", " ")


@views.register(DraftResolution)
def draft_html(draft: DraftResolution) -> str:
    """A draft: symbol, title, agenda, penholder, rivals, source, note and its sponsors."""
    about = [
        ("Agenda item", cell(draft.agenda_item)),
        ("Penholder", cell(draft.penholder)),
        ("Chapter", cell(draft.chapter)),
        ("Rival drafts", cell(", ".join(draft.rivals) or None)),
        ("Vote expected", date_cell(draft.expected_vote)),
        ("Source", source_cell(draft.source)),
        ("Note", _note(draft.note)),
    ]
    sponsors = [
        (
            cell(s.member),
            cell(s.role.words),
            date_cell(s.joined),
            cell("yes" if s.verified else "no"),
            source_cell(s.source),
            _note(s.note),
        )
        for s in draft.sponsors
    ]
    return wrap(
        "draft",
        f'<div class="ut-title">{escape(draft.symbol or draft.id)}</div>',
        f'<p class="ut-line">{escape(draft.title)}</p>' if draft.title else "",
        facts(about),
        f'<p class="ut-line">{escape(plural(len(sponsors), "sponsor"))}</p>',
        table(("Sponsor", "Role", "Joined", "Verified", "Source", "Note"), sponsors, "ut-sponsors")
        if sponsors
        else "",
    )


@views.register(Snapshot)
def snapshot_html(snapshot: Snapshot) -> str:
    """A snapshot: the event with its source and note, the stage, the sponsors, the positions,
    and what to expect."""
    event = snapshot.event
    about = [
        ("Event", cell(event.summary)),
        ("Date", date_cell(snapshot.date)),
        ("Source", source_cell(event.source)),
        ("Note", _note(event.note)),
        ("Stage", cell(_words(snapshot.stage))),
        ("Symbol", cell(snapshot.symbol)),
        ("Sponsors", cell(sponsors_in_brief(snapshot.sponsors) or None)),
        ("Expected", cell(str(snapshot.expected))),
        ("GA debate due by", date_cell(snapshot.ga_debate_due_by)),
    ]
    positions = [(cell(who), cell(stance.value)) for who, stance in snapshot.positions.items()]
    return wrap(
        "snapshot",
        f'<div class="ut-title">{escape(snapshot.draft)} on {snapshot.day.isoformat()}</div>',
        facts(about),
        table(("Member", "Position"), positions, "ut-positions") if positions else "",
        *(vote_result_parts(snapshot.result) if snapshot.result else ()),
        items(snapshot.inferred),
        items(snapshot.warnings, "ut-warning"),
    )


def _event_cell(snapshot: Snapshot) -> Cell:
    event: Event = snapshot.event
    html = escape(event.summary)
    html += "".join(f'<div class="ut-note"><i>{escape(s)}</i></div>' for s in snapshot.inferred)
    if event.note:
        html += f'<div class="ut-note">{source_html(event.note)}</div>'
    return Cell(html)


@views.register(Replay)
def replay_html(replay: Replay) -> str:
    """A replay as a timeline: date, event and its note, stage (bold where it changed), expected
    outcome or result, and the event's source."""
    rows = []
    before: Stage | None = None
    for snapshot in replay.snapshots:
        stage = escape(_words(snapshot.stage))
        said = (
            f"<b>{escape(str(snapshot.result))}</b>"
            if snapshot.result is not None
            else escape(outlook(snapshot.expected))
        )
        said += "".join(f'<div class="ut-warning">{escape(w)}</div>' for w in snapshot.warnings)
        rows.append(
            (
                date_cell(day(snapshot.date)),
                _event_cell(snapshot),
                Cell(f"<b>{stage}</b>" if snapshot.stage is not before else stage, "ut-nowrap"),
                Cell(said, "ut-wide"),
                source_cell(snapshot.event.source),
            )
        )
        before = snapshot.stage
    title = f": {replay.draft.title}" if replay.draft.title else ""
    final = _words(replay.snapshots[-1].stage) if replay.snapshots else "no events"
    return wrap(
        "replay",
        f'<div class="ut-title">{escape(replay.draft.id + title)}</div>',
        f'<p class="ut-line">{escape(plural(len(rows), "event"))}; final stage: '
        f"{escape(final)}</p>",
        table(
            ("Date", "Event and note", "Stage", "Expected / result", "Source"), rows, "ut-timeline"
        ),
    )


def _draft_row(scenario: Scenario, index: int) -> tuple[str, ...]:
    draft = scenario.drafts[index]
    try:
        final = scenario.replay(draft.id).final
    except UnscTrackerError as error:
        return (
            cell(draft.id),
            cell(draft.title),
            num_cell(len(draft.events)),
            cell(None),
            Cell(f'<span class="ut-warning">{escape(str(error))}</span>'),
        )
    said = final.result if final.result is not None else outlook(final.expected)
    return (
        cell(draft.id),
        cell(draft.title),
        num_cell(len(draft.events)),
        nowrap_cell(_words(final.stage)),
        cell(str(said)),
    )


@views.register(Scenario)
def scenario_html(scenario: Scenario) -> str:
    """A scenario: its title, description, notice and sources, and each draft with the number of
    its events, the stage its replay ends in and the result or the expected outcome."""
    rows = [_draft_row(scenario, index) for index in range(len(scenario.drafts))]
    sources = "".join(f"<li>{source_html(source)}</li>" for source in scenario.sources)
    return wrap(
        "scenario",
        f'<div class="ut-title">{escape(scenario.title or "Untitled scenario")}</div>',
        f'<p class="ut-line">{escape(scenario.description)}</p>' if scenario.description else "",
        table(("Draft", "Title", "Events", "Final stage", "Result or expected"), rows, "ut-drafts"),
        f'<p class="ut-line ut-note">{escape(scenario.notice)}</p>' if scenario.notice else "",
        f'<p class="ut-line">Sources</p><ul class="ut-list">{sources}</ul>' if sources else "",
    )
