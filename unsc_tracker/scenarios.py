"""Scenario files: drafts and their events in TOML, JSON or YAML, read, checked and written back.

A scenario holds one or more drafts, each with its event log (the format is described in
``docs/scenarios.md``, and :func:`scenario_json_schema` gives its JSON Schema). Reading
validates everything; an error names the file, the place (draft, event number, field) and the
value, as a :class:`~unsc_tracker.errors.ScenarioError`. Writing and reading back gives an equal
scenario, hence equal replays. TOML is read with the standard library and written here (TOML
has no null: unset fields are left out). YAML needs the ``yaml`` extra, and is read with
``yaml.safe_load`` only.
"""

from __future__ import annotations

import json
import math
import tomllib
from collections.abc import Mapping, Sequence
from datetime import date, datetime, time
from importlib import resources
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from . import views
from .drafts import DraftResolution
from .errors import IllegalEventError, ScenarioError
from .events import Event, in_force, mixed_times, withdrawals
from .replay import Replay

__all__ = [
    "Scenario",
    "ScenarioDraft",
    "bundled_scenarios",
    "load_scenario",
    "loads_scenario",
    "save_scenario",
    "scenario_json_schema",
]

_YAML_HINT = "pip install 'unsc-tracker[yaml]'"


class ScenarioDraft(DraftResolution):
    """A draft and its event log, as a scenario file holds it.

    The log may hold retractions (``kind = "retracted"``), each naming an earlier event by its
    number in ``events``, counted from 1; they are kept as written, and applied on replay.
    """

    events: tuple[Event, ...] = ()

    @model_validator(mode="after")
    def _retractions(self) -> ScenarioDraft:
        try:
            withdrawn = withdrawals(self.events, self.id)
        except IllegalEventError as err:
            raise ValueError(str(err)) from None
        # The times that reach the replay: a DateError is a ValueError, reported with its place.
        retractions = {n for n, event in enumerate(self.events, 1) if event.kind == "retracted"}
        mixed_times(self.events, self.id, ignore=withdrawn.keys() | retractions)
        return self


class Scenario(BaseModel):
    """Drafts and their events, with the scenario's own sources.

    >>> s = load_scenario("aleppo-2016")
    >>> [d.id for d in s.drafts]
    ['S/2016/846', 'S/2016/847']
    >>> str(s.replay("S/2016/846").final.result)
    'vetoed by Russian Federation (11-2-2)'
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    title: str | None = None
    description: str | None = None
    sources: tuple[str, ...] = Field(default=(), description="where the scenario's facts come from")
    notice: str | None = Field(default=None, description="licence or source notice")
    drafts: tuple[ScenarioDraft, ...] = ()

    @model_validator(mode="after")
    def _unique(self) -> Scenario:
        # Checked here, not with min_length, which pydantic also reports when a draft is invalid.
        if not self.drafts:
            raise ValueError("a scenario needs at least one draft")
        seen: set[str] = set()
        for draft in self.drafts:
            if draft.id in seen:
                raise ValueError(f"two drafts have the id {draft.id!r}")
            seen.add(draft.id)
        return self

    def __repr__(self) -> str:
        events = sum(len(draft.events) for draft in self.drafts)
        ids = ", ".join(draft.id for draft in self.drafts)
        return f"<Scenario {self.title or 'untitled'!r}: {ids}; {events} events>"

    def _repr_html_(self) -> str:
        return views.html(self) or views.fallback(self)

    def draft(self, key: str) -> ScenarioDraft:
        """The draft with this id or symbol."""
        for draft in self.drafts:
            if key in (draft.id, draft.symbol):
                return draft
        known = ", ".join(d.id for d in self.drafts)
        raise ScenarioError(f"no draft {key!r} in this scenario; it holds: {known}")

    def replay(self, key: str, *, infer: bool = False) -> Replay:
        """Replay one draft's events (strict unless ``infer``; see :mod:`unsc_tracker.replay`),
        once its retractions are applied (:func:`~unsc_tracker.events.in_force`)."""
        draft = self.draft(key)
        return Replay.from_events(draft, in_force(draft.events, draft.id), infer=infer)

    def dump(self, path: str | Path) -> Path:
        """Write the scenario to ``path``: TOML, JSON or YAML by the file's suffix."""
        return save_scenario(self, path)


