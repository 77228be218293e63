"""Scenario files: drafts and their events in TOML, JSON or YAML, read, checked and written back.

A scenario holds one or more drafts, each with its event log (the format is described in
``docs/scenarios.md``, and :func:`scenario_json_schema` gives its JSON Schema). Reading
validates everything; an error names the file, the place (draft, event number, field) and the
value, as a :class:`~unsc_tracker.errors.ScenarioError`. Writing and reading back gives an equal
scenario, hence equal replays; a write is whole or nothing (:mod:`unsc_tracker.files`). The
formats are read and written by :mod:`unsc_tracker.formats` (TOML has no null: unset fields are
left out; YAML needs the ``yaml`` extra, and is read with PyYAML's safe loader only).
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any, ClassVar

from pydantic import ConfigDict, Field, ValidationError, model_validator

from . import views
from .checked import Checked, explain
from .drafts import DraftResolution
from .errors import IllegalEventError, ScenarioError, UnscTrackerError
from .events import Event, in_force, mixed_times, withdrawals
from .files import read_text, write_atomic
from .formats import check, dumps, parse
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


class ScenarioDraft(DraftResolution):
    """A draft and its event log, as a scenario file holds it.

    The log may hold retractions (``kind = "retracted"``), each naming an earlier event by its
    number in ``events``, counted from 1; they are kept as written, and applied on replay.
    """

    error: ClassVar[type[UnscTrackerError]] = ScenarioError

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


class Scenario(Checked):
    """Drafts and their events, with the scenario's own sources.

    >>> s = load_scenario("aleppo-2016")
    >>> [d.id for d in s.drafts]
    ['S/2016/846', 'S/2016/847']
    >>> str(s.replay("S/2016/846").final.result)
    'vetoed by Russian Federation (11-2-2)'
    """

    model_config = ConfigDict(frozen=True, extra="forbid")
    error: ClassVar[type[UnscTrackerError]] = ScenarioError

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

    @classmethod
    def _explain(cls, err: ValidationError, where: str, data: Any) -> str:
        return explain(err, where, data, _place)

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


def load_scenario(source: str | os.PathLike[str]) -> Scenario:
    """A scenario from a bundled name (``"aleppo-2016"``) or a path to a TOML, JSON or YAML file.

    The file is UTF-8 text. Raises :class:`~unsc_tracker.errors.ScenarioError` for a file that
    cannot be read or does not hold a valid scenario, naming the file, the place and the value
    (see :mod:`unsc_tracker.formats` for what the formats allow but a scenario refuses: keys
    given twice, YAML aliases, deep nesting, huge integers, lone surrogates).

    >>> load_scenario("aleppo-2016").replay("S/2016/847").final.stage
    <Stage.FAILED: 'failed'>
    """
    if not isinstance(source, str | os.PathLike):
        raise TypeError(
            f"a scenario is a bundled name or a path (str or Path), not {type(source).__name__}"
        )
    path = Path(source)
    if isinstance(source, str) and path.suffix == "" and not path.exists():
        if source not in bundled_scenarios():
            names = ", ".join(bundled_scenarios())
            raise ScenarioError(
                f"no bundled scenario {source!r} (bundled: {names}); to read a file, give its path"
            )
        entry = resources.files("unsc_tracker") / "data" / "scenarios" / f"{source}.toml"
        return loads_scenario(entry.read_text(encoding="utf-8"), "toml", source=source)
    text = read_text(path, ScenarioError, "scenario file")
    return loads_scenario(text, path.suffix.lower().removeprefix("."), source=str(path))


def loads_scenario(text: str, format: str, *, source: str = "<string>") -> Scenario:
    """A scenario from the text of a file: ``format`` is ``toml``, ``json``, ``yaml`` or
    ``yml``; ``source`` names the text in errors (``<stdin>`` for standard input).

    >>> loads_scenario('[[drafts]]\\nsymbol = "S/2016/846"\\n', "toml").drafts[0].id
    'S/2016/846'
    """
    suffix = f".{format}" if format else ""
    data = parse(text, suffix, source, ScenarioError, "scenario file", _place)
    if not isinstance(data, Mapping):
        raise ScenarioError(f"{source}: a scenario is a table of fields, not {type(data).__name__}")
    return Scenario.checked(data, source)


def save_scenario(scenario: Scenario, path: str | os.PathLike[str]) -> Path:
    """Write ``scenario`` to ``path`` as TOML, JSON or YAML (by suffix); returns the path.

    The file is written whole or not at all (:func:`~unsc_tracker.files.write_atomic`): a
    failure leaves an existing file as it was. Raises
    :class:`~unsc_tracker.errors.ScenarioError` for a folder that does not exist, a disk that
    is full, or a text that no file can hold (a lone surrogate), naming the place.
    """
    if not isinstance(scenario, Scenario):
        raise TypeError(f"save_scenario() writes a Scenario, not {type(scenario).__name__}")
    if not isinstance(path, str | os.PathLike):
        raise TypeError(f"a scenario file is given by its path, not {type(path).__name__}")
    target = Path(path)
    data = _plain(scenario)
    check(data, str(target), ScenarioError, _place)
    text = dumps(data, target.suffix, str(target), ScenarioError, "scenario file")
    return write_atomic(target, text, ScenarioError, "scenario file")


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
