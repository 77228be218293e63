"""The scenario JSON Schema, generated from the models that load files, against the files
themselves: every bundled scenario, every scenario shown in the docs, and every scenario the
library writes validate against it."""

from __future__ import annotations

import json
import re
import tomllib
from datetime import date, time
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from strategies import draft_for_logs, event_logs

from unsc_tracker.errors import ScenarioError
from unsc_tracker.events import Event
from unsc_tracker.scenarios import (
    Scenario,
    ScenarioDraft,
    bundled_scenarios,
    load_scenario,
    save_scenario,
    scenario_json_schema,
)

jsonschema = pytest.importorskip("jsonschema")

DOCS = Path(__file__).parents[1] / "docs"
BUNDLED = Path(__file__).parents[1] / "unsc_tracker" / "data" / "scenarios"
CASES = Path(__file__).parent / "data" / "scenarios"
FENCED = re.compile(r"^```toml\n(.*?)^```$", re.M | re.S)
QUOTED = re.compile(r"'''(.*?)'''", re.S)


def _plain(value: object) -> str:
    if isinstance(value, date | time):
        return value.isoformat()
    raise TypeError(f"not JSON: {value!r}")


def as_json(data: dict[str, Any]) -> Any:
    """A scenario read from TOML as JSON would hold it: dates and times as ISO text."""
    return json.loads(json.dumps(data, default=_plain))


@cache
def validator() -> Any:
    schema = scenario_json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def docs_scenarios() -> list[tuple[str, str]]:
    """Every scenario written out in the docs: fenced TOML blocks, and TOML held in a doctest's
    triple-quoted string (its lines after ``... ``)."""
    found = []
    for page in sorted(DOCS.glob("*.md")):
        text = page.read_text(encoding="utf-8")
        for block in FENCED.findall(text):
            if "[[drafts]]" in block:
                found.append((page.name, block))
        for block in QUOTED.findall(text):
            if "[[drafts]]" in block:
                lines = [line.removeprefix("...").removeprefix(" ") for line in block.splitlines()]
                found.append((page.name, "\n".join(lines)))
    return found


def test_the_docs_show_scenarios() -> None:
    pages = {page for page, _ in docs_scenarios()}
    assert {"scenarios.md", "extending.md"} <= pages


@pytest.mark.parametrize("name", bundled_scenarios())
def test_every_bundled_scenario_validates(name: str) -> None:
    data = tomllib.loads((BUNDLED / f"{name}.toml").read_text(encoding="utf-8"))
    validator().validate(as_json(data))


@pytest.mark.parametrize("path", sorted(CASES.glob("*.toml")), ids=lambda p: p.stem)
def test_every_real_case_validates(path: Path) -> None:
    validator().validate(as_json(tomllib.loads(path.read_text(encoding="utf-8"))))


@pytest.mark.parametrize(("page", "text"), docs_scenarios(), ids=lambda v: str(v)[:20])
def test_every_docs_scenario_loads_and_validates(page: str, text: str, tmp_path: Path) -> None:
    path = tmp_path / "example.toml"
    path.write_text(text, encoding="utf-8")
    load_scenario(path)
    validator().validate(as_json(tomllib.loads(text)))


def test_a_date_as_a_report_wrote_it_validates() -> None:
    data = {
        "drafts": [
            {
                "symbol": "S/2016/846",
                "events": [
                    {
                        "kind": "circulated",
                        "date": {"report": "2016-10-05", "day": "Monday"},
                        "audience": "all15",
                    }
                ],
            }
        ]
    }
    validator().validate(data)


@pytest.mark.parametrize(
    "event",
    [
        {"kind": "vetoed", "date": "2016-10-08"},
        {"kind": "circulated", "date": "2016-10-03", "audience": "everyone"},
        {"kind": "circulated", "date": {"report": "2016-10-05"}, "audience": "all15"},
        {"kind": "statement", "date": "2016-10-05", "colour": "blue"},
    ],
    ids=["unknown kind", "unknown audience", "report without its words", "unknown field"],
)
def test_what_the_loader_refuses_the_schema_refuses(event: dict[str, Any], tmp_path: Path) -> None:
    data = {"drafts": [{"symbol": "S/2016/846", "events": [event]}]}
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ScenarioError):
        load_scenario(path)
    assert not validator().is_valid(data)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(log=event_logs())
def test_every_scenario_written_validates(tmp_path: Path, log: list[Event]) -> None:
    draft = ScenarioDraft(**dict(draft_for_logs()), events=tuple(log))
    scenario = Scenario(title="random", drafts=(draft,))
    for suffix in (".toml", ".json"):
        path = save_scenario(scenario, tmp_path / f"written{suffix}")
        if suffix == ".toml":
            data = as_json(tomllib.loads(path.read_text(encoding="utf-8")))
        else:
            data = json.loads(path.read_text(encoding="utf-8"))
        validator().validate(data)
