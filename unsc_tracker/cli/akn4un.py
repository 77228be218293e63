"""``unsc-tracker akn4un PATH...``: the UN's AKN4UN XML records read, their outcomes recomputed.

A thin layer over :mod:`unsc_tracker.akn4un`: :func:`~unsc_tracker.akn4un.load` for a file,
:func:`~unsc_tracker.akn4un.loads` for standard input and
:func:`~unsc_tracker.akn4un.load_folder` for a folder. As text it prints their summaries; as
JSON or CSV, one item per record read.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ._common import EXIT_OK, STDIN, Json, Table, add_format, cell, codes, emit, warn

if TYPE_CHECKING:
    from ..akn4un import AknRecord, FolderReport, UnreadableFile

__all__ = ["register", "run"]

_COLUMNS = (
    "file",
    "symbol",
    "kind",
    "language",
    "date",
    "draft_symbol",
    "modality",
    "meeting",
    "recorded_outcome",
    "computed_outcome",
    "agrees",
    "counts",
    "recorded_vetoed_by",
    "computed_vetoed_by",
    "sponsors",
    "problems",
)


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "akn4un",
        help="read UN AKN4UN XML records and check their outcomes",
        description="Read an AKN4UN XML file (- for standard input), or a folder of them "
        "(every *.xml below, sorted: a clone of github.com/UNxml/SCresolutions). For a file: "
        "the record, how the decision was taken, its outcome as recorded and as recomputed "
        "under Article 27, and its data problems. For a folder: what was read, the problems by "
        "kind, the disagreements, the refusals and the language versions that differ. With "
        "--format json or csv: one item per record. The UN's data problems are reported, not "
        "failures: the exit status is 0 when the folder was read.",
    )
    parser.add_argument(
        "paths", nargs="+", metavar="PATH", help="an XML file, a folder, or - for stdin"
    )
    parser.add_argument(
        "--lang",
        metavar="LANG",
        help="in folders, read only the files in this language: en, fr, es, ru, zh, ar or de",
    )
    add_format(parser)
    parser.set_defaults(command=run)


def run(args: argparse.Namespace) -> int:
    from ..akn4un import load, load_folder, loads
    from ..errors import AknError

    for raw in args.paths:
        if raw != STDIN and not Path(raw).exists():
            raise AknError(f"{raw}: no such file or folder")
    read: list[AknRecord | FolderReport] = []
    for raw in args.paths:
        if raw == STDIN:
            read.append(loads(sys.stdin.buffer.read(), "<stdin>"))
        elif Path(raw).is_dir():
            read.append(load_folder(raw, language=args.lang))
        else:
            read.append(load(raw))
    records = [record for item in read for record in _records(item)]
    unreadable = [file for item in read for file in _unreadable(item)]
    emit(
        args,
        text=lambda: [item.summary() for item in read],
        data=lambda: {
            "records": [_json(record) for record in records],
            "unreadable": [{"file": str(file.path), "error": file.message} for file in unreadable],
        },
        table=lambda: Table(_COLUMNS, [_row(record) for record in records]),
    )
    if args.format != "text":  # the text summary lists them already
        for file in unreadable:
            warn(file.message)
    return EXIT_OK


def _records(item: AknRecord | FolderReport) -> Sequence[AknRecord]:
    from ..akn4un import FolderReport

    return (*item.records, *item.statements) if isinstance(item, FolderReport) else (item,)


def _unreadable(item: AknRecord | FolderReport) -> Iterator[UnreadableFile]:
    from ..akn4un import FolderReport

    if isinstance(item, FolderReport):
        yield from item.unreadable


def _row(record: AknRecord) -> dict[str, object]:
    from ..akn4un import DocumentKind

    # A presidential statement has no vote and no outcome to check.
    found = None if record.kind is DocumentKind.PRESIDENTIAL_STATEMENT else record.check()
    return {
        "file": str(record.path) if record.path is not None else None,
        "symbol": record.symbol,
        "kind": record.kind,
        "language": record.language,
        "date": record.date,
        "draft_symbol": record.draft_symbol,
        "modality": record.modality,
        "meeting": record.meeting,
        "recorded_outcome": record.recorded_outcome,
        "computed_outcome": record.computed_outcome,
        "agrees": found.agrees if found is not None else None,
        "counts": found.counts if found is not None else None,
        "recorded_vetoed_by": codes(record.recorded_vetoed_by),
        "computed_vetoed_by": codes(found.computed_vetoed_by) if found is not None else [],
        "sponsors": codes(record.sponsors),
        "problems": [problem.kind for problem in record.problems],
    }


def _json(record: AknRecord) -> Json:
    from ..akn4un import DocumentKind

    row = _row(record)
    found = None if record.kind is DocumentKind.PRESIDENTIAL_STATEMENT else record.check()
    data: Json = {
        key: cell(value) if value is not None and not isinstance(value, list | bool) else value
        for key, value in row.items()
    }
    data["problems"] = [
        {"kind": problem.kind.value, "element": problem.element, "message": problem.message}
        for problem in record.problems
    ]
    data["reason"] = None if found is None else found.reason
    return data
