"""``unsc-tracker schema``: the JSON Schema of the scenario file format."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ..scenarios import scenario_json_schema
from ._common import EXIT_OK, CliError

__all__ = ["register", "run", "schema_text"]


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "schema",
        help="the JSON Schema of the scenario file format",
        description="Print the JSON Schema of a scenario file, or write it to a file.",
    )
    parser.add_argument("--output", metavar="PATH", type=Path, help="write the schema here")
    parser.set_defaults(command=run)


def schema_text() -> str:
    """The scenario JSON Schema as the ``schema`` command writes it (two-space indent, newline)."""
    return json.dumps(scenario_json_schema(), ensure_ascii=False, indent=2) + "\n"


def run(args: argparse.Namespace) -> int:
    text = schema_text()
    if args.output is None:
        sys.stdout.write(text)
        return EXIT_OK
    try:
        args.output.write_text(text, encoding="utf-8")
    except OSError as err:
        raise CliError(f"{args.output}: cannot write the schema ({err.strerror})") from None
    print(f"wrote {args.output}")
    return EXIT_OK
