"""The ``unsc-tracker`` command: replay a scenario, count a vote, query the veto record, follow
drafts live.

Each subcommand is a thin layer over the library, one module per command group (``replay``,
``check``, ``tally``, ``vetoes``, ``votes``, ``council``, ``track``, ``akn4un``, ``schema``): it parses its
arguments, calls the public functions and prints their results, as text built from the
library's own ``str()``, or with ``--format json`` or ``--format csv`` as data with stable keys
and ISO dates. What the commands share is in ``_common`` (and the dates in ``_dates``).

The command follows the conventions of the tools it is piped into:

- results go to standard output; warnings (the library's Python warnings among them) and errors
  to standard error, one ``unsc-tracker: warning: ...`` or ``unsc-tracker: error: ...`` line each;
- ``-`` names standard input wherever a file is read;
- bad input (any error of the library, an unknown member, a date that cannot be read, a missing
  file, an invalid scenario, a bad ballot, a bad command line) ends with status 2 and one error
  line; any other exception is an error in the program: status 1 and one line, with the
  traceback only under ``--debug``;
- a reader that goes away (``| head -1``) ends the command quietly, with status 0.

Importing this package imports no model: ``--help`` and ``--version`` start at once, and each
command imports what it uses when it runs.
"""

from __future__ import annotations

import argparse
import os
import sys
import traceback
import warnings
from collections.abc import Callable, Sequence
from typing import NoReturn, TextIO

from .._version import __version__
from ..errors import UnscTrackerError
from . import akn4un, check, council, replay, schema, tally, track, vetoes, votes
from ._common import EXIT_INTERNAL, EXIT_OK, EXIT_USAGE, PROG, CliError, fail, warn
from .schema import schema_text

__all__ = ["main", "schema_text"]

_COMMANDS = (replay, check, tally, vetoes, votes, council, track, akn4un, schema)
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
        args = _parse(parser, argv)
    except SystemExit as exit_:  # --help, --version and usage errors: argparse has printed
        return exit_.code if isinstance(exit_.code, int) else EXIT_USAGE
    command: Callable[[argparse.Namespace], int] = args.command
    debug: bool = getattr(args, "debug", False)
    with warnings.catch_warnings():
        warnings.simplefilter("default")
        warnings.showwarning = _show_warning
        try:
            status = command(args)
            sys.stdout.flush()  # a closed pipe shows here, while it can still be handled
            return status
        except BrokenPipeError:
            return _reader_gone()
        except KeyboardInterrupt:
            print(f"{PROG}: interrupted", file=sys.stderr)
            return 130
        except (UnscTrackerError, CliError) as err:
            if debug:
                traceback.print_exc()
            return fail(str(err))
        except OSError as err:  # the system refused a file: the input, not the program
            if debug:
                traceback.print_exc()
            where = f"{err.filename}: " if err.filename else ""
            return fail(f"{where}{err.strerror or err}")
        except Exception as err:
            if debug:
                traceback.print_exc()
            hint = "" if debug else " (run again with --debug for the traceback)"
            message = f"{type(err).__name__}: {err}".splitlines()[0]
            print(f"{PROG}: internal error: {message}{hint}", file=sys.stderr)
            return EXIT_INTERNAL


def _parse(parser: argparse.ArgumentParser, argv: Sequence[str] | None) -> argparse.Namespace:
    """The arguments; a command's list of items (``tally``'s ballots, ``track add``'s fields)
    may also follow its options: ``tally --on 2016-10-08 Russia=no --json China=yes``."""
    args, extra = parser.parse_known_args(argv)
    trailing: str | None = getattr(args, "trailing", None)
    if extra and trailing is not None and not any(item.startswith("-") for item in extra):
        setattr(args, trailing, [*getattr(args, trailing), *extra])
    elif extra:
        parser.error(f"unrecognized arguments: {' '.join(extra)}")
    return args


def _reader_gone() -> int:
    """The reader of standard output went away (``| head``): stop quietly, with status 0, and
    keep Python from complaining at exit about the output it can no longer flush."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # no real file behind stdout (captured in tests)
        pass
    return EXIT_OK


def _show_warning(
    message: Warning | str,
    category: type[Warning],
    filename: str,
    lineno: int,
    file: TextIO | None = None,
    line: str | None = None,
) -> None:
    warn(str(message))


class _Parser(argparse.ArgumentParser):
    """argparse, with a bad command line reported as one error line (status 2)."""

    def error(self, message: str) -> NoReturn:
        # argparse repeats what was given (an unrecognized argument) as it was, line breaks too.
        fail(f"{message} (see '{self.prog} --help')")
        raise SystemExit(EXIT_USAGE)


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog=PROG,
        description="UN Security Council draft resolutions: replay a draft's history, follow "
        "drafts live, apply Article 27 to a vote, and query the Council and the veto record.",
        epilog=f"Run '{PROG} COMMAND --help' for a command's options.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--debug", action="store_true", help="on an error, print the traceback as well"
    )
    commands = parser.add_subparsers(title="commands", metavar="COMMAND", required=True)
    for group in _COMMANDS:
        group.register(commands)
    for sub in _subparsers(parser):
        # ``--debug`` is also accepted after the command; SUPPRESS keeps the first one given.
        sub.add_argument(
            "--debug", action="store_true", default=argparse.SUPPRESS, help=argparse.SUPPRESS
        )
    return parser


def _subparsers(parser: argparse.ArgumentParser) -> list[argparse.ArgumentParser]:
    """Every parser below ``parser`` that takes options (commands, and the actions of track)."""
    found: list[argparse.ArgumentParser] = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in dict.fromkeys(action.choices.values()):
                below = _subparsers(sub)
                found += below or [sub]
    return found
