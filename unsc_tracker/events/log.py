"""What holds for a whole log: the retractions in force and the events they withdraw, and times
told the same way (all with a UTC offset, or none)."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from datetime import datetime

from ..errors import DateError, IllegalEventError
from .kinds import Event, Retracted

__all__ = ["in_force", "mixed_times", "withdrawals"]


def withdrawals(events: Iterable[Event], draft: str = "draft") -> dict[int, int]:
    """Which events of a log the retractions in force withdraw: event number -> the number of
    the retraction withdrawing it, both counted from 1 in the log's order.

    A retraction is in force unless a later retraction withdraws it. ``draft`` names the log in
    errors. Raises :class:`~unsc_tracker.errors.IllegalEventError` for a retraction that names
    no earlier event, or an event withdrawn twice.

    >>> from unsc_tracker.events import Statement
    >>> log = [Statement(kind="statement", date="2016-10-05", by="France"),
    ...        Retracted(kind="retracted", date="2016-10-06", seq=1, reason="it was Spain")]
    >>> withdrawals(log)
    {1: 2}
    """
    log = list(events)
    for number, event in enumerate(log, 1):
        if isinstance(event, Retracted) and event.seq >= number:
            raise IllegalEventError(
                f"{draft}: event {number} (retracted on {event.date.isoformat()}) names event "
                f"{event.seq}, which is not an earlier event of the log"
            )
    withdrawn: dict[int, int] = {}
    # From the end back: whether a retraction is in force depends only on later events.
    for number in range(len(log), 0, -1):
        event = log[number - 1]
        if number in withdrawn or not isinstance(event, Retracted):
            continue
        if event.seq in withdrawn:
            raise IllegalEventError(
                f"{draft}: event {event.seq} is withdrawn twice, by events {number} and "
                f"{withdrawn[event.seq]}"
            )
        withdrawn[event.seq] = number
    return dict(sorted(withdrawn.items()))


def in_force(events: Iterable[Event], draft: str = "draft") -> list[Event]:
    """The events of a log that stand once its retractions are applied, in the log's order.

    Retractions are dropped, and so is every event a retraction in force withdraws (see
    :func:`withdrawals`, which names the errors).

    >>> from unsc_tracker.events import Statement
    >>> log = [Statement(kind="statement", date="2016-10-05", by="France"),
    ...        Statement(kind="statement", date="2016-10-05", by="Spain"),
    ...        Retracted(kind="retracted", date="2016-10-06", seq=1, reason="it was Spain")]
    >>> [event.by for event in in_force(log)]
    ['Spain']
    """
    log = list(events)
    if not any(type(event) is Retracted for event in log):
        return log
    withdrawn = withdrawals(log, draft)
    return [
        event
        for number, event in enumerate(log, 1)
        if number not in withdrawn and not isinstance(event, Retracted)
    ]


def mixed_times(
    events: Sequence[Event], draft: str = "draft", *, ignore: Collection[int] = ()
) -> None:
    """Refuse a log that gives some times with a UTC offset and others without one, naming the
    first of each (:class:`~unsc_tracker.errors.DateError`); ``draft`` names the log. ``ignore``
    holds the numbers (from 1) of events that do not count: those retracted, and retractions.

    >>> from unsc_tracker.events import Statement
    >>> mixed_times([Statement(kind="statement", date="2016-12-05T11:20-05:00"),
    ...              Statement(kind="statement", date="2016-12-05T16:00")], "S/2016/1026")
    Traceback (most recent call last):
    unsc_tracker.errors.DateError: S/2016/1026: event 2 (statement, 2016-12-05T16:00:00) gives a time without a UTC offset, but event 1 (statement, 2016-12-05T11:20:00-05:00) gives one: ...
    """
    first: dict[bool, int] = {}
    for number, event in enumerate(events, 1):
        when = event.date
        if type(when) is datetime and number not in ignore:
            first.setdefault(when.tzinfo is None, number)
            if len(first) == 2:
                naive, aware = first[True], first[False]
                shown = {
                    n: f"event {n} ({events[n - 1].kind}, {events[n - 1].date.isoformat()})"
                    for n in (naive, aware)
                }
                raise DateError(
                    f"{draft}: {shown[naive]} gives a time without a UTC offset, but "
                    f"{shown[aware]} gives one: the two cannot be put in order; give every time "
                    "of a draft's log with its offset, or none"
                )
