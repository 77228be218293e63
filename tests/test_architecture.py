"""Data flows one way: each module imports only modules of its own layer or below.

The layers are the table in docs/architecture.md, read from there. Every import counts: at module
level, inside functions, under ``TYPE_CHECKING``, ``from . import x``, and module names given as
strings to ``import_module`` (or to ``views.set_loader``, which imports the module it names).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]
PACKAGE = ROOT / "unsc_tracker"
MAP = ROOT / "docs" / "architecture.md"

EXPECTED = {
    # VoteResult.to_dataframe and Replay.to_dataframe, documented conveniences over export's
    # vote_frame and replay_frame: these go when the export layer registers its frames.
    ("voting", "export"): "VoteResult.to_dataframe",
    ("replay", "export"): "Replay.to_dataframe",
}
"""Imports against the flow that are known, with the reason; any other one fails."""


def layers() -> dict[str, int]:
    """Top-level module or package name -> layer, from the table in docs/architecture.md."""
    found: dict[str, int] = {}
    for line in MAP.read_text(encoding="utf-8").splitlines():
        row = re.match(r"^\|\s*(\d+)\s*\|([^|]*)\|", line)
        if row:
            for name in re.findall(r"`([\w.]+)`", row.group(2)):
                found[name] = int(row.group(1))
    return found


def modules() -> dict[str, Path]:
    """Every module of the package by dotted name within it: ``council``, ``cli.replay``."""
    found: dict[str, Path] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(PACKAGE).with_suffix("").parts)
        if len(parts) > 1 and parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def _absolute(name: str, importer: str, level: int, is_package: bool) -> str:
    """The dotted name (within the package) that a relative import of ``level`` dots means."""
    base = importer.split(".") if importer not in ("__init__", "__main__") else []
    if not is_package and base:
        base = base[:-1]
    if level > 1:
        base = base[: len(base) - (level - 1)]
    return ".".join([*base, *([name] if name else [])])


def imports(name: str, path: Path, known: set[str]) -> set[str]:
    """The modules of the package ``name`` imports, by their dotted names within it."""
    is_package = path.name == "__init__.py"
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    found: set[str] = set()

    def add(dotted: str) -> None:
        # ``from .council import council`` names a module; ``from . import views`` too.
        while dotted and dotted not in known and "." in dotted:
            dotted = dotted.rsplit(".", 1)[0]
        if dotted:
            found.add(dotted)

    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("unsc_tracker."):
                    add(alias.name.removeprefix("unsc_tracker."))
        elif isinstance(node, ast.ImportFrom):
            if node.level == 0:
                if node.module and node.module.startswith("unsc_tracker"):
                    target = node.module.removeprefix("unsc_tracker").lstrip(".")
                    for alias in node.names:
                        sub = f"{target}.{alias.name}" if target else alias.name
                        add(sub if sub in known else target)
                continue
            target = _absolute(node.module or "", name, node.level, is_package)
            for alias in node.names:
                sub = f"{target}.{alias.name}" if target else alias.name
                add(sub if sub in known else target)
        elif isinstance(node, ast.Call):
            called = node.func.attr if isinstance(node.func, ast.Attribute) else None
            called = node.func.id if isinstance(node.func, ast.Name) else called
            if called not in ("import_module", "set_loader") or not node.args:
                continue
            first = node.args[0]
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                text = first.value
                if text.startswith("unsc_tracker."):
                    add(text.removeprefix("unsc_tracker."))
                elif text.startswith("."):
                    level = len(text) - len(text.lstrip("."))
                    add(_absolute(text.lstrip("."), name, level, is_package))
    found.discard(name)
    return {module for module in found if module}


def top(name: str) -> str:
    return name.split(".", 1)[0]


MODULES = modules()


def test_the_map_has_every_layer_in_order() -> None:
    assert sorted(set(layers().values())) == list(range(9))


@pytest.mark.parametrize("name", sorted(MODULES))
def test_every_module_is_on_the_map(name: str) -> None:
    assert top(name) in layers(), (
        f"unsc_tracker/{MODULES[name].relative_to(PACKAGE)} is not on the map: add "
        f"{top(name)!r} to the table of layers in docs/architecture.md"
    )


@pytest.mark.parametrize("name", sorted(MODULES))
def test_imports_go_down_the_layers(name: str) -> None:
    layer = layers()
    known = set(MODULES)
    against = []
    for target in sorted(imports(name, MODULES[name], known)):
        if top(target) not in layer:
            continue  # reported by test_every_module_is_on_the_map
        if layer[top(target)] > layer[top(name)] and (top(name), top(target)) not in EXPECTED:
            against.append(
                f"{name} (layer {layer[top(name)]}) imports {target} (layer {layer[top(target)]})"
            )
    assert not against, "imports against the flow: " + "; ".join(against)


def test_no_model_imports_the_display_layer() -> None:
    layer = layers()
    for name, path in MODULES.items():
        if layer.get(top(name), 99) < layer["display"] and top(name) != "akn4un":
            assert "display" not in {top(t) for t in imports(name, path, set(MODULES))}, name


def test_the_reader_reads_every_kind_of_import(tmp_path: Path) -> None:
    source = tmp_path / "probe.py"
    source.write_text(
        "from __future__ import annotations\n"
        "from importlib import import_module\n"
        "from typing import TYPE_CHECKING\n"
        "from . import views\n"
        "from .council import council\n"
        "import unsc_tracker.members\n"
        "if TYPE_CHECKING:\n"
        "    from .history import Veto\n"
        "def later() -> None:\n"
        "    from .display import explain\n"
        "    import_module('unsc_tracker.plot')\n"
        "    import_module('.export', 'unsc_tracker')\n",
        encoding="utf-8",
    )
    found = imports("probe", source, set(MODULES))
    assert found == {"views", "council", "members", "history", "display", "plot", "export"}


def test_the_expected_exceptions_are_still_imports_of_the_package() -> None:
    # An exception whose import is gone can be struck from EXPECTED (and from the map's list).
    layer = layers()
    for importer, imported in EXPECTED:
        assert layer[importer] < layer[imported], (importer, imported)