def scenario_json_schema() -> dict[str, Any]:
    """The JSON Schema of a scenario file, from the model.

    >>> scenario_json_schema()["title"]
    'Scenario'
    """
    return Scenario.model_json_schema()


def bundled_scenarios() -> tuple[str, ...]:
    """Names of the scenarios shipped with the library.

    >>> "aleppo-2016" in bundled_scenarios()
    True
    """
    folder = resources.files("unsc_tracker") / "data" / "scenarios"
    return tuple(
        sorted(entry.name[:-5] for entry in folder.iterdir() if entry.name.endswith(".toml"))
    )


def load_scenario(source: str | Path) -> Scenario:
    """A scenario from a bundled name (``"aleppo-2016"``) or a path to a TOML, JSON or YAML file.

    >>> load_scenario("aleppo-2016").replay("S/2016/847").final.stage
    <Stage.FAILED: 'failed'>
    """
    path = Path(source)
    if isinstance(source, str) and path.suffix == "" and not path.exists():
        if source not in bundled_scenarios():
            names = ", ".join(bundled_scenarios())
            raise ScenarioError(
                f"no bundled scenario {source!r} (bundled: {names}); to read a file, give its path"
            )
        entry = resources.files("unsc_tracker") / "data" / "scenarios" / f"{source}.toml"
        return _validate(_read_toml(entry.read_text(encoding="utf-8"), source), source)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as err:
        raise ScenarioError(f"{path}: cannot read the scenario file ({err.strerror})") from None
    return loads_scenario(text, path.suffix.lower().removeprefix("."), source=str(path))


def loads_scenario(text: str, format: str, *, source: str = "<string>") -> Scenario:
    """A scenario from the text of a file: ``format`` is ``toml``, ``json``, ``yaml`` or
    ``yml``; ``source`` names the text in errors (``<stdin>`` for standard input).

    >>> loads_scenario('[[drafts]]\\nsymbol = "S/2016/846"\\n', "toml").drafts[0].id
    'S/2016/846'
    """
    if format == "toml":
        data = _read_toml(text, source)
    elif format == "json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as err:
            raise ScenarioError(f"{source}: not valid JSON ({err})") from None
    elif format in ("yaml", "yml"):
        data = _read_yaml(text, source)
    else:
        shown = f".{format}" if format else ""
        raise ScenarioError(
            f"{source}: unknown scenario format {shown!r}; use .toml, .json, .yaml or .yml"
        )
    return _validate(data, source)


def save_scenario(scenario: Scenario, path: str | Path) -> Path:
    """Write ``scenario`` to ``path`` as TOML, JSON or YAML (by suffix); returns the path."""
    target = Path(path)
    data = _plain(scenario)
    suffix = target.suffix.lower()
    if suffix == ".toml":
        text = dumps_toml(data)
    elif suffix == ".json":
        text = json.dumps(data, ensure_ascii=False, indent=2, default=_iso) + "\n"
    elif suffix in (".yaml", ".yml"):
        yaml = _yaml_module(str(target))
        text = yaml.safe_dump(
            json.loads(json.dumps(data, default=_iso)), allow_unicode=True, sort_keys=False
        )
    else:
        raise ScenarioError(
            f"{target}: unknown scenario format {suffix!r}; use .toml, .json, .yaml or .yml"
        )
    target.write_text(text, encoding="utf-8")
    return target


def _iso(value: object) -> str:
    if isinstance(value, date | time):
        return value.isoformat()
    raise TypeError(f"cannot write {type(value).__name__} {value!r}")


def _plain(scenario: Scenario) -> dict[str, Any]:
    data = scenario.model_dump(mode="python", exclude_none=True, exclude_defaults=True)
    data["drafts"] = [
        _draft_plain(draft, raw)
        for draft, raw in zip(scenario.drafts, data.get("drafts", []), strict=True)
    ]
    return _enums_to_words(data)  # type: ignore[no-any-return]


