"""The log's rows as the tracker reads and writes them: events as JSON, the entries of a draft's
history, the log's header, and validation errors in the library's words."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any, ClassVar, NamedTuple, TypeVar

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter

from ..checked import Checked, field_place
from ..errors import TrackerError, UnscTrackerError
from ..events import Event, EventKind
from ..formats import check

__all__ = ["Entry"]

_EVENT: TypeAdapter[Event] = TypeAdapter(Event)
_EVENTS: TypeAdapter[list[Event]] = TypeAdapter(list[Event])
_HEADER_FIELDS = frozenset({"title", "description", "sources", "notice"})


class _Header(Checked):
    """The log's header: what a scenario exported from it says of itself."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    error: ClassVar[type[UnscTrackerError]] = TrackerError

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


def _event_place(loc: Sequence[int | str], data: Any) -> str:
    # pydantic repeats the discriminator's value first
    return field_place(loc[1:] if loc and loc[0] in set(EventKind) else loc)


M = TypeVar("M", bound=BaseModel)


def _plain(model: M, where: str) -> M:
    """``model``, once sure that its text can be written (no lone surrogate)."""
    check(model.model_dump(), where, TrackerError)
    return model
