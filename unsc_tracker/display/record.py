"""Notebook views of the vote record: one :class:`~unsc_tracker.record.Vote`, and the votes a
query returns (:class:`~unsc_tracker.record.Votes`), each fact with its source."""

from __future__ import annotations

from .. import views
from ..record import Vote, Votes
from ..wording import plural
from .markup import (
    cell,
    date_cell,
    escape,
    facts,
    items,
    nowrap_cell,
    source_cell,
    source_html,
    table,
    wrap,
)
from .votes import vote_result_parts

__all__ = ["ROWS_SHOWN", "vote_html", "votes_html"]

ROWS_SHOWN = 200
"""The votes a table of votes shows, the first ones in date order; the rest are counted."""


def _outcome(vote: Vote) -> str | None:
    found = vote.outcome
    if found is None:
        return vote.modality.value.replace("_", " ")
    vetoers = " and ".join(state.name for state in vote.vetoed_by)
    return f"{found.value} by {vetoers}" if vetoers else found.value


@views.register(Vote)
def vote_html(vote: Vote) -> str:
    """One vote of the record: what was voted on, when and where, the outcome, the counts and
    each member's ballot where known, the sources, the notes and the conflicts between sources."""
    about = [
        ("Kind", cell(vote.kind.value.replace("_", " "))),
        ("Date", date_cell(vote.date)),
        ("Meeting", cell(vote.meeting or (", ".join(vote.letters) or None))),
        ("Resolution", cell(vote.resolution)),
        ("Draft", cell(vote.draft)),
        ("Agenda", cell(vote.agenda)),
        ("Title", cell(vote.title)),
        ("Outcome", cell(_outcome(vote))),
        ("Recorded outcome", cell(vote.recorded_outcome.value if vote.recorded_outcome else None)),
        ("Counts", nowrap_cell(vote.counts)),
        ("Procedural", cell("yes" if vote.procedural else None)),
        ("Source", source_cell(vote.source)),
    ]
    sources = [(cell(fact), source_cell(source)) for fact, source in vote.fact_sources.items()]
    conflicts = [
        (cell(c.fact), cell(c.first), source_cell(c.first_source), cell(c.second),
         source_cell(c.second_source))
        for c in vote.conflicts
    ]  # fmt: skip
    result = vote.result
    return wrap(
        "vote",
        f'<div class="ut-title">{escape(vote.symbol)}</div>',
        facts(about),
        table(("Fact", "Source"), sources, "ut-sources") if sources else "",
        *(vote_result_parts(result) if result is not None else ()),
        "".join(f'<p class="ut-line ut-note">{source_html(note)}</p>' for note in vote.notes),
        table(
            ("Fact", "One source says", "Source", "Another says", "Source"),
            conflicts,
            "ut-conflicts",
        )
        if conflicts
        else "",
    )


@views.register(Votes)
def votes_html(votes: Votes) -> str:
    """The votes a query returned: date, symbol, meeting, agenda, outcome, counts and source of
    each, the first :data:`ROWS_SHOWN` in date order, then the conflicts between the sources."""
    rows = [
        (
            date_cell(vote.date),
            cell(vote.symbol),
            cell(vote.meeting),
            cell(vote.agenda),
            cell(_outcome(vote)),
            nowrap_cell(vote.counts),
            source_cell(vote.source),
        )
        for vote in votes[:ROWS_SHOWN]
    ]
    more = len(votes) - len(rows)
    return wrap(
        "votes",
        f'<p class="ut-line">{escape(plural(len(votes), "vote"))}'
        + (f"; the first {len(rows)} shown" if more > 0 else "")
        + (
            f"; {escape(plural(len(votes.conflicts), 'conflict'))} between sources"
            if votes.conflicts
            else ""
        )
        + "</p>",
        table(
            ("Date", "Symbol", "Meeting", "Agenda", "Outcome", "Counts", "Source"),
            rows,
            "ut-record",
        )
        if rows
        else "",
        items(str(conflict) for conflict in votes.conflicts[:ROWS_SHOWN]),
    )
