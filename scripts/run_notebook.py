"""Run notebooks headless, cell by cell, and fail on the first cell that raises.

    python scripts/run_notebook.py examples/aleppo_2016.ipynb [MORE.ipynb ...]

Each notebook runs in a fresh kernel (``nbclient``, with the ``python3`` kernel of ``ipykernel``)
from the notebook's own folder. A cell that raises ends the run with exit status 1 and a message
naming the notebook, the cell's number and its first line, followed by the error. Notebooks are
stored without outputs; one that holds outputs or execution counts fails too, naming the cells,
so that results never go stale in the repository. The file on disk is never modified.

Needs ``nbclient``, ``nbformat`` and ``ipykernel`` (the ``docs`` extra), and whatever the
notebook imports (``pandas`` and ``matplotlib`` for the Aleppo notebook).
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import Any

CELL_TIMEOUT = 600  # seconds; a cell that runs longer is a failure
ANSI = re.compile(r"\x1b\[[0-9;]*m")  # the kernel colours its tracebacks; logs want plain text


class NotebookError(Exception):
    """A notebook that is not clean, or a cell that failed."""


def _first_line(cell: Any) -> str:
    lines = [line for line in cell.source.splitlines() if line.strip()]
    return lines[0].strip() if lines else "(empty)"


def check_clean(path: Path, notebook: Any) -> None:
    """Refuse a notebook stored with outputs or execution counts."""
    dirty = [
        f"cell {index} ({_first_line(cell)})"
        for index, cell in enumerate(notebook.cells, start=1)
        if cell.cell_type == "code" and (cell.outputs or cell.execution_count is not None)
    ]
    if dirty:
        raise NotebookError(
            f"{path}: stored with outputs in {', '.join(dirty)}; clear them before committing "
            "(e.g. jupyter nbconvert --clear-output --inplace)"
        )


def run(path: Path) -> int:
    """Execute every code cell of the notebook at ``path``; return how many ran."""
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError, CellTimeoutError

    notebook = nbformat.read(path, as_version=4)
    check_clean(path, notebook)
    client = NotebookClient(
        notebook,
        timeout=CELL_TIMEOUT,
        kernel_name="python3",
        resources={"metadata": {"path": str(path.resolve().parent)}},
    )
    ran = 0
    with client.setup_kernel():
        for index, cell in enumerate(notebook.cells):
            if cell.cell_type != "code":
                continue
            try:
                client.execute_cell(cell, index)
            except (CellExecutionError, CellTimeoutError) as error:
                detail = ANSI.sub("", str(error))
                raise NotebookError(
                    f"{path}: cell {index + 1} ({_first_line(cell)}) failed:\n{detail}"
                ) from error
            ran += 1
    return ran


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="+", type=Path, metavar="NOTEBOOK")
    args = parser.parse_args(argv)
    for path in args.notebooks:
        if not path.is_file():
            print(f"run_notebook: no such notebook: {path}", file=sys.stderr)
            return 2
        try:
            ran = run(path)
        except NotebookError as error:
            print(f"run_notebook: {error}", file=sys.stderr)
            return 1
        print(f"{path}: {ran} code cells ran")
    return 0


if __name__ == "__main__":
    sys.exit(main())
