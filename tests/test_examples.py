"""Every script in examples/ runs, exits 0 and prints its key lines."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from unsc_tracker import load_scenario

EXAMPLES = Path(__file__).parent.parent / "examples"
KEY_LINES = {
    "replay_aleppo_2016.py": [
        "  S/2016/846: vetoed by Russian Federation (11-2-2)",
        "  S/2016/847: failed: 4 in favour, 9 required (4-9-2)",
        "expect a veto by Russian Federation",
    ],
    "track_aleppo_2016.py": [
        "2016-10-03  S/2016/846  circulated to all15",
        "S/2016/846: 18 events recorded, vetoed by Russian Federation (11-2-2)",
        "S/2016/847: 4 events recorded, failed: 4 in favour, 9 required (4-9-2)",
        "equal to the bundled aleppo-2016 scenario: True",
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


def load_example(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name.removesuffix(".py"), EXAMPLES / name)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_tracking_aleppo_event_by_event_gives_the_bundled_scenario(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    example = load_example("track_aleppo_2016.py")
    with example.track(tmp_path / "aleppo.sqlite") as tracker:
        exported = load_scenario(tracker.export(tmp_path / "aleppo.json"))
        assert tracker.scenario() == exported
    bundled = load_scenario("aleppo-2016")
    assert exported == bundled
    for draft in bundled.drafts:
        assert list(exported.replay(draft.id)) == list(bundled.replay(draft.id))
    printed = capsys.readouterr().out.splitlines()
    assert len(printed) == sum(len(draft.events) for draft in bundled.drafts)
