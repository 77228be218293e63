"""MkDocs hooks: draw the documentation's figures, and the stage diagram from the code.

``mkdocs.yml`` names this file under ``hooks:``. Before each build it loads
``scripts/render_figures.py`` by path and calls its ``main(out_dir)``, which writes the PNG files
the pages show into ``docs/figures/``. The figures are drawn by the build, never committed.

If the script is missing the figures are skipped with a message (the pages that show them will
then fail a strict build on their missing images); if the script exists and fails, the build
fails. Files whose bytes did not change are left untouched, so ``mkdocs serve`` does not see its
own output as an edit and rebuild forever.

A page holding the line ``<!-- lifecycle-diagram -->`` gets, in its place, the diagram of
``unsc_tracker.lifecycle.mermaid()`` in a ``mermaid`` block, so the diagram shown is always the
transition table the code runs.

pytest imports this module too (``--doctest-modules``), so it imports nothing from MkDocs at the
top.
"""

from __future__ import annotations

import filecmp
import importlib.util
import logging
import shutil
import tempfile
from pathlib import Path
from typing import Any

log = logging.getLogger("mkdocs.hooks.figures")

SCRIPT = Path("scripts") / "render_figures.py"
FIGURES = "figures"
DIAGRAM_MARKER = "<!-- lifecycle-diagram -->"


def render_figures(root: Path, out_dir: Path) -> list[Path]:
    """Run ``main(out_dir)`` of ``root/scripts/render_figures.py``; [] if the script is absent."""
    script = root / SCRIPT
    if not script.is_file():
        log.info("figures: %s not found, no figures drawn", script)
        return []
    spec = importlib.util.spec_from_file_location("render_figures", script)
    if spec is None or spec.loader is None:
        raise RuntimeError(f"cannot load {script}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        drawn = [Path(p) for p in module.main(Path(scratch))]
        written = []
        for path in drawn:
            target = out_dir / path.name
            if not (target.exists() and filecmp.cmp(path, target, shallow=False)):
                shutil.copyfile(path, target)
            written.append(target)
    return written


def on_pre_build(config: Any, **kwargs: Any) -> None:
    """Draw the figures into ``<docs_dir>/figures``; any error in the script fails the build."""
    from mkdocs.exceptions import PluginError

    root = Path(config["config_file_path"]).resolve().parent
    out_dir = Path(config["docs_dir"]) / FIGURES
    try:
        written = render_figures(root, out_dir)
    except Exception as error:
        raise PluginError(f"figures: {root / SCRIPT} failed: {error!r}") from error
    if written:
        log.info("figures: %s", ", ".join(path.name for path in written))


def lifecycle_diagram(markdown: str) -> str:
    """Replace each line that is the diagram marker by ``lifecycle.mermaid()`` in a fence."""
    if DIAGRAM_MARKER not in markdown:
        return markdown
    from unsc_tracker.lifecycle import mermaid

    block = f"```mermaid\n{mermaid().rstrip()}\n```"
    return "\n".join(
        block if line.strip() == DIAGRAM_MARKER else line for line in markdown.split("\n")
    )


def on_page_markdown(markdown: str, **kwargs: Any) -> str:
    """Put the stage diagram, generated from the code, where a page asks for it."""
    return lifecycle_diagram(markdown)
