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
"""

from __future__ import annotations

import os
import random
import re
import sqlite3
import time
from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, date, datetime
from pathlib import Path
from types import TracebackType
from typing import Any, NamedTuple, TypeVar

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError

from .drafts import DraftResolution
from .errors import IllegalEventError, TrackerError
from .events import Event, EventKind, Retracted, in_force, withdrawals
from .replay import Replay, Snapshot
from .scenarios import Scenario, ScenarioDraft, load_scenario, save_scenario
from .wording import plural

__all__ = ["Entry", "Tracker"]

T = TypeVar("T")

_EVENT: TypeAdapter[Event] = TypeAdapter(Event)
_EVENTS: TypeAdapter[list[Event]] = TypeAdapter(list[Event])
_HEADER_FIELDS = frozenset({"title", "description", "sources", "notice"})
_APPLICATION_ID = 0x554E5343  # "UNSC": marks the file as an unsc-tracker log
_SCHEMA_VERSION = 1
_DRAFT_SYMBOL = re.compile(r"^S/\d{4}/\d{1,4}(?:/Rev\.[1-9]\d*)?$")

_SCHEMA = """
CREATE TABLE header (
    position INTEGER PRIMARY KEY,
    recorded TEXT NOT NULL,
    header TEXT NOT NULL
);
CREATE TABLE drafts (
    position INTEGER PRIMARY KEY,
    id TEXT NOT NULL,
    recorded TEXT NOT NULL,
    draft TEXT NOT NULL
);
CREATE INDEX drafts_by_id ON drafts (id, position);
CREATE TABLE events (
    position INTEGER PRIMARY KEY,
    draft TEXT NOT NULL,
    seq INTEGER NOT NULL CHECK (seq >= 1),
    kind TEXT NOT NULL,
    recorded TEXT NOT NULL,
    source TEXT,
    event TEXT NOT NULL,
    UNIQUE (draft, seq)
);
""" + "".join(
    f"""
