"""TOML, JSON and YAML: the user's files read into plain data with their traps closed, and written.

:func:`parse` reads a file's text by its suffix into dicts, lists, strings, numbers, booleans,
dates and times, and nothing else. What the formats allow but a data file never needs is refused
with the caller's error, naming the file and the place: a key given twice in one table (JSON and
YAML let the last one silently win; TOML already refuses it), YAML aliases (``*name``, which let a
few hundred bytes stand for millions of values), tables nested more than :data:`MAX_DEPTH` deep,
integers beyond 64 bits, text holding a lone surrogate (a JSON ``"\\ud800"`` escape, which no
file can hold once read), keys that are not text and values of any other type (YAML's
``!!binary``, ``!!set``). :func:`dumps` writes data back; TOML is written here (:func:`dumps_toml`),
YAML needs the ``yaml`` extra and is read with PyYAML's safe loader only.

>>> parse('{"title": "a", "title": "b"}', ".json", "case.json", ValueError)
Traceback (most recent call last):
ValueError: case.json: top level: the key 'title' appears twice
"""

from __future__ import annotations

import json
import math
import tomllib
from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime, time
from typing import Any

from .checked import field_place, shown

__all__ = ["MAX_DEPTH", "SUFFIXES", "check", "dumps", "dumps_toml", "parse"]

SUFFIXES = {".toml": "TOML", ".json": "JSON", ".yaml": "YAML", ".yml": "YAML"}
"""The suffixes read and written, and the format each names."""

MAX_DEPTH = 32
"""How deep tables and lists may nest; a scenario needs six levels (an event's date as a report
wrote it sits in a table, in the list of events, in a draft, in the list of drafts, in the file)."""

_Error = Callable[[str], Exception]
Place = Callable[[Sequence[int | str], Any], str]
_LARGEST = 2**63
_YAML_HINT = "pip install 'unsc-tracker[yaml]'"


def parse(
    text: str,
    suffix: str,
    where: str,
    error: _Error,
    what: str = "file",
    place: Place = field_place,
) -> Any:
    """The plain data in ``text``, read as the format ``suffix`` names (``.toml``, ``.json``,
    ``.yaml``, ``.yml``); ``error`` names ``where`` (the file) and, through ``place``, the place
    in the data of anything refused."""
    kind = SUFFIXES.get(suffix.lower())
    if kind is None:
        raise error(f"{where}: unknown {what} format {suffix!r}; use .toml, .json, .yaml or .yml")
    yaml = _yaml_module(where, error, what) if kind == "YAML" else None
    failures: tuple[type[Exception], ...] = (ValueError, yaml.YAMLError) if yaml else (ValueError,)
    try:
        if kind == "TOML":
            data = tomllib.loads(text)
        elif kind == "JSON":
            data = json.loads(text, object_pairs_hook=_Table.of)
        else:
            data = yaml.load(text, Loader=_loader(yaml))  # type: ignore[union-attr]  # safe: see _loader
    except RecursionError:
        raise error(f"{where}: not valid {kind}: nested more than {MAX_DEPTH} deep") from None
    except failures as err:
        raise error(f"{where}{_why(err, kind)}") from None
    check(data, where, error, place)
    return data


def check(data: Any, where: str, error: _Error, place: Place = field_place) -> None:
    """Raise ``error`` for anything in ``data`` that is not plain data a file can hold (see the
    module's docstring), naming ``where`` and the place."""
    _check(data, [], where, error, place, data)


class _Table(dict[str, Any]):
    """A JSON object, remembering a key it was given twice (the place is known only later)."""

    repeated: str | None = None

    @classmethod
    def of(cls, pairs: list[tuple[str, Any]]) -> _Table:
        table = cls(pairs)
        if len(table) != len(pairs):
            seen: set[str] = set()
            for key, _ in pairs:
                if key in seen:
                    table.repeated = key
                    break
                seen.add(key)
        return table


def _check(
    value: Any, path: list[int | str], where: str, error: _Error, place: Place, data: Any
) -> None:
    def refuse(problem: str) -> None:
        raise error(f"{where}: {place(path, data)}: {problem}")

    if len(path) >= MAX_DEPTH and isinstance(value, dict | list | tuple):  # the top table is 1 deep
        refuse(f"nested more than {MAX_DEPTH} deep")
    if isinstance(value, dict):
        repeated = getattr(value, "repeated", None)
        if repeated is not None:
            refuse(f"the key {repeated!r} appears twice")
        for key, item in value.items():
            if not isinstance(key, str):
                refuse(f"a key is text, not {type(key).__name__} {shown(key)}")
            _check(key, path, where, error, place, data)
            _check(item, [*path, key], where, error, place, data)
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            _check(item, [*path, index], where, error, place, data)
    elif isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as err:
            refuse(
                f"{shown(value)} holds {value[err.start]!r}, a lone surrogate, which is no character"
            )
    elif isinstance(value, bool | float | date | time | None):  # datetime is a date
        return
    elif isinstance(value, int):
        if not -_LARGEST <= value < _LARGEST:
            refuse(f"{shown(value)} is too large for any field (beyond 64 bits)")
    else:
        refuse(f"a value of type {type(value).__name__} ({shown(value)}) is not plain data")


def _yaml_module(where: str, error: _Error, what: str) -> Any:
    try:
        import yaml  # optional extra, imported only when a YAML file is used
    except ImportError:
        raise error(f"{where}: YAML {what}s need PyYAML, the 'yaml' extra: {_YAML_HINT}") from None
    return yaml


