"""``unsc-tracker schema``: the JSON Schema of the scenario file format."""

from __future__ import annotations

import argparse
import json
import sys

from ._common import EXIT_OK, write_text

__all__ = ["register", "run", "schema_text"]


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "schema",
        help="the JSON Schema of the scenario file format",
        description="Print the JSON Schema of a scenario file, or write it to a file.",
    )
    parser.add_argument("--output", metavar="PATH", help="write the schema here")
    parser.set_defaults(command=run)


def schema_text() -> str:
    """The scenario JSON Schema as the ``schema`` command writes it (two-space indent, newline)."""
    from ..scenarios import scenario_json_schema

    return json.dumps(scenario_json_schema(), ensure_ascii=False, indent=2) + "\n"


def run(args: argparse.Namespace) -> int:
    text = schema_text()
    if args.output is None or args.output == "-":
        sys.stdout.write(text)
        return EXIT_OK
    write_text(args.output, text, "schema")
    print(f"wrote {args.output}")
    return EXIT_OK
