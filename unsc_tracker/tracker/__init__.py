"""Drafts followed live: an append-only event log in SQLite, safe with several writers and crashes.

>>> import tempfile, pathlib
>>> path = pathlib.Path(tempfile.mkdtemp()) / "drafts.sqlite"
>>> with Tracker(path) as tracker:
...     snapshot = tracker.add("S/2026/123", "put_in_blue", date="2026-11-30T11:20")
...     snapshot.stage, tracker.drafts()
(<Stage.IN_BLUE: 'in_blue'>, ('S/2026/123',))

A :class:`Tracker` keeps, in one SQLite file (the standard library's :mod:`sqlite3`), every event
of the drafts it follows, each with its number in its draft's log (``seq``, from 1), the time it
was recorded (UTC) and its source; the drafts' own metadata (title, penholder, sponsors...) and
the log's header (title, description, sources, notice), each as dated versions. Nothing is ever
updated or deleted: triggers in the file refuse it, and a correction is a new event, a
:class:`~unsc_tracker.events.Retracted` naming the number of the event it withdraws
(:meth:`Tracker.retract`).

An event is checked before it is written: inside one write transaction (``BEGIN IMMEDIATE``),
the draft's log is read, the new event appended to it, the retractions applied
(:func:`~unsc_tracker.events.in_force`) and the whole replayed strictly
(:meth:`~unsc_tracker.replay.Replay.from_events`); an event the replay refuses raises the
replay's :class:`~unsc_tracker.errors.IllegalEventError` and nothing is written.

Several processes may write one file at once: the journal is a write-ahead log (WAL), writers
wait for each other up to ``timeout`` seconds (SQLite's busy timeout), and each event's number
is taken inside the transaction that writes it, so no event is lost or numbered twice. A process
killed during a write leaves the file as it was before that write (SQLite's atomic commit);
``synchronous=FULL`` makes each committed event durable before :meth:`Tracker.add` returns.

Export to a scenario file (:meth:`Tracker.export`) and import from one
(:meth:`Tracker.import_scenario`) are lossless: drafts, metadata, the header and every event,
retractions included, in order. The recorded times belong to the log, not to the scenario: an
import records the time of the import.

The modules: :mod:`~unsc_tracker.tracker.log` (the :class:`Tracker`: reading and appending),
:mod:`~unsc_tracker.tracker.store` (the SQLite file, its schema and its transactions) and
:mod:`~unsc_tracker.tracker.rows` (the rows: events as JSON, :class:`Entry`, the header).
"""

from __future__ import annotations

from .log import Tracker
from .rows import Entry

__all__ = ["Entry", "Tracker"]
