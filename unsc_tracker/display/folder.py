"""The notebook view of a folder of the UN's AKN4UN files read by
:func:`~unsc_tracker.akn4un.load_folder`: what was read, the problems, and the outcomes checked."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from .. import views
from ..akn4un.document import shown
from ..akn4un.folder import FolderReport
from .markup import Cell, cell, date_cell, escape, facts, nowrap_cell, num_cell, table, wrap

__all__ = ["ROWS_SHOWN", "folder_report_html"]

ROWS_SHOWN = 50
"""The rows each list of a folder report shows; the rest are counted, and ``str(report)`` has them."""


def _where(path: Path | None) -> Cell:
    return cell(shown(path) if path is not None else "<string>")


def _section(title: str, head: Sequence[str], rows: Sequence[Sequence[str]], kind: str) -> str:
    if not rows:
        return ""
    more = len(rows) - ROWS_SHOWN
    return (
        f'<div class="ut-title">{escape(title)} ({len(rows)})</div>'
        + table(head, rows[:ROWS_SHOWN], kind)
        + (
            f'<p class="ut-line ut-note">and {more} more; str(report) lists them all</p>'
            if more > 0
            else ""
        )
    )


@views.register(FolderReport)
def folder_report_html(report: FolderReport) -> str:
    """A folder report: the files read, the records by language, the problems by kind, the
    outcomes that disagree with the record, the refusals, the language versions that differ and
    the unreadable files (the first :data:`ROWS_SHOWN` of each)."""
    votes = sum(1 for record in report.records if record.vote is not None)
    checks = report.compare()
    disagreements = report.disagreements()
    refusals = report.refusals()
    about = [
        ("Language read", cell(report.language or "all languages")),
        ("XML files", num_cell(len(report.xml_files))),
        ("Resolutions and drafts", num_cell(len(report.records))),
        ("Presidential statements", num_cell(len(report.statements))),
        ("Votes built", num_cell(votes)),
        ("Without a vote", num_cell(len(report.without_vote))),
        ("Outcomes that agree", num_cell(sum(1 for c in checks if c.agrees is True))),
        ("Outcomes that disagree", num_cell(len(disagreements))),
        ("Refused", num_cell(len(refusals))),
        ("Unreadable files", num_cell(len(report.unreadable))),
        ("In other languages", num_cell(len(report.other_languages)) if report.language else ""),
        ("Files not named *.xml", num_cell(len(report.other_files))),
    ]
    languages = [(cell(code or "?"), num_cell(n)) for code, n in report.by_language().items()]
    problems = [(cell(kind.value), num_cell(n)) for kind, n in report.problem_counts().items()]
    differing = [
        (
            _where(c.path),
            cell(c.symbol),
            cell(c.recorded.value if c.recorded else None),
            cell(c.computed.value if c.computed else None),
            nowrap_cell(c.counts),
            cell(c.reason),
        )
        for c in disagreements
    ]
    refused = [
        (
            _where(r.path),
            cell(r.symbol),
            date_cell(r.date),
            cell("; ".join(p.message for p in r.problems if p.voids_vote)),
        )
        for r in refusals
    ]
    value = {"date": date_cell, "counts": nowrap_cell}
    versions = [
        (
            cell(d.symbol),
            cell(d.language),
            cell(d.what),
            value.get(d.what, cell)(d.english),
            value.get(d.what, cell)(d.other),
            _where(d.path),
        )
        for d in report.differences()
    ]
    unreadable = [(_where(entry.path), cell(entry.message)) for entry in report.unreadable]
    return wrap(
        "folder-report",
        f'<div class="ut-title">{escape(shown(report.folder))}</div>',
        facts(about),
        _section("Records by language", ("Language", "Records"), languages, "ut-languages"),
        _section(
            "Records with data problems, by kind", ("Problem", "Records"), problems, "ut-problems"
        ),
        _section(
            "Outcomes the ballots give otherwise than the record",
            ("File", "Symbol", "Recorded", "Computed", "Counts", "Why"),
            differing,
            "ut-disagreements",
        ),
        _section(
            "Refused: the record contradicts itself",
            ("File", "Symbol", "Date", "Why"),
            refused,
            "ut-refusals",
        ),
        _section(
            "Language versions that differ from the English record",
            ("Symbol", "Language", "What", "English", "This version", "File"),
            versions,
            "ut-versions",
        ),
        _section("Unreadable files", ("File", "Why"), unreadable, "ut-unreadable"),
    )
