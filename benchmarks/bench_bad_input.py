"""Time loading crafted scenario files of about ten kilobytes: each is refused (or read) at once.

Run by hand from the project root: ``python benchmarks/bench_bad_input.py [runs]``. Each file is
written to a temporary folder and loaded ``runs`` times (default 5); the script prints the
slowest run for each, its size and what became of it. Target: every one well under a second.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from unsc_tracker.errors import UnscTrackerError
from unsc_tracker.scenarios import load_scenario


def _alias_bomb() -> str:
    lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for this, previous in zip(
        "bcdefghijklmnopqrstuvwxyz", "abcdefghijklmnopqrstuvwxy", strict=True
    ):
        lines.append(f"{this}: &{this} [" + ", ".join([f"*{previous}"] * 9) + "]")
    return "\n".join(lines * 15) + "\n"


def _many_events(count: int) -> str:
    events = "".join(
        f'\n[[drafts.events]]\nkind = "statement"\ndate = 2016-10-{1 + n % 28:02d}\nby = "France"\n'
        for n in range(count)
    )
    return '[[drafts]]\nsymbol = "S/2016/846"\n' + events


FILES = {
    "YAML aliases (billion laughs)": ("case.yaml", _alias_bomb()),
    "JSON nested 5,000 deep": ("case.json", "[" * 5_000 + "]" * 5_000),
    "TOML nested 5,000 deep": ("case.toml", "a = " + "[" * 5_000 + "]" * 5_000),
    "YAML nested 5,000 deep": ("case.yaml", "[" * 5_000 + "]" * 5_000),
    "JSON integer of 10,000 digits": ("case.json", '{"title": 1' + "0" * 10_000 + "}"),
    "JSON key given twice, 1,000 keys": (
        "case.json",
        "{" + ", ".join(f'"k{n}": {n}' for n in range(1_000)) + ', "k0": 0}',
    ),
    "TOML string of 10,000 characters": ("case.toml", 'title = "' + "x" * 10_000 + '"\n'),
    "TOML, 150 events (read)": ("case.toml", _many_events(150)),
}


def main(runs: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        for label, (name, text) in FILES.items():
            path = Path(folder) / name
            path.write_text(text, encoding="utf-8")
            slowest = 0.0
            outcome = ""
            for _ in range(runs):
                start = time.perf_counter()
                try:
                    scenario = load_scenario(path)
                    outcome = f"read, {len(scenario.drafts[0].events)} events"
                except UnscTrackerError as err:
                    outcome = f"{type(err).__name__}: {str(err).split(': ', 1)[1][:60]}"
                slowest = max(slowest, time.perf_counter() - start)
            size = path.stat().st_size
            print(f"{label:36} {size / 1024:6.1f} kB {slowest * 1000:8.1f} ms  {outcome}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
