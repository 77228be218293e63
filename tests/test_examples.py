"""Every script in examples/ runs, exits 0 and prints its key lines."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).parent.parent / "examples"
KEY_LINES = {
    "replay_aleppo_2016.py": [
        "  S/2016/846: vetoed by Russian Federation (11-2-2)",
        "  S/2016/847: failed: 4 in favour, 9 required (4-9-2)",
        "expect a veto by Russian Federation",
    ],
}


SCRIPTS = sorted(p.name for p in EXAMPLES.glob("*.py"))


def test_the_main_example_is_there() -> None:
    assert "replay_aleppo_2016.py" in SCRIPTS


@pytest.mark.parametrize("name", SCRIPTS)
def test_example_runs(name: str) -> None:
    done = subprocess.run(
        [sys.executable, str(EXAMPLES / name)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines, f"{name} printed nothing"
    for key in KEY_LINES.get(name, []):
        assert any(key in line for line in lines), f"{name} did not print {key!r}"
