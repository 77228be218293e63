"""What the command-line tests share: running ``unsc-tracker`` as a user does (a subprocess) or
in-process (``main``), and the ballots of S/2016/846."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from unsc_tracker.cli import main

ROOT = Path(__file__).parent.parent
NOT_ADOPTED = ROOT / "tests" / "data" / "akn4un" / "not-adopted"
ALEPPO_BALLOTS = [
    "Russia=no",
    "Venezuela=no",
    "Angola=abstain",
    "China=abstain",
    "France=yes",
    "UK=yes",
    "US=yes",
    "Egypt=yes",
    "Japan=yes",
    "Malaysia=yes",
    "New Zealand=yes",
    "Senegal=yes",
    "Spain=yes",
    "Ukraine=yes",
    "Uruguay=yes",
]
"""The ballots on S/2016/846, 8 October 2016 (S/PV.7785)."""


def run(
    *args: str, input: str | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """``python -m unsc_tracker ARGS`` in the project root, with ``input`` on standard input."""
    return subprocess.run(
        [sys.executable, "-m", "unsc_tracker", *args],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        cwd=ROOT,
        input=input,
        env={**os.environ, **(env or {})},
    )


def run_main(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """``main(ARGS)`` in-process: the status, standard output and standard error."""
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err
