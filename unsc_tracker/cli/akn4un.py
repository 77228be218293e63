"""``unsc-tracker akn4un PATH...``: the UN's AKN4UN XML records read, their outcomes recomputed.

A thin layer over :mod:`unsc_tracker.akn4un`: :func:`~unsc_tracker.akn4un.load` for a file and
:func:`~unsc_tracker.akn4un.load_folder` for a folder; this module prints their summaries.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from ..akn4un import load, load_folder
from ..errors import AknError
from ._common import EXIT_OK

__all__ = ["register", "run"]


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "akn4un",
        help="read UN AKN4UN XML records and check their outcomes",
        description="Read an AKN4UN XML file, or a folder of them (every *.xml below, sorted: "
        "a clone of github.com/UNxml/SCresolutions). For a file: the record, how the decision "
        "was taken, its outcome as recorded and as recomputed under Article 27, and its data "
        "problems. For a folder: what was read, the problems by kind, the disagreements, the "
        "refusals and the language versions that differ. The UN's data problems are reported, "
        "not failures: the exit status is 0 when the folder was read.",
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="an XML file or a folder")
    parser.add_argument(
        "--lang",
        metavar="LANG",
        help="in folders, read only the files in this language: en, fr, es, ru, zh, ar or de",
    )
    parser.set_defaults(command=run)


def run(args: argparse.Namespace) -> int:
    for raw in args.paths:
        if not Path(raw).exists():
            raise AknError(f"{raw}: no such file or folder")
    for raw in args.paths:
        path = Path(raw)
        if path.is_dir():
            print(load_folder(path, language=args.lang).summary())
        else:
            print(load(path).summary())
    return EXIT_OK
