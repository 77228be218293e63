"""Headless Chromium for the tests: pages built from HTML fragments, the computed style of their
table cells read back, and screenshots.

A page is written to a temporary folder and opened by ``file://`` with the network off: Chromium
runs the page's script, which writes what the tests ask (:data:`PROBE`) into ``<pre
id="probe">`` as JSON, and ``--dump-dom`` prints the page as it then stands. Chromium is found as
``$CHROMIUM`` or on the ``PATH`` (``chromium``, ``chromium-browser``, ``google-chrome``);
:func:`chromium` returns ``None`` when there is none, and the tests skip with that reason.

JupyterLab's stylesheet is read from the installed ``jupyterlab`` package (the ``test`` extra):
its CSS is bundled in the JavaScript of ``share/jupyter/lab/static`` as one template string per
stylesheet, which :func:`jupyterlab_css` collects, with the variables of the light theme.
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--hide-scrollbars",
    "--force-device-scale-factor=1",
)
"""Chromium's flags: headless, no sandbox (CI runs as root), no network of its own."""

TIMEOUT = 120  # seconds for one run of Chromium

# One stylesheet of the bundle: webpack's css-loader pushes [module id, `css text`, ""].
_BUNDLED_CSS = re.compile(r"\.push\(\[\w+\.id,`((?:[^`\\]|\\.)*)`,\"\"\]\)")
_PLACEHOLDER = re.compile(r"\$\{[^}]*\}")  # a url() the bundle fills in at run time

PROBE = """
<script>
(function () {
  function cells(root) {
    return Array.from(root.querySelectorAll("td, th")).map(function (cell) {
      var style = getComputedStyle(cell);
      var range = document.createRange();
      range.selectNodeContents(cell);
      var lines = new Set(Array.from(range.getClientRects()).map(function (r) {
        return Math.round(r.top);
      }));
      return {
        text: cell.textContent.trim(),
        tag: cell.tagName.toLowerCase(),
        cls: cell.className,
        inHead: cell.closest("thead") !== null,
        align: style.textAlign,
        whiteSpace: style.whiteSpace,
        lines: lines.size
      };
    });
  }
  var found = {};
  document.querySelectorAll("[data-probe]").forEach(function (box) {
    var images = Array.from(box.querySelectorAll("img")).map(function (img) {
      return {width: img.naturalWidth, height: img.naturalHeight, alt: img.alt};
    });
    found[box.dataset.probe] = {
      cells: cells(box),
      images: images,
      width: box.scrollWidth
    };
  });
  found["page height"] = document.documentElement.scrollHeight;
  document.getElementById("probe").textContent = JSON.stringify(found);
})();
</script>
"""


def chromium() -> str | None:
    """The Chromium to run, or None."""
    named = os.environ.get("CHROMIUM")
    if named:
        return named if Path(named).is_file() else None
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


def jupyterlab_static() -> Path | None:
    """The folder of JupyterLab's built front end, or None when jupyterlab is not installed."""
    for prefix in (sys.prefix, sys.base_prefix):
        folder = Path(prefix) / "share" / "jupyter" / "lab"
        if (folder / "static").is_dir():
            return folder
    return None


def jupyterlab_css() -> str:
    """Every stylesheet of JupyterLab's front end and the light theme's variables, as one text."""
    folder = jupyterlab_static()
    if folder is None:
        raise FileNotFoundError("jupyterlab is not installed: no share/jupyter/lab/static")
    sheets = []
    for script in sorted((folder / "static").glob("*.js")):
        text = script.read_text(encoding="utf-8", errors="replace")
        for found in _BUNDLED_CSS.finditer(text):
            css = re.sub(r"\\(.)", r"\1", found.group(1), flags=re.DOTALL)
            sheets.append(_PLACEHOLDER.sub("", css))
    theme = folder / "themes" / "@jupyterlab" / "theme-light-extension" / "index.css"
    sheets.append(_PLACEHOLDER.sub("", theme.read_text(encoding="utf-8")))
    return "\n".join(sheets)


def jupyterlab_output(name: str, fragment: str) -> str:
    """A fragment as JupyterLab shows a cell's ``text/html`` output, marked for the probe."""
    return (
        '<div class="jp-Cell jp-CodeCell jp-Notebook-cell"><div class="jp-Cell-outputWrapper">'
        '<div class="jp-OutputArea jp-Cell-outputArea"><div class="jp-OutputArea-child">'
        '<div class="jp-OutputPrompt jp-OutputArea-prompt"></div>'
        '<div class="jp-RenderedHTMLCommon jp-RenderedHTML jp-OutputArea-output" '
        f'data-mime-type="text/html" data-probe="{html.escape(name)}">{fragment}</div>'
        "</div></div></div></div>"
    )


def plain_output(name: str, fragment: str) -> str:
    """A fragment as a plain page shows it."""
    return f'<div data-probe="{html.escape(name)}">{fragment}</div>'


def page(body: str, css: str = "", *, width: int = 1100) -> str:
    """A whole page: the stylesheet, the body, the probe."""
    return (
        '<!DOCTYPE html><html><head><meta charset="utf-8"/>'
        f"<style>{css}</style><style>body{{margin:8px;width:{width - 16}px;overflow:visible;"
        "height:auto;position:static}</style></head>"
        f'<body data-jp-theme-light="true">{body}<pre id="probe" style="display:none">probe did not run</pre>'
        f"{PROBE}</body></html>"
    )


@dataclass
class Run:
    """What Chromium computed for each fragment of a page (by name) and the page's height."""

    found: dict[str, Any]
    height: int


def _run(browser: str, args: Sequence[str], scratch: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [browser, *FLAGS, f"--user-data-dir={scratch / 'profile'}", *args],
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
        cwd=scratch,
    )


def probe(browser: str, document: str) -> Run:
    """Open ``document`` in Chromium and return what its probe wrote."""
    with tempfile.TemporaryDirectory() as folder:
        scratch = Path(folder)
        path = scratch / "page.html"
        path.write_text(document, encoding="utf-8")
        done = _run(browser, ["--dump-dom", path.as_uri()], scratch)
        written = re.search(r'<pre id="probe"[^>]*>(.*?)</pre>', done.stdout, flags=re.DOTALL)
        if done.returncode != 0 or written is None:
            raise RuntimeError(
                f"{browser} --dump-dom failed (exit {done.returncode}): {done.stderr[-2000:]}"
            )
        found = json.loads(html.unescape(written.group(1)))
    return Run(found=found, height=int(found.pop("page height")))


def screenshot(browser: str, document: str, target: Path, *, width: int = 1100) -> Path:
    """Write a PNG of the whole of ``document`` at ``width`` pixels to ``target``."""
    height = probe(browser, document).height
    with tempfile.TemporaryDirectory() as folder:
        scratch = Path(folder)
        path = scratch / "page.html"
        path.write_text(document, encoding="utf-8")
        shot = scratch / "shot.png"
        done = _run(
            browser,
            [f"--screenshot={shot}", f"--window-size={width},{height}", path.as_uri()],
            scratch,
        )
        if done.returncode != 0 or not shot.is_file():
            raise RuntimeError(f"{browser} --screenshot failed: {done.stderr[-2000:]}")
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(shot, target)
    return target
