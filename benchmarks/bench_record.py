"""Time the vote record against reading its files directly, each run in a fresh interpreter.

Run by hand from the project root: ``python benchmarks/bench_record.py [runs]``. Each timing
runs in a new Python process (nothing cached across runs); the script prints the median.

- ``ut.votes()`` of the whole bundled record (read, validated, one ``Vote`` per row) against
  reading the two bundled files (``data/votes.csv`` and ``data/votes_ballots.csv``) with the
  ``csv`` module, as ``csv.DictReader`` rows and as plain ``csv.reader`` lists. Target: at most
  3 times the ``csv.DictReader`` read. The package and its record modules (which the package
  loads on first use) are imported before the clock starts.
- ``ut.ballots_frame(votes)`` of the whole record against ``pandas.read_csv`` of the ballots
  file it holds the rows of, each in its own fresh process after ``import pandas``. Target: at
  most 2 times ``read_csv``. The record and the function are loaded before the clock starts.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys

_VOTES = r"""
import json, time
import unsc_tracker as ut
import unsc_tracker.record  # the package loads its modules on first use: load them before the clock
start = time.perf_counter()
record = ut.votes()
elapsed = time.perf_counter() - start
print(json.dumps({"ut.votes()": elapsed, "votes": len(record),
                  "ballots": sum(len(vote.ballots) for vote in record)}))
"""

_CSV = r"""
import csv, json, time
from importlib import resources
data = resources.files("unsc_tracker").joinpath("data")
names = ("votes.csv", "votes_ballots.csv")
start = time.perf_counter()
rows = 0
for name in names:
    with data.joinpath(name).open(encoding="utf-8", newline="") as stream:
        rows += len(list(csv.DictReader(stream)))
dict_reader = time.perf_counter() - start
start = time.perf_counter()
for name in names:
    with data.joinpath(name).open(encoding="utf-8", newline="") as stream:
        list(csv.reader(stream))
plain = time.perf_counter() - start
print(json.dumps({"csv.DictReader, both files": dict_reader, "csv.reader, both files": plain,
                  "rows": rows}))
"""

_FRAMES = r"""
import json, time
import pandas as pd
import unsc_tracker as ut
record = ut.votes()
ballots_frame, votes_frame = ut.ballots_frame, ut.votes_frame  # imported before the clock
start = time.perf_counter()
frame = ballots_frame(record)
built = time.perf_counter() - start
start = time.perf_counter()
whole = votes_frame(record)
print(json.dumps({"ut.ballots_frame(votes)": built, "rows": len(frame),
                  "ut.votes_frame(votes)": time.perf_counter() - start}))
"""

_READ_CSV = r"""
import json, time
import pandas as pd
from importlib import resources
ballots_file = resources.files("unsc_tracker").joinpath("data", "votes_ballots.csv")
start = time.perf_counter()
read = pd.read_csv(ballots_file)
print(json.dumps({"pandas.read_csv(votes_ballots.csv)": time.perf_counter() - start,
                  "rows": len(read)}))
"""


def _run(code: str) -> dict[str, float]:
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    if done.returncode:
        raise RuntimeError(f"the timing process failed:\n{done.stderr}")
    found: dict[str, float] = json.loads(done.stdout)
    return found


def _medians(code: str, runs: int) -> dict[str, float]:
    samples = [_run(code) for _ in range(runs)]
    return {key: statistics.median(sample[key] for sample in samples) for key in samples[0]}


def main(runs: int = 7) -> None:
    record = _medians(_VOTES, runs)
    files = _medians(_CSV, runs)
    frames = {**_medians(_READ_CSV, runs), **_medians(_FRAMES, runs)}
    ms = 1000
    print(f"median of {runs} fresh processes each (ms)")
    print(f"the bundled record: {record['votes']:.0f} votes, {record['ballots']:.0f} ballots")
    print(f"  {'ut.votes()':<40} {record['ut.votes()'] * ms:8.1f}")
    for label in ("csv.DictReader, both files", "csv.reader, both files"):
        print(f"  {label:<40} {files[label] * ms:8.1f}")
    ratio = record["ut.votes()"] / files["csv.DictReader, both files"]
    plain = record["ut.votes()"] / files["csv.reader, both files"]
    print(f"  ut.votes() / csv.DictReader = {ratio:.2f} (target <= 3); / csv.reader = {plain:.2f}")
    built, read = frames["ut.ballots_frame(votes)"], frames["pandas.read_csv(votes_ballots.csv)"]
    print(f"  {'ut.ballots_frame(votes)':<40} {built * ms:8.1f}   ({frames['rows']:.0f} rows)")
    print(f"  {'pandas.read_csv(votes_ballots.csv)':<40} {read * ms:8.1f}")
    print(f"  ballots_frame / read_csv = {built / read:.2f} (target <= 2)")
    print(f"  {'ut.votes_frame(votes)':<40} {frames['ut.votes_frame(votes)'] * ms:8.1f}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 7)
