"""Check the built documentation site: what its pages must show, read from their HTML.

    python scripts/check_site.py SITE_DIR

- The API reference lists every field of the models users read most (``VoteRecord``,
  ``Snapshot``, and the vote record's ``Vote`` when the package has it), each with its
  description where the model gives one, and every value of
  ``Ballot``, ``Outcome`` and ``Stage``, each under its own anchor; the lists are taken from the
  code, so a field or value added later is checked too.
- The notebook page shows the notebook's outputs: its figures as images, its tables.
- The stage diagram is an SVG image the site serves itself, and no page loads Mermaid's script.

Prints each problem and exits 1 when there is any; exits 0 with a one-line summary otherwise.
"""

from __future__ import annotations

import html
import re
import sys
from enum import StrEnum
from importlib import import_module
from pathlib import Path
from typing import Any

REFERENCE = Path("reference") / "index.html"
NOTEBOOK = Path("aleppo_2016") / "index.html"
DIAGRAM_PAGE = Path("concepts") / "index.html"
DIAGRAM = "figures/stages.svg"


def _models() -> dict[str, dict[str, str | None]]:
    """Model path -> its fields and their descriptions, for the models whose fields the
    reference must list (a NamedTuple's fields have none)."""
    from unsc_tracker.replay import Snapshot
    from unsc_tracker.voting import VoteRecord

    def described(model: Any) -> dict[str, str | None]:
        return {name: field.description for name, field in model.model_fields.items()}

    models = {
        "unsc_tracker.voting.VoteRecord": described(VoteRecord),
        "unsc_tracker.replay.Snapshot": dict.fromkeys(Snapshot._fields),
    }
    try:
        vote = import_module("unsc_tracker.record").Vote
    except (ImportError, AttributeError):
        pass
    else:
        models["unsc_tracker.record.Vote"] = described(vote)  # the path the reference shows
    return models


def _enums() -> dict[str, type[StrEnum]]:
    from unsc_tracker.lifecycle import Stage
    from unsc_tracker.voting import Ballot, Outcome

    return {
        "unsc_tracker.voting.Ballot": Ballot,
        "unsc_tracker.voting.Outcome": Outcome,
        "unsc_tracker.lifecycle.Stage": Stage,
    }


def check_reference(site: Path) -> list[str]:
    """Every field and every enum value under its anchor in the API reference."""
    page = (site / REFERENCE).read_text(encoding="utf-8")
    problems = []
    for model, fields in _models().items():
        if f'id="{model}"' not in page:
            problems.append(f"{REFERENCE}: no entry for {model}")
        for name, description in fields.items():
            # the entry: its heading and signature, then its text in "doc-contents"
            entry = re.search(
                rf'id="{re.escape(model)}\.{name}".*?doc-contents[^>]*>.*?</div>', page, re.S
            )
            if entry is None:
                problems.append(f"{REFERENCE}: {model} does not list its field {name}")
            elif description and html.escape(description, quote=False) not in entry.group():
                problems.append(f"{REFERENCE}: {model}.{name} lacks its description")
    for path, enum in _enums().items():
        for item in enum:
            # the entry: its heading, then its signature ``NAME = 'value'``
            entry = re.search(
                rf'id="{re.escape(path)}\.{item.name}".*?doc-contents', page, re.DOTALL
            )
            if entry is None:
                problems.append(f"{REFERENCE}: {path} does not list {item.name}")
            elif not re.search(rf"(&#39;|'){re.escape(item.value)}(&#39;|')", entry.group()):
                problems.append(f"{REFERENCE}: {path}.{item.name} does not show {item.value!r}")
    return problems


def check_notebook(site: Path) -> list[str]:
    """The notebook's page holds its figures (PNG images) and its tables."""
    path = site / NOTEBOOK
    if not path.is_file():
        return [f"{NOTEBOOK}: the notebook's page is missing"]
    page = path.read_text(encoding="utf-8")
    problems = []
    figures = len(re.findall(r'<img[^>]+src="data:image/png;base64,', page))
    if figures < 3:
        problems.append(f"{NOTEBOOK}: {figures} figures shown, 3 expected")
    if page.count('class="unsc-tracker') < 3:
        problems.append(f"{NOTEBOOK}: the library's own tables are not shown")
    if page.count('class="dataframe') < 4:
        problems.append(f"{NOTEBOOK}: the DataFrames are not shown")
    return problems


def check_diagram(site: Path) -> list[str]:
    """The stage diagram is served as SVG, and no page loads Mermaid from elsewhere."""
    problems = []
    svg = site / DIAGRAM
    if not svg.is_file() or "<svg" not in svg.read_text(encoding="utf-8")[:500]:
        problems.append(f"{DIAGRAM}: missing or not SVG")
    if DIAGRAM.split("/")[-1] not in (site / DIAGRAM_PAGE).read_text(encoding="utf-8"):
        problems.append(f"{DIAGRAM_PAGE}: does not show {DIAGRAM}")
    for page in sorted(site.rglob("*.html")):
        text = page.read_text(encoding="utf-8")
        if re.search(r"<script[^>]+mermaid", text) or 'class="mermaid"' in text:
            problems.append(f"{page.relative_to(site)}: loads or awaits Mermaid's script")
    return problems


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    site = Path(args[0])
    problems = check_reference(site) + check_notebook(site) + check_diagram(site)
    for problem in problems:
        print(f"check_site: {problem}", file=sys.stderr)
    if problems:
        return 1
    models = ", ".join(name.rsplit(".", 1)[-1] for name in _models())
    enums = ", ".join(name.rsplit(".", 1)[-1] for name in _enums())
    print(f"{site}: fields of {models}, values of {enums}, notebook and diagram found")
    return 0


if __name__ == "__main__":
    sys.exit(main())
