"""The tracker under several writer processes at once, and under a writer killed mid-write."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections import defaultdict
from itertools import pairwise
from pathlib import Path

import pytest

from unsc_tracker.tracker import Tracker

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")

SHARED = "S/2016/999"

# One writer: its own draft, cycling between negotiation and silence (so its events only replay
# in the order written), and statements on a draft every writer adds to.
WRITER = """
import sys, time
from pathlib import Path
from unsc_tracker.tracker import Tracker

path, writer, count = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
go = Path(path + ".go")
with Tracker(path, timeout=120) as tracker:
    print("ready", flush=True)
    while not go.exists():
        time.sleep(0.005)
    own = f"S/2016/{900 + writer}"
    tracker.add(own, "circulated", date="2016-10-03", audience="all15", note=f"{writer}:0")
    for n in range(1, count):
        note = f"{writer}:{n}"
        if n % 2:
            kind = "silence_started" if n % 4 == 1 else "silence_broken"
            tracker.add(own, kind, date="2016-10-04", note=note)
        else:
            tracker.add("S/2016/999", "statement", date="2016-10-04", by=f"writer {writer}",
                        note=note)
        time.sleep(0.001)  # let the others in between writes, as live writers would
"""


def start(code: str, *args: object) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", code, *map(str, args)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_four_writers_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "drafts.sqlite"
    writers = [start(WRITER, path, k, 250) for k in range(4)]
    for writer in writers:
        assert writer.stdout is not None
        assert writer.stdout.readline().strip() == "ready"
    Path(f"{path}.go").touch()
    for writer in writers:
        _, errors = writer.communicate(timeout=300)
        assert writer.returncode == 0, errors

    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        rows = db.execute("SELECT position, draft, seq, event FROM events ORDER BY position")
        log = rows.fetchall()
    assert len(log) == 1000
    by_draft: dict[str, list[tuple[int, int]]] = defaultdict(list)
    by_writer: dict[int, list[int]] = defaultdict(list)
    order = []
    for position, draft, seq, event in log:
        by_draft[draft].append((position, seq))
        writer, n = event.split('"note":"', 1)[1].split('"', 1)[0].split(":")
        by_writer[int(writer)].append(int(n))
        order.append(writer)
    # The writers did write at the same time: their events are interleaved in the file.
    assert sum(a != b for a, b in pairwise(order)) > 3
    # Each draft's numbers run 1, 2, 3... in the order the events were written.
    for entries in by_draft.values():
        assert [seq for _, seq in entries] == list(range(1, len(entries) + 1))
    # Each writer's events are all there, in the order it wrote them.
    assert sorted(by_writer) == [0, 1, 2, 3]
    for numbers in by_writer.values():
        assert numbers == list(range(250))
    with Tracker(path) as tracker:
        assert set(tracker.drafts()) == {
            SHARED,
            "S/2016/900",
            "S/2016/901",
            "S/2016/902",
            "S/2016/903",
        }
        for draft in tracker.drafts():
            replay = tracker.replay(draft)
            assert len(replay) == len(by_draft[draft])
        assert len(tracker.replay(SHARED)) == 4 * 124
        assert tracker.replay("S/2016/900").final.stage == "under_silence"


# A writer that stops for good in the middle of its transaction, after writing its row.
STALLED = """
import sys, time
from unsc_tracker.tracker import Tracker

real_append = Tracker._append

def stalled(self, key, events):
    replay = real_append(self, key, events)
    print("inside the transaction", flush=True)
    time.sleep(600)
    return replay

with Tracker(sys.argv[1]) as tracker:
    tracker.add("S/2016/846", "put_in_blue", date="2016-10-07")
    Tracker._append = stalled
    tracker.add("S/2016/846", "vote_scheduled", date="2016-10-07")
"""


def test_a_writer_killed_mid_transaction_leaves_the_log_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "drafts.sqlite"
    writer = start(STALLED, path)
    assert writer.stdout is not None
    assert writer.stdout.readline().strip() == "inside the transaction"
    os.kill(writer.pid, signal.SIGKILL)
    writer.communicate(timeout=30)
    assert writer.returncode == -signal.SIGKILL
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert db.execute("SELECT seq, kind FROM events").fetchall() == [(1, "put_in_blue")]
    with Tracker(path) as tracker:
        # The lock died with the writer: the next write gets the number the killed one had.
        snapshot = tracker.add("S/2016/846", "vote_scheduled", date="2016-10-07")
        assert snapshot.stage == "scheduled"
        assert [e.seq for e in tracker.history("S/2016/846")] == [1, 2]


# A writer that adds events as fast as it can, saying which ones are committed.
STREAM = """
import sys
from unsc_tracker.tracker import Tracker

with Tracker(sys.argv[1]) as tracker:
    if not tracker.drafts():
        tracker.add("S/2016/846", "circulated", date="2016-10-03", audience="all15")
    n = len(tracker.history("S/2016/846")) - 1  # events after the first
    while True:
        kind = "silence_started" if n % 2 == 0 else "silence_broken"
        tracker.add("S/2016/846", kind, date="2016-10-04")
        n += 1
        print(n, flush=True)
"""


def test_writers_killed_at_random_moments_lose_no_committed_event(tmp_path: Path) -> None:
    path = tmp_path / "drafts.sqlite"
    chance = random.Random(20161008)
    for _ in range(5):
        writer = start(STREAM, path)
        assert writer.stdout is not None
        first = writer.stdout.readline()  # at least one event written by this writer
        assert first.strip().isdigit(), writer.stderr.read() if writer.stderr else ""
        time.sleep(chance.uniform(0.01, 0.2))
        os.kill(writer.pid, signal.SIGKILL)
        said, _ = writer.communicate(timeout=30)
        reported = int([first.strip(), *said.split()][-1])
        with Tracker(path) as tracker:
            history = tracker.history("S/2016/846")
            # Every event the writer saw committed is there; at most the one in flight more.
            assert reported + 1 <= len(history) <= reported + 2
            assert [e.seq for e in history] == list(range(1, len(history) + 1))
            assert len(tracker.replay("S/2016/846")) == len(history)
        with sqlite3.connect(path) as db:
            assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