CREATE TRIGGER {table}_no_{verb} BEFORE {verb.upper()} ON {table}
BEGIN SELECT RAISE(ABORT, 'the {table} log is append-only: add a new record instead'); END;
"""
    for table in ("header", "drafts", "events")
    for verb in ("update", "delete")
)


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


class Tracker:
    """An append-only log of drafts followed live, in the SQLite file at ``path``.

    The file is created if missing. ``timeout`` is how long, in seconds, a writer waits for
    another to finish before giving up with a :class:`~unsc_tracker.errors.TrackerError`. A
    tracker holds one connection: use it from one thread, and close it (or use ``with``).
    Raises :class:`~unsc_tracker.errors.TrackerError` for a file that is not a tracker log.
    """

    def __init__(self, path: str | os.PathLike[str], *, timeout: float = 30.0) -> None:
        self.path = Path(path)
        self._where = str(path)
        self._timeout = timeout
        self._events: dict[str, list[Event]] = {}
        self._drafts: dict[str, tuple[int, DraftResolution]] = {}
        try:
            self._db = sqlite3.connect(
                self._where, timeout=timeout, isolation_level=None, check_same_thread=True
            )
        except sqlite3.Error as err:
            raise TrackerError(f"{self._where}: cannot open the tracker log ({err})") from None
        try:
            self._prepare()
        except sqlite3.DatabaseError as err:
            self._db.close()
            raise TrackerError(f"{self._where}: not an unsc-tracker log ({err})") from None
        except BaseException:
            self._db.close()
            raise

    # ------------------------------------------------------------------ the file

    def _prepare(self) -> None:
        db = self._db
        db.execute(f"PRAGMA busy_timeout = {int(self._timeout * 1000)}")
        if self._where != ":memory:":
            self._wal()
        db.execute("PRAGMA synchronous = FULL")
        version = db.execute("PRAGMA user_version").fetchone()[0]
        if version == 0:
            self._write(self._create)
            version = db.execute("PRAGMA user_version").fetchone()[0]
        application = db.execute("PRAGMA application_id").fetchone()[0]
        if application != _APPLICATION_ID:
            raise TrackerError(f"{self._where}: not an unsc-tracker log (another SQLite database)")
        if version > _SCHEMA_VERSION:
            raise TrackerError(
                f"{self._where}: written by a newer unsc-tracker (log format {version}, this "
                f"version reads {_SCHEMA_VERSION}): upgrade the library"
            )

    def _wal(self) -> None:
        # The journal mode is kept in the file; setting it needs a moment alone with the file.
        deadline = time.monotonic() + self._timeout
        while True:
            try:
                mode = self._db.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            except sqlite3.OperationalError as err:
                if "locked" not in str(err) or time.monotonic() > deadline:
                    raise
                time.sleep(0.01)
                continue
            if mode != "wal":
                raise TrackerError(f"{self._where}: cannot use a write-ahead log here ({mode})")
            return

    def _create(self) -> None:
        db = self._db
        if db.execute("PRAGMA user_version").fetchone()[0] != 0:
            return  # another process created it while we waited
        tables = db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        if tables:
            raise TrackerError(f"{self._where}: not an unsc-tracker log (another SQLite database)")
        for statement in _SCHEMA.split(";\n"):
            if statement.strip():
                db.execute(statement)
        db.execute(f"PRAGMA application_id = {_APPLICATION_ID}")
        db.execute(f"PRAGMA user_version = {_SCHEMA_VERSION}")

    def _begin_write(self) -> None:
        """Take the write lock, waiting for other writers up to the timeout.

        SQLite's own busy handler backs off to sleeps of 100 ms, so a writer waiting behind a
        busy one keeps missing its turn; waiting here in short random steps keeps writers
        taking turns.
        """
        db = self._db
        deadline = time.monotonic() + self._timeout
        db.execute("PRAGMA busy_timeout = 0")
        try:
            while True:
                try:
                    db.execute("BEGIN IMMEDIATE")
                    return
                except sqlite3.OperationalError as err:
                    if "locked" not in str(err) and "busy" not in str(err):
                        raise
                    if time.monotonic() >= deadline:
                        raise TrackerError(
                            f"{self._where}: the log stayed locked by another writer for "
                            f"{self._timeout} seconds ({err})"
                        ) from None
                time.sleep(random.uniform(0.0001, 0.002))
        finally:
            db.execute(f"PRAGMA busy_timeout = {int(self._timeout * 1000)}")

    def _write(self, action: Callable[..., T], *args: Any) -> T:
        """Run ``action`` inside one write transaction: all of it is written, or none."""
        self._begin_write()
        try:
            result = action(*args)
            self._db.execute("COMMIT")
        except BaseException:
            if self._db.in_transaction:
                self._db.execute("ROLLBACK")
            # The caches may hold rows of the transaction just undone: read them again.
            self._events.clear()
            self._drafts.clear()
            raise
        return result

    def _read(self, action: Callable[..., T], *args: Any) -> T:
        """Run ``action`` inside one read transaction: one consistent view of the file."""
        self._db.execute("BEGIN")
        try:
            return action(*args)
        finally:
            self._db.execute("COMMIT")

    def close(self) -> None:
        """Close the connection to the file; the tracker cannot be used after."""
        self._db.close()

    def __enter__(self) -> Tracker:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        drafts, events = self._db.execute(
            "SELECT (SELECT count(DISTINCT id) FROM drafts), (SELECT count(*) FROM events)"
        ).fetchone()
        return f"<Tracker {self._where}: {plural(drafts, 'draft')}, {plural(events, 'event')}>"

    # ------------------------------------------------------------------ reading

    def drafts(self) -> tuple[str, ...]:
        """The ids of the drafts in the log, in the order they were first recorded."""
        rows = self._db.execute("SELECT id FROM drafts GROUP BY id ORDER BY min(position)")
        return tuple(row[0] for row in rows)

    def draft(self, key: str) -> DraftResolution:
        """The draft's metadata as last recorded; ``key`` is its id or its symbol."""
        return self._read(self._draft, key)

    def replay(self, key: str) -> Replay:
        """The draft's log, retractions applied, replayed (strictly) into snapshots."""
        draft, log = self._read(self._state, key)
        return Replay.from_events(draft, in_force(log, draft.id))

    def history(self, key: str) -> tuple[Entry, ...]:
        """Every event of the draft's log as recorded, retractions included, in order."""
        return self._read(self._history, key)

    def _history(self, key: str) -> tuple[Entry, ...]:
        draft = self._draft(key)
        log = self._log(draft.id)
        withdrawn = withdrawals(log, draft.id)
        rows = self._db.execute(
            "SELECT seq, recorded, source FROM events WHERE draft = ? ORDER BY seq", (draft.id,)
        ).fetchall()
        return tuple(
            Entry(seq, log[seq - 1], datetime.fromisoformat(recorded), source, withdrawn.get(seq))
            for seq, recorded, source in rows
        )

    @property
    def header(self) -> dict[str, Any]:
        """The log's title, description, sources and notice, as last recorded (for exports)."""
        return self._header().model_dump()

    def _header(self) -> _Header:
        row = self._db.execute(
            "SELECT header FROM header ORDER BY position DESC LIMIT 1"
        ).fetchone()
        return _Header.model_validate_json(row[0]) if row else _Header()

    def scenario(self, *keys: str, **header: Any) -> Scenario:
        """The drafts named by ``keys`` (all when none), with their logs, as a scenario.

        ``header`` (``title``, ``description``, ``sources``, ``notice``) replaces the header
        recorded in the log.
        """
        return self._read(self._scenario, keys, header)

    def _scenario(self, keys: Sequence[str], header: Mapping[str, Any]) -> Scenario:
        fields = self._new_header(header).model_dump(exclude_defaults=True)
        ids = list(dict.fromkeys(self._draft(key).id for key in keys)) or list(self.drafts())
        if not ids:
            raise TrackerError(f"{self._where}: the log holds no draft to export")
        drafts = []
        for draft_id in ids:
            draft = self._draft(draft_id)
            drafts.append(ScenarioDraft(**dict(draft), events=tuple(self._log(draft_id))))
        return Scenario(**fields, drafts=tuple(drafts))

    def export(self, path: str | os.PathLike[str], *keys: str, **header: Any) -> Path:
        """Write the drafts named by ``keys`` (all when none) to a scenario file: TOML, JSON or
        YAML by the suffix (see :meth:`scenario` for ``header``). Returns the path."""
        return save_scenario(self.scenario(*keys, **header), Path(path))

    def _draft(self, key: str) -> DraftResolution:
        found = self._find(key)
        if found is None:
            known = ", ".join(self.drafts()) or "none"
            raise TrackerError(f"{self._where}: no draft {key!r} in the log; it holds: {known}")
        return found

    def _find(self, key: str) -> DraftResolution | None:
        row = self._db.execute(
            "SELECT position, draft FROM drafts WHERE id = ? ORDER BY position DESC LIMIT 1",
            (key,),
        ).fetchone()
        if row is None:
            for draft_id in self.drafts():  # known by its symbol, recorded under another id
                draft = self._find(draft_id)
                if draft is not None and draft.symbol == key:
                    return draft
            return None
        position, text = row
        cached = self._drafts.get(key)
        if cached is None or cached[0] != position:
            cached = self._drafts[key] = (position, DraftResolution.model_validate_json(text))
        return cached[1]

    def _log(self, draft_id: str) -> list[Event]:
        """The draft's events in order; rows are never changed, so parsed ones are kept."""
        log = self._events.setdefault(draft_id, [])
        rows = self._db.execute(
            "SELECT seq, event FROM events WHERE draft = ? AND seq > ? ORDER BY seq",
            (draft_id, len(log)),
        ).fetchall()
        if rows:
            if rows[0][0] != len(log) + 1 or rows[-1][0] != len(log) + len(rows):
                raise TrackerError(f"{self._where}: the log of {draft_id} has a gap in its numbers")
            try:
                log.extend(_EVENTS.validate_json("[" + ",".join(row[1] for row in rows) + "]"))
            except ValidationError as err:
                raise TrackerError(
                    f"{self._where}: the log of {draft_id} holds an event that no longer reads "
                    f"({err.errors(include_url=False)[0]['msg']})"
                ) from None
        return log

    def _state(self, key: str) -> tuple[DraftResolution, list[Event]]:
        draft = self._draft(key)
        return draft, list(self._log(draft.id))

    # ------------------------------------------------------------------ writing

    def add(self, key: str, event: Event | Mapping[str, Any] | str, /, **fields: Any) -> Snapshot:
        """Check ``event`` against the draft's replayed log and append it; returns its snapshot.

        ``event`` is an event model, a mapping of its fields, or its kind with the fields as
        keywords (``tracker.add("S/2026/123", "put_in_blue", date="2026-11-30T11:20")``). A
        draft not yet in the log is added, known by ``key`` (its symbol when ``key`` is one).
        The snapshot is the one this event made; a back-dated event may change later ones
        (see :meth:`replay`). Raises :class:`~unsc_tracker.errors.TrackerError` for an event
        that is not well formed (naming the file, the draft, the field and the value) and
        :class:`~unsc_tracker.errors.IllegalEventError` for one the draft's stage does not
        allow; either way nothing is written.
        """
        checked = self._event(key, event, fields)
        if isinstance(checked, Retracted):
            raise TrackerError(
                f"{self._where}: {key}: withdraw an event with tracker.retract(symbol, seq, "
                "reason=...), which returns the corrected replay"
            )
        replay = self._write(self._append, key, [checked])
        return next(s for s in reversed(replay.snapshots) if s.event is checked)

    def retract(
        self,
        key: str,
        seq: int,
        *,
        reason: str,
        date: date | str | None = None,
        source: str | None = None,
        note: str | None = None,
    ) -> Replay:
        """Withdraw event ``seq`` of the draft's log by appending a retraction; returns the
        replay without it.

        ``date`` is the day of the correction (default: today). The corrected log must still
        replay: withdrawing the vote's scheduling while the vote stands is refused with
        :class:`~unsc_tracker.errors.IllegalEventError`, and nothing is written.
        """
        fields = {"seq": seq, "reason": reason, "source": source, "note": note}
        fields["date"] = date if date is not None else datetime.now(UTC).date()
        checked = self._event(key, "retracted", {k: v for k, v in fields.items() if v is not None})
        return self._write(self._append, key, [checked])

    def describe(self, key: str, /, **fields: Any) -> DraftResolution:
        """Record the draft's metadata (``title``, ``penholder``, ``sponsors``, ``symbol``...):
        the fields given replace those recorded, the others stay. Returns the new metadata.

        A draft not yet in the log is added. The draft's log must still replay with the new
        metadata (a sponsor that an event says left must have been a sponsor).
        """
        return self._write(self._describe, key, fields)

    def describe_log(self, **header: Any) -> dict[str, Any]:
        """Record the log's header (``title``, ``description``, ``sources``, ``notice``), used
        when exporting; the fields given replace those recorded. Returns the new header."""
        return self._write(self._describe_log, header)

    def import_scenario(self, source: str | os.PathLike[str] | Scenario) -> tuple[str, ...]:
        """Append the drafts of a scenario (a file, a bundled name or a :class:`Scenario`) to the
        log, in one transaction: all of it, or nothing. Returns the ids of its drafts.

        A draft already in the log must hold the first events of the scenario's draft (the
        same file imported again adds nothing; a longer version of it adds the new events).
        The scenario's header is recorded when the log has none yet.
        """
        if isinstance(source, Scenario):
            scenario = source
        else:
            scenario = load_scenario(source if isinstance(source, str) else Path(source))
        return self._write(self._import, scenario)

    def _event(self, key: str, event: Event | Mapping[str, Any] | str, fields: Any) -> Event:
        if isinstance(event, str):
            data: Any = {"kind": event, **fields}
        elif isinstance(event, Mapping):
            data = {**event, **fields}
        else:
            if fields:
                raise TrackerError(
                    f"{self._where}: {key}: give fields with a kind ('put_in_blue', date=...), "
                    "not with an event model"
                )
            data = event.model_dump()
        kind = data.get("kind") if isinstance(data, dict) else None
        if kind not in set(EventKind):
            kinds = ", ".join(k.value for k in EventKind)
            raise TrackerError(f"{self._where}: {key}: unknown event kind {kind!r}; kinds: {kinds}")
        try:
            parsed = _EVENT.validate_python(data)
            # What is replayed is exactly what a later reader of the file will read.
            return _EVENT.validate_json(_json(parsed))
        except ValidationError as err:
            raise TrackerError(_explain(err, f"{self._where}: {key}: {kind} event")) from None

    def _append(self, key: str, events: Sequence[Event]) -> Replay:
        draft = self._find(key)
        if draft is None:
            draft = self._new_draft(key)
        log = self._log(draft.id)
        candidate = [*log, *events]
        replay = self._check(draft, candidate)
        recorded = _now()
        self._db.executemany(
            "INSERT INTO events (draft, seq, kind, recorded, source, event) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [
                (draft.id, len(log) + n, event.kind, recorded, event.source, _json(event))
                for n, event in enumerate(events, 1)
            ],
        )
        log.extend(events)  # _write empties the cache if the transaction is undone
        return replay

    def _check(self, draft: DraftResolution, log: Sequence[Event]) -> Replay:
        try:
            return Replay.from_events(draft, in_force(log, draft.id))
        except IllegalEventError as err:
            raise IllegalEventError(f"{self._where}: {err}") from None

    def _new_draft(self, key: str, *, record: bool = True) -> DraftResolution:
        """A draft first met by ``key``: its symbol when ``key`` is one, else its id."""
        if _DRAFT_SYMBOL.match(key):
            try:
                draft = DraftResolution(symbol=key)
            except ValidationError:
                draft = DraftResolution(id=key)
        else:
            draft = DraftResolution(id=key)
        if record:
            self._record_draft(draft)
        return draft

    def _record_draft(self, draft: DraftResolution) -> None:
        self._db.execute(
            "INSERT INTO drafts (id, recorded, draft) VALUES (?, ?, ?)",
            (draft.id, _now(), draft.model_dump_json(exclude_none=True, exclude_defaults=True)),
        )

    def _describe(self, key: str, fields: Mapping[str, Any]) -> DraftResolution:
        known = self._find(key)
        current = known or self._new_draft(key, record=False)
        if "id" in fields and fields["id"] != current.id:
            raise TrackerError(
                f"{self._where}: {key}: a draft's id is the key of its log and cannot change"
            )
        try:
            draft = DraftResolution.model_validate({**dict(current), **fields})
        except ValidationError as err:
            raise TrackerError(_explain(err, f"{self._where}: {key}: draft")) from None
        if draft != known:
            self._check(draft, self._log(draft.id))
            self._record_draft(draft)
        return draft

    def _new_header(self, header: Mapping[str, Any]) -> _Header:
        try:
            return _Header.model_validate(self._header().model_dump() | dict(header))
        except ValidationError as err:
            raise TrackerError(_explain(err, f"{self._where}: the log's header")) from None

    def _describe_log(self, header: Mapping[str, Any]) -> dict[str, Any]:
        new = self._new_header(header)
        if new != self._header():
            self._db.execute(
                "INSERT INTO header (recorded, header) VALUES (?, ?)",
                (_now(), new.model_dump_json(exclude_defaults=True)),
            )
        return new.model_dump()

    def _import(self, scenario: Scenario) -> tuple[str, ...]:
        if self._db.execute("SELECT count(*) FROM header").fetchone()[0] == 0:
            self._describe_log(scenario.model_dump(include=set(_HEADER_FIELDS)))
        for incoming in scenario.drafts:
            fields = {k: v for k, v in incoming if k != "events"}
            current = self._find(incoming.id)
            draft = DraftResolution.model_validate(fields)
            if current is None:
                self._record_draft(draft)
            log = self._log(incoming.id)
            events = list(incoming.events)
            if events[: len(log)] != log:
                first = next(
                    (n for n, (a, b) in enumerate(zip(log, events, strict=False), 1) if a != b),
                    len(events) + 1,
                )
                raise TrackerError(
                    f"{self._where}: {incoming.id}: the log differs from the scenario's at "
                    f"event {first}; import it into another file, or retract and add events"
                )
            if current is not None and current != draft:
                self._check(draft, log)
                self._record_draft(draft)
            new = [_EVENT.validate_json(_json(event)) for event in events[len(log) :]]
            if new:
                self._append(incoming.id, new)
        return tuple(draft.id for draft in scenario.drafts)


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
