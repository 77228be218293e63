"""The registry through which models show themselves as HTML in a notebook.

A model's ``_repr_html_`` asks :func:`html` for its view, and shows :func:`fallback` when there is
none; the display layer (:mod:`unsc_tracker.display`) fills the registry with :func:`register`
when it is imported. This module knows no model and imports nothing of the package, so the
models can use it and the display layer stays above them: data flows from the models up to
their presentation, never back.

The package's ``__init__`` names the module that fills the registry (:func:`set_loader`), so that
the display layer is imported on the first call for HTML, not when the package is imported.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from importlib import import_module
from typing import Any, TypeVar

__all__ = ["fallback", "html", "register", "set_loader"]

_VIEWS: dict[type, Callable[[Any], str]] = {}
_LOADERS: list[str] = []

T = TypeVar("T")


def register(cls: type[T]) -> Callable[[Callable[[T], str]], Callable[[T], str]]:
    """A decorator: the decorated function is the HTML view of ``cls`` (and its subclasses)."""

    def decorate(view: Callable[[T], str]) -> Callable[[T], str]:
        _VIEWS[cls] = view
        return view

    return decorate


def set_loader(module: str) -> None:
    """Name the module whose import registers the views (imported once, on first need)."""
    if module not in _LOADERS:
        _LOADERS.append(module)


def html(obj: object) -> str | None:
    """The HTML view of ``obj``, or ``None`` when no view is registered for its type."""
    while _LOADERS:
        import_module(_LOADERS.pop(0))
    for cls in type(obj).__mro__:
        view = _VIEWS.get(cls)
        if view is not None:
            return view(obj)
    return None


def fallback(obj: object) -> str:
    """``repr(obj)``, escaped, in a ``<pre>`` block: the HTML of an object that has no view."""
    return f"<pre>{escape(repr(obj))}</pre>"
