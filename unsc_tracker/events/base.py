"""What every event has: a kind, a date (a day, a day and a time, or the words of a report),
a source and a note."""

from __future__ import annotations

import datetime as _dt
from datetime import date, datetime
from enum import StrEnum
from typing import Annotated, Any, ClassVar, Literal

from pydantic import BeforeValidator, ConfigDict, Field, model_validator

from .. import wording
from ..checked import Checked
from ..dates import relative_day
from ..drafts import _when
from ..errors import EventError, UnscTrackerError

__all__ = ["Audience", "EventDate", "EventKind", "ReportedDate", "day_of"]


class EventKind(StrEnum):
    """Every kind of event, as written in the ``kind`` field."""

    CIRCULATED = "circulated"
    SPONSOR_JOINED = "sponsor_joined"
    SPONSOR_LEFT = "sponsor_left"
    REVISED = "revised"
    SILENCE_STARTED = "silence_started"
    SILENCE_BROKEN = "silence_broken"
    SILENCE_EXTENDED = "silence_extended"
    SILENCE_PASSED = "silence_passed"
    PUT_IN_BLUE = "put_in_blue"
    VOTE_SCHEDULED = "vote_scheduled"
    VOTE_POSTPONED = "vote_postponed"
    """The vote is put off: the draft stays in blue, no longer scheduled."""
    VOTE_HELD = "vote_held"
    WITHDRAWN = "withdrawn"
    REVIVED = "revived"
    NOT_PUT_TO_VOTE = "not_put_to_vote"
    ABANDONED = "abandoned"
    """Another word for not_put_to_vote: the sponsors drop the draft."""
    GA_DEBATE_HELD = "ga_debate_held"
    """The General Assembly debates a veto, as A/RES/76/262 calls for."""
    POSITION_STATED = "position_stated"
    DIPLOMATIC_CONTACT = "diplomatic_contact"
    STATEMENT = "statement"
    RETRACTED = "retracted"
    """A correction: an earlier event of the log is withdrawn (the log is never edited)."""


class Audience(StrEnum):
    """Who a text is circulated to (PROCEDURE D2)."""

    P3 = "P3"
    P5 = "P5"
    FRIENDS = "friends"
    """A group of friends on the item."""
    ALL15 = "all15"
    """All fifteen members: negotiation proper begins."""


class ReportedDate(Checked):
    """A date as a report wrote it: the report's date and the words it used ("Monday").

    >>> ReportedDate(report=date(2016, 10, 5), day="Monday").resolve()
    datetime.date(2016, 10, 3)
    """

    model_config = ConfigDict(frozen=True, extra="forbid")
    error: ClassVar[type[UnscTrackerError]] = EventError

    report: date
    day: str = Field(min_length=1, description="the report's words: Monday, tomorrow, غدا الخميس")
    tense: Literal["past", "future"] | None = None

    def resolve(self) -> date:
        """The day the words refer to, by the rule of :func:`~unsc_tracker.dates.relative_day`."""
        return relative_day(self.day, self.report, tense=self.tense)


def day_of(when: date) -> date:
    """The calendar day of a date or a datetime.

    >>> day_of(datetime(2016, 10, 8, 15, 0))
    datetime.date(2016, 10, 8)
    """
    return when.date() if isinstance(when, datetime) else when


EventDate = Annotated[
    datetime | date,
    BeforeValidator(_when, json_schema_input_type=datetime | date | ReportedDate),
]
"""An event's date: a day, a day and a time, or a :class:`ReportedDate`, the words of a report
(resolved into the day they mean before this field is read; the schema names all three)."""


class _Event(Checked):
    model_config = ConfigDict(frozen=True, extra="forbid")
    error: ClassVar[type[UnscTrackerError]] = EventError

    date: EventDate
    source: str | None = Field(default=None, description="document symbol or address")
    note: str | None = None
    reported_as: ReportedDate | None = Field(
        default=None, description="the date as a report wrote it, resolved into date"
    )

    @model_validator(mode="before")
    @classmethod
    def _relative_date(cls, data: Any) -> Any:
        if isinstance(data, dict) and isinstance(data.get("date"), dict | ReportedDate):
            data = dict(data)
            try:
                reported = ReportedDate.model_validate(data.pop("date"))
                data["date"] = reported.resolve()
            except UnscTrackerError as err:
                raise ValueError(f"date: {err}") from None
            data["reported_as"] = reported
        return data

    @model_validator(mode="after")
    def _agrees_with_report(self) -> _Event:
        if self.reported_as is not None:
            try:
                meant = self.reported_as.resolve()
            except UnscTrackerError as err:
                raise ValueError(f"reported_as: {err}") from None
            if meant != day_of(self.date):
                words, report = self.reported_as.day, self.reported_as.report.isoformat()
                raise ValueError(
                    f"date {self.date.isoformat()} disagrees with reported_as: "
                    f"{words!r} in a report of {report} is {meant.isoformat()}"
                )
        return self

    @property
    def day(self) -> _dt.date:
        return day_of(self.date)

    @property
    def summary(self) -> str:
        """A few words on what happened, for timelines."""
        return self._summary().replace("_", " ")

    def _summary(self) -> str:
        kind: str = getattr(self, "kind", "event")
        return kind

    def __str__(self) -> str:
        """``2016-10-07 put in blue as S/2016/846``: the date and the summary."""
        return f"{wording.day(self.date)} {self.summary}"

    def __repr__(self) -> str:
        """``<PutInBlue 2016-10-07: put in blue as S/2016/846>``."""
        return f"<{type(self).__name__} {wording.day(self.date)}: {self.summary}>"
