"""TOML, JSON and YAML read into plain data, with what a data file never needs refused."""

from __future__ import annotations

from datetime import date

import pytest

from unsc_tracker.errors import ScenarioError
from unsc_tracker.formats import MAX_DEPTH, check, dumps, parse


def test_plain_data_reads_the_same_in_each_format() -> None:
    expected = {"title": "é", "n": [1, 2.5, True], "day": date(2016, 10, 5)}
    texts = {
        ".toml": 'title = "é"\nn = [1, 2.5, true]\nday = 2016-10-05\n',
        ".yaml": "title: é\nn: [1, 2.5, true]\nday: 2016-10-05\n",
    }
    for suffix, text in texts.items():
        assert parse(text, suffix, "f", ScenarioError) == expected
    assert parse('{"a": {"b": [1]}}', ".JSON", "f", ScenarioError) == {"a": {"b": [1]}}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("1: a\n", r"top level: a key is text, not int 1"),
        ("a: !!binary aGk=\n", r"field a: a value of type bytes \(b'hi'\) is not plain data"),
        ("a: !!set {x}\n", r"field a: a value of type set"),
        ("a: !!python/name:os.system\n", r"line 1, column 4: not valid YAML: could not determine"),
        (
            "a: [1, {b: -9223372036854775809}]\n",
            r"field a\.1\.b: -9223372036854775809 is too large",
        ),
    ],
)
def test_yaml_beyond_plain_data_is_refused_naming_the_place(text: str, message: str) -> None:
    with pytest.raises(ScenarioError, match=message):
        parse(text, ".yaml", "f", ScenarioError)


def test_a_yaml_merge_key_may_be_overridden() -> None:
    assert parse("a: {<<: {x: 1, y: 2}, x: 3}\n", ".yaml", "f", ScenarioError) == {
        "a": {"x": 3, "y": 2}
    }


def test_the_depth_limit_counts_tables_and_lists() -> None:
    nested: object = 1
    for _ in range(MAX_DEPTH - 1):
        nested = [nested]
    check({"a": nested}, "f", ScenarioError)  # a table holding lists 31 deep: 32 in all
    with pytest.raises(ScenarioError, match=r"f: field a(\.0){31}: nested more than 32 deep"):
        check({"a": [nested]}, "f", ScenarioError)


def test_an_unknown_suffix_is_the_caller_s_error() -> None:
    with pytest.raises(ScenarioError, match=r"f: unknown file format '\.ini'"):
        parse("", ".ini", "f", ScenarioError)
    with pytest.raises(ScenarioError, match=r"f: unknown scenario file format '\.xml'"):
        dumps({}, ".xml", "f", ScenarioError, "scenario file")
    with pytest.raises(ScenarioError, match=r"f: TOML cannot hold a missing value"):
        dumps({"a": None}, ".toml", "f", ScenarioError)
