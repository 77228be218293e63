"""Time ``import unsc_tracker`` against ``import pydantic, dateutil``, and check what it pulls in.

Run by hand from the project root: ``python benchmarks/bench_import.py [runs]`` (default 15).
Each sample is a fresh Python process that times one import with ``time.perf_counter`` around
it; the statements alternate within each round, so a machine slowing down affects them alike.
The script prints the median of each in milliseconds and the ratio of ``import unsc_tracker`` to
``import pydantic, dateutil`` against the target of 1.5; ``from pydantic import BaseModel`` is
shown beside them for scale (``import pydantic`` defers its models), and so are the command
line's own import and the wall time of a whole ``unsc-tracker --version`` process, beside an
empty interpreter. It then checks in a fresh process that ``import unsc_tracker`` imports no
model (nor pydantic) and neither pandas nor matplotlib, which are optional extras loaded only by
the functions that need them. Exits 1 if the ratio is over the target or a module was imported
that should not be.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import time

TARGET = 1.5
"""``import unsc_tracker`` may take at most this many times ``import pydantic, dateutil``."""

_TIMED = """
import time
start = time.perf_counter()
{statement}
print(time.perf_counter() - start)
"""

_BASELINE = "import pydantic, dateutil"
_PACKAGE = "import unsc_tracker"
_STATEMENTS = {
    _BASELINE: _BASELINE,
    "from pydantic import BaseModel": "from pydantic import BaseModel",
    _PACKAGE: _PACKAGE,
    "import unsc_tracker.cli": "import unsc_tracker.cli",
}

_UNWANTED = ("pandas", "matplotlib", "pydantic")
_LOADED = """
import json, sys
import unsc_tracker
print(json.dumps(sorted({{name.partition(".")[0] for name in sys.modules}} & {unwanted})))
"""


def _run(code: str) -> str:
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return done.stdout.strip()


def import_seconds(statement: str) -> float:
    """Seconds one fresh interpreter takes to run the import ``statement``."""
    return float(_run(_TIMED.format(statement=statement)))


def process_seconds(args: list[str]) -> float:
    """Wall-clock seconds of a whole process: start, run, exit."""
    start = time.perf_counter()
    subprocess.run(args, capture_output=True, check=True)
    return time.perf_counter() - start


def unwanted_modules() -> list[str]:
    """What ``import unsc_tracker`` brought in of pydantic and the optional extras (none)."""
    loaded: list[str] = json.loads(_run(_LOADED.format(unwanted=set(_UNWANTED))))
    return loaded


def main(runs: int = 15) -> int:
    samples: dict[str, list[float]] = {label: [] for label in _STATEMENTS}
    processes: dict[str, list[float]] = {"python -c pass": [], "unsc-tracker --version": []}
    for _ in range(runs):
        for label, statement in _STATEMENTS.items():
            samples[label].append(import_seconds(statement))
        processes["python -c pass"].append(process_seconds([sys.executable, "-c", "pass"]))
        processes["unsc-tracker --version"].append(
            process_seconds([sys.executable, "-m", "unsc_tracker", "--version"])
        )
    medians = {label: statistics.median(times) * 1000 for label, times in samples.items()}
    print(f"median of {runs} fresh interpreters, import time:")
    for label, milliseconds in medians.items():
        print(f"  {label:<34} {milliseconds:7.1f} ms")
    print("median wall time of a whole process:")
    for label, times in processes.items():
        print(f"  {label:<34} {statistics.median(times) * 1000:7.1f} ms")
    ratio = medians[_PACKAGE] / medians[_BASELINE]
    verdict = "within" if ratio <= TARGET else "OVER"
    print(f"{_PACKAGE} / {_BASELINE}: {ratio:.2f} ({verdict} the target of {TARGET})")
    loaded = unwanted_modules()
    if loaded:
        print(f"{_PACKAGE} imported {', '.join(loaded)}: they must load only on use")
    else:
        print(f"{_PACKAGE} imports none of: {', '.join(_UNWANTED)}")
    return 0 if ratio <= TARGET and not loaded else 1


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 15))
