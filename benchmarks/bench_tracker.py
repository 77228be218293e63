"""The tracker's speed: events appended per second, and replaying a log from the file.

Run by hand: ``python benchmarks/bench_tracker.py [events]`` (default 1,000). It reports:

- events appended per second by one writer, spread over four drafts, and by four writer
  processes at once, one draft each (every append checks the event against its draft's replay
  and commits with ``synchronous=FULL``);
- the same for one draft whose log grows to ``events`` (each append replays all before it);
- ``tracker.replay`` of a ``events``-event log: with the tracker's parsed events at hand (a
  tracker following the draft), and from a tracker that has read nothing yet, which reads and
  validates every event from the file (with and without opening the file), beside
  ``Replay.from_events`` on the same events in memory, and beside loading the same log from a
  JSON scenario file. The target: the store adds at most three times the in-memory replay's
  time.

The log is the negotiation of ``bench_replay.py``: silence started and broken, revisions, and
members changing their positions.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_replay import build_log
from pydantic import TypeAdapter

from unsc_tracker.events import Event
from unsc_tracker.replay import Replay
from unsc_tracker.scenarios import load_scenario
from unsc_tracker.tracker import Tracker

DRAFTS = ("S/2016/901", "S/2016/902", "S/2016/903", "S/2016/904")
EVENTS: TypeAdapter[list[Event]] = TypeAdapter(list[Event])


def append(path: Path, drafts: tuple[str, ...], log: list[Event]) -> float:
    """Add ``log`` to each draft, round robin; returns the seconds taken."""
    with Tracker(path, timeout=300) as tracker:
        began = time.perf_counter()
        for event in log:
            for draft in drafts:
                tracker.add(draft, event)
        return time.perf_counter() - began


def writer(path: str, draft: str, count: int) -> None:
    """One of the four writer processes: waits for the go file, then appends its events."""
    go = Path(path + ".go")
    log = build_log(count)
    print("ready", flush=True)
    while not go.exists():
        time.sleep(0.001)
    append(Path(path), (draft,), log)


def four_writers(path: Path, per_writer: int) -> float:
    here = Path(__file__).parent
    processes = [
        subprocess.Popen(
            [
                sys.executable,
                str(here / "bench_tracker.py"),
                "--writer",
                str(path),
                draft,
                str(per_writer),
            ],
            stdout=subprocess.PIPE,
            text=True,
        )
        for draft in DRAFTS
    ]
    for process in processes:
        assert process.stdout is not None
        process.stdout.readline()
    began = time.perf_counter()
    Path(f"{path}.go").touch()
    for process in processes:
        process.communicate()
        assert process.returncode == 0
    return time.perf_counter() - began


def best(rounds: int, action: object) -> float:
    assert callable(action)
    times = []
    for _ in range(rounds):
        began = time.perf_counter()
        action()
        times.append(time.perf_counter() - began)
    return min(times)


def main(count: int) -> None:
    folder = Path(tempfile.mkdtemp())
    per_draft = count // len(DRAFTS)
    log = build_log(per_draft)

    seconds = append(folder / "one.sqlite", DRAFTS, log)
    print(f"{f'one writer, 4 drafts of {per_draft} events:':<48}{count / seconds:8.0f} events/s")
    seconds = four_writers(folder / "four.sqlite", per_draft)
    print(
        f"{f'4 writers at once, one draft each of {per_draft}:':<48}{count / seconds:8.0f} events/s"
    )
    full = build_log(count)
    seconds = append(folder / "long.sqlite", ("S/2016/900",), full)
    print(f"{f'one writer, one draft growing to {count}:':<48}{count / seconds:8.0f} events/s")

    with Tracker(folder / "long.sqlite") as tracker:
        draft = tracker.draft("S/2016/900")
        memory = best(20, lambda: Replay.from_events(draft, full))
        warm = best(20, lambda: tracker.replay("S/2016/900"))
        exported = tracker.export(folder / "long.json")
    unparsed = []
    for _ in range(20):
        with Tracker(folder / "long.sqlite") as fresh:  # opened, nothing read yet
            began = time.perf_counter()
            replay = fresh.replay("S/2016/900")
            unparsed.append(time.perf_counter() - began)
    cold = min(unparsed)
    assert list(replay) == list(Replay.from_events(draft, full))

    def opened() -> None:
        with Tracker(folder / "long.sqlite") as fresh:
            fresh.replay("S/2016/900")

    with_open = best(20, opened)
    from_file = best(20, lambda: load_scenario(exported).replay("S/2016/900"))
    # Where the time of a first replay goes: reading the rows, and validating each event.
    with sqlite3.connect(folder / "long.sqlite") as db:
        query = "SELECT event FROM events WHERE draft = ? ORDER BY seq"
        reading = best(20, lambda: db.execute(query, ("S/2016/900",)).fetchall())
        text = "[" + ",".join(row[0] for row in db.execute(query, ("S/2016/900",))) + "]"
    validating = best(20, lambda: EVENTS.validate_json(text))
    rows = [
        (f"replay of {count} events in memory", memory),
        ("tracker.replay, events already parsed", warm),
        ("tracker.replay, events read and parsed", cold),
        ("  of which reading the rows from SQLite", reading),
        ("  of which validating the events", validating),
        ("  the same, opening and closing the file", with_open),
        (f"load_scenario (JSON) and replay, {count} events", from_file),
    ]
    for label, seconds in rows:
        extra = (seconds - memory) / memory
        added = f"  (adds {extra:.2f} x the in-memory time)" if seconds > memory else ""
        added = "" if seconds is memory or label.startswith("  of which") else added
        print(f"{label + ':':<48}{seconds * 1e3:8.2f} ms{added}")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--writer"]:
        writer(sys.argv[2], sys.argv[3], int(sys.argv[4]))
    else:
        main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