def _why(err: Exception, kind: str) -> str:
    """What a decoder's error says, worded as the library words its own: place, then problem."""
    if "integer string conversion" in str(err):  # Python's guard against huge integers
        return f": not valid {kind}: an integer of more than 4,300 digits"
    mark = getattr(err, "problem_mark", None)  # a YAML error, with its place
    if mark is not None:
        problem = getattr(err, "problem", None) or str(err)
        return f", line {mark.line + 1}, column {mark.column + 1}: not valid YAML: {problem}"
    return f": not valid {kind} ({err})"


def _loader(yaml: Any) -> type:
    """PyYAML's safe loader, refusing aliases and keys given twice in one mapping."""

    class Loader(yaml.SafeLoader):  # type: ignore[misc]
        def compose_node(self, parent: Any, index: Any) -> Any:
            if self.check_event(yaml.AliasEvent):
                mark = self.peek_event().start_mark
                raise yaml.composer.ComposerError(
                    None, None, "aliases (*name) are not accepted: write the value out", mark
                )
            return super().compose_node(parent, index)

        def construct_mapping(self, node: Any, deep: bool = False) -> Any:
            seen: dict[Any, int] = {}
            for key_node, _ in node.value:
                if key_node.tag == "tag:yaml.org,2002:merge":
                    continue  # "<<: {...}" merges keys that the mapping's own may override
                key = self.construct_object(key_node, deep=True)
                try:
                    first = seen.get(key)
                except TypeError:
                    continue  # an unhashable key: the base class says so
                if first is not None:
                    raise yaml.constructor.ConstructorError(
                        "while reading a mapping",
                        node.start_mark,
                        f"the key {shown(key)} appears twice (first on line {first})",
                        key_node.start_mark,
                    )
                seen[key] = key_node.start_mark.line + 1
            return super().construct_mapping(node, deep)

    return Loader


def dumps(
    data: Mapping[str, Any], suffix: str, where: str, error: _Error, what: str = "file"
) -> str:
    """``data`` as the text of a TOML, JSON or YAML file (by ``suffix``)."""
    kind = SUFFIXES.get(suffix.lower())
    if kind == "TOML":
        try:
            return dumps_toml(data)
        except ValueError as err:
            raise error(f"{where}: {err}") from None
    if kind == "JSON":
        return json.dumps(data, ensure_ascii=False, indent=2, default=_iso) + "\n"
    if kind == "YAML":
        yaml = _yaml_module(where, error, what)
        plain = json.loads(json.dumps(data, default=_iso))
        return str(yaml.dump(plain, Dumper=_dumper(yaml), allow_unicode=True, sort_keys=False))
    raise error(f"{where}: unknown {what} format {suffix!r}; use .toml, .json, .yaml or .yml")


def _dumper(yaml: Any) -> type:
    """PyYAML's safe dumper, writing text with a line break other than \\n in double quotes:
    in plain or single quotes, the reader would fold NEL (U+0085) into a space."""

    class Dumper(yaml.SafeDumper):  # type: ignore[misc]
        pass

    def text(dumper: Any, value: str) -> Any:
        style = '"' if any(mark in value for mark in "\x85\u2028\u2029") else None
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)

    Dumper.add_representer(str, text)
    return Dumper


def _iso(value: object) -> str:
    if isinstance(value, date | time):
        return value.isoformat()
    raise TypeError(f"cannot write {type(value).__name__} {value!r}")


_BARE_KEY = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-")


def dumps_toml(data: Mapping[str, Any]) -> str:
    """TOML text for a table of strings, numbers, booleans, dates, lists and tables.

    Lists of tables become arrays of tables (``[[drafts]]``); other tables inside them are
    written inline. ``None`` cannot be written in TOML: leave such keys out.

    >>> print(dumps_toml({"title": "A", "drafts": [{"symbol": "S/2016/846", "n": {"x": 1}}]}))
    title = "A"
    <BLANKLINE>
    [[drafts]]
    symbol = "S/2016/846"
    n = { x = 1 }
    <BLANKLINE>
    """
    lines: list[str] = []
    _table(data, [], lines)
    return "\n".join(lines) + "\n"


def _is_table_list(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, Mapping) for v in value)


def _table(data: Mapping[str, Any], path: list[str], lines: list[str]) -> None:
    for key, value in data.items():
        if not _is_table_list(value):
            lines.append(f"{_key(key)} = {_value(value)}")
    for key, value in data.items():
        if _is_table_list(value):
            for item in value:
                lines.append("")
                lines.append(f"[[{'.'.join(_key(k) for k in [*path, key])}]]")
                _table(item, [*path, key], lines)


def _key(key: str) -> str:
    return key if key and set(key) <= _BARE_KEY else _string(key)


def _string(text: str) -> str:
    # JSON string escapes are valid TOML basic-string escapes; DEL must be escaped in TOML.
    return json.dumps(text, ensure_ascii=False).replace("\x7f", "\\u007f")


def _value(value: Any) -> str:
    if value is None:
        raise ValueError("TOML cannot hold a missing value (None): leave the key out")
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return "nan"
        if math.isinf(value):
            return "inf" if value > 0 else "-inf"
        return repr(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, str):
        return _string(value)
    if isinstance(value, Mapping):
        inner = ", ".join(f"{_key(str(k))} = {_value(v)}" for k, v in value.items())
        return "{ " + inner + " }" if inner else "{}"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    raise ValueError(f"cannot write a {type(value).__name__} to TOML: {value!r}")
