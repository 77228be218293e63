"""The ``unsc-tracker`` command: replay a scenario, count a vote, query the veto record.

Each subcommand is a thin layer over the library, one module per command group (``replay``,
``tally``, ``vetoes``, ``council``, ``akn4un``, ``schema``): it parses its arguments, calls the
public functions and prints their results, as text built from the library's own ``str()`` or,
with ``--json``, as data with stable keys and ISO dates. What the commands share is in
``_common``. Bad input (an unknown member, a date that cannot be read, a missing file, an invalid
scenario, a bad ballot) ends with status 2 and one line on standard error,
``unsc-tracker: error: ...``; programming errors are left to raise.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence

from .._version import __version__
from ..errors import UnscTrackerError
from . import akn4un, council, replay, schema, tally, vetoes
from ._common import EXIT_USAGE, PROG, CliError, fail
from .schema import schema_text

__all__ = ["main", "schema_text"]

_COMMANDS = (replay, tally, vetoes, council, akn4un, schema)
"""The command groups, in the order ``--help`` lists them."""


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); returns the exit status.

    >>> main(["vetoes", "--agenda", "Aleppo", "--count-by", "agenda"])
       2  Middle East (Syria) - Aleppo
    2 vetoed texts
    0
    """
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:  # --help, --version and usage errors: argparse has printed
        return exit_.code if isinstance(exit_.code, int) else EXIT_USAGE
    command: Callable[[argparse.Namespace], int] = args.command
    try:
        return command(args)
    except (UnscTrackerError, CliError) as err:
        return fail(str(err))
    except BrokenPipeError:
        # The reader went away (``| head``): stop quietly, and keep Python from complaining
        # about the unflushable stdout at exit.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    except OSError as err:
        where = f"{err.filename}: " if err.filename else ""
        return fail(f"{where}{err.strerror or err}")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="UN Security Council draft resolutions: replay a draft's history, apply "
        "Article 27 to a vote, and query the bundled veto record.",
        epilog=f"Run '{PROG} COMMAND --help' for a command's options.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(title="commands", metavar="COMMAND", required=True)
    for group in _COMMANDS:
        group.register(commands)
    return parser
