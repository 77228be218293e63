"""The example in docs/extending.md loads and replays, so the page cannot rot.

The page's Python blocks run as doctests (``--doctest-glob='*.md'``); this test takes the TOML
example from between its markers, writes it to a file, and replays it.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import unsc_tracker as ut
from unsc_tracker.scenarios import bundled_scenarios

PAGE = Path(__file__).parent.parent / "docs" / "extending.md"
MARKED = re.compile(
    r"^<!-- scenario-example -->\n```toml\n(.*?)```\n<!-- /scenario-example -->$", re.S | re.M
)


def _example() -> str:
    found = MARKED.findall(PAGE.read_text(encoding="utf-8"))
    assert len(found) == 1, "docs/extending.md needs exactly one marked TOML example"
    return str(found[0])


@pytest.fixture
def example(tmp_path: Path) -> Path:
    path = tmp_path / "my-draft.toml"
    path.write_text(_example(), encoding="utf-8")
    return path


def test_the_example_loads_and_replays(example: Path) -> None:
    scenario = ut.load_scenario(example)
    assert [draft.id for draft in scenario.drafts] == ["S/2016/1026"]
    final = scenario.replay("S/2016/1026").final
    assert final.stage is ut.Stage.VETOED
    assert final.result is not None
    assert str(final.result) == "vetoed by China and Russian Federation (11-3-1)"
    assert any("24 hours in blue" in warning for warning in final.warnings)


def test_the_example_is_the_bundled_file(example: Path) -> None:
    # The page shows the bundled scenario in full: a change to either must reach both.
    assert "aleppo-2016-12" in bundled_scenarios()
    assert ut.load_scenario(example) == ut.load_scenario("aleppo-2016-12")
    bundled = Path(ut.__file__).parent / "data" / "scenarios" / "aleppo-2016-12.toml"
    assert _example() == bundled.read_text(encoding="utf-8")


def test_every_event_of_the_example_has_a_source(example: Path) -> None:
    for draft in ut.load_scenario(example).drafts:
        for number, event in enumerate(draft.events, 1):
            assert event.source, f"{draft.id} event {number} has no source"


def test_the_page_links_the_format_reference() -> None:
    text = PAGE.read_text(encoding="utf-8")
    assert "(scenarios.md)" in text
    assert (PAGE.parent / "scenarios.md").is_file()
    assert "python -m unsc_tracker replay my-draft.toml" in text
