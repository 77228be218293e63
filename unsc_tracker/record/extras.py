"""pandas for the record's tables, imported when a table is asked for, never when the record loads."""

from __future__ import annotations

from importlib import import_module
from typing import Any

from ..errors import MissingExtraError

__all__ = ["pandas_or_error"]


def pandas_or_error(feature: str) -> Any:
    """pandas, or :class:`~unsc_tracker.errors.MissingExtraError` naming the ``pandas`` extra."""
    try:
        return import_module("pandas")
    except ImportError:
        raise MissingExtraError(feature, "pandas", "pandas") from None
