"""MkDocs hooks: draw the documentation's figures and the stage diagrams from the code.

``mkdocs.yml`` names this file under ``hooks:``. Before each build it loads
``scripts/render_figures.py`` by path and calls its ``main(out_dir)``, which writes the PNG files
the pages show into ``docs/figures/``. The figures are drawn by the build, never committed.

If the script is missing the figures are skipped with a message (the pages that show them will
then fail a strict build on their missing images); if the script exists and fails, the build
fails. Files whose bytes did not change are left untouched, so ``mkdocs serve`` does not see its
own output as an edit and rebuild forever.

The stage diagrams are SVG images drawn from the transition table the code runs
(``unsc_tracker.display.diagram.stage_diagram_svg``), written into ``docs/figures/`` by the same
step: ``stages.svg``, and ``aleppo-stages-s-2016-846.svg`` with the path of S/2016/846 marked. The
site serves them itself: no page needs a script from elsewhere to show a diagram. A page holding
the line ``<!-- lifecycle-diagram -->`` gets, in its place, the image ``stages.svg``.

The Aleppo notebook (``examples/aleppo_2016.ipynb``) is added to the site's files as
``aleppo_2016.ipynb``, before the ``mkdocs-jupyter`` plugin looks for notebooks; that plugin runs
it at each build and renders it with its outputs, figures included.

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

try:
    from mkdocs.plugins import event_priority
except ImportError:  # pytest imports this file where MkDocs may be absent

    def event_priority(priority: float) -> Any:
        return lambda function: function


log = logging.getLogger("mkdocs.hooks.figures")

NOTEBOOK = Path("examples") / "aleppo_2016.ipynb"

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


def stage_diagrams(out_dir: Path) -> list[Path]:
    """Write the stage diagrams into ``out_dir``; files whose text did not change stay as they are."""
    from unsc_tracker.display.diagram import stage_diagram_svg
    from unsc_tracker.replay import replay_path
    from unsc_tracker.scenarios import load_scenario

    path = replay_path(load_scenario("aleppo-2016").replay("S/2016/846"))
    drawings = {
        "stages.svg": stage_diagram_svg(),
        "aleppo-stages-s-2016-846.svg": stage_diagram_svg(path),
    }
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, svg in drawings.items():
        target = out_dir / name
        if not (target.exists() and target.read_text(encoding="utf-8") == svg):
            target.write_text(svg, encoding="utf-8")
        written.append(target)
    return written


def on_pre_build(config: Any, **kwargs: Any) -> None:
    """Draw the figures and the stage diagrams into ``<docs_dir>/figures``; any error in the
    script fails the build."""
    from mkdocs.exceptions import PluginError

    root = Path(config["config_file_path"]).resolve().parent
    out_dir = Path(config["docs_dir"]) / FIGURES
    try:
        written = render_figures(root, out_dir) + stage_diagrams(out_dir)
    except Exception as error:
        raise PluginError(f"figures: {root / SCRIPT} failed: {error!r}") from error
    if written:
        log.info("figures: %s", ", ".join(path.name for path in written))


DIAGRAM = (
    "![The stages of a draft resolution, top to bottom, and the events that move it from one to "
    "the next](figures/stages.svg)"
)


def lifecycle_diagram(markdown: str) -> str:
    r"""Replace each line that is the diagram marker by the image of the stage diagram.

    >>> lifecycle_diagram("Before\n<!-- lifecycle-diagram -->\nAfter").splitlines()[1][:14]
    '![The stages o'
    """
    return "\n".join(
        DIAGRAM if line.strip() == DIAGRAM_MARKER else line for line in markdown.split("\n")
    )


def on_page_markdown(markdown: str, **kwargs: Any) -> str:
    """Put the stage diagram, drawn from the code, where a page asks for it."""
    return lifecycle_diagram(markdown)


@event_priority(100)  # before mkdocs-jupyter turns notebooks into pages
def on_files(files: Any, config: Any, **kwargs: Any) -> Any:
    """Add the Aleppo notebook, kept in ``examples/``, to the site's files."""
    from mkdocs.structure.files import File

    root = Path(config["config_file_path"]).resolve().parent
    # A File read from its own folder: mkdocs-jupyter reads the notebook from the file's folder.
    files.append(
        File(
            NOTEBOOK.name,
            src_dir=str(root / NOTEBOOK.parent),
            dest_dir=config["site_dir"],
            use_directory_urls=config["use_directory_urls"],
        )
    )
    return files
