"""Time reading the UN's AKN4UN collection: ``load_folder`` beside the XML parsers alone.

Run by hand from the project root, with a clone of github.com/UNxml/SCresolutions::

    python benchmarks/bench_akn4un.py path/to/SCresolutions [--runs 5]

Part 1 takes the English resolutions of 2000-2026 (``Pre-2020/<year>/*.xml`` and
``<year>/English/*.xml``, 1,543 files in the clone of July 2026), links them into a temporary
folder (hard links, else copies), and times in a fresh process each: ``xml.etree.ElementTree.parse`` of every file,
``lxml.etree.parse`` of every file (if lxml is installed: ``pip install -e '.[bench]'``), and a
cold ``akn4un.load_folder`` of the folder (the call alone, after ``import unsc_tracker``; every
cache of the package is empty). The processes are interleaved, after one pass that brings the
files into the operating system's cache; the script prints the fastest and the median run of
each. Target: ``load_folder`` at most twice ``ElementTree.parse``.

Part 2 times a cold ``load_folder`` of the whole clone, all languages, and reports seconds,
files per second and what was read.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

_PARSE = r"""
import json, sys, time
from pathlib import Path
if sys.argv[2] == "lxml":
    from lxml import etree
    parse = etree.parse
else:
    import xml.etree.ElementTree as ET
    parse = ET.parse
start = time.perf_counter()
for file in sorted(Path(sys.argv[1]).rglob("*.xml")):  # listed inside the time, as load_folder does
    parse(str(file))
print(json.dumps({"seconds": time.perf_counter() - start}))
"""

_LOAD = r"""
import json, sys, time
start = time.perf_counter()
from unsc_tracker import akn4un
imported = time.perf_counter()
report = akn4un.load_folder(sys.argv[1], progress=False)
done = time.perf_counter()
print(json.dumps({
    "seconds": done - imported,
    "import": imported - start,
    "files": len(report.xml_files),
    "records": len(report.records),
    "statements": len(report.statements),
    "unreadable": len(report.unreadable),
    "repr": repr(report),
}))
"""


def _run(code: str, *args: str) -> dict[str, object]:
    done = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True)
    if done.returncode:
        raise RuntimeError(f"the timing process failed:\n{done.stderr}")
    found: dict[str, object] = json.loads(done.stdout)
    return found


def _has_lxml() -> bool:
    done = subprocess.run([sys.executable, "-c", "import lxml.etree"], capture_output=True)
    return done.returncode == 0


def english_resolutions(clone: Path) -> list[Path]:
    """The English resolutions of 2000-2026 in a clone, as its folders hold them."""
    files = sorted(clone.glob("Pre-2020/*/*.xml"))
    for year in range(2020, 2027):
        files += sorted((clone / str(year) / "English").glob("*.xml"))
    return files


def _linked(clone: Path, files: list[Path], into: Path) -> Path:
    """The files under ``into`` as in the clone: hard links, else copies (not symbolic links,
    which cost every reader a second look-up)."""
    for file in files:
        target = into / file.relative_to(clone)
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(file, target)
        except OSError:
            shutil.copyfile(file, target)
    return into


def _seconds(samples: list[dict[str, object]]) -> list[float]:
    return [float(str(sample["seconds"])) for sample in samples]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("clone", type=Path, help="a clone of github.com/UNxml/SCresolutions")
    parser.add_argument("--runs", type=int, default=5, help="fresh processes for each (5)")
    args = parser.parse_args()
    clone: Path = args.clone
    files = english_resolutions(clone)
    if not files:
        sys.exit(f"{clone}: no Pre-2020/<year>/*.xml or <year>/English/*.xml files")
    with tempfile.TemporaryDirectory() as temporary:
        folder = str(_linked(clone, files, Path(temporary)))
        for file in files:  # bring the files into the operating system's cache
            file.read_bytes()
        kinds = ["ElementTree.parse", "lxml.etree.parse", "akn4un.load_folder"]
        if not _has_lxml():
            kinds.remove("lxml.etree.parse")
        samples: dict[str, list[dict[str, object]]] = {kind: [] for kind in kinds}
        for _ in range(args.runs):
            for kind in kinds:
                if kind == "akn4un.load_folder":
                    samples[kind].append(_run(_LOAD, folder))
                else:
                    samples[kind].append(_run(_PARSE, folder, kind.split(".")[0].lower()))
    print(f"English resolutions 2000-2026: {len(files)} files, {args.runs} fresh processes each")
    print(f"  {'':22} {'fastest':>9} {'median':>9}")
    fastest = {kind: min(_seconds(found)) for kind, found in samples.items()}
    for kind, found in samples.items():
        median = statistics.median(_seconds(found))
        print(f"  {kind:22} {fastest[kind]:8.3f}s {median:8.3f}s")
    if "lxml.etree.parse" not in kinds:
        print("  lxml.etree.parse       not installed (pip install -e '.[bench]')")
    ratio = fastest["akn4un.load_folder"] / fastest["ElementTree.parse"]
    medians = {kind: statistics.median(_seconds(found)) for kind, found in samples.items()}
    ratio_median = medians["akn4un.load_folder"] / medians["ElementTree.parse"]
    print(
        f"  load_folder / ElementTree.parse: {ratio:.2f} (fastest), {ratio_median:.2f} "
        "(median); target at most 2"
    )
    imports = [float(str(sample["import"])) for sample in samples["akn4un.load_folder"]]
    print(f"  import unsc_tracker.akn4un before the call: {statistics.median(imports):.3f}s")
    print(f"  {samples['akn4un.load_folder'][0]['repr']}")

    whole = [_run(_LOAD, str(clone)) for _ in range(max(1, args.runs // 2))]
    best = min(_seconds(whole))
    count = int(str(whole[0]["files"]))
    print(f"whole clone, all languages: {count} XML files, fastest of {len(whole)} runs")
    print(f"  load_folder: {best:.2f}s, {count / best:.0f} files per second")
    print(
        f"  read {whole[0]['records']} resolutions and drafts, {whole[0]['statements']} "
        f"presidential statements; {whole[0]['unreadable']} unreadable"
    )


if __name__ == "__main__":
    main()
