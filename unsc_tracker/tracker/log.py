"""The tracker: drafts followed live, each an append-only log of events checked by the replay
before they are written (the file itself is :mod:`unsc_tracker.tracker.store`)."""

from __future__ import annotations

import os
import re
from collections.abc import Mapping, Sequence
from datetime import UTC, date, datetime
from pathlib import Path
from types import TracebackType
from typing import Any

from pydantic import BaseModel, ValidationError

from ..checked import explain, shown
from ..drafts import DraftResolution
from ..errors import DraftError, IllegalEventError, TrackerError, UnscTrackerError
from ..events import Event, EventKind, Retracted, fields_of, in_force, withdrawals
from ..formats import check
from ..replay import Replay, Snapshot
from ..scenarios import Scenario, ScenarioDraft, load_scenario, save_scenario
from ..wording import plural
from .rows import _EVENT, _EVENTS, _HEADER_FIELDS, Entry, _event_place, _Header, _json, _now, _plain
from .store import LogFile

__all__ = ["Tracker"]

_DRAFT_SYMBOL = re.compile(r"^S/\d{4}/\d{1,4}(?:/Rev\.[1-9]\d*)?$")


class Tracker:
    """An append-only log of drafts followed live, in the SQLite file at ``path``.

    The file is created if missing. ``timeout`` is how long, in seconds, a writer waits for
    another to finish before giving up with a :class:`~unsc_tracker.errors.TrackerError`. A
    tracker holds one connection: use it from one thread, and close it (or use ``with``).
    Raises :class:`~unsc_tracker.errors.TrackerError` for a file that is not a tracker log.
    """

    def __init__(self, path: str | os.PathLike[str], *, timeout: float = 30.0) -> None:
        if not isinstance(path, str | os.PathLike):
            raise TypeError(f"a tracker log is a path (str or Path), not {type(path).__name__}")
        self.path = Path(path)
        self._where = str(path)
        self._events: dict[str, list[Event]] = {}
        self._drafts: dict[str, tuple[int, DraftResolution]] = {}
        self._file = LogFile(self._where, timeout, self._forget)
        self._db = self._file.db

    def _forget(self) -> None:
        """Drop the rows read so far: they are read again from the file."""
        self._events.clear()
        self._drafts.clear()

    def close(self) -> None:
        """Close the connection to the file; the tracker cannot be used after."""
        self._file.close()

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
        return self._file.read(self._draft, key)

    def replay(self, key: str) -> Replay:
        """The draft's log, retractions applied, replayed (strictly) into snapshots."""
        draft, log = self._file.read(self._state, key)
        return Replay.from_events(draft, in_force(log, draft.id))

    def history(self, key: str) -> tuple[Entry, ...]:
        """Every event of the draft's log as recorded, retractions included, in order."""
        return self._file.read(self._history, key)

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
        return self._file.read(self._scenario, keys, header)

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
        if not isinstance(key, str):
            raise TypeError(f"a draft is known by its id or symbol (str), not {type(key).__name__}")
        check(key, f"{self._where}: the draft {key!r}", TrackerError)
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
        replay = self._file.write(self._append, key, [checked])
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
        return self._file.write(self._append, key, [checked])

    def describe(self, key: str, /, **fields: Any) -> DraftResolution:
        """Record the draft's metadata (``title``, ``penholder``, ``sponsors``, ``symbol``...):
        the fields given replace those recorded, the others stay. Returns the new metadata.

        A draft not yet in the log is added. The draft's log must still replay with the new
        metadata (a sponsor that an event says left must have been a sponsor).
        """
        return self._file.write(self._describe, key, fields)

    def describe_log(self, **header: Any) -> dict[str, Any]:
        """Record the log's header (``title``, ``description``, ``sources``, ``notice``), used
        when exporting; the fields given replace those recorded. Returns the new header."""
        return self._file.write(self._describe_log, header)

    def import_scenario(self, source: str | os.PathLike[str] | Scenario) -> tuple[str, ...]:
        """Append the drafts of a scenario (a file, a bundled name or a :class:`Scenario`) to the
        log, in one transaction: all of it, or nothing. Returns the ids of its drafts.

        A draft already in the log must hold the first events of the scenario's draft (the
        same file imported again adds nothing; a longer version of it adds the new events).
        The scenario's header is recorded when the log has none yet.
        """
        scenario = source if isinstance(source, Scenario) else load_scenario(source)
        return self._file.write(self._import, scenario)

    def _event(self, key: str, event: Event | Mapping[str, Any] | str, fields: Any) -> Event:
        if isinstance(event, str):
            data: Any = {"kind": event, **fields}
        elif isinstance(event, Mapping):
            data = {**event, **fields}
        elif not isinstance(event, BaseModel):
            raise TypeError(
                "an event is an event model, a mapping of its fields or its kind (str), not "
                f"{type(event).__name__}"
            )
        else:
            if fields:
                raise TrackerError(
                    f"{self._where}: {key}: give fields with a kind ('put_in_blue', date=...), "
                    "not with an event model"
                )
            data = event.model_dump()
        kind = data.get("kind") if isinstance(data, dict) else None
        if not isinstance(kind, str) or kind not in set(EventKind):
            kinds = ", ".join(k.value for k in EventKind)
            raise TrackerError(
                f"{self._where}: {key}: unknown event kind {shown(kind)}; kinds: {kinds}"
            )
        where = f"{self._where}: {key}: {kind} event"
        try:
            parsed = _plain(_EVENT.validate_python(data), where)
            # What is replayed is exactly what a later reader of the file will read.
            return _EVENT.validate_json(_json(parsed))
        except ValidationError as err:
            message = explain(err, where, place=_event_place)
            if any(problem["type"] == "extra_forbidden" for problem in err.errors()):
                message += f"; a {kind} event takes: {', '.join(fields_of(kind))}"
            raise TrackerError(message) from None

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
            # The log is replayed strictly: what infer=True would assume must be recorded first.
            message = err.reason or str(err)
            if err.assumed:
                message += f"; record {', then '.join(err.assumed)} first"
            raise IllegalEventError(f"{self._where}: {message}") from None
        except UnscTrackerError as err:  # refused by the replay: said of this file
            err.args = (f"{self._where}: {err}",)
            raise

    def _new_draft(self, key: str, *, record: bool = True) -> DraftResolution:
        """A draft first met by ``key``: its symbol when ``key`` is one, else its id."""
        if _DRAFT_SYMBOL.match(key):
            try:
                draft = DraftResolution(symbol=key)
            except DraftError:
                draft = DraftResolution(id=key)
        else:
            draft = DraftResolution.checked({"id": key}, f"{self._where}: {key!r}", TrackerError)
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
        where = f"{self._where}: {key}: draft"
        draft = _plain(
            DraftResolution.checked({**dict(current), **fields}, where, TrackerError), where
        )
        if draft != known:
            self._check(draft, self._log(draft.id))
            self._record_draft(draft)
        return draft

    def _new_header(self, header: Mapping[str, Any]) -> _Header:
        where = f"{self._where}: the log's header"
        return _plain(_Header.checked(self._header().model_dump() | dict(header), where), where)

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
