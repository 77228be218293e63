"""The log's rows as the tracker reads and writes them: events as JSON, the entries of a draft's
history, the log's header, and validation errors in the library's words."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import NamedTuple

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError

from ..events import Event, EventKind

__all__ = ["Entry"]

_EVENT: TypeAdapter[Event] = TypeAdapter(Event)
_EVENTS: TypeAdapter[list[Event]] = TypeAdapter(list[Event])
_HEADER_FIELDS = frozenset({"title", "description", "sources", "notice"})


class _Header(BaseModel):
    """The log's header: what a scenario exported from it says of itself."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    title: str | None = None
    description: str | None = None
    sources: tuple[str, ...] = Field(default=())
    notice: str | None = None


class Entry(NamedTuple):
    """One event as the log holds it.

    ``seq`` is its number in the draft's log (from 1), ``recorded`` when the tracker wrote it
    (UTC), ``source`` the event's source, and ``withdrawn_by`` the number of the retraction in
    force that withdraws it, else None.
    """

    seq: int
    event: Event
    recorded: datetime
    source: str | None
    withdrawn_by: int | None


def _json(event: Event) -> str:
    return event.model_dump_json(exclude_none=True, exclude_defaults=True)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


def _explain(err: ValidationError, where: str) -> str:
    lines = []
    for problem in err.errors(include_url=False):
        loc = [str(part) for part in problem["loc"]]
        if loc and loc[0] in {k.value for k in EventKind}:
            loc = loc[1:]  # pydantic repeats the discriminator's value
        field = ".".join(loc) or "top level"
        message = problem["msg"].removeprefix("Value error, ")
        value = problem.get("input")
        shown = f" (value {value!r})" if not isinstance(value, dict | list) else ""
        lines.append(f"{where}, field {field}: {message}{shown}")
    return "\n  ".join(lines)
