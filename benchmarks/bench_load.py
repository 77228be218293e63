"""Time loading the bundled data cold, each run in a fresh interpreter, and the package's import.

Run by hand from the project root: ``python benchmarks/bench_load.py [runs]``. Each run starts a
new Python process, imports the package, then times each loader once (nothing is cached across
processes); the script prints the median over the runs. Then it reads ``python -X importtime``
for ``import unsc_tracker`` and for ``import pydantic`` alone. Target: all data under 50 ms.
"""

from __future__ import annotations

import json
import re
import statistics
import subprocess
import sys

_CHILD = r"""
import json, time
t0 = time.perf_counter()
import unsc_tracker
from datetime import date
timings = {"import unsc_tracker": time.perf_counter() - t0}

def timed(label, load):
    start = time.perf_counter()
    load()
    timings[label] = time.perf_counter() - start

import importlib
council_module = importlib.import_module("unsc_tracker.council")
members = importlib.import_module("unsc_tracker.members")
history = importlib.import_module("unsc_tracker.history")
timed("members._registry()", members._registry)
timed("council._membership_rows()", council_module._membership_rows)
timed("council(on=2016-10-08)", lambda: council_module.council(on=date(2016, 10, 8)))
timed("history vetoes() (every row, checked)", history.vetoes)
try:
    from unsc_tracker.scenarios import load_scenario
except ImportError:
    timings["load_scenario('aleppo-2016')"] = None
else:
    timed("load_scenario('aleppo-2016')", lambda: load_scenario("aleppo-2016"))
print(json.dumps(timings))
"""


def _one_run() -> dict[str, float | None]:
    done = subprocess.run([sys.executable, "-c", _CHILD], capture_output=True, text=True)
    if done.returncode:
        raise RuntimeError(f"the timing process failed:\n{done.stderr}")
    loaded: dict[str, float | None] = json.loads(done.stdout)
    return loaded


def _import_time(statement: str, module: str) -> float:
    """Cumulative microseconds ``-X importtime`` reports for ``module`` in a fresh process."""
    err = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", statement],
        capture_output=True,
        text=True,
        check=True,
    ).stderr
    # The module may be imported at any depth; its own line carries the cumulative time.
    found = [
        int(match[1]) / 1000
        for match in re.finditer(r"^import time:\s+\d+ \|\s+(\d+) \|\s*(\S+)$", err, re.M)
        if match[2] == module
    ]
    if found:
        return max(found)
    raise LookupError(f"{module} not in the -X importtime output")


def main(runs: int = 7) -> None:
    samples = [_one_run() for _ in range(runs)]
    print(f"cold loads, median of {runs} fresh processes (ms):")
    total = 0.0
    for label in samples[0]:
        values = [s[label] for s in samples]
        if any(v is None for v in values):
            print(f"  {label:<40} not available (module missing)")
            continue
        ms = statistics.median(float(v) for v in values if v is not None) * 1000
        if label != "import unsc_tracker":
            total += ms
        print(f"  {label:<40} {ms:8.1f}")
    print(f"  {'total data loading':<40} {total:8.1f}   (target < 50)")
    ours = statistics.median(
        _import_time("import unsc_tracker", "unsc_tracker") for _ in range(runs)
    )
    alone = statistics.median(_import_time("import pydantic", "pydantic") for _ in range(runs))
    print(f"python -X importtime, median of {runs} (ms):")
    print(f"  {'import unsc_tracker (cumulative)':<40} {ours:8.1f}   (models load on first use)")
    print(f"  {'import pydantic alone':<40} {alone:8.1f}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 7)
