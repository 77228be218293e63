"""Notebook views of the Council on a day, votes and their results, and the veto record."""

from __future__ import annotations

from collections.abc import Iterable

from .. import views
from ..council import Council, council
from ..veto import Veto, VetoRecords
from ..voting import VoteRecord, VoteResult, tally
from ..wording import plural
from .markup import Cell, cell, date_cell, escape, items, nowrap_cell, source_html, table, wrap
from .why import explain

__all__ = [
    "council_html",
    "veto_html",
    "vetoes_html",
    "vote_record_html",
    "vote_result_html",
    "vote_result_parts",
]


@views.register(Council)
def council_html(seated: Council) -> str:
    """The Council on one day: each member under the name it sat under, its seat, the president."""
    rows = [
        (
            cell(seated.name_then(state)),
            cell(state.code),
            cell("permanent" if state in seated.permanent else "elected"),
            cell("president" if state == seated.president else ""),
        )
        for state in seated.members
    ]
    return wrap(
        "council",
        f'<div class="ut-title">Security Council on {seated.on.isoformat()}</div>',
        f'<p class="ut-line">{seated.size} members; a decision needs {seated.threshold} '
        "affirmative votes</p>",
        _president_line(seated),
        table(("Member", "Code", "Seat", "Presidency"), rows, "ut-members"),
        items(seated.notes, "ut-warning"),
    )


def _president_line(seated: Council) -> str:
    """Who presided that month, how that is known (sourced, rule 18's rotation) and the source."""
    if seated.president is None:
        return ""
    basis = f" ({seated.president_basis})" if seated.president_basis else ""
    source = f": {source_html(seated.president_source)}" if seated.president_source else ""
    return (
        f'<p class="ut-line">President for the month: {escape(seated.name_then(seated.president))}'
        f"{escape(basis)}{source}</p>"
    )


def _ballot_rows(result: VoteResult) -> list[tuple[Cell, Cell, Cell]]:
    seated = council(on=result.on)
    rows = []
    for state in seated.members:
        ballot = result.ballots.get(state.code)
        permanent = state in seated.permanent
        name = escape(seated.name_then(state))
        rows.append(
            (
                Cell(f'<span class="ut-permanent">{name}</span>') if permanent else Cell(name),
                cell("permanent" if permanent else "elected"),
                cell(ballot.value.replace("_", " ") if ballot is not None else "not recorded"),
            )
        )
    return rows


def vote_result_parts(result: VoteResult) -> tuple[str, ...]:
    """The parts of a result's view, for the views that hold one (snapshots, vote records)."""
    counts = (
        f"{result.yes} yes, {result.no} no, {result.abstain} abstaining"
        + (f", {result.absent} absent" if result.absent else "")
        + (f", {result.not_voting} not voting" if result.not_voting else "")
    )
    ballots = (
        table(("Member", "Seat", "Ballot"), _ballot_rows(result), "ut-ballots")
        if result.ballots
        else '<p class="ut-line">Ballots not recorded member by member.</p>'
    )
    return (
        f'<div class="ut-title">{escape(str(result))}</div>',
        f'<p class="ut-line ut-why">{escape(explain(result))}</p>',
        f'<p class="ut-line">{escape(counts)}; voted on {result.on.isoformat()}</p>',
        ballots,
        items(result.warnings, "ut-warning"),
    )


@views.register(VoteResult)
def vote_result_html(result: VoteResult) -> str:
    """A vote's result: the outcome, why, the counts, and the members with their ballots."""
    return wrap("vote-result", *vote_result_parts(result))


@views.register(VoteRecord)
def vote_record_html(record: VoteRecord) -> str:
    """A recorded vote: what was voted on, where, and what Article 27 makes of its ballots."""
    heading = record.symbol or "Vote"
    where = f" at {record.meeting}" if record.meeting else ""
    kind = " (procedural)" if record.procedural else ""
    return wrap(
        "vote-record",
        f'<div class="ut-title">{escape(heading + where)} on {record.date.isoformat()}'
        f"{escape(kind)}</div>",
        *vote_result_parts(tally(record)),
    )


def _veto_row(veto: Veto) -> tuple[str, ...]:
    text = veto.document or veto.candidate_symbol or "(no symbol)"
    caveats = ", ".join(c.value.replace("_", " ") for c in veto.caveats)
    return (
        date_cell(veto.date),
        cell(text),
        cell(veto.meeting),
        cell(veto.agenda),
        cell(" and ".join(veto.cast_as)),
        nowrap_cell(veto.counts),
        cell(caveats),
        Cell(source_html(veto.source).replace(" | ", "<br/>"), "ut-source"),
    )


_VETO_HEAD = ("Date", "Draft", "Meeting", "Agenda", "Vetoed by", "Counts", "Caveats", "Sources")


@views.register(Veto)
def veto_html(veto: Veto) -> str:
    """One veto record as a one-row table with its sources, its notes and its problems."""
    return wrap(
        "veto",
        table(_VETO_HEAD, [_veto_row(veto)], "ut-vetoes"),
        f'<p class="ut-line ut-note">{source_html(veto.notes)}</p>' if veto.notes else "",
        items(veto.problems, "ut-warning"),
    )


@views.register(VetoRecords)
def vetoes_html(records: Iterable[Veto]) -> str:
    """A table of veto records, such as :func:`~unsc_tracker.history.vetoes` returns, with the
    sources of each, and the record's known gaps for the question when the records carry them
    (``VetoRecords.gaps``); ``vetoes()`` shows this table in a notebook.

    >>> from unsc_tracker import vetoes
    >>> page = vetoes_html(vetoes(agenda="Aleppo"))
    >>> page.count("<tr>"), "S/2016/846" in page
    (3, True)
    """
    rows = [_veto_row(veto) for veto in records]
    gaps = getattr(records, "gaps", ())
    known = "".join(
        f'<li>{escape(str(gap))} <span class="ut-note">({source_html(gap.source)})</span></li>'
        for gap in gaps
    )
    return wrap(
        "vetoes",
        f'<p class="ut-line">{escape(plural(len(rows), "veto"))}</p>',
        table(_VETO_HEAD, rows, "ut-vetoes"),
        f'<p class="ut-line ut-warning">Known gaps in the record for this question</p>'
        f'<ul class="ut-list">{known}</ul>'
        if known
        else "",
    )