def _draft_plain(draft: ScenarioDraft, raw: dict[str, Any]) -> dict[str, Any]:
    if raw.get("id") == draft.symbol:
        raw.pop("id")  # the id defaults to the symbol
    raw["events"] = [
        event.model_dump(mode="python", exclude_none=True, exclude_defaults=True)
        for event in draft.events
    ]
    for event, raw_event in zip(draft.events, raw["events"], strict=True):
        raw_event["kind"] = event.kind
        raw_event["date"] = event.date
        reported = event.reported_as
        if reported is not None and type(event.date) is date and reported.resolve() == event.date:
            # Written as the report wrote it: { report = 2016-10-05, day = "Monday" }.
            raw_event["date"] = raw_event.pop("reported_as")
    return raw


def _enums_to_words(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _enums_to_words(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_enums_to_words(v) for v in value]
    if isinstance(value, str):
        return str(value)  # a StrEnum member becomes its word
    return value


def _read_toml(text: str, where: str) -> Any:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        raise ScenarioError(f"{where}: not valid TOML ({err})") from None


def _yaml_module(where: str) -> Any:
    try:
        import yaml  # optional extra, imported only when a YAML file is used
    except ImportError:
        raise ScenarioError(
            f"{where}: YAML scenario files need PyYAML, the 'yaml' extra: {_YAML_HINT}"
        ) from None
    return yaml


def _read_yaml(text: str, where: str) -> Any:
    yaml = _yaml_module(where)
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as err:
        raise ScenarioError(f"{where}: not valid YAML ({err})") from None


def _validate(data: Any, where: str) -> Scenario:
    if not isinstance(data, Mapping):
        raise ScenarioError(f"{where}: a scenario is a table of fields, not {type(data).__name__}")
    try:
        return Scenario.model_validate(data)
    except ValidationError as err:
        raise ScenarioError(_explain(err, data, where)) from None


def _explain(err: ValidationError, data: Mapping[str, Any], where: str) -> str:
    lines = []
    for problem in err.errors(include_url=False):
        place = _place(problem["loc"], data)
        message = problem["msg"].removeprefix("Value error, ")
        value = problem.get("input")
        shown = f" (value {value!r})" if not isinstance(value, dict | list) else ""
        lines.append(f"{where}: {place}: {message}{shown}")
    head = lines[0]
    more = len(lines) - 1
    return head + (f"\n  and {more} more:\n  " + "\n  ".join(lines[1:]) if more else "")


def _place(loc: Sequence[int | str], data: Mapping[str, Any]) -> str:
    parts: list[str] = []
    rest = list(loc)
    if len(rest) >= 2 and rest[0] == "drafts" and isinstance(rest[1], int):
        index = rest[1]
        drafts = data.get("drafts")
        raw = drafts[index] if isinstance(drafts, list) and index < len(drafts) else {}
        name = raw.get("id") or raw.get("symbol") if isinstance(raw, Mapping) else None
        parts.append(f"draft {name or f'number {index + 1}'}")
        rest = rest[2:]
        if len(rest) >= 2 and rest[0] == "events" and isinstance(rest[1], int):
            number = rest[1]
            events = raw.get("events") if isinstance(raw, Mapping) else None
            event = events[number] if isinstance(events, list) and number < len(events) else {}
            kind = event.get("kind") if isinstance(event, Mapping) else None
            parts.append(f"event {number + 1}" + (f" ({kind})" if kind else ""))
            rest = rest[2:]
            if rest and rest[0] == kind:
                rest = rest[1:]  # pydantic repeats the discriminator's value
    field = ".".join(str(part) for part in rest)
    if field:
        parts.append(f"field {field}")
    return ", ".join(parts) if parts else "top level"


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
        raise ScenarioError("TOML cannot hold a missing value (None): leave the key out")
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
    raise ScenarioError(f"cannot write a {type(value).__name__} to TOML: {value!r}")
