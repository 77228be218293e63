"""``unsc-tracker akn4un PATH...``: the UN's AKN4UN XML records read, their outcomes recomputed.

A thin layer over :mod:`unsc_tracker.akn4un`: :func:`~unsc_tracker.akn4un.load` for a file,
:func:`~unsc_tracker.akn4un.load_folder` for a folder, :func:`~unsc_tracker.akn4un.check` for
each record; this module only words and counts what they return.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

from ..akn4un import AknRecord, OutcomeCheck, ProblemKind, check, load, load_folder
from ..errors import AknError
from ..members import MemberState
from ..voting import Outcome
from ..wording import plural
from ._common import EXIT_OK, Json, add_json_flag, codes, fail, print_json

__all__ = ["register", "run"]


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "akn4un",
        help="read UN AKN4UN XML records and check their outcomes",
        description="Read AKN4UN XML files, or folders (every *.xml below, sorted): each "
        "record's symbol, its outcome as recorded and as recomputed under Article 27, and the "
        "data problems found. Data problems are reported, not failures: the exit status is 0 "
        "unless a file cannot be read.",
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="an XML file or a folder")
    add_json_flag(parser)
    parser.set_defaults(command=run)


def run(args: argparse.Namespace) -> int:
    for raw in args.paths:
        if not Path(raw).exists():
            raise AknError(f"{raw}: no such file or folder")
    records: list[AknRecord] = []
    unreadable: list[str] = []
    for raw in args.paths:
        path = Path(raw)
        if path.is_dir():
            report = load_folder(path)
            records += report.records
            unreadable += [entry.message for entry in report.unreadable]
        else:
            try:
                records.append(load(path))
            except AknError as err:
                unreadable.append(str(err))
    checks = [check(record) for record in records]
    without_vote = [r for r in records if ProblemKind.NO_VOTE in r.problem_kinds()]
    with_problems = [
        r for r in records if any(p.kind is not ProblemKind.NO_VOTE for p in r.problems)
    ]
    # As FolderReport.disagreements: a vote whose outcome the ballots do not confirm.
    disagreements = [
        found
        for record, found in zip(records, checks, strict=True)
        if found.agrees is not True and ProblemKind.NO_VOTE not in record.problem_kinds()
    ]
    if args.json:
        summary = {
            "files_read": len(records),
            "unreadable": len(unreadable),
            "without_vote": len(without_vote),
            "with_problems": len(with_problems),
            "disagreements": len(disagreements),
        }
        print_json(
            {
                "records": [_json(r, found) for r, found in zip(records, checks, strict=True)],
                "unreadable": unreadable,
                "summary": summary,
            }
        )
    else:
        for record, found in zip(records, checks, strict=True):
            _print(record, found)
        for message in unreadable:
            print(f"unreadable: {message}")
        print(
            f"{plural(len(records), 'file')} read, {len(without_vote)} with no vote, "
            f"{len(with_problems)} with data problems, "
            f"{plural(len(disagreements), 'disagreement')}"
            + (f", {len(unreadable)} unreadable" if unreadable else "")
        )
    if unreadable:
        return fail(f"{plural(len(unreadable), 'file')} could not be read: {unreadable[0]}")
    return EXIT_OK


def _outcome_words(outcome: Outcome | None, vetoed_by: Sequence[MemberState]) -> str:
    if outcome is None:
        return "none"
    if vetoed_by:
        return f"{outcome.value} by {' and '.join(state.name for state in vetoed_by)}"
    return outcome.value


def _print(record: AknRecord, found: OutcomeCheck) -> None:
    print(f"{record.symbol}  {record.date.isoformat()}  {record.path}")
    print(
        f"  recorded: {_outcome_words(found.recorded, found.recorded_vetoed_by)}; "
        f"computed: {_outcome_words(found.computed, found.computed_vetoed_by)}"
        + (f" ({found.counts})" if found.counts else "")
    )
    print(f"  {found.reason}")
    for problem in record.problems:
        print(f"  problem: {problem}")


def _json(record: AknRecord, found: OutcomeCheck) -> Json:
    return {
        "path": str(record.path) if record.path is not None else None,
        "symbol": record.symbol,
        "kind": record.kind.value,
        "date": record.date.isoformat(),
        "meeting": record.meeting,
        "recorded_outcome": found.recorded.value if found.recorded is not None else None,
        "recorded_vetoed_by": codes(found.recorded_vetoed_by),
        "computed_outcome": found.computed.value if found.computed is not None else None,
        "computed_vetoed_by": codes(found.computed_vetoed_by),
        "counts": found.counts,
        "agrees": found.agrees,
        "reason": found.reason,
        "problems": [
            {"kind": p.kind.value, "element": p.element, "message": p.message}
            for p in record.problems
        ],
    }
