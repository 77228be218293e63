"""The notebook views in a real browser: headless Chromium under JupyterLab's own stylesheet.

Each view of :func:`html_check.every_view` (one per model that has one) is put on a page as
JupyterLab shows a cell's HTML output, with JupyterLab's stylesheet (from the installed
``jupyterlab`` package), and on a plain page with no stylesheet. Chromium computes the style of
every table cell: text cells must be left-aligned, numbers right-aligned, dates and counts on
one line. A bare table on the JupyterLab page must come out right-aligned, which shows that
JupyterLab's stylesheet is the one in force.

The Aleppo notebook is run too, and each of its outputs shown the same way; its figures must
load. With ``UNSC_TRACKER_SCREENSHOTS=FOLDER`` set, each output is also saved there as a PNG
(``docs/screenshots`` holds those of the docs).

Skipped, with the reason, when Chromium is not installed (``.ci/run`` installs Debian's
``chromium`` when it can) or when the ``jupyterlab`` package is missing.
"""

from __future__ import annotations

import base64
import html
import os
from pathlib import Path
from typing import Any

import pytest
from browser import (
    Run,
    chromium,
    jupyterlab_css,
    jupyterlab_output,
    jupyterlab_static,
    page,
    plain_output,
    probe,
    screenshot,
)
from html_check import every_view

ROOT = Path(__file__).parents[1]
NOTEBOOK = ROOT / "examples" / "aleppo_2016.ipynb"
BROWSER = chromium()

pytestmark = [
    pytest.mark.skipif(
        BROWSER is None,
        reason="no Chromium: install Debian's chromium (apt-get install chromium) or set CHROMIUM",
    ),
    pytest.mark.skipif(
        jupyterlab_static() is None,
        reason="the jupyterlab package (test extra) is not installed: no JupyterLab stylesheet",
    ),
]

CONTROL = "<table><tbody><tr><td>bare cell</td><th>bare header</th></tr></tbody></table>"


@pytest.fixture(scope="module")
def views() -> dict[str, str]:
    return every_view()


@pytest.fixture(scope="module")
def in_jupyterlab(views: dict[str, str]) -> Run:
    assert BROWSER is not None
    body = "".join(jupyterlab_output(name, fragment) for name, fragment in views.items())
    body += jupyterlab_output("control", CONTROL)
    return probe(BROWSER, page(body, jupyterlab_css()))


@pytest.fixture(scope="module")
def in_a_plain_page(views: dict[str, str]) -> Run:
    assert BROWSER is not None
    body = "".join(plain_output(name, fragment) for name, fragment in views.items())
    return probe(BROWSER, page(body))


def check_cells(name: str, cells: list[dict[str, Any]]) -> int:
    """Assert the alignment and wrapping of a view's cells; return how many were checked."""
    assert cells, f"{name}: no table cells"
    for cell in cells:
        where = f"{name}: {cell['tag']} {cell['text'][:40]!r} (class {cell['cls']!r})"
        if "ut-num" in cell["cls"].split():
            assert cell["align"] == "right", where
        else:
            assert cell["align"] == "left", f"{where} is aligned {cell['align']}"
        if {"ut-date", "ut-nowrap"} & set(cell["cls"].split()):
            assert cell["whiteSpace"] == "nowrap", where
            assert cell["lines"] <= 1, f"{where} wraps over {cell['lines']} lines"
        if cell["inHead"]:
            assert cell["text"], f"{name}: an empty header cell"
    return len(cells)


def test_jupyterlab_stylesheet_is_in_force(in_jupyterlab: Run) -> None:
    control = in_jupyterlab.found["control"]["cells"]
    assert [cell["align"] for cell in control] == ["right", "right"]


def test_text_cells_are_left_aligned_under_jupyterlab(
    in_jupyterlab: Run, views: dict[str, str]
) -> None:
    checked = {name: check_cells(name, in_jupyterlab.found[name]["cells"]) for name in views}
    assert sum(checked.values()) > 400, checked


def test_text_cells_are_left_aligned_on_a_plain_page(
    in_a_plain_page: Run, views: dict[str, str]
) -> None:
    for name in views:
        check_cells(name, in_a_plain_page.found[name]["cells"])


def test_dates_do_not_wrap_in_a_narrow_page(views: dict[str, str]) -> None:
    assert BROWSER is not None
    body = jupyterlab_output("replay", views["replay"])
    run = probe(BROWSER, page(body, jupyterlab_css(), width=420))
    dates = [c for c in run.found["replay"]["cells"] if c["cls"] == "ut-date"]
    assert dates
    assert all(c["lines"] == 1 for c in dates), dates


# --- the notebook --------------------------------------------------------------------------------


def _fragment(output: Any) -> tuple[str, str] | None:
    """An output as HTML, and its kind ("table", "figure" or "text"); None for none."""
    data = output.get("data", {})
    if "image/png" in data:
        png = data["image/png"].replace("\n", "")
        base64.b64decode(png, validate=True)
        return "figure", f'<img alt="figure" src="data:image/png;base64,{png}"/>'
    if "text/html" in data:
        return "table", data["text/html"]
    text = output.get("text") or data.get("text/plain")
    if text:
        return "text", f"<pre>{html.escape(text)}</pre>"
    return None


@pytest.fixture(scope="module")
def notebook_outputs() -> list[tuple[str, str, str]]:
    """(name, kind, HTML) of each table and figure the Aleppo notebook shows, run in a fresh
    kernel; the name is the cell's id."""
    nbformat = pytest.importorskip("nbformat", reason="nbformat (test extra) is not installed")
    nbclient = pytest.importorskip("nbclient", reason="nbclient (test extra) is not installed")
    pytest.importorskip("ipykernel", reason="ipykernel (test extra) is not installed")
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    nbclient.NotebookClient(
        notebook, timeout=600, kernel_name="python3",
        resources={"metadata": {"path": str(NOTEBOOK.parent)}},
    ).execute()  # fmt: skip
    found = []
    for cell in notebook.cells:
        shown = [f for f in map(_fragment, cell.get("outputs", [])) if f and f[0] != "text"]
        for number, (kind, fragment) in enumerate(shown, start=1):
            name = cell.id if len(shown) == 1 else f"{cell.id}-{number}"
            found.append((name, kind, fragment))
    return found


def test_notebook_outputs_under_jupyterlab(notebook_outputs: list[tuple[str, str, str]]) -> None:
    assert BROWSER is not None
    css = jupyterlab_css()
    body = "".join(jupyterlab_output(name, fragment) for name, _, fragment in notebook_outputs)
    run = probe(BROWSER, page(body, css))
    kinds = [kind for _, kind, _ in notebook_outputs]
    assert kinds.count("figure") >= 3
    assert kinds.count("table") >= 5
    for name, kind, fragment in notebook_outputs:
        found = run.found[name]
        if kind == "figure":
            assert [image["width"] > 100 for image in found["images"]] == [True], name
        elif 'class="unsc-tracker' in fragment:
            check_cells(name, [c for c in found["cells"] if c["cls"] or c["tag"] == "td"])
    folder = os.environ.get("UNSC_TRACKER_SCREENSHOTS")
    if folder:
        for name, _, fragment in notebook_outputs:
            target = Path(folder) / f"aleppo_2016-{name}.png"
            screenshot(BROWSER, page(jupyterlab_output(name, fragment), css), target)
