"""Fuzzing the command line in-process: any argument list of the real commands ends with status
0, or with status 2 and exactly one ``unsc-tracker: error:`` line (``check`` gives one for each
file that does not pass); never status 1 (an error in the program), never a traceback.

Each run has a folder of its own as the current folder (the files the command line names are
written there first, and what it writes goes there), no ``UNSC_TRACKER_LOG`` or
``UNSC_TRACKER_DATA``, and standard streams as a process has them: UTF-8 bytes, standard output
strict, standard error with escapes for what cannot be encoded. The number of examples comes
from the Hypothesis profile (``docs/testing.md``).
"""

from __future__ import annotations

import contextlib
import io
import os
import sys
import tempfile
from pathlib import Path
from unittest import mock

from hypothesis import event, given
from strategies import FileArg, command_lines

from unsc_tracker.cli import main

ERROR = "unsc-tracker: error: "
WARNING = "unsc-tracker: warning: "


def run_in_process(argv: list[str | FileArg], stdin: bytes, folder: Path) -> tuple[int, str]:
    """``main(argv)`` run in ``folder`` with ``stdin``: the status and standard error."""
    args: list[str] = []
    for arg in argv:
        if isinstance(arg, FileArg):
            path = folder / arg.name
            if arg.content is not None:
                path.write_bytes(arg.content)
            arg = str(path)
        args.append(arg)
    streams = {
        "stdin": io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8"),
        "stdout": io.TextIOWrapper(io.BytesIO(), encoding="utf-8", errors="strict"),
        "stderr": io.TextIOWrapper(io.BytesIO(), encoding="utf-8", errors="backslashreplace"),
    }
    environment = {k: v for k, v in os.environ.items() if not k.startswith("UNSC_TRACKER_")}
    with (
        contextlib.chdir(folder),
        mock.patch.dict(os.environ, environment, clear=True),
        mock.patch.multiple(sys, **streams),
    ):
        status = main(args)
        sys.stdout.flush()
        sys.stderr.flush()
    err = streams["stderr"].buffer.getvalue().decode("utf-8")  # type: ignore[attr-defined]
    return status, err


@given(command_lines())
def test_any_command_line_ends_with_status_0_or_one_error_line(
    line: tuple[list[str | FileArg], bytes],
) -> None:
    argv, stdin = line
    with tempfile.TemporaryDirectory() as folder:
        status, err = run_in_process(argv, stdin, Path(folder))
    command = next((arg for arg in argv if isinstance(arg, str) and not arg.startswith("-")), "")
    event(f"{command}: status {status}")
    lines = err.splitlines()
    assert status in (0, 2), err
    assert "Traceback" not in err, err
    assert all(line.startswith((ERROR, WARNING)) for line in lines), err
    errors = sum(line.startswith(ERROR) for line in lines)
    if command == "check" and status == 2 and errors > 1:
        # check names each file that does not pass on a line of its own (docs/cli.md)
        assert errors <= sum(1 for arg in argv if arg != "check"), err
    else:
        assert errors == (1 if status == 2 else 0), err
