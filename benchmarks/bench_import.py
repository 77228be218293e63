"""Time ``import pydantic`` alone against ``import unsc_tracker``, and check what the latter pulls in.

Run by hand from the project root: ``python benchmarks/bench_import.py [runs]`` (default 7).
Each run is a fresh Python process that times one import with ``time.perf_counter`` around it;
the imports alternate, so a machine slowing down affects them alike. The script prints the
median of each in milliseconds, with ``from pydantic import BaseModel`` as a fairer baseline
(``import pydantic`` defers its models), and the package's own share beyond that, then checks in a
fresh process that ``import unsc_tracker`` imports neither pandas nor matplotlib, which are
optional extras loaded only by the functions that need them. Exits 1 if either was imported.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys

_TIMED = """
import time
start = time.perf_counter()
{statement}
print(time.perf_counter() - start)
"""

# ``import pydantic`` alone loads its submodules lazily (PEP 562), so the models' machinery is
# timed as well: the package's own share is best read against it.
_STATEMENTS = {
    "import pydantic": "import pydantic",
    "from pydantic import BaseModel": "from pydantic import BaseModel",
    "import unsc_tracker": "import unsc_tracker",
}

_HEAVY = ("pandas", "matplotlib")
_LOADED = """
import json, sys
import unsc_tracker
print(json.dumps(sorted({{name.partition(".")[0] for name in sys.modules}} & {heavy})))
"""


def _run(code: str) -> str:
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return done.stdout.strip()


def import_seconds(statement: str) -> float:
    """Seconds one fresh interpreter takes to run the import ``statement``."""
    return float(_run(_TIMED.format(statement=statement)))


def heavy_modules() -> list[str]:
    """The optional heavy dependencies that ``import unsc_tracker`` brought in (none expected)."""
    loaded: list[str] = json.loads(_run(_LOADED.format(heavy=set(_HEAVY))))
    return loaded


def main(runs: int = 7) -> int:
    samples: dict[str, list[float]] = {label: [] for label in _STATEMENTS}
    for _ in range(runs):
        for label, statement in _STATEMENTS.items():
            samples[label].append(import_seconds(statement))
    medians = {label: statistics.median(times) * 1000 for label, times in samples.items()}
    print(f"median of {runs} fresh interpreters:")
    for label, milliseconds in medians.items():
        print(f"  {label:<32} {milliseconds:7.1f} ms")
    own = medians["import unsc_tracker"] - medians["from pydantic import BaseModel"]
    print(f"  {'unsc_tracker beyond BaseModel':<32} {own:7.1f} ms")
    loaded = heavy_modules()
    if loaded:
        print(f"import unsc_tracker imported {', '.join(loaded)}: they must load only on use")
        return 1
    print(f"import unsc_tracker imports none of: {', '.join(_HEAVY)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 7))
