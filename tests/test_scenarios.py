"""Scenario files: loading, errors that name the place, writing back, the JSON Schema."""

from __future__ import annotations

import builtins
import json
import re
import tomllib
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from strategies import draft_for_logs, event_logs

from unsc_tracker.errors import ScenarioError
from unsc_tracker.events import Event
from unsc_tracker.formats import dumps_toml
from unsc_tracker.replay import Replay
from unsc_tracker.scenarios import (
    Scenario,
    ScenarioDraft,
    bundled_scenarios,
    load_scenario,
    save_scenario,
    scenario_json_schema,
)

DOCS = Path(__file__).parent.parent / "docs" / "scenarios.md"
GOOD = """
[[drafts]]
symbol = "S/2016/846"

[[drafts.events]]
kind = "circulated"
date = 2016-10-03
audience = "all15"

[[drafts.events]]
kind = "position_stated"
date = 2016-10-05
member = "Russia"
stance = "oppose"
"""


def write(tmp_path: Path, text: str, name: str = "case.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_bundled_aleppo_case() -> None:
    assert "aleppo-2016" in bundled_scenarios()
    scenario = load_scenario("aleppo-2016")
    assert [d.id for d in scenario.drafts] == ["S/2016/846", "S/2016/847"]
    assert scenario.draft("S/2016/846").rivals == ("S/2016/847",)
    assert scenario.notice is not None
    assert "unverified transcription" in scenario.notice


def test_every_aleppo_event_has_a_source_and_no_pv_7774_vote() -> None:
    # PROCEDURE §0.1: the vote was at the 7785th meeting, not S/PV.7774.
    for draft in load_scenario("aleppo-2016").drafts:
        for number, event in enumerate(draft.events, 1):
            assert event.source, f"{draft.id} event {number} has no source"
            assert "7774" not in (event.source + (event.note or ""))


def test_docs_example_is_loaded_here_too(tmp_path: Path) -> None:
    code = re.search(r"text = '''(.*?)'''", DOCS.read_text(encoding="utf-8"), re.S)
    assert code is not None
    text = "\n".join(line[4:] for line in code.group(1).splitlines())
    replay = load_scenario(write(tmp_path, text)).replay("S/2016/846")
    assert str(replay.final.expected.outcome) == "vetoed"


def test_error_names_file_draft_event_field_and_value(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD.replace('stance = "oppose"', 'stance = "against"'), "example.toml")
    with pytest.raises(ScenarioError) as caught:
        load_scenario(path)
    assert str(caught.value) == (
        f"{path}: draft S/2016/846, event 2 (position_stated), field stance: unknown stance "
        "'against'; a stance is one of: support, oppose, abstain, undecided (value 'against')"
    )


def test_documented_error_line_matches(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD.replace('stance = "oppose"', 'stance = "against"'), "example.toml")
    with pytest.raises(ScenarioError) as caught:
        load_scenario(path)
    documented = str(caught.value).replace(str(path), "example.toml")
    assert documented in DOCS.read_text(encoding="utf-8")


def test_error_for_a_bad_member_in_ballots(tmp_path: Path) -> None:
    text = (
        GOOD
        + '\n[[drafts.events]]\nkind = "vote_held"\ndate = 2016-10-08\n'
        + 'ballots = { Frankreich-Land = "yes" }\n'
    )
    with pytest.raises(
        ScenarioError,
        match=r"case.toml: draft S/2016/846, event 3 \(vote_held\), field ballots: "
        r"unknown member state 'Frankreich-Land'",
    ):
        load_scenario(write(tmp_path, text))


def test_error_for_a_bad_symbol_and_a_bad_date(tmp_path: Path) -> None:
    with pytest.raises(
        ScenarioError, match=r"draft S/PV.7785, field symbol: 'S/PV.7785' is not a draft symbol"
    ):
        load_scenario(write(tmp_path, GOOD.replace('"S/2016/846"', '"S/PV.7785"')))
    with pytest.raises(
        ScenarioError, match=r"event 1 \(circulated\), field date: date '03/10/2016' is ambiguous"
    ):
        load_scenario(write(tmp_path, GOOD.replace("date = 2016-10-03", 'date = "03/10/2016"')))
    with pytest.raises(
        ScenarioError, match=r"event 1 \(circulated\): date: relative day 'someday' cannot be read"
    ):
        load_scenario(
            write(
                tmp_path,
                GOOD.replace(
                    "date = 2016-10-03", 'date = { report = 2016-10-05, day = "someday" }'
                ),
            )
        )


def test_error_for_an_extra_field_and_a_missing_kind(tmp_path: Path) -> None:
    with pytest.raises(
        ScenarioError,
        match=r"event 1 \(circulated\), field outcome: "
        r"no such field here \(a misspelling, or a field of another kind\?\) \(value 'vetoed'\)",
    ):
        load_scenario(
            write(
                tmp_path,
                GOOD.replace('audience = "all15"', 'audience = "all15"\noutcome = "vetoed"'),
            )
        )
    with pytest.raises(
        ScenarioError,
        match=r"draft S/2016/846, event 1: Unable to extract tag using discriminator 'kind'",
    ):
        load_scenario(write(tmp_path, GOOD.replace('kind = "circulated"\n', "", 1)))


def test_error_for_bad_toml_json_and_suffix(tmp_path: Path) -> None:
    with pytest.raises(ScenarioError, match=r"case.toml: not valid TOML \(.*line 1, column 9"):
        load_scenario(write(tmp_path, "[[drafts]\nsymbol = 1"))
    with pytest.raises(ScenarioError, match=r"case.json: not valid JSON"):
        load_scenario(write(tmp_path, "{", "case.json"))
    with pytest.raises(ScenarioError, match=r"case.ini: unknown scenario file format '.ini'"):
        load_scenario(write(tmp_path, "", "case.ini"))
    with pytest.raises(ScenarioError, match=r"missing.toml: cannot read the scenario file"):
        load_scenario(tmp_path / "missing.toml")


def test_scenario_needs_a_draft(tmp_path: Path) -> None:
    with pytest.raises(
        ScenarioError, match=r"case\.toml: top level: a scenario needs at least one draft"
    ):
        load_scenario(write(tmp_path, 'title = "empty"'))


def test_unknown_bundled_name_and_draft() -> None:
    with pytest.raises(
        ScenarioError, match=r"^no bundled scenario 'aleppo-2017' \(bundled: aleppo-2016[,)]"
    ):
        load_scenario("aleppo-2017")
    with pytest.raises(
        ScenarioError,
        match="no draft 'S/2016/999' in this scenario; it holds: S/2016/846, S/2016/847",
    ):
        load_scenario("aleppo-2016").replay("S/2016/999")


@pytest.mark.parametrize("suffix", [".toml", ".json", ".yaml"])
def test_aleppo_round_trip(tmp_path: Path, suffix: str) -> None:
    scenario = load_scenario("aleppo-2016")
    again = load_scenario(scenario.dump(tmp_path / f"aleppo{suffix}"))
    assert again == scenario
    for draft in scenario.drafts:
        assert list(again.replay(draft.id)) == list(scenario.replay(draft.id))


def test_yaml_without_pyyaml_names_the_extra(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_import = builtins.__import__

    def no_yaml(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "yaml":
            raise ImportError("No module named 'yaml'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_yaml)
    path = write(tmp_path, "drafts: []", "case.yaml")
    with pytest.raises(
        ScenarioError,
        match=r"case\.yaml: YAML scenario files need PyYAML, the 'yaml' extra: "
        r"pip install 'unsc-tracker\[yaml\]'",
    ):
        load_scenario(path)


def test_json_schema_describes_events() -> None:
    schema = scenario_json_schema()
    assert schema["title"] == "Scenario"
    text = json.dumps(schema)
    assert '"vote_held"' in text
    assert '"position_stated"' in text


def test_toml_writer_escapes_strings() -> None:
    data = {"a": 'quote " back \\ new\nline \x7f \x00 غدا', "t": {"weird key": [1.5, True]}}
    assert tomllib.loads(dumps_toml(data)) == data


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(log=event_logs())
def test_random_logs_round_trip_through_files(tmp_path: Path, log: list[Event]) -> None:
    base = draft_for_logs().model_dump()
    scenario = Scenario(drafts=(ScenarioDraft.model_validate({**base, "events": log}),))
    before = list(Replay.from_events(scenario.drafts[0], log))
    for suffix in (".toml", ".json"):
        again = load_scenario(save_scenario(scenario, tmp_path / f"log{suffix}"))
        assert again == scenario
        assert list(again.replay(scenario.drafts[0].id)) == before


def test_scenario_repr_is_short() -> None:
    assert repr(load_scenario("aleppo-2016")) == (
        "<Scenario 'Aleppo ceasefire drafts, October 2016': S/2016/846, S/2016/847; 22 events>"
    )


RETRACTING = (
    GOOD
    + """
[[drafts.events]]
kind = "position_stated"
date = 2016-10-05
member = "China"
stance = "oppose"

[[drafts.events]]
kind = "retracted"
date = 2016-10-06
seq = 3
reason = "China stated no position: the report meant Russia"
"""
)


@pytest.mark.parametrize("suffix", [".toml", ".json", ".yaml"])
def test_retractions_are_kept_and_applied(tmp_path: Path, suffix: str) -> None:
    scenario = load_scenario(write(tmp_path, RETRACTING))
    assert [event.kind for event in scenario.drafts[0].events][-1] == "retracted"
    replay = scenario.replay("S/2016/846")
    assert len(replay) == 2
    assert "China" not in replay.final.positions
    again = load_scenario(scenario.dump(tmp_path / f"again{suffix}"))
    assert again == scenario
    assert list(again.replay("S/2016/846")) == list(replay)


def test_a_retraction_of_no_earlier_event_names_the_place(tmp_path: Path) -> None:
    path = write(tmp_path, RETRACTING.replace("seq = 3", "seq = 4"))
    with pytest.raises(
        ScenarioError,
        match=r"case\.toml: draft S/2016/846: S/2016/846: event 4 \(retracted on 2016-10-06\) "
        "names event 4, which is not an earlier event of the log",
    ):
        load_scenario(path)


def test_dates_are_written_as_the_report_wrote_them(tmp_path: Path) -> None:
    text = load_scenario("aleppo-2016").dump(tmp_path / "aleppo.toml").read_text(encoding="utf-8")
    assert 'date = { report = 2016-10-05, day = "غدا الخميس" }' in text
    assert "reported_as" not in text
